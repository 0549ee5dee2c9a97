// @ts-check
/**
 * "What happened, and check-ins": acts (self-harm, aggression), service contacts, "nothing
 * happened this week", and the PHQ-9 and GAD-7 check-ins when they are due. Loaded on first
 * use (LATER_FILES) and then kept by the service worker; a signed-in phone also fetches it
 * once in the background (tools/index.js), so it opens offline. Every save goes through the
 * outbox, as the diary does. Acts are recorded to help, never to blame.
 */
import { enqueue } from "../../shared/outbox.js";
import { dayOf, h, savedMessage } from "../dom.js";
import { fresh, localTimestamp } from "../entries.js";
import { afterSave, listOf, saveRecord, savedNote, sendSoon } from "./data.js";
import { saying, textArea, textInput, uid } from "./fields.js";

const TOOL = { path: "acts-and-contacts", kind: "acts-and-contacts", copy: "tool:acts-and-contacts" };

/** @type {Record<string, {label: string, group: "act" | "contact"}>} */
export const KINDS = {
  self_harm: { label: "I hurt myself", group: "act" },
  verbal: { label: "I shouted, swore or threatened someone", group: "act" },
  property: { label: "I damaged or broke things", group: "act" },
  others: { label: "I hit, pushed or hurt someone", group: "act" },
  ae: { label: "I went to A&E", group: "contact" },
  crisis_team: { label: "I was in touch with the crisis team", group: "contact" },
  police: { label: "I was in contact with the police", group: "contact" },
  admission: { label: "I stayed in hospital", group: "contact" },
  social_services: { label: "I was in touch with social services", group: "contact" },
};

const INJURY = [
  { value: "no_injury", label: "No injury" },
  { value: "first_aid", label: "It needed first aid" },
  { value: "hospital", label: "It needed hospital" },
];

/** The Modified Overt Aggression Scale's bands, in plain words. */
/** @type {Record<string, string[]>} */
const BANDS = {
  verbal: ["Shouted, or swore a little", "Swore a lot, or was abusive", "Threatened violence once, in the moment", "Threatened violence more than once, or meant it"],
  property: ["Slammed a door or threw something down", "Kicked or threw things, or marked walls", "Broke things or smashed a window", "Set a fire or threw things dangerously"],
  others: ["Made a threatening move or grabbed clothes", "Hit, pushed or scratched, without injury", "Someone had a mild injury (bruises, sprains)", "Someone had a serious injury"],
};

const WHO_SEES = "Only you and your care team see this. diarycard sends nothing to anyone outside your care team: not the police, not social services, not your GP. Your clinicians keep their usual duty to help keep you and other people safe, just as they do in a session.";

/** Today as YYYY-MM-DD on this phone. */
const today = () => localTimestamp(new Date()).slice(0, 10);

/**
 * @param {string} legend
 * @param {{value: string, label: string}[]} options
 */
function radios(legend, options) {
  const group = uid("radio");
  const inputs = options.map((o) => {
    const id = `${group}-${o.value}`;
    const input = /** @type {HTMLInputElement} */ (h("input", { id, type: "radio", name: group, value: o.value }));
    return { input, element: h("label", { class: "check", for: id }, input, o.label) };
  });
  const element = h("fieldset", {}, h("legend", { text: legend }), ...inputs.map((i) => i.element));
  return { element, value: () => inputs.find((i) => i.input.checked)?.input.value };
}

/**
 * The few questions one kind needs, then save.
 * @param {string} kind
 * @param {import("../registry.js").ScreenContext} ctx
 */
