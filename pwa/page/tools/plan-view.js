// @ts-check
/**
 * The agreed crisis plan as a section of the crisis screen, drawn from the copy on this
 * phone first (so it shows at once, with no signal), then refreshed when there is one.
 */
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
  return h("div", {}, h("h3", { text: title }), h("ul", {}, ...items.map((t) => h("li", { text: t }))));
}

/** @param {string} title @param {any[]} people */
function callSection(title, people) {
  if (!people || people.length === 0) return null;
  return h("div", {}, h("h3", { text: title }), h("ul", { class: "numbers" }, ...people.map((p) => h("li", {},
    p.phone
      ? h("a", { class: "call plan-call", href: `tel:${dialable(p.phone)}` },
        h("span", { class: "call-number", text: `Call ${p.name}` }),
        h("span", { class: "call-label", text: [p.phone, p.note].filter(Boolean).join(" · ") }))
      : h("p", { text: [p.name, p.note].filter(Boolean).join(" · ") })))));
}

/** @param {any} agreed @param {number | null} at when this phone last fetched it */
export function drawPlan(agreed, at) {
  const plan = agreed.plan;
  const crises = (plan.previous_crises || []).filter((/** @type {any} */ c) => c.when || c.what_led_up);
  return h("div", { class: "plan" },
    h("h2", { text: "My crisis plan" }),
    listSection("My early warning signs", plan.warning_signs),
    listSection("Things I can do myself", plan.self_help),
    listSection("People and places that help me feel better", plan.people_places),
    callSection("People I can ask for help", plan.contacts),
    callSection("Professionals and crisis lines", plan.professionals),
    listSection("Making my situation safer", plan.safer),
    listSection("Reasons that matter to me", plan.reasons),
    crises.length ? h("details", {}, h("summary", { text: "What led to crises before" }),
      h("ul", {}, ...crises.map((/** @type {any} */ c) => h("li", { text: [c.when, c.what_led_up].filter(Boolean).join(": ") })))) : null,
    h("p", { class: "hint", text: `Version ${agreed.version}, agreed with ${agreed.clinician_name} ${onDay(agreed.agreed_at)}. To be looked at again by ${dayOf(`${agreed.review_date}T12:00`)}.` }),
    at ? h("p", { class: "hint", text: `Last updated on this phone: ${dayOf(at)} at ${timeOf(at)}.` }) : null,
  );
}

/** @param {HTMLElement} container */
async function render(container) {
  const kept = await keptPlan();
  const none = h("div", {},
    h("h2", { text: "My crisis plan" }),
    h("p", { text: await isLocked()
      ? "Your own plan opens after you unlock diarycard. The numbers above always work."
      : "You have not agreed a crisis plan yet. You can write one with your clinician, at your next session or now." }));
  container.replaceChildren(kept ? drawPlan(kept.plan, kept.at) : none,
    h("p", {}, h("a", { href: "/tools?tool=crisis-plan", text: "Work on my plan with my clinician" })));
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
