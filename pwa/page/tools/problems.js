// @ts-check
/**
 * The problem-solving worksheet in four steps: define the problem in one sentence; write
 * down every possible solution without judging; choose one and plan it; try it and look
 * back. Saved as a draft at any step; open worksheets are gone through at the next session.
 */
import { t } from "../../shared/words.js";
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
    const idea = textInput(t("ps.idea", { n: items.length + 1 }), s.idea || "");
    const pros = textArea(t("ps.pros"), s.pros || "", { rows: 2 });
    const cons = textArea(t("ps.cons"), s.cons || "", { rows: 2 });
    const item = { idea, pros, cons, element: h("fieldset", { class: "solution" }, h("legend", { text: t("ps.solution", { n: items.length + 1 }) }), idea.element, pros.element, cons.element) };
    idea.input.addEventListener("input", () => changed.dispatchEvent(new Event("change")));
    items.push(item);
    rows.append(item.element);
  };
  (solutions.length ? solutions : [{}, {}]).forEach(add);
  const more = h("button", { class: "button secondary", type: "button", text: t("ps.another") });
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
  const problem = textArea(t("ps.what"), sheet.problem, { hint: t("ps.what_hint"), max: 300, rows: 2 });
  const solutions = solutionRows(sheet.solutions || []);
  const chosenId = uid("chosen");
  const chosen = /** @type {HTMLSelectElement} */ (h("select", { id: chosenId }));
  const fillChoices = () => {
    const keep = chosen.value;
    chosen.replaceChildren(h("option", { value: "", text: t("ps.not_chosen") }),
      ...solutions.read().map((s, i) => h("option", { value: String(i), text: s.idea })));
    chosen.value = keep;
  };
  fillChoices();
  if (sheet.chosen !== null && sheet.chosen !== undefined) chosen.value = String(sheet.chosen);
  solutions.changed.addEventListener("change", fillChoices);
  const firstStep = textArea(t("ps.first_step"), sheet.first_step);
  const when = textInput(t("ps.when"), sheet.when);
  const happened = textArea(t("ps.happened"), sheet.what_happened);
  const learned = textArea(t("ps.learned"), sheet.learned);
  const finished = checkbox(t("ps.finished"), sheet.status === "done");
  const said = saying();
  said.say(savedNote(ctx.params));
  const form = h("form", { novalidate: true },
    h("fieldset", {}, h("legend", { text: t("ps.step1") }), problem.element),
    h("fieldset", {}, h("legend", { text: t("ps.step2") }),
      h("p", { class: "hint", text: t("ps.step2_hint") }), solutions.element),
    h("fieldset", {}, h("legend", { text: t("ps.step3") }),
      h("p", { class: "hint", text: t("ps.step3_hint") }),
      h("label", { for: chosenId, text: t("ps.the_one") }), chosen, firstStep.element, when.element),
    h("fieldset", {}, h("legend", { text: t("ps.step4") }),
      h("p", { class: "hint", text: t("ps.step4_hint") }),
      happened.element, learned.element, finished.element),
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: t("form.save") }),
      h("a", { class: "button secondary", href: "/tools?tool=problem-solving", text: t("ps.back") })),
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
  main.append(h("h1", { text: t("tools.problem-solving") }),
    h("p", { class: "lead", text: t("ps.lead") }));
  const list = await listOf(TOOL);
  const id = ctx.params.get("id");
  if (id) {
    const found = list.items.find((s) => s.id === id);
    worksheetForm(main, ctx, found || { id, version: 0, solutions: [], status: "open" });
    return;
  }
  main.append(h("p", { class: "actions" }, h("a", { class: "button", href: `/tools?tool=problem-solving&id=${crypto.randomUUID()}`, text: t("ps.start") })));
  recordList(main, list, "problem-solving", (s) => s.problem || t("ps.unwritten"),
    (s) => (s.status === "done" ? t("ps.done") : t("ps.open")));
}
