// @ts-check
/**
 * The accounts pages for clinicians and admins: sign-in (and setting up an authenticator
 * app, which staff must do first), invitations, the site's people, and one's own sessions
 * and password. Screens are chosen by the URL hash:
 *   #/          admins: the site's people; clinicians: their patients
 *   #/invite    invite someone
 *   #/me        your sessions and password
 * Calls, page building and the sign-in form are the shared kit's (../shared/).
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { onSignedOut, session } from "../shared/tab-session.js";
import { h } from "../shared/dom.js";
import { accountBar, endSession, frameWords, show, signInScreen } from "../shared/staff.js";
import { inviteScreen } from "./invite.js";
import { meScreen } from "./me.js";
import { patientsScreen } from "./patients.js";
import { peopleScreen } from "./people.js";
import { qualityScreen } from "./quality.js";
import { enrolScreen } from "./totp.js";
import { newTurn } from "./turn.js";

async function route() {
  if (!session()) return signIn();
  const current = newTurn();
  const me = await call("GET", "/api/v1/me");
  if (!me.ok || !current()) return; // a 401 has already brought back the sign-in form
  // Sent here by the review app to set up the authenticator: go back once it is done.
  const back = new URLSearchParams(location.search).get("next") === "review" ? "/review" : null;
  if (me.data.needs_totp_enrolment) {
    account(me.data, false);
    return enrolScreen(back ? () => location.assign(back) : route);
  }
  if (back) return location.replace(back);
  account(me.data, true);
  const hash = location.hash || "#/";
  if (hash === "#/me") return meScreen();
  if (hash === "#/invite") return inviteScreen(me.data.role);
  if (hash === "#/quality" && me.data.role === "admin") return qualityScreen();
  // Used now and then: loaded on first use.
  if (hash === "#/outcomes" && me.data.role === "admin") return (await import("./outcomes.js")).outcomesScreen();
  if (me.data.role === "admin") return peopleScreen(me.data.user_id);
  if (me.data.role === "researcher") {
    return show(t("acc.studies"), h("h1", {}, t("acc.studies")),
      h("p", {}, t("acc.studies_where")),
      h("p", {}, h("a", { class: "button", href: "/review" }, t("acc.studies_open"))));
  }
  return patientsScreen();
}

/**
 * @param {{display_name: string, role: string}} who
 * @param {boolean} links
 */
function account(who, links) {
  const items = [];
  if (links) items.push(h("a", { href: "#/" }, t(who.role === "admin" ? "acc.nav.people" : who.role === "researcher" ? "acc.studies" : "acc.nav.patients")));
  if (links && who.role === "admin") {
    items.push(h("a", { href: "#/quality" }, t("acc.nav.quality")), h("a", { href: "#/outcomes" }, t("acc.nav.outcomes")));
  }
  if (links && who.role !== "researcher") items.push(h("a", { href: "#/invite" }, t("acc.invite.title")));
  if (links) items.push(h("a", { href: "#/me" }, t("acc.me.title")));
  accountBar(who.display_name, items, signOut);
}

async function signOut() {
  await endSession();
  signIn();
}

function signIn() {
  newTurn();
  signInScreen({
    heading: t("acc.signin"),
    admits: (role) => role !== "patient",
    refused: t("acc.refused"),
    then: () => void route(),
  });
}

frameWords({ skip: t("acc.skip"), brand: t("acc.brand"), footer: t("acc.footer"), loading: t("acc.loading") });
onSignedOut.addEventListener("signedout", () => signIn());
window.addEventListener("hashchange", route);
route();
