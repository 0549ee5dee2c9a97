// @ts-check
/**
 * Building the page. Every piece of text reaches the DOM through textContent, never as
 * HTML, so a patient's words can never become markup or script.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * h("p", {class: "x"}, "text", child) -> an element. Attributes set with setAttribute;
 * `on*` functions become listeners; strings and numbers become text nodes.
 * @param {string} tag
 * @param {Record<string, any>} [attrs]
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  dress(el, attrs, children);
  return el;
}

/**
 * The same for SVG elements.
 * @param {string} tag
 * @param {Record<string, any>} [attrs]
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {SVGElement}
 */
export function s(tag, attrs = {}, ...children) {
  const el = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  dress(el, attrs, children);
  return el;
}

/**
 * @param {Element} el
 * @param {Record<string, any>} attrs
 * @param {Array<Node | string | number | null | undefined | false>} children
 */
function dress(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replace the main content, move focus to it and set the page title.
 * @param {string} title
 * @param {...Node} nodes
 */
export function show(title, ...nodes) {
  const main = /** @type {HTMLElement} */ (document.getElementById("main"));
  main.replaceChildren(...nodes);
  document.title = `${title} – diarycard review`;
  main.focus();
}

const LONDON = "Europe/London";

/** @param {string | null | undefined} iso */
export function dateTime(iso) {
  if (!iso) return "";
  return new Date(iso).toLocaleString("en-GB", {
    timeZone: LONDON, weekday: "short", day: "numeric", month: "short", hour: "2-digit",
    minute: "2-digit",
  });
}

/** @param {string | null | undefined} iso a date-time, or a plain YYYY-MM-DD day */
export function day(iso) {
  if (!iso) return "";
  const when = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return when.toLocaleDateString("en-GB", {
    timeZone: LONDON, weekday: "short", day: "numeric", month: "short",
  });
}

/** Today in London, YYYY-MM-DD. */
export function today() {
  return new Date().toLocaleDateString("en-CA", { timeZone: LONDON });
}
