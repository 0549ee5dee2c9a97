// @ts-check
/**
 * The keys of the app lock. The diary's key (seal.js) is kept on the phone only wrapped
 * (AES-KW), twice:
 *  - under a key from the PIN (PBKDF2, 600,000 rounds of SHA-256) together with a server
 *    key, so a copy of the phone's storage cannot be tried against every PIN offline: the
 *    server hands its key out only for the right PIN and counts wrong ones (five end the
 *    session);
 *  - under the server key alone, which the server gives to a fresh password sign-in: a
 *    forgotten PIN, or five wrong ones, lose nothing.
 * The phone sends the server a check value from the PIN (the other half of PBKDF2's
 * output), never the PIN. While the page lives it keeps the server key in memory, so the
 * lock opens again with no signal after a spell in the background; after a reload it
 * needs a signal (the crisis plan never does). Meanwhile new entries can still be written:
 * they are sealed to the drop box (dropbox.js), whose private key is kept wrapped under
 * the diary's key, and opened into the outbox when the lock next opens.
 */
import { call } from "./api.js";
import { currentSession } from "./phone-session.js";
import { all, done, get, transact } from "./idb.js";
import { lockOf, openKey, seal, unseal, useKey } from "./seal.js";
import { makeDropbox } from "./dropbox.js";
import { unbox } from "./outbox.js";

export const ITERATIONS = 600_000;
const GCM = { name: "AES-GCM", length: 256 };

/** The server's keys while the page lives, by the device id they were given for (the
 * PIN's, and the screen lock's when it is used). @type {Map<string, Uint8Array>} */
const serverKeys = new Map();

const encode = (/** @type {string} */ text) => new TextEncoder().encode(text);
export const base64url = (/** @type {Uint8Array} */ bytes) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
export const bytesOf = (/** @type {string} */ text) =>
  Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/** @param {string} pin @param {Uint8Array} salt @param {number} iterations */
async function fromPin(pin, salt, iterations) {
  const base = await crypto.subtle.importKey("raw", encode(pin), "PBKDF2", false, ["deriveBits"]);
  const bits = new Uint8Array(await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations }, base, 512));
  return { secret: bits.slice(0, 32), check: base64url(bits.slice(32)) };
}

/** @param {Uint8Array} secret @param {Uint8Array} server */
export async function pinWrapKey(secret, server) {
  const both = new Uint8Array(64);
  both.set(secret);
  both.set(server, 32);
  const base = await crypto.subtle.importKey("raw", both, "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info: encode("diarycard app lock") },
    base, { name: "AES-KW", length: 256 }, false, ["wrapKey", "unwrapKey"]);
}

/** @param {Uint8Array} server */
function serverWrapKey(server) {
  return crypto.subtle.importKey("raw", server, "AES-KW", false, ["wrapKey", "unwrapKey"]);
}

/** @param {ArrayBuffer} wrapped @param {CryptoKey} by */
function unwrap(wrapped, by) {
  return crypto.subtle.unwrapKey("raw", wrapped, by, "AES-KW", GCM, true, ["encrypt", "decrypt"]);
}

/**
 * Set (or, after a password sign-in, reset) this phone's PIN. Needs a signal.
 * @param {string} pin
 * @param {boolean} planOnLock show the patient's own steps and people on the lock screen
 * @returns {Promise<{ok: true} | {ok: false, reply?: any}>}
 */
export async function setPin(pin, planOnLock) {
  const session = await currentSession();
  if (!session) return { ok: false };
  const existing = await lockOf();
  const device = existing?.device_id || crypto.randomUUID();
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const { secret, check } = await fromPin(pin, salt, ITERATIONS);
  const reply = await call("PUT", "/api/v1/me/device-key", { device_id: device, pin_check: check });
  if (!reply.ok) return { ok: false, reply };
  const server = bytesOf(reply.data.key);
  let key = openKey();
  // A forgotten PIN: the same server key unwraps the diary's key, so nothing is lost.
  if (!key && existing) key = await unwrap(existing.wrapped_server, await serverWrapKey(server));
  const fresh = !key;
  if (!key) key = await crypto.subtle.generateKey(GCM, true, ["encrypt", "decrypt"]);
  const record = {
    user_id: session.user_id, device_id: device, salt, iterations: ITERATIONS,
    plan_on_lock: planOnLock, failures: 0,
    wrapped_pin: await crypto.subtle.wrapKey("raw", key, await pinWrapKey(secret, server), "AES-KW"),
    wrapped_server: await crypto.subtle.wrapKey("raw", key, await serverWrapKey(server), "AES-KW"),
    // Kept through a new PIN: it is sealed under the diary's key, which stays the same.
    dropbox: existing?.dropbox || await makeDropbox(key),
  };
  if (fresh) await adopt(key, record, `lock:${session.user_id}`);
  else await transact("meta", "readwrite", (tx) => done(tx.objectStore("meta").put(record, `lock:${session.user_id}`)));
  useKey(key);
  serverKeys.set(device, server);
  await unbox();
  if (fresh) {
    try {
      new BroadcastChannel("diarycard-lock").postMessage("set");
    } catch {
      /* no BroadcastChannel */
    }
  }
  return { ok: true };
}

/**
 * The first lock on this phone: seal again under the new key everything the old,
 * unwrapped key sealed, then store the lock and drop the old key, in one transaction, so
 * a crash half way leaves the old state whole. An unsent write changed meanwhile starts
 * it again.
 * @param {CryptoKey} key @param {any} record @param {string} name
 */
