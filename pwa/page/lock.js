// @ts-check
/**
 * The app lock's screens (loaded on first use, then kept by the service worker): the
 * lock screen, choosing a PIN, and the lock's part of Settings. The lock screen always
 * offers the crisis plan first, in one tap and without the PIN: a person in crisis must
 * never be stopped by a lock (hazard log, H-060).
 */
import { t } from "../shared/words.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { currentSession } from "../shared/phone-session.js";
import { get, put } from "../shared/idb.js";
import { setPin, showPlanOnLock, unlock } from "../shared/lock-keys.js";
import { lockOf, useKey } from "../shared/seal.js";
import { confirmDialog, savedMessage } from "./dom.js";
import { kick } from "./drainer.js";
import { skipForNow } from "./lock-gate.js";
import { writeLocked, writeOffer } from "./lock-write.js";
import { screenLockButton, screenLockSettings } from "./screen-lock.js";
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
  h("a", { class: "button crisis-now", href: "/crisis", text: t("lock.crisis") }));

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
  // Writing with the lock shut: only a new entry, sealed to the drop box (lock-write.js).
  const writing = location.pathname === "/entry" && ctx.params.get("new") === "1";
  if (state === "locked" && writing && (await lockOf())?.dropbox) await writeLocked(main, ctx, crisisFirst());
  else if (state === "locked") await locked(main, ctx);
  else await choose(main, state === "reset", ctx);
}

/** @param {HTMLElement} main @param {ScreenContext} ctx */
async function locked(main, ctx) {
  const lock = await lockOf();
  const next = encodeURIComponent(location.pathname + location.search);
  const signIn = h("p", {}, h("a", { href: `/signin?next=${next}`, text: t("lock.forgotten") }));
  main.append(h("h1", { text: t("lock.locked") }), crisisFirst());
  // A lock set before the drop box existed has none until it next opens.
  const write = lock?.dropbox ? await writeOffer() : null;
  if (lock?.signin_needed || ctx.session?.expired) {
    main.append(
      h("p", { class: "message", text: t("lock.signin_needed") }),
      h("p", { class: "actions" }, h("a", { class: "button", href: `/signin?next=${next}`, text: t("lock.signin") })));
    if (write) main.append(write);
    return;
  }
  const pin = field(t("lock.pin"), { required: "true" });
  const problem = h("p", { class: "error", role: "alert" });
  const button = h("button", { class: "button", type: "submit", text: t("lock.unlock") });
  const form = h("form", { novalidate: true }, pin.element, problem, h("div", { class: "actions" }, button));
  /** @param {{outcome: string, message?: string}} result */
  const after = (result) => {
    if (result.outcome === "open") return opened(ctx);
    if (result.outcome === "signin") {
      main.replaceChildren();
      return locked(main, ctx);
    }
    problem.textContent = result.outcome === "wrong"
      ? result.message || t("lock.wrong")
      : result.outcome === "offline"
        ? (write ? t("lockbox.needs_signal") : t("lock.needs_signal"))
        : result.outcome === "cancelled"
          ? t("screenlock.cancelled")
          : t("kit.went_wrong");
    pin.input.focus();
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!pin.input.value) {
      problem.textContent = t("lock.type_pin");
      return;
    }
    button.setAttribute("disabled", "");
    problem.textContent = t("lock.checking");
    const result = await unlock(pin.input.value);
    button.removeAttribute("disabled");
    pin.input.value = "";
    await after(result);
  });
  // The phone's own screen lock first where it is set up; the PIN always works too.
  const screen = lock?.passkey ? await screenLockButton(problem, after) : null;
  main.append(...(screen ? [screen] : []), h("p", { text: t("lock.type_to_open") }), form, signIn);
  if (write) main.append(write);
}

