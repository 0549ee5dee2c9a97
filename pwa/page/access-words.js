// @ts-check
/**
 * The audit trail's action codes in plain words, for "Who has looked at my diary". Each
 * phrase follows the person's name: "Dr Ward looked at your diary entries". A code we do
 * not know yet still gets a kind, honest sentence, never the code itself.
 */

import { addCatalogue, t } from "../shared/words.js";
import ACCESS_EN_GB from "./words/access/en-GB.js";

await addCatalogue(ACCESS_EN_GB, "/page/words/access");

/** @param {string} key */
const known = (key) => key in ACCESS_EN_GB;

/**
 * @param {string} action the audit code, e.g. "care_team.assign"
 * @param {string} [about] what kind of record, when the code is a general one
 */
export function actionWords(action, about = "") {
  // The tools' general codes ("read", "update", "agree") say what was touched in `about`.
  for (const key of [`access.action.${action}`, `access.action.${action}:${about}`]) if (known(key)) return t(key);
  const parts = action.split(".");
  const verb = `access.verb.${parts[parts.length - 1]}`;
  const thing = [`access.thing.${about}`, `access.thing.${parts[0]}`].find(known);
  if (known(verb) && thing) return t("access.verb_thing", { verb: t(verb), thing: t(thing) });
  return t("access.other");
}

/**
 * Who did it, in words: the name and what they do. The patient's own actions are "You".
 * @param {{who: string, role: string}} item
 */
export function whoWords(item) {
  if (item.role === "patient") return t("access.you");
  const role = item.role === "clinician" || item.role === "admin" ? item.role : "staff";
  return t("access.who", { name: item.who || t("access.someone"), role: t(`access.role.${role}`) });
}
