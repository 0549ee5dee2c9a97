// @ts-check
/**
 * The SCM pathway and the discharge plan in the review. The phase, its dates and whether
 * it has run past its expected length; what was agreed (responsibilities, formulation); the
 * structured assessment and the patient's choice of therapy (NICE QS88 statements 1 and 2);
 * and the discharge plan, agreed by both like the crisis plan and needed before
 * "discharged" (statement 5).
 */
import { t } from "./words.js";
import { agreementBlock } from "./agree.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { day, today } from "../shared/staff.js";
import { message } from "../shared/message.js";

const PHASES = ["assessment", "setting_the_frame", "treatment", "discharge_transition", "discharged"].map((k) => [k, t(`pw.phase.${k}`)]);
const TEXTS = ["assessment_by", "therapy_type", "therapy_duration", "therapy_intensity"].map((k) => [k, t(`pw.${k}`)]);
const DATES = ["assessment_done_on", "choice_discussed_on"].map((k) => [k, t(`pw.${k}`)]);

/** @param {any} c */
const contactWords = (c) => [c.name, c.phone, c.note].filter(Boolean).join(", ");

/** The discharge plan's sections in words. @param {any} plan @returns {Array<[string, string[]]>} */
export function dischargeSections(plan) {
  return [
    [t("pw.what_continues"), plan.what_continues || []],
    [t("pw.contacts"), (plan.contacts || []).map(contactWords)],
    [t("pw.if_worse"), plan.if_worse || []],
    [t("pw.steps_down"), (plan.steps_down || []).map((/** @type {any} */ s) => s.when ? `${day(s.when)}: ${s.what}` : s.what)],
    [t("pw.notes"), plan.notes ? [plan.notes] : []],
  ];
}

/** @param {string} id @param {() => void} reload */
export async function pathwaySection(id, reload) {
  const [pathway, draft, agreed] = await Promise.all([call("GET", `/api/v1/patients/${id}/pathway`),
    call("GET", `/api/v1/patients/${id}/discharge-plan/draft`), call("GET", `/api/v1/patients/${id}/discharge-plan`)]);
  const p = pathway.ok ? pathway.data : null;
  return h("section", { class: "card", "aria-labelledby": "pathway" },
    h("h2", { id: "pathway" }, t("pw.title")),
    p ? h("p", { class: p.overrun ? "overdue-flag" : null }, p.overrun ? `▲ ${p.phase_words}.` : `${p.phase_words}.`)
      : h("p", {}, t("pw.none")),
    p && p.history.length ? h("ol", { class: "plain", "aria-label": t("pw.so_far") }, ...p.history.map((/** @type {any} */ c) =>
      h("li", {}, t("pw.history", { phase: t(`pw.short.${c.phase}`), from: day(c.started_on) }), h("span", { class: "muted" }, t("pw.recorded_by", { name: c.moved_by_name }))))) : null,
    pathwayForm(id, p, reload),
    h("h3", {}, t("pw.discharge")),
    draft.ok ? dischargeCard(id, draft.data, agreed.ok ? agreed.data : null, reload) : h("p", {}, reasonOf(draft.data)));
}

