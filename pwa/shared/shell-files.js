// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "51fcee95d5f8";

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
  "/app/access-log-Cwvo8uYk.js",
  "/app/chains-B39VSlZm.js",
  "/app/checking-BQvUvn4A.js",
  "/app/discharge-CGKn0CZI.js",
  "/app/downloads-Ef-j5KOJ.js",
  "/app/emotions-CObcXoLf.js",
  "/app/goals-CKOH30_O.js",
  "/app/learn-CF8RhtRa.js",
  "/app/lock-Dl21yrSI.js",
  "/app/nudge-LNuQMTO6.js",
  "/app/outcomes-BSBqG781.js",
  "/app/plan-edit-sU3DcFCb.js",
  "/app/privacy-Df7mDwTf.js",
  "/app/progress-B2XWVRuk.js",
  "/app/push-Cakq95jx.js",
  "/app/reminders-C9D1QVCs.js",
  "/app/sign-in-code-B09WYBcI.js",
  "/app/table-yIdff3o_.js",
  "/app/withdraw-CiU59ZnT.js",
  "/page/reminders.css",
];
