// @ts-check
/**
 * A study participant left (the day and why) or completed (the day): the CONSORT flow's
 * attendance rows come from these. Reasons are categories only, never free text.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { today } from "../shared/staff.js";

const WHY = ["stopped_attending", "withdrew", "moved_away", "in_custody", "lost_to_follow_up", "died", "other"]
  .map((k) => [k, t(`leave.why.${k}`)]);

/** @param {string} label @param {string} id @param {HTMLElement} input */
const field = (label, id, input) => h("p", { class: "field" }, h("label", { for: id }, label), input);

/** @param {string} id the study @param {(said?: string) => void} reload */
export function leavingSection(id, reload) {
  const patient = h("input", { id: "end-patient", required: true, pattern: "[0-9a-f-]{36}", maxlength: 36 });
  const status = h("select", { id: "end-status" },
    h("option", { value: "completed" }, t("leave.completed")), h("option", { value: "left" }, t("leave.left")),
    h("option", { value: "in_follow_up" }, t("leave.back")));
  const on = h("input", { id: "end-day", type: "date", max: today(), value: today() });
  const why = h("select", { id: "end-why" }, ...WHY.map(([value, label]) => h("option", { value }, label)));
  const said = h("p", { "aria-live": "polite" });
  const value = (/** @type {HTMLElement} */ el) => /** @type {HTMLInputElement} */ (el).value;
  const form = h("form", {}, field(t("leave.patient_id"), "end-patient", patient),
    field(t("leave.what"), "end-status", status), field(t("leave.on"), "end-day", on),
    field(t("leave.why"), "end-why", why), h("button", { type: "submit" }, t("leave.save")), said);
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
    reload(t(chosen === "completed" ? "leave.done.completed" : chosen === "left" ? "leave.done.left" : "leave.done.back",
      { pseudonym: reply.data.pseudonym }));
  });
  return h("section", { class: "card", "aria-labelledby": "leaving" }, h("h2", { id: "leaving" }, t("leave.title")),
    h("p", { class: "muted" }, t("leave.about")), form);
}
