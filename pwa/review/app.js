// @ts-check
/**
 * The clinician review app: sign-in, then screens chosen by the URL hash.
 *   #/                      the caseload
 *   #/patients/<id>?from&to one patient before a session
 *   #/print/<id>?from&to    the same summary laid out for A4
 *   #/studies/<id>          a study, for researchers (they see no caseload and no names)
 */
import { call, useSession } from "../shared/api.js";
import { STAFF_FIELDS, signInForm } from "../shared/sign-in.js";
import { onSignedOut, remember, session, tabSession } from "../shared/tab-session.js";
import { caseloadScreen } from "./caseload.js";
import { h } from "../shared/dom.js";
import { show } from "../shared/staff.js";
import { readyForPatients } from "./enrol.js";
import { patientScreen } from "./patient.js";
import { printScreen } from "./print.js";
import { studiesScreen } from "./studies.js";

const UUID = "[0-9a-f-]{36}";
const PATIENT = new RegExp(`^#/patients/(${UUID})(?:\\?(.*))?$`);
const PRINT = new RegExp(`^#/print/(${UUID})(?:\\?(.*))?$`);

async function route() {
  if (!session()) return signIn();
  account();
  if (!(await readyForPatients(signOut))) return;
  if (session()?.role === "researcher") return studiesScreen(location.hash);
  const hash = location.hash || "#/";
  document.body.classList.toggle("printing", hash.startsWith("#/print/"));
  const patient = hash.match(PATIENT);
  if (patient) return patientScreen(patient[1], new URLSearchParams(patient[2] || ""));
  const print = hash.match(PRINT);
  if (print) return printScreen(print[1], new URLSearchParams(print[2] || ""));
  return caseloadScreen();
}

function account() {
  const who = session();
  const nav = /** @type {HTMLElement} */ (document.getElementById("account"));
  nav.replaceChildren(
    h("span", {}, `Signed in as ${who?.display_name ?? ""}`),
    h("button", { type: "button", class: "link", onclick: signOut }, "Sign out"),
  );
}

async function signOut() {
  await call("DELETE", "/api/v1/session");
  remember(null);
  location.hash = "#/";
  signIn();
}

function signIn() {
  document.body.classList.remove("printing");
  /** @type {HTMLElement} */ (document.getElementById("account")).replaceChildren();
  const form = signInForm({
    url: "/api/v1/session", button: "Sign in", fields: STAFF_FIELDS, class: "card narrow",
    async signedIn(data) {
      if (!["clinician", "researcher"].includes(data.role)) {
        await call("DELETE", "/api/v1/session");
        return "This review is for clinicians. Patients can use their diary at the main address.";
      }
      remember({ csrf_token: data.csrf_token, display_name: data.display_name, role: data.role,
        enrol: data.needs_totp_enrolment });
      void route();
    },
  });
  show("Sign in", h("h1", {}, "Sign in to review your patients' diaries"), form);
}

useSession(tabSession);
onSignedOut.addEventListener("signedout", () => signIn());
window.addEventListener("hashchange", route);
route();
