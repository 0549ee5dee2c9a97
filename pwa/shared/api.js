// @ts-check
/**
 * Calls to our own API from the page and the service worker: the session cookie goes
 * with every request, the CSRF token with every unsafe one, and a 401 marks the stored
 * session as expired (unsent writes stay queued until the patient signs in again).
 */
import { get, put } from "./idb.js";

/** The request never reached the server, or its answer never came back. */
export class NetworkError extends Error {
  constructor() {
    super("No connection");
    this.name = "NetworkError";
  }
}

/**
 * @typedef {{user_id: string, role: string, login: string, display_name: string,
 *   csrf_token: string, expired?: boolean}} Session
 * @typedef {{status: number, ok: boolean, data: any, retryAfter: number}} Reply
 */

/** @returns {Promise<Session | undefined>} */
export function currentSession() {
  return get("meta", "session");
}

/**
 * @param {string} method
 * @param {string} url
 * @param {unknown} [body]
 * @param {{timeout?: number}} [options] give up after this many ms (a signal too weak to use)
 * @returns {Promise<Reply>}
 */
export async function call(method, url, body, options = {}) {
  const session = await currentSession();
  /** @type {Record<string, string>} */
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && session?.csrf_token) headers["X-CSRF-Token"] = session.csrf_token;
  let response;
  /** @type {any} */
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
    // Includes a body cut off half way: we cannot know what happened, so it is retried.
    throw new NetworkError();
  }
  if (response.status === 401 && session && !session.expired && !url.endsWith("/session")) {
    await put("meta", { ...session, expired: true }, "session");
  }
  const retryAfter = Number(response.headers.get("retry-after")) || 0;
  return { status: response.status, ok: response.ok, data, retryAfter };
}

// Plain names for the fields a patient fills in, for messages about a refused entry.
const FIELD_NAMES = {
  occurred_at: "When it happened",
  category: "Kind of impulsivity",
  emotion: "Feeling",
  emotion_intensity: "How strong the feeling was",
  urge: "Urge",
  urge_strength: "How strong the urge was",
  indicators: "What you noticed",
  helpful_response: "Helpful response",
  outcome: "What happened",
  risk: "Risk",
  note: "Note",
};

/**
 * The reason from a problem+json body, naming each field in plain words where we can.
 * @param {any} problem
 * @returns {string}
 */
export function reasonOf(problem) {
  if (!problem || typeof problem !== "object") return "The server did not accept it.";
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length > 0) {
    return errors.map((/** @type {any} */ e) => {
      const path = String(e.field || "").split(".");
      const name = path.map((p) => /** @type {Record<string, string>} */ (FIELD_NAMES)[p]).filter(Boolean).pop();
      return `${name ? `${name} (${e.field})` : e.field}: ${e.rule}`;
    }).join("; ");
  }
  return String(problem.detail || problem.title || "The server did not accept it.");
}
