// @ts-check
/**
 * Writing the crisis plan with the clinician. Both can change the draft; each change is
 * based on the version the writer saw, so nobody's words are overwritten unseen. Once
 * both have agreed the same version, it becomes the agreed plan shown on /crisis.
 */
import { bodyOf, enqueue, records } from "../../shared/outbox.js";
import { h } from "../../shared/dom.js";
import { fresh } from "../entries.js";
import { afterSave, savedNote, sendSoon } from "./data.js";
import { contactList } from "./contacts.js";
import { checkbox, lines, saying, textArea, textInput, uid } from "./fields.js";
import { refreshPlan } from "./plan-data.js";
import { t } from "./words.js";

/** @param {string} label @param {number | null} value */
function thresholdSelect(label, value) {
  const id = uid("threshold");
  const select = /** @type {HTMLSelectElement} */ (h("select", { id },
    h("option", { value: "", text: t("planedit.no_number") }),
    ...Array.from({ length: 10 }, (_, i) => h("option", { value: String(i + 1), text: t("planedit.or_more", { n: i + 1 }) }))));
  select.value = value ? String(value) : "";
  return { element: h("div", {}, h("label", { for: id, text: label }), select), read: () => (select.value ? Number(select.value) : null) };
}

/** @param {any} plan */
function planForm(plan) {
  const crises = [0, 1, 2].map((i) => {
    const c = (plan.previous_crises || [])[i] || {};
    const when = textInput(t("planedit.when"), c.when);
    const led = textArea(t("planedit.led_up"), c.what_led_up);
    return { element: h("fieldset", {}, h("legend", { text: t("planedit.crisis", { n: i + 1 }) }), when.element, led.element), when, led };
  });
  const parts = {
    warning_signs: lines(t("plan.warning_signs"), plan.warning_signs, t("planedit.warning_signs_hint")),
    self_help: lines(t("plan.self_help"), plan.self_help, t("planedit.self_help_hint")),
    people_places: lines(t("plan.people_places"), plan.people_places, t("planedit.one_per_line")),
    contacts: contactList(t("plan.contacts"), plan.contacts, "person"),
    professionals: contactList(t("plan.professionals"), plan.professionals, "service"),
    safer: lines(t("plan.safer"), plan.safer, t("planedit.safer_hint")),
    reasons: lines(t("plan.reasons"), plan.reasons, t("planedit.one_per_line")),
  };
  // Each risk item needs a decision before the plan can be agreed: a threshold, or in
  // words why there is none (a threshold is never silently off).
  const limits = plan.thresholds || {};
  const declined = limits.declined || {};
  const selfHarm = thresholdSelect(t("planedit.self_harm"), limits.self_harm);
  const selfHarmWhy = textInput(t("planedit.self_harm_why"), declined.self_harm || "");
  const aggression = thresholdSelect(t("planedit.aggression"), limits.aggression);
  const aggressionWhy = textInput(t("planedit.aggression_why"), declined.aggression || "");
  const substance = checkbox(t("planedit.substance"), Boolean(limits.substance_use));
  const substanceWhy = textInput(t("planedit.substance_why"), declined.substance_use || "");
  const review = textInput(t("planedit.review"), plan.review_date || "", { type: "date", max: 10 });
  const element = h("div", {},
    h("h2", { text: t("planedit.before") }),
    h("p", { class: "hint", text: t("planedit.before_hint") }),
    ...crises.map((c) => c.element),
    h("h2", { text: t("planedit.my_plan") }),
    ...Object.values(parts).map((p) => p.element),
    h("fieldset", {}, h("legend", { text: t("planedit.offer") }),
      selfHarm.element, selfHarmWhy.element, aggression.element, aggressionWhy.element, substance.element, substanceWhy.element),
    review.element);
  const read = () => ({
    ...plan, // keeps what this form does not show, such as table rows linked by the clinician
    previous_crises: crises.map((c) => ({ when: c.when.read(), what_led_up: c.led.read() })).filter((c) => c.when || c.what_led_up),
    ...Object.fromEntries(Object.entries(parts).map(([k, p]) => [k, p.read()])),
    thresholds: {
      self_harm: selfHarm.read(), aggression: aggression.read(), substance_use: substance.read() || null,
      declined: { self_harm: selfHarmWhy.read(), aggression: aggressionWhy.read(), substance_use: substanceWhy.read() },
    },
    review_date: review.read() || null,
  });
  return { element, read };
}

/**
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 */
export async function renderPlanEditor(main, ctx) {
  main.append(h("h1", { text: t("tools.crisis-plan") }),
    h("p", { class: "lead", text: t("planedit.lead") }));
  const read = await fresh("/api/v1/crisis-plan/draft", "crisis-draft");
  if (read.failed) {
    main.append(h("p", { class: "message", text: t("planedit.failed") }));
    return;
  }
  if (read.offlineAt) main.append(h("p", { class: "offline-copy", text: t("planedit.offline") }));
  const draft = read.data;
  const pending = (await records()).find((r) => r.key === "crisis-draft:draft");
  if (pending) {
    draft.plan = (await bodyOf(pending)).plan;
    main.append(h("p", { class: "offline-copy", text: t("planedit.pending") }));
  }
  // Keep the agreed copy on the phone in step with what was just agreed.
  if (!read.offlineAt) refreshPlan().catch(() => { /* no signal: the copy stays */ });
  const status = h("p", { class: "message", text: draft.version === 0 ? t("planedit.nothing")
    : t("planedit.status", { version: draft.version, patient: t(draft.patient_agreed ? "planedit.you_agreed" : "planedit.you_not"),
      clinician: t(draft.clinician_agreed ? "planedit.clinician_agreed" : "planedit.clinician_not") }) });
  const form = planForm(draft.plan);
  const said = saying();
  said.say(savedNote(ctx.params));
  const save = h("button", { class: "button", type: "submit", text: t("planedit.save") });
  const agree = h("button", { class: "button secondary", type: "button", text: t("planedit.agree"), disabled: draft.version === 0 || draft.patient_agreed });
  const formEl = h("form", { novalidate: true }, form.element, h("div", { class: "actions" }, save, agree), said.element);
  formEl.addEventListener("submit", async (event) => {
    event.preventDefault();
    await enqueue({ kind: "crisis-draft", id: "draft", method: "PUT", url: "/api/v1/crisis-plan/draft",
      body: { base_version: draft.version, plan: form.read() }, base_version: draft.version });
    agree.setAttribute("disabled", "");
    afterSave(ctx, await sendSoon("crisis-draft:draft"), said.say);
  });
  agree.addEventListener("click", async () => {
    await enqueue({ kind: "crisis-agreement", id: `v${draft.version}`, method: "PUT", url: "/api/v1/crisis-plan/agreement",
      body: { draft_version: draft.version } });
    agree.setAttribute("disabled", "");
    afterSave(ctx, await sendSoon(`crisis-agreement:v${draft.version}`), said.say);
  });
  main.append(status, formEl);
}
