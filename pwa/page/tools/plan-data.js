// @ts-check
/**
 * The agreed crisis plan on this phone: fetched while there is a signal and kept sealed in
 * IndexedDB (never in Cache Storage), so /crisis shows it with no signal and after the
 * session has expired. Signing out clears it with the other copies.
 */
import { call } from "../../shared/api.js";
import { del, get, put } from "../../shared/idb.js";
import { Locked, isLocked, lockOf, seal, unseal } from "../../shared/seal.js";
import { t } from "../../shared/words.js";

const KEY = "crisis-plan";
const ON_LOCK = "crisis-plan-lock";

/**
 * The lock screen's copy is sealed under a key of its own that no PIN guards (it sits
 * beside the copy): a person in crisis must reach their own steps and people without
 * the PIN. The patient chooses whether it is kept (hazard H-060, docs/security.md).
 * @returns {Promise<CryptoKey>}
 */
async function lockScreenKey() {
  const kept = await get("meta", "lockscreen-key");
  if (kept) return kept;
  const fresh = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  await put("meta", fresh, "lockscreen-key");
  return fresh;
}

/**
 * Keep (or drop) the part of the plan shown on the lock screen: the self-help steps and
 * the people to call, only with the app lock on and only if the patient chose it.
 * @param {any} agreed the agreed plan, or null
 * @returns {Promise<any>} the part kept, if any
 */
export async function keepForLock(agreed) {
  const lock = await lockOf();
  if (!agreed || !lock || lock.plan_on_lock === false) return del("copies", ON_LOCK);
  const { self_help, contacts, professionals } = agreed.plan;
  const part = { ...agreed, plan: { self_help, contacts, professionals } };
  await put("copies", { at: Date.now(), sealed: await seal(part, await lockScreenKey()) }, ON_LOCK);
  return part;
}

/** @returns {Promise<{plan: any, at: number} | null>} the copy on this phone, if any */
export async function keptPlan() {
  const copy = await get("copies", KEY);
  try {
    if (copy) return { plan: await unseal(copy.sealed), at: copy.at };
  } catch {
    /* behind the app lock, or sealed under a key that is gone (signed out) */
  }
  const open = await get("copies", ON_LOCK);
  try {
    return open ? { plan: await unseal(open.sealed, await lockScreenKey()), at: open.at } : null;
  } catch {
    return null;
  }
}

/**
 * Fetch the current agreed plan and keep it. Answers the plan, or null when none is
 * agreed yet; throws when there is no signal or no session (the kept copy stays).
 */
export async function refreshPlan() {
  // Behind the lock, fetch only what the lock screen may show.
  if (await isLocked() && (await lockOf())?.plan_on_lock === false) throw new Locked();
  const reply = await call("GET", "/api/v1/crisis-plan", undefined, { timeout: 8000 });
  if (reply.status === 404) return null;
  if (!reply.ok) throw new Error(`crisis plan: ${reply.status}`);
  try {
    await put("copies", { at: Date.now(), sealed: await seal(reply.data) }, KEY);
  } catch (error) {
    if (!(error instanceof Locked)) throw error;
  }
  const part = await keepForLock(reply.data);
  return (await isLocked()) ? part : reply.data;
}

/** Digits and + only, for a tel: link. @param {string} number */
export function dialable(number) {
  return String(number).replace(/[^0-9+]/g, "");
}

// Warning signs match by whole words reduced to stems (H-011): Lonely ~ Loneliness,
// drinking ~ drunk; never "anger" in "danger".
const SAME_AS = { drunk: "drink", drank: "drink", angry: "anger", angrily: "anger", anxious: "anxiety", ashamed: "shame", guilty: "guilt", hungry: "hunger", scared: "scare", afraid: "fear" };
const SUFFIXES = [["iness", "y"], ["ies", "y"], ["ied", "y"], ["ness", ""], ["ingly", ""], ["ing", ""], ["edly", ""], ["ed", ""], ["ful", ""], ["dom", ""], ["ment", ""], ["ly", ""], ["s", ""]];
// Small words carry no sign on their own. Negations stay: "not sleeping" is a sign.
const FILLER = new Set("a an the my me i im i'm to of and or in on at for with about feel feeling felt get got getting be being been was is am are it its".split(" "));

/** @param {string} word */
export function stem(word) {
  let w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (SAME_AS[/** @type {keyof typeof SAME_AS} */ (w)]) return SAME_AS[/** @type {keyof typeof SAME_AS} */ (w)];
  let cut = false;
  for (let changed = true; changed;) {
    changed = false;
    for (const [suffix, keep] of SUFFIXES) {
      const keepS = suffix === "s" && /(ss|us|is)$/.test(w); // stress, nervous, crisis
      if (w.length - suffix.length >= 3 && w.endsWith(suffix) && !keepS) {
        w = w.slice(0, -suffix.length) + keep;
        cut = changed = true;
        break;
      }
    }
  }
  if (w.length > 3 && w.endsWith("y")) w = w.slice(0, -1);
  if (cut && w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  if (/([b-df-hj-km-rt-z])\1$/.test(w)) w = w.slice(0, -1); // cutt -> cut, stopp -> stop
  return w;
}

/** @param {unknown} text @returns {string[]} the stems of the words that mean something */
function stems(text) {
  return typeof text === "string"
    ? text.split(/[^A-Za-z']+/).filter((t) => t && !FILLER.has(t.toLowerCase())).map(stem).filter(Boolean)
    : [];
}

/** Does this early warning sign appear in what the patient wrote? @param {string} sign @param {Set<string>} seen */
export function signMatches(sign, seen) {
  const wanted = stems(sign);
  return wanted.length > 0 && wanted.every((w) => seen.has(w));
}

const same = (/** @type {unknown} */ a, /** @type {unknown} */ b) =>
  typeof a === "string" && typeof b === "string" && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Does this entry touch the plan? A linked table row (same emotion and urge), a warning
 * sign whose words are all in the emotion, urge, indicators or note, or a risk item at the
 * plan's threshold. Answers the reason in words, or null.
 * @param {any} entry the entry as saved (emotion, urge, indicators, note, risk)
 * @param {any} plan the agreed plan's `plan`
 * @returns {string | null}
 */
export function matchPlan(entry, plan) {
  if (!entry || !plan) return null;
  for (const row of plan.warning_rows || []) {
    if (same(row.emotion, entry.emotion) && same(row.urge, entry.urge)) return t("plan.reason.row", { emotion: row.emotion, urge: row.urge });
  }
  const seen = new Set([entry.emotion, entry.urge, ...(entry.indicators || []), entry.note].flatMap(stems));
  for (const sign of plan.warning_signs || []) {
    if (signMatches(sign, seen)) return t("plan.reason.sign", { sign });
  }
  const risk = entry.risk || {};
  const limits = plan.thresholds || {};
  if (limits.self_harm && Number(risk.self_harm) >= limits.self_harm) {
    return t("plan.reason.self_harm", { level: risk.self_harm, limit: limits.self_harm });
  }
  if (limits.aggression && Number(risk.aggression) >= limits.aggression) {
    return t("plan.reason.aggression", { level: risk.aggression, limit: limits.aggression });
  }
  if (limits.substance_use && risk.substance_use === true) return t("plan.reason.substance");
  return null;
}
