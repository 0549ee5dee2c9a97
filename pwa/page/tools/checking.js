// @ts-check
/**
 * Checking it out: when I am sure I know what someone else thinks or feels, slow down and
 * check. The five ways to check come from the SCM slides on interpersonal skills.
 */
import { h } from "../../shared/dom.js";
import { afterSave, listOf, saveRecord, savedNote, TOOLS } from "./data.js";
import { checkbox, lines, rating, saying, textArea } from "./fields.js";
import { recordList } from "./list.js";

const TOOL = TOOLS.checking;

export const STRATEGIES = [
  { value: "ask", title: "Ask a question", example: "“What are you thinking?” or “Why do you look at me like that?”" },
  { value: "tentative", title: "Say what you think, and ask if it is right", example: "“I guess you feel that… Is that right, or is it something else?”" },
  { value: "feeling", title: "Say how it made you feel, and ask if that was meant", example: "“When you say that, I feel… Is that what you meant me to feel?”" },
  { value: "my_view", title: "Explain how you see it, and ask them to put you right", example: "“This is how it looks to me. Tell me if I have got it wrong.”" },
  { value: "context", title: "Think about what else was going on", example: "Were they tired, busy, worried about something else? Where were you, and who else was there?" },
];

function strategyGuide() {
  return h("details", {}, h("summary", { text: "Five ways to check what someone meant" }),
    h("ol", {}, ...STRATEGIES.map((s) => h("li", {}, h("strong", { text: s.title }), h("p", { class: "hint", text: s.example })))));
}

/**
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 * @param {any} rec
 */
function checkingForm(main, ctx, rec) {
  const situation = textArea("What happened?", rec.situation, { hint: "Where were you, who was there, what was said or done?" });
  const assumed = textArea("What did I think they were thinking or feeling?", rec.assumed);
  const sure = rating("How sure was I?", rec.how_sure ?? 50, { max: 100, words: (n) => `${n}% sure` });
  const others = lines("What else might explain it?", rec.other_explanations, "Think of at least two other reasons. One on each line.");
  const used = STRATEGIES.map((s) => ({ value: s.value, box: checkbox(s.title, (rec.strategies || []).includes(s.value)) }));
  const asked = textArea("What did I ask or say?", rec.asked_or_said);
  const learned = textArea("What did I learn?", rec.learned);
  const finished = checkbox("I have finished this one", rec.status === "done");
  const said = saying();
  said.say(savedNote(ctx.params));
  const form = h("form", { novalidate: true }, situation.element, assumed.element, sure.element, others.element,
    h("fieldset", {}, h("legend", { text: "Which ways of checking did I use?" }), ...used.map((u) => u.box.element)),
    asked.element, learned.element, finished.element,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: "Save" }),
      h("a", { class: "button secondary", href: "/tools?tool=checking-it-out", text: "Back to my records" })),
    said.element);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const outcome = await saveRecord(TOOL, rec.id, rec.version, {
      situation: situation.read(), assumed: assumed.read(), how_sure: sure.read(), other_explanations: others.read(),
      strategies: used.filter((u) => u.box.read()).map((u) => u.value), asked_or_said: asked.read(),
      learned: learned.read(), status: finished.read() ? "done" : "open",
    });
    afterSave(ctx, outcome, said.say);
  });
  main.append(form);
}

/**
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 */
export async function renderChecking(main, ctx) {
  main.append(h("h1", { text: "Checking it out" }),
    h("p", { class: "lead", text: "When you feel sure you know what someone else is thinking or feeling, it can help to slow down and check. Other people's minds are hard to read, and quick guesses are often wrong." }),
    strategyGuide());
  const list = await listOf(TOOL);
  const id = ctx.params.get("id");
  if (id) {
    checkingForm(main, ctx, list.items.find((r) => r.id === id) || { id, version: 0, status: "open" });
    return;
  }
  main.append(h("p", { class: "actions" }, h("a", { class: "button", href: `/tools?tool=checking-it-out&id=${crypto.randomUUID()}`, text: "Check out a difficult moment" })));
  recordList(main, list, "checking-it-out", (r) => r.situation || "Not written down yet",
    (r) => (r.how_sure !== null && r.how_sure !== undefined ? `I was ${r.how_sure}% sure` : "Open"));
}
