// @ts-check
/**
 * What a screen says back after an action, the same on every screen of all three apps:
 * "saved" (it worked), "info" (something to know) and "problem" (it did not work, and
 * why). Saved and info lines are polite status messages; a problem is an alert, read out
 * at once. An empty message takes no space, so a form can hold one from the start and
 * fill it in later with `say`.
 */
import { h } from "./dom.js";

/** @typedef {"saved" | "info" | "problem"} MessageKind */

/**
 * @param {MessageKind} kind
 * @param {string} [text]
 * @param {Record<string, unknown>} [props] more attributes (an id for aria-describedby)
 * @returns {HTMLElement}
 */
export function message(kind, text = "", props = {}) {
  return h("p", { ...props, class: `msg msg-${kind}`, role: kind === "problem" ? "alert" : "status", text });
}

/**
 * Change what a message says (and what kind it is).
 * @param {HTMLElement} el a message()
 * @param {MessageKind} kind
 * @param {string} text
 */
export function say(el, kind, text) {
  el.className = `msg msg-${kind}`;
  el.setAttribute("role", kind === "problem" ? "alert" : "status");
  el.textContent = text;
}

/**
 * The "Saved" message of a longer save (the patient app's log and tools): a first line
 * and further lines, looking like every other "saved" message (the trial found a
 * different one on each screen).
 * @param {string} text the first line ("Saved.", "Saved on this phone. ...")
 * @param {{title?: string, live?: boolean}} [options] title: a heading level for the
 *   first line instead of a paragraph; live: false inside an existing live region
 * @param {...(Node | string | null | undefined | false)} more further lines
 */
export function savedMessage(text, options = {}, ...more) {
  return h("div", { class: "msg msg-saved saved-message", role: options.live === false ? null : "status" },
    h(options.title || "p", { class: "saved-title", text }), ...more);
}
