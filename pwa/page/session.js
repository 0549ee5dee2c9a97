// @ts-check
/**
 * Starting and ending a session on this phone. Signing out clears every piece of health
 * data the phone holds (outbox, last good copies, the sealing key and its app lock), even
 * with no signal; the server session is then ended the next time there is one.
 */
import { call } from "../shared/api.js";
import { clear, del, get, put } from "../shared/idb.js";
import { useKey } from "../shared/seal.js";
import { refreshSite } from "./crisis.js";
import { kick } from "./drainer.js";
import { signedIn } from "./lock-gate.js";

/** @param {any} body the reply to sign-in or invitation redemption */
export async function startSession(body) {
  const previous = await get("meta", "session");
  if (previous && previous.user_id !== body.user_id) {
    // Someone else on this phone. Their last good copies go; their unsent writes stay,
    // sealed and never sent as this person (the outbox sends only its owner's records),
    // until they sign in again or sign out and agree to delete them.
    await clear("copies");
    await del("meta", "site");
  }
  await put("meta", {
    user_id: body.user_id,
    role: body.role,
    login: body.login,
    display_name: body.display_name,
    csrf_token: body.csrf_token,
  }, "session");
  await signedIn();
  window.dispatchEvent(new Event("diarycard:session"));
  await refreshSite();
  void kick(true);
}

/** Sign out: end the server session if we can, and clear the phone either way. */
export async function endSession() {
  try {
    const reply = await call("DELETE", "/api/v1/session");
    if (!reply.ok && reply.status !== 401) throw new Error("not signed out");
  } catch {
    const session = await get("meta", "session");
    await put("meta", { csrf_token: session?.csrf_token }, "signout-pending");
  }
  await forget();
  window.dispatchEvent(new Event("diarycard:session"));
}

async function forget() {
  const session = await get("meta", "session");
  await clear("outbox");
  await clear("copies");
  useKey(null);
  const mine = session ? [`lock:${session.user_id}`, `lock-off:${session.user_id}`] : [];
  for (const key of ["session", "key", "site", "lockscreen-key", ...mine]) await del("meta", key);
}

/** Finish a sign-out that happened with no signal. */
export async function finishPendingSignOut() {
  const pending = await get("meta", "signout-pending");
  if (!pending || !navigator.onLine) return;
  try {
    const response = await fetch("/api/v1/session", {
      method: "DELETE",
      headers: { "X-CSRF-Token": pending.csrf_token || "" },
      credentials: "same-origin",
    });
    if (response.ok || response.status === 401 || response.status === 403) await del("meta", "signout-pending");
  } catch {
    /* still offline */
  }
}
