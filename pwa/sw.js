// @ts-check
/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell in a versioned cache so the app opens with
 * no signal, serves every app page from it, and leaves API requests to the network (health
 * data never goes into Cache Storage; the page keeps sealed last good copies in IndexedDB).
 * A new version installs alongside and waits until the patient agrees to update.
 */
import { LATER_FILES, SHELL_FILES, VERSION } from "./shared/shell-files.js";

// Shell version 8527eff1b30b: the same as VERSION in shared/shell-files.js (tests/pwa checks).
// This file itself must change with every release: Chromium fails to start a new worker
// when only an imported module changed ("ServiceWorker cannot be started").
import "./shared/phone-session.js";
import { drain } from "./shared/sync.js";

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const CACHE = `diarycard-shell-${VERSION}`;
// Served by the same origin but not the patient app: the clinicians' review app, the API.
const NOT_OURS = ["/api/", "/review", "/accounts", "/schema", "/healthz", "/readyz"];

sw.addEventListener("install", (event) => {
  // Fresh copies, not the HTTP cache's, so a new version never mixes in old files.
  event.waitUntil((async () => {
    const used = await laterFilesInUse();
    const cache = await caches.open(CACHE);
    await cache.addAll([...SHELL_FILES, ...used].map((url) => new Request(url, { cache: "reload" })));
  })());
});

// On-demand files an older shell kept: this phone uses them, so fetch their new version.
async function laterFilesInUse() {
  const used = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith("diarycard-shell-") || name === CACHE) continue;
    const cache = await caches.open(name);
    for (const url of LATER_FILES) if (await cache.match(url)) used.add(url);
  }
  return [...used];
}

sw.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    // Only our own old shells; anything else in Cache Storage is not ours to delete.
    await Promise.all(names
      .filter((name) => name.startsWith("diarycard-shell-") && name !== CACHE)
      .map((name) => caches.delete(name)));
    await sw.clients.claim();
  })());
});

sw.addEventListener("message", (event) => {
  if (event.data?.type === "skip-waiting") void sw.skipWaiting();
  // Keep /crisis with the site's numbers in its HTML, for offline with scripts failing.
  if (event.data?.type === "refresh-crisis") event.waitUntil(refreshCrisis());
  // Files a screen must have with no signal from now on (the app lock's): keep them now.
  if (event.data?.type === "keep") event.waitUntil(keep(event.data.urls));
});

/** @param {unknown} urls */
async function keep(urls) {
  const cache = await caches.open(CACHE);
  for (const url of Array.isArray(urls) ? urls : []) {
    if (LATER_FILES.includes(url) && !(await cache.match(url))) await cache.add(new Request(url, { cache: "reload" }));
  }
}

async function refreshCrisis() {
  const response = await fetch("/crisis", { cache: "reload" });
  if (response.ok) await (await caches.open(CACHE)).put("/crisis", response);
}

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== sw.location.origin) return;
  if (NOT_OURS.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (request.mode === "navigate") {
    event.respondWith(url.pathname === "/crisis" ? crisisPage(request) : fromShell("/index.html", request));
    return;
  }
  event.respondWith(forPage(event.clientId, url.pathname, request));
});

/**
 * The staff apps load shared/ too. A page of theirs in this worker's scope gets the
 * network's copy, never the patient shell's, which may be a version behind.
 * @param {string} clientId
 * @param {string} key
 * @param {Request} request
 */
async function forPage(clientId, key, request) {
  const client = clientId ? await sw.clients.get(clientId) : undefined;
  if (client && NOT_OURS.some((prefix) => new URL(client.url).pathname.startsWith(prefix))) return fetch(request);
  return fromShell(key, request);
}

/**
 * @param {string} key
 * @param {Request} request
 */
async function fromShell(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && LATER_FILES.includes(key)) await cache.put(key, response.clone());
  return response;
}

/** The kept /crisis, else the network's, else the shell. @param {Request} request */
async function crisisPage(request) {
  try {
    return await fromShell("/crisis", request);
  } catch {
    return fromShell("/index.html", request);
  }
}

// Background Sync (not in TypeScript's library yet: https://wicg.github.io/background-sync/).
sw.addEventListener("sync", (event) => {
  const sync = /** @type {ExtendableEvent & {tag: string}} */ (event);
  if (sync.tag === "outbox") sync.waitUntil(drain({ force: true }));
});

// Reminders (reminders/deliver.py); a tap opens the quick log (page/nudge.js).
sw.addEventListener("push", (e) => e.waitUntil(sw.registration.showNotification("diarycard", e.data?.json())));
sw.addEventListener("notificationclick", (e) => {
  const url = e.notification.data;
  e.notification.close();
  e.waitUntil((async () => {
    const [app] = await sw.clients.matchAll({ type: "window" });
    if (app) (await app.focus()).postMessage({ open: url });
    else await sw.clients.openWindow(url);
  })());
});
