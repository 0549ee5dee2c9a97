// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "8527eff1b30b";

export const SHELL_FILES = [
  "/index.html",
  "/style.css",
  "/manifest.webmanifest",
  "/app/main.js",
  "/page/tools/tools.css",
  "/shared/api.js",
  "/shared/dropbox.js",
  "/shared/idb.js",
  "/shared/outbox.js",
  "/shared/phone-session.js",
  "/shared/seal.js",
  "/shared/shell-files.js",
  "/shared/sync.js",
];

// Loaded on first use, then kept by the service worker (pwa/README.md). VERSION covers them.
export const LATER_FILES = [
  // /crisis as the server renders it, the emergency numbers in its HTML: kept from the
  // first visit (or sign-in) on, for a phone whose scripts cannot run offline.
  "/crisis",
  "/app/access-log-BKlRJZC1.js",
  "/app/chains-CzkTLdQU.js",
  "/app/checking-Dg-Y5G4A.js",
  "/app/discharge-C1vK5zq8.js",
  "/app/downloads-zJMO4dJI.js",
  "/app/emotions-Dj9_zX6U.js",
  "/app/goals-ClXJfWr2.js",
  "/app/learn-DDYFhWET.js",
  "/app/lock-Dl21yrSI.js",
  "/app/nudge-ChJRWoA3.js",
  "/app/outcomes-CiFyP0QN.js",
  "/app/plan-edit-CGdGgJah.js",
  "/app/privacy-DZ1Jf12o.js",
  "/app/progress-04R-3Bxq.js",
  "/app/push-DKF-vbXp.js",
  "/app/reminders-DeuFMrOQ.js",
  "/app/sign-in-code-5pop6xXP.js",
  "/app/table-DPQfBL_e.js",
  "/app/withdraw-BAuqJItn.js",
  "/app/words-3FcF6f8w.js",
  "/app/words-ePz9vgh8.js",
  "/page/reminders.css",
];
