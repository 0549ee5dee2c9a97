// @ts-check
/**
 * The clinician review app: sign-in, then screens chosen by the URL hash.
 *   #/                      the caseload
 *   #/patients/<id>?from&to one patient before a session
 *   #/print/<id>?from&to    the same summary laid out for A4
 *   #/studies/<id>          a study, for researchers (they see no caseload and no names)
 */
import { t } from "./words.js";
import { onSignedOut, session } from "../shared/tab-session.js";
import { caseloadScreen } from "./caseload.js";
import { accountBar, endSession, frameWords, signInScreen } from "../shared/staff.js";
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
  accountBar(session()?.display_name ?? "", [], signOut);
}

async function signOut() {
  await endSession();
  signIn();
}

function signIn() {
  document.body.classList.remove("printing");
  signInScreen({
    heading: t("review.signin"),
    admits: (role) => ["clinician", "researcher"].includes(role),
    refused: t("review.refused"),
    then: () => void route(),
  });
}

frameWords({ skip: t("review.skip"), brand: t("review.brand"), footer: t("review.footer"), loading: t("review.loading") });
onSignedOut.addEventListener("signedout", () => signIn());
window.addEventListener("hashchange", route);
route();
