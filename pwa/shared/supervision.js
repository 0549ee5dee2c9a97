// @ts-check
/**
 * Supervision (NICE QS88 statement 6): the agreed level and frequency and the dates it
 * happened, with overdue flagged in words and a shape. The clinician sees their own on the
 * caseload; their site admin sees everyone's in the accounts pages. Both can record.
 */
import { t } from "./words.js";
import { call } from "./api.js";
import { reasonOf } from "./reasons.js";
import { h } from "./dom.js";
import { day, today } from "./staff.js";
import { message } from "./message.js";

/**
 * @param {any} s the clinician's supervision @param {string} heading @param {() => void} reload
 * @param {string} level heading level for the card's title ("h2" or "h3")
 */
export function supervisionCard(s, heading, reload, level = "h2") {
  const key = s.clinician_id.slice(0, 8);
  const problem = message("problem");
  const send = async (/** @type {string} */ method, /** @type {string} */ path, /** @type {any} */ body) => {
    const reply = await call(method, `/api/v1/supervision/${s.clinician_id}${path}`, body);
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  };
  const held = h("input", { type: "date", id: `sv-held-${key}`, required: true, max: today(), value: today() });
  const who = h("input", { id: `sv-who-${key}`, required: true, maxlength: 200 });
  const session = h("form", { class: "window", "aria-label": t("sv.record.label", { name: s.display_name }) },
    h("p", { class: "field" }, h("label", { for: `sv-held-${key}` }, t("sv.held")), held),
    h("p", { class: "field" }, h("label", { for: `sv-who-${key}` }, t("sv.supervisor")), who),
    h("button", { type: "submit" }, t("sv.record")));
  session.addEventListener("submit", (event) => {
    event.preventDefault();
    send("POST", "/sessions", { held_on: /** @type {HTMLInputElement} */ (held).value, supervisor: /** @type {HTMLInputElement} */ (who).value });
  });
  const lvl = h("input", { id: `sv-level-${key}`, required: true, maxlength: 200, value: s.level || "" });
  const weeks = h("input", { type: "number", id: `sv-weeks-${key}`, min: 1, max: 26, required: true, value: s.every_weeks || 4 });
  const on = h("input", { type: "date", id: `sv-on-${key}`, required: true, max: today(), value: s.agreed_on || today() });
  const agreement = h("form", { class: "window", "aria-label": t("sv.agreed.label", { name: s.display_name }) },
    h("p", { class: "field" }, h("label", { for: `sv-level-${key}` }, t("sv.level")), lvl),
    h("p", { class: "field" }, h("label", { for: `sv-weeks-${key}` }, t("sv.weeks")), weeks),
    h("p", { class: "field" }, h("label", { for: `sv-on-${key}` }, t("sv.on")), on),
    h("button", { type: "submit", class: "secondary" }, t("sv.save")));
  agreement.addEventListener("submit", (event) => {
    event.preventDefault();
    send("PUT", "/agreement", { level: /** @type {HTMLInputElement} */ (lvl).value,
      every_weeks: Number(/** @type {HTMLInputElement} */ (weeks).value), agreed_on: /** @type {HTMLInputElement} */ (on).value });
  });
  return h("section", { class: "card supervision", "aria-labelledby": `sv-${key}` },
    h(level, { id: `sv-${key}` }, heading),
    h("p", { class: s.overdue || !s.level ? "overdue-flag" : null }, `${s.overdue || !s.level ? "▲ " : ""}${s.words}.`),
    s.sessions.length ? h("p", {}, t("sv.recent", { sessions: s.sessions.slice(0, 6).map((/** @type {any} */ x) => `${day(x.held_on)} (${x.supervisor})`).join(", ") })) : null,
    problem, session,
    h("details", {}, h("summary", {}, s.level ? t("sv.change") : t("sv.agree")), agreement));
}
