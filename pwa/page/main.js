// @ts-check
/** Start the app: screens, router, status line, service worker, outbox draining. */
import "../shared/phone-session.js";
import { kick } from "./drainer.js";
import { startRouter } from "./router.js";
import "./screens.js";
import { finishPendingSignOut } from "./session.js";
import { startStatus } from "./status.js";
import { startWorker } from "./update.js";
import { t } from "../shared/words.js";

// The shell's own words (index.html holds en-GB for the first paint).
document.querySelector(".skip")?.replaceChildren(t("shell.skip"));
document.querySelector(".crisis-link")?.replaceChildren(t("shell.crisis"));
document.getElementById("nav")?.setAttribute("aria-label", t("shell.nav"));
startStatus();
void startWorker();
// Not a top-level await: a screen loaded on first use imports from the bundle this module
// is in (app/main.js), and its import would wait for this start while it waits for them.
void startRouter().then(() => {
  void finishPendingSignOut();
  // Drain at start, when the network comes back, and whenever the app comes to the front.
  void kick(true);
});
window.addEventListener("online", () => {
  void finishPendingSignOut();
  void kick(true);
});
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") void kick(false);
});
