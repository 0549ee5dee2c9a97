// @ts-check
/**
 * The optional parts of an entry: when it happened, how strong it was, what the patient
 * noticed, risk items and a note. Sliders count only once moved, so an untouched slider
 * never records a made-up 5.
 */
import { h } from "./dom.js";

let counter = 0;
const uid = (/** @type {string} */ name) => `${name}-${++counter}`;

/** @param {Date} date the value a datetime-local input wants, in local time */
function localInput(date) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * @param {string} label
 * @param {number | undefined} value
 */
function slider(label, value) {
  const id = uid("range");
  const shown = h("output", { for: id, class: "hint", text: value === undefined ? "Not set" : `${value} out of 10` });
  const input = /** @type {HTMLInputElement} */ (h("input", {
    id, type: "range", min: "0", max: "10", step: "1", value: String(value ?? 5),
    "aria-valuetext": value === undefined ? "Not set" : `${value} out of 10`,
  }));
  let touched = value !== undefined;
  input.addEventListener("input", () => {
    touched = true;
    shown.textContent = `${input.value} out of 10`;
    input.setAttribute("aria-valuetext", shown.textContent);
  });
  const element = h("div", {}, h("label", { for: id, text: label }), input, shown);
  return { element, read: () => (touched ? Number(input.value) : undefined) };
}

/**
 * "When did it happen?": now unless changed; never in the future.
 * @param {string | undefined} occurredAt
 */
export function timeField(occurredAt) {
  const id = uid("when");
  const now = new Date();
  const input = /** @type {HTMLInputElement} */ (h("input", {
    id, type: "datetime-local", max: localInput(now), value: localInput(occurredAt ? new Date(occurredAt) : now),
  }));
  const element = h("div", {}, h("label", { for: id, text: "When did it happen?" }), input);
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
  const intensity = slider("How strong was the feeling? (0 is none, 10 is the strongest)", entry.emotion_intensity);
  const strength = slider("How strong was the urge? (0 is none, 10 is the strongest)", entry.urge_strength);
  const offered = [...new Set([...(row?.indicators || []), ...(entry.indicators || [])])];
  const boxes = offered.map((text) => {
    const id = uid("ind");
    const box = /** @type {HTMLInputElement} */ (h("input", { id, type: "checkbox", value: text, checked: (entry.indicators || []).includes(text) }));
    return { box, element: h("label", { class: "check", for: id }, box, text) };
  });
  const otherId = uid("other");
  const other = /** @type {HTMLInputElement} */ (h("input", { id: otherId, type: "text", maxlength: "200", autocomplete: "off" }));
  const risk = entry.risk || {};
  const selfHarm = slider("Urge to hurt yourself (0 to 10)", risk.self_harm);
  const aggression = slider("Urge to hurt someone else or break things (0 to 10)", risk.aggression);
  const substanceId = uid("subst");
  const substance = /** @type {HTMLInputElement} */ (h("input", { id: substanceId, type: "checkbox", checked: Boolean(risk.substance_use) }));
  let substanceTouched = entry.risk !== undefined;
  substance.addEventListener("change", () => { substanceTouched = true; });
  const noteId = uid("note");
  const note = /** @type {HTMLTextAreaElement} */ (h("textarea", { id: noteId, maxlength: "2000", value: entry.note || "" }));

  const element = h("div", { class: "detail" },
    intensity.element,
    strength.element,
    h("fieldset", {},
      h("legend", { text: "What did you notice first?" }),
      ...boxes.map((b) => b.element),
      h("label", { for: otherId, text: "Something else you noticed (optional)" }),
      other),
    h("fieldset", {},
      h("legend", { text: "Risk (only if you want to say)" }),
      selfHarm.element,
      aggression.element,
      h("label", { class: "check", for: substanceId }, substance, "I used alcohol or drugs")),
    h("label", { for: noteId, text: "A note for you and your clinician (optional)" }),
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
    const harm = selfHarm.read();
    const aggress = aggression.read();
    if (harm !== undefined || aggress !== undefined || substanceTouched) {
      out.risk = { self_harm: harm ?? 0, aggression: aggress ?? 0, substance_use: substance.checked };
    }
    return out;
  };
  return { element, read };
}
