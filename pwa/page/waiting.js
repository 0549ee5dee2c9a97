// @ts-check
/**
 * t("history.waiting"): everything still on this phone, why it is waiting, and what the
 * patient can do about it. Nothing here is ever dropped without the patient confirming.
 */
import { t } from "../shared/words.js";
import { call } from "../shared/api.js";
import { bodyOf, discard, patientRecords, rebase, retry } from "../shared/outbox.js";
import { h } from "../shared/dom.js";
import { message } from "../shared/message.js";
import { confirmDialog, timeOf } from "./dom.js";
import { reasonOf } from "../shared/reasons.js";
import { kick } from "./drainer.js";
import { categoryLabel } from "./entries.js";
import { registerScreen } from "./registry.js";

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 */
async function render(main, ctx) {
  const all = await patientRecords();
  main.append(h("h1", { text: t("status.waiting", { count: all.length }) }));
  if (all.length === 0) {
    main.append(h("p", { class: "message", text: t("waiting.all_sent") }));
    return;
  }
  main.append(
    h("p", { text: t("waiting.kept") }),
    h("div", { class: "actions" }, h("button", {
      class: "button", type: "button", text: t("waiting.try_now"),
      onclick: async () => {
        await kick(true);
        ctx.go("/waiting", { replace: true });
      },
    })));
  const list = h("ul", { class: "entries" });
  main.append(list);
  for (const record of all) list.append(await item(record, ctx));
}

/**
 * @param {import("../shared/outbox.js").OutboxRecord} record
 * @param {import("./registry.js").ScreenContext} ctx
 */
async function item(record, ctx) {
  const body = await bodyOf(record).catch(() => null);
  const name = record.kind === "entries"
    ? [body?.emotion, body?.urge].filter(Boolean).join(": ") || categoryLabel(body?.category || "")
    : body?.title || t("waiting.a_change");
  const named = body?.occurred_at ? `${name}, ${timeOf(body.occurred_at)}` : name;
  const what = record.op === "delete" ? t("waiting.deleting", { what: named }) : named;
  const redo = () => ctx.go("/waiting", { replace: true });
  const actions = h("div", { class: "actions" });
  const status = message("info");
  let state = t("waiting.will_send");
  if (record.state === "conflict") {
    state = t("waiting.conflict");
    actions.append(
      h("button", { class: "button", type: "button", text: t("waiting.keep_mine"), onclick: async () => {
        const version = record.server_version ?? (await serverVersion(record));
        if (version === undefined) {
          status.textContent = t("waiting.connect");
          return;
        }
        await rebase(record.key, version);
        await kick(true);
        redo();
      } }),
      h("button", { class: "button secondary", type: "button", text: t("waiting.use_other"), onclick: async () => {
        const sure = await confirmDialog({ title: t("waiting.use_other.title"), message: t("waiting.use_other.text"), confirm: t("waiting.delete_mine") });
        if (sure) await discard(record.key);
        redo();
      } }));
  } else if (record.state === "rejected") {
    state = t("waiting.refused", { reason: reasonOf(record.problem) });
    if (record.kind === "entries" && record.op === "upsert") {
      actions.append(h("a", { class: "button", href: `/entry?edit=${encodeURIComponent(record.id)}`, text: t("waiting.change") }));
    }
    actions.append(
      h("button", { class: "button secondary", type: "button", text: t("waiting.try_again"), onclick: async () => {
        await retry(record.key);
        await kick(true);
        redo();
      } }),
      h("button", { class: "button secondary", type: "button", text: t("history.delete.confirm"), onclick: async () => {
        const sure = await confirmDialog({ title: t("waiting.delete.title"), message: t("waiting.delete.text"), confirm: t("history.delete.confirm") });
        if (sure) await discard(record.key);
        redo();
      } }));
  } else if (record.next_at > Date.now()) {
    state = t("waiting.next", { time: timeOf(record.next_at) });
  }
  return h("li", { class: "waiting-item", "data-state": record.state, "data-key": record.key },
    h("p", { class: "entry-title", text: what }),
    h("p", { class: record.state === "queued" ? "" : "error", text: state }),
    actions,
    status);
}

/** The version the server holds now, to base "keep mine" on. @param {import("../shared/outbox.js").OutboxRecord} record */
async function serverVersion(record) {
  const reply = await call("GET", /** @type {import("../shared/api.js").ApiUrl} */ (record.url));
  return reply.ok ? reply.data?.version : undefined;
}

registerScreen({ path: "/waiting", title: t("history.waiting"), render });
