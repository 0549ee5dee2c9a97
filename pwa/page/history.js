// @ts-check
/**
 * History: the patient's own entries, newest first, grouped by day, with what is still
 * waiting to send merged in. Changes and deletes go through the outbox like new entries.
 */
import { t } from "../shared/words.js";
import { h } from "../shared/dom.js";
import { confirmDialog, dayOf, later, savedMessage, timeOf } from "./dom.js";
import { categoryLabel, deleteEntry, loadEntries, outcomeLabel, pendingEntries, seen } from "./entries.js";
import { registerScreen } from "./registry.js";

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 */
async function render(main, ctx) {
  main.append(h("h1", { text: t("history.title") }),
    h("p", {}, h("a", { class: "button secondary", href: "/progress", text: t("progress.title") })));
  if (ctx.params.get("saved")) main.append(savedMessage(t("history.saved")));
  const list = h("div", { class: "days" });
  const more = h("div", { class: "actions" });
  main.append(list, more);

  const pending = await pendingEntries();
  const first = await loadEntries(null);
  if (first.offlineAt) {
    list.before(h("p", { class: "offline-copy", text: t("history.offline", { time: timeOf(first.offlineAt) }) }));
  } else if (first.failed) {
    list.before(h("p", { class: "message", text: t("history.failed") }));
  }
  /** @type {Map<string, any>} */
  const shown = new Map();
  for (const [id, p] of pending) if (p.op === "upsert" && p.entry) shown.set(id, { ...p.entry, pending: p.state });
  const add = (/** @type {any[]} */ items) => {
    for (const item of items) {
      seen.set(item.id, item);
      const p = pending.get(item.id);
      if (p?.op === "delete" || p?.op === "withdraw") continue;
      if (!p) shown.set(item.id, item);
      else if (p.entry) shown.set(item.id, { ...p.entry, version: item.version, pending: p.state });
    }
    draw(list, [...shown.values()], ctx);
  };
  add(first.data?.items || []);

  let cursor = first.data?.next_cursor;
  const button = h("button", { class: "button secondary", type: "button", text: t("history.older") });
  button.addEventListener("click", async () => {
    const page = await loadEntries(cursor);
    if (page.failed) {
      button.textContent = t("history.more_failed");
      return;
    }
    cursor = page.data?.next_cursor;
    add(page.data?.items || []);
    if (!cursor) button.remove();
  });
  if (cursor) more.append(button);
  if (shown.size === 0 && !first.failed) list.append(h("p", { text: t("history.empty") }));
}

/**
 * @param {HTMLElement} list
 * @param {any[]} items
 * @param {import("./registry.js").ScreenContext} ctx
 */
function draw(list, items, ctx) {
  items.sort((a, b) => Date.parse(b.occurred_at) - Date.parse(a.occurred_at));
  /** @type {Map<string, any[]>} */
  const days = new Map();
  for (const item of items) {
    const day = dayOf(item.occurred_at);
    if (!days.has(day)) days.set(day, []);
    days.get(day)?.push(item);
  }
  list.replaceChildren(...[...days].map(([day, entries]) => h("section", { class: "day" },
    h("h2", { text: day }),
    h("ul", { class: "entries" }, ...entries.map((entry) => card(entry, ctx))))));
}

/**
 * @param {any} entry
 * @param {import("./registry.js").ScreenContext} ctx
 */
function card(entry, ctx) {
  const title = [entry.emotion, entry.urge].filter(Boolean).join(": ") || categoryLabel(entry.category);
  const what = `${title}, ${timeOf(entry.occurred_at)}`;
  const badge = entry.pending === "queued" ? t("history.waiting") : entry.pending ? t("history.needs_you") : "";
  const remove = async () => {
    const sure = await confirmDialog({
      title: t("history.delete.title"),
      message: t("history.delete.text", { title }),
      confirm: t("history.delete.confirm"),
      cancel: t("dlg.keep"),
    });
    if (!sure) return;
    await deleteEntry(entry);
    ctx.go("/history", { replace: true });
  };
  return h("li", { class: "entry", "data-entry": entry.id },
    h("p", { class: "entry-title" }, h("span", { class: "visually-time", text: `${timeOf(entry.occurred_at)} ` }), title),
    h("p", { class: "hint", text: [categoryLabel(entry.category), outcomeLabel(entry.outcome)].filter(Boolean).join(" · ") }),
    entry.note ? h("p", { text: entry.note }) : null,
    badge ? h("p", {}, h("span", { class: "badge", text: badge })) : null,
    h("div", { class: "actions" },
      h("a", { class: "button secondary", href: `/entry?edit=${encodeURIComponent(entry.id)}`, "aria-label": t("history.change.label", { what }), text: t("history.change") }),
      h("button", { class: "button secondary", type: "button", "aria-label": t("history.delete.label", { what }), onclick: remove, text: t("history.delete") }),
      entry.pending ? null : h("button", { class: "button secondary", type: "button", "aria-label": t("history.withdraw.label", { what }), text: t("history.withdraw"),
        onclick: () => import("./withdraw.js").then((m) => m.withdraw(entry, title, ctx)) }),
      // An urge acted on can be looked at link by link, for the next session.
      !entry.pending && (entry.outcome === "acted" || entry.outcome === "partly")
        ? h("a", { class: "button secondary", href: `/tools?tool=chains&entry=${encodeURIComponent(entry.id)}`, "aria-label": t("history.chain.label", { what }), text: t("history.chain") }) : null));
}

registerScreen({ path: "/history", title: t("history.title"), nav: { label: t("history.title"), order: 20 }, render });

registerScreen({
  path: "/progress",
  title: t("progress.title"),
  async render(main) {
    await (await later(() => import("./progress.js"), main))?.render(main);
  },
});
