// @ts-check
/**
 * The charts of the review and the service's view, drawn as SVG by this file (no chart library, nothing fetched
 * from elsewhere). Each is a <figure> holding its one-sentence summary (which is also the
 * chart's accessible description) and, behind a disclosure, the table of its figures.
 * Series differ by line style and marker as well as colour.
 */
import { t } from "./words.js";
import { h, s } from "./dom.js";
import { day } from "./staff.js";

const W = 640;
const H = 220;
const M = { left: 44, right: 16, top: 12, bottom: 34 };
let uid = 0;

/**
 * @param {string} title
 * @param {string} summary
 * @param {SVGElement | null} svg
 * @param {HTMLElement | null} legend
 * @param {string[]} heads
 * @param {Array<Array<string | number>>} rows
 */
export function figure(title, summary, svg, legend, heads, rows) {
  const id = `chart-${++uid}`;
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", `${id}-title ${id}-summary`);
  }
  return h("figure", { class: "chart" },
    h("h3", { id: `${id}-title` }, title),
    h("p", { id: `${id}-summary`, class: "summary" }, summary),
    svg, legend,
    rows.length ? h("details", {},
      h("summary", {}, t("chart.figures")),
      h("table", {},
        h("caption", {}, title),
        h("thead", {}, h("tr", {}, ...heads.map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, ...rows.map(([first, ...rest]) => h("tr", {},
          h("th", { scope: "row" }, first), ...rest.map((v) => h("td", {}, v))))))) : null);
}

/** @param {Array<[string, string]>} items [class, label] */
export function legend(items) {
  return h("ul", { class: "legend" }, ...items.map(([cls, label]) =>
    h("li", {}, h("span", { class: `swatch ${cls}`, "aria-hidden": "true" }), label)));
}

/** @param {number | null | undefined} v */
const text = (v) => (v === null || v === undefined ? "–" : String(v));

/** Axes with a 0–10 scale: gridlines at 0, 5 and 10. */
function scoreAxes() {
  const g = s("g", { class: "axis" });
  for (const v of [0, 5, 10]) {
    const y = yOf(v);
    g.append(s("line", { x1: M.left, x2: W - M.right, y1: y, y2: y, class: "grid" }),
      s("text", { x: M.left - 8, y: y + 4, "text-anchor": "end" }, v));
  }
  return g;
}

/** @param {number} v */
function yOf(v) {
  return M.top + (1 - v / 10) * (H - M.top - M.bottom);
}

/** x positions by date across the days shown. @param {string[]} days */
function dayScale(days) {
  const t = days.map((d) => Date.parse(`${d}T12:00:00Z`));
  const lo = Math.min(...t);
  const hi = Math.max(...t);
  const span = hi - lo || 1;
  return (/** @type {string} */ d) => (hi === lo ? (M.left + W - M.right) / 2
    : M.left + ((Date.parse(`${d}T12:00:00Z`) - lo) / span) * (W - M.left - M.right));
}

/**
 * @param {any[]} points
 * @param {Array<{key: string, cls: string, label: string}>} series
 */
function lines(points, series) {
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "plot" }, scoreAxes());
  const x = dayScale(points.map((p) => p.day));
  for (const { key, cls, label } of series) {
    const have = points.filter((p) => p[key] !== null);
    if (have.length > 1) {
      svg.append(s("polyline", { class: `line ${cls}`, points: have.map((p) => `${x(p.day)},${yOf(p[key])}`).join(" ") }));
    }
    for (const p of have) {
      svg.append(s("circle", { class: `dot ${cls}`, cx: x(p.day), cy: yOf(p[key]), r: 4 },
        s("title", {}, `${day(p.day)}: ${label} ${p[key]}`)));
    }
  }
  const first = points[0].day;
  const last = points[points.length - 1].day;
  svg.append(s("text", { x: M.left, y: H - 10, class: "tick" }, day(first)));
  if (last !== first) svg.append(s("text", { x: W - M.right, y: H - 10, class: "tick", "text-anchor": "end" }, day(last)));
  return svg;
}

