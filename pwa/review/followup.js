// @ts-check
/**
 * Assertive follow-up: a session not attended opens a task. The care team records each
 * attempt to reach the patient (when, how, what happened) and closes the task with a
 * decision; the record shows that the service followed the patient up.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { message } from "../shared/message.js";

const METHODS = { phone: t("fu.m.phone"), text: t("fu.m.text"), letter: t("fu.m.letter"), visit: t("fu.m.visit"), email: t("fu.m.email") };
const OUTCOMES = { reached: t("fu.o.reached"), no_answer: t("fu.o.no_answer"), message_left: t("fu.o.message_left"), letter_sent: t("fu.o.letter_sent") };
const DECISIONS = {
  rebooked: t("fu.d.rebooked"),
  discharged_with_plan: t("fu.d.discharged_with_plan"),
  escalated: t("fu.d.escalated"),
  attended_after_all: t("fu.d.attended_after_all"),
};

/** @param {Record<string, string>} words @param {string} id @param {string} label */
function choice(words, id, label) {
  return h("p", { class: "field" }, h("label", { for: id }, label),
    h("select", { id, name: id, required: true },
      ...Object.entries(words).map(([value, text]) => h("option", { value }, text))));
}

/** A local datetime-local value for now. */
function nowLocal() {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** @param {string} id patient @param {any[]} tasks @param {() => void} reload */
export function followUpSection(id, tasks, reload) {
  const open = tasks.filter((task) => task.open);
  const closed = tasks.filter((task) => !task.open);
  return h("section", { class: "card", "aria-labelledby": "follow-up" },
    h("h2", { id: "follow-up" }, t("fu.title")),
    h("p", {}, t("fu.about")),
    open.length ? h("ul", { class: "plain follow-ups" }, ...open.map((task) => openTask(id, task, reload)))
      : h("p", {}, t("fu.nothing")),
    closed.length ? h("details", {}, h("summary", {}, t("fu.closed", { count: closed.length })),
      h("ul", { class: "plain" }, ...closed.map((task) => h("li", {},
        t("fu.closed_line", { missed: dateTime(task.missed_at), decision: /** @type {any} */ (DECISIONS)[task.decision], by: task.closed_by_name, on: dateTime(task.closed_at) }),
        task.decision_note ? ` “${task.decision_note}”` : "",
        attemptList(task))))) : null);
}

/** @param {any} task */
function attemptList(task) {
  if (!task.attempts.length) return h("p", { class: "muted" }, t("fu.no_attempts"));
  return h("ol", { class: "attempts", "aria-label": t("fu.attempts") }, ...task.attempts.map((/** @type {any} */ a) =>
    h("li", {}, t("fu.attempt", { when: dateTime(a.attempted_at), how: /** @type {any} */ (METHODS)[a.method], what: /** @type {any} */ (OUTCOMES)[a.outcome].toLowerCase() }),
      h("span", { class: "muted" }, ` (${a.made_by_name})`), a.note ? ` – ${a.note}` : "")));
}

/** @param {string} id @param {any} task @param {() => void} reload */
function openTask(id, task, reload) {
  /** @type {import("../shared/api.js").ApiUrl} */
  const base = `/api/v1/patients/${id}/follow-ups/${task.id}`;
  const key = task.id.slice(0, 8);
  const problem = message("problem");
  const when = h("input", { type: "datetime-local", id: `when-${key}`, required: true, value: nowLocal() });
  const note = h("input", { type: "text", id: `note-${key}`, maxlength: 2000 });
  const attempt = h("form", { class: "window", "aria-label": t("fu.record") },
    h("p", { class: "field" }, h("label", { for: `when-${key}` }, t("fu.when")), when),
    choice(METHODS, `method-${key}`, t("fu.how")),
    choice(OUTCOMES, `outcome-${key}`, t("tl.what_happened")),
    h("p", { class: "field" }, h("label", { for: `note-${key}` }, t("fu.note")), note),
    h("button", { type: "submit" }, t("fu.record_button")));
  attempt.addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = /** @type {HTMLFormElement} */ (event.target);
    const reply = await call("POST", `${base}/attempts`, {
      attempted_at: new Date(/** @type {HTMLInputElement} */ (when).value).toISOString(),
      method: /** @type {HTMLSelectElement} */ (form.elements.namedItem(`method-${key}`)).value,
      outcome: /** @type {HTMLSelectElement} */ (form.elements.namedItem(`outcome-${key}`)).value,
      note: /** @type {HTMLInputElement} */ (note).value });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  });
  const { attended_after_all: _set_by_the_session, ...decisions } = DECISIONS;
  const why = h("input", { type: "text", id: `why-${key}`, maxlength: 2000 });
  const decide = h("form", { class: "window", "aria-label": t("fu.close") },
    choice(decisions, `decision-${key}`, t("fu.decision")),
    h("p", { class: "field" }, h("label", { for: `why-${key}` }, t("fu.note")), why),
    h("button", { type: "submit", class: "secondary" }, t("fu.close_button")));
  decide.addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = /** @type {HTMLFormElement} */ (event.target);
    const reply = await call("POST", `${base}/close`, {
      decision: /** @type {HTMLSelectElement} */ (form.elements.namedItem(`decision-${key}`)).value,
      note: /** @type {HTMLInputElement} */ (why).value });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  });
  return h("li", { class: `follow-up${task.overdue ? " overdue" : ""}` },
    h("h3", {}, t("fu.missed", { when: dateTime(task.missed_at) })),
    h("p", {}, task.overdue
      ? h("strong", { class: "overdue-flag" }, `▲ ${t("fu.overdue", { when: dateTime(task.due_at) })}`)
      : t("fu.due", { when: dateTime(task.due_at) })),
    attemptList(task), problem, attempt, decide);
}
