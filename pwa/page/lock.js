// @ts-check
/**
 * The app lock's screens (loaded on first use, then kept by the service worker): the
 * lock screen, choosing a PIN, and the lock's part of Settings. The lock screen always
 * offers the crisis plan first, in one tap and without the PIN: a person in crisis must
 * never be stopped by a lock (hazard log, H-060).
 */
import { reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { currentSession } from "../shared/phone-session.js";
import { get, put } from "../shared/idb.js";
import { setPin, showPlanOnLock, unlock } from "../shared/lock-keys.js";
import { lockOf, useKey } from "../shared/seal.js";
import { confirmDialog, savedMessage } from "./dom.js";
import { kick } from "./drainer.js";
import { skipForNow } from "./lock-gate.js";
import { keepForLock, keptPlan } from "./tools/plan-data.js";

/** @typedef {import("./registry.js").ScreenContext} ScreenContext */

let counter = 0;
// The file this screen came in (the bundle's chunk, which holds the lock's keys too): the
// service worker keeps it, so the lock screen opens with no signal after a restart.
export const LOCK_FILES = [new URL(import.meta.url).pathname];

/** @param {string} label @param {Record<string, string>} attrs */
function field(label, attrs) {
  const id = `lock-${++counter}`;
  const input = /** @type {HTMLInputElement} */ (h("input", { id, type: "password", inputmode: "numeric", autocomplete: "off", maxlength: "64", ...attrs }));
  return { input, element: h("div", {}, h("label", { for: id, text: label }), input) };
}

const crisisFirst = () => h("p", { class: "actions" },
  h("a", { class: "button crisis-now", href: "/crisis", text: "Open my crisis plan (no PIN needed)" }));

/** Back to where the patient was going, now open; and send what waited. @param {ScreenContext} ctx */
function opened(ctx) {
  ctx.go(location.pathname + location.search, { replace: true });
  void kick(true);
  // The lock screen must open with no signal after a restart: have the worker keep it.
  navigator.serviceWorker?.ready.then((r) => r.active?.postMessage({ type: "keep", urls: LOCK_FILES })).catch(() => {});
}

/**
 * @param {HTMLElement} main
 * @param {"locked" | "reset" | "choose"} state
 * @param {ScreenContext} ctx
 */
export async function render(main, state, ctx) {
  if (state === "locked") await locked(main, ctx);
  else await choose(main, state === "reset", ctx);
}

/** @param {HTMLElement} main @param {ScreenContext} ctx */
async function locked(main, ctx) {
  const lock = await lockOf();
  const next = encodeURIComponent(location.pathname + location.search);
  const signIn = h("p", {}, h("a", { href: `/signin?next=${next}`, text: "Forgotten your PIN? Sign in with your password instead. Nothing you wrote is lost." }));
  main.append(h("h1", { text: "diarycard is locked" }), crisisFirst());
  if (lock?.signin_needed || ctx.session?.expired) {
    main.append(
      h("p", { class: "message", text: "To keep your diary private, please sign in with your password. Everything you wrote is still on this phone and will be sent after you sign in." }),
      h("p", { class: "actions" }, h("a", { class: "button", href: `/signin?next=${next}`, text: "Sign in with my password" })));
    return;
  }
  const pin = field("Your PIN", { required: "true" });
  const problem = h("p", { class: "error", role: "alert" });
  const button = h("button", { class: "button", type: "submit", text: "Unlock" });
  const form = h("form", { novalidate: true }, pin.element, problem, h("div", { class: "actions" }, button));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!pin.input.value) {
      problem.textContent = "Please type your PIN.";
      return;
    }
    button.setAttribute("disabled", "");
    problem.textContent = "Checking…";
    const result = await unlock(pin.input.value);
    button.removeAttribute("disabled");
    pin.input.value = "";
    if (result.outcome === "open") return opened(ctx);
    if (result.outcome === "signin") {
      main.replaceChildren();
      return locked(main, ctx);
    }
    problem.textContent = result.outcome === "wrong"
      ? result.message || "That PIN is not right."
      : result.outcome === "offline"
        ? "Opening your diary needs a signal after the app restarts. Your crisis plan works without one."
        : "Something went wrong. Please try again.";
    pin.input.focus();
  });
  main.append(h("p", { text: "Type your PIN to open your diary." }), form, signIn);
}

