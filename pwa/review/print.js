// @ts-check
/** The pre-session summary laid out for one or two A4 pages (see @media print in review.css). */
import { reasonOf } from "./api.js";
import { allCharts } from "./charts.js";
import { dateTime, h, show } from "./dom.js";
import { loadReview } from "./patient.js";

/** @param {string} id @param {URLSearchParams} range */
export async function printScreen(id, range) {
  const reply = await loadReview(id, range);
  const query = range.get("from") ? `?${range}` : "";
  const back = h("a", { href: `#/patients/${id}${query}` }, "Back to the review");
  if (!reply.ok) {
    show("Print view", h("p", { class: "no-print" }, back), h("h1", {}, "Pre-session summary"),
      h("p", { class: "problem", role: "alert" }, reasonOf(reply.data)));
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
        h("div", { class: "charts print-grid" }, ...allCharts(r.charts)))));
}
