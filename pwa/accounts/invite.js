// @ts-check
/** Inviting someone, and showing an invitation code to hand over in person. */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { dateTime, show } from "../shared/staff.js";
import { qrImage } from "../shared/qr.js";
import { newTurn } from "./turn.js";
import { message } from "../shared/message.js";

/** @param {string} role the signed-in person's role: admins may invite clinicians too */
export function inviteScreen(role) {
  newTurn(); // drawn at once: any slower screen still fetching must not draw over it
  const problem = message("problem", "", { id: "invite-problem" });
  const roleField = role === "admin"
    ? h("p", { class: "field" }, h("label", { for: "role" }, t("acc.invite.role")),
      h("select", { id: "role", name: "role" },
        h("option", { value: "patient" }, t("acc.role.patient")),
        h("option", { value: "clinician" }, t("acc.role.clinician")),
        h("option", { value: "researcher" }, t("acc.invite.researcher"))))
    : null;
  const form = h("form", { class: "card narrow", "aria-describedby": "invite-problem" },
    roleField,
    h("p", { class: "field" }, h("label", { for: "display_name" }, t("acc.invite.name")),
      h("input", { id: "display_name", name: "display_name", maxlength: 100, required: true,
        autocomplete: "off", "aria-describedby": "name-hint" }),
      h("span", { class: "muted", id: "name-hint" }, t("acc.invite.name_hint"))),
    h("p", { class: "field" }, h("label", { for: "login" }, t("acc.invite.login")),
      h("input", { id: "login", name: "login", minlength: 3, maxlength: 64, required: true,
        pattern: "[A-Za-z0-9._\\-]+", autocomplete: "off", "aria-describedby": "login-hint" }),
      h("span", { class: "muted", id: "login-hint" }, t("acc.invite.login_hint"))),
    problem,
    h("button", { type: "submit" }, t("acc.invite.create")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const name = String(data.get("display_name"));
    const reply = await call("POST", "/api/v1/invitations", {
      role: String(data.get("role") || "patient"), login: String(data.get("login")),
      display_name: name,
    });
    if (!reply.ok) {
      problem.textContent = reasonOf(reply.data);
      return;
    }
    showInvitation(reply.data, name);
  });
  const words = t(role === "admin" ? "acc.invite.lead_admin" : "acc.invite.lead");
  show(t("acc.invite.title"), h("h1", {}, t("acc.invite.title")), h("p", { class: "lead" }, words), form);
}

/**
 * @param {{login: string, code: string, expires_at: string, qr_svg: string}} invitation
 * @param {string} name
 */
export function showInvitation(invitation, name) {
  show(t("acc.invitation.title", { name }),
    h("h1", {}, t("acc.invitation.title", { name })),
    h("div", { class: "invitation card" },
      h("div", {},
        h("p", {}, `${t("acc.invitation.login")} `, h("strong", {}, invitation.login)),
        h("p", {}, t("acc.invitation.code")),
        h("p", { class: "code" }, invitation.code),
        h("p", {}, t("acc.invitation.until", { when: dateTime(invitation.expires_at) }))),
      qrImage(invitation.qr_svg, t("acc.invitation.qr", { name }))),
    h("p", { class: "lead" }, t("acc.invitation.in_person")),
    h("p", { class: "actions" },
      h("button", { type: "button", onclick: () => window.print() }, t("acc.print")),
      h("button", { type: "button", class: "secondary", onclick: inviteAgain }, t("acc.invitation.again"))));
}

function inviteAgain() {
  if (location.hash === "#/invite") window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = "#/invite";
}
