// @ts-check
/**
 * Reminders in Settings: on or off, up to three times a day, days, quiet hours, time zone
 * and the neutral words a notification shows; a clinician's suggestion to accept or not;
 * a test reminder. The browser's permission for notifications is asked only when the
 * patient turns reminders on and has read why. Loaded on first use (LATER_FILES).
 */
import { NetworkError, call, reasonOf } from "../shared/api.js";
import { h, savedMessage } from "./dom.js";
import { pushWorksHere, subscribe, thisDevice, whyNoPush } from "./push.js";

/** @typedef {import("./registry.js").ScreenContext} ScreenContext */

export const WORDS = {
  diary: "Time for your diary",
  moment: "A moment for you",
  app: "Just the app's name, diarycard",
};
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const NO_SIGNAL = "Reminders need a signal to change. Please try again when you are back online.";
const WHY = "To remind you at the times you choose, diarycard needs to show notifications on this phone; your browser will ask you next. A notification only ever says the words you picked below. It never shows anything about your diary, how you feel or your care, and you can turn reminders off here at any time.";

if (!document.querySelector('link[href="/page/reminders.css"]')) {
  document.head.append(h("link", { rel: "stylesheet", href: "/page/reminders.css" }));
}

/** @param {string[]} times */
function spoken(times) {
  return times.length > 1 ? `${times.slice(0, -1).join(", ")} and ${times.at(-1)}` : times[0] || "";
}

/** @param {number[]} days */
function dayWords(days) {
  if (days.length === 7) return "every day";
  return `on ${days.map((d) => DAYS[d - 1]).join(", ")}`;
}

/**
 * @param {HTMLElement} section emptied and redrawn as things change
 * @param {ScreenContext} ctx
 * @param {string} [done] a message to show after a change
 * @param {boolean} [renewed] this phone's subscription was just renewed
 */
export async function render(section, ctx, done = "", renewed = false) {
  const note = done.startsWith("Saved") ? savedMessage(done) : h("p", { role: "status", class: done ? "message" : "", text: done });
  section.setAttribute("aria-labelledby", "reminders");
  section.replaceChildren(h("h2", { id: "reminders", text: "Reminders" }), note);
  let reply;
  try {
    reply = await call("GET", "/api/v1/me/reminders", undefined, { timeout: 8000 });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
  }
  if (!reply?.ok) {
    section.append(h("p", { class: "hint", text: NO_SIGNAL }));
    return;
  }
  const data = reply.data;
  // Reminders are on and notifications allowed, but the server does not know this phone
  // (it could not be reached last time, or the subscription expired): set it up again.
  if (!renewed && data.enabled && !whyNoPush(data) && Notification.permission === "granted"
      && !(await thisDevice(data)) && !(await subscribe())) {
    return render(section, ctx, done, true);
  }
  // A summary first (the form opens on request), so Settings does not jump about.
  const change = h("button", { class: "button secondary", type: "button", text: "Change reminders" });
  const actions = h("div", { class: "actions" }, change);
  change.addEventListener("click", () => {
    const opened = form(section, ctx, data);
    change.remove();
    actions.before(opened);
    opened.querySelector("input")?.focus();
  });
  section.append(
    h("p", { "data-summary": "", text: data.enabled ? `Reminders at ${spoken(data.times)}, ${dayWords(data.days)}.` : "Reminders are off." }),
    await pushLine(data));
  if (data.suggestion) section.append(suggestion(section, ctx, data.suggestion));
  section.append(actions);
  if (data.enabled && (await thisDevice(data))) {
    const sent = h("p", { role: "status" });
    actions.append(h("button", {
      class: "button secondary", type: "button", "data-action": "test-reminder",
      text: "Send me a test reminder now",
      onclick: async () => {
        sent.textContent = await testReminder();
      },
    }));
    section.append(sent);
  }
}

