// @ts-check
/**
 * When the page sends the outbox: at start, on `online`, on `visibilitychange`, after
 * each save, and again when the back-off of a waiting record runs out. Background Sync
 * (where the browser has it) lets the service worker send after the page is closed.
 */
import { records } from "../shared/outbox.js";
import { drain } from "../shared/sync.js";

/** @type {ReturnType<typeof setTimeout> | undefined} */
let timer;

/**
 * @param {boolean} force ignore back-off (the network is back, or the patient just saved)
 * @returns {Promise<string>}
 */
export async function kick(force) {
  let outcome = "offline";
  try {
    outcome = await drain({ force });
  } catch (error) {
    console.error("Sending the outbox failed", error instanceof Error ? error.name : "");
  }
  // Behind the app lock nothing can be sent: wait for the unlock, which kicks again.
  if (outcome !== "locked") await scheduleNext();
  if (outcome === "offline") await askForBackgroundSync();
  window.dispatchEvent(new CustomEvent("diarycard:drained", { detail: outcome }));
  return outcome;
}

async function scheduleNext() {
  clearTimeout(timer);
  const waiting = (await records()).filter((r) => r.state === "queued");
  if (waiting.length === 0) return;
  const soonest = Math.min(...waiting.map((r) => r.next_at));
  timer = setTimeout(() => void kick(false), Math.max(1000, soonest - Date.now()));
}

async function askForBackgroundSync() {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = /** @type {any} */ (registration)?.sync;
    if (sync) await sync.register("outbox");
  } catch {
    /* Not offered here (Safari, Firefox) or not allowed: the page drains on its own. */
  }
}
