// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "c0ecc8091e43";

export const SHELL_FILES = [
  "/index.html",
  "/style.css",
  "/manifest.webmanifest",
  "/app/main.js",
  "/page/tools/tools.css",
  "/shared/api.js",
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
  "/app/access-log-CEeWvmuP.js",
  "/app/chains-Dk74darv.js",
  "/app/checking-C9CI9W2D.js",
  "/app/discharge-DX1edJ7L.js",
  "/app/downloads-Bpx2rift.js",
  "/app/emotions-CgnhQOdc.js",
  "/app/goals-BWQf3Tco.js",
  "/app/learn-BGsCN72j.js",
  "/app/lock-DVhcLFlW.js",
  "/app/nudge-D6VfNTCU.js",
  "/app/outcomes-B8rPWHOC.js",
  "/app/plan-edit-B7UC4jlL.js",
  "/app/privacy-BeXWthcE.js",
  "/app/progress-D9f83mDa.js",
  "/app/push-C1V64x3I.js",
  "/app/reminders-B3xFfpYy.js",
  "/app/sign-in-code-DSB3c8zz.js",
  "/app/table-Cgtm0GP6.js",
  "/app/withdraw-BUl93ftH.js",
  "/app/words-CavlLq2-.js",
  "/app/words-DdbhKfvN.js",
  "/page/reminders.css",
];
