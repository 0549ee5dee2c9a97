// @ts-check
/**
 * The patient's personal table, changed together in the session. A change is proposed as
 * a draft and becomes the table only when the patient and the clinician have both agreed
 * that very draft (hazard H-035); the draft says in words what it changes, and the earlier
 * versions (loaded when opened) say who proposed and agreed each. Rows are never removed,
 * only retired, so past entries keep their words; a change made meanwhile on the phone is
 * never overwritten (412).
 */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { message } from "../shared/message.js";
import { day } from "../shared/staff.js";

const CATEGORIES = [["not_attending", "Not attending"], ["not_planning", "Not planning"], ["action", "Action"]];

/** @param {string[]} changes */
const changeList = (changes) => changes.length ? h("ul", { class: "plain" }, ...changes.map((c) => h("li", {}, c))) : h("p", {}, "No change.");

/** Who has agreed the proposed draft, what it changes, and the button to agree it. @param {string} id @param {any} draft @param {() => void} reload */
function proposal(id, draft, reload) {
  const problem = message("problem");
  const agree = async () => {
    const reply = await call("PUT", `/api/v1/patients/${id}/table/agreement`, { draft_version: draft.version });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  };
  return h("section", { class: "plan-check", "aria-labelledby": "table-proposed" },
    h("h4", { id: "table-proposed" }, `Proposed change (draft version ${draft.version})`),
    h("p", {}, `Proposed by ${draft.updated_by_name} on ${day(draft.updated_at)}. ${draft.patient_agreed ? "The patient has agreed it." : "The patient has not agreed it yet."} ${draft.clinician_agreed ? "You have agreed it." : "You have not agreed it yet."} It becomes the table when you have both agreed it.`),
    changeList(draft.changes), problem,
    draft.clinician_agreed ? null : h("p", { class: "actions" }, h("button", { type: "button", class: "secondary", onclick: agree }, "Agree this change")));
}

/** Earlier versions, fetched when opened. @param {string} id */
function history(id) {
  const list = h("div", {}, h("p", {}, "Loading…"));
  const box = /** @type {HTMLDetailsElement} */ (h("details", {}, h("summary", {}, "Earlier versions of the table"), list));
  box.addEventListener("toggle", async () => {
    if (!box.open || list.dataset.loaded) return;
    const reply = await call("GET", `/api/v1/patients/${id}/table/versions`);
    list.dataset.loaded = "1";
    list.replaceChildren(!reply.ok ? h("p", {}, reasonOf(reply.data)) : !reply.data.length ? h("p", {}, "No version agreed yet.")
      : h("ol", { class: "plain" }, ...reply.data.map((/** @type {any} */ v) => h("li", {},
        h("p", {}, `Version ${v.version}, ${day(v.saved_at)}: ${v.agreed
          ? `proposed by ${v.proposed_by}, agreed by the patient on ${day(v.patient_agreed_at)} and by ${v.clinician_name} on ${day(v.clinician_agreed_at)}.`
          : `saved by ${v.proposed_by} before tables were agreed by both.`}`),
        changeList(v.changes)))));
  });
  return box;
}

/** @param {string} id @param {any} table the current table @param {any} draft @param {() => void} reload */
export function tableCard(id, table, draft, reload) {
  return h("div", {},
    h("p", {}, table.version ? `The table as agreed: version ${table.version}, from ${day(table.updated_at)}.` : "The site's starting table: nothing agreed together yet."),
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
      h("td", {}, h("label", { class: "visually-hidden", for: `${key}-${name}` }, `${label}, row ${n + 1}`),
        h("input", { id: `${key}-${name}`, name, value, maxlength: name === "indicators" ? 2000 : 200 }));
    body.append(h("tr", { "data-id": row.id },
      h("td", {}, h("label", { class: "visually-hidden", for: `${key}-category` }, `Category, row ${n + 1}`),
        h("select", { id: `${key}-category`, name: "category" }, ...CATEGORIES.map(([value, text]) =>
          h("option", { value, selected: row.category === value }, text)))),
      cell("emotion", "Emotion", row.emotion),
      cell("urge", "Urge", row.urge),
      cell("indicators", "What to notice (separate with ;)", row.indicators.join("; ")),
      cell("helpful_response", "What helps", row.helpful_response || ""),
      h("td", {}, h("input", { type: "checkbox", id: `${key}-retired`, name: "retired", checked: row.retired }),
        h("label", { for: `${key}-retired` }, h("span", { class: "visually-hidden" }, `Row ${n + 1}: `), "Retired"))));
  };
  (draft.version ? draft.rows : table.rows).forEach(addRow);
  const add = () => addRow({ id: crypto.randomUUID(), category: "action", emotion: "", urge: "", indicators: [], helpful_response: null, retired: false }, body.children.length);
  const form = h("form", { class: "table-editor" },
    h("table", {},
      h("caption", {}, draft.waiting ? `The proposed change (draft version ${draft.version}), to change further`
        : table.version ? `Version ${table.version}, as agreed` : "The site's starting table, not yet changed together"),
      h("thead", {}, h("tr", {}, ...["Category", "Emotion", "Urge", "What to notice", "What helps", "Retired"]
        .map((t) => h("th", { scope: "col" }, t)))),
      body),
    problem,
    h("p", { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: add }, "Add a row"),
      h("button", { type: "submit" }, "Propose this change")));
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
      ? "The proposed change was changed on the patient's phone since this page opened. Reload the page to see it, then make your change again."
      : reasonOf(reply.data);
  });
  return form;
}
