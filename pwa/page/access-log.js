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

/** @param {HTMLElement} main */
export async function render(main) {
  main.append(
    h("h1", { text: "Who has looked at my diary" }),
    h("p", { text: "Every time a clinician or an administrator looks at or changes your diary, diarycard writes it down. Nobody can remove these records. Here they are, newest first." }));
  const read = await fresh(`/api/v1/me/access-log?limit=${LIMIT}`, "access-log");
  if (read.offlineAt) {
    main.append(h("p", { class: "offline-copy", text: `No signal. This is the list as saved on this phone (${dayOf(read.offlineAt)}, ${timeOf(read.offlineAt)}). Anything newer will show when you are back online.` }));
  } else if (read.failed) {
    main.append(message("info", "This list could not be loaded just now. It needs a signal the first time. Please try again later."));
  }
  const items = Array.isArray(read.data) ? read.data : [];
  if (!read.failed && items.length === 0) {
    main.append(h("p", { class: "message", text: "Nobody has looked at your diary yet." }));
  }
  /** @type {Map<string, any[]>} */
  const days = new Map();
  for (const item of items) {
    const day = dayOf(item.at);
    if (!days.has(day)) days.set(day, []);
    days.get(day)?.push(item);
  }
  for (const [day, list] of days) {
    main.append(h("section", { class: "day" },
      h("h2", { text: day }),
      h("ul", { class: "entries access-log" }, ...list.map((item) => h("li", { class: "entry" },
        h("p", { class: "entry-title", text: `${whoWords(item)} ${actionWords(item.action, item.about)}` }),
        h("p", { class: "hint", text: `At ${timeOf(item.at)}` }))))));
  }
  if (items.length >= LIMIT) {
    main.append(h("p", { class: "hint", text: `These are the latest ${LIMIT}. To see every one, download a copy of your data from Settings.` }));
  }
  main.append(h("div", { class: "actions" }, h("a", { class: "button secondary", href: "/settings", text: "Back to settings" })));
}
