// @ts-check
/**
 * Logging a familiar entry in three taps: (1) the row on the home screen, (2) whether
 * the helpful response was tried, shown as a prompt, (3) what happened with the urge,
 * which saves it. Time and detail are there, folded away, for whoever wants them.
 */
import { get } from "../shared/idb.js";
import { h } from "../shared/dom.js";
import { savedMessage } from "./dom.js";
import { OUTCOMES, loadTable, localTimestamp, saveEntry } from "./entries.js";
import { entryForm } from "./entry-form.js";
import { detailFields, timeField } from "./log-detail.js";
import { registerScreen } from "./registry.js";
import { message } from "../shared/message.js";

const DEFAULT_RESPONSE = "Stop, think.";

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 */
async function render(main, ctx) {
  const rowId = ctx.params.get("row");
  if (!rowId) {
    await entryForm(main, ctx);
    return;
  }
  const table = await loadTable();
  const row = (table.data?.rows || []).find((/** @type {any} */ r) => r.id === rowId);
  if (!row) {
    main.append(
      h("h1", { text: "That row is not in your table" }),
      h("p", { text: "It may have been changed. Please choose again." }),
      h("p", {}, h("a", { class: "button", href: "/", text: "Back to my table" })));
    return;
  }
  main.append(h("h1", { text: `${row.emotion}: ${row.urge}` }));
  const step = h("div", { class: "step" });
  main.append(step);
  askTried(step, row, ctx);
}

/** The row's helpful response, or the seed's general one when the row names none. @param {any} row */
function helpfulOf(row) {
  return row.helpful_response || DEFAULT_RESPONSE;
}

/**
 * @param {HTMLElement} step
 * @param {any} row
 * @param {import("./registry.js").ScreenContext} ctx
 */
function askTried(step, row, ctx) {
  const next = (/** @type {boolean} */ tried) => askOutcome(step, row, tried, ctx);
  step.replaceChildren(
    h("p", { text: "Your helpful response:" }),
    h("p", { class: "prompt", text: helpfulOf(row) }),
    h("h2", { text: "Did you try it?" }),
    h("div", { class: "choices" },
      h("button", { class: "button", type: "button", "data-tried": "yes", onclick: () => next(true), text: "Yes, I tried it" }),
      h("button", { class: "button secondary", type: "button", "data-tried": "no", onclick: () => next(false), text: "Not this time" })),
    h("p", { class: "hint" }, h("a", { href: "/tools?tool=learn&page=urges", text: "Why urges rise and pass" })));
  focusFirstButton(step);
}

/**
 * @param {HTMLElement} step
 * @param {any} row
 * @param {boolean} tried
 * @param {import("./registry.js").ScreenContext} ctx
 */
function askOutcome(step, row, tried, ctx) {
  const when = timeField(undefined);
  const detail = detailFields({}, row);
  const problem = message("problem");
  const choose = async (/** @type {string} */ outcome) => {
    const at = when.read() || new Date();
    if (at.getTime() > Date.now() + 60_000) {
      problem.textContent = "That time is in the future. Please choose a time that has passed.";
      return;
    }
    const entry = await saveEntry({
      id: crypto.randomUUID(),
      occurred_at: localTimestamp(at),
      category: row.category,
      emotion: row.emotion,
      urge: row.urge,
      // What the patient was shown is what they tried: the default included (hazard H-002).
      helpful_response: tried ? helpfulOf(row) : undefined,
      outcome,
      ...detail.read(),
    });
    ctx.saved();
    await showSaved(step, entry);
  };
  step.replaceChildren(
    h("h2", { text: "What happened with the urge?" }),
    h("div", { class: "choices" },
      ...OUTCOMES.map((o) => h("button", {
        class: o.value === "resisted" ? "button" : "button secondary",
        type: "button",
        "data-outcome": o.value,
        onclick: () => void choose(o.value),
        text: o.label,
      }))),
    problem,
    h("details", {}, h("summary", { text: "This happened earlier" }), when.element),
    h("details", {}, h("summary", { text: "Add more detail (optional)" }), detail.element));
  focusFirstButton(step);
}

/**
 * @param {HTMLElement} step
 * @param {Record<string, any>} entry
 */
async function showSaved(step, entry) {
  // The site's floor (7 unless the service chose another) puts a strong risk urge one tap
  // from the crisis plan, whatever the plan's own thresholds say.
  const floor = (await get("meta", "site"))?.risk_floor ?? 7;
  const risky = (entry.risk?.self_harm ?? 0) >= floor || (entry.risk?.aggression ?? 0) >= floor;
  const parts = [
    savedMessage("Saved", { title: "h2" },
      h("p", { text: "Well done for noticing it and writing it down." }),
      navigator.onLine ? null : h("p", { text: "It is kept on this phone and will be sent when you have a signal." })),
    // One tap to add detail to the entry just saved (the quick log saves on the outcome).
    h("p", {}, h("a", { class: "button secondary", href: `/entry?edit=${encodeURIComponent(entry.id)}`, text: "Add more detail" })),
    risky ? h("p", {}, h("a", { class: "button danger", href: "/crisis", text: "Open my crisis plan" })) : null,
    h("div", { class: "actions" },
      h("a", { class: "button", href: "/", text: "Back to my table" }),
      h("a", { class: "button secondary", href: "/history", text: "See my diary" })),
  ];
  step.replaceChildren(...parts.filter((p) => p !== null));
  focusFirstButton(step);
}

/** Keep keyboard and screen reader users with the step that just appeared. @param {HTMLElement} step */
function focusFirstButton(step) {
  /** @type {HTMLElement | null} */ (step.querySelector("button, a"))?.focus();
}

registerScreen({ path: "/entry", title: "Log an urge", render });
