// @ts-check
/**
 * Whether the diary is behind the app lock (the screens themselves are in lock.js,
 * loaded on first use). The lock is on by default: a patient without a PIN is asked to
 * choose one before the diary opens; a site may let patients turn it off after a clear
 * warning. It locks on every reload and after five minutes in the background. The crisis
 * screen and sign-in are public, so they never wait behind it.
 */
import { get } from "../shared/idb.js";
import { isLocked, lockOf, useKey } from "../shared/seal.js";

export const LOCK_AFTER = 5 * 60 * 1000;

let resetAllowed = false;
let notNow = false;

/**
 * A password sign-in: if it opened a locked phone (a forgotten PIN, five wrong ones), a
 * new PIN may be chosen, once. Signing in while open allows nothing later on.
 */
export async function signedIn() {
  resetAllowed = await isLocked();
}

/** No signal to set a PIN: open the diary as before this time. */
export function skipForNow() {
  notNow = true;
}

/**
 * @param {import("../shared/phone-session.js").Session | undefined} session
 * @returns {Promise<"open" | "locked" | "reset" | "choose">}
 */
export async function lockState(session) {
  if (!session || session.role !== "patient") return "open";
  if (await lockOf()) {
    if (!(await isLocked())) {
      resetAllowed = false;
      return "open";
    }
    return resetAllowed && !session.expired ? "reset" : "locked";
  }
  // No PIN yet and the session has ended: setting one needs a sign-in first (the status
  // line asks for it); nothing new is readable here meanwhile.
  if (session.expired) return "open";
  const site = await get("meta", "site");
  if (site?.app_lock_optional && (await get("meta", `lock-off:${session.user_id}`))) return "open";
  return notNow ? "open" : "choose";
}

// Another tab of the app set the lock: this one's screens must wait behind it too.
try {
  new BroadcastChannel("diarycard-lock").onmessage = () => window.dispatchEvent(new Event("diarycard:locked"));
} catch {
  /* no BroadcastChannel: the next screen change asks again */
}

let hiddenAt = 0;
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") {
    hiddenAt = Date.now();
    return;
  }
  if (hiddenAt && Date.now() - hiddenAt >= LOCK_AFTER) {
    useKey(null);
    window.dispatchEvent(new Event("diarycard:locked"));
  }
  hiddenAt = 0;
});
