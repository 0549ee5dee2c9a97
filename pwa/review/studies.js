// @ts-check
/**
 * Studies, for researchers: the screening log, enrolment (answering the allocation only),
 * the CONSORT flow with its allocation per arm, follow-ups due, and the pseudonymised
 * export. Researchers never see names, logins or diary text: people are the site's own
 * screening references and the study's pseudonyms.
 */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { show, today } from "../shared/staff.js";
import { message } from "../shared/message.js";
import { leavingSection } from "./leaving.js";

const REASONS = [
  ["", "Still being screened, or enrolled"],
  ["did_not_attend_interview", "Did not attend interview"],
  ["declined", "Declined"],
  ["not_meeting_inclusion", "Did not meet inclusion criteria"],
  ["meeting_exclusion", "Met exclusion criteria"],
  ["uncontactable", "Uncontactable"],
];

/** @param {string} hash */
export async function studiesScreen(hash) {
  const id = hash.match(/^#\/studies\/([0-9a-f-]{36})$/)?.[1];
  if (id) return studyScreen(id);
  const reply = await call("GET", "/api/v1/studies");
  show("Studies", h("h1", {}, "Studies at your site"),
    reply.ok && reply.data.length
      ? h("ul", {}, ...reply.data.map((/** @type {any} */ s) => h("li", {}, h("a", { href: `#/studies/${s.id}` }, s.name))))
      : h("p", {}, reply.ok ? "Your site takes part in no studies yet. An administrator sets them up." : reasonOf(reply.data)));
}

/** @param {string} label @param {string} id @param {HTMLElement} input */
const field = (label, id, input) => h("p", { class: "field" }, h("label", { for: id }, label), input);

/** @param {string} id @param {string} [note] what the last enrolment allocated */
async function studyScreen(id, note = "") {
  const [study, consort, screening, due] = await Promise.all([call("GET", `/api/v1/studies/${id}`),
    call("GET", `/api/v1/studies/${id}/consort`), call("GET", `/api/v1/studies/${id}/screening`), call("GET", `/api/v1/studies/${id}/follow-ups`)]);
  if (!study.ok) {
    show("Study", h("p", {}, h("a", { href: "#/" }, "All studies")), h("h1", {}, "Study"), message("problem", reasonOf(study.data)));
    return;
  }
  const s = study.data;
  const reload = (/** @type {string} */ said = "") => studyScreen(id, said);
  show(s.name, h("p", {}, h("a", { href: "#/" }, "All studies")),
    h("h1", {}, s.name),
    h("p", { class: "muted" }, `Arms: ${s.arms.join(", ")}. Stratified by site and ${s.factors.join(", ").replaceAll("_", " ")}; blocks of ${s.block_sizes.join(" or ")}. Follow-up every ${s.follow_up_primary_months} months (primary) and ${s.follow_up_secondary_months} months (secondary) to ${s.follow_up_until_months} months.`),
    consortSection(consort),
    screeningSection(id, screening.ok ? screening.data : [], reload),
    enrolSection(id, s, note, reload),
    leavingSection(id, reload),
    followUpSection(due.ok ? due.data : []),
    h("section", { class: "card", "aria-labelledby": "export" }, h("h2", { id: "export" }, "Export"),
      h("p", {}, "Pseudonymised: no names, logins, diary text or dates (days since enrolment instead). Every export is recorded."),
      h("p", { class: "actions" },
        h("a", { class: "button", href: `/api/v1/studies/${id}/export?format=csv`, download: "" }, "Download (CSV)"),
        h("a", { class: "button secondary", href: `/api/v1/studies/${id}/export?format=fhir`, download: "" }, "Download (FHIR)"))));
}

/** @param {{ok: boolean, data: any}} reply */
function consortSection(reply) {
  const section = h("section", { class: "card", "aria-labelledby": "consort" }, h("h2", { id: "consort" }, "CONSORT flow"));
  if (!reply.ok) return section;
  const c = reply.data;
  // Drawn by the server from figures and fixed words only; parsed as SVG, never as HTML.
  const svg = new DOMParser().parseFromString(c.svg, "image/svg+xml").documentElement;
  svg.setAttribute("aria-describedby", "consort-text");
  section.append(h("figure", { class: "consort" }, document.importNode(svg, true)),
    h("p", { id: "consort-text" }, c.text),
    h("table", {}, h("caption", {}, "The figures of the flow"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Stage"), h("th", { scope: "col" }, "Arm"), h("th", { scope: "col" }, "Number"))),
      h("tbody", {}, ...c.rows.map((/** @type {any} */ r) => h("tr", {}, h("th", { scope: "row" }, r.stage), h("td", {}, r.arm || "All"), h("td", {}, r.count))))));
  return section;
}

/** @param {string} id @param {any[]} log @param {(said?: string) => void} reload */
function screeningSection(id, log, reload) {
  const ref = h("input", { id: "screen-ref", required: true, maxlength: 40 });
  const when = h("input", { id: "screen-day", type: "date", required: true, max: today(), value: today() });
  const reason = h("select", { id: "screen-reason" }, ...REASONS.map(([value, label]) => h("option", { value }, label)));
  const said = message("problem");
  const form = h("form", {}, field("Site reference (never a name)", "screen-ref", ref), field("Screened on", "screen-day", when),
    field("If not enrolled, why", "screen-reason", reason), h("button", { type: "submit" }, "Add to the screening log"), said);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = /** @type {HTMLSelectElement} */ (reason).value;
    const reply = await call("PUT", `/api/v1/studies/${id}/screening/${crypto.randomUUID()}`, {
      site_ref: /** @type {HTMLInputElement} */ (ref).value, screened_on: /** @type {HTMLInputElement} */ (when).value, ...(value ? { reason: value } : {}) });
    if (reply.ok) reload();
    else said.textContent = reasonOf(reply.data);
  });
  const words = Object.fromEntries(REASONS);
  return h("section", { class: "card", "aria-labelledby": "screening" }, h("h2", { id: "screening" }, "Screening log"),
    log.length ? h("table", {}, h("caption", {}, "Everyone screened"),
      h("thead", {}, h("tr", {}, ...["Reference", "Screened on", "Outcome"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, ...log.map((r) => h("tr", {}, h("th", { scope: "row" }, r.site_ref), h("td", {}, r.screened_on),
        h("td", {}, r.reason ? words[r.reason] : r.enrolled ? "Enrolled" : "Still being screened"))))) : h("p", { class: "muted" }, "Nobody screened yet."),
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
    age_band: [["21-25", "21-25"], ["26-39", "26-39"], ["40+", "40 or over"]],
    sentence: [["community", "Community"], ["licence", "Licence"]],
    length: [["under_12_months", "Under 12 months"], ["over_12_months", "12 months or over"]],
  };
  const selects = s.factors.map((/** @type {string} */ f) => [f, h("select", { id: `enrol-${f}` }, ...options[f].map(([value, label]) => h("option", { value }, label)))]);
  const said = message("problem");
  const form = h("form", {}, field("Patient's diarycard id (from the referring clinician)", "enrol-patient", patient),
    field("Site reference (the same as in the screening log)", "enrol-ref", ref), field("Consent given on", "enrol-consent", consent),
    field("Consent form version", "enrol-version", version),
    ...selects.map((/** @type {any[]} */ [f, el]) => field(f === "age_band" ? "Age band" : f === "sentence" ? "Sentence" : "Length of sentence", `enrol-${f}`, el)),
    h("button", { type: "submit" }, "Enrol and allocate"), said);
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
    reload(`Enrolled as ${reply.data.pseudonym}: allocated to ${reply.data.arm}.`);
  });
  return h("section", { class: "card", "aria-labelledby": "enrol" }, h("h2", { id: "enrol" }, "Enrol a consenting patient"),
    h("p", { class: "muted" }, "The arm is drawn when you enrol, by stratified permuted blocks. Nobody can see the sequence in advance."),
    message("saved", note, { id: "enrolled" }), form);
}

/** @param {any[]} due */
function followUpSection(due) {
  return h("section", { class: "card", "aria-labelledby": "follow-ups" }, h("h2", { id: "follow-ups" }, "Follow-up visits due"),
    due.length ? h("ul", {}, ...due.map((d) => h("li", {}, `${d.pseudonym} (${d.arm}): ${d.visit_month}-month ${d.kind} visit, ${d.state === "overdue" ? "overdue" : "due"} (day ${d.due_day})`)))
      : h("p", { class: "muted" }, "No visits are due."));
}
