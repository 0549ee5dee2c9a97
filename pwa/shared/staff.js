// @ts-check
/**
 * The staff apps' page frame (review and accounts): one screen at a time in <main>, the
 * account bar, signing in and out, and dates in words as the service's clinicians read
 * them (London time).
 */
import { dateLocale, t } from "./words.js";
import { call } from "./api.js";
import { h } from "./dom.js";
import { signInForm } from "./sign-in.js";
import { remember } from "./tab-session.js";

// The app's name, from its index.html <title> before any screen changes it; the brand
// line once the app has put it in the chosen language.
const APP = document.title;
const appName = () => document.querySelector(".brand")?.textContent?.trim() || APP;

/**
 * Replace the main content, move focus to it and set the page title.
 * @param {string} title
 * @param {...(Node | null)} nodes null (a part with nothing to show) is left out, never printed
 */
export function show(title, ...nodes) {
  const main = /** @type {HTMLElement} */ (document.getElementById("main"));
  main.replaceChildren(...nodes.filter((n) => n !== null));
  document.title = `${title} – ${appName()}`;
  main.focus();
}

const LONDON = "Europe/London";

/** @param {string | null | undefined} iso */
export function dateTime(iso) {
  if (!iso) return "";
  return new Date(iso).toLocaleString(dateLocale(), {
    timeZone: LONDON, weekday: "short", day: "numeric", month: "short", hour: "2-digit",
    minute: "2-digit",
  });
}

/** @param {string | null | undefined} iso a date-time, or a plain YYYY-MM-DD day */
export function day(iso) {
  if (!iso) return "";
  const when = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return when.toLocaleDateString(dateLocale(), {
    timeZone: LONDON, weekday: "short", day: "numeric", month: "short",
  });
}

/** Today in London, YYYY-MM-DD. */
export function today() {
  return new Date().toLocaleDateString("en-CA", { timeZone: LONDON });
}

/**
 * The account bar in the header: the app's links, who is signed in, and signing out.
 * @param {string} name
 * @param {Node[]} links
 * @param {() => void} signOut
 */
export function accountBar(name, links, signOut) {
  /** @type {HTMLElement} */ (document.getElementById("account")).replaceChildren(
    ...links,
    h("span", {}, t("staff.signed_in", { name })),
    h("button", { type: "button", class: "link", onclick: signOut }, t("staff.signout")),
  );
}

/**
 * The frame's own words (index.html holds en-GB for the first paint), in the chosen
 * language: the app's `skip` link, `brand`, `footer` and `loading` words from its
 * catalogue, and the account bar's name.
 * @param {{skip: string, brand: string, footer: string, loading: string}} words
 */
export function frameWords(words) {
  document.querySelector(".skip")?.replaceChildren(words.skip);
  document.querySelector(".brand a")?.replaceChildren(words.brand);
  document.querySelector("footer p")?.replaceChildren(words.footer);
  document.querySelector("main > p")?.replaceChildren(words.loading);
  document.getElementById("account")?.setAttribute("aria-label", t("staff.account_nav"));
}

/** End the session here and on the server, back to the first screen. */
export async function endSession() {
  await call("DELETE", "/api/v1/session");
  remember(null);
  location.hash = "#/";
}

/** The staff apps' fields: their code box is there from the start. @type {import("./sign-in.js").Field[]} */
const STAFF_FIELDS = [
  { name: "login", label: t("staff.login"), attrs: { autocomplete: "username", maxlength: "64" } },
  { name: "password", label: t("signin.password"), attrs: { type: "password", autocomplete: "current-password" } },
  { name: "totp", label: t("staff.totp"), optional: true,
    attrs: { inputmode: "numeric", autocomplete: "one-time-code", pattern: "[0-9 ]{6,8}", maxlength: "8" } },
];

/**
 * The sign-in screen of a staff app. Someone whose role the app is not for is signed out
 * again at once, and told where to go.
 * @param {{heading: string, admits: (role: string) => boolean, refused: string, then: () => void}} o
 */
export function signInScreen(o) {
  /** @type {HTMLElement} */ (document.getElementById("account")).replaceChildren();
  const form = signInForm({
    url: "/api/v1/session", button: t("signin.title"), fields: STAFF_FIELDS, class: "card narrow",
    async signedIn(data) {
      if (!o.admits(data.role)) {
        await call("DELETE", "/api/v1/session");
        return o.refused;
      }
      remember({ csrf_token: data.csrf_token, display_name: data.display_name, role: data.role,
        enrol: data.needs_totp_enrolment });
      o.then();
    },
  });
  show(t("signin.title"), h("h1", {}, o.heading), form);
}
