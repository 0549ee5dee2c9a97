// @ts-check
/**
 * Checking it out: when I am sure I know what someone else thinks or feels, slow down and
 * check. The five ways to check come from the SCM slides on interpersonal skills.
 */
import { t } from "./words.js";
import { h } from "../../shared/dom.js";
import { afterSave, listOf, saveRecord, savedNote, TOOLS } from "./data.js";
import { checkbox, lines, rating, saying, textArea } from "./fields.js";
import { recordList } from "./list.js";

const TOOL = TOOLS.checking;

export const STRATEGIES = [
  { value: "ask", title: t("ci.s.ask"), example: t("ci.s.ask.example") },
  { value: "tentative", title: t("ci.s.tentative"), example: t("ci.s.tentative.example") },
  { value: "feeling", title: t("ci.s.feeling"), example: t("ci.s.feeling.example") },
  { value: "my_view", title: t("ci.s.my_view"), example: t("ci.s.my_view.example") },
  { value: "context", title: t("ci.s.context"), example: t("ci.s.context.example") },
];

function strategyGuide() {
  return h("details", {}, h("summary", { text: t("ci.five") }),
    h("ol", {}, ...STRATEGIES.map((s) => h("li", {}, h("strong", { text: s.title }), h("p", { class: "hint", text: s.example })))));
}

/**
 * @param {HTMLElement} main
 * @param {import("../registry.js").ScreenContext} ctx
 * @param {any} rec
 */
function checkingForm(main, ctx, rec) {
  const situation = textArea(t("ci.what"), rec.situation, { hint: t("ci.what_hint") });
  const assumed = textArea(t("ci.assumed"), rec.assumed);
  const sure = rating(t("ci.how_sure"), rec.how_sure ?? 50, { max: 100, words: (n) => t("ci.sure", { n }) });
  const others = lines(t("ci.else"), rec.other_explanations, t("ci.else_hint"));
  const used = STRATEGIES.map((s) => ({ value: s.value, box: checkbox(s.title, (rec.strategies || []).includes(s.value)) }));
  const asked = textArea(t("ci.asked"), rec.asked_or_said);
  const learned = textArea(t("ci.learned"), rec.learned);
  const finished = checkbox(t("ci.finished"), rec.status === "done");
  const said = saying();
  said.say(savedNote(ctx.params));
  const form = h("form", { novalidate: true }, situation.element, assumed.element, sure.element, others.element,
    h("fieldset", {}, h("legend", { text: t("ci.which") }), ...used.map((u) => u.box.element)),
    asked.element, learned.element, finished.element,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: t("form.save") }),
      h("a", { class: "button secondary", href: "/tools?tool=checking-it-out", text: t("ci.back") })),
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
  main.append(h("h1", { text: t("tools.checking-it-out") }),
    h("p", { class: "lead", text: t("ci.lead") }),
    strategyGuide());
  const list = await listOf(TOOL);
  const id = ctx.params.get("id");
  if (id) {
    checkingForm(main, ctx, list.items.find((r) => r.id === id) || { id, version: 0, status: "open" });
    return;
  }
  main.append(h("p", { class: "actions" }, h("a", { class: "button", href: `/tools?tool=checking-it-out&id=${crypto.randomUUID()}`, text: t("ci.start") })));
  recordList(main, list, "checking-it-out", (r) => r.situation || t("ci.unwritten"),
    (r) => (r.how_sure !== null && r.how_sure !== undefined ? t("ci.was_sure", { n: r.how_sure }) : t("ci.open")));
}
