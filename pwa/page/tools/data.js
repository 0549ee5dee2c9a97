// @ts-check
/**
 * Reading and writing the tools' records. Reads are network-first with a sealed last good
 * copy for when there is no signal (the same as the diary); every write goes through the
 * outbox as an idempotent PUT by a client-made id, with the version it was based on.
 */
import { t } from "../../shared/words.js";
import { bodyOf, enqueue, records } from "../../shared/outbox.js";
import { kick } from "../drainer.js";
import { fresh } from "../entries.js";

/**
 * @typedef {{path: string, kind: string, copy: string}} Tool
 * path: the API path under /api/v1; kind: the outbox kind; copy: the key of the last good
 * copy on the phone.
 */

/** @type {Record<string, Tool>} */
export const TOOLS = {
  problems: { path: "problem-solving", kind: "problem-solving", copy: "tool:problem-solving" },
  checking: { path: "checking-it-out", kind: "checking-it-out", copy: "tool:checking-it-out" },
  goals: { path: "goals", kind: "goals", copy: "tool:goals" },
  chains: { path: "chain-analyses", kind: "chain-analyses", copy: "tool:chain-analyses" },
};

/**
 * The patient's records of a tool, with what is still waiting to be sent laid over them.
 * @param {Tool} tool
 * @returns {Promise<{items: any[], offlineAt?: number, failed?: boolean}>}
 */
export async function listOf(tool) {
  const read = await fresh(`/api/v1/${tool.path}`, tool.copy);
  /** @type {Map<string, any>} */
  const byId = new Map((read.data || []).map((/** @type {any} */ r) => [r.id, r]));
  for (const record of await records()) {
    if (record.kind !== tool.kind || record.op !== "upsert") continue;
    const body = await bodyOf(record);
    const known = byId.get(record.id);
    byId.set(record.id, { ...known, ...body, id: record.id, version: known?.version ?? record.base_version ?? 0, waiting: record.state });
  }
  const items = [...byId.values()];
  return { items, offlineAt: read.offlineAt, failed: read.failed && items.length === 0 };
}

/**
 * Queue a write of one record and send it if there is a signal.
 * @param {Tool} tool
 * @param {string} id
 * @param {number} baseVersion the version the patient started from (0: a new record)
 * @param {Record<string, unknown>} fields
 * @returns {Promise<string>} where it is now: "sent", "queued", "conflict" or "rejected"
 */
export async function saveRecord(tool, id, baseVersion, fields) {
  const body = { ...fields, base_version: baseVersion };
  await enqueue({ kind: tool.kind, id, method: "PUT", url: `/api/v1/${tool.path}/${id}`, body, base_version: baseVersion });
  return sendSoon(`${tool.kind}:${id}`);
}

/**
 * Send the outbox now, but do not keep the patient waiting on a weak signal: after a few
 * seconds the write simply stays queued and goes later.
 * @param {string} key the outbox key of the write just queued
 * @returns {Promise<string>} "sent", "queued", "conflict" or "rejected"
 */
export async function sendSoon(key) {
  const patience = new Promise((resolve) => { setTimeout(resolve, 4000); });
  await Promise.race([kick(true), patience]);
  const left = (await records()).find((r) => r.key === key);
  return left ? left.state : "sent";
}

/** @type {Record<string, string>} */
const NOT_SENT = {
  queued: t("data.queued"),
  conflict: t("data.conflict"),
  rejected: t("data.rejected"),
};

/**
 * After a save: when the server has it, draw the screen again so the next change is
 * based on the new version; otherwise say where it is.
 * @param {import("../registry.js").ScreenContext} ctx
 * @param {string} outcome what `saveRecord` or `sendSoon` answered
 * @param {(text: string) => void} say
 */
export function afterSave(ctx, outcome, say) {
  ctx.saved();
  if (outcome === "sent") {
    const here = new URLSearchParams(location.search);
    here.set("saved", "1");
    ctx.go(`${location.pathname}?${here}`, { replace: true });
  } else {
    say(NOT_SENT[outcome] || NOT_SENT.queued);
  }
}

/** The t("history.saved") line after a save that reached the server. @param {URLSearchParams} params */
export function savedNote(params) {
  return params.get("saved") ? t("history.saved") : "";
}
