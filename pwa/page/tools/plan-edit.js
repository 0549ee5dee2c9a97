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

/** @param {string} label @param {number | null} value */
function thresholdSelect(label, value) {
  const id = uid("threshold");
  const select = /** @type {HTMLSelectElement} */ (h("select", { id },
    h("option", { value: "", text: "No number chosen" }),
    ...Array.from({ length: 10 }, (_, i) => h("option", { value: String(i + 1), text: `${i + 1} or more` }))));
  select.value = value ? String(value) : "";
  return { element: h("div", {}, h("label", { for: id, text: label }), select), read: () => (select.value ? Number(select.value) : null) };
}

/** @param {any} plan */
function planForm(plan) {
  const crises = [0, 1, 2].map((i) => {
    const c = (plan.previous_crises || [])[i] || {};
    const when = textInput("When was it?", c.when);
    const led = textArea("What led up to it?", c.what_led_up);
    return { element: h("fieldset", {}, h("legend", { text: `Crisis ${i + 1}` }), when.element, led.element), when, led };
  });
  const parts = {
    warning_signs: lines("My early warning signs", plan.warning_signs, "Feelings, thoughts, urges or things you do that come before a crisis. One on each line."),
    self_help: lines("Things I can do myself", plan.self_help, "To take your mind off things or calm down. One on each line."),
    people_places: lines("People and places that help me feel better", plan.people_places, "One on each line."),
    contacts: contactList("People I can ask for help", plan.contacts, "person"),
    professionals: contactList("Professionals and crisis lines", plan.professionals, "service"),
    safer: lines("Making my situation safer", plan.safer, "For example, what to put out of reach. One on each line."),
    reasons: lines("Reasons that matter to me", plan.reasons, "One on each line."),
  };
  // Each risk item needs a decision before the plan can be agreed: a threshold, or in
  // words why there is none (a threshold is never silently off).
  const t = plan.thresholds || {};
  const declined = t.declined || {};
  const selfHarm = thresholdSelect("Offer my plan when my urge to hurt myself is", t.self_harm);
  const selfHarmWhy = textInput("Or, no prompt for urges to hurt myself, because", declined.self_harm || "");
  const aggression = thresholdSelect("Offer my plan when my urge to hurt someone else is", t.aggression);
  const aggressionWhy = textInput("Or, no prompt for urges to hurt someone else, because", declined.aggression || "");
  const substance = checkbox("Offer my plan when I have used alcohol or drugs", Boolean(t.substance_use));
  const substanceWhy = textInput("Or, no prompt for alcohol or drugs, because", declined.substance_use || "");
  const review = textInput("Look at the plan again by", plan.review_date || "", { type: "date", max: 10 });
  const element = h("div", {},
    h("h2", { text: "Three times things went wrong before" }),
    h("p", { class: "hint", text: "Thinking about what led up to them helps to spot the early warning signs." }),
    ...crises.map((c) => c.element),
    h("h2", { text: "My plan" }),
    ...Object.values(parts).map((p) => p.element),
    h("fieldset", {}, h("legend", { text: "When the diary should offer my plan" }),
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
  main.append(h("h1", { text: "My crisis plan" }),
    h("p", { class: "lead", text: "You and your clinician write this together. Either of you can change it; it becomes your plan once you have both agreed it." }));
  const read = await fresh("/api/v1/crisis-plan/draft", "crisis-draft");
  if (read.failed) {
    main.append(h("p", { class: "message", text: "Your plan could not be loaded just now. Please try again when you have a signal. Your agreed plan is on the Crisis plan screen." }));
    return;
  }
  if (read.offlineAt) main.append(h("p", { class: "offline-copy", text: "No signal. This is the draft as last saved on this phone; changes will be sent when you are back online." }));
  const draft = read.data;
  const pending = (await records()).find((r) => r.key === "crisis-draft:draft");
  if (pending) {
    draft.plan = (await bodyOf(pending)).plan;
    main.append(h("p", { class: "offline-copy", text: "Your latest changes are on this phone, waiting to be sent." }));
  }
  // Keep the agreed copy on the phone in step with what was just agreed.
  if (!read.offlineAt) refreshPlan().catch(() => { /* no signal: the copy stays */ });
  const status = h("p", { class: "message", text: draft.version === 0 ? "Nothing has been written yet."
    : `Draft version ${draft.version}. ${draft.patient_agreed ? "You have agreed it." : "You have not agreed it yet."} ${draft.clinician_agreed ? "Your clinician has agreed it." : "Your clinician has not agreed it yet."}` });
  const form = planForm(draft.plan);
  const said = saying();
  said.say(savedNote(ctx.params));
  const save = h("button", { class: "button", type: "submit", text: "Save the draft" });
  const agree = h("button", { class: "button secondary", type: "button", text: "I agree to this version", disabled: draft.version === 0 || draft.patient_agreed });
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
