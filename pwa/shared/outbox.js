// @ts-check
/**
 * The lossless outbox. Every write is stored here, sealed, with its client id, before
 * anything is sent. A record leaves only after the server answered 2xx for that exact
 * revision of it. Network errors, 5xx and 429 retry with back-off and jitter; 409/412 park
 * it as a conflict and other 4xx park it as rejected, both shown to the patient; a 401
 * keeps it queued until the patient signs in again. Nothing ever expires.
 *
 * A write made while the app lock cannot open is sealed to the drop box (dropbox.js)
 * instead, and sealed again under the diary's key when the lock next opens (`unbox`): the
 * same record, the same id, so it is sent once like any other.
 *
 * This module stores and changes records; sync.js sends them.
 */
import { currentSession } from "./phone-session.js";
import { all, done, transact } from "./idb.js";
import { inBox, openBox, sealToBox } from "./dropbox.js";
import { Locked, lockOf, openKey, seal, unseal } from "./seal.js";

const BASE_DELAY = 1000;
const MAX_DELAY = 5 * 60 * 1000;

/**
 * @typedef {{kind: string, id: string, method: string, url: string, body?: unknown,
 *   op?: "upsert" | "delete", base_version?: number, dropbox?: boolean}} Intent
 * dropbox: the lock is shut; seal the body to the drop box (a new write only)
 * @typedef {{key: string, kind: string, id: string, op: "upsert" | "delete", method: string,
 *   url: string, base_version?: number, sealed: any, user_id: string, rev: number,
 *   attempts: number, tried: boolean, next_at: number, state: "queued" | "conflict" | "rejected",
 *   problem?: any, server_version?: number, created_at: number, updated_at: number}} OutboxRecord
 */

/** Tell every open page (and this one) that the outbox changed. */
export function notify() {
  try {
    new BroadcastChannel("diarycard-outbox").postMessage("changed");
  } catch {
    /* BroadcastChannel missing: the page still refreshes on its own events */
  }
  globalThis.dispatchEvent?.(new Event("diarycard:outbox"));
}

/**
 * Queue a write. A second write to the same record replaces the unsent one (last write
 * wins on the phone) but keeps the version it was based on, so the server can still spot
 * a conflict.
 * @param {Intent} intent
 * @returns {Promise<OutboxRecord | null>} the stored record, or null when a delete
 *   cancelled a create that never left the phone
 */
export async function enqueue(intent) {
  const session = await currentSession();
  if (!session) throw new Error("Sign in before saving");
  const op = intent.op || (intent.method === "DELETE" ? "delete" : "upsert");
  const key = `${intent.kind}:${intent.id}`;
  const sealed = intent.body === undefined ? null : intent.dropbox
    ? await sealToBox(intent.body, await dropboxOf(), labelOf(session.user_id, key))
    : await seal(intent.body);
  const now = Date.now();
  const result = await transact("outbox", "readwrite", async (tx) => {
    const store = tx.objectStore("outbox");
    /** @type {OutboxRecord | undefined} */
    const old = await done(store.get(key));
    if (op === "delete" && old && old.op === "upsert" && old.base_version === undefined && !old.tried) {
      store.delete(key); // never sent: nothing on the server to delete
      return null;
    }
    /** @type {OutboxRecord} */
    const record = {
      key,
      kind: intent.kind,
      id: intent.id,
      op,
      method: intent.method,
      url: intent.url,
      base_version: old ? old.base_version : intent.base_version,
      sealed: sealed ?? old?.sealed ?? null,
      user_id: session.user_id,
      rev: (old?.rev ?? 0) + 1,
      attempts: old?.attempts ?? 0,
      tried: old?.tried ?? false,
      next_at: 0,
      state: "queued",
      created_at: old?.created_at ?? now,
      updated_at: now,
    };
    store.put(record);
    return record;
  });
  notify();
  return result;
}

/** @returns {Promise<OutboxRecord[]>} this person's records, oldest first */
export async function records() {
  const session = await currentSession();
  const rows = /** @type {OutboxRecord[]} */ (await all("outbox"));
  return rows
    .filter((r) => session && r.user_id === session.user_id)
    .sort((a, b) => a.created_at - b.created_at);
}

/**
 * What the patient wrote and is waiting to send: records the app makes for itself (the
 * note that a crisis step was offered) are sent the same way but not counted as theirs.
 */
