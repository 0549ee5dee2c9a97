// @ts-check
/**
 * "Who has looked at my diary": everyone who read or changed the patient's records, and
 * when, newest first, in words. Loaded only when opened (see LATER_FILES); the last good
 * copy is kept sealed on the phone and shown, marked, when there is no signal.
 */
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
  return parts.length < 2 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** @param {HTMLElement} main */
export async function render(main) {
  main.append(
    h("h1", { text: "Who has looked at my diary" }),
    h("p", { text: "Every time a clinician or an administrator looks at or changes your diary, diarycard writes it down. Nobody can remove these records. Here they are, newest first." }));
  const read = await fresh(`/api/v1/me/access-log?limit=${LIMIT}`, "access-log");
  if (read.offlineAt) {
    main.append(h("p", { class: "offline-copy", text: `This is the list as saved on this phone (${dayOf(read.offlineAt)}, ${timeOf(read.offlineAt)}). Anything newer will show when you are back online.` }));
  } else if (read.failed) {
    main.append(message("info", "This list could not be loaded just now. It needs a signal the first time. Please try again later."));
  }
  const items = Array.isArray(read.data) ? read.data : [];
  if (!read.failed && items.length === 0) {
    main.append(h("p", { class: "message", text: "Nobody has looked at your diary yet." }));
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
        h("p", { class: "entry-title", text: `${visit.who} ${listWords(visit.actions)}` }),
        h("p", { class: "hint", text: timeOf(visit.from) === timeOf(visit.to) ? `At ${timeOf(visit.to)}` : `From ${timeOf(visit.from)} to ${timeOf(visit.to)}` }))))));
  }
  if (items.length >= LIMIT) {
    main.append(h("p", { class: "hint", text: `These are the latest ${LIMIT}. To see every one, download a copy of your data from Settings.` }));
  }
  main.append(h("div", { class: "actions" }, h("a", { class: "button secondary", href: "/settings", text: "Back to settings" })));
}
