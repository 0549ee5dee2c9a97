// @ts-check
/**
 * The caseload in tiers, most urgent first (backend/diarycard/caseload/tiers.py has the
 * rules). Each tier has its own heading and a marker that is text and shape, not colour
 * alone, so a clinician sees at a glance who to look at first, also in print and for
 * people who do not see colour.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { dateTime, show } from "../shared/staff.js";
import { supervisionCard } from "../shared/supervision.js";
import { message } from "../shared/message.js";

/** Marker shape and short word per tier; the tier's name comes from the server. */
const MARKERS = {
  1: { shape: "▲", word: "caseload.look_first" },
  2: { shape: "●", word: "caseload.follow_up" },
  3: { shape: "○", word: "caseload.no_flags" },
};

export async function caseloadScreen() {
  const reply = await call("GET", "/api/v1/patients");
  if (!reply.ok) {
    show(t("caseload.title"), h("h1", {}, t("caseload.heading")), message("problem", reasonOf(reply.data)));
    return;
  }
  /** @type {any[]} */
  const rows = reply.data;
  const tiers = [1, 2, 3].map((tier) => rows.filter((r) => r.tier === tier)).filter((group) => group.length);
  show(t("caseload.title"),
    h("h1", {}, t("caseload.heading")),
    h("p", { class: "lead" }, rows.length
      ? t("caseload.lead")
      : t("caseload.none")),
    ...tiers.map((group) => tierSection(group)),
    await ownSupervision(),
  );
}

/** The clinician's own supervision (NICE QS88 statement 6), overdue flagged. */
async function ownSupervision() {
  const me = await call("GET", "/api/v1/me");
  if (!me.ok || me.data.role !== "clinician") return null;
  const reply = await call("GET", `/api/v1/supervision/${me.data.user_id}`);
  return reply.ok ? supervisionCard(reply.data, t("caseload.supervision"), () => caseloadScreen()) : null;
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
        ...[t("caseload.patient"), t("caseload.since"), t("caseload.last"), t("caseload.next"), t("caseload.why")]
          .map((name) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, ...rows.map((r) => h("tr", { class: tier < 3 ? "flagged" : null, "data-tier": tier },
        h("th", { scope: "row" },
          h("span", { class: "tier-mark" }, `${marker.shape} ${t(marker.word)}`), " ",
          h("a", { href: `#/patients/${r.patient_id}` }, r.display_name),
          h("span", { class: "muted" }, ` (${r.login})`),
          r.phase_words ? h("span", { class: r.phase_overrun ? "phase overdue-flag" : "phase muted" },
            `${r.phase_overrun ? "▲ " : ""}${r.phase_words}`) : null),
        h("td", {}, r.summary, ...(r.measures || []).map((/** @type {string} */ m) => h("span", { class: "measure-due" }, `; ${m}`))),
        h("td", {}, r.last_entry_at ? dateTime(r.last_entry_at) : t("caseload.none_yet")),
        h("td", {}, r.next_appointment_at ? dateTime(r.next_appointment_at) : t("caseload.none_booked")),
        h("td", {}, r.reasons.length ? h("ul", { class: "plain" }, ...r.reasons.map((/** @type {string} */ x) => h("li", {}, x))) : t("caseload.nothing")))))));
}