/** @param {any} data */
async function pushLine(data) {
  const why = whyNoPush(data);
  if (why) return h("p", { class: "message", "data-push": "unavailable", text: why });
  const device = await thisDevice(data);
  if (device?.problem) {
    return h("p", { class: "message", "data-push": "failing", text: `The last reminder did not reach this phone: ${device.problem} diarycard will remind you in the app when you open it, and keeps trying.` });
  }
  if (data.enabled && (await pushWorksHere(data))) {
    return h("p", { "data-push": "on", text: "Reminders arrive on this phone as notifications." });
  }
  return h("p", { class: "hint", text: "diarycard can remind you to fill in your diary at times you choose. When it cannot send a notification, it reminds you in the app instead." });
}

/**
 * @param {HTMLElement} section
 * @param {ScreenContext} ctx
 * @param {any} offer
 */
function suggestion(section, ctx, offer) {
  const problem = h("p", { class: "error", "aria-live": "assertive" });
  const answer = async (/** @type {boolean} */ accept) => {
    try {
      const reply = await call("POST", "/api/v1/me/reminder-suggestion", { accept });
      if (!reply.ok) {
        problem.textContent = reasonOf(reply.data);
        return;
      }
      if (accept) await afterSave(section, ctx, reply.data, "Your reminders are now at the suggested times. You can change them whenever you like.");
      else await render(section, ctx, "You kept your own times.");
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      problem.textContent = NO_SIGNAL;
    }
  };
  return h("div", { class: "notice", "data-suggestion": "" },
    h("h3", { text: "A suggestion from your clinician" }),
    h("p", { text: `${offer.suggested_by} suggested reminders at ${spoken(offer.times)}, ${dayWords(offer.days)}. It is your choice.` }),
    h("div", { class: "actions" },
      h("button", { class: "button", type: "button", onclick: () => answer(true), text: "Use these times" }),
      h("button", { class: "button secondary", type: "button", onclick: () => answer(false), text: "Keep my own" })),
    problem);
}

/**
 * @param {string} id @param {string} label @param {string} value
 * @returns {[HTMLElement, HTMLInputElement]}
 */
function timeField(id, label, value) {
  const input = /** @type {HTMLInputElement} */ (h("input", { id, type: "time", value }));
  return [h("p", {}, h("label", { for: id, text: label }), input), input];
}

/**
 * @param {HTMLElement} section
 * @param {ScreenContext} ctx
 * @param {any} data
 */
