// @ts-check
/**
 * Calls to our own API, for all three apps and the service worker. The session cookie
 * goes with every request and the CSRF token with every unsafe one; where the token is
 * kept is the app's business (useSession). A call never throws for want of a signal: it
 * answers status 0, so every screen handles "no answer" where it handles refusals.
 */

/**
 * @typedef {`/api/v1/${string}`} ApiUrl
 * Typed so that a path without the /api/v1 prefix fails the type check.
 * @typedef {{status: number, ok: boolean, data: any, retryAfter: number}} Reply
 * status 0: no answer, and data the problem `{code: "no-answer"}` (reasonOf words it). data: the JSON body (its shape is
 * the endpoint's, see schemas/openapi.json) or null. retryAfter: seconds, or 0.
 * @typedef {{csrf: () => Promise<string | undefined>, ended: () => Promise<void>}} SessionKeeper
 * csrf: the token for unsafe requests; ended: told of a 401 (but from /session itself).
 */

/** @type {SessionKeeper} */
let keeper = { csrf: async () => undefined, ended: async () => {} };

/** Where this app keeps its session: shared/phone-session.js and shared/tab-session.js call it. @param {SessionKeeper} k */
export function useSession(k) {
  keeper = k;
}

/**
 * @param {string} method
 * @param {ApiUrl} url
 * @param {unknown} [body]
 * @param {{timeout?: number}} [options] give up after this many ms (a signal too weak to use)
 * @returns {Promise<Reply>}
 */
export async function call(method, url, body, options = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const token = method === "GET" ? undefined : await keeper.csrf();
  if (token) headers["X-CSRF-Token"] = token;
  let response;
  let data = null;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
      signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
    });
    if ((response.headers.get("content-type") || "").includes("json")) data = await response.json();
  } catch {
    // Includes a body cut off half way: we cannot know what happened, so writes are retried.
    return { status: 0, ok: false, data: { code: "no-answer" }, retryAfter: 0 };
  }
  if (response.status === 401 && !url.startsWith("/api/v1/session")) await keeper.ended();
  const retryAfter = Number(response.headers.get("retry-after")) || 0;
  return { status: response.status, ok: response.ok, data, retryAfter };
}

/**
 * @typedef {{field: string, rule: string}} FieldError
 * @typedef {{detail?: string, title?: string, code?: string, errors?: FieldError[]}} Problem
 * Words for a Problem: reasonOf in reasons.js.
 */
