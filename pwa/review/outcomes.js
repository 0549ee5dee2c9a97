// @ts-check
/**
 * Outcomes over time, since the start of treatment: acts and service contacts per month
 * (with the Modified Overt Aggression Scale's weighted score), PHQ-9 and GAD-7 totals in
 * their bands, and before and now. Each chart has its sentence and its figures table, like
 * the review's own charts. The care team can record an act or contact here too.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { barChart, figure, legend } from "../shared/charts.js";
import { h, s } from "../shared/dom.js";
import { day, today } from "../shared/staff.js";
import { message } from "../shared/message.js";

const W = 640;
const H = 240;
const M = { left: 44, right: 16, top: 12, bottom: 34 };

/** @type {Record<string, string>} */
const KINDS = Object.fromEntries(["self_harm", "verbal", "property", "others", "ae", "crisis_team", "police", "admission",
  "social_services", "nothing"].map((k) => [k, t(`oc.kind.${k}`)]));

/** @param {string} id */
export function outcomesSection(id) {
  const body = h("div", { class: "outcomes" }, h("p", {}, t("review.loading")));
  void fill(id, body);
  return h("section", { "aria-labelledby": "outcomes" }, h("h2", { id: "outcomes" }, t("oc.title")), body);
}

/** @param {string} id @param {HTMLElement} into */
async function fill(id, into) {
  const reply = await call("GET", `/api/v1/patients/${id}/outcomes`);
  if (!reply.ok) {
    into.replaceChildren(message("problem", reasonOf(reply.data)));
    return;
  }
  const o = reply.data;
  const due = o.due.filter((/** @type {any} */ d) => d.state !== "not_yet");
  into.replaceChildren(
    h("p", { class: "muted" }, due.length ? t("oc.checkins", { due: due.map((/** @type {any} */ d) => d.words).join("; ") }) : t("oc.no_checkins")),
    h("div", { class: "charts" }, monthChart(o.months), measureChart(o.measures), comparison(o.before_after)),
    recordForm(id, () => fill(id, into)),
    recent(o.events));
}

/** @param {any} chart */
function monthChart(chart) {
  const rows = chart.months;
  const acts = (/** @type {any} */ r) => r.self_harm + r.verbal + r.property + r.others;
  const contacts = (/** @type {any} */ r) => r.ae + r.crisis_team + r.police + r.admissions + r.social_services;
  return figure(chart.title, chart.summary,
    rows.length ? barChart(rows.map((/** @type {any} */ r) => ({ label: r.month, value: acts(r) + contacts(r), inner: acts(r),
      note: t("oc.bar", { month: r.month, acts: acts(r), contacts: contacts(r) }) }))) : null,
    rows.length ? legend([["s1", t("oc.legend.full")], ["inner", t("oc.legend.inner")]]) : null,
    ["month", "self_harm", "verbal", "property", "others", "moas", "ae", "crisis_team", "police", "admissions", "nights", "social_services", "quiet_weeks"].map((k) => t(`oc.col.${k}`)),
    rows.map((/** @type {any} */ r) => [r.month, r.self_harm, r.verbal, r.property, r.others, r.moas, r.ae, r.crisis_team, r.police, r.admissions, r.nights, r.social_services, r.quiet_weeks]));
}

/** @param {any} chart */
function measureChart(chart) {
  const pts = chart.points;
  let svg = null;
  if (pts.length) {
    svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "plot" });
    const y = (/** @type {number} */ v) => M.top + (1 - v / 27) * (H - M.top - M.bottom);
    for (const [low, , label] of chart.bands["phq-9"]) {
      svg.append(s("line", { x1: M.left, x2: W - M.right, y1: y(low), y2: y(low), class: "grid" }),
        s("text", { x: M.left - 8, y: y(low) + 4, "text-anchor": "end" }, low),
        s("text", { x: W - M.right, y: y(low) - 3, "text-anchor": "end", class: "tick" }, `PHQ-9 ${label}`));
    }
    const times = pts.map((/** @type {any} */ p) => Date.parse(p.day));
    const lo = Math.min(...times);
    const span = Math.max(...times) - lo || 1;
    const x = (/** @type {string} */ d) => M.left + ((Date.parse(d) - lo) / span) * (W - M.left - M.right);
    for (const [qid, cls] of [["phq-9", "s1"], ["gad-7", "s2"]]) {
      const mine = pts.filter((/** @type {any} */ p) => p.questionnaire === qid);
      if (mine.length > 1) svg.append(s("polyline", { class: `line ${cls}`, points: mine.map((/** @type {any} */ p) => `${x(p.day)},${y(p.total)}`).join(" ") }));
      for (const p of mine) svg.append(s("circle", { class: `dot ${cls}`, cx: x(p.day), cy: y(p.total), r: 4 }, s("title", {}, `${day(p.day)}: ${qid.toUpperCase()} ${p.total} (${p.band})`)));
    }
  }
  return figure(chart.title, chart.summary, svg,
    pts.length ? legend([["s1", t("oc.legend.phq")], ["s2", t("oc.legend.gad")]]) : null,
    [t("oc.day"), t("oc.questionnaire"), t("oc.total"), t("oc.band_col"), t("oc.q9")],
    pts.map((/** @type {any} */ p) => [day(p.day), p.questionnaire.toUpperCase(), p.total, p.band, p.self_harm_item ?? "–"]));
}

