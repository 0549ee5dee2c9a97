// @ts-check
/** Appointments: schedule a session, mark it attended, not attended or cancelled, and note it. */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { noteForm } from "./timeline.js";
import { message } from "../shared/message.js";

const STATUS = { scheduled: t("ses.booked"), attended: t("ses.attended"), not_attended: t("ses.not_attended"), cancelled: t("ses.cancelled") };

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
      ? [["attended", t("ses.attended")], ["not_attended", t("ses.not_attended")], ["cancelled", t("ses.cancelled")]]
      : [["cancelled", t("ses.cancel")]];
    return h("li", { class: `session ${a.status}` },
      h("p", {}, h("strong", {}, dateTime(a.starts_at)), ` ${t("ses.duration", { minutes: a.duration_minutes })} – `,
        /** @type {any} */ (STATUS)[a.status], h("span", { class: "muted" }, t("ses.booked_by", { name: a.clinician_name }))),
      actions.length ? h("p", { class: "actions" }, ...actions.map(([status, label]) =>
        h("button", { type: "button", class: "secondary", onclick: () => mark(a.id, status),
          "aria-label": `${label}: ${dateTime(a.starts_at)}` }, label))) : null,
      said.length ? h("ul", { class: "notes", "aria-label": t("ses.notes") }, ...said.map((n) =>
        h("li", {}, h("span", { class: "muted" }, `${n.author_name}: `), n.body))) : null,
      started && a.status !== "cancelled" ? noteForm(id, { appointment_id: a.id }, `note-${a.id}`, t("ses.add_note"), reload) : null);
  });
  const when = h("input", { type: "datetime-local", id: "new-when", name: "when", required: true });
  const minutes = h("input", { type: "number", id: "new-minutes", name: "minutes", min: 5, max: 480, value: 50, required: true });
  const form = h("form", { class: "window" },
    h("p", { class: "field" }, h("label", { for: "new-when" }, t("ses.when")), when),
    h("p", { class: "field" }, h("label", { for: "new-minutes" }, t("ses.minutes")), minutes),
    h("button", { type: "submit" }, t("ses.book")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const starts = new Date(/** @type {HTMLInputElement} */ (when).value);
    const reply = await call("POST", `/api/v1/patients/${id}/appointments`, {
      starts_at: starts.toISOString(), duration_minutes: Number(/** @type {HTMLInputElement} */ (minutes).value) });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  });
  return h("section", { class: "card", "aria-labelledby": "sessions" },
    h("h2", { id: "sessions" }, t("ses.title")),
    h("p", {}, t("ses.about")),
    rows.length ? h("ul", { class: "plain sessions" }, ...rows) : h("p", {}, t("ses.none")),
    problem,
    h("h3", {}, t("ses.book_heading")), form);
}
