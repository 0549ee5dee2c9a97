// @ts-check
/** Inviting someone, and showing an invitation code to hand over in person. */
import { call, reasonOf } from "../shared/api.js";
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
    ? h("p", { class: "field" }, h("label", { for: "role" }, "They are a"),
      h("select", { id: "role", name: "role" },
        h("option", { value: "patient" }, "Patient"),
        h("option", { value: "clinician" }, "Clinician"),
        h("option", { value: "researcher" }, "Researcher (sees study participants by pseudonym only)")))
    : null;
  const form = h("form", { class: "card narrow", "aria-describedby": "invite-problem" },
    roleField,
    h("p", { class: "field" }, h("label", { for: "display_name" }, "Name to show"),
      h("input", { id: "display_name", name: "display_name", maxlength: 100, required: true,
        autocomplete: "off", "aria-describedby": "name-hint" }),
      h("span", { class: "muted", id: "name-hint" }, "A first name is enough.")),
    h("p", { class: "field" }, h("label", { for: "login" }, "Login name"),
      h("input", { id: "login", name: "login", minlength: 3, maxlength: 64, required: true,
        pattern: "[A-Za-z0-9._\\-]+", autocomplete: "off", "aria-describedby": "login-hint" }),
      h("span", { class: "muted", id: "login-hint" },
        "Letters, numbers, dots, dashes. Not an email address or NHS number.")),
    problem,
    h("button", { type: "submit" }, "Create the invitation"));
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
  const words = role === "admin"
    ? "Create an account for a patient or a clinician. They choose their own password with the code you give them."
    : "Create an account for a patient. They join your care team and choose their own password with the code you give them.";
  show("Invite someone", h("h1", {}, "Invite someone"), h("p", { class: "lead" }, words), form);
}

/**
 * @param {{login: string, code: string, expires_at: string, qr_svg: string}} invitation
 * @param {string} name
 */
export function showInvitation(invitation, name) {
  show(`Invitation for ${name}`,
    h("h1", {}, `Invitation for ${name}`),
    h("div", { class: "invitation card" },
      h("div", {},
        h("p", {}, "Login name: ", h("strong", {}, invitation.login)),
        h("p", {}, "Invitation code:"),
        h("p", { class: "code" }, invitation.code),
        h("p", {}, `It works once, until ${dateTime(invitation.expires_at)}.`)),
      qrImage(invitation.qr_svg, `QR code that opens diarycard with the invitation code for ${name}`)),
    h("p", { class: "lead" },
      "Give the code in person: they scan the QR code with their phone's camera, or open diarycard and type the code, then choose a password. Please do not send it by email or text."),
    h("p", { class: "actions" },
      h("button", { type: "button", onclick: () => window.print() }, "Print"),
      h("button", { type: "button", class: "secondary", onclick: inviteAgain }, "Invite someone else")));
}

function inviteAgain() {
  if (location.hash === "#/invite") window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = "#/invite";
}
