// @ts-check
/**
 * The phone's own screen lock instead of the PIN, where the browser offers WebAuthn with
 * the PRF extension. The authenticator's PRF output (for a fixed input, after the phone
 * checked the person: user verification required) takes the place of the PIN's PBKDF2
 * output: HKDF splits it into the secret that, with a server key, wraps the diary's key,
 * and the check value the server counts as it counts a PIN's. It has its own device id,
 * so the PIN goes on working beside it and the server needs nothing new. No assertion is
 * sent to the server: the credential is only a source of a secret no one can compute
 * without the phone's screen lock.
 */
import { call } from "./api.js";
import { currentSession } from "./phone-session.js";
import { lockOf, openKey } from "./seal.js";
import { base64url, bytesOf, holdServerKey, openWith, pinWrapKey, saveLock } from "./lock-keys.js";

const encode = (/** @type {string} */ text) => new TextEncoder().encode(text);
const PRF_INPUT = encode("diarycard app lock: screen lock v1");

/** True when this browser may offer it: WebAuthn, a platform authenticator, and PRF. */
export async function passkeyOffered() {
  const pkc = /** @type {any} */ (globalThis.PublicKeyCredential);
  if (!pkc || !navigator.credentials) return false;
  try {
    const caps = await pkc.getClientCapabilities?.();
    if (caps && caps["extension:prf"] === false) return false;
    return Boolean(await pkc.isUserVerifyingPlatformAuthenticatorAvailable());
  } catch {
    return false;
  }
}

/** @param {ArrayBuffer} output the PRF's */
async function fromPrf(output) {
  const base = await crypto.subtle.importKey("raw", output, "HKDF", false, ["deriveBits"]);
  const bits = new Uint8Array(await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info: encode("diarycard app lock: screen lock") }, base, 512));
  return { secret: bits.slice(0, 32), check: base64url(bits.slice(32)) };
}

/** The PRF output for this credential; asks the phone's screen lock. @param {ArrayBuffer} id */
async function prfOf(id) {
  const got = /** @type {PublicKeyCredential | null} */ (await navigator.credentials.get({ publicKey: {
    challenge: crypto.getRandomValues(new Uint8Array(32)),
    allowCredentials: [{ type: "public-key", id }],
    userVerification: "required",
    extensions: /** @type {any} */ ({ prf: { eval: { first: PRF_INPUT } } }),
  } }));
  const output = /** @type {any} */ (got?.getClientExtensionResults())?.prf?.results?.first;
  if (!output) throw new Error("No PRF output");
  return /** @type {ArrayBuffer} */ (output);
}

/**
 * Use the phone's screen lock from now on (the lock must be open, and there must be a
 * signal). The PIN keeps working.
 * @returns {Promise<"on" | "unsupported" | "cancelled" | "offline" | "error">}
 */
export async function setPasskey() {
  const key = openKey();
  const lock = await lockOf();
  const session = await currentSession();
  if (!key || !lock || !session) return "error";
  let credential;
  try {
    credential = /** @type {PublicKeyCredential | null} */ (await navigator.credentials.create({ publicKey: {
      rp: { name: "diarycard" },
      // Nothing about the person: the phone's list of passkeys shows only "diarycard".
      user: { id: crypto.getRandomValues(new Uint8Array(16)), name: "diarycard", displayName: "diarycard" },
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      pubKeyCredParams: [{ type: "public-key", alg: -7 }, { type: "public-key", alg: -257 }],
      authenticatorSelection: { authenticatorAttachment: "platform", userVerification: "required", residentKey: "discouraged" },
      extensions: /** @type {any} */ ({ prf: { eval: { first: PRF_INPUT } } }),
    } }));
  } catch {
    return "cancelled";
  }
  if (!credential) return "cancelled";
  const prf = /** @type {any} */ (credential.getClientExtensionResults())?.prf;
  if (!prf?.enabled) return "unsupported";
  let output;
  try {
    output = prf.results?.first || await prfOf(credential.rawId);
  } catch {
    return "cancelled";
  }
  const { secret, check } = await fromPrf(output);
  const device = crypto.randomUUID();
  const reply = await call("PUT", "/api/v1/me/device-key", { device_id: device, pin_check: check });
  if (reply.status === 0) return "offline";
  if (!reply.ok) return "error";
  const server = bytesOf(reply.data.key);
  const wrapped = await crypto.subtle.wrapKey("raw", key, await pinWrapKey(secret, server), "AES-KW");
  await saveLock({ ...(await lockOf()), passkey: { credential: new Uint8Array(credential.rawId), device_id: device, wrapped } });
  holdServerKey(device, server);
  return "on";
}

/** Stop using the screen lock on this phone (the PIN stays). */
export async function dropPasskey() {
  const lock = await lockOf();
  if (lock?.passkey) await saveLock({ ...lock, passkey: undefined });
}

/**
 * Open the lock with the phone's screen lock.
 * @returns {Promise<{outcome: "open" | "wrong" | "signin" | "offline" | "error" | "cancelled", message?: string}>}
 */
export async function unlockWithPasskey() {
  const lock = await lockOf();
  if (!lock?.passkey || lock.signin_needed) return { outcome: "signin" };
  let output;
  try {
    output = await prfOf(lock.passkey.credential);
  } catch {
    return { outcome: "cancelled" };
  }
  const { secret, check } = await fromPrf(output);
  return openWith(lock, lock.passkey.device_id, lock.passkey.wrapped, secret, check);
}
