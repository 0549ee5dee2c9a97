// @ts-check
/**
 * Building the DOM without HTML strings: text always goes in through textContent, so
 * nothing a person typed can ever run as markup (and the strict CSP forbids inline code).
 */

/**
 * h("button", {class: "big", onclick: fn}, "Save")
 * @param {string} tag
 * @param {Record<string, any>} [props]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") el.className = value;
    else if (name === "text") el.textContent = String(value);
    else if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else if (name === "value" || name === "checked") /** @type {any} */ (el)[name] = value;
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return el;
}

/**
 * The one "Saved" message of the patient app, so a save looks and reads the same on every
 * screen (the trial found a different one on each).
 * @param {string} text the first line ("Saved.", "Saved on this phone. ...")
 * @param {{title?: string, live?: boolean}} [options] title: a heading level for the
 *   first line instead of a paragraph; live: false inside an existing live region
 * @param {...(Node | string | null | undefined | false)} more further lines
 */
export function savedMessage(text, options = {}, ...more) {
  return h("div", { class: "saved-message", role: options.live === false ? null : "status" },
    h(options.title || "p", { class: "saved-title", text }), ...more);
}

/** @param {Element} el */
export function clear(el) {
  el.replaceChildren();
}

/**
 * Ask before doing something that cannot be undone. Resolves true only on the confirm button.
 * @param {{title: string, message: string, confirm: string, cancel?: string}} text
 * @returns {Promise<boolean>}
 */
export function confirmDialog(text) {
  return new Promise((resolve) => {
    const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
    const dialog = /** @type {HTMLDialogElement} */ (
      h("dialog", { class: "dialog", "aria-labelledby": titleId },
        h("h2", { id: titleId, text: text.title }),
        h("p", { text: text.message }),
        h("div", { class: "actions" },
          h("button", { class: "button", value: "no", text: text.cancel || "Keep it", autofocus: true }),
          h("button", { class: "button danger", value: "yes", text: text.confirm })))
    );
    dialog.addEventListener("click", (event) => {
      const target = /** @type {HTMLElement} */ (event.target);
      if (target instanceof HTMLButtonElement) dialog.close(target.value);
    });
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "yes");
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * A date and time in words, in the patient's own time zone.
 * @param {string | number | Date} when
 */
export function timeOf(when) {
  return new Date(when).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

/** @param {string | number | Date} when */
export function dayOf(when) {
  const date = new Date(when);
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (date.toDateString() === today.toDateString()) return "Today";
  if (date.toDateString() === yesterday.toDateString()) return "Yesterday";
  return date.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

/**
 * A module loaded on first use; with no signal that first time, a kind word instead.
 * @template T
 * @param {() => Promise<T>} load
 * @param {HTMLElement} where
 */
export async function later(load, where) {
  try {
    return await load();
  } catch {
    where.append(h("p", { class: "message", text: "This part needs a signal the first time you open it. Please try again when you are back online." }));
    return null;
  }
}
