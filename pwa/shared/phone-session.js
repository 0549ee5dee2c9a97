// @ts-check
/**
 * The patient's session on this phone, kept in IndexedDB so the service worker can send
 * the outbox too. A 401 marks it expired: unsent writes stay queued until the patient
 * signs in again. Importing this module makes the API client use it (the page, the
 * service worker, and any module loaded apart from the app's bundle, as tests do).
 */
import { useSession } from "./api.js";
import { get, put } from "./idb.js";

/**
 * @typedef {{user_id: string, role: string, login: string, display_name: string,
 *   csrf_token: string, expired?: boolean}} Session
 */

/** @returns {Promise<Session | undefined>} */
export function currentSession() {
  return get("meta", "session");
}

/** @type {import("./api.js").SessionKeeper} */
export const phoneSession = {
  csrf: async () => (await currentSession())?.csrf_token,
  async ended() {
    const session = await currentSession();
    if (session && !session.expired) await put("meta", { ...session, expired: true }, "session");
  },
};
useSession(phoneSession);