/** @param {any} chart */
export function intensityChart(chart) {
  const pts = chart.points;
  return figure(chart.title, chart.summary,
    pts.length ? lines(pts, [
      { key: "urge_mean", cls: "s1", label: t("chart.urge_avg") },
      { key: "emotion_mean", cls: "s2", label: t("chart.emotion_avg") }]) : null,
    pts.length ? legend([["s1", t("chart.legend.urge")], ["s2", t("chart.legend.emotion")]]) : null,
    [t("chart.day"), t("chart.entries"), t("chart.urge_avg_col"), t("chart.strongest"), t("chart.emotion_avg_col")],
    pts.map((/** @type {any} */ p) => [day(p.day), p.entries, text(p.urge_mean), text(p.urge_max), text(p.emotion_mean)]));
}

/**
 * Horizontal bars: one row per label; `inner` (optional) drawn inside the outer bar.
 * @param {Array<{label: string, value: number, inner?: number, note: string}>} bars
 */
export function barChart(bars) {
  const rowH = 30;
  const left = 190;
  const height = bars.length * rowH + 10;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = (/** @type {number} */ v) => (v / max) * (W - left - 60);
  const svg = s("svg", { viewBox: `0 0 ${W} ${height}`, class: "plot" });
  bars.forEach((b, i) => {
    const y = 5 + i * rowH;
    const label = b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label;
    svg.append(
      s("text", { x: left - 8, y: y + 18, "text-anchor": "end" }, label),
      s("rect", { x: left, y: y + 4, width: Math.max(width(b.value), 1), height: 20, class: "bar s1" },
        s("title", {}, b.note)),
      s("text", { x: left + width(b.value) + 6, y: y + 18 }, b.inner === undefined ? b.value : t("chart.of", { inner: b.inner, value: b.value })));
    if (b.inner !== undefined && b.inner > 0) {
      svg.append(s("rect", { x: left, y: y + 9, width: width(b.inner), height: 10, class: "bar inner" },
        s("title", {}, b.note)));
    }
  });
  return svg;
}

/** @param {any} chart */
export function categoryChart(chart) {
  return figure(chart.title, chart.summary,
    barChart(chart.rows.map((/** @type {any} */ r) => ({ label: r.label, value: r.count, note: `${r.label}: ${r.count}` }))),
    null, [t("chart.category"), t("chart.entries")], chart.rows.map((/** @type {any} */ r) => [r.label, r.count]));
}

/** @param {any} chart */
export function responseChart(chart) {
  const rows = chart.rows;
  return figure(chart.title, chart.summary,
    rows.length ? barChart(rows.slice(0, 8).map((/** @type {any} */ r) => ({
      label: r.helpful_response, value: r.tried, inner: r.resisted,
      note: t("chart.tried_note", { what: r.helpful_response, tried: r.tried, resisted: r.resisted }) }))) : null,
    rows.length ? legend([["s1", t("chart.legend.tried")], ["inner", t("chart.legend.resisted")]]) : null,
    [t("chart.helpful"), t("chart.tried"), t("chart.then_resisted"), t("chart.partly"), t("chart.acted")],
    rows.map((/** @type {any} */ r) => [r.helpful_response, r.tried, r.resisted, r.partly, r.acted]));
}

/** @param {any} chart */
export function riskChart(chart) {
  const pts = chart.points;
  let svg = null;
  if (pts.length) {
    svg = lines(pts, [
      { key: "self_harm_max", cls: "s3", label: t("chart.self_harm_max") },
      { key: "aggression_max", cls: "s4", label: t("chart.aggression_max") }]);
    const x = dayScale(pts.map((/** @type {any} */ p) => p.day));
    for (const p of pts.filter((/** @type {any} */ q) => q.substance_use)) {
      const cx = x(p.day);
      svg.append(s("path", { class: "mark", d: `M${cx - 6},${H - M.bottom + 2} l6,-10 l6,10 z` },
        s("title", {}, t("chart.substance_note", { day: day(p.day), count: p.substance_use }))));
    }
  }
  return figure(chart.title, chart.summary, svg,
    pts.length ? legend([["s3", t("chart.legend.self_harm")], ["s4", t("chart.legend.aggression")], ["mark", t("chart.legend.substance")]]) : null,
    [t("chart.day"), t("chart.self_harm_col"), t("chart.aggression_col"), t("chart.substance_col")],
    pts.map((/** @type {any} */ p) => [day(p.day), text(p.self_harm_max), text(p.aggression_max), p.substance_use]));
}

/** All four, in the order a clinician reads them. @param {any} charts */
export function allCharts(charts) {
  return [intensityChart(charts.intensity), categoryChart(charts.categories),
    responseChart(charts.responses), riskChart(charts.risk)];
}
