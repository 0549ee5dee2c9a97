// @ts-check
/** Start the app: screens, router, status line, service worker, outbox draining. */
import { useSession } from "../shared/api.js";
import { phoneSession } from "../shared/phone-session.js";
import { kick } from "./drainer.js";
import { startRouter } from "./router.js";
import "./screens.js";
import { finishPendingSignOut } from "./session.js";
import { startStatus } from "./status.js";
import { startWorker } from "./update.js";

useSession(phoneSession);
startStatus();
void startWorker();
await startRouter();
void finishPendingSignOut();

// Drain at start, when the network comes back, and whenever the app comes to the front.
void kick(true);
window.addEventListener("online", () => {
  void finishPendingSignOut();
  void kick(true);
});
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") void kick(false);
});
