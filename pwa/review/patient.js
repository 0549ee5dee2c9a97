// @ts-check
/** One patient before a session: the digest, the charts, the timeline, sessions and tools. */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { allCharts } from "../shared/charts.js";
import { downloadButton } from "./download.js";
import { h } from "../shared/dom.js";
import { show, today } from "../shared/staff.js";
import { followUpSection } from "./followup.js";
import { pathwaySection } from "./pathway.js";
import { outcomesSection } from "./outcomes.js";
import { remindersSection } from "./reminders.js";
import { sessionsSection } from "./sessions.js";
import { timelineSection } from "./timeline.js";
import { toolsSection } from "./tools.js";
import { message } from "../shared/message.js";

/**
 * The review, or a problem shown in its place.
 * @param {string} id
 * @param {URLSearchParams} range
 */
export async function loadReview(id, range) {
  const query = range.get("from") ? `?${range}` : "";
  return call("GET", `/api/v1/patients/${id}/review${query}`);
}

/** @param {string} id @param {URLSearchParams} range */
export async function patientScreen(id, range) {
  const [review, notes, appointments, followUps] = await Promise.all([
    loadReview(id, range), call("GET", `/api/v1/patients/${id}/notes`),
    call("GET", `/api/v1/patients/${id}/appointments`), call("GET", `/api/v1/patients/${id}/follow-ups`)]);
  const back = h("p", {}, h("a", { href: "#/" }, t("patient.back")));
  if (!review.ok) {
    show(t("patient.title"), back, h("h1", {}, t("patient.title")),
      message("problem", reasonOf(review.data)));
    return;
  }
  const r = review.data;
  const reload = () => patientScreen(id, range);
  show(t("patient.before", { name: r.display_name }),
    back,
    h("h1", {}, t("patient.before", { name: r.display_name })),
    windowForm(id, r, range),
    h("section", { class: "card", "aria-labelledby": "digest" },
      h("h2", { id: "digest" }, t("patient.summary")),
      h("ul", { class: "digest" }, ...r.digest.map((/** @type {string} */ line) => h("li", {}, line)))),
    h("section", { "aria-labelledby": "charts" },
      h("h2", { id: "charts" }, t("patient.charts")),
      h("div", { class: "charts" }, ...allCharts(r.charts))),
    outcomesSection(id),
    timelineSection(id, r, notes.ok ? notes.data : [], reload),
    sessionsSection(id, appointments.ok ? appointments.data : [], notes.ok ? notes.data : [], reload),
    followUpSection(id, followUps.ok ? followUps.data : [], reload),
    await pathwaySection(id, () => patientScreen(id, range)),
    chainsSection(id, r.timeline),
    toolsSection(id),
    remindersSection(id));
}

/** Chain analyses: the module loads on first use. @param {string} id @param {any[]} entries */
function chainsSection(id, entries) {
  const body = h("div", {}, h("p", {}, t("review.loading")));
  import("./chains.js").then((m) => m.fillChains(id, entries, body))
    .catch(() => body.replaceChildren(h("p", { class: "problem" }, t("patient.chains_failed"))));
  return h("section", { "aria-labelledby": "chains" }, h("h2", { id: "chains" }, t("patient.chains")), body);
}

/**
 * The window: since the last session, or a chosen range; and the print and export links.
 * @param {string} id @param {any} r @param {URLSearchParams} range
 */
function windowForm(id, r, range) {
  const from = h("input", { type: "date", id: "from", name: "from", required: true, max: today(), value: range.get("from") || r.window.start.slice(0, 10) });
  const to = h("input", { type: "date", id: "to", name: "to", max: today(), value: range.get("to") || today() });
  const form = h("form", { class: "window" },
    h("p", { class: "field" }, h("label", { for: "from" }, t("patient.from")), from),
    h("p", { class: "field" }, h("label", { for: "to" }, t("patient.to")), to),
    h("button", { type: "submit" }, t("patient.show_range")),
    range.get("from") ? h("a", { href: `#/patients/${id}` }, t("caseload.since")) : null);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams({ from: /** @type {HTMLInputElement} */ (from).value });
    if (/** @type {HTMLInputElement} */ (to).value) chosen.set("to", /** @type {HTMLInputElement} */ (to).value);
    location.hash = `#/patients/${id}?${chosen}`;
  });
  const query = range.get("from") ? `?${range}` : "";
  return h("div", { class: "card toolbar" },
    h("p", { class: "window-words" }, t("patient.showing", { window: r.window.words })),
    form,
    h("p", { class: "actions" },
      h("a", { class: "button", href: `#/print/${id}${query}` }, t("patient.print")),
      downloadButton(`/patients/${id}/export?format=csv`, t("patient.csv")),
      downloadButton(`/patients/${id}/export?format=fhir`, t("patient.fhir"))));
}
