// @ts-check
/**
 * A study participant left (the day and why) or completed (the day): the CONSORT flow's
 * attendance rows come from these. Reasons are categories only, never free text.
 */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { today } from "../shared/staff.js";

const WHY = [
  ["stopped_attending", "Stopped attending"],
  ["withdrew", "Withdrew from the study"],
  ["moved_away", "Moved away"],
  ["in_custody", "In custody"],
  ["lost_to_follow_up", "Lost to follow-up"],
  ["died", "Died"],
  ["other", "Another reason"],
];

/** @param {string} label @param {string} id @param {HTMLElement} input */
const field = (label, id, input) => h("p", { class: "field" }, h("label", { for: id }, label), input);

/** @param {string} id the study @param {(said?: string) => void} reload */
export function leavingSection(id, reload) {
  const patient = h("input", { id: "end-patient", required: true, pattern: "[0-9a-f-]{36}", maxlength: 36 });
  const status = h("select", { id: "end-status" },
    h("option", { value: "completed" }, "Completed"), h("option", { value: "left" }, "Left the study"),
    h("option", { value: "in_follow_up" }, "Back in follow-up (to undo a mistake)"));
  const on = h("input", { id: "end-day", type: "date", max: today(), value: today() });
  const why = h("select", { id: "end-why" }, ...WHY.map(([value, label]) => h("option", { value }, label)));
  const said = h("p", { "aria-live": "polite" });
  const value = (/** @type {HTMLElement} */ el) => /** @type {HTMLInputElement} */ (el).value;
  const form = h("form", {}, field("Participant's diarycard id", "end-patient", patient),
    field("What happened", "end-status", status), field("On", "end-day", on),
    field("If they left, why", "end-why", why), h("button", { type: "submit" }, "Save"), said);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = value(status);
    const reply = await call("PUT", `/api/v1/studies/${id}/participants/${value(patient).trim()}/status`, {
      status: chosen, ...(chosen === "in_follow_up" ? {} : { on: value(on) }), ...(chosen === "left" ? { reason: value(why) } : {}) });
    if (!reply.ok) {
      said.className = "problem";
      said.textContent = reasonOf(reply.data);
      return;
    }
    reload(`${reply.data.pseudonym}: ${chosen === "completed" ? "completed" : chosen === "left" ? "left the study" : "back in follow-up"}.`);
  });
  return h("section", { class: "card", "aria-labelledby": "leaving" }, h("h2", { id: "leaving" }, "Completed or left"),
    h("p", { class: "muted" }, "For the CONSORT flow: who completed, and who left, when and why."), form);
}
