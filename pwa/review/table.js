// @ts-check
/**
 * The patient's personal table, changed together in the session. A change is proposed as
 * a draft and becomes the table only when the patient and the clinician have both agreed
 * that very draft (hazard H-035); the draft says in words what it changes, and the earlier
 * versions (loaded when opened) say who proposed and agreed each. Rows are never removed,
 * only retired, so past entries keep their words; a change made meanwhile on the phone is
 * never overwritten (412).
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { message } from "../shared/message.js";
import { day } from "../shared/staff.js";

const CATEGORIES = [["not_attending", t("tl.cat.not_attending")], ["not_planning", t("tl.cat.not_planning")], ["action", t("tl.cat.action")]];

/** @param {string[]} changes */
const changeList = (changes) => changes.length ? h("ul", { class: "plain" }, ...changes.map((c) => h("li", {}, c))) : h("p", {}, t("tb.no_change"));

/** Who has agreed the proposed draft, what it changes, and the button to agree it. @param {string} id @param {any} draft @param {() => void} reload */
function proposal(id, draft, reload) {
  const problem = message("problem");
  const agree = async () => {
    const reply = await call("PUT", `/api/v1/patients/${id}/table/agreement`, { draft_version: draft.version });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  };
  return h("section", { class: "plan-check", "aria-labelledby": "table-proposed" },
    h("h4", { id: "table-proposed" }, t("tb.proposed", { version: draft.version })),
    h("p", {}, [t("tb.proposed_by", { name: draft.updated_by_name, on: day(draft.updated_at) }), t(draft.patient_agreed ? "agree.patient" : "agree.patient_not"), t(draft.clinician_agreed ? "agree.you" : "agree.you_not"), t("tb.becomes")].join(" ")),
    changeList(draft.changes), problem,
    draft.clinician_agreed ? null : h("p", { class: "actions" }, h("button", { type: "button", class: "secondary", onclick: agree }, t("tb.agree"))));
}

/** Earlier versions, fetched when opened. @param {string} id */
function history(id) {
  const list = h("div", {}, h("p", {}, t("review.loading")));
  const box = /** @type {HTMLDetailsElement} */ (h("details", {}, h("summary", {}, t("tb.earlier")), list));
  box.addEventListener("toggle", async () => {
    if (!box.open || list.dataset.loaded) return;
    const reply = await call("GET", `/api/v1/patients/${id}/table/versions`);
    list.dataset.loaded = "1";
    list.replaceChildren(!reply.ok ? h("p", {}, reasonOf(reply.data)) : !reply.data.length ? h("p", {}, t("tb.none"))
      : h("ol", { class: "plain" }, ...reply.data.map((/** @type {any} */ v) => h("li", {},
        h("p", {}, v.agreed
          ? t("tb.version_agreed", { version: v.version, day: day(v.saved_at), by: v.proposed_by, patient_on: day(v.patient_agreed_at), clinician: v.clinician_name, clinician_on: day(v.clinician_agreed_at) })
          : t("tb.version_saved", { version: v.version, day: day(v.saved_at), by: v.proposed_by })),
        changeList(v.changes)))));
  });
  return box;
}

/** @param {string} id @param {any} table the current table @param {any} draft @param {() => void} reload */
export function tableCard(id, table, draft, reload) {
  return h("div", {},
    h("p", {}, table.version ? t("tb.as_agreed", { version: table.version, from: day(table.updated_at) }) : t("tb.site")),
    draft.waiting ? proposal(id, draft, reload) : null,
    tableEditor(id, table, draft, reload), history(id));
}

/** @param {string} id @param {any} table @param {any} draft @param {() => void} reload */
function tableEditor(id, table, draft, reload) {
  const body = h("tbody");
  const problem = message("problem");
  /** @param {any} row @param {number} n */
  const addRow = (row, n) => {
    const key = `t${n}`;
    const cell = (/** @type {string} */ name, /** @type {string} */ label, /** @type {string} */ value) =>
      h("td", {}, h("label", { class: "visually-hidden", for: `${key}-${name}` }, t("tb.cell", { label, n: n + 1 })),
        h("input", { id: `${key}-${name}`, name, value, maxlength: name === "indicators" ? 2000 : 200 }));
    body.append(h("tr", { "data-id": row.id },
      h("td", {}, h("label", { class: "visually-hidden", for: `${key}-category` }, t("tb.cell", { label: t("tl.category"), n: n + 1 })),
        h("select", { id: `${key}-category`, name: "category" }, ...CATEGORIES.map(([value, text]) =>
          h("option", { value, selected: row.category === value }, text)))),
      cell("emotion", t("tl.emotion"), row.emotion),
      cell("urge", t("tl.urge"), row.urge),
      cell("indicators", t("tb.notice_hint"), row.indicators.join("; ")),
      cell("helpful_response", t("tb.helps"), row.helpful_response || ""),
      h("td", {}, h("input", { type: "checkbox", id: `${key}-retired`, name: "retired", checked: row.retired }),
        h("label", { for: `${key}-retired` }, h("span", { class: "visually-hidden" }, t("tb.row", { n: n + 1 }) + " "), t("tb.retired")))));
  };
  (draft.version ? draft.rows : table.rows).forEach(addRow);
  const add = () => addRow({ id: crypto.randomUUID(), category: "action", emotion: "", urge: "", indicators: [], helpful_response: null, retired: false }, body.children.length);
  const form = h("form", { class: "table-editor" },
    h("table", {},
      h("caption", {}, draft.waiting ? t("tb.caption.draft", { version: draft.version })
        : table.version ? t("tb.caption.agreed", { version: table.version }) : t("tb.caption.site")),
      h("thead", {}, h("tr", {}, ...[t("tl.category"), t("tl.emotion"), t("tl.urge"), t("tb.notice"), t("tb.helps"), t("tb.retired")]
        .map((name) => h("th", { scope: "col" }, name)))),
      body),
    problem,
    h("p", { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: add }, t("tb.add")),
      h("button", { type: "submit" }, t("tb.propose"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const rows = [...body.children].map((tr) => {
      const get = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (tr.querySelector(`[name=${name}]`));
      const helpful = get("helpful_response").value.trim();
      return {
        id: /** @type {HTMLElement} */ (tr).dataset.id, category: get("category").value,
        emotion: get("emotion").value.trim(), urge: get("urge").value.trim(),
        indicators: get("indicators").value.split(";").map((x) => x.trim()).filter(Boolean),
        helpful_response: helpful || null, retired: get("retired").checked,
      };
    }).filter((r) => r.emotion || r.urge);
    const reply = await call("PUT", `/api/v1/patients/${id}/table/draft`, { base_version: draft.version, rows });
    if (reply.ok) reload();
    else problem.textContent = reply.status === 412
      ? t("tb.changed")
      : reasonOf(reply.data);
  });
  return form;
}
