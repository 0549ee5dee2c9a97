// @ts-check
/**
 * Diary entries and the personal table on the page: reads are network-first with a sealed
 * last good copy for when there is no signal; writes go through the outbox.
 */
import { t } from "../shared/words.js";
import { call } from "../shared/api.js";
import { get, put } from "../shared/idb.js";
import { bodyOf, enqueue, records } from "../shared/outbox.js";
import { seal, unseal } from "../shared/seal.js";
import { kick } from "./drainer.js";

export const CATEGORIES = [
  { value: "not_attending", label: t("cat.not_attending"), hint: t("cat.not_attending.hint") },
  { value: "not_planning", label: t("cat.not_planning"), hint: t("cat.not_planning.hint") },
  { value: "action", label: t("cat.action"), hint: t("cat.action.hint") },
];

export const OUTCOMES = [
  { value: "resisted", label: t("outcome.resisted"), past: t("outcome.resisted.past") },
  { value: "partly", label: t("outcome.partly"), past: t("outcome.partly.past") },
  { value: "acted", label: t("outcome.acted"), past: t("outcome.acted.past") },
];

// On a weak signal, show the last good copy rather than a blank screen.
const READ_TIMEOUT = 6000;

/** Entries seen in the last list, so an edit can start from them. @type {Map<string, any>} */
export const seen = new Map();

/**
 * @typedef {{data: any, offlineAt?: number, failed?: boolean}} Read
 * offlineAt: the copy shown was saved then (there was no signal). failed: nothing to show.
 */

/**
 * @param {import("../shared/api.js").ApiUrl} url
 * @param {string | null} copyKey where the last good copy lives (null: keep none)
 * @returns {Promise<Read>}
 */
export async function fresh(url, copyKey) {
  const reply = await call("GET", url, undefined, { timeout: READ_TIMEOUT });
  if (reply.ok) {
    if (copyKey) await put("copies", { at: Date.now(), sealed: await seal(reply.data) }, copyKey);
    return { data: reply.data };
  }
  const copy = copyKey ? await get("copies", copyKey) : undefined;
  if (!copy) return { data: null, failed: true };
  return { data: await unseal(copy.sealed), offlineAt: copy.at };
}

export function loadTable() {
  return fresh("/api/v1/table", "table");
}

/** @param {string | null} cursor */
export function loadEntries(cursor) {
  const query = new URLSearchParams({ limit: "50" });
  if (cursor) query.set("cursor", cursor);
  return fresh(`/api/v1/entries?${query}`, cursor ? null : "entries");
}

/**
 * Entries written on this phone and not yet sent, by id.
 * @returns {Promise<Map<string, {op: string, state: string, entry: any, key: string}>>}
 */
export async function pendingEntries() {
  const pending = new Map();
  for (const r of await records()) {
    if (r.kind === "withdrawals") pending.set(r.id, { op: "withdraw" });
    if (r.kind !== "entries") continue;
    pending.set(r.id, { op: r.op, state: r.state, entry: await bodyOf(r), key: r.key });
  }
  return pending;
}

/** The local time with its UTC offset, as RFC 3339. @param {Date} date */
export function localTimestamp(date) {
  const pad = (/** @type {number} */ n) => String(Math.abs(n)).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

const FIELDS = ["id", "occurred_at", "category", "emotion", "emotion_intensity", "urge", "urge_strength",
  "indicators", "helpful_response", "outcome", "risk", "note"];

/**
 * Queue an entry (new or changed) and try to send it now. A new entry is announced as
 * "diarycard:entry-saved" (the crisis plan's warning-sign check listens); a change as
 * "diarycard:entry-changed", so editing an old entry never offers the plan again.
 * @param {Record<string, any>} entry
 * @param {number} [baseVersion] the server version an edit started from
 * @param {boolean} [edit] true when changing an entry that was saved before
 */
export async function saveEntry(entry, baseVersion, edit = false) {
  const body = fieldsOf(entry);
  await enqueue({
    kind: "entries",
    id: body.id,
    method: "PUT",
    url: `/api/v1/entries/${body.id}`,
    body,
    base_version: baseVersion,
  });
  window.dispatchEvent(new CustomEvent(edit ? "diarycard:entry-changed" : "diarycard:entry-saved", { detail: body }));
  void kick(true);
  return body;
}

/** @param {Record<string, any>} entry the fields the server takes, empty ones left out */
function fieldsOf(entry) {
  /** @type {Record<string, any>} */
  const body = {};
  for (const name of FIELDS) if (entry[name] !== undefined && entry[name] !== "") body[name] = entry[name];
  return body;
}

/**
 * A new entry written while the lock cannot open: sealed to the drop box, sent after the
 * next unlock. Nothing is announced: the warning-sign check needs the plan, which is
 * behind the lock (hazard H-062).
 * @param {Record<string, any>} entry
 */
export async function saveWhileLocked(entry) {
  const body = fieldsOf(entry);
  await enqueue({ kind: "entries", id: body.id, method: "PUT", url: `/api/v1/entries/${body.id}`, body, dropbox: true });
  return body;
}

/** @param {Record<string, any>} entry */
export async function deleteEntry(entry) {
  await enqueue({
    kind: "entries",
    id: entry.id,
    op: "delete",
    method: "DELETE",
    url: `/api/v1/entries/${entry.id}`,
    base_version: entry.version,
    body: entry, // kept (sealed) only so the waiting screen can say what is being deleted
  });
  void kick(true);
}

/** @param {string} value */
export function categoryLabel(value) {
  return CATEGORIES.find((c) => c.value === value)?.label || value;
}

/** @param {string} value */
export function outcomeLabel(value) {
  return OUTCOMES.find((o) => o.value === value)?.past || "";
}