/** @param {string} id @param {any} p or null @param {() => void} reload */
function pathwayForm(id, p, reload) {
  const problem = message("problem");
  const field = (/** @type {string} */ key, /** @type {string} */ label, /** @type {HTMLElement} */ input) =>
    h("p", { class: "field" }, h("label", { for: `pw-${key}` }, label), input);
  const form = h("form", { class: "plan" },
    field("phase", t("pw.phase"), h("select", { id: "pw-phase", name: "phase" },
      ...PHASES.map(([value, label]) => h("option", { value, selected: p?.phase === value }, label)))),
    field("phase_started_on", t("pw.began"),
      h("input", { type: "date", id: "pw-phase_started_on", name: "phase_started_on", max: today() })),
    field("responsibilities", t("pw.responsibilities"), h("textarea", { id: "pw-responsibilities", name: "responsibilities", rows: 2, maxlength: 2000 }, p?.responsibilities || "")),
    field("formulation", t("pw.formulation"), h("textarea", { id: "pw-formulation", name: "formulation", rows: 2, maxlength: 2000 }, p?.formulation || "")),
    ...DATES.map(([key, label]) => field(key, label, h("input", { type: "date", id: `pw-${key}`, name: key, max: today(), value: p?.[key] || "" }))),
    ...TEXTS.map(([key, label]) => field(key, label, h("input", { id: `pw-${key}`, name: key, maxlength: 200, value: p?.[key] || "" }))),
    problem,
    h("p", { class: "actions" }, h("button", { type: "submit" }, t("pw.save"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    /** @type {Record<string, any>} */
    const body = {};
    for (const [key, value] of data.entries()) body[key] = String(value);
    for (const key of ["phase_started_on", ...DATES.map(([k]) => k)]) body[key] = body[key] || null;
    const reply = await call("PUT", `/api/v1/patients/${id}/pathway`, body);
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  });
  return h("details", { open: !p }, h("summary", {}, p ? t("pw.change") : t("pw.record")), form);
}

/** @param {string} id @param {any} draft @param {any} agreed or null @param {() => void} reload */
function dischargeCard(id, draft, agreed, reload) {
  const problem = message("problem");
  const plan = draft.plan;
  const lines = (/** @type {string} */ key, /** @type {string} */ label, /** @type {string[]} */ value, /** @type {string} */ hint) =>
    h("p", { class: "field" }, h("label", { for: `dp-${key}` }, label), h("span", { class: "muted", id: `dp-${key}-hint` }, hint),
      h("textarea", { id: `dp-${key}`, name: key, rows: 3, "aria-describedby": `dp-${key}-hint` }, value.join("\n")));
  const form = h("form", { class: "plan" },
    lines("what_continues", t("pw.what_continues"), plan.what_continues, t("pw.one_a_line")),
    lines("contacts", t("pw.contacts"), plan.contacts.map(contactWords), t("pw.contacts_hint")),
    lines("if_worse", t("pw.if_worse"), plan.if_worse, t("pw.one_a_line")),
    lines("steps_down", t("pw.steps_down"), plan.steps_down.map((/** @type {any} */ s) => s.when ? `${s.when}: ${s.what}` : s.what),
      t("pw.steps_hint")),
    h("p", { class: "field" }, h("label", { for: "dp-notes" }, t("pw.notes")), h("textarea", { id: "dp-notes", name: "notes", rows: 2 }, plan.notes || "")),
    h("p", { class: "actions" }, h("button", { type: "submit" }, t("pw.save_draft"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const split = (/** @type {string} */ k) => String(data.get(k) || "").split("\n").map((x) => x.trim()).filter(Boolean);
    const body = {
      what_continues: split("what_continues"), if_worse: split("if_worse"), notes: String(data.get("notes") || ""),
      contacts: split("contacts").map((l) => {
        const [name, ...rest] = l.split(",").map((x) => x.trim());
        return rest.length ? { name, phone: rest.join(" ") } : { name };
      }),
      steps_down: split("steps_down").map((l) => {
        const m = /^(\d{4}-\d{2}-\d{2})\s*:\s*(.+)$/.exec(l);
        return m ? { when: m[1], what: m[2] } : { what: l };
      }),
    };
    const reply = await call("PUT", `/api/v1/patients/${id}/discharge-plan/draft`, { base_version: draft.version, plan: body });
    if (reply.ok) reload();
    else problem.textContent = reply.status === 412
      ? t("pw.changed")
      : reasonOf(reply.data);
  });
  return h("div", { class: "discharge" },
    agreed ? h("p", {}, t("pw.agreed", { version: agreed.version, on: day(agreed.agreed_at), with: agreed.clinician_name })) : null,
    ...agreementBlock({ key: "discharge", noun: t("pw.noun"), draft, agreed, sectionsOf: dischargeSections, reload, problem,
      path: `/api/v1/patients/${id}/discharge-plan/agreement` }),
    h("details", {}, h("summary", {}, t("pw.change_draft")), form));
}
