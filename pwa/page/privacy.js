// @ts-check
/**
 * "How we look after your data", in plain words (the full policy: docs/privacy.md).
 * Loaded on first use (see LATER_FILES).
 */
import { h } from "../shared/dom.js";

const PARTS = [
  ["What we keep", "What you write in your diary, your crisis plan and tools, and the changes you make to them. We also keep a record of every time someone from your care team or an administrator looks at or changes your diary."],
  ["Why", "So that you and your care team can look back at what happened between sessions, and so your crisis plan is there when you need it."],
  ["Who can see it", "You, the clinicians on your care team and your service's administrators. Every time they look, it is written down, and you can see that list under \"Who has looked at my diary\"."],
  ["Deleting and withdrawing", "Delete takes an entry out of your diary and out of your care team's view. Withdraw takes it out of your diary but your care team still sees it, marked \"withdrawn by you\". Earlier versions are kept, because your diary is part of your health record."],
  ["How long we keep it", "While you use diarycard, and after your account is closed for as long as your service must keep health records (for mental health records in England this is usually 20 years). After that it is removed for good, except the record of who looked at it."],
  ["Your copy", "You can download everything we hold about you at any time from Settings and my data. For your safety we ask for your password again first."],
  ["Logs", "Our computer logs say when something happened and which account did it, never what you wrote."],
];

/** @param {HTMLElement} main */
export function render(main) {
  main.append(h("h1", { text: "How we look after your data" }),
    ...PARTS.flatMap(([title, words]) => [h("h2", { text: title }), h("p", { text: words })]));
}
