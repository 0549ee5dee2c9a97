// @ts-check
/**
 * Reminders in Settings: on or off, up to three times a day, days, quiet hours, time zone
 * and the neutral words a notification shows; a clinician's suggestion to accept or not;
 * a test reminder. The browser's permission for notifications is asked only when the
 * patient turns reminders on and has read why. Loaded on first use (LATER_FILES).
 */
import { t } from "../shared/words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { pushWorksHere, subscribe, thisDevice, whyNoPush } from "./push.js";
import { message } from "../shared/message.js";

/** @typedef {import("./registry.js").ScreenContext} ScreenContext */

export const WORDS = {
  diary: t("rem.words.diary"),
  moment: t("rem.words.moment"),
  app: t("rem.words.app"),
};
const DAYS = [t("rem.monday"), t("rem.tuesday"), t("rem.wednesday"), t("rem.thursday"), t("rem.friday"), t("rem.saturday"), t("rem.sunday")];
const NO_SIGNAL = t("rem.no_signal");
const WHY = t("rem.why");

if (!document.querySelector('link[href="/page/reminders.css"]')) {
  document.head.append(h("link", { rel: "stylesheet", href: "/page/reminders.css" }));
}

/** @param {string[]} times */
function spoken(times) {
  return times.length > 1 ? t("rem.and", { list: times.slice(0, -1).join(", "), last: times.at(-1) || "" }) : times[0] || "";
}

/** @param {number[]} days */
function dayWords(days) {
  if (days.length === 7) return t("rem.every_day");
  return t("rem.on_days", { days: days.map((d) => DAYS[d - 1]).join(", ") });
}

/**
 * @param {HTMLElement} section emptied and redrawn as things change
 * @param {ScreenContext} ctx
 * @param {string} [done] a message to show after a change
 * @param {boolean} [renewed] this phone's subscription was just renewed
 */
