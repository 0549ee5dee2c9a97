// @ts-check
/**
 * Sending the outbox. Diary entries (kind "entries") go in batches through
 * POST /api/v1/sync; any other kind is sent on its own as the idempotent request it was
 * queued with (e.g. PUT <url>). The same rules apply to both: see outbox.js.
 */
import { call } from "./api.js";
import { currentSession } from "./phone-session.js";
import { bodyOf, markTried, records, settle } from "./outbox.js";
import { isLocked } from "./seal.js";

/** @typedef {import("./outbox.js").OutboxRecord} OutboxRecord */

const BATCH = 25;

/**
 * What a server status means for a queued write. The sync endpoint answers each operation
 * with the HTTP status the single call would have given (entries/models.py SyncResult).
 * @param {number} status an HTTP status, or 0: no answer
 * @param {"upsert" | "delete"} op
 * @returns {"ok" | "conflict" | "rejected" | "retry"}
 */
export function classify(status, op) {
  if (status === 0) return "retry";
  if (status >= 200 && status < 300) return "ok";
  // Deleting what is already gone has the effect the patient asked for.
  if (op === "delete" && (status === 404 || status === 410)) return "ok";
  if (status === 409 || status === 412) return "conflict";
  if (status === 408 || status === 429 || status >= 500) return "retry";
  return "rejected";
}

/** @type {Promise<string> | null} */
let running = null;
let again = false;

/**
 * Send what is due. Only one drain runs at a time in this page or worker (and across
 * them where Web Locks exist); a call during a drain runs one more pass after it.
 * @param {{force?: boolean}} [options] force ignores back-off (the network just came back)
 * @returns {Promise<string>} "done", "offline", "signin", "locked" or "empty"
 */
export function drain(options = {}) {
  if (running) {
    again = true;
    return running;
  }
  const pass = async () => {
    let outcome = "empty";
    do {
      again = false;
      outcome = await withLock(() => drainOnce(Boolean(options.force)));
    } while (again && outcome === "done");
    return outcome;
  };
  running = pass().finally(() => {
    running = null;
  });
  return running;
}

/** @param {() => Promise<string>} work */
function withLock(work) {
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request("diarycard-outbox", work) : work();
}

/** @param {boolean} force */
async function drainOnce(force) {
  // The browser knows it has no network: do not even try (and so do not mark anything
  // as possibly sent, which lets a delete of a never-sent entry simply drop it).
  if (globalThis.navigator?.onLine === false) return "offline";
  const session = await currentSession();
  if (!session || session.expired) return "signin";
  // Behind the app lock nothing can be read to send (the service worker never holds the
  // key): the page sends as soon as the patient unlocks.
  if (await isLocked()) return "locked";
  const now = Date.now();
  const due = (await records()).filter((r) => r.state === "queued" && (force || r.next_at <= now));
  if (due.length === 0) return "empty";
  const status = await drainEntries(due.filter((r) => r.kind === "entries"));
  if (status !== "done") return status;
  for (const record of due.filter((r) => r.kind !== "entries")) {
    const status = await sendOne(record);
    if (status !== "done") return status;
  }
  return "done";
}

/** @param {OutboxRecord} record */
async function sendOne(record) {
  const revs = await markTried([record]);
  const rev = revs.get(record.key);
  if (rev === undefined) return "done";
  const url = /** @type {import("./api.js").ApiUrl} */ (record.url);
  const reply = await call(record.method, url, withBase(await bodyOf(record), record));
  if (reply.status === 401 || (reply.status === 403 && reply.data?.code === "csrf")) return "signin";
  const outcome = classify(reply.status, record.op);
  await settle(record.key, rev, outcome, {
    entry: reply.ok ? reply.data : undefined, problem: reply.data, retryAfter: reply.retryAfter,
  });
  return outcome === "retry" ? "offline" : "done";
}

/**
 * A body that names the version it is based on (the tools' PUTs) follows the record's:
 * it moves on after an in-flight edit is acknowledged, or when the patient keeps theirs.
 * @param {any} body
 * @param {OutboxRecord} record
 */
function withBase(body, record) {
  if (body && typeof body === "object" && "base_version" in body && record.base_version !== undefined) {
    return { ...body, base_version: record.base_version };
  }
  return body;
}

/**
 * @param {OutboxRecord[]} entries
 * @returns {Promise<string>}
 */
async function drainEntries(entries) {
  for (let i = 0; i < entries.length; i += BATCH) {
    const status = await sendBatch(entries.slice(i, i + BATCH));
    if (status !== "done") return status;
  }
  return "done";
}

/**
 * @param {OutboxRecord[]} batch
 * @returns {Promise<string>}
 */
async function sendBatch(batch) {
  const revs = await markTried(batch);
  const sent = batch.filter((r) => revs.has(r.key));
  if (sent.length === 0) return "done";
  const operations = [];
  for (const r of sent) {
    /** @type {Record<string, unknown>} */
    const op = { op: r.op, id: r.id };
    if (r.base_version !== undefined) op.base_version = r.base_version;
    if (r.op === "upsert") op.entry = await bodyOf(r);
    operations.push(op);
  }
  const reply = await call("POST", "/api/v1/sync", { operations });
  if (reply.status === 401 || (reply.status === 403 && reply.data?.code === "csrf")) return "signin";
  const whole = classify(reply.status, "upsert");
  if (whole === "retry") {
    for (const r of sent) {
      await settle(r.key, /** @type {number} */ (revs.get(r.key)), "retry", { retryAfter: reply.retryAfter });
    }
    return "offline";
  }
  if (!reply.ok) {
    // The batch as a whole was refused (one bad entry can do that): find which, one by one.
    if (sent.length > 1) {
      for (const r of sent) {
        const status = await sendBatch([r]);
        if (status !== "done") return status;
      }
      return "done";
    }
    const r = sent[0];
    await settle(r.key, /** @type {number} */ (revs.get(r.key)), whole, { problem: reply.data });
    return "done";
  }
  /** @type {Map<string, any>} */
  const results = new Map((reply.data?.results || []).map((/** @type {any} */ x) => [x.id, x]));
  for (const r of sent) {
    const result = results.get(r.id);
    const rev = /** @type {number} */ (revs.get(r.key));
    if (!result) {
      await settle(r.key, rev, "retry");
      continue;
    }
    const outcome = classify(result.status, r.op);
    await settle(r.key, rev, outcome, { entry: result.entry, problem: result.problem });
  }
  return "done";
}
