// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "b56486cb8bd5";

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
  "/app/chains-DIymKoSB.js",
  "/app/checking-Do1jrGgT.js",
  "/app/discharge-DzJ10_iO.js",
  "/app/downloads-D_pTEXd6.js",
  "/app/emotions-CdB2vxeq.js",
  "/app/goals-CdmgY-7z.js",
  "/app/learn-FQrxHajN.js",
  "/app/lock-DVhcLFlW.js",
  "/app/nudge-Q1onKRo5.js",
  "/app/outcomes-C0VKrru1.js",
  "/app/plan-edit-BUiUoyh-.js",
  "/app/privacy-Bbiu8u_7.js",
  "/app/progress-OZfUAdSc.js",
  "/app/push-9EyY-_mw.js",
  "/app/reminders-DE_LfEzd.js",
  "/app/sign-in-code-jROZomlQ.js",
  "/app/table-Bf4-LpNT.js",
  "/app/withdraw-BADXHXx5.js",
  "/app/words-ZcxJEyFg.js",
  "/page/reminders.css",
];
