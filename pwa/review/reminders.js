// @ts-check
/**
 * Reminder times a clinician suggests to the patient. Only a suggestion: the patient sees
 * it in their app's Settings and accepts it or keeps their own; the patient's choice wins.
 * The patient's own times are theirs and are not shown here, only whether reminders are on.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { message } from "../shared/message.js";

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((d) => t(`rem.${d}`));
const ANSWERS = { accepted: t("rr.accepted"), declined: t("rr.declined") };

/** @param {string} id */
export function remindersSection(id) {
  const body = h("div", {}, h("p", {}, t("review.loading")));
  void fill(id, body);
  return h("section", { class: "card", "aria-labelledby": "reminders" },
    h("h2", { id: "reminders" }, t("rr.title")), body);
}

/** @param {string} id @param {HTMLElement} into @param {string} [done] */
async function fill(id, into, done = "") {
  const reply = await call("GET", `/api/v1/patients/${id}/reminder-suggestion`);
  if (!reply.ok) {
    into.replaceChildren(message("problem", reasonOf(reply.data)));
    return;
  }
  const { reminders_on: on, suggestion } = reply.data;
  into.replaceChildren(...[
    h("p", {}, on ? t("rr.on") : t("rr.off")),
    suggestion ? h("p", {}, t("rr.suggested", { when: dateTime(suggestion.suggested_at), by: suggestion.suggested_by,
      times: suggestion.times.join(", "), days: suggestion.days.map((/** @type {number} */ d) => DAYS[d - 1]).join(", ") })
      + " " + (suggestion.answer ? /** @type {any} */ (ANSWERS)[suggestion.answer] : t("rr.waiting")))
      : null,
    done ? message("saved", done) : null,
    form(id, into),
  ].filter((part) => part !== null)); // replaceChildren would write null as the word "null"
}

/** @param {string} id @param {HTMLElement} into */
function form(id, into) {
  const times = [0, 1, 2].map((i) => /** @type {HTMLInputElement} */ (h("input", { type: "time", id: `suggest-time-${i}` })));
  const days = DAYS.map((_, i) => /** @type {HTMLInputElement} */ (
    h("input", { type: "checkbox", id: `suggest-day-${i + 1}`, value: String(i + 1), checked: true })));
  const problem = message("problem");
  const element = h("form", { class: "window" },
    h("fieldset", {}, h("legend", {}, t("rr.suggest")),
      ...times.map((input, i) => h("p", { class: "field" }, h("label", { for: input.id }, t("rr.time", { n: i + 1 })), input))),
    h("fieldset", {}, h("legend", {}, t("rr.days")),
      ...days.map((box, i) => h("label", { for: box.id }, box, ` ${DAYS[i]}`))),
    h("button", { type: "submit" }, t("rr.suggest_button")),
    problem);
  element.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {
      times: times.map((t) => t.value).filter(Boolean),
      days: days.filter((d) => d.checked).map((d) => Number(d.value)),
    };
    if (body.times.length === 0) {
      problem.textContent = t("rr.one_time");
      return;
    }
    const reply = await call("PUT", `/api/v1/patients/${id}/reminder-suggestion`, body);
    if (reply.ok) await fill(id, into, t("rr.done"));
    else problem.textContent = reasonOf(reply.data);
  });
  return element;
}
