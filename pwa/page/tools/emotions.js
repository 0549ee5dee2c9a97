// @ts-check
/**
 * Emotions, following the SCM slides' strategies: labelling (finding the word),
 * normalising, contextualising, and relaxation (a paced-breathing timer). Nothing here is
 * sent anywhere: it is for the patient, in the moment.
 */
import { h } from "../../shared/dom.js";

export const EMOTION_WORDS = [
  { family: "Angry", words: ["Annoyed", "Frustrated", "Irritable", "Furious", "Resentful", "Jealous"] },
  { family: "Sad", words: ["Down", "Lonely", "Disappointed", "Hurt", "Hopeless", "Empty"] },
  { family: "Afraid", words: ["Worried", "Anxious", "Nervous", "Panicky", "Insecure", "Overwhelmed"] },
  { family: "Ashamed", words: ["Embarrassed", "Guilty", "Humiliated", "Worthless", "Rejected"] },
  { family: "Bored", words: ["Restless", "Flat", "Numb", "Fed up", "Can't concentrate"] },
  { family: "Good", words: ["Calm", "Relieved", "Content", "Hopeful", "Proud", "Excited"] },
];

export const CONTEXT_PROMPTS = [
  "What happened just before I started to feel this way?",
  "Who was there, and what was said or done?",
  "Does this remind me of something that happened before?",
  "Would someone else in the same situation feel something like this?",
  "How strong is it, from 0 to 10? Is it going up or coming down?",
];

// Breathe in for 4 seconds and out for 6: a longer out-breath helps the body settle.
const PHASES = [{ say: "Breathe in", seconds: 4, grow: true }, { say: "Breathe out", seconds: 6, grow: false }];

function labelling() {
  const chosen = h("p", { class: "message", role: "status", "aria-live": "polite", text: "Tap the words that fit. You can choose more than one." });
  // A named feeling leads somewhere: straight into a diary entry that starts with it.
  const log = h("a", { class: "button secondary", href: "/entry?new=1", hidden: true, text: "Log this feeling in my diary" });
  /** @type {Set<string>} */
  const picked = new Set();
  const groups = EMOTION_WORDS.map((g) => {
    const id = `family-${g.family.toLowerCase()}`;
    return h("div", { class: "word-family", role: "group", "aria-labelledby": id }, h("h3", { id, text: g.family }),
      h("div", { class: "words" }, ...g.words.map((word) => {
        const button = h("button", { class: "word", type: "button", "aria-pressed": "false", text: word });
        button.addEventListener("click", () => {
          if (picked.has(word)) picked.delete(word); else picked.add(word);
          button.setAttribute("aria-pressed", String(picked.has(word)));
          chosen.textContent = picked.size ? `I feel: ${[...picked].join(", ")}.` : "Tap the words that fit. You can choose more than one.";
          log.hidden = picked.size === 0;
          log.setAttribute("href", `/entry?${new URLSearchParams({ new: "1", emotion: [...picked].join(", ") })}`);
        });
        return button;
      })));
  });
  return h("section", { "aria-labelledby": "emo-label" }, h("h2", { id: "emo-label", text: "1. Name the feeling" }),
    h("p", { text: "Putting a name to a feeling can make it easier to handle." }), ...groups, chosen, h("p", {}, log));
}

function breathing() {
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const circle = h("div", { class: "breath-circle", "aria-hidden": "true" });
  const phase = h("p", { class: "breath-phase", "aria-live": "polite", text: "Press start when you are ready." });
  const count = h("p", { class: "hint breath-count", text: "" });
  const button = h("button", { class: "button", type: "button", text: "Start breathing" });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let running = false;
  const stop = () => {
    running = false;
    clearTimeout(timer);
    circle.classList.remove("grow", "shrink");
    button.textContent = "Start breathing";
    phase.textContent = "Stopped. Well done for taking a moment.";
    count.textContent = "";
  };
  /** @param {number} index @param {number} left */
  const tick = (index, left) => {
    if (!running || !button.isConnected) return stop();
    const p = PHASES[index];
    if (left === p.seconds) {
      phase.textContent = p.say;
      if (!reduced) circle.className = `breath-circle ${p.grow ? "grow" : "shrink"}`;
    }
    count.textContent = String(left);
    timer = setTimeout(() => (left > 1 ? tick(index, left - 1) : tick((index + 1) % PHASES.length, PHASES[(index + 1) % PHASES.length].seconds)), 1000);
  };
  button.addEventListener("click", () => {
    if (running) return stop();
    running = true;
    button.textContent = "Stop";
    tick(0, PHASES[0].seconds);
  });
  return h("section", { "aria-labelledby": "emo-breathe" }, h("h2", { id: "emo-breathe", text: "4. Slow your breathing" }),
    h("p", { text: "Breathe in gently for 4 seconds, then out slowly for 6. Keep going for a minute or two, or as long as it helps." }),
    circle, phase, count, h("div", { class: "actions" }, button));
}

/** @param {HTMLElement} main */
export function renderEmotions(main) {
  main.append(h("h1", { text: "Strong feelings" }),
    h("p", { class: "lead", text: "Some steps for when a feeling is hard to bear. Nothing on this page is saved or sent." }),
    labelling(),
    h("section", { "aria-labelledby": "emo-normal" }, h("h2", { id: "emo-normal", text: "2. It is normal to feel this" }),
      h("p", { text: "Everybody has feelings like this sometimes. Feelings rise and fall, and even very strong ones pass." }),
      h("p", { text: "Having a feeling does not mean you have to act on it. You can notice it, name it, and wait." })),
    h("section", { "aria-labelledby": "emo-context" }, h("h2", { id: "emo-context", text: "3. Make sense of it" }),
      h("ul", {}, ...CONTEXT_PROMPTS.map((q) => h("li", { text: q })))),
    breathing(),
    h("section", { "aria-labelledby": "emo-learn" }, h("h2", { id: "emo-learn", text: "Want to understand it more?" }),
      h("ul", {},
        h("li", {}, h("a", { href: "/tools?tool=learn&page=feelings", text: "How feelings and urges link" })),
        h("li", {}, h("a", { href: "/tools?tool=learn&page=urges", text: "Why urges rise and pass" })))));
}
