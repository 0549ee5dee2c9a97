// @ts-check
/**
 * Registering the service worker, and updates that wait for the patient to agree. An
 * update never reloads a screen that holds unsaved input.
 */
import { t } from "../shared/words.js";
import { h } from "../shared/dom.js";
import { hasUnsavedInput } from "./router.js";

const banner = /** @type {HTMLElement} */ (document.getElementById("update"));

export async function startWorker() {
  if (!("serviceWorker" in navigator)) return;
  let registration;
  try {
    registration = await navigator.serviceWorker.register("/sw.js", { type: "module", scope: "/" });
  } catch {
    return; // The app still works online; it just cannot open without a signal.
  }
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const incoming = registration.installing;
    incoming?.addEventListener("statechange", () => {
      if (incoming.state === "installed" && navigator.serviceWorker.controller) offer(incoming);
    });
  });
  // Look for a new version when the app comes back to the front.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
}

/** @param {ServiceWorker} waiting */
function offer(waiting) {
  const note = h("p", { class: "update-note", role: "status" });
  const button = h("button", {
    class: "button",
    type: "button",
    text: t("update.now"),
    onclick: () => {
      if (hasUnsavedInput()) {
        note.textContent = t("update.first");
        return;
      }
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
      waiting.postMessage({ type: "skip-waiting" });
    },
  });
  banner.replaceChildren(h("p", { text: t("update.ready") }), button, note);
  banner.hidden = false;
}
