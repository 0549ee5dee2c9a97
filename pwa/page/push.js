// @ts-check
/**
 * Web Push on this phone: whether it can work here (and in plain words why not), and
 * subscribing with the service's VAPID key. Loaded on first use (LATER_FILES) by the
 * reminder settings and the in-app reminder.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";

/** @typedef {{endpoint: string, last_sent_at: string | null, problem: string | null}} Device */

const IN_APP = t("push.in_app");

export function isAppleMobile() {
  return /iPad|iPhone|iPod/.test(navigator.userAgent)
    || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
}

function installed() {
  return matchMedia("(display-mode: standalone)").matches
    || /** @type {any} */ (navigator).standalone === true;
}

/**
 * Why reminders cannot arrive as notifications on this phone, or "" when they can.
 * @param {{push_available: boolean}} reminders the answer of GET /me/reminders
 */
export function whyNoPush(reminders) {
  if (!reminders.push_available) return `${t("push.reason1")} ${IN_APP}`;
  if (isAppleMobile() && !installed()) {
    return `${t("push.reason2")} ${IN_APP}`;
  }
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    return `${t("push.reason3")} ${IN_APP}`;
  }
  if (Notification.permission === "denied") {
    return `${t("push.reason4")} ${IN_APP}`;
  }
  return "";
}

/** This phone's push subscription, if it has one. */
export async function currentSubscription() {
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    return (await registration?.pushManager.getSubscription()) || null;
  } catch {
    return null;
  }
}

/**
 * The server's record of this phone, if it has one.
 * @param {{devices: Device[]}} reminders
 */
export async function thisDevice(reminders) {
  const mine = await currentSubscription();
  return (mine && reminders.devices.find((d) => d.endpoint === mine.endpoint)) || null;
}

/**
 * True when a reminder should reach this phone as a notification.
 * @param {{push_available: boolean, devices: Device[]}} reminders
 */
export async function pushWorksHere(reminders) {
  if (whyNoPush(reminders) || Notification.permission !== "granted") return false;
  const device = await thisDevice(reminders);
  return Boolean(device && !device.problem);
}

/** @param {string} text */
function bytesOf(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

/**
 * @param {ArrayBuffer | null | undefined} a
 * @param {Uint8Array} b
 */
function sameKey(a, b) {
  if (!a) return false;
  const left = new Uint8Array(a);
  return left.length === b.length && left.every((x, i) => x === b[i]);
}

/**
 * Subscribe this phone (or renew its subscription) and tell the server. Call only once the
 * patient has agreed to notifications. Answers "" on success, or why it did not work.
 * @returns {Promise<string>}
 */
export async function subscribe() {
  const reply = await call("GET", "/api/v1/push/public-key", undefined, { timeout: 8000 });
  if (!reply.ok) return `${t("push.reason5")} ${IN_APP}`;
  const key = bytesOf(reply.data.public_key);
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  // A subscription made with another key (the service changed its key) cannot be used.
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe().catch(() => false);
    subscription = null;
  }
  try {
    // A push service that never answers must not leave Settings waiting for ever.
    subscription ||= await Promise.race([
      registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
      /** @type {Promise<never>} */ (new Promise((_, fail) => setTimeout(() => fail(new Error("timeout")), 20000))),
    ]);
  } catch {
    return `${t("push.reason6")} ${IN_APP}`;
  }
  const saved = await call("PUT", "/api/v1/me/push-subscription", subscription.toJSON(), { timeout: 8000 });
  return saved.ok ? "" : `${t("push.reason7")} ${IN_APP}`;
}

/** Stop notifications to this phone (signing out, or reminders turned off here). */
export async function unsubscribe() {
  const subscription = await currentSubscription();
  if (!subscription) return;
  // With no signal, the push service will say it is gone next time.
  await call("DELETE", `/api/v1/me/push-subscription?endpoint=${encodeURIComponent(subscription.endpoint)}`, undefined, { timeout: 5000 });
  await subscription.unsubscribe().catch(() => false);
}
