// @ts-check
/**
 * The agreed crisis plan as a section of the crisis screen, drawn from the copy on this
 * phone first (so it shows at once, with no signal), then refreshed when there is one.
 */
import { t } from "../../shared/words.js";
import { currentSession } from "../../shared/phone-session.js";
import { h } from "../../shared/dom.js";
import { dayOf, timeOf } from "../dom.js";
import { isLocked } from "../../shared/seal.js";
import { registerCrisisSection } from "../registry.js";
import { onDay } from "./list.js";
import { dialable, keptPlan, refreshPlan } from "./plan-data.js";

/** @param {string} title @param {string[]} items */
function listSection(title, items) {
  if (!items || items.length === 0) return null;
  return h("div", {}, h("h3", { text: title }), h("ul", {}, ...items.map((item) => h("li", { text: item }))));
}

/** @param {string} title @param {any[]} people */
function callSection(title, people) {
  if (!people || people.length === 0) return null;
  return h("div", {}, h("h3", { text: title }), h("ul", { class: "numbers" }, ...people.map((p) => h("li", {},
    p.phone
      ? h("a", { class: "call plan-call", href: `tel:${dialable(p.phone)}` },
        h("span", { class: "call-number", text: t("crisis.call", { number: p.name }) }),
        h("span", { class: "call-label", text: [p.phone, p.note].filter(Boolean).join(" · ") }))
      : h("p", { text: [p.name, p.note].filter(Boolean).join(" · ") })))));
}

/** @param {any} agreed @param {number | null} at when this phone last fetched it */
export function drawPlan(agreed, at) {
  const plan = agreed.plan;
  const crises = (plan.previous_crises || []).filter((/** @type {any} */ c) => c.when || c.what_led_up);
  return h("div", { class: "plan" },
    h("h2", { text: t("tools.crisis-plan") }),
    listSection(t("plan.warning_signs"), plan.warning_signs),
    listSection(t("plan.self_help"), plan.self_help),
    listSection(t("plan.people_places"), plan.people_places),
    callSection(t("plan.contacts"), plan.contacts),
    callSection(t("plan.professionals"), plan.professionals),
    listSection(t("plan.safer"), plan.safer),
    listSection(t("plan.reasons"), plan.reasons),
    crises.length ? h("details", {}, h("summary", { text: t("plan.crises") }),
      h("ul", {}, ...crises.map((/** @type {any} */ c) => h("li", { text: [c.when, c.what_led_up].filter(Boolean).join(": ") })))) : null,
    h("p", { class: "hint", text: t("plan.version", { version: agreed.version, clinician: agreed.clinician_name, when: onDay(agreed.agreed_at), review: dayOf(`${agreed.review_date}T12:00`) }) }),
    at ? h("p", { class: "hint", text: t("plan.updated", { day: dayOf(at), time: timeOf(at) }) }) : null,
  );
}

/** @param {HTMLElement} container */
async function render(container) {
  const kept = await keptPlan();
  const none = h("div", {},
    h("h2", { text: t("tools.crisis-plan") }),
    h("p", { text: await isLocked()
      ? t("plan.locked")
      : t("plan.none") }));
  container.replaceChildren(kept ? drawPlan(kept.plan, kept.at) : none,
    h("p", {}, h("a", { href: "/tools?tool=crisis-plan", text: t("plan.work") })));
  const session = await currentSession();
  if (!session || session.expired || !navigator.onLine) return;
  try {
    const agreed = await refreshPlan();
    if (!agreed) return;
    container.firstElementChild?.replaceWith(drawPlan(agreed, Date.now()));
  } catch {
    /* no signal or signed out: the copy stays on screen */
  }
}

registerCrisisSection({ id: "plan", order: 10, render });

// Keep the copy fresh whenever the app starts or someone signs in, so the first visit to
// /crisis with no signal already has it.
async function prefetch() {
  const session = await currentSession();
  if (session && !session.expired && session.role === "patient" && navigator.onLine) {
    refreshPlan().catch(() => { /* offline: try next time */ });
  }
}
window.addEventListener("diarycard:session", () => void prefetch());
void prefetch();