/** @param {any} chart */
function comparison(chart) {
  return figure(chart.title, chart.summary, null, null, [t("oc.measure"), t("oc.before"), t("oc.now")],
    chart.rows.map((/** @type {any} */ r) => [r.measure, r.before ?? "–", r.after ?? "–"]));
}

/** @param {string} id @param {() => void} done */
function recordForm(id, done) {
  const kind = h("select", { id: "act-kind", name: "kind" }, ...Object.entries(KINDS).filter(([k]) => k !== "nothing").map(([value, label]) => h("option", { value }, label)));
  const when = h("input", { type: "date", id: "act-day", name: "occurred_on", required: true, max: today(), value: today() });
  const band = h("select", { id: "act-band", name: "band" },
    h("option", { value: "" }, t("oc.not_act")),
    h("option", { value: "1" }, t("oc.band1")), h("option", { value: "2" }, "2"),
    h("option", { value: "3" }, t("oc.band3")), h("option", { value: "4" }, t("oc.band4")));
  const nights = h("input", { type: "number", id: "act-nights", name: "nights", min: 0, max: 365, value: 0 });
  const said = message("problem");
  const form = h("form", { class: "card" },
    h("h3", {}, t("oc.record_title")),
    h("p", { class: "muted" }, t("oc.record_about")),
    h("p", { class: "field" }, h("label", { for: "act-kind" }, t("oc.act")), kind),
    h("p", { class: "field" }, h("label", { for: "act-day" }, t("fu.when")), when),
    h("p", { class: "field" }, h("label", { for: "act-band" }, t("oc.how_serious")), band),
    h("p", { class: "field" }, h("label", { for: "act-nights" }, t("oc.nights_label")), nights),
    h("button", { type: "submit" }, t("oc.record")), said);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const k = /** @type {HTMLSelectElement} */ (kind).value;
    const b = Number(/** @type {HTMLSelectElement} */ (band).value) || null;
    /** @type {Record<string, unknown>} */
    const body = { base_version: 0, kind: k, occurred_on: /** @type {HTMLInputElement} */ (when).value };
    if (k === "self_harm") body.injury = b === 4 ? "hospital" : b === 3 ? "first_aid" : "no_injury";
    if (["verbal", "property", "others"].includes(k)) body.severity = b;
    if (k === "admission") body.nights = Number(/** @type {HTMLInputElement} */ (nights).value) || 0;
    const reply = await call("PUT", `/api/v1/patients/${id}/acts-and-contacts/${crypto.randomUUID()}`, body);
    if (reply.ok) done();
    else said.textContent = reasonOf(reply.data);
  });
  return form;
}

/** @param {any[]} events */
function recent(events) {
  if (!events.length) return h("p", { class: "muted" }, t("oc.none"));
  return h("section", { class: "card" }, h("h3", {}, t("oc.recent")),
    h("ul", {}, ...events.slice(0, 50).map((e) => h("li", {},
      `${day(e.occurred_on)}: ${KINDS[e.kind] || e.kind}`,
      e.severity ? " " + t("oc.band", { band: e.severity }) : "", e.kind === "admission" ? " " + t("oc.nights", { nights: e.nights }) : "",
      e.note ? ` – “${e.note}”` : "",
      e.recorded_by === "clinician" ? t("oc.by_team") : t("oc.by_patient")))));
}
