// @ts-check
/**
 * The between-session tools at /tools, one screen, the tool chosen by `?tool=` so each
 * opens offline. Importing this also adds the agreed plan to /crisis and the warning-sign link.
 */
import { t } from "../../shared/words.js";
import { currentSession } from "../../shared/phone-session.js";
import { h } from "../../shared/dom.js";
import { later } from "../dom.js";
import { registerScreen } from "../registry.js";
import "./plan-view.js";
import { renderProblems } from "./problems.js";
import "./warning.js";

/** The draft is written with the clinician: its editor loads on first use. @param {HTMLElement} main @param {any} ctx */
async function editPlan(main, ctx) {
  const editor = await later(() => import("./plan-edit.js"), main);
  await editor?.renderPlanEditor(main, ctx);
}

/** Loads on first use; a signed-in phone fetches it once anyway. @param {HTMLElement} main @param {any} ctx */
async function outcomes(main, ctx) {
  await (await later(() => import("./outcomes.js"), main))?.render(main, ctx);
}
// Goals and checking it out load on first use too (the first load stays small); a
// signed-in phone fetches them once in the background, so they also open offline.
const loadChecking = () => import("./checking.js");
const loadGoals = () => import("./goals.js");
const loadLearn = () => import("./learn.js");
const loadEmotions = () => import("./emotions.js");
void currentSession().then((s) => s && setTimeout(() => {
  import("./outcomes.js").then((m) => m.warm()).catch(() => {});
  for (const load of [loadChecking, loadGoals, loadLearn, loadEmotions, () => import("../progress.js")]) load().catch(() => {});
}, 3000));

// The tools' own styles (the CSP allows no inline styles).
document.head.append(h("link", { rel: "stylesheet", href: "/page/tools/tools.css" }));

/** @type {Record<string, {title: string, about: string, render: (main: HTMLElement, ctx: any) => unknown}>} */
const TOOLS = {
  "crisis-plan": { title: t("tools.crisis-plan"), about: t("tools.crisis-plan.about"), render: editPlan },
  "problem-solving": { title: t("tools.problem-solving"), about: t("tools.problem-solving.about"), render: renderProblems },
  "checking-it-out": { title: t("tools.checking-it-out"), about: t("tools.checking-it-out.about"), render: async (main, ctx) => (await later(loadChecking, main))?.renderChecking(main, ctx) },
  learn: { title: t("tools.learn"), about: t("tools.learn.about"), render: async (main, ctx) => (await later(loadLearn, main))?.render(main, ctx) },
  emotions: { title: t("tools.emotions"), about: t("tools.emotions.about"), render: async (main) => (await later(loadEmotions, main))?.renderEmotions(main) },
  "discharge-plan": { title: t("tools.discharge-plan"), about: t("tools.discharge-plan.about"),
    render: async (main, ctx) => (await later(() => import("./discharge.js"), main))?.render(main, ctx) },
  table: { title: t("tools.table"), about: t("tools.table.about"),
    render: async (main, ctx) => (await later(() => import("./table.js"), main))?.render(main, ctx) },
  chains: { title: t("tools.chains"), about: t("tools.chains.about"),
    render: async (main, ctx) => (await later(() => import("./chains.js"), main))?.render(main, ctx) },
  goals: { title: t("tools.goals"), about: t("tools.goals.about"), render: async (main, ctx) => (await later(loadGoals, main))?.renderGoals(main, ctx) },
  outcomes: { title: t("tools.outcomes"), about: t("tools.outcomes.about"), render: outcomes },
};

registerScreen({
  path: "/tools",
  title: t("tools.title"),
  nav: { label: t("tools.title"), order: 30 },
  async render(main, ctx) {
    const tool = TOOLS[ctx.params.get("tool") || ""];
    if (tool) {
      document.title = `${tool.title} · diarycard`;
      main.append(h("p", {}, h("a", { href: "/tools", text: t("tools.all") })));
      await tool.render(main, ctx);
      return;
    }
    main.append(h("h1", { text: t("tools.title") }),
      h("p", { class: "lead", text: t("tools.lead") }),
      h("ul", { class: "rows" }, ...Object.entries(TOOLS).map(([key, t]) => h("li", {},
        h("a", { class: "row-button", href: `/tools?tool=${key}` },
          h("span", { class: "row-emotion", text: t.title }),
          h("span", { text: t.about }))))));
  },
});
