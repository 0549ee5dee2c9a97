// @ts-check
/**
 * For a site admin: the service's view of outcomes across the site's patients (retention,
 * acts and contacts per patient-year, PHQ-9 and GAD-7 from the first score to the latest).
 * Each chart has its sentence and the table of its figures. Counts under 5 come from the
 * server as "fewer than 5" and are drawn as a hatched stub with those words, never a bar
 * whose length could be measured. Loaded on first use (app.js imports it lazily).
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { figure } from "../shared/charts.js";
import { h, s } from "../shared/dom.js";
import { show } from "../shared/staff.js";
import { newTurn } from "./turn.js";

const W = 640;

/**
 * Horizontal bars of counts or rates; a hidden one is a short stub saying so.
 * @param {Array<{label: string, value: number | null, shown: string}>} bars
 */
function bars(bars) {
  const rowH = 30;
  const left = 250;
  const max = Math.max(1e-9, ...bars.map((b) => b.value ?? 0));
  const svg = s("svg", { viewBox: `0 0 ${W} ${bars.length * rowH + 10}`, class: "plot" });
  bars.forEach((b, i) => {
    const y = 5 + i * rowH;
    const width = b.value === null ? 6 : Math.max(1, (b.value / max) * (W - left - 110));
    svg.append(
      s("text", { x: left - 8, y: y + 18, "text-anchor": "end" }, b.label),
      s("rect", { x: left, y: y + 4, width, height: 20, class: b.value === null ? "bar hidden" : "bar s1" },
        s("title", {}, t("acc.oc.bar", { label: b.label, shown: b.shown }))),
      s("text", { x: left + width + 6, y: y + 18 }, b.shown));
  });
  return svg;
}

/** @param {any} chart */
function retention(chart) {
  return figure(chart.title, chart.summary,
    bars(chart.rows.map((/** @type {any} */ r) => ({ label: r.label, value: r.count, shown: r.shown }))), null,
    [t("acc.oc.where"), t("acc.oc.patients")], chart.rows.map((/** @type {any} */ r) => [r.label, r.shown]));
}

/** @param {any} chart */
function rates(chart) {
  const rows = chart.rows.filter((/** @type {any} */ r) => r.key !== "nights");
  return figure(chart.title, chart.summary,
    bars(rows.map((/** @type {any} */ r) => ({ label: r.label, value: r.per_patient_year,
      shown: r.per_patient_year === null ? r.shown : t("acc.oc.a_year", { rate: r.per_patient_year }) }))), null,
    [t("acc.oc.act"), t("acc.oc.how_many"), t("acc.oc.per_year")],
    chart.rows.map((/** @type {any} */ r) => [r.label, r.shown, r.per_patient_year ?? "–"]));
}

/** @param {any} chart */
function change(chart) {
  const measured = chart.rows.filter((/** @type {any} */ r) => r.mean_start !== null);
  const name = (/** @type {string} */ q) => q.toUpperCase();
  return figure(chart.title, chart.summary,
    measured.length ? bars(measured.flatMap((/** @type {any} */ r) => [
      { label: t("acc.oc.q_start", { q: name(r.questionnaire) }), value: r.mean_start, shown: t("acc.oc.average", { mean: r.mean_start }) },
      { label: t("acc.oc.q_latest", { q: name(r.questionnaire) }), value: r.mean_now, shown: t("acc.oc.average", { mean: r.mean_now }) }])) : null,
    null,
    ["questionnaire", "patients", "start", "latest", "change", "lower", "same", "higher"].map((k) => t(`acc.oc.col.${k}`)),
    chart.rows.map((/** @type {any} */ r) => [name(r.questionnaire), r.patients_shown, r.mean_start ?? "–",
      r.mean_now ?? "–", r.mean_change ?? "–", r.lower_band.shown, r.same_band.shown, r.higher_band.shown]));
}

export async function outcomesScreen() {
  const current = newTurn();
  const reply = await call("GET", "/api/v1/site/outcomes");
  if (!current()) return;
  if (!reply.ok) {
    show(t("acc.nav.outcomes"), h("h1", {}, t("acc.oc.title")), h("p", { class: "problem", role: "alert" }, reasonOf(reply.data)));
    return;
  }
  const o = reply.data;
  show(t("acc.nav.outcomes"),
    h("h1", {}, t("acc.oc.title")),
    h("p", { class: "lead" }, t("acc.oc.lead", { patients: o.patients_shown, under: o.suppressed_below })),
    h("div", { class: "site-charts" },
      h("h2", {}, t("acc.oc.retention")), retention(o.retention),
      h("h2", {}, t("acc.oc.rates")), rates(o.rates),
      h("h2", {}, t("acc.oc.measures")), change(o.change)));
}
