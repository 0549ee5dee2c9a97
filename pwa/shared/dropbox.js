// @ts-check
/**
 * The drop box: a diary entry written while the app lock cannot open (a restart with no
 * signal) is sealed to a public key, so it can be written but not read back. The private
 * half is kept only sealed under the diary's key (seal.js), so opening the lock (PIN or
 * password) is the only way to open what was dropped in.
 *
 * ECDH P-256, ephemeral-static, as in ECIES: each entry gets a fresh key pair; the shared
 * secret goes through HKDF-SHA-256 (bound to both public keys) to a one-off AES-GCM key,
 * and the record's own name is the additional data, so a sealed body cannot be moved to
 * another record. Chosen over RSA-OAEP because a key pair is made in milliseconds on a
 * cheap phone (RSA's takes seconds), the keys and the overhead are small (65 bytes a
 * public key), and P-256 is in every browser's WebCrypto (X25519 is not yet).
 */

const CURVE = { name: "ECDH", namedCurve: "P-256" };
const INFO = "diarycard drop box v1";

/** @typedef {{public: Uint8Array, private: {iv: Uint8Array, data: ArrayBuffer}}} Dropbox */
/** @typedef {{box: 1, epk: Uint8Array, iv: Uint8Array, data: ArrayBuffer}} Boxed */

const encode = (/** @type {string} */ text) => new TextEncoder().encode(text);

/**
 * A new drop box: the public half in the clear, the private half sealed under the diary's key.
 * @param {CryptoKey} diaryKey
 * @returns {Promise<Dropbox>}
 */
export async function makeDropbox(diaryKey) {
  const pair = /** @type {CryptoKeyPair} */ (await crypto.subtle.generateKey(CURVE, true, ["deriveBits"]));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", pair.privateKey);
  return {
    public: new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)),
    private: { iv, data: await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encode(INFO) }, diaryKey, pkcs8) },
  };
}

/**
 * @param {ArrayBuffer} shared the ECDH secret
 * @param {Uint8Array} epk the entry's public key
 * @param {Uint8Array} recipient the drop box's public key
 * @param {KeyUsage} use
 */
async function entryKey(shared, epk, recipient, use) {
  const info = new Uint8Array([...encode(INFO), ...epk, ...recipient]);
  const base = await crypto.subtle.importKey("raw", shared, "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info },
    base, { name: "AES-GCM", length: 256 }, false, [use]);
}

/**
 * Seal a value so that only the drop box's private key opens it.
 * @param {unknown} value any JSON value
 * @param {Dropbox} box
 * @param {string} label the record it belongs to (bound as additional data)
 * @returns {Promise<Boxed>}
 */
export async function sealToBox(value, box, label) {
  const recipient = await crypto.subtle.importKey("raw", box.public, CURVE, false, []);
  const pair = /** @type {CryptoKeyPair} */ (await crypto.subtle.generateKey(CURVE, false, ["deriveBits"]));
  const epk = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const shared = await crypto.subtle.deriveBits({ name: "ECDH", public: recipient }, pair.privateKey, 256);
  const key = await entryKey(shared, epk, box.public, "encrypt");
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = encode(JSON.stringify(value));
  return { box: 1, epk, iv, data: await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encode(label) }, key, plain) };
}

/**
 * Open what was dropped in: needs the diary's key (the lock open).
 * @param {Boxed} sealed
 * @param {Dropbox} box
 * @param {CryptoKey} diaryKey
 * @param {string} label
 * @returns {Promise<any>}
 */
export async function openBox(sealed, box, diaryKey, label) {
  const pkcs8 = await crypto.subtle.decrypt({ name: "AES-GCM", iv: box.private.iv, additionalData: encode(INFO) }, diaryKey, box.private.data);
  const mine = await crypto.subtle.importKey("pkcs8", pkcs8, CURVE, false, ["deriveBits"]);
  const theirs = await crypto.subtle.importKey("raw", sealed.epk, CURVE, false, []);
  const shared = await crypto.subtle.deriveBits({ name: "ECDH", public: theirs }, mine, 256);
  const key = await entryKey(shared, sealed.epk, box.public, "decrypt");
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv, additionalData: encode(label) }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain));
}

/** @param {any} sealed @returns {sealed is Boxed} true for a body sealed to the drop box */
export function inBox(sealed) {
  return Boolean(sealed && sealed.box === 1);
}
