// @ts-check
/**
 * The single-page router: a path picks a registered screen; same-origin links move
 * without reloading. It also remembers whether a form on screen holds unsaved input, so
 * an update never reloads a half-filled form.
 */
import { t } from "../shared/words.js";
import { currentSession } from "../shared/phone-session.js";
import { h } from "../shared/dom.js";
import { later } from "./dom.js";
import { lockState } from "./lock-gate.js";
import { screens } from "./registry.js";

const main = /** @type {HTMLElement} */ (document.getElementById("main"));
const nav = /** @type {HTMLElement} */ (document.getElementById("nav"));
let dirty = false;
let first = true;

/** True while the screen holds input the patient has not saved yet. */
export function hasUnsavedInput() {
  return dirty;
}

/**
 * @param {string} url
 * @param {{replace?: boolean}} [options]
 */
export function go(url, options = {}) {
  if (options.replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  void show();
}

// Which drawing is the latest: only it may say the screen is ready.
let drawing = 0;

/**
 * Draw the screen for the current address. `main` is aria-busy while it draws, so
 * assistive technology (and a test) does not read a half-drawn screen.
 */
export async function show() {
  const mine = ++drawing;
  main.setAttribute("aria-busy", "true");
  try {
    await draw();
  } finally {
    if (mine === drawing) main.removeAttribute("aria-busy");
  }
}

async function draw() {
  const path = location.pathname.replace(/\/+$/, "") || "/";
  const screen = screens.get(path) || screens.get("/not-found");
  if (!screen) return;
  const session = await currentSession();
  if (!screen.public && !session) {
    const next = encodeURIComponent(location.pathname + location.search);
    go(`/signin?next=${next}`, { replace: true });
    return;
  }
  dirty = false;
  const lock = screen.public ? "open" : await lockState(session);
  document.title = `${lock === "open" ? screen.title : t("router.locked")} · diarycard`;
  drawNav(path, session);
  main.replaceChildren();
  /** @type {import("./registry.js").ScreenContext} */
  const ctx = {
    session,
    params: new URLSearchParams(location.search),
    go,
    saved: () => {
      dirty = false;
    },
  };
  try {
    if (lock === "open") await screen.render(main, ctx);
    else await (await later(() => import("./lock.js"), main))?.render(main, lock, ctx);
  } catch (error) {
    console.error("A screen failed to draw", error instanceof Error ? error.name : "");
    main.replaceChildren(
      h("h1", { text: t("router.failed") }),
      h("p", { text: t("router.failed.more") }),
      h("p", {}, h("a", { class: "button", href: "/crisis", text: t("crisis.open") })));
  }
  // Move focus to the new screen for screen readers, but not on the very first load.
  if (!first) main.focus();
  first = false;
}

/**
 * @param {string} path
 * @param {import("../shared/phone-session.js").Session | undefined} session
 */
function drawNav(path, session) {
  const items = [...screens.values()]
    .filter((s) => s.nav && (session || s.public))
    .sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0));
  const list = h("ul", { class: "nav-list" });
  for (const s of items) {
    const here = s.path === path || (s.path === "/" && path === "/log");
    list.append(h("li", {}, h("a", { href: s.path, "aria-current": here ? "page" : null, text: s.nav?.label })));
  }
  nav.replaceChildren(list);
}

/** Start routing: intercept our own links, follow back and forward. */
export function startRouter() {
  main.addEventListener("input", () => {
    dirty = true;
  });
  document.addEventListener("click", (event) => {
    const link = /** @type {HTMLElement} */ (event.target).closest?.("a");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const href = link.getAttribute("href") || "";
    if (!href.startsWith("/") || href.startsWith("/api/") || link.hasAttribute("download")) return;
    event.preventDefault();
    go(href);
  });
  window.addEventListener("popstate", () => void show());
  window.addEventListener("diarycard:locked", () => void show());
  return show();
}
