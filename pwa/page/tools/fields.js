// @ts-check
/**
 * Small labelled form controls for the tools. Every control has a visible label tied to
 * it by id, and values go in and out as plain text (never as markup).
 */
import { t } from "../../shared/words.js";
import { h } from "../../shared/dom.js";
import { message } from "../../shared/message.js";

let counter = 0;
/** @param {string} name */
export const uid = (name) => `tool-${name}-${++counter}`;

/**
 * @param {string} label
 * @param {string} value
 * @param {{hint?: string, max?: number, rows?: number}} [options]
 */
export function textArea(label, value, options = {}) {
  const id = uid("text");
  const hintId = options.hint ? `${id}-hint` : null;
  const input = /** @type {HTMLTextAreaElement} */ (h("textarea", {
    id, maxlength: String(options.max ?? 2000), rows: String(options.rows ?? 3), value: value || "",
    "aria-describedby": hintId,
  }));
  const element = h("div", {}, h("label", { for: id, text: label }),
    hintId ? h("p", { class: "hint", id: hintId, text: options.hint }) : null, input);
  return { element, input, read: () => input.value.trim() };
}

/**
 * @param {string} label
 * @param {string} value
 * @param {{hint?: string, max?: number, type?: string, autocomplete?: string}} [options]
 */
export function textInput(label, value, options = {}) {
  const id = uid("input");
  const hintId = options.hint ? `${id}-hint` : null;
  const input = /** @type {HTMLInputElement} */ (h("input", {
    id, type: options.type ?? "text", maxlength: String(options.max ?? 200), value: value || "",
    autocomplete: options.autocomplete ?? "off", "aria-describedby": hintId,
  }));
  const element = h("div", {}, h("label", { for: id, text: label }),
    hintId ? h("p", { class: "hint", id: hintId, text: options.hint }) : null, input);
  return { element, input, read: () => input.value.trim() };
}

/**
 * A list edited as lines of text: one item per line.
 * @param {string} label
 * @param {string[]} items
 * @param {string} hint
 */
export function lines(label, items, hint) {
  const area = textArea(label, (items || []).join("\n"), { hint, max: 6000, rows: Math.max(3, (items || []).length + 1) });
  const read = () => area.input.value.split("\n").map((s) => s.trim()).filter(Boolean).map((s) => s.slice(0, 200));
  return { element: area.element, read };
}

/**
 * A 0-to-`max` rating with its value said in words.
 * @param {string} label
 * @param {number} value
 * @param {{min?: number, max?: number, words?: (n: number) => string}} [options]
 */
export function rating(label, value, options = {}) {
  const id = uid("range");
  const words = options.words ?? ((/** @type {number} */ n) => t("fields.out_of", { n, max: options.max ?? 10 }));
  const input = /** @type {HTMLInputElement} */ (h("input", {
    id, type: "range", min: String(options.min ?? 0), max: String(options.max ?? 10), step: "1",
    value: String(value), "aria-valuetext": words(value),
  }));
  const shown = h("output", { for: id, class: "hint", text: words(value) });
  input.addEventListener("input", () => {
    shown.textContent = words(Number(input.value));
    input.setAttribute("aria-valuetext", shown.textContent);
  });
  const element = h("div", {}, h("label", { for: id, text: label }), input, shown);
  return { element, input, read: () => Number(input.value) };
}

/**
 * @param {string} label
 * @param {boolean} checked
 */
export function checkbox(label, checked) {
  const id = uid("check");
  const box = /** @type {HTMLInputElement} */ (h("input", { id, type: "checkbox", checked }));
  return { element: h("label", { class: "check", for: id }, box, label), box, read: () => box.checked };
}

/** A polite message area: "Saved" (the app's one saved message) and the like. */
export function saying() {
  const el = message("saved");
  return { element: el, say: (/** @type {string} */ text) => { el.textContent = text; } };
}
