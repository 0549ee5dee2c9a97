// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "6766e3dc1599";

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
  "/app/access-log-9ldm5fZ2.js",
  "/app/chains-fSfRnWqa.js",
  "/app/checking-BPESQya2.js",
  "/app/discharge-DJGzTYQR.js",
  "/app/downloads-CJD3n2t3.js",
  "/app/goals-8Ek_C7_F.js",
  "/app/nudge-BW7IewvS.js",
  "/app/outcomes-BaWYAxwN.js",
  "/app/plan-edit-CIVyy7Y8.js",
  "/app/privacy-Bhp1hiUS.js",
  "/app/push-DD1G1Kqs.js",
  "/app/reminders-CsfSq_Yq.js",
  "/app/sign-in-code-C4ngXFj7.js",
  "/app/table-DKD6g9aG.js",
  "/app/withdraw-v0wQmLXh.js",
  "/page/reminders.css",
];