async function adopt(key, record, name) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const old = await get("meta", "key");
    /** @type {any[]} */
    const outbox = [];
    /** @type {any[]} */
    const copies = [];
    if (old) {
      // Only this person's: another person's unsent writes on this phone stay as they are.
      for (const r of (await all("outbox")).filter((x) => x.user_id === record.user_id)) {
        outbox.push({ ...r, sealed: r.sealed && await seal(await unseal(r.sealed, old), key) });
      }
      const db = await transact("copies", "readonly", async (tx) => {
        const store = tx.objectStore("copies");
        return { keys: await done(store.getAllKeys()), values: await done(store.getAll()) };
      });
      for (let i = 0; i < db.keys.length; i += 1) {
        try {
          copies.push([db.keys[i], { ...db.values[i], sealed: await seal(await unseal(db.values[i].sealed, old), key) }]);
        } catch {
          /* a copy from a key long gone: it is fetched again */
        }
      }
    }
    const stored = await transact(["outbox", "copies", "meta"], "readwrite", async (tx) => {
      // Check everything before writing anything: a changed record means start again.
      const store = tx.objectStore("outbox");
      const mine = (await done(store.getAll())).filter((r) => r.user_id === record.user_id);
      const now = new Map(mine.map((r) => [r.key, r.rev]));
      if (now.size !== outbox.length || outbox.some((r) => now.get(r.key) !== r.rev)) return false;
      for (const r of outbox) store.put(r);
      tx.objectStore("copies").clear();
      for (const [k, v] of copies) tx.objectStore("copies").put(v, k);
      tx.objectStore("meta").put(record, name);
      tx.objectStore("meta").delete("key");
      return true;
    });
    if (stored) return;
  }
  throw new Error("The outbox kept changing while the lock was being set");
}

/**
 * Open the lock with a PIN.
 * @param {string} pin
 * @returns {Promise<{outcome: "open" | "wrong" | "signin" | "offline" | "error", message?: string}>}
 */
export async function unlock(pin) {
  const session = await currentSession();
  const lock = await lockOf();
  if (!session || !lock) return { outcome: "signin" };
  if (lock.signin_needed) return { outcome: "signin" };
  const { secret, check } = await fromPin(pin, lock.salt, lock.iterations);
  return openWith(lock, lock.device_id, lock.wrapped_pin, secret, check);
}

/**
 * Open the lock with a secret and its check value (from the PIN, or from the phone's
 * screen lock: lock-passkey.js), each with its own device id on the server.
 * @param {any} lock @param {string} device @param {ArrayBuffer} wrapped the diary's key
 * @param {Uint8Array} secret @param {string} check
 * @returns {Promise<{outcome: "open" | "wrong" | "signin" | "offline" | "error", message?: string}>}
 */
export async function openWith(lock, device, wrapped, secret, check) {
  let server = serverKeys.get(device);
  const reply = await call("POST", "/api/v1/me/device-key/unlock", { device_id: device, pin_check: check }, { timeout: 8000 });
  if (reply.status === 0) {
    // No answer: only a key still held from earlier in this session can check the PIN.
    if (!server) return { outcome: "offline" };
  } else {
    if (reply.status === 401) return await needSignIn();
    if (reply.status === 422) return { outcome: "wrong", message: reply.data?.detail };
    if (!reply.ok) return { outcome: "error" };
    server = bytesOf(reply.data.key);
  }
  let key;
  try {
    key = await unwrap(wrapped, await pinWrapKey(secret, /** @type {Uint8Array} */ (server)));
  } catch {
    // Only with no signal (the server checked otherwise): count here, five and sign in.
    const failures = (lock.failures || 0) + 1;
    if (failures >= 5) return await needSignIn();
    await saveLock({ ...lock, failures });
    const left = 5 - failures;
    return { outcome: "wrong", message: `That PIN is not right. You have ${left === 1 ? "1 more try" : `${left} more tries`}.` };
  }
  // A lock set before the drop box existed gets one now.
  if (lock.failures || !lock.dropbox) await saveLock({ ...lock, failures: 0, dropbox: lock.dropbox || await makeDropbox(key) });
  useKey(key);
  serverKeys.set(device, /** @type {Uint8Array} */ (server));
  await unbox();
  return { outcome: "open" };
}

/** Keep a server key given for `device` while the page lives. @param {string} device @param {Uint8Array} key */
export function holdServerKey(device, key) {
  serverKeys.set(device, key);
}

/** Five wrong PINs: only the password opens it now (nothing on the phone is lost). */
async function needSignIn() {
  serverKeys.clear();
  const lock = await lockOf();
  if (lock) await saveLock({ ...lock, failures: 0, signin_needed: true });
  return /** @type {const} */ ({ outcome: "signin" });
}

/** @param {any} lock */
export async function saveLock(lock) {
  const session = await currentSession();
  if (session) await transact("meta", "readwrite", (tx) => done(tx.objectStore("meta").put(lock, `lock:${session.user_id}`)));
}

/** Change whether the lock screen shows the patient's own steps and people. @param {boolean} show */
export async function showPlanOnLock(show) {
  const lock = await lockOf();
  if (lock) await saveLock({ ...lock, plan_on_lock: show });
}
