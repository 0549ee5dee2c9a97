// @ts-check
/**
 * Agreeing a document together (the crisis plan, the discharge plan): before the clinician
 * agrees, the whole draft, every section, and what changed since the agreed version,
 * section by section (hazard H-012); then who has agreed this version and a button to agree.
 * Each document gives its own `sectionsOf(body)`: [title, lines of words] in order.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { day } from "../shared/staff.js";

/** @typedef {(body: any) => Array<[string, string[]]>} Sections */

/** The whole document, every section. @param {Array<[string, string[]]>} sections */
function whole(sections) {
  return h("dl", { class: "plan-whole" }, ...sections.flatMap(([title, lines]) => [
    h("dt", {}, title),
    h("dd", {}, lines.length ? h("ul", { class: "plain" }, ...lines.map((l) => h("li", {}, l))) : t("agree.none_written")),
  ]));
}

/** Section by section: what the draft adds and removes. @param {Sections} sectionsOf @param {any} agreed @param {any} draft */
export function differences(sectionsOf, agreed, draft) {
  const before = new Map(sectionsOf(agreed));
  return sectionsOf(draft).map(([title, lines]) => {
    const old = before.get(title) || [];
    return { title, added: lines.filter((l) => !old.includes(l)), removed: old.filter((l) => !lines.includes(l)) };
  });
}

/** @param {Sections} sectionsOf @param {any} agreed version or null @param {any} draftBody @param {string} noun */
function changes(sectionsOf, agreed, draftBody, noun) {
  if (!agreed) return h("p", {}, t("agree.nothing", { noun }));
  const rows = differences(sectionsOf, agreed.plan, draftBody);
  return h("table", { class: "plan-diff" },
    h("caption", {}, t("agree.changed_since", { version: agreed.version, day: day(agreed.agreed_at) })),
    h("thead", {}, h("tr", {}, ...[t("agree.section"), t("agree.added"), t("agree.removed")].map((name) => h("th", { scope: "col" }, name)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {},
      h("th", { scope: "row" }, r.title),
      h("td", {}, r.added.length ? h("ul", { class: "plain" }, ...r.added.map((l) => h("li", {}, l))) : t("agree.no_change")),
      h("td", {}, r.removed.length ? h("ul", { class: "plain" }, ...r.removed.map((l) => h("li", {}, l))) : t("agree.no_change"))))));
}

/**
 * Who has agreed the draft, and (for a saved draft) the whole of it with its changes and
 * the button to agree.
 * @param {{key: string, noun: string, draft: any, agreed: any, sectionsOf: Sections,
 *   path: import("../shared/api.js").ApiUrl, reload: () => void, problem: HTMLElement}} o
 */
export function agreementBlock(o) {
  const { draft } = o;
  const agree = async () => {
    const reply = await call("PUT", o.path, { draft_version: draft.version });
    if (reply.ok) o.reload();
    else o.problem.textContent = reasonOf(reply.data);
  };
  const both = draft.patient_agreed && draft.clinician_agreed;
  return [
    h("p", {}, draft.version
      ? [t("agree.draft", { version: draft.version }), ...(both ? [t("agree.both")]
        : [t(draft.patient_agreed ? "agree.patient" : "agree.patient_not"), t(draft.clinician_agreed ? "agree.you" : "agree.you_not")])].join(" ")
      : t("agree.no_draft")),
    draft.version ? h("section", { class: "plan-check", "aria-labelledby": `${o.key}-whole` },
      h("h4", { id: `${o.key}-whole` }, o.key === "plan" ? t("agree.whole_draft") : t("agree.whole", { noun: o.noun })),
      whole(o.sectionsOf(draft.plan)), changes(o.sectionsOf, o.agreed, draft.plan, o.noun), o.problem,
      draft.clinician_agreed ? null : h("p", { class: "actions" }, h("button", { type: "button", class: "secondary", onclick: agree }, t("agree.agree")))) : o.problem,
  ];
}
