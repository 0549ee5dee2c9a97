// @ts-check
/**
 * The app shell the service worker precaches. VERSION names the cache: change it with any
 * file below (tests/pwa/test_shell.py prints the value), so phones offer the update. Each
 * file counts towards the 60 KB gzipped first-load budget; icons (the browser fetches them
 * on install) and "/" (answered with /index.html) are left out.
 */
export const VERSION = "81a14b33161b";

export const SHELL_FILES = [
  "/index.html",
  "/style.css",
  "/manifest.webmanifest",
  "/page/crisis.js",
  "/page/dom.js",
  "/page/drainer.js",
  "/page/entries.js",
  "/page/entry-form.js",
  "/page/history.js",
  "/page/home.js",
  "/page/lock-gate.js",
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
  "/page/tools/contacts.js",
  "/page/tools/data.js",
  "/page/tools/fields.js",
  "/page/tools/index.js",
  "/page/tools/list.js",
  "/page/tools/plan-data.js",
  "/page/tools/plan-view.js",
  "/page/tools/problems.js",
  "/page/tools/tools.css",
  "/page/tools/warning.js",
  "/shared/api.js",
  "/shared/idb.js",
  "/shared/outbox.js",
  "/shared/seal.js",
  "/shared/shell-files.js",
  "/shared/sync.js",
];

// Loaded on first use, then kept by the service worker (pwa/README.md). VERSION covers them.
export const LATER_FILES = [
  // /crisis as the server renders it, the emergency numbers in its HTML: kept from the
  // first visit (or sign-in) on, for a phone whose scripts cannot run offline.
  "/crisis",
  "/page/access-log.js",
  "/page/tools/plan-edit.js",
  "/page/tools/checking.js",
  "/page/tools/goals.js",
  "/page/tools/discharge.js",
  "/page/tools/outcomes.js",
  "/page/access-words.js",
  "/page/downloads.js",
  "/page/nudge.js",
  "/page/push.js",
  "/page/reminders.css",
  "/page/reminders.js",
  "/page/privacy.js",
  "/page/withdraw.js",
  "/page/sign-in-code.js",
  "/shared/qr.js",
  "/page/lock.js",
  "/page/progress.js",
  "/page/tools/learn.js",
  "/page/tools/emotions.js",
  "/shared/lock-keys.js",
];