function form(section, ctx, data) {
  const on = /** @type {HTMLInputElement} */ (h("input", { id: "reminders-on", type: "checkbox", checked: data.enabled }));
  const times = ["First time", "Second time (optional)", "Third time (optional)"].map((label, i) =>
    timeField(`reminder-time-${i}`, label, data.times[i] || ""));
  const days = DAYS.map((name, i) => /** @type {HTMLInputElement} */ (
    h("input", { id: `reminder-day-${i + 1}`, type: "checkbox", value: String(i + 1), checked: data.days.includes(i + 1) })));
  const quietFrom = timeField("quiet-from", "Quiet from", data.quiet_hours?.start || "");
  const quietUntil = timeField("quiet-until", "Until", data.quiet_hours?.end || "");
  const zone = /** @type {HTMLSelectElement} */ (h("select", { id: "reminder-zone" }));
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = new Set([data.time_zone, "Europe/London", here,
    ...(/** @type {any} */ (Intl).supportedValuesOf?.("timeZone") || [])]);
  for (const name of zones) zone.append(h("option", { value: name, text: name.replace(/_/g, " ") }));
  zone.value = data.time_zone;
  const words = Object.entries(WORDS).map(([value, text]) => h("p", {},
    h("label", { class: "check" },
      h("input", { type: "radio", name: "reminder-words", value, checked: data.wording === value }), text)));
  const problem = h("p", { class: "error", role: "alert" });
  const element = h("form", { novalidate: true, "aria-labelledby": "reminders" },
    h("p", {}, h("label", { class: "check", for: "reminders-on" }, on, "Remind me to fill in my diary")),
    h("fieldset", {}, h("legend", { text: "At these times (up to 3 a day)" }),
      h("div", { class: "reminder-times" }, ...times.map(([p]) => p))),
    h("fieldset", {}, h("legend", { text: "On these days" }),
      ...days.map((box, i) => h("label", { class: "check", for: box.id }, box, DAYS[i]))),
    h("fieldset", {}, h("legend", { text: "Quiet hours (optional): no reminders between" }),
      h("div", { class: "reminder-times" }, quietFrom[0], quietUntil[0])),
    h("p", {}, h("label", { for: "reminder-zone", text: "Time zone" }), zone),
    h("fieldset", {}, h("legend", { text: "What the notification says" }), ...words,
      h("p", { class: "hint", text: "Nothing about your diary, how you feel or your clinic is ever shown." })),
    problem,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: "Save reminders" })));
  element.addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.textContent = "";
    const chosen = times.map(([, input]) => input.value).filter(Boolean);
    const [from, until] = [quietFrom[1].value, quietUntil[1].value];
    if (on.checked && chosen.length === 0) {
      problem.textContent = "Please choose at least one time, or untick the reminders.";
      times[0][1].focus();
      return;
    }
    if (Boolean(from) !== Boolean(until)) {
      problem.textContent = "Quiet hours need both a start and an end, or neither.";
      return;
    }
    const body = {
      enabled: on.checked, times: chosen,
      days: days.filter((box) => box.checked).map((box) => Number(box.value)),
      quiet_hours: from ? { start: from, end: until } : null,
      time_zone: zone.value,
      wording: /** @type {HTMLInputElement | null} */ (element.querySelector('input[name="reminder-words"]:checked'))?.value || "diary",
    };
    if (body.days.length === 0) {
      problem.textContent = "Please choose at least one day.";
      return;
    }
    try {
      const reply = await call("PUT", "/api/v1/me/reminders", body);
      if (!reply.ok) {
        problem.textContent = reasonOf(reply.data);
        return;
      }
      ctx.saved();
      await afterSave(section, ctx, reply.data);
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      problem.textContent = NO_SIGNAL;
    }
  });
  return element;
}

/**
 * Reminders saved: when they are on and this phone could show notifications, set that up,
 * asking the browser's permission only after saying why.
 * @param {HTMLElement} section @param {ScreenContext} ctx @param {any} data
 * @param {string} [said] what to say instead of "Saved. ..."
 */
async function afterSave(section, ctx, data, said = "") {
  const saved = said || (data.enabled
    ? `Saved. Reminders at ${spoken(data.times)}, ${dayWords(data.days)}.`
    : "Saved. Reminders are off.");
  if (!data.enabled || whyNoPush(data)) return render(section, ctx, saved);
  if (Notification.permission === "granted") {
    return render(section, ctx, [saved, await subscribe()].filter(Boolean).join(" "));
  }
  const allow = h("button", { class: "button", type: "button", text: "Allow notifications" });
  const panel = h("div", { class: "permission", role: "region", "aria-labelledby": "permission-why" },
    h("h3", { id: "permission-why", text: "One more step: notifications" }),
    h("p", { text: WHY }),
    h("div", { class: "actions" }, allow,
      h("button", { class: "button secondary", type: "button", text: "Not now",
        onclick: () => render(section, ctx, `${saved} diarycard will remind you in the app when you open it.`) })));
  allow.addEventListener("click", async () => {
    const answer = await Notification.requestPermission();
    const result = answer === "granted" ? await subscribe() : "";
    await render(section, ctx, [saved, result].filter(Boolean).join(" "));
  });
  await render(section, ctx, saved);
  section.querySelector("h2")?.after(panel);
  allow.focus();
}

async function testReminder() {
  try {
    const reply = await call("POST", "/api/v1/me/reminders/test");
    if (reply.ok) return "A test reminder is on its way. It should arrive within a minute.";
    return reasonOf(reply.data);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return NO_SIGNAL;
  }
}
