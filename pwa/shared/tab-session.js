// @ts-check
/**
 * The staff apps' session (review and accounts). The session cookie goes by itself; the
 * CSRF token the sign-in gave us is kept for this tab only (sessionStorage holds the token
 * and a name, never patient data). Importing this module makes the API client use it.
 */
import { useSession } from "./api.js";

const KEY = "diarycard-review-session";

/**
 * @typedef {{csrf_token: string, display_name: string, role: string, enrol?: boolean}} StaffSession
 * `enrol`: true while the clinician still has to set up an authenticator app, false once
 * they have (checked with /me when unknown).
 */

/** @returns {StaffSession | null} */
export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || "null");
  } catch {
    return null;
  }
}

/** @param {StaffSession | null} value */
export function remember(value) {
  if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
  else sessionStorage.removeItem(KEY);
}

/** Listeners told ("signedout") when the server says the session has ended. */
export const onSignedOut = new EventTarget();

/** @type {import("./api.js").SessionKeeper} */
export const tabSession = {
  csrf: async () => session()?.csrf_token,
  async ended() {
    remember(null);
    onSignedOut.dispatchEvent(new Event("signedout"));
  },
};
useSession(tabSession);
