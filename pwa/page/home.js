// @ts-check
/**
 * Home: the patient's own table as large buttons grouped by category. Tapping a row is
 * the first of the three taps to a saved entry.
 */
import { t } from "../shared/words.js";
import { h } from "../shared/dom.js";
import { timeOf } from "./dom.js";
import { CATEGORIES, loadTable } from "./entries.js";
import { registerScreen } from "./registry.js";

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 */
async function render(main, ctx) {
  main.append(
    h("h1", { text: t("home.title") }),
    h("p", { class: "lead", text: t("home.lead") }),
  );
  const table = await loadTable();
  if (table.offlineAt) {
    main.append(h("p", { class: "offline-copy", text: t("home.offline", { time: timeOf(table.offlineAt) }) }));
  }
  const rows = (table.data?.rows || []).filter((/** @type {any} */ r) => !r.retired);
  if (table.failed) {
    main.append(h("p", { class: "message", text: t("home.failed") }));
  } else if (rows.length === 0) {
    main.append(h("p", { class: "message", text: t("home.empty") }));
  }
  for (const category of CATEGORIES) {
    const mine = rows.filter((/** @type {any} */ r) => r.category === category.value);
    if (mine.length === 0) continue;
    const headingId = `cat-${category.value}`;
    const list = h("ul", { class: "rows" });
    for (const row of mine) {
      list.append(h("li", {},
        h("button", {
          class: "row-button",
          type: "button",
          "data-row": row.id,
          onclick: () => ctx.go(`/entry?row=${encodeURIComponent(row.id)}`),
        },
        h("span", { class: "row-emotion", text: row.emotion }),
        h("span", { class: "row-urge", text: t("home.urge", { urge: row.urge }) }))));
    }
    main.append(h("section", { class: "category", "aria-labelledby": headingId },
      h("h2", { id: headingId, text: category.label }),
      h("p", { class: "hint", text: category.hint }),
      list));
  }
  main.append(h("p", { class: "actions" },
    h("a", { class: "button secondary", href: "/entry?new=1", text: t("home.other") })));
}

registerScreen({ path: "/", title: t("home.title"), nav: { label: t("nav.log"), order: 10 }, render });
registerScreen({ path: "/log", title: t("home.title"), render });
