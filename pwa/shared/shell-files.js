// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "147c44deed74";

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
  "/app/chains-B_JwH7bL.js",
  "/app/checking-34VkuT8Z.js",
  "/app/discharge-CCDhYUqy.js",
  "/app/downloads-zJMO4dJI.js",
  "/app/emotions-Xsope8py.js",
  "/app/goals-DH7uF9pT.js",
  "/app/learn-DDYFhWET.js",
  "/app/lock-Dl21yrSI.js",
  "/app/nudge-ChJRWoA3.js",
  "/app/outcomes-DKTCu-Nt.js",
  "/app/plan-edit-h028S6mN.js",
  "/app/privacy-DZ1Jf12o.js",
  "/app/progress-04R-3Bxq.js",
  "/app/push-DKF-vbXp.js",
  "/app/reminders-DeuFMrOQ.js",
  "/app/sign-in-code-5pop6xXP.js",
  "/app/table-5-qLD0Du.js",
  "/app/withdraw-BAuqJItn.js",
  "/app/words-CsPDdcHN.js",
  "/app/words-ePz9vgh8.js",
  "/page/reminders.css",
];
