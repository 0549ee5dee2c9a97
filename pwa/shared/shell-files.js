// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "c462d265702e";

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
  "/app/access-log-B95bA4FR.js",
  "/app/chains-Dk74darv.js",
  "/app/checking-C9CI9W2D.js",
  "/app/discharge-DX1edJ7L.js",
  "/app/downloads-D_pTEXd6.js",
  "/app/emotions-CgnhQOdc.js",
  "/app/goals-BWQf3Tco.js",
  "/app/learn-BGsCN72j.js",
  "/app/lock-DVhcLFlW.js",
  "/app/nudge-C2VhddiS.js",
  "/app/outcomes-B8rPWHOC.js",
  "/app/plan-edit-B7UC4jlL.js",
  "/app/privacy-Bbiu8u_7.js",
  "/app/progress-OZfUAdSc.js",
  "/app/push-9EyY-_mw.js",
  "/app/reminders-BES_TF9a.js",
  "/app/sign-in-code-CYZOgoSX.js",
  "/app/table-Cgtm0GP6.js",
  "/app/withdraw-BADXHXx5.js",
  "/app/words-CavlLq2-.js",
  "/page/reminders.css",
];
