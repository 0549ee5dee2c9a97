// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "fb2bc8b04b42";

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
  "/app/access-log-CEUIbh8J.js",
  "/app/chains-C6aD9zp5.js",
  "/app/checking-DjVPpOmI.js",
  "/app/discharge-Dshbuqgb.js",
  "/app/downloads-D_pTEXd6.js",
  "/app/emotions-DHnxFg8s.js",
  "/app/goals-C_VJpLMF.js",
  "/app/learn-C9LwwY8K.js",
  "/app/lock-DVhcLFlW.js",
  "/app/nudge-BFLwzi5Q.js",
  "/app/outcomes-DdCsqgG_.js",
  "/app/plan-edit-DO9xe-P5.js",
  "/app/privacy-Bbiu8u_7.js",
  "/app/progress-OZfUAdSc.js",
  "/app/push-9EyY-_mw.js",
  "/app/reminders-AMuGhnFx.js",
  "/app/sign-in-code-jROZomlQ.js",
  "/app/table-D2Dp-2gK.js",
  "/app/withdraw-BADXHXx5.js",
  "/page/reminders.css",
];
