// @ts-check
/**
 * t("privacy.title"), in plain words (the full policy: docs/privacy.md).
 * Loaded on first use (see LATER_FILES).
 */
import { t } from "./words.js";
import { h } from "../shared/dom.js";

const PARTS = [
  ...["keep", "why", "who", "deleting", "how_long", "copy", "logs"].map((k) => [t(`privacy.${k}`), t(`privacy.${k}.text`)]),
];

/** @param {HTMLElement} main */
export function render(main) {
  main.append(h("h1", { text: t("privacy.title") }),
    ...PARTS.flatMap(([title, words]) => [h("h2", { text: title }), h("p", { text: words })]));
}
