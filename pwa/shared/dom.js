// @ts-check
/**
 * Building the DOM without HTML strings, for all three apps: text always goes in through
 * text nodes or textContent, so nothing a person typed can ever run as markup (and the
 * strict CSP forbids inline code).
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * @typedef {Node | string | number | null | undefined | false} Child
 * null, undefined and false are left out, so `cond && h(...)` reads naturally.
 * @typedef {Record<string, unknown>} Props
 * `text` sets textContent; `on<event>` functions become listeners; `value` and `checked`
 * are set as properties (after the children, so a <select> finds its options); anything
 * else is an attribute (true gives an empty one; null, undefined and false none).
 */

/**
 * h("button", {class: "big", onclick: fn}, "Save")
 * @param {string} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  dress(el, props, children);
  return el;
}

/**
 * The same for SVG elements (the review's charts).
 * @param {string} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {SVGElement}
 */
export function s(tag, props = {}, ...children) {
  const el = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  dress(el, props, children);
  return el;
}

/**
 * @param {Element} el
 * @param {Props} props
 * @param {Child[]} children
 */
function dress(el, props, children) {
  /** @type {[string, unknown][]} */
  const late = [];
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") el.textContent = String(value);
    else if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    } else if (name === "value" || name === "checked") late.push([name, value]);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "object" ? child : String(child));
  }
  for (const [name, value] of late) Object.assign(el, { [name]: value });
}
