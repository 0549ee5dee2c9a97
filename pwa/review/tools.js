// @ts-check
/**
 * What the patient has been working on, for going through together: their personal table
 * and the crisis plan (both editable here in the session), open
 * problem-solving worksheets, checking-it-out records and goals.
 */
import { call, reasonOf } from "./api.js";
import { day, h } from "./dom.js";
import { tableEditor } from "./table.js";

/** Plain list sections of the crisis plan that can be edited here, one item a line. */
const SECTIONS = [
  ["warning_signs", "Early warning signs"],
  ["self_help", "Things I can do myself"],
  ["people_places", "People and places that help"],
  ["safer", "Making my situation safer"],
  ["reasons", "Reasons that matter to me"],
];

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
    card("Crisis plan", draft.ok ? planEditor(id, draft.data, into) : unavailable(draft)),
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

/**
 * The crisis-plan draft, edited with the patient in the session: one item a line. Saving
 * sends the version we started from, so a change made meanwhile on the phone is never
 * overwritten (the server answers 412 and we say so).
 * @param {string} id @param {any} draft @param {HTMLElement} into
 */
function planEditor(id, draft, into) {
  const problem = h("p", { class: "problem", role: "alert" });
  const areas = SECTIONS.map(([key, label]) => h("p", { class: "field" },
    h("label", { for: `plan-${key}` }, label),
    h("textarea", { id: `plan-${key}`, name: key, rows: 3 }, (draft.plan[key] || []).join("\n"))));
  const review = h("input", { type: "date", id: "plan-review", name: "review_date", value: draft.plan.review_date || "" });
  const form = h("form", { class: "plan" }, ...areas,
    h("p", { class: "field" }, h("label", { for: "plan-review" }, "Review date"), review),
    problem,
    h("p", { class: "actions" }, h("button", { type: "submit" }, "Save the draft"),
      draft.version ? h("button", { type: "button", class: "secondary", onclick: agree }, "Agree this version") : null));
  async function agree() {
    const reply = await call("PUT", `/patients/${id}/crisis-plan/agreement`, { draft_version: draft.version });
    if (reply.ok) fill(id, into);
    else problem.textContent = reasonOf(reply.data);
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const plan = { ...draft.plan, review_date: data.get("review_date") || null };
    for (const [key] of SECTIONS) {
      plan[key] = String(data.get(key) || "").split("\n").map((x) => x.trim()).filter(Boolean);
    }
    const reply = await call("PUT", `/patients/${id}/crisis-plan/draft`, { base_version: draft.version, plan });
    if (reply.ok) fill(id, into);
    else problem.textContent = reply.status === 412
      ? "The plan was changed on the patient's phone since this page opened. Reload the page to see it, then make your change again."
      : reasonOf(reply.data);
  });
  const agreed = draft.patient_agreed && draft.clinician_agreed;
  return h("div", {},
    h("p", {}, draft.version
      ? `Draft version ${draft.version}. ${agreed ? "Both of you have agreed this version." : `${draft.patient_agreed ? "The patient has agreed it." : "The patient has not agreed it yet."} ${draft.clinician_agreed ? "You have agreed it." : "You have not agreed it yet."}`}`
      : "No draft yet: write it together in the session."),
    draft.plan.review_date ? h("p", {}, `Review date: ${day(draft.plan.review_date)}.`) : null,
    form);
}
