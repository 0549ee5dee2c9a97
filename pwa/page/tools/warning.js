// @ts-check
/**
 * The diary's link to the crisis plan: when a saved entry matches one of the patient's
 * early warning signs, or a risk item reaches a threshold agreed in the plan, offer the
 * plan's steps at once, on the phone, with no signal needed. Nobody is alerted; that the
 * step was offered is recorded (through the outbox) so the clinician sees it in review.
 */
import { t } from "../../shared/words.js";
import { enqueue } from "../../shared/outbox.js";
import { h } from "../../shared/dom.js";
import { kick } from "../drainer.js";
import { dialable, keptPlan, matchPlan } from "./plan-data.js";

/** Entries already offered for in this page, so an edit does not ask twice. */
const offered = new Set();

/** @param {any} plan @param {string} reason */
function offerDialog(plan, reason) {
  const titleId = "plan-offer-title";
  /** @type {string[]} */
  const steps = (plan.self_help || []).slice(0, 3);
  const people = [...(plan.contacts || []), ...(plan.professionals || [])].filter((p) => p.phone).slice(0, 3);
  const dialog = /** @type {HTMLDialogElement} */ (h("dialog", { class: "dialog plan-offer", "aria-labelledby": titleId },
    h("h2", { id: titleId, text: t("offer.title") }),
    h("p", { text: t("offer.matches", { reason }) }),
    steps.length ? h("div", {}, h("h3", { text: t("offer.steps") }), h("ul", {}, ...steps.map((s) => h("li", { text: s })))) : null,
    people.length ? h("div", {}, h("h3", { text: t("offer.people") }), h("ul", { class: "numbers" }, ...people.map((p) =>
      h("li", {}, h("a", { class: "call plan-call", href: `tel:${dialable(p.phone)}` },
        h("span", { class: "call-number", text: t("crisis.call", { number: p.name }) }),
        h("span", { class: "call-label", text: p.phone })))))) : null,
    h("p", { class: "notice", text: t("offer.notice") }),
    h("div", { class: "actions" },
      h("a", { class: "button", href: "/crisis", text: t("crisis.open") }),
      h("button", { class: "button secondary", type: "button", value: "close", text: t("nudge.later"), autofocus: true }))));
  dialog.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (target instanceof HTMLButtonElement || target.closest("a")) dialog.close();
  });
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

/** @param {Event} event */
async function onEntrySaved(event) {
  const entry = /** @type {CustomEvent} */ (event).detail;
  if (!entry?.id || offered.has(entry.id)) return;
  const kept = await keptPlan();
  const reason = kept && matchPlan(entry, kept.plan.plan);
  if (!kept || !reason) return;
  offered.add(entry.id);
  offerDialog(kept.plan.plan, reason);
  const id = crypto.randomUUID();
  await enqueue({
    kind: "crisis-offers", id, method: "PUT", url: `/api/v1/crisis-plan/offers/${id}`,
    body: { entry_id: entry.id, reason: reason.slice(0, 300), offered_at: new Date().toISOString() },
  });
  void kick(true);
}

window.addEventListener("diarycard:entry-saved", (event) => void onEntrySaved(event));
