// @ts-check
/**
 * The crisis plan in the review: the whole draft, every section, and what changed since
 * the agreed version, shown before the clinician agrees (hazard H-012); the draft edited
 * with the patient in the session, thresholds included, each a number or a reason for
 * none (a threshold is never silently off, H-009).
 */
import { call, reasonOf } from "../shared/api.js";
import { agreementBlock } from "./agree.js";
import { h } from "../shared/dom.js";
import { day } from "../shared/staff.js";
import { message } from "../shared/message.js";

/** Plain list sections of the plan that can be edited here, one item a line. */
const SECTIONS = [
  ["warning_signs", "Early warning signs"],
  ["self_help", "Things I can do myself"],
  ["people_places", "People and places that help"],
  ["safer", "Making my situation safer"],
  ["reasons", "Reasons that matter to me"],
];
const RISKS = [["self_harm", "Urge to self-harm"], ["aggression", "Urge to hurt someone else"]];

/** @param {any} c a contact */
const contactWords = (c) => [c.name, c.phone, c.note].filter(Boolean).join(", ");

/**
 * Every section of a plan as lines of words, in the order the review shows them.
 * @param {any} plan
 * @returns {Array<[string, string[]]>}
 */
export function sectionsOf(plan) {
  const t = plan.thresholds || {};
  const declined = t.declined || {};
  const threshold = (/** @type {string} */ key, /** @type {string} */ label) => t[key] != null
    ? `${label}: offer the plan at ${t[key]} out of 10 or more`
    : declined[key] ? `${label}: no threshold, because ${declined[key]}` : `${label}: not decided yet`;
  return [
    ["Previous crises", (plan.previous_crises || []).map((/** @type {any} */ p) => [p.when, p.what_led_up].filter(Boolean).join(": "))],
    ["Early warning signs", plan.warning_signs || []],
    ["Table rows that are warning signs", (plan.warning_rows || []).map((/** @type {any} */ r) => `${r.emotion}: ${r.urge}`)],
    ["Things I can do myself", plan.self_help || []],
    ["People and places that help", plan.people_places || []],
    ["People I can call", (plan.contacts || []).map(contactWords)],
    ["Professionals and services", (plan.professionals || []).map(contactWords)],
    ["Making my situation safer", plan.safer || []],
    ["Reasons that matter to me", plan.reasons || []],
    ["When the app offers the plan", [
      ...RISKS.map(([key, label]) => threshold(key, label)),
      t.substance_use ? "Alcohol or drugs: offer the plan whenever they were used"
        : declined.substance_use ? `Alcohol or drugs: no prompt, because ${declined.substance_use}` : "Alcohol or drugs: not decided yet"]],
    ["Review date", plan.review_date ? [day(plan.review_date)] : []],
  ];
}

/** @param {any} draft @param {any[]} rows the personal table's rows */
function thresholdFields(draft, rows) {
  const t = draft.plan.thresholds || {};
  const declined = t.declined || {};
  const linked = new Set((draft.plan.warning_rows || []).map((/** @type {any} */ r) => `${r.emotion}\n${r.urge}`));
  return [
    h("fieldset", {}, h("legend", {}, "When the app offers the plan: a number, or why there is none"),
      ...RISKS.flatMap(([key, label]) => [
        h("p", { class: "field" }, h("label", { for: `t-${key}` }, `${label}: at (1 to 10)`),
          h("input", { id: `t-${key}`, name: `t-${key}`, type: "number", min: 1, max: 10, value: t[key] ?? "" })),
        h("p", { class: "field" }, h("label", { for: `d-${key}` }, `${label}: no prompt, because`),
          h("input", { id: `d-${key}`, name: `d-${key}`, maxlength: 200, value: declined[key] || "" }))]),
      h("p", { class: "field" }, h("label", {}, h("input", { type: "checkbox", name: "t-substance_use", checked: Boolean(t.substance_use) }),
        " Offer the plan whenever alcohol or drugs were used")),
      h("p", { class: "field" }, h("label", { for: "d-substance_use" }, "Alcohol or drugs: no prompt, because"),
        h("input", { id: "d-substance_use", name: "d-substance_use", maxlength: 200, value: declined.substance_use || "" }))),
    rows.length ? h("fieldset", {}, h("legend", {}, "Rows of the table that are early warning signs"),
      ...rows.map((r, i) => h("p", { class: "field" }, h("label", {},
        h("input", { type: "checkbox", name: "warning-row", value: String(i), checked: linked.has(`${r.emotion}\n${r.urge}`) }),
        ` ${r.emotion}: ${r.urge}`)))) : null,
  ];
}

/** @param {FormData} data @param {any[]} rows */
function readThresholds(data, rows) {
  const number = (/** @type {string} */ k) => (String(data.get(`t-${k}`) || "") ? Number(data.get(`t-${k}`)) : null);
  const text = (/** @type {string} */ k) => String(data.get(`d-${k}`) || "").trim();
  return {
    thresholds: {
      self_harm: number("self_harm"), aggression: number("aggression"),
      substance_use: data.get("t-substance_use") ? true : null,
      declined: { self_harm: text("self_harm"), aggression: text("aggression"), substance_use: text("substance_use") },
    },
    warning_rows: data.getAll("warning-row").map((i) => rows[Number(i)]).filter(Boolean)
      .map((r) => ({ emotion: r.emotion, urge: r.urge })),
  };
}

/**
 * @param {string} id the patient
 * @param {any} draft
 * @param {any[]} rows the personal table's rows
 * @param {() => void} reload
 */
export async function planCard(id, draft, rows, reload) {
  const agreedReply = await call("GET", `/api/v1/patients/${id}/crisis-plan`);
  const agreed = agreedReply.ok ? agreedReply.data : null;
  const problem = message("problem");
  const areas = SECTIONS.map(([key, label]) => h("p", { class: "field" },
    h("label", { for: `plan-${key}` }, label),
    h("textarea", { id: `plan-${key}`, name: key, rows: 3 }, (draft.plan[key] || []).join("\n"))));
  const review = h("input", { type: "date", id: "plan-review", name: "review_date", value: draft.plan.review_date || "" });
  const form = h("form", { class: "plan" }, ...areas, ...thresholdFields(draft, rows),
    h("p", { class: "field" }, h("label", { for: "plan-review" }, "Review date"), review),
    h("p", { class: "actions" }, h("button", { type: "submit" }, "Save the draft")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const plan = { ...draft.plan, ...readThresholds(data, rows), review_date: data.get("review_date") || null };
    for (const [key] of SECTIONS) {
      plan[key] = String(data.get(key) || "").split("\n").map((x) => x.trim()).filter(Boolean);
    }
    const reply = await call("PUT", `/api/v1/patients/${id}/crisis-plan/draft`, { base_version: draft.version, plan });
    if (reply.ok) reload();
    else problem.textContent = reply.status === 412
      ? "The plan was changed on the patient's phone since this page opened. Reload the page to see it, then make your change again."
      : reasonOf(reply.data);
  });
  return h("div", {},
    ...agreementBlock({ key: "plan", noun: "plan", draft, agreed, sectionsOf, reload, problem,
      path: `/api/v1/patients/${id}/crisis-plan/agreement` }),
    h("details", {}, h("summary", {}, "Change the draft"), form));
}
