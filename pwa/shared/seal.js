// @ts-check
/**
 * Health data at rest on the phone (unsent writes, last good copies) is sealed with
 * AES-GCM under a key that cannot be exported from the browser, so a raw dump of
 * IndexedDB shows no diary text. Signing out deletes the key with the data.
 */
import { done, get, transact } from "./idb.js";

const ALGORITHM = { name: "AES-GCM", length: 256 };

/** @returns {Promise<CryptoKey>} */
async function sealingKey() {
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
 * @returns {Promise<{iv: Uint8Array, data: ArrayBuffer}>}
 */
export async function seal(value) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await sealingKey(), plain);
  return { iv, data };
}

/**
 * @param {{iv: Uint8Array, data: ArrayBuffer}} sealed
 * @returns {Promise<any>}
 */
export async function unseal(sealed) {
  const key = await sealingKey();
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain));
}
