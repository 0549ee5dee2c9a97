// @ts-check
/**
 * Writing an entry while the app lock cannot open (a restart with no signal, a forgotten
 * PIN): the full form for something not on the list, since the patient's own table is
 * diary data, sealed behind the lock. What is saved is sealed to the drop box
 * (shared/dropbox.js): it cannot be read back on this phone until the lock opens, and
 * then it is sent once like any other entry (hazard H-062). Nothing earlier is shown.
 */
import { t } from "../shared/words.js";
import { h } from "../shared/dom.js";
import { boxed } from "../shared/outbox.js";
import { savedMessage } from "./dom.js";
import { saveWhileLocked } from "./entries.js";
import { entryForm } from "./entry-form.js";

export const WRITE_PATH = "/entry?new=1";

/** The lock screen's offer to write, and how many wait already. */
export async function writeOffer() {
  const waiting = await boxed();
  return h("section", { class: "lock-write" },
    h("h2", { text: t("lockbox.title") }),
    h("p", { text: t("lockbox.offer") }),
    waiting ? h("p", { class: "notice", text: waiting === 1 ? t("lockbox.waiting.one") : t("lockbox.waiting.many", { count: waiting }) }) : null,
    h("p", { class: "actions" }, h("a", { class: "button secondary", href: WRITE_PATH, text: t("lockbox.start") })));
}

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 * @param {HTMLElement} crisis the lock screen's one-tap link to the crisis plan
 */
export async function writeLocked(main, ctx, crisis) {
  await entryForm(main, ctx, {
    title: t("lockbox.form_title"),
    intro: [crisis, h("p", { text: t("lockbox.list_locked") }), h("p", { text: t("lockbox.sealed_once_saved") })],
    cancel: "/",
    save: async (entry) => {
      await saveWhileLocked(entry);
      main.replaceChildren(...savedScreen(crisis));
      /** @type {HTMLElement | null} */ (main.querySelector("a"))?.focus();
    },
  });
}

/** @param {HTMLElement} crisis */
function savedScreen(crisis) {
  return [
    h("h1", { text: t("lockbox.saved") }),
    // First, as on every screen of the lock: a strong urge is one tap from the plan.
    crisis,
    savedMessage(t("lockbox.saved.text"), {}, h("p", { text: t("log.well_done") })),
    h("div", { class: "actions" },
      h("a", { class: "button", href: "/", text: t("lockbox.to_lock") }),
      h("a", { class: "button secondary", href: WRITE_PATH, text: t("lockbox.another") })),
  ];
}
