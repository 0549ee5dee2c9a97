// @ts-check
/**
 * The caseload in tiers, most urgent first (backend/diarycard/caseload/tiers.py has the
 * rules). Each tier has its own heading and a marker that is text and shape, not colour
 * alone, so a clinician sees at a glance who to look at first, also in print and for
 * people who do not see colour.
 */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { dateTime, show } from "../shared/staff.js";
import { supervisionCard } from "../shared/supervision.js";
import { message } from "../shared/message.js";

/** Marker shape and short word per tier; the tier's name comes from the server. */
const MARKERS = {
  1: { shape: "▲", word: "Look first" },
  2: { shape: "●", word: "Follow up" },
  3: { shape: "○", word: "No flags" },
};

export async function caseloadScreen() {
  const reply = await call("GET", "/api/v1/patients");
  if (!reply.ok) {
    show("Caseload", h("h1", {}, "Your caseload"), message("problem", reasonOf(reply.data)));
    return;
  }
  /** @type {any[]} */
  const rows = reply.data;
  const tiers = [1, 2, 3].map((tier) => rows.filter((r) => r.tier === tier)).filter((t) => t.length);
  show("Caseload",
    h("h1", {}, "Your caseload"),
    h("p", { class: "lead" }, rows.length
      ? "Patients are in three groups. Anyone with a risk since their last session comes first, whatever else is true; then people to follow up (a missed appointment, or quieter than usual); then everyone else. Within a group, the highest risk comes first, then the most recent entry."
      : "No patients are assigned to you yet. Your service's administrator adds them to your caseload."),
    ...tiers.map((group) => tierSection(group)),
    await ownSupervision(),
  );
}

/** The clinician's own supervision (NICE QS88 statement 6), overdue flagged. */
async function ownSupervision() {
  const me = await call("GET", "/api/v1/me");
  if (!me.ok || me.data.role !== "clinician") return null;
  const reply = await call("GET", `/api/v1/supervision/${me.data.user_id}`);
  return reply.ok ? supervisionCard(reply.data, "Your supervision", () => caseloadScreen()) : null;
}

/** @param {any[]} rows all in one tier */
function tierSection(rows) {
  const tier = rows[0].tier;
  const marker = MARKERS[/** @type {1 | 2 | 3} */ (tier)];
  const id = `tier-${tier}`;
  return h("section", { class: `tier tier-${tier}`, "aria-labelledby": id },
    h("h2", { id }, h("span", { class: "marker", "aria-hidden": "true" }, marker.shape), ` ${rows[0].tier_name} (${rows.length})`),
    h("table", { class: "caseload" },
      h("caption", { class: "visually-hidden" }, rows[0].tier_name),
      h("thead", {}, h("tr", {},
        ...["Patient", "Since the last session", "Last entry", "Next appointment", "Why they are in this group"]
          .map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, ...rows.map((r) => h("tr", { class: tier < 3 ? "flagged" : null, "data-tier": tier },
        h("th", { scope: "row" },
          h("span", { class: "tier-mark" }, `${marker.shape} ${marker.word}`), " ",
          h("a", { href: `#/patients/${r.patient_id}` }, r.display_name),
          h("span", { class: "muted" }, ` (${r.login})`),
          r.phase_words ? h("span", { class: r.phase_overrun ? "phase overdue-flag" : "phase muted" },
            `${r.phase_overrun ? "▲ " : ""}${r.phase_words}`) : null),
        h("td", {}, r.summary, ...(r.measures || []).map((/** @type {string} */ m) => h("span", { class: "measure-due" }, `; ${m}`))),
        h("td", {}, r.last_entry_at ? dateTime(r.last_entry_at) : "None yet"),
        h("td", {}, r.next_appointment_at ? dateTime(r.next_appointment_at) : "None booked"),
        h("td", {}, r.reasons.length ? h("ul", { class: "plain" }, ...r.reasons.map((/** @type {string} */ x) => h("li", {}, x))) : "Nothing flagged"))))));
}
