// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "973d61e2a1ae";

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
  "/app/access-log-CirS8dOK.js",
  "/app/chains-CTIx9B8r.js",
  "/app/checking-hyxCG40F.js",
  "/app/discharge-DE7_B5IU.js",
  "/app/downloads-D5lUDBiZ.js",
  "/app/emotions-CoA0dLIA.js",
  "/app/goals-BWRs-G55.js",
  "/app/learn-D5rz-xPC.js",
  "/app/lock-Dl21yrSI.js",
  "/app/nudge-CfbULIza.js",
  "/app/outcomes-Bp6pzxut.js",
  "/app/plan-edit-By5pyVgy.js",
  "/app/privacy-PcQGJNMl.js",
  "/app/progress-YRLNDrqf.js",
  "/app/push-BpU_mepQ.js",
  "/app/reminders-Cxuaxka-.js",
  "/app/sign-in-code-QSXlm4VO.js",
  "/app/table-ClLwdHSU.js",
  "/app/withdraw-B5D1oueX.js",
  "/app/words-D5GlFLbr.js",
  "/app/words-tBHSAmxI.js",
  "/page/reminders.css",
];
