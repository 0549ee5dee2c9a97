// @ts-check
/**
 * Goals: short-term and long-term, agreed with the clinician, each with a progress
 * rating the patient updates as things move on.
 */
import { t } from "./words.js";
import { h } from "../../shared/dom.js";
import { afterSave, listOf, saveRecord, savedNote, TOOLS } from "./data.js";
import { rating, saying, textArea, textInput, uid } from "./fields.js";
import { onDay } from "./list.js";
import { message } from "../../shared/message.js";

const TOOL = TOOLS.goals;
const progressWords = (/** @type {number} */ n) => (n === 0 ? t("goals.not_started") : n === 10 ? t("goals.done") : t("fields.out_of", { n, max: 10 }));

/** @param {any} goal */
function fieldsOf(goal) {
  return { goal: goal.goal, term: goal.term, steps: goal.steps || "", progress: goal.progress ?? 0, status: goal.status || "open" };
}

/**
 * @param {any} goal
 * @param {import("../registry.js").ScreenContext} ctx
 */
function goalCard(goal, ctx) {
  const progress = rating(t("goals.progress_with", { goal: goal.goal }), goal.progress ?? 0, { words: progressWords });
  const said = saying();
  const save = h("button", { class: "button secondary", type: "button", text: t("goals.save") });
  save.addEventListener("click", async () => {
    const value = progress.read();
    const outcome = await saveRecord(TOOL, goal.id, goal.version, { ...fieldsOf(goal), progress: value, status: value === 10 ? "achieved" : goal.status || "open" });
    afterSave(ctx, outcome, said.say);
  });
  const agreed = goal.agreed_by ? t("goals.agreed", { name: goal.agreed_by, when: onDay(goal.agreed_at) }) : t("goals.not_agreed");
  return h("li", { class: "entry goal" },
    h("p", { class: "entry-title", text: goal.goal }),
    goal.steps ? h("p", { text: t("goals.how_steps", { steps: goal.steps }) }) : null,
    h("p", { class: "hint", text: agreed }),
    goal.waiting ? h("span", { class: "badge", text: t("history.waiting") }) : null,
    progress.element, h("div", { class: "actions" }, save), said.element);
}

/** @param {import("../registry.js").ScreenContext} ctx */
function newGoalForm(ctx) {
  const goal = textInput(t("goals.my_goal"), "", { hint: t("goals.my_goal_hint") });
  const termId = uid("term");
  const term = /** @type {HTMLSelectElement} */ (h("select", { id: termId },
    h("option", { value: "short", text: t("goals.short") }),
    h("option", { value: "long", text: t("goals.long") })));
  const steps = textArea(t("goals.how"), "", { rows: 2 });
  const said = saying();
  const form = h("form", { novalidate: true }, h("h2", { text: t("goals.add") }),
    h("p", { class: "hint", text: t("goals.add_hint") }),
    goal.element, h("label", { for: termId, text: t("goals.term") }), term, steps.element,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: t("goals.add_button") })), said.element);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!goal.read()) {
      said.say(t("goals.write_first"));
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
  main.append(h("h1", { text: t("tools.goals") }),
    h("p", { class: "lead", text: t("goals.lead") }),
    message("saved", savedNote(ctx.params)));
  const list = await listOf(TOOL);
  if (list.offlineAt) main.append(h("p", { class: "offline-copy", text: t("goals.offline") }));
  for (const [term, heading] of [["short", t("goals.short_title")], ["long", t("goals.long_title")]]) {
    const mine = list.items.filter((g) => g.term === term && g.status !== "stopped");
    main.append(h("h2", { text: heading }), mine.length
      ? h("ul", { class: "entries" }, ...mine.map((g) => goalCard(g, ctx)))
      : h("p", { class: "hint", text: t("goals.none_yet") }));
  }
  main.append(newGoalForm(ctx));
}
