// @ts-check
/**
 * The crisis screen: one tap from anywhere, and it opens with no signal. It shows the
 * site's emergency numbers as tel: links and says plainly that nobody watches the app.
 * Other features add sections below the numbers with `registerCrisisSection` (the agreed
 * crisis plan goes there).
 */
import { t } from "../shared/words.js";
import { call } from "../shared/api.js";
import { get, put } from "../shared/idb.js";
import { h } from "../shared/dom.js";
import { crisisSections, registerScreen } from "./registry.js";

/** Shown until the patient signs in and the site's own numbers arrive. */
export const UK_NUMBERS = [
  { label: t("crisis.999"), number: "999" },
  { label: t("crisis.111"), number: "111" },
  { label: t("crisis.samaritans"), number: "116 123" },
];

/** Fetch the site's numbers while there is a signal, and keep them for when there is not. */
export async function refreshSite() {
  // With no signal (status 0) the kept copy stays.
  const reply = await call("GET", "/api/v1/site");
  if (reply.ok && Array.isArray(reply.data?.emergency_numbers)) {
    await put("meta", reply.data, "site");
    navigator.serviceWorker?.controller?.postMessage({ type: "refresh-crisis" });
  }
}

/** @returns {Promise<{label: string, number: string}[]>} */
async function numbers() {
  const site = await get("meta", "site");
  const kept = site?.emergency_numbers;
  return Array.isArray(kept) && kept.length > 0 ? kept : UK_NUMBERS;
}

registerScreen({
  path: "/crisis",
  title: t("crisis.title"),
  public: true,
  async render(main, ctx) {
    const list = h("ul", { class: "numbers" });
    for (const item of await numbers()) {
      const dial = String(item.number).replace(/[^0-9+]/g, "");
      list.append(h("li", {},
        h("a", { class: "call", href: `tel:${dial}` },
          h("span", { class: "call-number", text: t("crisis.call", { number: item.number }) }),
          h("span", { class: "call-label", text: item.label }))));
    }
    const sections = h("div", { class: "crisis-sections" });
    main.append(
      h("h1", { text: t("crisis.title") }),
      h("p", { class: "lead", text: t("crisis.lead") }),
      list,
      h("div", { class: "notice" },
        h("h2", { text: t("crisis.nobody") }),
        h("p", { text: t("crisis.nobody.text") })),
      sections,
    );
    for (const section of crisisSections) {
      const container = h("section", { class: "crisis-section", "data-section": section.id });
      sections.append(container);
      try {
        await section.render(container, ctx);
      } catch {
        container.remove(); // a broken section must never hide the numbers
      }
    }
    if (ctx.session && navigator.onLine) void refreshSite();
  },
});
