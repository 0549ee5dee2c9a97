// @ts-check
/**
 * Emotions, following the SCM slides' strategies: labelling (finding the word),
 * normalising, contextualising, and relaxation (a paced-breathing timer). Nothing here is
 * sent anywhere: it is for the patient, in the moment.
 */
import { h } from "../../shared/dom.js";
import { t } from "./words.js";

/** The families of feeling words and their words, as catalogue keys (emo.family.*, emo.word.*). */
export const EMOTION_WORDS = [
  { family: "angry", words: ["annoyed", "frustrated", "irritable", "furious", "resentful", "jealous"] },
  { family: "sad", words: ["down", "lonely", "disappointed", "hurt", "hopeless", "empty"] },
  { family: "afraid", words: ["worried", "anxious", "nervous", "panicky", "insecure", "overwhelmed"] },
  { family: "ashamed", words: ["embarrassed", "guilty", "humiliated", "worthless", "rejected"] },
  { family: "bored", words: ["restless", "flat", "numb", "fed_up", "cant_concentrate"] },
  { family: "good", words: ["calm", "relieved", "content", "hopeful", "proud", "excited"] },
];

/** Questions for making sense of a feeling (emo.prompt_1 to _5). */
export const CONTEXT_PROMPTS = [1, 2, 3, 4, 5].map((n) => `emo.prompt_${n}`);

// Breathe in for 4 seconds and out for 6: a longer out-breath helps the body settle.
const PHASES = [{ say: "emo.breathe_in", seconds: 4, grow: true }, { say: "emo.breathe_out", seconds: 6, grow: false }];

function labelling() {
  const chosen = h("p", { class: "message", role: "status", "aria-live": "polite", text: t("emo.tap") });
  // A named feeling leads somewhere: straight into a diary entry that starts with it.
  const log = h("a", { class: "button secondary", href: "/entry?new=1", hidden: true, text: t("emo.log") });
  /** @type {Set<string>} */
  const picked = new Set();
  const groups = EMOTION_WORDS.map((g) => {
    const id = `family-${g.family}`;
    return h("div", { class: "word-family", role: "group", "aria-labelledby": id }, h("h3", { id, text: t(`emo.family.${g.family}`) }),
      h("div", { class: "words" }, ...g.words.map((key) => {
        const word = t(`emo.word.${key}`);
        const button = h("button", { class: "word", type: "button", "aria-pressed": "false", text: word });
        button.addEventListener("click", () => {
          if (picked.has(word)) picked.delete(word); else picked.add(word);
          button.setAttribute("aria-pressed", String(picked.has(word)));
          chosen.textContent = picked.size ? t("emo.i_feel", { words: [...picked].join(t("emo.list_joiner")) }) : t("emo.tap");
          log.hidden = picked.size === 0;
          log.setAttribute("href", `/entry?${new URLSearchParams({ new: "1", emotion: [...picked].join(t("emo.list_joiner")) })}`);
        });
        return button;
      })));
  });
  return h("section", { "aria-labelledby": "emo-label" }, h("h2", { id: "emo-label", text: t("emo.name") }),
    h("p", { text: t("emo.name_text") }), ...groups, chosen, h("p", {}, log));
}

function breathing() {
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const circle = h("div", { class: "breath-circle", "aria-hidden": "true" });
  const phase = h("p", { class: "breath-phase", "aria-live": "polite", text: t("emo.ready") });
  const count = h("p", { class: "hint breath-count", text: "" });
  const button = h("button", { class: "button", type: "button", text: t("emo.start") });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let running = false;
  const stop = () => {
    running = false;
    clearTimeout(timer);
    circle.classList.remove("grow", "shrink");
    button.textContent = t("emo.start");
    phase.textContent = t("emo.stopped");
    count.textContent = "";
  };
  /** @param {number} index @param {number} left */
  const tick = (index, left) => {
    if (!running || !button.isConnected) return stop();
    const p = PHASES[index];
    if (left === p.seconds) {
      phase.textContent = t(p.say);
      if (!reduced) circle.className = `breath-circle ${p.grow ? "grow" : "shrink"}`;
    }
    count.textContent = String(left);
    timer = setTimeout(() => (left > 1 ? tick(index, left - 1) : tick((index + 1) % PHASES.length, PHASES[(index + 1) % PHASES.length].seconds)), 1000);
  };
  button.addEventListener("click", () => {
    if (running) return stop();
    running = true;
    button.textContent = t("emo.stop");
    tick(0, PHASES[0].seconds);
  });
  return h("section", { "aria-labelledby": "emo-breathe" }, h("h2", { id: "emo-breathe", text: t("emo.breathe") }),
    h("p", { text: t("emo.breathe_text") }),
    circle, phase, count, h("div", { class: "actions" }, button));
}

/** @param {HTMLElement} main */
export function renderEmotions(main) {
  main.append(h("h1", { text: t("emo.title") }),
    h("p", { class: "lead", text: t("emo.lead") }),
    labelling(),
    h("section", { "aria-labelledby": "emo-normal" }, h("h2", { id: "emo-normal", text: t("emo.normal") }),
      h("p", { text: t("emo.normal_1") }),
      h("p", { text: t("emo.normal_2") })),
    h("section", { "aria-labelledby": "emo-context" }, h("h2", { id: "emo-context", text: t("emo.sense") }),
      h("ul", {}, ...CONTEXT_PROMPTS.map((q) => h("li", { text: t(q) })))),
    breathing(),
    h("section", { "aria-labelledby": "emo-learn" }, h("h2", { id: "emo-learn", text: t("emo.more") }),
      h("ul", {},
        h("li", {}, h("a", { href: "/tools?tool=learn&page=feelings", text: t("emo.feelings_link") })),
        h("li", {}, h("a", { href: "/tools?tool=learn&page=urges", text: t("emo.urges_link") })))));
}
