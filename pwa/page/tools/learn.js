// @ts-check
/**
 * Short, plain pages about what the diary is for, written in our own words from the SCM
 * teaching the service uses (psycho-education comes first among its emotion strategies).
 * They are information, not treatment advice: each ends by pointing back to the
 * patient's clinician. Loaded on first use, kept by the service worker for offline.
 */
import { h } from "../../shared/dom.js";
import { addCatalogue, t } from "../../shared/words.js";
import LEARN_EN_GB from "./words/learn/en-GB.js";

await addCatalogue(LEARN_EN_GB, "/page/tools/words/learn");

/**
 * Each page's parts in order, words in the catalogue: "p" a paragraph (learn.<page>.<n>),
 * a number a list of that many items (learn.<page>.<n>.<item>); then where to read next.
 * @type {Record<string, {parts: ("p" | number)[], links: [string, string][]}>}
 */
export const PAGES = {
  impulsivity: { parts: ["p", 3, "p", "p"], links: [["/tools?tool=learn&page=urges", "learn.link.urges"]] },
  urges: { parts: ["p", "p", "p", "p", 4, "p"],
    links: [["/crisis", "learn.link.crisis"], ["/tools?tool=emotions", "learn.link.emotions"]] },
  feelings: { parts: ["p", "p", "p", "p"],
    links: [["/tools?tool=emotions", "learn.link.name_feeling"], ["/tools?tool=learn&page=urges", "learn.link.urges"]] },
  sessions: { parts: ["p", "p", "p", "p"],
    links: [["/tools?tool=problem-solving", "learn.link.problem-solving"], ["/tools?tool=checking-it-out", "learn.link.checking-it-out"]] },
};

/** @param {HTMLElement} main @param {any} ctx */
export function render(main, ctx) {
  const key = ctx.params.get("page") || "";
  const page = PAGES[key];
  if (!page) {
    main.append(h("h1", { text: t("learn.title") }),
      h("p", { class: "lead", text: t("learn.lead") }),
      h("ul", { class: "rows" }, ...Object.keys(PAGES).map((key) => h("li", {},
        h("a", { class: "row-button", href: `/tools?tool=learn&page=${key}` }, h("span", { class: "row-emotion", text: t(`learn.${key}.title`) }))))));
    return;
  }
  const title = t(`learn.${key}.title`);
  document.title = `${title} · diarycard`;
  main.append(h("h1", { text: title }),
    ...page.parts.map((part, i) => part === "p" ? h("p", { text: t(`learn.${key}.${i + 1}`) })
      : h("ul", {}, ...Array.from({ length: part }, (_, j) => h("li", { text: t(`learn.${key}.${i + 1}.${j + 1}`) })))),
    h("p", { class: "hint", text: t("learn.source") }),
    h("h2", { text: t("learn.next") }),
    h("ul", {}, ...page.links.map(([href, words]) => h("li", {}, h("a", { href, text: t(words) }))),
      h("li", {}, h("a", { href: "/tools?tool=learn", text: t("learn.all") }))));
}
