// @ts-check
/**
 * t("progress.title"): what the patient's own diary says, from data already on the phone
 * (the last good copy of their recent entries and what waits to be sent), in words first
 * and then a small chart. The most useful fact in SCM is what helps: how often an urge was
 * resisted when a helpful response was tried, and when nothing was tried.
 *
 * On purpose there are no streaks, points or badges, no red, and no "better" or "worse":
 * missing days or acting on an urge must never read as failure. Shame is a strong driver
 * of people in this group stopping treatment, and a diary that scolds is a diary that is
 * put down. A gap is simply a gap; every entry is welcome.
 */
import { dateLocale } from "../shared/words.js";
import { t } from "./words.js";
import { h } from "../shared/dom.js";
import { dayOf } from "./dom.js";
import { fresh, pendingEntries } from "./entries.js";

const WEEKS = 8;
const DAY = 24 * 60 * 60 * 1000;

/** @param {number} n @param {string} key "time", "urge" or "day" */
const times = (n, key) => t(`progress.${key}.${n === 1 ? "one" : "many"}`, { n });

/**
 * The counts the screen shows, from a list of entries (pure, so it is easy to check).
 * @param {any[]} entries
 * @param {number} now
 */
export function summarise(entries, now) {
  const live = entries.filter((e) => !e.withdrawn && e.occurred_at);
  /** @type {Map<string, {tried: number, resisted: number}>} */
  const helps = new Map();
  const none = { tried: 0, resisted: 0 };
  for (const e of live.filter((x) => x.outcome)) {
    const slot = e.helpful_response ? helps.get(e.helpful_response) || { tried: 0, resisted: 0 } : none;
    slot.tried += 1;
    if (e.outcome === "resisted") slot.resisted += 1;
    if (e.helpful_response) helps.set(e.helpful_response, slot);
  }
  const weeks = Array.from({ length: WEEKS }, (_, i) => ({ start: now - (WEEKS - i) * 7 * DAY, urges: 0, strength: 0, rated: 0 }));
  for (const e of live) {
    const at = new Date(e.occurred_at).getTime();
    const week = weeks.find((w) => at >= w.start && at < w.start + 7 * DAY);
    if (!week) continue;
    week.urges += 1;
    if (typeof e.urge_strength === "number") {
      week.strength += e.urge_strength;
      week.rated += 1;
    }
  }
  const recent = live.filter((e) => new Date(e.occurred_at).getTime() >= now - 28 * DAY);
  const days = new Set(recent.map((e) => new Date(e.occurred_at).toDateString())).size;
  const ranked = [...helps.entries()].sort((a, b) => b[1].tried - a[1].tried).slice(0, 6);
  return { helps: ranked, none, weeks, days };
}

/** @param {{tried: number, resisted: number}} s @param {string} label */
function bar(s, label) {
  const share = s.tried ? s.resisted / s.tried : 0;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 100 8");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "progress-bar");
  for (const [width, cls] of [[100, "bar-track"], [Math.max(share * 100, 1), "bar-fill"]]) {
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("width", String(width));
    rect.setAttribute("height", "8");
    rect.setAttribute("rx", "2");
    rect.setAttribute("class", String(cls));
    svg.append(rect);
  }
  return h("li", {}, h("span", { class: "bar-label", text: t("progress.bar", { label, resisted: s.resisted, tried: s.tried }) }), svg);
}

/** @param {HTMLElement} main */
export async function render(main) {
  main.append(h("h1", { text: t("progress.title") }),
    h("p", { class: "lead", text: t("progress.lead") }));
  const from = new Date(Date.now() - WEEKS * 7 * DAY).toISOString();
  const read = await fresh(`/api/v1/entries?${new URLSearchParams({ limit: "200", from })}`, "progress");
  const byId = new Map((read.data?.items || []).map((/** @type {any} */ e) => [e.id, e]));
  for (const [id, p] of await pendingEntries()) {
    if (p.op === "upsert" && p.entry) byId.set(id, p.entry);
    else byId.delete(id);
  }
  if (read.offlineAt) main.append(h("p", { class: "offline-copy", text: t("progress.offline", { day: dayOf(read.offlineAt) }) }));
  const s = summarise([...byId.values()], Date.now());
  if (byId.size === 0) {
    main.append(h("p", { class: "message", text: t("progress.empty") }));
    return;
  }
  const helps = h("section", { "aria-labelledby": "p-helps" }, h("h2", { id: "p-helps", text: t("progress.helps") }));
  for (const [response, counts] of s.helps) {
    helps.append(h("p", { text: t("progress.tried", { response, resisted: counts.resisted, times: times(counts.tried, "time") }) }));
  }
  if (s.none.tried) helps.append(h("p", { text: t("progress.nothing_tried", { times: ofTimes(s.none) }) }));
  if (!s.helps.length) helps.append(h("p", { text: t("progress.none") }));
  helps.append(h("ul", { class: "bars" }, ...s.helps.map(([r, c]) => bar(c, r)), s.none.tried ? bar(s.none, t("progress.nothing")) : null));

  const most = Math.max(1, ...s.weeks.map((w) => w.urges));
  const urges = h("section", { "aria-labelledby": "p-urges" }, h("h2", { id: "p-urges", text: t("progress.urges", { weeks: WEEKS }) }),
    h("p", { text: t("progress.urges_about") }),
    h("ul", { class: "weeks" }, ...s.weeks.map((w) => h("li", {},
      h("span", { class: "week-label", text: t(w.rated ? "progress.week.rated" : "progress.week", { from: new Date(w.start).toLocaleDateString(dateLocale(), { day: "numeric", month: "short" }), urges: times(w.urges, "urge"), strength: w.rated ? Math.round(w.strength / w.rated) : 0 }) }),
      h("span", { class: "week-bar", "aria-hidden": "true", "data-share": String(Math.round((w.urges / most) * 100)) })))));
  for (const el of urges.querySelectorAll(".week-bar")) {
    /** @type {HTMLElement} */ (el).style.width = `${/** @type {HTMLElement} */ (el).dataset.share}%`;
  }
  const days = h("section", { "aria-labelledby": "p-days" }, h("h2", { id: "p-days", text: t("progress.days_title") }),
    h("p", { text: t("progress.days", { days: times(s.days, "day") }) }),
    h("p", { text: t("progress.days_about") }));
  main.append(helps, urges, days);
}

/** @param {{tried: number, resisted: number}} s */
function ofTimes(s) {
  return t("progress.of", { resisted: s.resisted, times: times(s.tried, "time") });
}
