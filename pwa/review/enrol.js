// @ts-check
/**
 * A clinician who has not set up an authenticator app yet can sign in, but sees no patient
 * data until they do (the server answers 403 everywhere else). Say so plainly and send them
 * to the accounts pages' set-up, which brings them back here when it is done.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { remember, session } from "../shared/tab-session.js";
import { h } from "../shared/dom.js";
import { show } from "../shared/staff.js";

// The accounts pages accept only this one way back (no open redirect).
export const SET_UP = "/accounts/?next=review";

/**
 * True when the signed-in clinician may see patient data. Otherwise shows the set-up
 * message (or, after a 401, the sign-in form has already come back) and answers false.
 * @param {() => void} signOut
 */
export async function readyForPatients(signOut) {
  const who = session();
  if (!who) return false;
  if (who.enrol === false) return true;
  const me = await call("GET", "/api/v1/me");
  if (!me.ok) return false;
  if (!me.data.needs_totp_enrolment) {
    remember({ ...who, enrol: false });
    return true;
  }
  remember({ ...who, enrol: true });
  show(t("enrol.title"),
    h("h1", {}, t("enrol.title")),
    h("div", { class: "card narrow" },
      h("p", {}, t("enrol.why")),
      h("p", {}, t("enrol.time")),
      h("p", {}, h("a", { class: "button", href: SET_UP }, t("enrol.set_up"))),
      h("p", {}, h("button", { type: "button", class: "link", onclick: signOut }, t("enrol.sign_out")))));
  return false;
}
