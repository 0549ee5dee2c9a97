// @ts-check
/** For clinicians: their own patients, to hand over a new invitation code in a session. */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
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
    show(t("acc.nav.patients"), h("h1", {}, t("acc.nav.patients")), message("problem", reasonOf(reply.data)));
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
    h("td", {}, t(p.disabled ? "acc.status.disabled" : p.invited ? "acc.status.invited" : "acc.status.active")),
    h("td", {}, p.disabled ? "" : h("button", { type: "button", class: "secondary",
      "aria-label": t("acc.people.for", { words: t("acc.new_code"), name: p.display_name }), onclick: () => newCode(p) },
    t("acc.new_code")))));
  show(t("acc.nav.patients"),
    h("h1", {}, t("acc.nav.patients")),
    h("p", { class: "lead" }, t("acc.patients.lead")),
    problem,
    h("p", { class: "actions" }, h("a", { class: "button", href: "#/invite" }, t("acc.patients.invite"))),
    patients.length
      ? h("table", {},
        h("caption", {}, t("acc.patients.caption")),
        h("thead", {}, h("tr", {}, ...[t("acc.people.col.name"), t("acc.people.col.status"), t("acc.col.action")]
          .map((name) => h("th", { scope: "col" }, name)))),
        h("tbody", {}, ...rows))
      : h("p", {}, t("acc.patients.none")));
}
