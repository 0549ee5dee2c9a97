// @ts-check
/**
 * t("access.title"): everyone who read or changed the patient's records, and
 * when, newest first, in words. Loaded only when opened (see LATER_FILES); the last good
 * copy is kept sealed on the phone and shown, marked, when there is no signal.
 */
import { t } from "../shared/words.js";
import { actionWords, whoWords } from "./access-words.js";
import { h } from "../shared/dom.js";
import { message } from "../shared/message.js";
import { dayOf, timeOf } from "./dom.js";
import { fresh } from "./entries.js";

const LIMIT = 200;
// Reads by one person this close together are one visit, shown as one line (a clinician
// opening the review touches several records at once: nine rows for one look was noise).
const VISIT_GAP = 30 * 60 * 1000;

/**
 * Newest first in, visits newest first out; each visit's actions oldest first, once each.
 * @param {any[]} items
 * @returns {{who: string, from: string, to: string, actions: string[]}[]}
 */
export function visits(items) {
  /** @type {{who: string, from: string, to: string, actions: string[]}[]} */
  const out = [];
  for (const item of items) {
    const who = whoWords(item);
    const last = out[out.length - 1];
    const words = actionWords(item.action, item.about);
    const close = last && last.who === who && dayOf(last.from) === dayOf(item.at) &&
      new Date(last.from).getTime() - new Date(item.at).getTime() <= VISIT_GAP;
    if (close) {
      last.from = item.at;
      // Said once, where it first happened in the visit.
      last.actions = [words, ...last.actions.filter((a) => a !== words)];
    } else {
      out.push({ who, from: item.at, to: item.at, actions: [words] });
    }
  }
  return out;
}

/** "a", "a and b", "a, b and c" @param {string[]} parts */
function listWords(parts) {
  return parts.length < 2 ? parts.join("") : t("rem.and", { list: parts.slice(0, -1).join(", "), last: parts[parts.length - 1] });
}

/** @param {HTMLElement} main */
export async function render(main) {
  main.append(
    h("h1", { text: t("access.title") }),
    h("p", { text: t("access.about") }));
  const read = await fresh(`/api/v1/me/access-log?limit=${LIMIT}`, "access-log");
  if (read.offlineAt) {
    main.append(h("p", { class: "offline-copy", text: t("access.offline", { day: dayOf(read.offlineAt), time: timeOf(read.offlineAt) }) }));
  } else if (read.failed) {
    main.append(message("info", t("access.failed")));
  }
  const items = Array.isArray(read.data) ? read.data : [];
  if (!read.failed && items.length === 0) {
    main.append(h("p", { class: "message", text: t("access.nobody") }));
  }
  /** @type {Map<string, ReturnType<typeof visits>>} */
  const days = new Map();
  for (const visit of visits(items)) {
    const day = dayOf(visit.to);
    if (!days.has(day)) days.set(day, []);
    days.get(day)?.push(visit);
  }
  for (const [day, list] of days) {
    main.append(h("section", { class: "day" },
      h("h2", { text: day }),
      h("ul", { class: "entries access-log" }, ...list.map((visit) => h("li", { class: "entry" },
        h("p", { class: "entry-title", text: t("access.sentence", { who: visit.who, what: listWords(visit.actions) }) }),
        h("p", { class: "hint", text: timeOf(visit.from) === timeOf(visit.to) ? t("access.at", { time: timeOf(visit.to) }) : t("access.from_to", { from: timeOf(visit.from), to: timeOf(visit.to) }) }))))));
  }
  if (items.length >= LIMIT) {
    main.append(h("p", { class: "hint", text: t("access.latest", { count: LIMIT }) }));
  }
  main.append(h("div", { class: "actions" }, h("a", { class: "button secondary", href: "/settings", text: t("access.back") })));
}
