// @ts-check
/**
 * Reminder times a clinician suggests to the patient. Only a suggestion: the patient sees
 * it in their app's Settings and accepts it or keeps their own; the patient's choice wins.
 * The patient's own times are theirs and are not shown here, only whether reminders are on.
 */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { message } from "../shared/message.js";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const ANSWERS = { accepted: "accepted it", declined: "kept their own times" };

/** @param {string} id */
export function remindersSection(id) {
  const body = h("div", {}, h("p", {}, "Loading…"));
  void fill(id, body);
  return h("section", { class: "card", "aria-labelledby": "reminders" },
    h("h2", { id: "reminders" }, "Diary reminders"), body);
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
    h("p", {}, on ? "Reminders are on in the patient's app." : "Reminders are off in the patient's app."),
    suggestion ? h("p", {}, `Suggested ${dateTime(suggestion.suggested_at)} by ${suggestion.suggested_by}: `
      + `${suggestion.times.join(", ")} on ${suggestion.days.map((/** @type {number} */ d) => DAYS[d - 1]).join(", ")}. `
      + (suggestion.answer ? `The patient ${/** @type {any} */ (ANSWERS)[suggestion.answer]}.` : "Waiting for the patient's answer."))
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
    h("fieldset", {}, h("legend", {}, "Suggest up to three times a day (the patient's own time zone)"),
      ...times.map((input, i) => h("p", { class: "field" }, h("label", { for: input.id }, `Time ${i + 1}`), input))),
    h("fieldset", {}, h("legend", {}, "On these days"),
      ...days.map((box, i) => h("label", { for: box.id }, box, ` ${DAYS[i]}`))),
    h("button", { type: "submit" }, "Suggest these times"),
    problem);
  element.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {
      times: times.map((t) => t.value).filter(Boolean),
      days: days.filter((d) => d.checked).map((d) => Number(d.value)),
    };
    if (body.times.length === 0) {
      problem.textContent = "Choose at least one time.";
      return;
    }
    const reply = await call("PUT", `/api/v1/patients/${id}/reminder-suggestion`, body);
    if (reply.ok) await fill(id, into, "Suggested. The patient will see it in their app's Settings.");
    else problem.textContent = reasonOf(reply.data);
  });
  return element;
}
