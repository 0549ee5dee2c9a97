// @ts-check
/**
 * Tools gone through together in the session: every problem-solving worksheet and
 * checking-it-out record since the last session, open and finished, with all of each
 * (step 4's "what happened" and "what I learned" too), marked "reviewed together" with a
 * short note; and goals, agreed here and their progress talked through.
 */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { message } from "../shared/message.js";

const STRATEGIES = { ask: "Ask a question", tentative: "Say what I suppose, and ask", feeling: "Say how it made me feel", my_view: "Explain how I see it", context: "Think about what else was going on" };

/** @param {string} label @param {any} value */
const row = (label, value) => [h("dt", {}, label), h("dd", {}, value === "" || value == null || (Array.isArray(value) && !value.length) ? "Not written" : value)];

/** @param {any} f worksheet fields */
function worksheet(f) {
  const chosen = f.chosen != null ? f.solutions[f.chosen] : null;
  return h("dl", { class: "plan-whole" },
    ...row("1. The problem", f.problem),
    ...row("2. Possible solutions", f.solutions.length ? h("ul", { class: "plain" }, ...f.solutions.map((/** @type {any} */ s, /** @type {number} */ i) =>
      h("li", {}, `${s.idea}${s.pros ? ` – for: ${s.pros}` : ""}${s.cons ? ` – against: ${s.cons}` : ""}${i === f.chosen ? " (chosen)" : ""}`))) : ""),
    ...row("3. The plan", chosen ? `${chosen.idea}; first step: ${f.first_step || "not written"}${f.when ? ` (${f.when})` : ""}` : ""),
    ...row("4. What happened", f.what_happened),
    ...row("4. What I learned", f.learned));
}

/** @param {any} f checking-it-out fields */
function check(f) {
  return h("dl", { class: "plan-whole" },
    ...row("The situation", f.situation),
    ...row("What I assumed", f.assumed ? `${f.assumed}${f.how_sure != null ? ` (${f.how_sure}% sure)` : ""}` : ""),
    ...row("Other explanations", (f.other_explanations || []).join("; ")),
    ...row("How I checked it out", (f.strategies || []).map((/** @type {string} */ s) => /** @type {any} */ (STRATEGIES)[s] || s).join("; ")),
    ...row("What I asked or said", f.asked_or_said),
    ...row("What I learned", f.learned));
}

/** @param {string} id @param {any} r a session record @param {string} title @param {() => void} reload */
function recordCard(id, r, title, reload) {
  const key = r.id.slice(0, 8);
  const problem = message("problem");
  const note = h("input", { id: `rt-${key}`, maxlength: 2000 });
  const form = h("form", { class: "window", "aria-label": `Mark reviewed together: ${title}` },
    h("p", { class: "field" }, h("label", { for: `rt-${key}` }, "Note (optional)"), note),
    h("button", { type: "submit", class: "secondary" }, "Reviewed together"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const reply = await call("POST", `/api/v1/patients/${id}/session-tools/${r.id}/reviewed`, { version: r.version, note: /** @type {HTMLInputElement} */ (note).value });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  });
  const done = r.reviewed && !r.changed_since_reviewed;
  return h("li", { class: "together" },
    h("h4", {}, `${title} (${r.status === "open" ? "open" : "finished"}, changed ${dateTime(r.updated_at)})`),
    r.kind === "problem_solving" ? worksheet(r.fields) : check(r.fields),
    r.reviewed ? h("p", { class: "reviewed" }, `✓ Reviewed together with ${r.reviewed.clinician_name} on ${dateTime(r.reviewed.reviewed_at)}${r.reviewed.note ? `: “${r.reviewed.note}”` : "."}${r.changed_since_reviewed ? " Changed since then." : ""}`) : null,
    problem, done ? null : form);
}

/** @param {string} id @param {any} tools @param {() => void} reload */
export function togetherCards(id, tools, reload) {
  const since = tools.since ? ` since the last session (${dateTime(tools.since)})` : "";
  return [
    h("section", { class: "card", "aria-labelledby": "rt-worksheets" },
      h("h3", { id: "rt-worksheets" }, `Problem-solving worksheets${since}`),
      tools.worksheets.length ? h("ul", { class: "plain" }, ...tools.worksheets.map((/** @type {any} */ w) =>
        recordCard(id, w, w.fields.problem || "A problem not yet put into words", reload))) : h("p", { class: "muted" }, "None.")),
    h("section", { class: "card", "aria-labelledby": "rt-checks" },
      h("h3", { id: "rt-checks" }, `Checking it out${since}`),
      tools.checks.length ? h("ul", { class: "plain" }, ...tools.checks.map((/** @type {any} */ c) =>
        recordCard(id, c, c.fields.situation || "A situation not yet described", reload))) : h("p", { class: "muted" }, "None.")),
  ];
}

/** Goals: agree one here, and see its progress to talk through. @param {string} id @param {any[]} goals @param {() => void} reload */
export function goalsCard(id, goals, reload) {
  const problem = message("problem");
  const agree = async (/** @type {any} */ g) => {
    const reply = await call("PUT", `/api/v1/patients/${id}/goals/${g.id}/agreement`, { version: g.version });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  };
  return h("section", { class: "card", "aria-labelledby": "rt-goals" },
    h("h3", { id: "rt-goals" }, "Goals"),
    goals.length ? h("ul", { class: "plain" }, ...goals.map((g) => h("li", { class: "together" },
      h("p", {}, h("strong", {}, g.goal), ` (${g.term === "long" ? "long-term" : "short-term"}, ${g.status})`),
      g.steps ? h("p", {}, `Steps: ${g.steps}`) : null,
      h("p", {}, h("label", { for: `gp-${g.id.slice(0, 8)}` }, "Progress, as the patient rates it: "),
        h("meter", { id: `gp-${g.id.slice(0, 8)}`, min: 0, max: 10, value: g.progress }), ` ${g.progress} out of 10`),
      g.agreed_by ? h("p", { class: "reviewed" }, `✓ Agreed with ${g.agreed_by} on ${dateTime(g.agreed_at)}.`)
        : h("p", { class: "actions" }, h("button", { type: "button", class: "secondary", onclick: () => agree(g) }, `Agree this goal: ${g.goal}`))))) : h("p", { class: "muted" }, "None yet."),
    problem);
}
