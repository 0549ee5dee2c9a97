// @ts-check
/**
 * What the patient has been working on, for going through together: their personal table
 * and the crisis plan (both editable here in the session), open
 * problem-solving worksheets, checking-it-out records and goals.
 */
import { call, reasonOf } from "./api.js";
import { h } from "./dom.js";
import { planCard } from "./plan.js";
import { tableEditor } from "./table.js";

/** @param {string} id */
export function toolsSection(id) {
  const body = h("div", { class: "tools" }, h("p", {}, "Loading…"));
  fill(id, body);
  return h("section", { "aria-labelledby": "tools" }, h("h2", { id: "tools" }, "Plans, worksheets and goals"), body);
}

/** @param {string} id @param {HTMLElement} into */
async function fill(id, into) {
  const base = `/patients/${id}`;
  const [table, draft, worksheets, checks, goals] = await Promise.all([
    call("GET", `${base}/table`), call("GET", `${base}/crisis-plan/draft`),
    call("GET", `${base}/problem-solving?status=open`), call("GET", `${base}/checking-it-out?status=open`),
    call("GET", `${base}/goals`)]);
  into.replaceChildren(
    card("Personal table", table.ok ? tableEditor(id, table.data, () => fill(id, into)) : unavailable(table)),
    card("Crisis plan", draft.ok ? await planCard(id, draft.data, table.ok ? table.data.rows || [] : [], () => fill(id, into)) : unavailable(draft)),
    card("Open problem-solving worksheets", worksheets.ok ? list(worksheets.data, (w) =>
      [w.problem || "A problem not yet put into words", w.first_step && ` – first step: ${w.first_step}`, w.when && ` (${w.when})`]) : unavailable(worksheets)),
    card("Checking it out", checks.ok ? list(checks.data, (c) =>
      [c.situation || "A situation not yet described", c.assumed && ` – assumed: ${c.assumed}`, c.how_sure !== null && c.how_sure !== undefined && ` (${c.how_sure}% sure)`]) : unavailable(checks)),
    card("Goals", goals.ok ? list(goals.data, (g) =>
      [g.goal, ` (${g.term === "long" ? "long-term" : "short-term"}, progress ${g.progress} out of 10, ${g.status})`, g.agreed_by ? ` – agreed with ${g.agreed_by}` : " – not yet agreed"]) : unavailable(goals)));
}

/** @param {string} title @param {Node} content */
function card(title, content) {
  return h("section", { class: "card" }, h("h3", {}, title), content);
}

/** @param {{status: number, data: any}} reply */
function unavailable(reply) {
  return h("p", { class: "muted" }, reply.status === 404 ? "Nothing yet." : reasonOf(reply.data));
}

/** @param {any[]} items @param {(x: any) => any[]} words */
function list(items, words) {
  if (!items.length) return h("p", { class: "muted" }, "None open.");
  return h("ul", {}, ...items.map((x) => h("li", {}, ...words(x))));
}
