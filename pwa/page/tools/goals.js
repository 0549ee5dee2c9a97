// @ts-check
/**
 * Goals: short-term and long-term, agreed with the clinician, each with a progress
 * rating the patient updates as things move on.
 */
import { h, savedMessage } from "../dom.js";
import { afterSave, listOf, saveRecord, savedNote, TOOLS } from "./data.js";
import { rating, saying, textArea, textInput, uid } from "./fields.js";
import { onDay } from "./list.js";

const TOOL = TOOLS.goals;
const progressWords = (/** @type {number} */ n) => (n === 0 ? "0 out of 10: not started" : n === 10 ? "10 out of 10: done" : `${n} out of 10`);

/** @param {any} goal */
function fieldsOf(goal) {
  return { goal: goal.goal, term: goal.term, steps: goal.steps || "", progress: goal.progress ?? 0, status: goal.status || "open" };
}

/**
 * @param {any} goal
 * @param {import("../registry.js").ScreenContext} ctx
 */
function goalCard(goal, ctx) {
  const progress = rating(`Progress with “${goal.goal}”`, goal.progress ?? 0, { words: progressWords });
  const said = saying();
  const save = h("button", { class: "button secondary", type: "button", text: "Save progress" });
  save.addEventListener("click", async () => {
    const value = progress.read();
    const outcome = await saveRecord(TOOL, goal.id, goal.version, { ...fieldsOf(goal), progress: value, status: value === 10 ? "achieved" : goal.status || "open" });
    afterSave(ctx, outcome, said.say);
  });
  const agreed = goal.agreed_by ? `Agreed with ${goal.agreed_by} ${onDay(goal.agreed_at)}.` : "Not agreed with your clinician yet.";
  return h("li", { class: "entry goal" },
    h("p", { class: "entry-title", text: goal.goal }),
    goal.steps ? h("p", { text: `How: ${goal.steps}` }) : null,
    h("p", { class: "hint", text: agreed }),
    goal.waiting ? h("span", { class: "badge", text: "Waiting to send" }) : null,
    progress.element, h("div", { class: "actions" }, save), said.element);
}

/** @param {import("../registry.js").ScreenContext} ctx */
function newGoalForm(ctx) {
  const goal = textInput("My goal", "", { hint: "Something clear that you could tell you had done." });
  const termId = uid("term");
  const term = /** @type {HTMLSelectElement} */ (h("select", { id: termId },
    h("option", { value: "short", text: "Short term: the next few weeks" }),
    h("option", { value: "long", text: "Long term: the next months or year" })));
  const steps = textArea("How will I get there?", "", { rows: 2 });
  const said = saying();
  const form = h("form", { novalidate: true }, h("h2", { text: "Add a goal" }),
    h("p", { class: "hint", text: "Agree your goals with your clinician. They will see new goals at your next session." }),
    goal.element, h("label", { for: termId, text: "Short or long term?" }), term, steps.element,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: "Add this goal" })), said.element);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!goal.read()) {
      said.say("Please write the goal first.");
      goal.input.focus();
      return;
    }
    await saveRecord(TOOL, crypto.randomUUID(), 0, { goal: goal.read(), term: term.value, steps: steps.read(), progress: 0, status: "open" });
    ctx.saved();
    ctx.go("/tools?tool=goals", { replace: true });
  });
  return form;
}

/**
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 */
export async function renderGoals(main, ctx) {
  main.append(h("h1", { text: "My goals" }),
    h("p", { class: "lead", text: "Clear goals, agreed with your clinician. Move the slider as things change." }),
    savedNote(ctx.params) ? savedMessage(savedNote(ctx.params)) : "");
  const list = await listOf(TOOL);
  if (list.offlineAt) main.append(h("p", { class: "offline-copy", text: "No signal. These are your goals as last saved on this phone." }));
  for (const [term, heading] of [["short", "Short-term goals"], ["long", "Long-term goals"]]) {
    const mine = list.items.filter((g) => g.term === term && g.status !== "stopped");
    main.append(h("h2", { text: heading }), mine.length
      ? h("ul", { class: "entries" }, ...mine.map((g) => goalCard(g, ctx)))
      : h("p", { class: "hint", text: "None yet." }));
  }
  main.append(newGoalForm(ctx));
}
