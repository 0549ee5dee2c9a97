// @ts-check
/**
 * My table: the feelings, urges, what to notice and what helps, as agreed with the
 * clinician. A change is proposed by either of us and becomes the table only when both
 * have agreed it (hazard H-035), so the patient sees what it changes before agreeing, and
 * every earlier version with who proposed and agreed it. Loaded on first use. The agreed
 * table opens offline from the home screen's sealed copy; proposing and agreeing need a
 * signal.
 */
import { call } from "../../shared/api.js";
import { loadTable } from "../entries.js";
import { h } from "../../shared/dom.js";
import { dayOf } from "../dom.js";

const SIGNAL = "This needs a signal. Please try again when you are back online.";

/** @param {any[]} rows */
const drawRows = (rows) => h("ul", { class: "rows" }, ...rows.filter((r) => !r.retired).map((r) => h("li", { class: "plan" },
  h("h3", { text: `${r.emotion}: ${r.urge}` }),
  r.indicators.length ? h("p", { text: `What to notice: ${r.indicators.join("; ")}` }) : null,
  h("p", { text: r.helpful_response ? `What helps: ${r.helpful_response}` : "What helps: not written yet" }))));

/** @param {string[]} changes */
const changeList = (changes) => h("ul", {}, ...changes.map((c) => h("li", { text: c })));

/** @param {import("../../shared/api.js").ApiUrl} url @returns {Promise<any>} null with no signal */
async function read(url) {
  try {
    const reply = await call("GET", url, undefined, { timeout: 8000 });
    return reply.ok ? reply.data : null;
  } catch {
    return null;
  }
}

/** @param {string} method @param {import("../../shared/api.js").ApiUrl} url @param {unknown} body @param {HTMLElement} status */
async function send(method, url, body, status) {
  try {
    const reply = await call(method, url, body);
    if (reply.ok) return true;
    status.textContent = reply.status === 412 ? "The proposed change was changed meanwhile. Here it is as it is now."
      : reply.data?.detail || "That did not work. Please try again.";
  } catch {
    status.textContent = SIGNAL;
  }
  return false;
}

/** A new row to propose. @param {any} draft @param {any[]} rows @param {() => void} redraw */
function suggestForm(draft, rows, redraw) {
  const field = (/** @type {string} */ name, /** @type {string} */ label) => h("p", { class: "field" },
    h("label", { for: `tr-${name}`, text: label }), h("input", { id: `tr-${name}`, name, maxlength: 200, required: name !== "helpful_response" && name !== "indicators" }));
  const status = h("p", { role: "status" });
  const form = h("form", {},
    field("emotion", "The feeling"), field("urge", "The urge it brings"),
    field("indicators", "What to notice early (separate with ;)"), field("helpful_response", "What helps"),
    status, h("button", { type: "submit", class: "big", text: "Suggest this row" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const text = (/** @type {string} */ k) => String(data.get(k) || "").trim();
    const row = { id: crypto.randomUUID(), category: "action", emotion: text("emotion"), urge: text("urge"),
      indicators: text("indicators").split(";").map((x) => x.trim()).filter(Boolean), helpful_response: text("helpful_response") || null };
    if (await send("PUT", "/api/v1/table/draft", { base_version: draft.version, rows: [...rows, row] }, status)) redraw();
  });
  return h("details", {}, h("summary", { text: "Suggest a new row" }), form);
}

/** @param {HTMLElement} main @param {any} _ctx */
export async function render(main, _ctx) {
  const area = h("div", {});
  main.append(h("h1", { text: "My table" }), area);
  const draw = async () => {
    const [table, draft, versions] = await Promise.all([loadTable(), read("/api/v1/table/draft"), read("/api/v1/table/versions")]);
    const status = h("p", { role: "status" });
    const agree = async () => {
      if (await send("PUT", "/api/v1/table/agreement", { draft_version: draft.version }, status)) await draw();
    };
    const current = table.data;
    area.replaceChildren(...[
      h("h2", { text: "My table as agreed" }),
      current ? h("p", { class: "lead", text: current.version ? `Agreed with your clinician on ${dayOf(current.updated_at)}.` : "Your clinic's starting table. You make it your own with your clinician." }) : null,
      current ? drawRows(current.rows) : h("p", { text: SIGNAL }),
      draft?.waiting ? h("section", { "aria-labelledby": "table-new" },
        h("h2", { id: "table-new", text: "A change to agree" }),
        h("p", { text: `Suggested by ${draft.updated_by_name}. ${draft.clinician_agreed ? "Your clinician has agreed it." : "Your clinician has not agreed it yet."} It changes your table only when you have both agreed it.` }),
        changeList(draft.changes), status,
        draft.patient_agreed ? h("p", { text: "You have agreed this change." })
          : h("button", { type: "button", class: "big", onclick: agree, text: "I agree to this change" })) : null,
      draft ? suggestForm(draft, draft.rows, draw) : h("p", { class: "hint", text: "Suggesting a change needs a signal." }),
      versions?.length ? h("section", { "aria-labelledby": "table-versions" },
        h("h2", { id: "table-versions", text: "Earlier versions" }),
        h("ol", {}, ...versions.map((/** @type {any} */ v) => h("li", {},
          h("p", { text: `${dayOf(v.saved_at)}: ${v.agreed ? `suggested by ${v.proposed_by}, agreed by you and ${v.clinician_name}` : `saved by ${v.proposed_by}`}.` }),
          changeList(v.changes))))) : null,
    ].filter((part) => part !== null)); // replaceChildren would write null as the word "null"
  };
  await draw();
}
