// @ts-check
/**
 * Tools gone through together in the session: every problem-solving worksheet and
 * checking-it-out record since the last session, open and finished, with all of each
 * (step 4's "what happened" and "what I learned" too), marked "reviewed together" with a
 * short note; and goals, agreed here and their progress talked through.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { message } from "../shared/message.js";

const STRATEGIES = Object.fromEntries(["ask", "tentative", "feeling", "my_view", "context"].map((k) => [k, t(`tg.s.${k}`)]));

/** @param {string} label @param {any} value */
const row = (label, value) => [h("dt", {}, label), h("dd", {}, value === "" || value == null || (Array.isArray(value) && !value.length) ? t("tg.not_written") : value)];

/** @param {any} f worksheet fields */
function worksheet(f) {
  const chosen = f.chosen != null ? f.solutions[f.chosen] : null;
  return h("dl", { class: "plan-whole" },
    ...row(t("tg.problem"), f.problem),
    ...row(t("tg.solutions"), f.solutions.length ? h("ul", { class: "plain" }, ...f.solutions.map((/** @type {any} */ s, /** @type {number} */ i) =>
      h("li", {}, [s.idea, s.pros ? t("tg.for", { pros: s.pros }) : "", s.cons ? t("tg.against", { cons: s.cons }) : "", i === f.chosen ? t("tg.chosen") : ""].filter(Boolean).join(" ")))) : ""),
    ...row(t("tg.the_plan"), chosen ? t(f.when ? "tg.plan.when" : "tg.plan", { idea: chosen.idea, step: f.first_step || t("tg.not_written_lower"), when: f.when }) : ""),
    ...row(t("tg.what_happened"), f.what_happened),
    ...row(t("tg.learned4"), f.learned));
}

/** @param {any} f checking-it-out fields */
function check(f) {
  return h("dl", { class: "plan-whole" },
    ...row(t("tg.situation"), f.situation),
    ...row(t("tg.assumed"), f.assumed ? (f.how_sure != null ? t("tg.sure", { assumed: f.assumed, sure: f.how_sure }) : f.assumed) : ""),
    ...row(t("tg.other"), (f.other_explanations || []).join("; ")),
    ...row(t("tg.how_checked"), (f.strategies || []).map((/** @type {string} */ s) => /** @type {any} */ (STRATEGIES)[s] || s).join("; ")),
    ...row(t("tg.asked"), f.asked_or_said),
    ...row(t("tg.learned"), f.learned));
}

/** @param {string} id @param {any} r a session record @param {string} title @param {() => void} reload */
function recordCard(id, r, title, reload) {
  const key = r.id.slice(0, 8);
  const problem = message("problem");
  const note = h("input", { id: `rt-${key}`, maxlength: 2000 });
  const form = h("form", { class: "window", "aria-label": t("tg.mark", { title }) },
    h("p", { class: "field" }, h("label", { for: `rt-${key}` }, t("fu.note")), note),
    h("button", { type: "submit", class: "secondary" }, t("tg.reviewed_button")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const reply = await call("POST", `/api/v1/patients/${id}/session-tools/${r.id}/reviewed`, { version: r.version, note: /** @type {HTMLInputElement} */ (note).value });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  });
  const done = r.reviewed && !r.changed_since_reviewed;
  return h("li", { class: "together" },
    h("h4", {}, t(r.status === "open" ? "tg.title.open" : "tg.title.finished", { title, changed: dateTime(r.updated_at) })),
    r.kind === "problem_solving" ? worksheet(r.fields) : check(r.fields),
    r.reviewed ? h("p", { class: "reviewed" }, "✓ " + [t(r.reviewed.note ? "tg.reviewed.note" : "tg.reviewed", { name: r.reviewed.clinician_name, on: dateTime(r.reviewed.reviewed_at), note: r.reviewed.note }), r.changed_since_reviewed ? t("tg.changed_since") : ""].filter(Boolean).join(" ")) : null,
    problem, done ? null : form);
}

/** @param {string} id @param {any} tools @param {() => void} reload */
export function togetherCards(id, tools, reload) {
  const since = tools.since ? dateTime(tools.since) : "";
  return [
    h("section", { class: "card", "aria-labelledby": "rt-worksheets" },
      h("h3", { id: "rt-worksheets" }, since ? t("tg.worksheets.since", { since }) : t("tg.worksheets")),
      tools.worksheets.length ? h("ul", { class: "plain" }, ...tools.worksheets.map((/** @type {any} */ w) =>
        recordCard(id, w, w.fields.problem || t("tg.no_problem"), reload))) : h("p", { class: "muted" }, t("tg.none"))),
    h("section", { class: "card", "aria-labelledby": "rt-checks" },
      h("h3", { id: "rt-checks" }, since ? t("tg.checks.since", { since }) : t("tg.checks")),
      tools.checks.length ? h("ul", { class: "plain" }, ...tools.checks.map((/** @type {any} */ c) =>
        recordCard(id, c, c.fields.situation || t("tg.no_situation"), reload))) : h("p", { class: "muted" }, t("tg.none"))),
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
    h("h3", { id: "rt-goals" }, t("rt.goals")),
    goals.length ? h("ul", { class: "plain" }, ...goals.map((g) => h("li", { class: "together" },
      h("p", {}, h("strong", {}, g.goal), " " + t(g.term === "long" ? "tg.goal.long" : "tg.goal.short", { status: g.status })),
      g.steps ? h("p", {}, t("tg.steps", { steps: g.steps })) : null,
      h("p", {}, h("label", { for: `gp-${g.id.slice(0, 8)}` }, t("tg.progress")),
        h("meter", { id: `gp-${g.id.slice(0, 8)}`, min: 0, max: 10, value: g.progress }), " " + t("tl.out_of_10", { value: g.progress })),
      g.agreed_by ? h("p", { class: "reviewed" }, "✓ " + t("tg.agreed", { name: g.agreed_by, on: dateTime(g.agreed_at) }))
        : h("p", { class: "actions" }, h("button", { type: "button", class: "secondary", onclick: () => agree(g) }, t("tg.agree", { goal: g.goal })))))) : h("p", { class: "muted" }, t("tg.none_yet")),
    problem);
}
