// @ts-check
/**
 * The patient's personal table, changed together in the session. Rows are never removed,
 * only retired, so past entries keep their words; saving sends the version we started
 * from, and a change made meanwhile on the phone is never overwritten (412).
 */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { message } from "../shared/message.js";

const CATEGORIES = [["not_attending", "Not attending"], ["not_planning", "Not planning"], ["action", "Action"]];

/** @param {string} id @param {any} table @param {() => void} reload */
export function tableEditor(id, table, reload) {
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
  table.rows.forEach(addRow);
  const add = () => addRow({ id: crypto.randomUUID(), category: "action", emotion: "", urge: "", indicators: [], helpful_response: null, retired: false }, body.children.length);
  const form = h("form", { class: "table-editor" },
    h("table", {},
      h("caption", {}, table.version ? `Version ${table.version}` : "The site's starting table, not yet changed together"),
      h("thead", {}, h("tr", {}, ...["Category", "Emotion", "Urge", "What to notice", "What helps", "Retired"]
        .map((t) => h("th", { scope: "col" }, t)))),
      body),
    problem,
    h("p", { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: add }, "Add a row"),
      h("button", { type: "submit" }, "Save the table")));
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
    const reply = await call("PUT", `/api/v1/patients/${id}/table`, { base_version: table.version, rows });
    if (reply.ok) reload();
    else problem.textContent = reply.status === 412
      ? "The table was changed on the patient's phone since this page opened. Reload the page to see it, then make your change again."
      : reasonOf(reply.data);
  });
  return form;
}
