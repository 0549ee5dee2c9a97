// @ts-check
/**
 * The agreed crisis plan on this phone: fetched while there is a signal and kept sealed in
 * IndexedDB (never in Cache Storage), so /crisis shows it with no signal and after the
 * session has expired. Signing out clears it with the other copies.
 */
import { call } from "../../shared/api.js";
import { get, put } from "../../shared/idb.js";
import { seal, unseal } from "../../shared/seal.js";

const KEY = "crisis-plan";

/** @returns {Promise<{plan: any, at: number} | null>} the copy on this phone, if any */
export async function keptPlan() {
  const copy = await get("copies", KEY);
  if (!copy) return null;
  try {
    return { plan: await unseal(copy.sealed), at: copy.at };
  } catch {
    return null; // sealed under a key that is gone (signed out): nothing to show
  }
}

/**
 * Fetch the current agreed plan and keep it. Answers the plan, or null when none is
 * agreed yet; throws when there is no signal or no session (the kept copy stays).
 */
export async function refreshPlan() {
  const reply = await call("GET", "/api/v1/crisis-plan", undefined, { timeout: 8000 });
  if (reply.status === 404) return null;
  if (!reply.ok) throw new Error(`crisis plan: ${reply.status}`);
  await put("copies", { at: Date.now(), sealed: await seal(reply.data) }, KEY);
  return reply.data;
}

/** Digits and + only, for a tel: link. @param {string} number */
export function dialable(number) {
  return String(number).replace(/[^0-9+]/g, "");
}

const words = (/** @type {string} */ s) => s.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Does this diary entry touch the plan? An early warning sign matches the entry's emotion,
 * urge or an indicator (either containing the other, ignoring case), or a risk item is at
 * or above the threshold agreed in the plan. Answers the reason in words, or null.
 * @param {any} entry the entry as saved (emotion, urge, indicators, risk)
 * @param {any} plan the agreed plan's `plan`
 * @returns {string | null}
 */
export function matchPlan(entry, plan) {
  if (!entry || !plan) return null;
  const noticed = [entry.emotion, entry.urge, ...(entry.indicators || [])]
    .filter((t) => typeof t === "string" && t.trim()).map(words);
  for (const sign of plan.warning_signs || []) {
    const s = words(sign);
    if (s && noticed.some((t) => t === s || (s.length >= 3 && t.includes(s)) || (t.length >= 3 && s.includes(t)))) {
      return `Early warning sign: ${sign}`;
    }
  }
  const risk = entry.risk || {};
  const limits = plan.thresholds || {};
  if (limits.self_harm && Number(risk.self_harm) >= limits.self_harm) {
    return `Urge to hurt myself at ${risk.self_harm} out of 10 (plan: ${limits.self_harm} or more)`;
  }
  if (limits.aggression && Number(risk.aggression) >= limits.aggression) {
    return `Urge to hurt someone else at ${risk.aggression} out of 10 (plan: ${limits.aggression} or more)`;
  }
  if (limits.substance_use && risk.substance_use === true) return "Used alcohol or drugs";
  return null;
}
