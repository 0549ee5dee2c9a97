// @ts-check
/**
 * The status line under the header: the app's one offline banner (screens showing a
 * kept copy say only when it was saved), "Waiting to send: N" (with how many need the
 * patient's attention), a short "All sent" once the last of them has gone, and a prompt
 * to sign in again when the session ran out.
 */
import { t } from "../shared/words.js";
import { currentSession } from "../shared/phone-session.js";
import { patientRecords } from "../shared/outbox.js";
import { h } from "../shared/dom.js";

const line = /** @type {HTMLElement} */ (document.getElementById("status"));
let waitingBefore = 0;
let allSentUntil = 0;

export async function refreshStatus() {
  const [waiting, session] = await Promise.all([patientRecords(), currentSession()]);
  const parked = waiting.filter((r) => r.state !== "queued").length;
  const parts = [];
  if (!navigator.onLine) {
    parts.push(h("p", { class: "status-offline", text: t("status.offline") }));
  }
  if (waiting.length > 0) {
    const text = parked === 0 ? t("status.waiting", { count: waiting.length })
      : t(parked === 1 ? "status.waiting.one" : "status.waiting.parked", { count: waiting.length, parked });
    parts.push(h("p", {}, h("a", { href: "/waiting", class: "status-waiting", text })));
  }
  // Everything that waited has gone: say so briefly, so the patient knows it arrived.
  if (waitingBefore > 0 && waiting.length === 0 && navigator.onLine) {
    allSentUntil = Date.now() + 6000;
    setTimeout(() => void refreshStatus(), 6100);
  }
  waitingBefore = waiting.length;
  if (waiting.length === 0 && Date.now() < allSentUntil) {
    parts.push(h("p", { class: "status-sent", text: t("status.sent") }));
  }
  if (session?.expired) {
    parts.push(h("p", {}, h("a", { href: "/signin", class: "status-signin", text: t("status.signin") })));
  }
  if (session && !session.expired) import("./nudge.js").catch(() => {});
  line.replaceChildren(...parts);
  line.classList.toggle("has-content", parts.length > 0);
}

export function startStatus() {
  const refresh = () => void refreshStatus();
  window.addEventListener("online", refresh);
  window.addEventListener("offline", refresh);
  window.addEventListener("diarycard:outbox", refresh);
  window.addEventListener("diarycard:session", refresh);
  window.addEventListener("diarycard:drained", refresh);
  try {
    new BroadcastChannel("diarycard-outbox").onmessage = refresh;
  } catch {
    /* no BroadcastChannel: our own events still refresh */
  }
  refresh();
}
