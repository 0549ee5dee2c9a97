// @ts-check
/** A list of a tool's records, each a link to open it, with its state in words. */
import { t } from "../../shared/words.js";
import { h } from "../../shared/dom.js";
import { dayOf } from "../dom.js";

/**
 * "today", "yesterday" or "on Monday, 3 March 2026", to follow a verb.
 * @param {string | number} when
 */
export function onDay(when) {
  const day = dayOf(when);
  return day === t("day.today") ? t("day.today.lower") : day === t("day.yesterday") ? t("day.yesterday.lower") : t("day.on", { day });
}

/** @param {string} when */
function changed(when) {
  return t("list.changed", { when: onDay(when) });
}

/**
 * @param {HTMLElement} main
 * @param {{items: any[], offlineAt?: number, failed?: boolean}} list
 * @param {string} tool the `tool` query value of the screen
 * @param {(r: any) => string} title
 * @param {(r: any) => string} state
 */
export function recordList(main, list, tool, title, state) {
  if (list.offlineAt) main.append(h("p", { class: "offline-copy", text: t("list.offline") }));
  if (list.failed) {
    main.append(h("p", { class: "message", text: t("list.failed") }));
    return;
  }
  if (list.items.length === 0) {
    main.append(h("p", { class: "message", text: t("list.none") }));
    return;
  }
  main.append(h("ul", { class: "entries" }, ...list.items.map((r) => h("li", { class: "entry" },
    h("a", { class: "entry-title", href: `/tools?tool=${tool}&id=${encodeURIComponent(r.id)}`, text: title(r) }),
    h("p", { class: "hint", text: [state(r), r.updated_at ? changed(r.updated_at) : null].filter(Boolean).join(" · ") }),
    r.waiting ? h("span", { class: "badge", text: r.waiting === "queued" ? t("history.waiting") : t("list.not_sent") }) : null))));
}
