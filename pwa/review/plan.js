// @ts-check
/**
 * The crisis plan in the review: the whole draft, every section, and what changed since
 * the agreed version, shown before the clinician agrees (hazard H-012); the draft edited
 * with the patient in the session, thresholds included, each a number or a reason for
 * none (a threshold is never silently off, H-009).
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { agreementBlock } from "./agree.js";
import { h } from "../shared/dom.js";
import { day } from "../shared/staff.js";
import { message } from "../shared/message.js";

/** Plain list sections of the plan that can be edited here, one item a line. */
const SECTIONS = [
  ["warning_signs", t("pl.warning_signs")],
  ["self_help", t("pl.self_help")],
  ["people_places", t("pl.people_places")],
  ["safer", t("pl.safer")],
  ["reasons", t("pl.reasons")],
];
const RISKS = [["self_harm", t("pl.self_harm")], ["aggression", t("pl.aggression")]];

/** @param {any} c a contact */
const contactWords = (c) => [c.name, c.phone, c.note].filter(Boolean).join(", ");

/**
 * Every section of a plan as lines of words, in the order the review shows them.
 * @param {any} plan
 * @returns {Array<[string, string[]]>}
 */
export function sectionsOf(plan) {
  const limits = plan.thresholds || {};
  const declined = limits.declined || {};
  const threshold = (/** @type {string} */ key, /** @type {string} */ label) => limits[key] != null
    ? t("pl.threshold", { label, value: limits[key] })
    : declined[key] ? t("pl.no_threshold", { label, why: declined[key] }) : t("pl.undecided", { label });
  return [
    [t("pl.previous"), (plan.previous_crises || []).map((/** @type {any} */ p) => [p.when, p.what_led_up].filter(Boolean).join(": "))],
    [t("pl.warning_signs"), plan.warning_signs || []],
    [t("pl.warning_rows"), (plan.warning_rows || []).map((/** @type {any} */ r) => `${r.emotion}: ${r.urge}`)],
    [t("pl.self_help"), plan.self_help || []],
    [t("pl.people_places"), plan.people_places || []],
    [t("pl.contacts"), (plan.contacts || []).map(contactWords)],
    [t("pl.professionals"), (plan.professionals || []).map(contactWords)],
    [t("pl.safer"), plan.safer || []],
    [t("pl.reasons"), plan.reasons || []],
    [t("pl.offers"), [
      ...RISKS.map(([key, label]) => threshold(key, label)),
      limits.substance_use ? t("pl.substance")
        : declined.substance_use ? t("pl.substance.declined", { why: declined.substance_use }) : t("pl.substance.undecided")]],
    [t("pl.review"), plan.review_date ? [day(plan.review_date)] : []],
  ];
}

/** @param {any} draft @param {any[]} rows the personal table's rows */
function thresholdFields(draft, rows) {
  const limits = draft.plan.thresholds || {};
  const declined = limits.declined || {};
  const linked = new Set((draft.plan.warning_rows || []).map((/** @type {any} */ r) => `${r.emotion}\n${r.urge}`));
  return [
    h("fieldset", {}, h("legend", {}, t("pl.legend")),
      ...RISKS.flatMap(([key, label]) => [
        h("p", { class: "field" }, h("label", { for: `t-${key}` }, t("pl.at", { label })),
          h("input", { id: `t-${key}`, name: `t-${key}`, type: "number", min: 1, max: 10, value: limits[key] ?? "" })),
        h("p", { class: "field" }, h("label", { for: `d-${key}` }, t("pl.no_prompt", { label })),
          h("input", { id: `d-${key}`, name: `d-${key}`, maxlength: 200, value: declined[key] || "" }))]),
      h("p", { class: "field" }, h("label", {}, h("input", { type: "checkbox", name: "t-substance_use", checked: Boolean(limits.substance_use) }),
        t("pl.substance.check"))),
      h("p", { class: "field" }, h("label", { for: "d-substance_use" }, t("pl.substance.no")),
        h("input", { id: "d-substance_use", name: "d-substance_use", maxlength: 200, value: declined.substance_use || "" }))),
    rows.length ? h("fieldset", {}, h("legend", {}, t("pl.rows_legend")),
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
    h("p", { class: "field" }, h("label", { for: "plan-review" }, t("pl.review")), review),
    h("p", { class: "actions" }, h("button", { type: "submit" }, t("pl.save"))));
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
      ? t("pw.changed")
      : reasonOf(reply.data);
  });
  return h("div", {},
    ...agreementBlock({ key: "plan", noun: "plan", draft, agreed, sectionsOf, reload, problem,
      path: `/api/v1/patients/${id}/crisis-plan/agreement` }),
    h("details", {}, h("summary", {}, t("pl.change")), form));
}
