// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "f39e6bd0ed4a";

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
  "/app/access-log-DH2k6_8i.js",
  "/app/chains-fSkvYKIa.js",
  "/app/checking-DwO1QA6l.js",
  "/app/discharge-fl3G1Ck_.js",
  "/app/downloads-BN-ZMesI.js",
  "/app/emotions-DHnxFg8s.js",
  "/app/goals-DomHY5mV.js",
  "/app/learn-C9LwwY8K.js",
  "/app/lock-CTJI4f5O.js",
  "/app/nudge-ffz9UrBC.js",
  "/app/outcomes-DSu_WRXn.js",
  "/app/plan-edit-zIXnIs1n.js",
  "/app/privacy-Bhp1hiUS.js",
  "/app/progress-DRtFB7F6.js",
  "/app/push-9EyY-_mw.js",
  "/app/reminders-CyBxE0oF.js",
  "/app/sign-in-code-CwI7Ca4e.js",
  "/app/table-2OycUoyD.js",
  "/app/withdraw-CnGkW1VN.js",
  "/page/reminders.css",
];