/** @param {HTMLElement} main @param {boolean} reset @param {ScreenContext} ctx */
async function choose(main, reset, ctx) {
  const site = await get("meta", "site");
  const first = field(t("lock.choose"), { minlength: "4", autocomplete: "new-password" });
  const again = field(t("lock.again"), { minlength: "4", autocomplete: "new-password" });
  const show = h("input", { id: "lock-plan", type: "checkbox", checked: true });
  const problem = h("p", { class: "error", role: "alert" });
  const button = h("button", { class: "button", type: "submit", text: t("lock.set") });
  const form = h("form", { novalidate: true }, first.element, again.element,
    h("div", { class: "check" }, show, h("label", { for: "lock-plan", text: t("lock.show_plan") })),
    h("p", { class: "hint", text: t("lock.show_plan.hint") }),
    problem, h("div", { class: "actions" }, button));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const pin = first.input.value;
    if (!/^[0-9]{4,64}$/.test(pin)) {
      problem.textContent = t("lock.numbers_only");
      return;
    }
    if (pin !== again.input.value) {
      problem.textContent = t("lock.not_same");
      return;
    }
    button.setAttribute("disabled", "");
    problem.textContent = t("lock.setting");
    try {
      const result = await setPin(pin, /** @type {HTMLInputElement} */ (show).checked);
      if (result.ok) {
        await keepForLock((await keptPlan())?.plan);
        ctx.saved();
        return opened(ctx);
      }
      if (result.reply?.status === 0) {
        problem.replaceChildren(t("lock.set_needs_signal"),
          h("button", { class: "button secondary", type: "button", text: t("nudge.later"), onclick: () => { skipForNow(); opened(ctx); } }));
        return;
      }
      problem.textContent = result.reply?.data?.errors?.[0]?.rule === "reauthenticate"
        ? t("lock.signin_again")
        : reasonOf(result.reply?.data);
    } finally {
      button.removeAttribute("disabled");
    }
  });
  main.append(
    h("h1", { text: reset ? t("lock.new") : t("lock.private") }),
    crisisFirst(),
    h("p", { text: reset
      ? t("lock.reset.text")
      : t("lock.choose.text") }),
    form);
  if (!reset && site?.app_lock_optional) main.append(turnOff(ctx));
}

/** The site lets patients go without a lock: say plainly what that means first. @param {ScreenContext} ctx */
function turnOff(ctx) {
  const off = async () => {
    const sure = await confirmDialog({
      title: t("lock.off.title"),
      message: t("lock.off.text"),
      confirm: t("lock.off"),
      cancel: t("lock.keep"),
    });
    if (!sure) return;
    const session = await currentSession();
    if (session) await put("meta", true, `lock-off:${session.user_id}`);
    ctx.saved();
    opened(ctx);
  };
  return h("section", {}, h("h2", { text: t("lock.not_now") }),
    h("p", { text: t("lock.optional") }),
    h("div", { class: "actions" }, h("button", { class: "button secondary", type: "button", onclick: off, text: t("lock.off") })));
}

/** The lock in Settings: lock now, what the lock screen shows, or turn it on. @param {HTMLElement} section @param {ScreenContext} ctx */
export async function renderSettings(section, ctx) {
  const lock = await lockOf();
  const session = ctx.session;
  section.replaceChildren(h("h2", { id: "app-lock", text: t("settings.lock") }));
  if (!lock) {
    const turnOn = async () => {
      if (session) await put("meta", false, `lock-off:${session.user_id}`);
      ctx.go("/settings", { replace: true });
    };
    section.append(h("p", { text: t("lock.is_off") }),
      h("div", { class: "actions" }, h("button", { class: "button", type: "button", onclick: turnOn, text: t("lock.on") })));
    return;
  }
  const show = h("input", { id: "settings-plan", type: "checkbox", checked: lock.plan_on_lock !== false });
  const note = h("div", { "aria-live": "polite" });
  show.addEventListener("change", async () => {
    const on = /** @type {HTMLInputElement} */ (show).checked;
    await showPlanOnLock(on);
    await keepForLock(on ? (await keptPlan())?.plan : null);
    note.replaceChildren(savedMessage(t("history.saved"), { live: false }));
  });
  section.append(
    h("p", { text: t("lock.asks") }),
    h("div", { class: "check" }, show, h("label", { for: "settings-plan", text: t("lock.show_plan") })),
    note,
    h("div", { class: "actions" }, h("button", { class: "button secondary", type: "button", text: t("lock.now"), onclick: () => {
      useKey(null);
      ctx.go("/", { replace: true });
    } })));
  const screen = await screenLockSettings();
  if (screen) section.append(screen);
}
