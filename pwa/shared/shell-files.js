// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "2eee07bb4374";

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
  "/app/access-log-CW_w686O.js",
  "/app/chains-EORkmGNy.js",
  "/app/checking-AaRe_6gI.js",
  "/app/discharge-DqLboYSW.js",
  "/app/downloads-DfC2XS83.js",
  "/app/emotions-DHnxFg8s.js",
  "/app/goals-C-Fmco4C.js",
  "/app/learn-C9LwwY8K.js",
  "/app/lock-bw8UoBkK.js",
  "/app/nudge-C6LQVa-e.js",
  "/app/outcomes-BCc_7b_T.js",
  "/app/plan-edit-D6paXd_D.js",
  "/app/privacy-Bhp1hiUS.js",
  "/app/progress-BwBwBnvV.js",
  "/app/push-DD1G1Kqs.js",
  "/app/reminders-CDQHjHkZ.js",
  "/app/sign-in-code-CEHIXiHl.js",
  "/app/table-BwQiVVgy.js",
  "/app/withdraw-C-xqvq6g.js",
  "/page/reminders.css",
];
