// @ts-check
/**
 * Withdrawing an entry: it leaves the patient's own diary at once, and their care team
 * still sees it, marked as withdrawn, because it is part of the clinical record. Queued
 * like any other change, so it works without a signal. Loaded on first use.
 */
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
    title: "Withdraw this entry?",
    message: `"${title}" will leave your diary straight away. Your care team will still be able to see it, marked "withdrawn by you", because it is part of your health record and is kept for as long as the law on health records says. If you want them to stop seeing it too, use Delete instead.`,
    confirm: "Withdraw it",
    cancel: "Keep it",
  });
  if (!sure) return;
  // Its own kind: sent by itself (after any queued entries), not in a sync batch.
  await enqueue({ kind: "withdrawals", id: entry.id, method: "POST", url: `/api/v1/entries/${entry.id}/withdraw` });
  void kick(true);
  ctx.go("/history", { replace: true });
}
