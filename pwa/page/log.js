// @ts-check
/**
 * Logging a familiar entry in three taps: (1) the row on the home screen, (2) whether
 * the helpful response was tried, shown as a prompt, (3) what happened with the urge,
 * which saves it. Time and detail are there, folded away, for whoever wants them.
 */
import { t } from "../shared/words.js";
import { get } from "../shared/idb.js";
import { h } from "../shared/dom.js";
import { savedMessage } from "./dom.js";
import { OUTCOMES, loadTable, localTimestamp, saveEntry } from "./entries.js";
import { entryForm } from "./entry-form.js";
import { detailFields, timeField } from "./log-detail.js";
import { registerScreen } from "./registry.js";
import { message } from "../shared/message.js";

const DEFAULT_RESPONSE = t("log.default_response");

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
      h("h1", { text: t("log.no_row") }),
      h("p", { text: t("log.no_row.text") }),
      h("p", {}, h("a", { class: "button", href: "/", text: t("log.back") })));
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
    h("p", { text: t("log.your_response") }),
    h("p", { class: "prompt", text: helpfulOf(row) }),
    h("h2", { text: t("log.tried") }),
    h("div", { class: "choices" },
      h("button", { class: "button", type: "button", "data-tried": "yes", onclick: () => next(true), text: t("log.tried.yes") }),
      h("button", { class: "button secondary", type: "button", "data-tried": "no", onclick: () => next(false), text: t("log.tried.no") })),
    h("p", { class: "hint" }, h("a", { href: "/tools?tool=learn&page=urges", text: t("log.why") })));
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
      problem.textContent = t("log.future");
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
    h("h2", { text: t("log.what_happened") }),
    h("div", { class: "choices" },
      ...OUTCOMES.map((o) => h("button", {
        class: o.value === "resisted" ? "button" : "button secondary",
        type: "button",
        "data-outcome": o.value,
        onclick: () => void choose(o.value),
        text: o.label,
      }))),
    problem,
    h("details", {}, h("summary", { text: t("log.earlier") }), when.element),
    h("details", {}, h("summary", { text: t("log.more") }), detail.element));
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
    savedMessage(t("log.saved"), { title: "h2" },
      h("p", { text: t("log.well_done") }),
      navigator.onLine ? null : h("p", { text: t("log.kept") })),
    // One tap to add detail to the entry just saved (the quick log saves on the outcome).
    h("p", {}, h("a", { class: "button secondary", href: `/entry?edit=${encodeURIComponent(entry.id)}`, text: t("log.add_detail") })),
    risky ? h("p", {}, h("a", { class: "button danger", href: "/crisis", text: t("crisis.open") })) : null,
    h("div", { class: "actions" },
      h("a", { class: "button", href: "/", text: t("log.back") }),
      h("a", { class: "button secondary", href: "/history", text: t("log.see_diary") })),
  ];
  step.replaceChildren(...parts.filter((p) => p !== null));
  focusFirstButton(step);
}

/** Keep keyboard and screen reader users with the step that just appeared. @param {HTMLElement} step */
function focusFirstButton(step) {
  /** @type {HTMLElement | null} */ (step.querySelector("button, a"))?.focus();
}

registerScreen({ path: "/entry", title: t("home.title"), render });
