// @ts-check
/**
 * The patient app's own pieces of page: a confirmation dialog, times in words, and
 * modules loaded on first use. Elements themselves come from h() in shared/dom.js.
 */
import { dateLocale, t } from "../shared/words.js";
import { h } from "../shared/dom.js";

// The one "Saved" message lives with the kit's other messages; screens import it here.
export { savedMessage } from "../shared/message.js";

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
          h("button", { class: "button", value: "no", text: text.cancel || t("dlg.keep"), autofocus: true }),
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
  return new Date(when).toLocaleTimeString(dateLocale(), { hour: "2-digit", minute: "2-digit" });
}

/** @param {string | number | Date} when */
export function dayOf(when) {
  const date = new Date(when);
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (date.toDateString() === today.toDateString()) return t("day.today");
  if (date.toDateString() === yesterday.toDateString()) return t("day.yesterday");
  return date.toLocaleDateString(dateLocale(), { weekday: "long", day: "numeric", month: "long", year: "numeric" });
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
    where.append(h("p", { class: "message", text: t("later.offline") }));
    return null;
  }
}