function kindForm(kind, ctx) {
  const when = textInput("When was it?", today(), { type: "date" });
  when.input.max = today();
  const injury = kind === "self_harm" ? radios("How serious was it?", INJURY) : null;
  const band = BANDS[kind] ? radios("Which is closest to what happened?", BANDS[kind].map((label, i) => ({ value: String(i + 1), label }))) : null;
  const nights = kind === "admission" ? textInput("How many nights? (0 if you went home the same day)", "0", { type: "number" }) : null;
  const note = textArea("Anything you want to add? (optional)", "", { rows: 2, max: 1000 });
  const said = saying();
  const form = h("form", { novalidate: true, class: "act-form" },
    h("h1", { text: KINDS[kind].label }),
    when.element, injury?.element, band?.element, nights?.element, note.element,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: "Save" })), said.element);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const day = when.read();
    if (!day || day > today()) return said.say("Please choose a day, today or before.");
    /** @type {Record<string, unknown>} */
    const body = { kind, occurred_on: day };
    if (injury) body.injury = injury.value() || (said.say("Please choose how serious it was."), null);
    if (band) body.severity = Number(band.value()) || (said.say("Please choose the one closest to what happened."), null);
    if (nights) body.nights = Math.max(0, Math.trunc(Number(nights.read()) || 0));
    if (body.injury === null || body.severity === null) return;
    if (note.read()) body.note = note.read();
    afterSave(ctx, await saveRecord(TOOL, crypto.randomUUID(), 0, body), said.say);
  });
  return form;
}

/** @param {any} e */
function eventWords(e) {
  if (e.kind === "nothing") return "Nothing like this happened this week";
  const label = KINDS[e.kind]?.label || e.kind;
  return e.kind === "admission" ? `${label} (${e.nights} ${e.nights === 1 ? "night" : "nights"})` : label;
}

/**
 * The due check-ins, from the server (or the copy kept on the phone).
 * @param {HTMLElement} main
 */
async function dueSection(main) {
  const read = await fresh("/api/v1/measures/due", "measures-due");
  const due = (read.data || []).filter((/** @type {any} */ d) => d.state !== "not_yet");
  const section = h("section", { "aria-labelledby": "due-heading" }, h("h2", { id: "due-heading", text: "Check-ins" }));
  if (!read.data) section.append(h("p", { class: "hint", text: "Your check-ins show here when you have a signal." }));
  else if (!due.length) section.append(h("p", { class: "hint", text: "No check-ins are due. Thank you." }));
  for (const d of due) {
    section.append(h("p", {}, h("a", { class: "button secondary", href: `/tools?tool=outcomes&measure=${d.questionnaire}`,
      text: `${d.state === "overdue" ? "Overdue" : "Due"}: fill in the ${d.questionnaire.toUpperCase()} (about 2 minutes)` })));
  }
  main.append(section);
}

/**
 * A PHQ-9 or GAD-7 from its FHIR Questionnaire, sent through the outbox and scored on the
 * server. Item 9 of the PHQ-9 above 0 shows the crisis step, honestly.
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 * @param {string} qid
 */
async function measureForm(main, ctx, qid) {
  const read = await fresh(`/api/v1/fhir/Questionnaire/${qid}`, `questionnaire:${qid}`);
  const q = read.data;
  if (!q) {
    main.append(h("p", { class: "message", text: "This check-in needs a signal the first time. Please try again when you are back online." }));
    return;
  }
  const choices = q.item.filter((/** @type {any} */ i) => i.type === "choice");
  const groups = choices.map((/** @type {any} */ item, /** @type {number} */ n) => ({ item,
    ...radios(`${n + 1}. ${item.text}`, item.answerOption.map((/** @type {any} */ o, /** @type {number} */ i) => ({ value: String(i), label: o.valueCoding.display }))) }));
  const said = saying();
  const form = h("form", { novalidate: true },
    h("h1", { text: q.title }),
    h("p", { class: "lead", text: q.item.find((/** @type {any} */ i) => i.type === "display")?.text || "" }),
    ...groups.map((/** @type {any} */ g) => g.element),
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: "Send" })), said.element);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const missing = groups.findIndex((/** @type {any} */ g) => g.value() === undefined);
    if (missing >= 0) return said.say(`Please answer question ${missing + 1}.`);
    /** @type {Record<string, number>} */
    const answers = {};
    for (const g of groups) answers[g.item.linkId] = Number(g.value());
    const id = crypto.randomUUID();
    await enqueue({ kind: "measures", id, method: "PUT", url: `/api/v1/measures/${id}`, body: { questionnaire: qid, authored: localTimestamp(new Date()), answers } });
    const where = await sendSoon(`measures:${id}`);
    ctx.saved();
    main.replaceChildren(h("h1", { text: "Thank you" }),
      h("p", { role: "status", text: where === "sent" ? "Sent to your care team." : "Saved on this phone. It will be sent when there is a signal." }));
    if ((answers["44260-8"] || 0) > 0) main.append(crisisStep());
    main.append(h("p", {}, h("a", { href: "/tools?tool=outcomes", text: "Back to what happened and check-ins" })));
  });
  main.append(form);
}

