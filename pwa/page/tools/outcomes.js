// @ts-check
/**
 * "What happened, and check-ins": acts (self-harm, aggression), service contacts, "nothing
 * happened this week", and the check-ins when they are due: PHQ-9 and GAD-7, and the
 * monthly summary (how many times each act and contact happened in the month). Loaded on first
 * use (LATER_FILES) and then kept by the service worker; a signed-in phone also fetches it
 * once in the background (tools/index.js), so it opens offline. Every save goes through the
 * outbox, as the diary does. Acts are recorded to help, never to blame.
 */
import { enqueue } from "../../shared/outbox.js";
import { h } from "../../shared/dom.js";
import { dayOf } from "../dom.js";
import { fresh, localTimestamp } from "../entries.js";
import { afterSave, listOf, saveRecord, savedNote, sendSoon } from "./data.js";
import { saying, textArea, textInput, uid } from "./fields.js";
import { message } from "../../shared/message.js";
import { t } from "./words.js";

const TOOL = { path: "acts-and-contacts", kind: "acts-and-contacts", copy: "tool:acts-and-contacts" };
const MEASURES = ["phq-9", "gad-7", "monthly-summary"];
const MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

/** The kinds, each in words (outcomes.kind.*). @type {Record<string, {label: string, group: "act" | "contact"}>} */
export const KINDS = Object.fromEntries(/** @type {[string, "act" | "contact"][]} */ ([
  ["self_harm", "act"], ["verbal", "act"], ["property", "act"], ["others", "act"], ["ae", "contact"],
  ["crisis_team", "contact"], ["police", "contact"], ["admission", "contact"], ["social_services", "contact"],
]).map(([kind, group]) => [kind, { label: t(`outcomes.kind.${kind}`), group }]));

const INJURY = ["no_injury", "first_aid", "hospital"].map((value) => ({ value, label: t(`outcomes.injury.${value}`) }));

/** The Modified Overt Aggression Scale's bands, in plain words (outcomes.band.<kind>.1 to 4). */
/** @type {Record<string, string[]>} */
const BANDS = Object.fromEntries(["verbal", "property", "others"].map((kind) =>
  [kind, [1, 2, 3, 4].map((n) => t(`outcomes.band.${kind}.${n}`))]));

const WHO_SEES = t("outcomes.who_sees");

/**
 * A check-in's wording from the catalogue by its questionnaire and item, else the server's.
 * @param {string} key @param {string | undefined} served
 */
function measureWords(key, served) {
  const said = t(key);
  return said === key ? served || "" : said;
}

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
  const when = textInput(t("outcomes.when"), today(), { type: "date" });
  when.input.max = today();
  const injury = kind === "self_harm" ? radios(t("outcomes.how_serious"), INJURY) : null;
  const band = BANDS[kind] ? radios(t("outcomes.closest"), BANDS[kind].map((label, i) => ({ value: String(i + 1), label }))) : null;
  const nights = kind === "admission" ? textInput(t("outcomes.nights"), "0", { type: "number" }) : null;
  const note = textArea(t("outcomes.note"), "", { rows: 2, max: 1000 });
  const said = saying();
  const form = h("form", { novalidate: true, class: "act-form" },
    h("h1", { text: KINDS[kind].label }),
    when.element, injury?.element, band?.element, nights?.element, note.element,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: t("outcomes.save") })), said.element);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const day = when.read();
    if (!day || day > today()) return said.say(t("outcomes.choose_day"));
    /** @type {Record<string, unknown>} */
    const body = { kind, occurred_on: day };
    if (injury) body.injury = injury.value() || (said.say(t("outcomes.choose_serious")), null);
    if (band) body.severity = Number(band.value()) || (said.say(t("outcomes.choose_closest")), null);
    if (nights) body.nights = Math.max(0, Math.trunc(Number(nights.read()) || 0));
    if (body.injury === null || body.severity === null) return;
    if (note.read()) body.note = note.read();
    afterSave(ctx, await saveRecord(TOOL, crypto.randomUUID(), 0, body), said.say);
  });
  return form;
}

