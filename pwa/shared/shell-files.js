// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "8d451a673343";

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
  "/app/access-log-BBm1KYIW.js",
  "/app/chains-BEY3kOIK.js",
  "/app/checking-gsbQ-Q6t.js",
  "/app/discharge-fjxuXejU.js",
  "/app/downloads-CUxYY1vL.js",
  "/app/emotions-CObcXoLf.js",
  "/app/goals-CCTgh3Ft.js",
  "/app/learn-CF8RhtRa.js",
  "/app/lock-CP9BepWB.js",
  "/app/nudge-DjcKRk-6.js",
  "/app/outcomes-C2wqrusZ.js",
  "/app/plan-edit-blerOALC.js",
  "/app/privacy-Df7mDwTf.js",
  "/app/progress-C89m-td7.js",
  "/app/push-Cakq95jx.js",
  "/app/reminders-DAfnFXiH.js",
  "/app/sign-in-code-CEEC3iHe.js",
  "/app/table-IDqeR-mq.js",
  "/app/withdraw-BJGhNJOe.js",
  "/page/reminders.css",
];
