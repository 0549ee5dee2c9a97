// @ts-check
/** The caseload: who needs attention first, each row in words. */
import { call, reasonOf } from "./api.js";
import { dateTime, h, show } from "./dom.js";

export async function caseloadScreen() {
  const reply = await call("GET", "/patients");
  if (!reply.ok) {
    show("Caseload", h("h1", {}, "Your caseload"), h("p", { class: "problem", role: "alert" }, reasonOf(reply.data)));
    return;
  }
  /** @type {any[]} */
  const rows = reply.data;
  const followUp = rows.filter((r) => r.follow_up);
  show("Caseload",
    h("h1", {}, "Your caseload"),
    h("p", { class: "lead" }, rows.length
      ? "The patient who most needs attention is first: missed appointments, high risk items, urges acted on and long silences move a patient up."
      : "No patients are assigned to you yet. Your service's administrator adds them to your caseload."),
    followUp.length ? h("section", { class: "card alert", "aria-labelledby": "follow-up" },
      h("h2", { id: "follow-up" }, "Follow up: appointments not attended"),
      h("ul", {}, ...followUp.map((r) => h("li", {},
        h("a", { href: `#/patients/${r.patient_id}` }, r.display_name), ` – ${r.summary}`)))) : null,
    rows.length ? table(rows) : null,
  );
}

/** @param {any[]} rows */
function table(rows) {
  return h("table", { class: "caseload" },
    h("caption", {}, "Your patients, the one who most needs attention first"),
    h("thead", {}, h("tr", {},
      ...["Patient", "Since the last session", "Last entry", "Next appointment", "Why they are here in the list"]
        .map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, ...rows.map((r) => h("tr", { class: r.follow_up ? "flagged" : null },
      h("th", { scope: "row" }, h("a", { href: `#/patients/${r.patient_id}` }, r.display_name),
        h("span", { class: "muted" }, ` (${r.login})`)),
      h("td", {}, r.summary),
      h("td", {}, r.last_entry_at ? dateTime(r.last_entry_at) : "None yet"),
      h("td", {}, r.next_appointment_at ? dateTime(r.next_appointment_at) : "None booked"),
      h("td", {}, r.reasons.length ? h("ul", { class: "plain" }, ...r.reasons.map((x) => h("li", {}, x))) : "Nothing flagged")))));
}
