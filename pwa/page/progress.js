// @ts-check
/**
 * "How it's going": what the patient's own diary says, from data already on the phone
 * (the last good copy of their recent entries and what waits to be sent), in words first
 * and then a small chart. The most useful fact in SCM is what helps: how often an urge was
 * resisted when a helpful response was tried, and when nothing was tried.
 *
 * On purpose there are no streaks, points or badges, no red, and no "better" or "worse":
 * missing days or acting on an urge must never read as failure. Shame is a strong driver
 * of people in this group stopping treatment, and a diary that scolds is a diary that is
 * put down. A gap is simply a gap; every entry is welcome.
 */
import { h } from "../shared/dom.js";
import { dayOf } from "./dom.js";
import { fresh, pendingEntries } from "./entries.js";

const WEEKS = 8;
const DAY = 24 * 60 * 60 * 1000;

/** @param {number} n @param {string} one @param {string} many */
const times = (n, one, many) => `${n} ${n === 1 ? one : many}`;

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
  return h("li", {}, h("span", { class: "bar-label", text: `${label}: ${s.resisted} of ${s.tried}` }), svg);
}

/** @param {HTMLElement} main */
export async function render(main) {
  main.append(h("h1", { text: "How it's going" }),
    h("p", { class: "lead", text: "A look back at what you have logged, to help you notice what helps. It is for you." }));
  const from = new Date(Date.now() - WEEKS * 7 * DAY).toISOString();
  const read = await fresh(`/api/v1/entries?${new URLSearchParams({ limit: "200", from })}`, "progress");
  const byId = new Map((read.data?.items || []).map((/** @type {any} */ e) => [e.id, e]));
  for (const [id, p] of await pendingEntries()) {
    if (p.op === "upsert" && p.entry) byId.set(id, p.entry);
    else byId.delete(id);
  }
  if (read.offlineAt) main.append(h("p", { class: "offline-copy", text: `This uses your diary as saved on this phone on ${dayOf(read.offlineAt)}.` }));
  const s = summarise([...byId.values()], Date.now());
  if (byId.size === 0) {
    main.append(h("p", { class: "message", text: "Nothing to show yet. As you log urges, this page will show what helps you." }));
    return;
  }
  const helps = h("section", { "aria-labelledby": "p-helps" }, h("h2", { id: "p-helps", text: "What helps" }));
  for (const [response, counts] of s.helps) {
    helps.append(h("p", { text: `When you tried “${response}”, you resisted the urge ${counts.resisted} of ${times(counts.tried, "time", "times")}.` }));
  }
  if (s.none.tried) helps.append(h("p", { text: `When nothing was tried, you resisted the urge ${ofTimes(s.none)}.` }));
  if (!s.helps.length) helps.append(h("p", { text: "When you try a helpful response and log it, you will see here how often it helped." }));
  helps.append(h("ul", { class: "bars" }, ...s.helps.map(([r, c]) => bar(c, r)), s.none.tried ? bar(s.none, "Nothing tried") : null));

  const most = Math.max(1, ...s.weeks.map((w) => w.urges));
  const urges = h("section", { "aria-labelledby": "p-urges" }, h("h2", { id: "p-urges", text: `Urges over the last ${WEEKS} weeks` }),
    h("p", { text: "How many urges you logged each week, and how strong they were on average. Urges come and go; noticing them is the skill." }),
    h("ul", { class: "weeks" }, ...s.weeks.map((w) => h("li", {},
      h("span", { class: "week-label", text: `Week from ${new Date(w.start).toLocaleDateString("en-GB", { day: "numeric", month: "short" })}: ${times(w.urges, "urge", "urges")}${w.rated ? `, strength ${Math.round(w.strength / w.rated)} of 10 on average` : ""}` }),
      h("span", { class: "week-bar", "aria-hidden": "true", "data-share": String(Math.round((w.urges / most) * 100)) })))));
  for (const el of urges.querySelectorAll(".week-bar")) {
    /** @type {HTMLElement} */ (el).style.width = `${/** @type {HTMLElement} */ (el).dataset.share}%`;
  }
  const days = h("section", { "aria-labelledby": "p-days" }, h("h2", { id: "p-days", text: "Days you wrote" }),
    h("p", { text: `You wrote in your diary on ${times(s.days, "day", "days")} in the last 4 weeks.` }),
    h("p", { text: "Every entry helps you and your clinician see what is going on. A gap is fine: come back whenever you can." }));
  main.append(helps, urges, days);
}

/** @param {{tried: number, resisted: number}} s */
function ofTimes(s) {
  return `${s.resisted} of ${times(s.tried, "time", "times")}`;
}