/** @param {any} e */
function eventWords(e) {
  if (e.kind === "nothing") return t("outcomes.nothing");
  const label = KINDS[e.kind]?.label || e.kind;
  return e.kind === "admission" ? t(e.nights === 1 ? "outcomes.nights_one" : "outcomes.nights_many", { label, n: e.nights }) : label;
}

/**
 * The due check-ins, from the server (or the copy kept on the phone).
 * @param {HTMLElement} main
 */
async function dueSection(main) {
  const read = await fresh("/api/v1/measures/due", "measures-due");
  const due = (read.data || []).filter((/** @type {any} */ d) => d.state !== "not_yet");
  const section = h("section", { "aria-labelledby": "due-heading" }, h("h2", { id: "due-heading", text: t("outcomes.checkins") }));
  if (!read.data) section.append(h("p", { class: "hint", text: t("outcomes.checkins_signal") }));
  else if (!due.length) section.append(h("p", { class: "hint", text: t("outcomes.none_due") }));
  for (const d of due) {
    section.append(h("p", {}, h("a", { class: "button secondary", href: `/tools?tool=outcomes&measure=${d.questionnaire}`,
      text: t(d.state === "overdue" ? "outcomes.overdue" : "outcomes.due", { what: d.questionnaire === "monthly-summary"
        ? t("outcomes.due_month") : t("outcomes.due_measure", { name: d.questionnaire.toUpperCase() }) }) })));
  }
  main.append(section);
}

/**
 * A count item of the monthly summary: a number from 0 to the item's maxValue, 0 to start
 * with (a month with none is a zero, not a gap).
 * @param {string} qid
 * @param {any} item
 * @param {number} n
 */
function countField(qid, item, n) {
  const max = item.extension.find((/** @type {any} */ e) => e.url === MAX_VALUE).valueInteger;
  const field = textInput(t("outcomes.numbered", { n, text: measureWords(`measure.${qid}.${item.linkId}`, item.text) }), "0", { type: "number" });
  Object.assign(field.input, { min: "0", max: String(max), inputMode: "numeric" });
  const value = () => {
    const v = Number(field.read());
    return field.read() !== "" && Number.isInteger(v) && v >= 0 && v <= max ? v : undefined;
  };
  return { item, element: field.element, value, problem: t("outcomes.count_problem", { max, n }) };
}

/**
 * A PHQ-9, GAD-7 or monthly summary from its FHIR Questionnaire, sent through the outbox
 * and scored on the server. Item 9 of the PHQ-9 above 0 shows the crisis step, honestly.
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 * @param {string} qid
 */
async function measureForm(main, ctx, qid) {
  const read = await fresh(`/api/v1/fhir/Questionnaire/${qid}`, `questionnaire:${qid}`);
  const q = read.data;
  if (!q) {
    main.append(h("p", { class: "message", text: t("outcomes.needs_signal") }));
    return;
  }
  const asked = q.item.filter((/** @type {any} */ i) => i.type === "choice" || (i.type === "integer" && !i.readOnly));
  const groups = asked.map((/** @type {any} */ item, /** @type {number} */ n) => (item.type === "integer" ? countField(qid, item, n + 1) : { item,
    problem: t("outcomes.answer_problem", { n: n + 1 }),
    ...radios(t("outcomes.numbered", { n: n + 1, text: measureWords(`measure.${qid}.${item.linkId}`, item.text) }),
      item.answerOption.map((/** @type {any} */ o, /** @type {number} */ i) => ({ value: String(i),
        label: measureWords(`measure.answer.${o.valueCoding.code}`, o.valueCoding.display) }))) }));
  const intro = q.item.find((/** @type {any} */ i) => i.type === "display");
  const said = saying();
  const form = h("form", { novalidate: true },
    h("h1", { text: measureWords(`measure.${qid}`, q.title) }),
    h("p", { class: "lead", text: intro ? measureWords(`measure.${qid}.${intro.linkId}`, intro.text) : "" }),
    ...groups.map((/** @type {any} */ g) => g.element),
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: t("outcomes.send") })), said.element);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const missing = groups.find((/** @type {any} */ g) => g.value() === undefined);
    if (missing) return said.say(missing.problem);
    /** @type {Record<string, number>} */
    const answers = {};
    for (const g of groups) answers[g.item.linkId] = Number(g.value());
    const id = crypto.randomUUID();
    await enqueue({ kind: "measures", id, method: "PUT", url: `/api/v1/measures/${id}`, body: { questionnaire: qid, authored: localTimestamp(new Date()), answers } });
    const where = await sendSoon(`measures:${id}`);
    ctx.saved();
    main.replaceChildren(h("h1", { text: t("outcomes.thanks") }),
      message("saved", t(where === "sent" ? "outcomes.sent" : "outcomes.queued")));
    if ((answers["44260-8"] || 0) > 0) main.append(crisisStep());
    main.append(h("p", {}, h("a", { href: "/tools?tool=outcomes", text: t("outcomes.back") })));
  });
  main.append(form);
}

