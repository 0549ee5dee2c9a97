// @ts-check
/**
 * History: the patient's own entries, newest first, grouped by day, with what is still
 * waiting to send merged in. Changes and deletes go through the outbox like new entries.
 */
import { h } from "../shared/dom.js";
import { confirmDialog, dayOf, later, savedMessage, timeOf } from "./dom.js";
import { categoryLabel, deleteEntry, loadEntries, outcomeLabel, pendingEntries, seen } from "./entries.js";
import { registerScreen } from "./registry.js";

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 */
async function render(main, ctx) {
  main.append(h("h1", { text: "My diary" }),
    h("p", {}, h("a", { class: "button secondary", href: "/progress", text: "How it's going" })));
  if (ctx.params.get("saved")) main.append(savedMessage("Saved."));
  const list = h("div", { class: "days" });
  const more = h("div", { class: "actions" });
  main.append(list, more);

  const pending = await pendingEntries();
  const first = await loadEntries(null);
  if (first.offlineAt) {
    list.before(h("p", { class: "offline-copy", text: `Showing your diary as saved on this phone at ${timeOf(first.offlineAt)}.` }));
  } else if (first.failed) {
    list.before(h("p", { class: "message", text: "Your diary could not be loaded just now. Entries on this phone are shown below." }));
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
  const button = h("button", { class: "button secondary", type: "button", text: "Show older entries" });
  button.addEventListener("click", async () => {
    const page = await loadEntries(cursor);
    if (page.failed) {
      button.textContent = "Could not load more. Try again";
      return;
    }
    cursor = page.data?.next_cursor;
    add(page.data?.items || []);
    if (!cursor) button.remove();
  });
  if (cursor) more.append(button);
  if (shown.size === 0 && !first.failed) list.append(h("p", { text: "Nothing here yet. What you log will appear here." }));
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
  const badge = entry.pending === "queued" ? "Waiting to send" : entry.pending ? "Needs you: see Waiting to send" : "";
  const remove = async () => {
    const sure = await confirmDialog({
      title: "Delete this entry?",
      message: `"${title}" will be deleted from your diary. Your clinician will no longer see it.`,
      confirm: "Delete it",
      cancel: "Keep it",
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
      h("a", { class: "button secondary", href: `/entry?edit=${encodeURIComponent(entry.id)}`, "aria-label": `Change: ${what}`, text: "Change" }),
      h("button", { class: "button secondary", type: "button", "aria-label": `Delete: ${what}`, onclick: remove, text: "Delete" }),
      entry.pending ? null : h("button", { class: "button secondary", type: "button", "aria-label": `Withdraw: ${what}`, text: "Withdraw",
        onclick: () => import("./withdraw.js").then((m) => m.withdraw(entry, title, ctx)) }),
      // An urge acted on can be looked at link by link, for the next session.
      !entry.pending && (entry.outcome === "acted" || entry.outcome === "partly")
        ? h("a", { class: "button secondary", href: `/tools?tool=chains&entry=${encodeURIComponent(entry.id)}`, "aria-label": `Look at the chain: ${what}`, text: "Look at the chain" }) : null));
}

registerScreen({ path: "/history", title: "My diary", nav: { label: "My diary", order: 20 }, render });

registerScreen({
  path: "/progress",
  title: "How it's going",
  async render(main) {
    await (await later(() => import("./progress.js"), main))?.render(main);
  },
});
