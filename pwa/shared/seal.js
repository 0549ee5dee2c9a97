// @ts-check
/**
 * Health data at rest on the phone (unsent writes, last good copies) is sealed with
 * AES-GCM, so a raw dump of IndexedDB shows no diary text. Signing out deletes the key
 * with the data.
 *
 * Without the app lock the key sits in IndexedDB, not exportable from the browser. With
 * it (lock-keys.js) the key is kept only wrapped, and lives in this module's memory while
 * the lock is open: a reload, or five minutes in the background, forgets it.
 */
import { currentSession } from "./phone-session.js";
import { done, get, transact } from "./idb.js";

const ALGORITHM = { name: "AES-GCM", length: 256 };

/** @type {CryptoKey | null} */
let opened = null;

/** The diary is behind the app lock: unlock first. */
export class Locked extends Error {
  constructor() {
    super("Locked");
    this.name = "Locked";
  }
}

/** @returns {Promise<any>} this person's app lock on this phone, if they set one */
export async function lockOf() {
  const session = await currentSession();
  return session ? get("meta", `lock:${session.user_id}`) : undefined;
}

/** True while this person's diary is behind the lock. */
export async function isLocked() {
  return !opened && Boolean(await lockOf());
}

/** Open the lock with the diary's key, or close it (null). @param {CryptoKey | null} key */
export function useKey(key) {
  opened = key;
}

/** @returns {CryptoKey | null} the diary's key while the lock is open */
export function openKey() {
  return opened;
}

/** @returns {Promise<CryptoKey>} */
async function sealingKey() {
  if (opened) return opened;
  if (await lockOf()) throw new Locked();
  const existing = await get("meta", "key");
  if (existing) return existing;
  const fresh = await crypto.subtle.generateKey(ALGORITHM, false, ["encrypt", "decrypt"]);
  // `add` fails if the page and the service worker raced; then use whichever won.
  try {
    await transact("meta", "readwrite", (tx) => done(tx.objectStore("meta").add(fresh, "key")));
    return fresh;
  } catch {
    return /** @type {CryptoKey} */ (await get("meta", "key"));
  }
}

/**
 * @param {unknown} value any JSON value
 * @param {CryptoKey} [key] another key than the diary's
 * @returns {Promise<{iv: Uint8Array, data: ArrayBuffer}>}
 */
export async function seal(value, key) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key || await sealingKey(), plain);
  return { iv, data };
}

/**
 * @param {{iv: Uint8Array, data: ArrayBuffer}} sealed
 * @param {CryptoKey} [key] another key than the diary's
 * @returns {Promise<any>}
 */
export async function unseal(sealed, key) {
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key || await sealingKey(), sealed.data);
  return JSON.parse(new TextDecoder().decode(plain));
}
