// @ts-check
/**
 * The clinician review app: sign-in, then screens chosen by the URL hash.
 *   #/                      the caseload
 *   #/patients/<id>?from&to one patient before a session
 *   #/print/<id>?from&to    the same summary laid out for A4
 *   #/studies/<id>          a study, for researchers (they see no caseload and no names)
 */
import { call, onSignedOut, reasonOf, remember, session } from "./api.js";
import { caseloadScreen } from "./caseload.js";
import { h, show } from "./dom.js";
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
  await call("DELETE", "/session");
  remember(null);
  location.hash = "#/";
  signIn();
}

function signIn() {
  document.body.classList.remove("printing");
  /** @type {HTMLElement} */ (document.getElementById("account")).replaceChildren();
  const problem = h("p", { class: "problem", role: "alert", id: "signin-problem" });
  const field = (/** @type {string} */ id, /** @type {string} */ label, /** @type {Record<string, any>} */ attrs) =>
    h("p", { class: "field" }, h("label", { for: id }, label),
      h("input", { id, name: id, required: true, ...attrs }));
  const form = h("form", { class: "card narrow", "aria-describedby": "signin-problem" },
    field("login", "Login", { autocomplete: "username", maxlength: 64 }),
    field("password", "Password", { type: "password", autocomplete: "current-password" }),
    field("totp", "Code from your authenticator app (if you have set one up)", {
      inputmode: "numeric", autocomplete: "one-time-code", pattern: "[0-9 ]{6,8}", maxlength: 8,
      required: false,
    }),
    problem,
    h("button", { type: "submit" }, "Sign in"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const code = String(data.get("totp") || "").replace(/\s/g, "");
    const reply = await call("POST", "/session", {
      login: String(data.get("login")), password: String(data.get("password")),
      ...(code ? { totp: code } : {}),
    });
    if (!reply.ok) {
      problem.textContent = reply.data?.errors?.[0]?.field === "totp"
        ? "Please enter the 6-digit code from your authenticator app."
        : reasonOf(reply.data);
      return;
    }
    if (!["clinician", "researcher"].includes(reply.data.role)) {
      await call("DELETE", "/session");
      problem.textContent = "This review is for clinicians. Patients can use their diary at the main address.";
      return;
    }
    remember({ csrf_token: reply.data.csrf_token, display_name: reply.data.display_name,
      role: reply.data.role, enrol: reply.data.needs_totp_enrolment });
    route();
  });
  show("Sign in", h("h1", {}, "Sign in to review your patients' diaries"), form);
}

onSignedOut.addEventListener("signedout", () => signIn());
window.addEventListener("hashchange", route);
route();
