// @ts-check
/**
 * The optional parts of an entry: when it happened, how strong it was, what the patient
 * noticed, risk items and a note. Nothing the patient did not give is ever recorded: an
 * untouched slider is "not given" on a new entry and keeps what was stored on an edit.
 */
import { t } from "../shared/words.js";
import { h } from "../shared/dom.js";

let counter = 0;
const uid = (/** @type {string} */ name) => `${name}-${++counter}`;

/** @param {Date} date the value a datetime-local input wants, in local time */
function localInput(date) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A 0-10 slider that can say "not given" (no thumb until moved; t("detail.clear") undoes). `read`:
 * the moved value or, untouched, exactly what was stored (hazard H-001).
 * @param {string} label
 * @param {number | null | undefined} stored
 */
function slider(label, stored) {
  const id = uid("range");
  const given = typeof stored === "number";
  const shown = h("output", { for: id, class: "hint" });
  const input = /** @type {HTMLInputElement} */ (h("input", {
    id, type: "range", min: "0", max: "10", step: "1", value: String(given ? stored : 5),
  }));
  const clear = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "link-button", text: t("detail.clear") }));
  /** @type {number | undefined} */
  let value = given ? stored : undefined;
  const paint = () => {
    const words = value === undefined ? t("detail.not_given") : t("detail.out_of_10", { value });
    shown.textContent = words;
    input.setAttribute("aria-valuetext", words);
    input.classList.toggle("unset", value === undefined);
    clear.hidden = value === undefined;
  };
  input.addEventListener("input", () => { value = Number(input.value); paint(); });
  clear.addEventListener("click", () => { value = undefined; input.value = "5"; paint(); input.focus(); });
  paint();
  const element = h("div", { class: "slider" }, h("label", { for: id, text: label }), input, h("div", { class: "slider-value" }, shown, clear));
  return { element, read: () => value };
}

/** A checkbox cannot tell "no" from "not given". @param {string} legend @param {boolean | null | undefined} stored */
function yesNo(legend, stored) {
  const group = uid("yn");
  const options = [
    { value: "yes", label: t("detail.yes") }, { value: "no", label: t("detail.no") }, { value: "", label: t("detail.rather_not") },
  ];
  const chosen = stored === true ? "yes" : stored === false ? "no" : "";
  const inputs = options.map((o) => /** @type {HTMLInputElement} */ (h("input", {
    id: `${group}-${o.value || "skip"}`, type: "radio", name: group, value: o.value, checked: o.value === chosen,
  })));
  const element = h("fieldset", { class: "yes-no" }, h("legend", { text: legend }),
    ...inputs.map((input, i) => h("label", { class: "check", for: input.id }, input, options[i].label)));
  /** @returns {boolean | undefined} */
  const read = () => {
    const value = inputs.find((i) => i.checked)?.value;
    return value === "yes" ? true : value === "no" ? false : undefined;
  };
  return { element, read };
}

/**
 * t("detail.when"): now unless changed; never in the future.
 * @param {string | undefined} occurredAt
 */
export function timeField(occurredAt) {
  const id = uid("when");
  const now = new Date();
  const input = /** @type {HTMLInputElement} */ (h("input", {
    id, type: "datetime-local", max: localInput(now), value: localInput(occurredAt ? new Date(occurredAt) : now),
  }));
  const element = h("div", {}, h("label", { for: id, text: t("detail.when") }), input);
  const original = input.value;
  /** @returns {Date | undefined} undefined when left as it was */
  const read = () => (input.value && input.value !== original ? new Date(input.value) : undefined);
  return { element, read };
}

/**
 * @param {Record<string, any>} entry what is known already (an entry being edited)
 * @param {{indicators?: string[]} | null} row the table row, whose indicators are offered
 */
export function detailFields(entry, row) {
  const intensity = slider(t("detail.intensity"), entry.emotion_intensity);
  const strength = slider(t("detail.strength"), entry.urge_strength);
  const offered = [...new Set([...(row?.indicators || []), ...(entry.indicators || [])])];
  const boxes = offered.map((text) => {
    const id = uid("ind");
    const box = /** @type {HTMLInputElement} */ (h("input", { id, type: "checkbox", value: text, checked: (entry.indicators || []).includes(text) }));
    return { box, element: h("label", { class: "check", for: id }, box, text) };
  });
  const otherId = uid("other");
  const other = /** @type {HTMLInputElement} */ (h("input", { id: otherId, type: "text", maxlength: "200", autocomplete: "off" }));
  const risk = entry.risk || {};
  const selfHarm = slider(t("detail.self_harm"), risk.self_harm);
  const aggression = slider(t("detail.aggression"), risk.aggression);
  const substance = yesNo(t("detail.substance"), risk.substance_use);
  const noteId = uid("note");
  const note = /** @type {HTMLTextAreaElement} */ (h("textarea", { id: noteId, maxlength: "2000", value: entry.note || "" }));

  const element = h("div", { class: "detail" },
    intensity.element,
    strength.element,
    h("fieldset", {},
      h("legend", { text: t("detail.noticed") }),
      ...boxes.map((b) => b.element),
      h("label", { for: otherId, text: t("detail.noticed.other") }),
      other),
    h("fieldset", {},
      h("legend", { text: t("detail.risk") }),
      selfHarm.element,
      aggression.element,
      substance.element),
    h("label", { for: noteId, text: t("detail.note") }),
    note);

  const read = () => {
    /** @type {Record<string, any>} */
    const out = {
      emotion_intensity: intensity.read(),
      urge_strength: strength.read(),
      note: note.value.trim() || undefined,
    };
    const indicators = boxes.filter((b) => b.box.checked).map((b) => b.box.value);
    if (other.value.trim()) indicators.push(other.value.trim());
    if (indicators.length > 0) out.indicators = indicators;
    /** @type {Record<string, number | boolean>} */
    const given = {};
    const harm = selfHarm.read();
    const aggress = aggression.read();
    const used = substance.read();
    if (harm !== undefined) given.self_harm = harm;
    if (aggress !== undefined) given.aggression = aggress;
    if (used !== undefined) given.substance_use = used;
    if (Object.keys(given).length > 0) out.risk = given;
    return out;
  };
  return { element, read };
}
