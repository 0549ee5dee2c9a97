// @ts-check
/**
 * The audit trail's action codes in plain words, for "Who has looked at my diary". Each
 * phrase follows the person's name: "Dr Ward looked at your diary entries". A code we do
 * not know yet still gets a kind, honest sentence, never the code itself.
 */

/** @type {Record<string, string>} */
const ACTIONS = {
  "entries.list": "looked at your diary entries",
  "entries.revisions": "looked at the earlier versions of one of your diary entries",
  "review.view": "looked at the summary of your diary",
  "caseload.view": "looked at their list of patients, which shows how your diary is going",
  "export.csv": "downloaded your diary as a spreadsheet",
  "export.fhir": "downloaded your diary for your health record",
  "export.own.json": "downloaded a copy of everything diarycard holds about you",
  "export.own.csv": "downloaded your diary as a spreadsheet",
  "notes.list": "read the notes on your diary",
  "notes.create": "wrote a note on your diary",
  "appointments.list": "looked at your appointments",
  "appointments.create": "added an appointment",
  "appointments.update": "changed an appointment",
  "table.read": "looked at your personal table",
  "table.update": "changed your personal table",
  "invitation.create": "set up your account and made your invitation code",
  "invitation.reissue": "made you a new invitation code",
  "account.disable": "paused your account",
  "account.enable": "turned your account back on",
  "account.reset_totp": "turned off your sign-in code (two-step), so you can set it up again",
  "care_team.assign": "added a clinician to your care team",
  "care_team.unassign": "took a clinician off your care team",
  // The tools' general codes, with what was touched.
  "agree:goal": "agreed one of your goals",
  "agree:crisis_plan": "agreed a new version of your crisis plan",
};

// For the tools' general codes ("read", "update", "agree"), what was touched.
/** @type {Record<string, string>} */
const THINGS = {
  crisis_plan: "your crisis plan",
  crisis_plan_versions: "the earlier versions of your crisis plan",
  crisis_plan_draft: "the draft of your crisis plan",
  crisis_offers: "when the app offered you your crisis plan",
  goal: "your goals",
  problem_solving: "your problem solving",
  checking_it_out: "your \"checking it out\" notes",
  personal_table: "your personal table",
};

/** @type {Record<string, string>} */
const VERBS = {
  read: "looked at", list: "looked at", view: "looked at", update: "changed",
  create: "added to", agree: "agreed", delete: "removed something from",
};

/**
 * @param {string} action the audit code, e.g. "care_team.assign"
 * @param {string} [about] what kind of record, when the code is a general one
 */
export function actionWords(action, about = "") {
  const known = ACTIONS[action] || ACTIONS[`${action}:${about}`];
  if (known) return known;
  const parts = action.split(".");
  const verb = VERBS[parts[parts.length - 1]];
  const thing = THINGS[about] || THINGS[parts[0]];
  if (verb && thing) return `${verb} ${thing}`;
  return "looked at or changed something in your diary";
}

/**
 * Who did it, in words: the name and what they do. The patient's own actions are "You".
 * @param {{who: string, role: string}} item
 */
export function whoWords(item) {
  if (item.role === "patient") return "You";
  const role = item.role === "clinician" ? "clinician" : item.role === "admin" ? "administrator" : "staff";
  return `${item.who || "Someone"} (${role})`;
}
