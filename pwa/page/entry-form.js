// @ts-check
/**
 * The full entry form: for something not on the table (/entry?new=1) and for changing
 * an entry (/entry?edit=<id>). Every field is on one page; only category is required.
 * Behind a shut app lock (lock-write.js) it is the new-entry form only, reading nothing.
 */
import { t } from "../shared/words.js";
import { call } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { CATEGORIES, OUTCOMES, localTimestamp, pendingEntries, saveEntry, seen } from "./entries.js";
import { detailFields, timeField } from "./log-detail.js";
import { message } from "../shared/message.js";

let counter = 0;

/** @param {string} id @returns {Promise<{entry: any, version?: number} | null>} */
async function findEntry(id) {
  const pending = (await pendingEntries()).get(id);
  if (pending?.entry && pending.op === "upsert") return { entry: pending.entry };
  const known = seen.get(id);
  if (known) return { entry: known, version: known.version };
  // Offline and not seen on this phone: null.
  const reply = await call("GET", `/api/v1/entries/${encodeURIComponent(id)}`);
  return reply.ok ? { entry: reply.data, version: reply.data.version } : null;
}

/**
 * @param {string} label
 * @param {string} value
 * @param {string} [hint]
 */
function textField(label, value, hint) {
  const id = `f-${++counter}`;
  const input = /** @type {HTMLInputElement} */ (h("input", { id, type: "text", maxlength: "200", value }));
  return { input, element: h("div", {}, h("label", { for: id, text: label }), hint ? h("p", { class: "hint", text: hint }) : null, input) };
}

/**
 * @param {string} legend
 * @param {string} name
 * @param {{value: string, label: string}[]} options
 * @param {string | undefined} chosen
 */
function radios(legend, name, options, chosen) {
  const group = `${name}-${++counter}`;
  const inputs = options.map((o) => {
    const id = `${group}-${o.value}`;
    const input = /** @type {HTMLInputElement} */ (h("input", { id, type: "radio", name: group, value: o.value, checked: o.value === chosen }));
    return { input, element: h("label", { class: "check", for: id }, input, o.label) };
  });
  const element = h("fieldset", {}, h("legend", { text: legend }), ...inputs.map((i) => i.element));
  return { element, value: () => inputs.find((i) => i.input.checked)?.input.value };
}

/**
 * @typedef {{save: (entry: Record<string, any>) => Promise<void>, title: string,
 *   intro: HTMLElement[], cancel: string}} LockedForm
 * The lock is shut: a new entry only, kept by `save`; `cancel` is where Cancel goes.
 */

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 * @param {LockedForm} [locked]
 */
export async function entryForm(main, ctx, locked) {
  const editId = locked ? null : ctx.params.get("edit");
  const found = editId ? await findEntry(editId) : null;
  if (editId && !found) {
    main.append(
      h("h1", { text: t("form.cannot_open") }),
      h("p", { text: t("form.cannot_open.text") }),
      h("p", {}, h("a", { class: "button", href: "/history", text: t("form.go_diary") })));
    return;
  }
  // A new entry may start from a feeling named on Strong feelings (?emotion=...).
  const entry = found?.entry || { emotion: ctx.params.get("emotion")?.slice(0, 200) || undefined };
  const category = radios(t("form.category"), "category", CATEGORIES, entry.category);
  const emotion = textField(t("form.emotion"), entry.emotion || "", t("form.emotion.hint"));
  const urge = textField(t("form.urge"), entry.urge || "");
  const helpful = textField(t("form.helpful"), entry.helpful_response || "");
  const outcome = radios(t("log.what_happened"), "outcome", OUTCOMES, entry.outcome);
  const when = timeField(entry.occurred_at);
  const detail = detailFields(entry, null);
  const problem = message("problem");

  const form = h("form", { novalidate: true }, category.element, emotion.element, urge.element, helpful.element,
    outcome.element, when.element, detail.element, problem,
    h("div", { class: "actions" },
      h("button", { class: "button", type: "submit", text: editId ? t("form.save_changes") : t("form.save") }),
      h("a", { class: "button secondary", href: locked?.cancel || (editId ? "/history" : "/"), text: t("form.cancel") })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = category.value();
    const at = when.read() || (entry.occurred_at ? null : new Date());
    if (!chosen) {
      problem.textContent = t("form.choose_category");
      /** @type {HTMLElement} */ (category.element.querySelector("input"))?.focus();
      return;
    }
    if (at && at.getTime() > Date.now() + 60_000) {
      problem.textContent = t("log.future");
      return;
    }
    const written = {
      id: entry.id || crypto.randomUUID(),
      occurred_at: at ? localTimestamp(at) : entry.occurred_at,
      category: chosen,
      emotion: emotion.input.value.trim(),
      urge: urge.input.value.trim(),
      helpful_response: helpful.input.value.trim(),
      outcome: outcome.value(),
      ...detail.read(),
    };
    if (locked) {
      ctx.saved();
      await locked.save(written);
      return;
    }
    await saveEntry(written, found?.version, Boolean(editId));
    ctx.saved();
    ctx.go(editId ? "/history" : "/history?saved=1");
  });
  main.append(h("h1", { text: locked?.title || (editId ? t("form.change") : t("form.other")) }), ...(locked?.intro || []), form);
}
