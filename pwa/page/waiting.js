// @ts-check
/**
 * "Waiting to send": everything still on this phone, why it is waiting, and what the
 * patient can do about it. Nothing here is ever dropped without the patient confirming.
 */
import { call, reasonOf } from "../shared/api.js";
import { bodyOf, discard, patientRecords, rebase, retry } from "../shared/outbox.js";
import { h } from "../shared/dom.js";
import { message } from "../shared/message.js";
import { confirmDialog, timeOf } from "./dom.js";
import { kick } from "./drainer.js";
import { categoryLabel } from "./entries.js";
import { registerScreen } from "./registry.js";

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 */
async function render(main, ctx) {
  const all = await patientRecords();
  main.append(h("h1", { text: `Waiting to send: ${all.length}` }));
  if (all.length === 0) {
    main.append(h("p", { class: "message", text: "Everything has been sent." }));
    return;
  }
  main.append(
    h("p", { text: "These are kept safely on this phone until they reach the server." }),
    h("div", { class: "actions" }, h("button", {
      class: "button", type: "button", text: "Try sending now",
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
    : body?.title || "A change you made";
  const what = `${record.op === "delete" ? "Deleting " : ""}${name}${body?.occurred_at ? `, ${timeOf(body.occurred_at)}` : ""}`;
  const redo = () => ctx.go("/waiting", { replace: true });
  const actions = h("div", { class: "actions" });
  const status = message("info");
  let state = "Will be sent when there is a signal.";
  if (record.state === "conflict") {
    state = "This was changed somewhere else since you last saw it.";
    actions.append(
      h("button", { class: "button", type: "button", text: "Keep mine", onclick: async () => {
        const version = record.server_version ?? (await serverVersion(record));
        if (version === undefined) {
          status.textContent = "Please connect to the internet first, then try again.";
          return;
        }
        await rebase(record.key, version);
        await kick(true);
        redo();
      } }),
      h("button", { class: "button secondary", type: "button", text: "Use the other version", onclick: async () => {
        const sure = await confirmDialog({ title: "Use the other version?", message: "Your change on this phone will be deleted. The version already saved stays.", confirm: "Delete my change" });
        if (sure) await discard(record.key);
        redo();
      } }));
  } else if (record.state === "rejected") {
    state = `The server could not accept this: ${reasonOf(record.problem)}`;
    if (record.kind === "entries" && record.op === "upsert") {
      actions.append(h("a", { class: "button", href: `/entry?edit=${encodeURIComponent(record.id)}`, text: "Change it" }));
    }
    actions.append(
      h("button", { class: "button secondary", type: "button", text: "Try again", onclick: async () => {
        await retry(record.key);
        await kick(true);
        redo();
      } }),
      h("button", { class: "button secondary", type: "button", text: "Delete it", onclick: async () => {
        const sure = await confirmDialog({ title: "Delete this from the phone?", message: "It has not been sent, so it will be lost. This cannot be undone.", confirm: "Delete it" });
        if (sure) await discard(record.key);
        redo();
      } }));
  } else if (record.next_at > Date.now()) {
    state = `Could not be sent yet. Next try at ${timeOf(record.next_at)}.`;
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

registerScreen({ path: "/waiting", title: "Waiting to send", render });
