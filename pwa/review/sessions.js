// @ts-check
/** Appointments: schedule a session, mark it attended, not attended or cancelled, and note it. */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { noteForm } from "./timeline.js";
import { message } from "../shared/message.js";

const STATUS = { scheduled: "Booked", attended: "Attended", not_attended: "Not attended", cancelled: "Cancelled" };

/** @param {string} id @param {any[]} appointments @param {any[]} notes @param {() => void} reload */
export function sessionsSection(id, appointments, notes, reload) {
  const problem = message("problem");
  const mark = async (/** @type {string} */ appointment, /** @type {string} */ status) => {
    const reply = await call("PATCH", `/api/v1/patients/${id}/appointments/${appointment}`, { status });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  };
  const now = Date.now();
  const rows = appointments.map((a) => {
    const started = Date.parse(a.starts_at) <= now;
    const said = notes.filter((n) => n.appointment_id === a.id);
    const actions = a.status !== "scheduled" ? [] : started
      ? [["attended", "Attended"], ["not_attended", "Not attended"], ["cancelled", "Cancelled"]]
      : [["cancelled", "Cancel"]];
    return h("li", { class: `session ${a.status}` },
      h("p", {}, h("strong", {}, dateTime(a.starts_at)), ` (${a.duration_minutes} minutes) – `,
        /** @type {any} */ (STATUS)[a.status], h("span", { class: "muted" }, `, booked by ${a.clinician_name}`)),
      actions.length ? h("p", { class: "actions" }, ...actions.map(([status, label]) =>
        h("button", { type: "button", class: "secondary", onclick: () => mark(a.id, status),
          "aria-label": `${label}: ${dateTime(a.starts_at)}` }, label))) : null,
      said.length ? h("ul", { class: "notes", "aria-label": "Notes on this session" }, ...said.map((n) =>
        h("li", {}, h("span", { class: "muted" }, `${n.author_name}: `), n.body))) : null,
      started && a.status !== "cancelled" ? noteForm(id, { appointment_id: a.id }, `note-${a.id}`, "Add a note on this session", reload) : null);
  });
  const when = h("input", { type: "datetime-local", id: "new-when", name: "when", required: true });
  const minutes = h("input", { type: "number", id: "new-minutes", name: "minutes", min: 5, max: 480, value: 50, required: true });
  const form = h("form", { class: "window" },
    h("p", { class: "field" }, h("label", { for: "new-when" }, "Date and time (UK time)"), when),
    h("p", { class: "field" }, h("label", { for: "new-minutes" }, "Minutes"), minutes),
    h("button", { type: "submit" }, "Book the session"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const starts = new Date(/** @type {HTMLInputElement} */ (when).value);
    const reply = await call("POST", `/api/v1/patients/${id}/appointments`, {
      starts_at: starts.toISOString(), duration_minutes: Number(/** @type {HTMLInputElement} */ (minutes).value) });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  });
  return h("section", { class: "card", "aria-labelledby": "sessions" },
    h("h2", { id: "sessions" }, "Sessions"),
    h("p", {}, "“Since the last session” starts at the last attended session. Sessions not attended go on the follow-up list."),
    rows.length ? h("ul", { class: "plain sessions" }, ...rows) : h("p", {}, "No sessions booked yet."),
    problem,
    h("h3", {}, "Book a session"), form);
}
