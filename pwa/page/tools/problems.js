// @ts-check
/**
 * The problem-solving worksheet in four steps: define the problem in one sentence; write
 * down every possible solution without judging; choose one and plan it; try it and look
 * back. Saved as a draft at any step; open worksheets are gone through at the next session.
 */
import { h } from "../../shared/dom.js";
import { afterSave, listOf, saveRecord, savedNote, TOOLS } from "./data.js";
import { checkbox, saying, textArea, textInput, uid } from "./fields.js";
import { recordList } from "./list.js";

const TOOL = TOOLS.problems;

/** @param {any[]} solutions */
function solutionRows(solutions) {
  const rows = h("div", {});
  /** @type {{idea: any, pros: any, cons: any, element: HTMLElement}[]} */
  const items = [];
  const changed = new EventTarget();
  /** @param {any} s */
  const add = (s) => {
    const idea = textInput(`Idea ${items.length + 1}`, s.idea || "");
    const pros = textArea("Good things about it", s.pros || "", { rows: 2 });
    const cons = textArea("Not so good things about it", s.cons || "", { rows: 2 });
    const item = { idea, pros, cons, element: h("fieldset", { class: "solution" }, h("legend", { text: `Possible solution ${items.length + 1}` }), idea.element, pros.element, cons.element) };
    idea.input.addEventListener("input", () => changed.dispatchEvent(new Event("change")));
    items.push(item);
    rows.append(item.element);
  };
  (solutions.length ? solutions : [{}, {}]).forEach(add);
  const more = h("button", { class: "button secondary", type: "button", text: "Add another idea" });
  more.addEventListener("click", () => {
    add({});
    items[items.length - 1].idea.input.focus();
    changed.dispatchEvent(new Event("change"));
  });
  const read = () => items.map((i) => ({ idea: i.idea.read(), pros: i.pros.read(), cons: i.cons.read() })).filter((s) => s.idea);
  return { element: h("div", {}, rows, more), read, changed };
}

/**
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 * @param {any} sheet the worksheet to edit (a new one has version 0)
 */
function worksheetForm(main, ctx, sheet) {
  const problem = textArea("1. What is the problem?", sheet.problem, { hint: "Say it in one sentence, as clearly as you can.", max: 300, rows: 2 });
  const solutions = solutionRows(sheet.solutions || []);
  const chosenId = uid("chosen");
  const chosen = /** @type {HTMLSelectElement} */ (h("select", { id: chosenId }));
  const fillChoices = () => {
    const keep = chosen.value;
    chosen.replaceChildren(h("option", { value: "", text: "Not chosen yet" }),
      ...solutions.read().map((s, i) => h("option", { value: String(i), text: s.idea })));
    chosen.value = keep;
  };
  fillChoices();
  if (sheet.chosen !== null && sheet.chosen !== undefined) chosen.value = String(sheet.chosen);
  solutions.changed.addEventListener("change", fillChoices);
  const firstStep = textArea("What is the first step?", sheet.first_step);
  const when = textInput("When will you do it?", sheet.when);
  const happened = textArea("What happened when you tried it?", sheet.what_happened);
  const learned = textArea("What did you learn?", sheet.learned);
  const finished = checkbox("This worksheet is finished", sheet.status === "done");
  const said = saying();
  said.say(savedNote(ctx.params));
  const form = h("form", { novalidate: true },
    h("fieldset", {}, h("legend", { text: "Step 1: Define the problem" }), problem.element),
    h("fieldset", {}, h("legend", { text: "Step 2: Think of possible solutions" }),
      h("p", { class: "hint", text: "Write down every idea, even ones that seem silly. Do not judge them yet." }), solutions.element),
    h("fieldset", {}, h("legend", { text: "Step 3: Choose one and plan it" }),
      h("p", { class: "hint", text: "Weigh up the good and not so good things about each idea, then choose one to try." }),
      h("label", { for: chosenId, text: "The one I will try" }), chosen, firstStep.element, when.element),
    h("fieldset", {}, h("legend", { text: "Step 4: Try it and look back" }),
      h("p", { class: "hint", text: "Fill this in after you have tried it. You can go through it with your clinician." }),
      happened.element, learned.element, finished.element),
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: "Save" }),
      h("a", { class: "button secondary", href: "/tools?tool=problem-solving", text: "Back to my worksheets" })),
    said.element);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const list = solutions.read();
    const pick = chosen.value === "" ? null : Number(chosen.value);
    const outcome = await saveRecord(TOOL, sheet.id, sheet.version, {
      problem: problem.read(), solutions: list, chosen: pick !== null && pick < list.length ? pick : null,
      first_step: firstStep.read(), when: when.read(), what_happened: happened.read(), learned: learned.read(),
      status: finished.read() ? "done" : "open",
    });
    afterSave(ctx, outcome, said.say);
  });
  main.append(form);
}

/**
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 */
export async function renderProblems(main, ctx) {
  main.append(h("h1", { text: "Problem solving" }),
    h("p", { class: "lead", text: "Work through a problem in four steps. You can save it at any step and come back to it." }));
  const list = await listOf(TOOL);
  const id = ctx.params.get("id");
  if (id) {
    const found = list.items.find((s) => s.id === id);
    worksheetForm(main, ctx, found || { id, version: 0, solutions: [], status: "open" });
    return;
  }
  main.append(h("p", { class: "actions" }, h("a", { class: "button", href: `/tools?tool=problem-solving&id=${crypto.randomUUID()}`, text: "Start a new worksheet" })));
  recordList(main, list, "problem-solving", (s) => s.problem || "A problem not written down yet",
    (s) => (s.status === "done" ? "Finished" : "Open: to go through at your next session"));
}
