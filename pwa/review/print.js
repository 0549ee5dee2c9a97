// @ts-check
/** The pre-session summary laid out for one or two A4 pages (see @media print in review.css). */
import { call, reasonOf } from "../shared/api.js";
import { allCharts } from "../shared/charts.js";
import { h } from "../shared/dom.js";
import { dateTime, show } from "../shared/staff.js";
import { loadReview } from "./patient.js";
import { message } from "../shared/message.js";

/** @param {string} id @param {URLSearchParams} range */
export async function printScreen(id, range) {
  const [reply, notesReply] = await Promise.all([loadReview(id, range), call("GET", `/api/v1/patients/${id}/notes`)]);
  const query = range.get("from") ? `?${range}` : "";
  const back = h("a", { href: `#/patients/${id}${query}` }, "Back to the review");
  if (!reply.ok) {
    show("Print view", h("p", { class: "no-print" }, back), h("h1", {}, "Pre-session summary"),
      message("problem", reasonOf(reply.data)));
    return;
  }
  const r = reply.data;
  show(`${r.display_name}: pre-session summary`,
    h("p", { class: "no-print actions" }, back,
      h("button", { type: "button", onclick: () => window.print() }, "Print")),
    h("article", { class: "sheet" },
      h("header", {},
        h("h1", {}, `${r.display_name}: pre-session summary`),
        h("p", {}, `${r.window.words[0].toUpperCase()}${r.window.words.slice(1)}. Printed ${dateTime(new Date().toISOString())}.`),
        r.next_appointment_at ? h("p", {}, `Next session: ${dateTime(r.next_appointment_at)}.`) : null,
        h("p", { class: "confidential" }, "Confidential: health information. Keep it safe and shred it after use.")),
      h("section", { "aria-labelledby": "p-digest" },
        h("h2", { id: "p-digest" }, "Summary"),
        h("ul", { class: "digest" }, ...r.digest.map((/** @type {string} */ line) => h("li", {}, line)))),
      h("section", { "aria-labelledby": "p-charts" },
        h("h2", { id: "p-charts" }, "Charts"),
        h("div", { class: "charts print-grid" }, ...allCharts(r.charts))),
      timeline(r),
      notesFor(r, notesReply.ok ? notesReply.data : [])));
}

const OUTCOME = { acted: "acted on it", resisted: "resisted it", partly: "partly acted on it" };

/** The entries of the range, one line each, newest first. @param {any} r */
function timeline(r) {
  /** @type {any[]} */
  const entries = r.timeline;
  const line = (/** @type {any} */ e) => {
    const risk = e.risk ? [e.risk.self_harm != null && `self-harm ${e.risk.self_harm}`,
      e.risk.aggression != null && `aggression ${e.risk.aggression}`, e.risk.substance_use && "alcohol or drugs"].filter(Boolean) : [];
    return [`${dateTime(e.occurred_at)}:`, [e.emotion, e.urge].filter(Boolean).join(", ") || "no words given",
      e.urge_strength != null ? `(urge ${e.urge_strength} out of 10)` : "",
      e.helpful_response ? `– tried: ${e.helpful_response}` : "",
      e.outcome ? `– ${/** @type {any} */ (OUTCOME)[e.outcome]}` : "",
      risk.length ? `– risk: ${risk.join(", ")}` : "", e.note ? `– note: ${e.note}` : ""].filter(Boolean).join(" ");
  };
  return h("section", { "aria-labelledby": "p-timeline" },
    h("h2", { id: "p-timeline" }, "Timeline"),
    r.timeline_total > entries.length ? h("p", {}, `The newest ${entries.length} of ${r.timeline_total} entries.`) : null,
    entries.length ? h("ol", { class: "print-timeline" }, ...entries.map((e) => h("li", {}, line(e)))) : h("p", {}, "No entries in this period."));
}

/** Care-team notes written in the range. @param {any} r @param {any[]} notes */
function notesFor(r, notes) {
  const from = Date.parse(r.window.start);
  const to = Date.parse(r.window.end);
  const inRange = notes.filter((n) => Date.parse(n.created_at) >= from && Date.parse(n.created_at) <= to);
  return h("section", { "aria-labelledby": "p-notes" },
    h("h2", { id: "p-notes" }, "Care team notes"),
    inRange.length ? h("ul", { class: "print-timeline" }, ...inRange.map((n) =>
      h("li", {}, `${n.author_name}, ${dateTime(n.created_at)}: ${n.body}`))) : h("p", {}, "No notes in this period."));
}