/** The crisis plan step after thoughts of self-harm, with the same honesty as /crisis. */
function crisisStep() {
  return h("div", { class: "notice", role: "alert" },
    h("h2", { text: t("outcomes.crisis_title") }),
    h("p", { text: t("outcomes.crisis_1") }),
    h("p", { text: t("outcomes.crisis_2") }),
    h("p", {}, h("a", { class: "button", href: "/crisis", text: t("outcomes.crisis_open") })));
}

/** Keep what the screen needs on the phone (sealed), for a first use with no signal. */
export async function warm() {
  /** @type {import("../../shared/api.js").ApiUrl[]} */
  const urls = ["/api/v1/measures/due", "/api/v1/acts-and-contacts", ...MEASURES.map((q) => /** @type {import("../../shared/api.js").ApiUrl} */ (`/api/v1/fhir/Questionnaire/${q}`))];
  await Promise.all(urls
    .map((url, i) => fresh(url, ["measures-due", TOOL.copy, ...MEASURES.map((q) => `questionnaire:${q}`)][i])));
}

/**
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 */
export async function render(main, ctx) {
  const qid = ctx.params.get("measure");
  if (qid && MEASURES.includes(qid)) return measureForm(main, ctx, qid);
  const kind = ctx.params.get("kind");
  if (kind && KINDS[kind]) {
    main.append(h("p", { class: "hint", text: WHO_SEES }), kindForm(kind, ctx));
    return;
  }
  main.append(h("h1", { text: t("outcomes.title") }),
    h("p", { class: "lead", text: t("outcomes.lead") }),
    h("p", { class: "hint", text: WHO_SEES }),
    message("saved", savedNote(ctx.params)));
  await dueSection(main);
  const said = saying();
  const quiet = h("button", { class: "button secondary", type: "button", text: t("outcomes.nothing") });
  quiet.addEventListener("click", async () => afterSave(ctx, await saveRecord(TOOL, crypto.randomUUID(), 0, { kind: "nothing", occurred_on: today() }), said.say));
  main.append(h("h2", { text: t("outcomes.record") }),
    h("ul", { class: "rows" }, ...Object.entries(KINDS).map(([key, k]) => h("li", {},
      h("a", { class: "row-button", href: `/tools?tool=outcomes&kind=${key}` }, h("span", { class: "row-emotion", text: k.label }))))),
    h("div", { class: "actions" }, quiet), said.element);
  const list = await listOf(TOOL);
  const items = list.items.sort((a, b) => String(b.occurred_on).localeCompare(String(a.occurred_on))).slice(0, 30);
  main.append(h("h2", { text: t("outcomes.recently") }), items.length
    ? h("ul", { class: "entries" }, ...items.map((e) => h("li", { class: "entry" },
      h("p", { class: "entry-title", text: eventWords(e) }),
      h("p", { class: "hint", text: e.recorded_by === "clinician" ? t("outcomes.by_clinician", { day: dayOf(`${e.occurred_on}T12:00:00`) }) : dayOf(`${e.occurred_on}T12:00:00`) }),
      e.waiting ? h("span", { class: "badge", text: t("outcomes.waiting") }) : null)))
    : h("p", { class: "hint", text: t("outcomes.none_yet") }));
}
