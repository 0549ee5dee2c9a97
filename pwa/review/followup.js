// @ts-check
/**
 * Assertive follow-up: a session not attended opens a task. The care team records each
 * attempt to reach the patient (when, how, what happened) and closes the task with a
 * decision; the record shows that the service followed the patient up.
 */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { message } from "../shared/message.js";

const METHODS = { phone: "Phone call", text: "Text message", letter: "Letter", visit: "Visit", email: "Email" };
const OUTCOMES = { reached: "Reached them", no_answer: "No answer", message_left: "Left a message", letter_sent: "Letter sent" };
const DECISIONS = {
  rebooked: "Rebooked a session",
  discharged_with_plan: "Discharged, with a discharge plan",
  escalated: "Escalated (risk, or not reached)",
  attended_after_all: "The session was attended after all",
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
  const open = tasks.filter((t) => t.open);
  const closed = tasks.filter((t) => !t.open);
  return h("section", { class: "card", "aria-labelledby": "follow-up" },
    h("h2", { id: "follow-up" }, "Following up"),
    h("p", {}, "A session not attended opens a follow-up. The next attempt, or a decision, is due within two days of the missed session or the last attempt."),
    open.length ? h("ul", { class: "plain follow-ups" }, ...open.map((t) => openTask(id, t, reload)))
      : h("p", {}, "Nothing to follow up."),
    closed.length ? h("details", {}, h("summary", {}, `Closed follow-ups (${closed.length})`),
      h("ul", { class: "plain" }, ...closed.map((t) => h("li", {},
        `Missed ${dateTime(t.missed_at)}: ${/** @type {any} */ (DECISIONS)[t.decision]}, by ${t.closed_by_name} on ${dateTime(t.closed_at)}.`,
        t.decision_note ? ` “${t.decision_note}”` : "",
        attemptList(t))))) : null);
}

/** @param {any} t */
function attemptList(t) {
  if (!t.attempts.length) return h("p", { class: "muted" }, "No attempts recorded.");
  return h("ol", { class: "attempts", "aria-label": "Attempts to reach them" }, ...t.attempts.map((/** @type {any} */ a) =>
    h("li", {}, `${dateTime(a.attempted_at)}: ${/** @type {any} */ (METHODS)[a.method]}, ${/** @type {any} */ (OUTCOMES)[a.outcome].toLowerCase()}`,
      h("span", { class: "muted" }, ` (${a.made_by_name})`), a.note ? ` – ${a.note}` : "")));
}

/** @param {string} id @param {any} t @param {() => void} reload */
function openTask(id, t, reload) {
  /** @type {import("../shared/api.js").ApiUrl} */
  const base = `/api/v1/patients/${id}/follow-ups/${t.id}`;
  const key = t.id.slice(0, 8);
  const problem = message("problem");
  const when = h("input", { type: "datetime-local", id: `when-${key}`, required: true, value: nowLocal() });
  const note = h("input", { type: "text", id: `note-${key}`, maxlength: 2000 });
  const attempt = h("form", { class: "window", "aria-label": "Record an attempt" },
    h("p", { class: "field" }, h("label", { for: `when-${key}` }, "When"), when),
    choice(METHODS, `method-${key}`, "How"),
    choice(OUTCOMES, `outcome-${key}`, "What happened"),
    h("p", { class: "field" }, h("label", { for: `note-${key}` }, "Note (optional)"), note),
    h("button", { type: "submit" }, "Record the attempt"));
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
  const decide = h("form", { class: "window", "aria-label": "Close with a decision" },
    choice(decisions, `decision-${key}`, "Decision"),
    h("p", { class: "field" }, h("label", { for: `why-${key}` }, "Note (optional)"), why),
    h("button", { type: "submit", class: "secondary" }, "Close the follow-up"));
  decide.addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = /** @type {HTMLFormElement} */ (event.target);
    const reply = await call("POST", `${base}/close`, {
      decision: /** @type {HTMLSelectElement} */ (form.elements.namedItem(`decision-${key}`)).value,
      note: /** @type {HTMLInputElement} */ (why).value });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  });
  return h("li", { class: `follow-up${t.overdue ? " overdue" : ""}` },
    h("h3", {}, `Missed session on ${dateTime(t.missed_at)}`),
    h("p", {}, t.overdue
      ? h("strong", { class: "overdue-flag" }, `▲ Overdue: the next attempt was due by ${dateTime(t.due_at)}.`)
      : `Next attempt or decision due by ${dateTime(t.due_at)}.`),
    attemptList(t), problem, attempt, decide);
}
