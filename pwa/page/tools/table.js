// @ts-check
/**
 * My table: the feelings, urges, what to notice and what helps, as agreed with the
 * clinician. A change is proposed by either of us and becomes the table only when both
 * have agreed it (hazard H-035), so the patient sees what it changes before agreeing, and
 * every earlier version with who proposed and agreed it. Loaded on first use. The agreed
 * table opens offline from the home screen's sealed copy; proposing and agreeing need a
 * signal.
 */
import { t } from "./words.js";
import { call } from "../../shared/api.js";
import { loadTable } from "../entries.js";
import { h } from "../../shared/dom.js";
import { dayOf } from "../dom.js";

const SIGNAL = t("table.signal");

/** @param {any[]} rows */
const drawRows = (rows) => h("ul", { class: "rows" }, ...rows.filter((r) => !r.retired).map((r) => h("li", { class: "plan" },
  h("h3", { text: `${r.emotion}: ${r.urge}` }),
  r.indicators.length ? h("p", { text: t("table.notice", { what: r.indicators.join("; ") }) }) : null,
  h("p", { text: r.helpful_response ? t("table.helps", { what: r.helpful_response }) : t("table.helps_none") }))));

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
    status.textContent = reply.status === 412 ? t("table.changed")
      : reply.data?.detail || t("table.failed");
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
    field("emotion", t("table.feeling")), field("urge", t("table.urge")),
    field("indicators", t("table.notice_early")), field("helpful_response", t("progress.helps")),
    status, h("button", { type: "submit", class: "big", text: t("table.suggest") }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const text = (/** @type {string} */ k) => String(data.get(k) || "").trim();
    const row = { id: crypto.randomUUID(), category: "action", emotion: text("emotion"), urge: text("urge"),
      indicators: text("indicators").split(";").map((x) => x.trim()).filter(Boolean), helpful_response: text("helpful_response") || null };
    if (await send("PUT", "/api/v1/table/draft", { base_version: draft.version, rows: [...rows, row] }, status)) redraw();
  });
  return h("details", {}, h("summary", { text: t("table.suggest_new") }), form);
}

/** @param {HTMLElement} main @param {any} _ctx */
export async function render(main, _ctx) {
  const area = h("div", {});
  main.append(h("h1", { text: t("tools.table") }), area);
  const draw = async () => {
    const [table, draft, versions] = await Promise.all([loadTable(), read("/api/v1/table/draft"), read("/api/v1/table/versions")]);
    const status = h("p", { role: "status" });
    const agree = async () => {
      if (await send("PUT", "/api/v1/table/agreement", { draft_version: draft.version }, status)) await draw();
    };
    const current = table.data;
    area.replaceChildren(...[
      h("h2", { text: t("table.as_agreed") }),
      current ? h("p", { class: "lead", text: current.version ? t("table.agreed_on", { day: dayOf(current.updated_at) }) : t("table.starting") }) : null,
      current ? drawRows(current.rows) : h("p", { text: SIGNAL }),
      draft?.waiting ? h("section", { "aria-labelledby": "table-new" },
        h("h2", { id: "table-new", text: t("table.a_change") }),
        h("p", { text: [t("table.suggested_by", { name: draft.updated_by_name }), t(draft.clinician_agreed ? "table.clinician_agreed" : "table.clinician_not"), t("table.both")].join(" ") }),
        changeList(draft.changes), status,
        draft.patient_agreed ? h("p", { text: t("table.you_agreed") })
          : h("button", { type: "button", class: "big", onclick: agree, text: t("table.i_agree") })) : null,
      draft ? suggestForm(draft, draft.rows, draw) : h("p", { class: "hint", text: t("table.needs_signal") }),
      versions?.length ? h("section", { "aria-labelledby": "table-versions" },
        h("h2", { id: "table-versions", text: t("table.earlier") }),
        h("ol", {}, ...versions.map((/** @type {any} */ v) => h("li", {},
          h("p", { text: v.agreed ? t("table.version_agreed", { day: dayOf(v.saved_at), by: v.proposed_by, clinician: v.clinician_name }) : t("table.version_saved", { day: dayOf(v.saved_at), by: v.proposed_by }) }),
          changeList(v.changes))))) : null,
    ].filter((part) => part !== null)); // replaceChildren would write null as the word "null"
  };
  await draw();
}