/** @param {HTMLElement} main @param {boolean} reset @param {ScreenContext} ctx */
async function choose(main, reset, ctx) {
  const site = await get("meta", "site");
  const first = field("Choose a PIN (at least 4 numbers)", { minlength: "4", autocomplete: "new-password" });
  const again = field("Type it again", { minlength: "4", autocomplete: "new-password" });
  const show = h("input", { id: "lock-plan", type: "checkbox", checked: true });
  const problem = h("p", { class: "error", role: "alert" });
  const button = h("button", { class: "button", type: "submit", text: "Set my PIN" });
  const form = h("form", { novalidate: true }, first.element, again.element,
    h("div", { class: "check" }, show, h("label", { for: "lock-plan", text: "Show my own crisis steps and the people I can call on the lock screen" })),
    h("p", { class: "hint", text: "Anyone holding your phone could read those, but not your diary. The emergency numbers are always shown." }),
    problem, h("div", { class: "actions" }, button));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const pin = first.input.value;
    if (!/^[0-9]{4,64}$/.test(pin)) {
      problem.textContent = "Please use at least 4 numbers, and numbers only.";
      return;
    }
    if (pin !== again.input.value) {
      problem.textContent = "The two PINs are not the same. Please type them again.";
      return;
    }
    button.setAttribute("disabled", "");
    problem.textContent = "Setting your PIN…";
    try {
      const result = await setPin(pin, /** @type {HTMLInputElement} */ (show).checked);
      if (result.ok) {
        await keepForLock((await keptPlan())?.plan);
        ctx.saved();
        return opened(ctx);
      }
      if (result.reply?.status === 0) {
        problem.replaceChildren("Setting a PIN needs a signal. Until then your diary opens as before. ",
          h("button", { class: "button secondary", type: "button", text: "Not now", onclick: () => { skipForNow(); opened(ctx); } }));
        return;
      }
      problem.textContent = result.reply?.data?.errors?.[0]?.rule === "reauthenticate"
        ? "Please sign in with your password again, then choose your PIN."
        : reasonOf(result.reply?.data);
    } finally {
      button.removeAttribute("disabled");
    }
  });
  main.append(
    h("h1", { text: reset ? "Choose a new PIN" : "Keep your diary private" }),
    crisisFirst(),
    h("p", { text: reset
      ? "You signed in with your password, so you can choose a new PIN. Everything you wrote is kept."
      : "Choose a PIN. diarycard asks for it when it restarts and after 5 minutes in the background, so nobody else who picks up your phone can read your diary." }),
    form);
  if (!reset && site?.app_lock_optional) main.append(turnOff(ctx));
}

/** The site lets patients go without a lock: say plainly what that means first. @param {ScreenContext} ctx */
function turnOff(ctx) {
  const off = async () => {
    const sure = await confirmDialog({
      title: "Turn the lock off?",
      message: "Without a PIN, anyone who picks up your phone can open diarycard and read everything in your diary. You can turn the lock on again in Settings.",
      confirm: "Turn the lock off",
      cancel: "Keep the lock",
    });
    if (!sure) return;
    const session = await currentSession();
    if (session) await put("meta", true, `lock-off:${session.user_id}`);
    ctx.saved();
    opened(ctx);
  };
  return h("section", {}, h("h2", { text: "Not now?" }),
    h("p", { text: "Your service lets you use diarycard without a PIN." }),
    h("div", { class: "actions" }, h("button", { class: "button secondary", type: "button", onclick: off, text: "Turn the lock off" })));
}

/** The lock in Settings: lock now, what the lock screen shows, or turn it on. @param {HTMLElement} section @param {ScreenContext} ctx */
export async function renderSettings(section, ctx) {
  const lock = await lockOf();
  const session = ctx.session;
  section.replaceChildren(h("h2", { id: "app-lock", text: "App lock" }));
  if (!lock) {
    const turnOn = async () => {
      if (session) await put("meta", false, `lock-off:${session.user_id}`);
      ctx.go("/settings", { replace: true });
    };
    section.append(h("p", { text: "The lock is off: anyone who picks up your phone can read your diary." }),
      h("div", { class: "actions" }, h("button", { class: "button", type: "button", onclick: turnOn, text: "Turn the lock on" })));
    return;
  }
  const show = h("input", { id: "settings-plan", type: "checkbox", checked: lock.plan_on_lock !== false });
  const note = h("div", { "aria-live": "polite" });
  show.addEventListener("change", async () => {
    const on = /** @type {HTMLInputElement} */ (show).checked;
    await showPlanOnLock(on);
    await keepForLock(on ? (await keptPlan())?.plan : null);
    note.replaceChildren(savedMessage("Saved.", { live: false }));
  });
  section.append(
    h("p", { text: "diarycard asks for your PIN when it restarts and after 5 minutes in the background." }),
    h("div", { class: "check" }, show, h("label", { for: "settings-plan", text: "Show my own crisis steps and the people I can call on the lock screen" })),
    note,
    h("div", { class: "actions" }, h("button", { class: "button secondary", type: "button", text: "Lock now", onclick: () => {
      useKey(null);
      ctx.go("/", { replace: true });
    } })));
}
