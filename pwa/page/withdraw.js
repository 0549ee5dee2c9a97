// @ts-check
/**
 * Withdrawing an entry: it leaves the patient's own diary at once, and their care team
 * still sees it, marked as withdrawn, because it is part of the clinical record. Queued
 * like any other change, so it works without a signal. Loaded on first use.
 */
import { t } from "./words.js";
import { enqueue } from "../shared/outbox.js";
import { confirmDialog } from "./dom.js";
import { kick } from "./drainer.js";

/**
 * @param {Record<string, any>} entry
 * @param {string} title
 * @param {import("./registry.js").ScreenContext} ctx
 */
export async function withdraw(entry, title, ctx) {
  const sure = await confirmDialog({
    title: t("withdraw.title"),
    message: t("withdraw.text", { title }),
    confirm: t("withdraw.confirm"),
    cancel: t("dlg.keep"),
  });
  if (!sure) return;
  // Its own kind: sent by itself (after any queued entries), not in a sync batch.
  await enqueue({ kind: "withdrawals", id: entry.id, method: "POST", url: `/api/v1/entries/${entry.id}/withdraw` });
  void kick(true);
  ctx.go("/history", { replace: true });
}
