// @ts-check
/**
 * Calls to our API. The session cookie goes by itself; the CSRF token the sign-in gave us
 * is kept for this tab only (sessionStorage holds the token and a name, never patient
 * data) and sent with every unsafe request.
 */

const KEY = "diarycard-review-session";

/**
 * @typedef {{csrf_token: string, display_name: string, role: string, enrol?: boolean}} Session
 * `enrol`: true while the clinician still has to set up an authenticator app, false once
 * they have (checked with /me when unknown).
 */
/** @typedef {{status: number, ok: boolean, data: any}} Reply */

/** @returns {Session | null} */
export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || "null");
  } catch {
    return null;
  }
}

/** @param {Session | null} value */
export function remember(value) {
  if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
  else sessionStorage.removeItem(KEY);
}

/** Listeners told when the server says the session has ended. */
export const onSignedOut = new EventTarget();

/**
 * @param {string} method
 * @param {string} path under /api/v1
 * @param {unknown} [body]
 * @returns {Promise<Reply>}
 */
export async function call(method, path, body) {
  /** @type {Record<string, string>} */
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const token = session()?.csrf_token;
  if (method !== "GET" && token) headers["X-CSRF-Token"] = token;
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method, headers, credentials: "same-origin", cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { status: 0, ok: false, data: { detail: "We could not reach diarycard. Please check the connection and try again." } };
  }
  const type = response.headers.get("content-type") || "";
  const data = type.includes("json") ? await response.json() : null;
  if (response.status === 401 && !path.startsWith("/session")) {
    remember(null);
    onSignedOut.dispatchEvent(new Event("signedout"));
  }
  return { status: response.status, ok: response.ok, data };
}

/**
 * The reason from a problem+json body, in words.
 * @param {any} problem
 */
export function reasonOf(problem) {
  if (!problem || typeof problem !== "object") return "Something went wrong. Please try again.";
  return String(problem.detail || problem.title || "Something went wrong. Please try again.");
}
