// @ts-check
/**
 * The app shell the service worker precaches. VERSION names the cache: change it whenever
 * any file below changes (tests/pwa checks it against a hash of the files and prints the
 * value to use), so phones fetch the new shell and offer the update.
 */
export const VERSION = "fcf3fba16427";

export const SHELL_FILES = [
  "/",
  "/index.html",
  "/style.css",
  "/manifest.webmanifest",
  "/icons/icon-192.png",
  "/icons/maskable-192.png",
  "/page/crisis.js",
  "/page/dom.js",
  "/page/drainer.js",
  "/page/entries.js",
  "/page/entry-form.js",
  "/page/history.js",
  "/page/home.js",
  "/page/log.js",
  "/page/log-detail.js",
  "/page/main.js",
  "/page/not-found.js",
  "/page/registry.js",
  "/page/router.js",
  "/page/screens.js",
  "/page/session.js",
  "/page/settings.js",
  "/page/signin.js",
  "/page/status.js",
  "/page/update.js",
  "/page/waiting.js",
  "/shared/api.js",
  "/shared/idb.js",
  "/shared/outbox.js",
  "/shared/seal.js",
  "/shared/shell-files.js",
  "/shared/sync.js",
];