export async function patientRecords() {
  return (await records()).filter((r) => r.kind !== "crisis-offers");
}

/** @param {OutboxRecord} record @returns {Promise<any>} the queued body, readable */
export async function bodyOf(record) {
  if (!record.sealed) return null;
  if (!inBox(record.sealed)) return unseal(record.sealed);
  const key = openKey();
  if (!key) throw new Locked();
  return openBox(record.sealed, await dropboxOf(), key, labelOf(record.user_id, record.key));
}

/** @param {string} user @param {string} key what a drop-box seal is bound to */
const labelOf = (user, key) => `${user}/${key}`;

async function dropboxOf() {
  const box = (await lockOf())?.dropbox;
  if (!box) throw new Error("No drop box on this phone");
  return box;
}

/** How many of this person's writes wait, sealed to the drop box, for the lock to open. */
export async function boxed() {
  return (await records()).filter((r) => inBox(r.sealed)).length;
}

/**
 * The lock just opened: seal again under the diary's key what was written while it was
 * shut. The record keeps its key, id and place, so it is sent once like any other.
 */
export async function unbox() {
  for (const r of (await records()).filter((x) => inBox(x.sealed))) {
    let sealed;
    try {
      sealed = await seal(await bodyOf(r));
    } catch (error) {
      console.error("A write from the drop box could not be opened", error instanceof Error ? error.name : "");
      continue;
    }
    await update(r.key, (now) => (now.rev === r.rev && inBox(now.sealed) ? { ...now, sealed } : now));
  }
}

/**
 * Change one stored record in a transaction of its own.
 * @param {string} key
 * @param {(record: OutboxRecord) => OutboxRecord | null} change null deletes it
 */
export async function update(key, change) {
  await transact("outbox", "readwrite", async (tx) => {
    const store = tx.objectStore("outbox");
    const current = await done(store.get(key));
    if (!current) return;
    const next = change(current);
    if (next) store.put(next);
    else store.delete(key);
  });
  notify();
}

/** Send it again now (after a fix, or when the patient asks). @param {string} key */
export function retry(key) {
  return update(key, (r) => ({ ...r, state: "queued", next_at: 0, problem: undefined }));
}

/** Drop it: only ever after the patient confirmed. @param {string} key */
export function discard(key) {
  return update(key, () => null);
}

/**
 * Keep mine on a conflict: base it on the server's current version and send it again.
 * @param {string} key
 * @param {number} serverVersion
 */
export function rebase(key, serverVersion) {
  return update(key, (r) => ({ ...r, base_version: serverVersion, state: "queued", next_at: 0 }));
}

/**
 * Mark these records as being sent (so a later delete knows they may have arrived).
 * @param {OutboxRecord[]} batch
 * @returns {Promise<Map<string, number>>} the revision of each that is being sent
 */
export async function markTried(batch) {
  const revs = new Map();
  await transact("outbox", "readwrite", async (tx) => {
    const store = tx.objectStore("outbox");
    for (const r of batch) {
      const current = await done(store.get(r.key));
      if (!current) continue;
      revs.set(r.key, current.rev);
      store.put({ ...current, tried: true, attempts: current.attempts + 1 });
    }
  });
  return revs;
}

/**
 * Record what the server said about the revision `rev` of a record.
 * @param {string} key
 * @param {number} rev
 * @param {"ok" | "conflict" | "rejected" | "retry"} outcome
 * @param {{entry?: any, problem?: any, retryAfter?: number}} [info]
 */
export function settle(key, rev, outcome, info = {}) {
  return update(key, (r) => {
    const version = info.entry?.version;
    if (outcome === "ok") {
      if (r.rev === rev) return null;
      // Changed while in flight: the server now has `version`, send the newer one on top.
      return { ...r, base_version: version ?? r.base_version, next_at: 0 };
    }
    if (outcome === "retry") {
      const delay = Math.min(MAX_DELAY, BASE_DELAY * 2 ** Math.max(0, r.attempts - 1));
      const jittered = delay / 2 + Math.random() * (delay / 2);
      return { ...r, next_at: Date.now() + Math.max(jittered, (info.retryAfter || 0) * 1000) };
    }
    if (r.rev !== rev) return { ...r, next_at: 0 }; // edited since: try the new version first
    const serverVersion = version ?? info.problem?.current_version ?? r.server_version;
    return { ...r, state: outcome, problem: info.problem ?? null, server_version: serverVersion };
  });
}
