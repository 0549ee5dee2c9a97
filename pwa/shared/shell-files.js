// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "493b795d70ca";

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
  "/app/access-log-oJA5BUG5.js",
  "/app/chains-Dq8wb7Sv.js",
  "/app/checking-DLEChr9M.js",
  "/app/discharge-CnNQx5p6.js",
  "/app/downloads-D_pTEXd6.js",
  "/app/emotions-D7utWM8R.js",
  "/app/goals-BpQAeMPb.js",
  "/app/learn-FQrxHajN.js",
  "/app/lock-DVhcLFlW.js",
  "/app/nudge-Q1onKRo5.js",
  "/app/outcomes-DXAeZmr5.js",
  "/app/plan-edit-ChgwYHZE.js",
  "/app/privacy-Bbiu8u_7.js",
  "/app/progress-OZfUAdSc.js",
  "/app/push-9EyY-_mw.js",
  "/app/reminders-DE_LfEzd.js",
  "/app/sign-in-code-jROZomlQ.js",
  "/app/table-DoaN-9We.js",
  "/app/withdraw-BADXHXx5.js",
  "/app/words-BvZxsRS1.js",
  "/page/reminders.css",
];