export async function render(section, ctx, done = "", renewed = false) {
  const note = message("saved", done);
  section.setAttribute("aria-labelledby", "reminders");
  section.replaceChildren(h("h2", { id: "reminders", text: t("settings.reminders") }), note);
  const reply = await call("GET", "/api/v1/me/reminders", undefined, { timeout: 8000 });
  if (!reply.ok) {
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
  const change = h("button", { class: "button secondary", type: "button", text: t("rem.change") });
  const actions = h("div", { class: "actions" }, change);
  change.addEventListener("click", () => {
    const opened = form(section, ctx, data);
    change.remove();
    actions.before(opened);
    opened.querySelector("input")?.focus();
  });
  section.append(
    h("p", { "data-summary": "", text: data.enabled ? t("rem.summary", { times: spoken(data.times), days: dayWords(data.days) }) : t("rem.off") }),
    await pushLine(data));
  if (data.suggestion) section.append(suggestion(section, ctx, data.suggestion));
  section.append(actions);
  if (data.enabled && (await thisDevice(data))) {
    const sent = message("info");
    actions.append(h("button", {
      class: "button secondary", type: "button", "data-action": "test-reminder",
      text: t("rem.test"),
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
    return h("p", { class: "message", "data-push": "failing", text: t("rem.failing", { problem: device.problem }) });
  }
  if (data.enabled && (await pushWorksHere(data))) {
    return h("p", { "data-push": "on", text: t("rem.push_on") });
  }
  return h("p", { class: "hint", text: t("rem.about") });
}

/**
 * @param {HTMLElement} section
 * @param {ScreenContext} ctx
 * @param {any} offer
 */
function suggestion(section, ctx, offer) {
  const problem = message("problem");
  const answer = async (/** @type {boolean} */ accept) => {
    const reply = await call("POST", "/api/v1/me/reminder-suggestion", { accept });
    if (!reply.ok) {
      problem.textContent = reply.status === 0 ? NO_SIGNAL : reasonOf(reply.data);
      return;
    }
    if (accept) await afterSave(section, ctx, reply.data, t("rem.accepted"));
    else await render(section, ctx, t("rem.kept"));
  };
  return h("div", { class: "notice", "data-suggestion": "" },
    h("h3", { text: t("rem.suggestion") }),
    h("p", { text: t("rem.suggested", { who: offer.suggested_by, times: spoken(offer.times), days: dayWords(offer.days) }) }),
    h("div", { class: "actions" },
      h("button", { class: "button", type: "button", onclick: () => answer(true), text: t("rem.use") }),
      h("button", { class: "button secondary", type: "button", onclick: () => answer(false), text: t("rem.keep") })),
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
  const times = [t("rem.first"), t("rem.second"), t("rem.third")].map((label, i) =>
    timeField(`reminder-time-${i}`, label, data.times[i] || ""));
  const days = DAYS.map((_name, i) => /** @type {HTMLInputElement} */ (
    h("input", { id: `reminder-day-${i + 1}`, type: "checkbox", value: String(i + 1), checked: data.days.includes(i + 1) })));
  const quietFrom = timeField("quiet-from", t("rem.quiet_from"), data.quiet_hours?.start || "");
  const quietUntil = timeField("quiet-until", t("rem.until"), data.quiet_hours?.end || "");
  const zone = /** @type {HTMLSelectElement} */ (h("select", { id: "reminder-zone" }));
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = new Set([data.time_zone, "Europe/London", here,
    ...(/** @type {any} */ (Intl).supportedValuesOf?.("timeZone") || [])]);
  for (const name of zones) zone.append(h("option", { value: name, text: name.replace(/_/g, " ") }));
  zone.value = data.time_zone;
  const words = Object.entries(WORDS).map(([value, text]) => h("p", {},
    h("label", { class: "check" },
      h("input", { type: "radio", name: "reminder-words", value, checked: data.wording === value }), text)));
  const problem = message("problem");
  const element = h("form", { novalidate: true, "aria-labelledby": "reminders" },
    h("p", {}, h("label", { class: "check", for: "reminders-on" }, on, t("rem.on"))),
    h("fieldset", {}, h("legend", { text: t("rem.times") }),
      h("div", { class: "reminder-times" }, ...times.map(([p]) => p))),
    h("fieldset", {}, h("legend", { text: t("rem.days") }),
      ...days.map((box, i) => h("label", { class: "check", for: box.id }, box, DAYS[i]))),
    h("fieldset", {}, h("legend", { text: t("rem.quiet") }),
      h("div", { class: "reminder-times" }, quietFrom[0], quietUntil[0])),
    h("p", {}, h("label", { for: "reminder-zone", text: t("rem.zone") }), zone),
    h("fieldset", {}, h("legend", { text: t("rem.says") }), ...words,
      h("p", { class: "hint", text: t("rem.nothing") })),
    problem,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: t("rem.save") })));
  element.addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.textContent = "";
    const chosen = times.map(([, input]) => input.value).filter(Boolean);
    const [from, until] = [quietFrom[1].value, quietUntil[1].value];
    if (on.checked && chosen.length === 0) {
      problem.textContent = t("rem.one_time");
      times[0][1].focus();
      return;
    }
    if (Boolean(from) !== Boolean(until)) {
      problem.textContent = t("rem.quiet_both");
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
      problem.textContent = t("rem.one_day");
      return;
    }
    const reply = await call("PUT", "/api/v1/me/reminders", body);
    if (!reply.ok) {
      problem.textContent = reply.status === 0 ? NO_SIGNAL : reasonOf(reply.data);
      return;
    }
    ctx.saved();
    await afterSave(section, ctx, reply.data);
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
    ? t("rem.saved", { times: spoken(data.times), days: dayWords(data.days) })
    : t("rem.saved_off"));
  if (!data.enabled || whyNoPush(data)) return render(section, ctx, saved);
  if (Notification.permission === "granted") {
    return render(section, ctx, [saved, await subscribe()].filter(Boolean).join(" "));
  }
  const allow = h("button", { class: "button", type: "button", text: t("rem.allow") });
  const panel = h("div", { class: "permission", role: "region", "aria-labelledby": "permission-why" },
    h("h3", { id: "permission-why", text: t("rem.step") }),
    h("p", { text: WHY }),
    h("div", { class: "actions" }, allow,
      h("button", { class: "button secondary", type: "button", text: t("nudge.later"),
        onclick: () => render(section, ctx, [saved, t("rem.in_app")].filter(Boolean).join(" ")) })));
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
  const reply = await call("POST", "/api/v1/me/reminders/test");
  if (reply.ok) return t("rem.test_sent");
  return reply.status === 0 ? NO_SIGNAL : reasonOf(reply.data);
}
