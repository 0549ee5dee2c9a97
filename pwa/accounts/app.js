// @ts-check
/**
 * The accounts pages for clinicians and admins: sign-in (and setting up an authenticator
 * app, which staff must do first), invitations, the site's people, and one's own sessions
 * and password. Screens are chosen by the URL hash:
 *   #/          admins: the site's people; clinicians: their patients
 *   #/invite    invite someone
 *   #/me        your sessions and password
 * Calls and page building are the review app's (../review/api.js, ../review/dom.js).
 */
import { call, onSignedOut, reasonOf, remember, session } from "../review/api.js";
import { h, show } from "../review/dom.js";
import { inviteScreen } from "./invite.js";
import { meScreen } from "./me.js";
import { patientsScreen } from "./patients.js";
import { peopleScreen } from "./people.js";
import { qualityScreen } from "./quality.js";
import { enrolScreen } from "./totp.js";
import { newTurn } from "./turn.js";

async function route() {
  if (!session()) return signIn();
  const current = newTurn();
  const me = await call("GET", "/me");
  if (!me.ok || !current()) return; // a 401 has already brought back the sign-in form
  // Sent here by the review app to set up the authenticator: go back once it is done.
  const back = new URLSearchParams(location.search).get("next") === "review" ? "/review" : null;
  if (me.data.needs_totp_enrolment) {
    account(me.data, false);
    return enrolScreen(back ? () => location.assign(back) : route);
  }
  if (back) return location.replace(back);
  account(me.data, true);
  const hash = location.hash || "#/";
  if (hash === "#/me") return meScreen();
  if (hash === "#/invite") return inviteScreen(me.data.role);
  if (hash === "#/quality" && me.data.role === "admin") return qualityScreen();
  // Used now and then: loaded on first use.
  if (hash === "#/outcomes" && me.data.role === "admin") return (await import("./outcomes.js")).outcomesScreen();
  if (me.data.role === "admin") return peopleScreen(me.data.user_id);
  if (me.data.role === "researcher") {
    return show("Studies", h("h1", {}, "Studies"),
      h("p", {}, "Your site's studies (screening, enrolment, CONSORT and exports) are in the review pages."),
      h("p", {}, h("a", { class: "button", href: "/review" }, "Open studies")));
  }
  return patientsScreen();
}

/**
 * @param {{display_name: string, role: string}} who
 * @param {boolean} links
 */
function account(who, links) {
  const nav = /** @type {HTMLElement} */ (document.getElementById("account"));
  const items = [];
  if (links) items.push(h("a", { href: "#/" }, /** @type {Record<string, string>} */ ({ admin: "People", researcher: "Studies" })[who.role] ?? "Your patients"));
  if (links && who.role === "admin") {
    items.push(h("a", { href: "#/quality" }, "Quality statements"), h("a", { href: "#/outcomes" }, "Outcomes"));
  }
  if (links && who.role !== "researcher") items.push(h("a", { href: "#/invite" }, "Invite someone"));
  if (links) items.push(h("a", { href: "#/me" }, "Your account"));
  nav.replaceChildren(
    ...items,
    h("span", {}, `Signed in as ${who.display_name}`),
    h("button", { type: "button", class: "link", onclick: signOut }, "Sign out"),
  );
}

async function signOut() {
  await call("DELETE", "/session");
  remember(null);
  location.hash = "#/";
  signIn();
}

function signIn() {
  newTurn();
  /** @type {HTMLElement} */ (document.getElementById("account")).replaceChildren();
  const problem = h("p", { class: "problem", role: "alert", id: "signin-problem" });
  const field = (/** @type {string} */ id, /** @type {string} */ label, /** @type {Record<string, any>} */ attrs) =>
    h("p", { class: "field" }, h("label", { for: id }, label), h("input", { id, name: id, ...attrs }));
  const form = h("form", { class: "card narrow", "aria-describedby": "signin-problem" },
    field("login", "Login", { autocomplete: "username", maxlength: 64, required: true }),
    field("password", "Password", { type: "password", autocomplete: "current-password", required: true }),
    field("totp", "Code from your authenticator app (if you have set one up)", {
      inputmode: "numeric", autocomplete: "one-time-code", pattern: "[0-9 ]{6,8}", maxlength: 8,
    }),
    problem,
    h("button", { type: "submit" }, "Sign in"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const code = String(data.get("totp") || "").replace(/\s/g, "");
    const reply = await call("POST", "/session", {
      login: String(data.get("login")), password: String(data.get("password")),
      ...(code ? { totp: code } : {}),
    });
    if (!reply.ok) {
      const wantsCode = reply.data?.errors?.[0]?.field === "totp";
      problem.textContent = wantsCode
        ? "Please enter the 6-digit code from your authenticator app."
        : reasonOf(reply.data);
      return;
    }
    if (reply.data.role === "patient") {
      await call("DELETE", "/session");
      problem.textContent = "These pages are for clinicians and admins. Patients can use their diary at the main address.";
      return;
    }
    remember({ csrf_token: reply.data.csrf_token, display_name: reply.data.display_name, role: reply.data.role });
    route();
  });
  show("Sign in", h("h1", {}, "Sign in to diarycard accounts"), form);
}

onSignedOut.addEventListener("signedout", () => signIn());
window.addEventListener("hashchange", route);
route();
