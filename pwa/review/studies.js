// @ts-check
/**
 * Studies, for researchers: the screening log, enrolment (answering the allocation only),
 * the CONSORT flow with its allocation per arm, follow-ups due, and the pseudonymised
 * export. Researchers never see names, logins or diary text: people are the site's own
 * screening references and the study's pseudonyms.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { show, today } from "../shared/staff.js";
import { message } from "../shared/message.js";
import { leavingSection } from "./leaving.js";

const REASONS = ["", "did_not_attend_interview", "declined", "not_meeting_inclusion", "meeting_exclusion",
  "uncontactable"].map((k) => [k, t(`study.reason.${k || "none"}`)]);

/** The strata a study may be stratified by (besides site), as the enrolment form asks them. */
const FACTORS = ["age_band", "sentence", "length"];

/** @param {string} hash */
export async function studiesScreen(hash) {
  const id = hash.match(/^#\/studies\/([0-9a-f-]{36})$/)?.[1];
  if (id) return studyScreen(id);
  const reply = await call("GET", "/api/v1/studies");
  show(t("study.title"), h("h1", {}, t("study.heading")),
    reply.ok && reply.data.length
      ? h("ul", {}, ...reply.data.map((/** @type {any} */ s) => h("li", {}, h("a", { href: `#/studies/${s.id}` }, s.name))))
      : h("p", {}, reply.ok ? t("study.none") : reasonOf(reply.data)));
}

/** @param {string} label @param {string} id @param {HTMLElement} input */
const field = (label, id, input) => h("p", { class: "field" }, h("label", { for: id }, label), input);

/** @param {string} id @param {string} [note] what the last enrolment allocated */
async function studyScreen(id, note = "") {
  const [study, consort, screening, due] = await Promise.all([call("GET", `/api/v1/studies/${id}`),
    call("GET", `/api/v1/studies/${id}/consort`), call("GET", `/api/v1/studies/${id}/screening`), call("GET", `/api/v1/studies/${id}/follow-ups`)]);
  if (!study.ok) {
    show(t("study.study"), h("p", {}, h("a", { href: "#/" }, t("study.all"))), h("h1", {}, t("study.study")), message("problem", reasonOf(study.data)));
    return;
  }
  const s = study.data;
  const reload = (/** @type {string} */ said = "") => studyScreen(id, said);
  show(s.name, h("p", {}, h("a", { href: "#/" }, t("study.all"))),
    h("h1", {}, s.name),
    h("p", { class: "muted" }, t("study.about", { arms: s.arms.join(", "),
      factors: s.factors.map((/** @type {string} */ f) => (FACTORS.includes(f) ? t(`study.factor.${f}`) : f.replaceAll("_", " "))).join(", "),
      blocks: s.block_sizes.join(t("study.or")), primary: s.follow_up_primary_months, secondary: s.follow_up_secondary_months,
      until: s.follow_up_until_months })),
    consortSection(consort),
    screeningSection(id, screening.ok ? screening.data : [], reload),
    enrolSection(id, s, note, reload),
    leavingSection(id, reload),
    followUpSection(due.ok ? due.data : []),
    h("section", { class: "card", "aria-labelledby": "export" }, h("h2", { id: "export" }, t("study.export")),
      h("p", {}, t("study.export_about")),
      h("p", { class: "actions" },
        h("a", { class: "button", href: `/api/v1/studies/${id}/export?format=csv`, download: "" }, t("study.csv")),
        h("a", { class: "button secondary", href: `/api/v1/studies/${id}/export?format=fhir`, download: "" }, t("study.fhir")))));
}

/** @param {{ok: boolean, data: any}} reply */
function consortSection(reply) {
  const section = h("section", { class: "card", "aria-labelledby": "consort" }, h("h2", { id: "consort" }, t("study.consort")));
  if (!reply.ok) return section;
  const c = reply.data;
  // Drawn by the server from figures and fixed words only; parsed as SVG, never as HTML.
  const svg = new DOMParser().parseFromString(c.svg, "image/svg+xml").documentElement;
  svg.setAttribute("aria-describedby", "consort-text");
  section.append(h("figure", { class: "consort" }, document.importNode(svg, true)),
    h("p", { id: "consort-text" }, c.text),
    h("table", {}, h("caption", {}, t("study.figures")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("study.stage")), h("th", { scope: "col" }, t("study.arm")), h("th", { scope: "col" }, t("study.number")))),
      h("tbody", {}, ...c.rows.map((/** @type {any} */ r) => h("tr", {}, h("th", { scope: "row" }, r.stage), h("td", {}, r.arm || t("study.all_arms")), h("td", {}, r.count))))));
  return section;
}

