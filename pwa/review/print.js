// @ts-check
/** The pre-session summary laid out for one or two A4 pages (see @media print in review.css). */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { allCharts } from "../shared/charts.js";
import { h } from "../shared/dom.js";
import { dateTime, show } from "../shared/staff.js";
import { loadReview } from "./patient.js";
import { message } from "../shared/message.js";

/** @param {string} id @param {URLSearchParams} range */
export async function printScreen(id, range) {
  const [reply, notesReply] = await Promise.all([loadReview(id, range), call("GET", `/api/v1/patients/${id}/notes`)]);
  const query = range.get("from") ? `?${range}` : "";
  const back = h("a", { href: `#/patients/${id}${query}` }, t("print.back"));
  if (!reply.ok) {
    show(t("print.title"), h("p", { class: "no-print" }, back), h("h1", {}, t("print.heading")),
      message("problem", reasonOf(reply.data)));
    return;
  }
  const r = reply.data;
  const heading = t("print.summary_of", { name: r.display_name });
  show(heading,
    h("p", { class: "no-print actions" }, back,
      h("button", { type: "button", onclick: () => window.print() }, t("print.print"))),
    h("article", { class: "sheet" },
      h("header", {},
        h("h1", {}, heading),
        h("p", {}, t("print.window", { window: `${r.window.words[0].toUpperCase()}${r.window.words.slice(1)}`,
          when: dateTime(new Date().toISOString()) })),
        r.next_appointment_at ? h("p", {}, t("print.next", { when: dateTime(r.next_appointment_at) })) : null,
        h("p", { class: "confidential" }, t("print.confidential"))),
      h("section", { "aria-labelledby": "p-digest" },
        h("h2", { id: "p-digest" }, t("patient.summary")),
        h("ul", { class: "digest" }, ...r.digest.map((/** @type {string} */ line) => h("li", {}, line)))),
      h("section", { "aria-labelledby": "p-charts" },
        h("h2", { id: "p-charts" }, t("patient.charts")),
        h("div", { class: "charts print-grid" }, ...allCharts(r.charts))),
      timeline(r),
      notesFor(r, notesReply.ok ? notesReply.data : [])));
}

/** The entries of the range, one line each, newest first. @param {any} r */
function timeline(r) {
  /** @type {any[]} */
  const entries = r.timeline;
  const line = (/** @type {any} */ e) => {
    const risk = e.risk ? [e.risk.self_harm != null && t("print.risk.self_harm", { value: e.risk.self_harm }),
      e.risk.aggression != null && t("print.risk.aggression", { value: e.risk.aggression }),
      e.risk.substance_use && t("print.risk.substance")].filter(Boolean) : [];
    return [`${dateTime(e.occurred_at)}:`, [e.emotion, e.urge].filter(Boolean).join(", ") || t("print.no_words"),
      e.urge_strength != null ? t("print.urge", { value: e.urge_strength }) : "",
      e.helpful_response ? t("print.tried", { what: e.helpful_response }) : "",
      ["acted", "resisted", "partly"].includes(e.outcome) ? t(`print.out.${e.outcome}`) : "",
      risk.length ? t("print.risk", { list: risk.join(", ") }) : "",
      e.note ? t("print.note", { note: e.note }) : ""].filter(Boolean).join(" ");
  };
  return h("section", { "aria-labelledby": "p-timeline" },
    h("h2", { id: "p-timeline" }, t("tl.title")),
    r.timeline_total > entries.length ? h("p", {}, t("print.newest", { shown: entries.length, total: r.timeline_total })) : null,
    entries.length ? h("ol", { class: "print-timeline" }, ...entries.map((e) => h("li", {}, line(e)))) : h("p", {}, t("tl.no_entries")));
}

/** Care-team notes written in the range. @param {any} r @param {any[]} notes */
function notesFor(r, notes) {
  const from = Date.parse(r.window.start);
  const to = Date.parse(r.window.end);
  const inRange = notes.filter((n) => Date.parse(n.created_at) >= from && Date.parse(n.created_at) <= to);
  return h("section", { "aria-labelledby": "p-notes" },
    h("h2", { id: "p-notes" }, t("tl.notes")),
    inRange.length ? h("ul", { class: "print-timeline" }, ...inRange.map((n) =>
      h("li", {}, t("print.note_line", { author: n.author_name, when: dateTime(n.created_at), body: n.body })))) : h("p", {}, t("print.no_notes")));
}
