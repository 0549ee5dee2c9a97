// @ts-check
/** For clinicians: their own patients, to hand over a new invitation code in a session. */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { show } from "../shared/staff.js";
import { showInvitation } from "./invite.js";
import { newTurn } from "./turn.js";
import { message } from "../shared/message.js";

export async function patientsScreen() {
  const current = newTurn();
  const reply = await call("GET", "/api/v1/care-team");
  if (!current()) return;
  const problem = message("problem", "", { id: "patients-problem" });
  if (!reply.ok) {
    show("Your patients", h("h1", {}, "Your patients"), message("problem", reasonOf(reply.data)));
    return;
  }
  /** @type {Array<{user_id: string, login: string, display_name: string, disabled: boolean, invited: boolean}>} */
  const patients = reply.data;
  const newCode = async (/** @type {{user_id: string, display_name: string}} */ p) => {
    const issued = await call("POST", `/api/v1/users/${p.user_id}/invitation`);
    if (!issued.ok) {
      problem.textContent = reasonOf(issued.data);
      return;
    }
    showInvitation(issued.data, p.display_name);
  };
  const rows = patients.map((p) => h("tr", {},
    h("th", { scope: "row" }, p.display_name, h("br"), h("span", { class: "muted" }, p.login)),
    h("td", {}, p.disabled ? "Cannot sign in" : p.invited ? "Invited, not signed in yet" : "Active"),
    h("td", {}, p.disabled ? "" : h("button", { type: "button", class: "secondary",
      "aria-label": `New invitation code for ${p.display_name}`, onclick: () => newCode(p) },
    "New invitation code"))));
  show("Your patients",
    h("h1", {}, "Your patients"),
    h("p", { class: "lead" },
      "If someone has forgotten their password or has a new phone, give them a new invitation code in your session. Their old code stops working; their diary stays as it is."),
    problem,
    h("p", { class: "actions" }, h("a", { class: "button", href: "#/invite" }, "Invite a new patient")),
    patients.length
      ? h("table", {},
        h("caption", {}, "Patients on your care team"),
        h("thead", {}, h("tr", {}, ...["Name", "Status", "Action"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, ...rows))
      : h("p", {}, "No patients are on your care team yet."));
}
