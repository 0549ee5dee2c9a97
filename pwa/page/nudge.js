// @ts-check
/**
 * The in-app reminder: when a reminder time has passed with nothing logged since, and no
 * notification reached this phone (no permission, iPhone without the app installed, the
 * push service unreachable), say so gently the next time the app is opened. Loaded (and
 * started, once) by the status line when someone is signed in; kept as a LATER_FILE. It
 * needs a signal, and is silent without one.
 */
import { t } from "../shared/words.js";
import { call } from "../shared/api.js";
import { currentSession } from "../shared/phone-session.js";
import { get, put } from "../shared/idb.js";
import { h } from "../shared/dom.js";
import { timeOf } from "./dom.js";
import { go, hasUnsavedInput } from "./router.js";

const SEEN = "reminder-seen"; // in the meta store: the due time of the last one dismissed
const EVERY = 5 * 60 * 1000;
let lastLook = 0;
/** @type {HTMLElement | null} */
let shown = null;

function start() {
  // A tapped notification, with the app already open (sw.js).
  navigator.serviceWorker?.addEventListener("message", (event) => {
    if (typeof event.data?.open !== "string" || hasUnsavedInput()) return;
    const url = new URL(event.data.open, location.origin);
    if (url.origin === location.origin) go(url.pathname + url.search);
  });
  void look();
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void look();
  });
}

async function look() {
  if (Date.now() - lastLook < EVERY || !navigator.onLine) return;
  lastLook = Date.now();
  const session = await currentSession();
  if (!session || session.expired || session.role !== "patient") return;
  const reply = await call("GET", "/api/v1/me/reminders", undefined, { timeout: 8000 });
  if (!reply.ok) return;
  await renew(reply.data);
  const late = reply.data.unanswered;
  if (!late || (await get("meta", SEEN)) === late.due_at) return;
  if (late.delivered && (await (await import("./push.js")).pushWorksHere(reply.data))) return;
  show(late.due_at);
}

/**
 * Reminders on and notifications allowed, but the server does not know this phone (its
 * subscription was renewed by the browser, or setting it up failed): set it up again.
 * @param {any} reminders
 */
async function renew(reminders) {
  if (!reminders.enabled || !("Notification" in window) || Notification.permission !== "granted") return;
  const push = await import("./push.js");
  if (!push.whyNoPush(reminders) && !(await push.thisDevice(reminders))) await push.subscribe();
}

/** @param {string} dueAt */
function show(dueAt) {
  shown?.remove();
  const close = () => {
    void put("meta", dueAt, SEEN);
    shown?.remove();
    shown = null;
  };
  shown = h("aside", { class: "message reminder-nudge", "aria-labelledby": "nudge-title" },
    h("p", { id: "nudge-title", text: t("nudge.title", { time: timeOf(dueAt) }) }),
    h("p", { text: t("nudge.text") }),
    h("div", { class: "actions" },
      h("a", { class: "button", href: "/", text: t("nudge.add"), onclick: close }),
      h("button", { class: "button secondary", type: "button", text: t("nudge.later"), onclick: close })));
  document.getElementById("main")?.before(shown);
}

start();