/** The crisis plan step after thoughts of self-harm, with the same honesty as /crisis. */
function crisisStep() {
  return h("div", { class: "notice", role: "alert" },
    h("h2", { text: "You said you have had thoughts of being better off dead or of hurting yourself" }),
    h("p", { text: "Thank you for saying so. Your care team will see this, but nobody watches this app live: they will read it when they next look, not straight away." }),
    h("p", { text: "If you feel unsafe now, please use your crisis plan or call one of its numbers." }),
    h("p", {}, h("a", { class: "button", href: "/crisis", text: "Open my crisis plan" })));
}

/** Keep what the screen needs on the phone (sealed), for a first use with no signal. */
export async function warm() {
  await Promise.all(["/api/v1/measures/due", "/api/v1/acts-and-contacts", ...["phq-9", "gad-7"].map((q) => `/api/v1/fhir/Questionnaire/${q}`)]
    .map((url, i) => fresh(url, ["measures-due", TOOL.copy, "questionnaire:phq-9", "questionnaire:gad-7"][i])));
}

/**
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 */
export async function render(main, ctx) {
  const qid = ctx.params.get("measure");
  if (qid === "phq-9" || qid === "gad-7") return measureForm(main, ctx, qid);
  const kind = ctx.params.get("kind");
  if (kind && KINDS[kind]) {
    main.append(h("p", { class: "hint", text: WHO_SEES }), kindForm(kind, ctx));
    return;
  }
  main.append(h("h1", { text: "What happened, and check-ins" }),
    h("p", { class: "lead", text: "Writing down what happened helps you and your clinician see what changes over time. It is never about blame." }),
    h("p", { class: "hint", text: WHO_SEES }),
    savedNote(ctx.params) ? savedMessage(savedNote(ctx.params)) : "");
  await dueSection(main);
  const said = saying();
  const quiet = h("button", { class: "button secondary", type: "button", text: "Nothing like this happened this week" });
  quiet.addEventListener("click", async () => afterSave(ctx, await saveRecord(TOOL, crypto.randomUUID(), 0, { kind: "nothing", occurred_on: today() }), said.say));
  main.append(h("h2", { text: "Record something" }),
    h("ul", { class: "rows" }, ...Object.entries(KINDS).map(([key, k]) => h("li", {},
      h("a", { class: "row-button", href: `/tools?tool=outcomes&kind=${key}` }, h("span", { class: "row-emotion", text: k.label }))))),
    h("div", { class: "actions" }, quiet), said.element);
  const list = await listOf(TOOL);
  const items = list.items.sort((a, b) => String(b.occurred_on).localeCompare(String(a.occurred_on))).slice(0, 30);
  main.append(h("h2", { text: "Recently" }), items.length
    ? h("ul", { class: "entries" }, ...items.map((e) => h("li", { class: "entry" },
      h("p", { class: "entry-title", text: eventWords(e) }),
      h("p", { class: "hint", text: `${dayOf(`${e.occurred_on}T12:00:00`)}${e.recorded_by === "clinician" ? ", recorded by your clinician" : ""}` }),
      e.waiting ? h("span", { class: "badge", text: "Waiting to send" }) : null)))
    : h("p", { class: "hint", text: "Nothing recorded yet." }));
}