/** @param {string} id @param {any[]} log @param {(said?: string) => void} reload */
function screeningSection(id, log, reload) {
  const ref = h("input", { id: "screen-ref", required: true, maxlength: 40 });
  const when = h("input", { id: "screen-day", type: "date", required: true, max: today(), value: today() });
  const reason = h("select", { id: "screen-reason" }, ...REASONS.map(([value, label]) => h("option", { value }, label)));
  const said = message("problem");
  const form = h("form", {}, field(t("study.site_ref"), "screen-ref", ref), field(t("study.screened_on"), "screen-day", when),
    field(t("study.why_not"), "screen-reason", reason), h("button", { type: "submit" }, t("study.add_screened")), said);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = /** @type {HTMLSelectElement} */ (reason).value;
    const reply = await call("PUT", `/api/v1/studies/${id}/screening/${crypto.randomUUID()}`, {
      site_ref: /** @type {HTMLInputElement} */ (ref).value, screened_on: /** @type {HTMLInputElement} */ (when).value, ...(value ? { reason: value } : {}) });
    if (reply.ok) reload();
    else said.textContent = reasonOf(reply.data);
  });
  const words = Object.fromEntries(REASONS);
  return h("section", { class: "card", "aria-labelledby": "screening" }, h("h2", { id: "screening" }, t("study.screening")),
    log.length ? h("table", {}, h("caption", {}, t("study.everyone")),
      h("thead", {}, h("tr", {}, ...[t("study.reference"), t("study.screened_on"), t("study.outcome")].map((name) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, ...log.map((r) => h("tr", {}, h("th", { scope: "row" }, r.site_ref), h("td", {}, r.screened_on),
        h("td", {}, r.reason ? words[r.reason] : r.enrolled ? t("study.enrolled") : t("study.screening_still")))))) : h("p", { class: "muted" }, t("study.nobody")),
    form);
}

/** @param {string} id @param {any} s @param {string} note @param {(said?: string) => void} reload */
function enrolSection(id, s, note, reload) {
  const patient = h("input", { id: "enrol-patient", required: true, pattern: "[0-9a-f-]{36}", maxlength: 36 });
  const ref = h("input", { id: "enrol-ref", required: true, maxlength: 40 });
  const consent = h("input", { id: "enrol-consent", type: "date", required: true, max: today(), value: today() });
  const version = h("input", { id: "enrol-version", required: true, maxlength: 40 });
  /** @type {Record<string, string[][]>} */
  const options = {
    age_band: [["21-25", "21-25"], ["26-39", "26-39"], ["40+", t("study.age.40")]],
    sentence: [["community", t("study.sentence.community")], ["licence", t("study.sentence.licence")]],
    length: [["under_12_months", t("study.length.under")], ["over_12_months", t("study.length.over")]],
  };
  const selects = s.factors.map((/** @type {string} */ f) => [f, h("select", { id: `enrol-${f}` }, ...options[f].map(([value, label]) => h("option", { value }, label)))]);
  const said = message("problem");
  const form = h("form", {}, field(t("study.patient_id"), "enrol-patient", patient),
    field(t("study.site_ref_same"), "enrol-ref", ref), field(t("study.consent_on"), "enrol-consent", consent),
    field(t("study.consent_version"), "enrol-version", version),
    ...selects.map((/** @type {any[]} */ [f, el]) => field(t(`study.field.${f}`), `enrol-${f}`, el)),
    h("button", { type: "submit" }, t("study.enrol_button")), said);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = (/** @type {HTMLElement} */ el) => /** @type {HTMLInputElement} */ (el).value;
    const reply = await call("PUT", `/api/v1/studies/${id}/participants/${value(patient).trim()}`, {
      site_ref: value(ref), consent_date: value(consent), consent_version: value(version),
      strata: Object.fromEntries(selects.map((/** @type {any[]} */ [f, el]) => [f, value(el)])) });
    if (!reply.ok) {
      said.textContent = reasonOf(reply.data);
      return;
    }
    reload(t("study.enrolled_as", { pseudonym: reply.data.pseudonym, arm: reply.data.arm }));
  });
  return h("section", { class: "card", "aria-labelledby": "enrol" }, h("h2", { id: "enrol" }, t("study.enrol")),
    h("p", { class: "muted" }, t("study.enrol_about")),
    message("saved", note, { id: "enrolled" }), form);
}

/** @param {any[]} due */
function followUpSection(due) {
  return h("section", { class: "card", "aria-labelledby": "follow-ups" }, h("h2", { id: "follow-ups" }, t("study.due")),
    due.length ? h("ul", {}, ...due.map((d) => h("li", {}, t(d.state === "overdue" ? "study.visit.overdue" : "study.visit.due", { pseudonym: d.pseudonym, arm: d.arm,
      month: d.visit_month, kind: d.kind === "secondary" ? t("study.kind.secondary") : t("study.kind.primary"), day: d.due_day }))))
      : h("p", { class: "muted" }, t("study.no_visits")));
}
