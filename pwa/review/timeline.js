// @ts-check
/** The timeline of entries in the window, with filters, edit marks and clinician notes. */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { message } from "../shared/message.js";

const CATEGORY = { not_attending: "Not attending", not_planning: "Not planning", action: "Action" };
const OUTCOME = { acted: "Acted on the urge", resisted: "Resisted the urge", partly: "Partly acted on the urge" };

/**
 * @param {string} id @param {any} review @param {any[]} notes @param {() => void} reload
 */
export function timelineSection(id, review, notes, reload) {
  /** @type {any[]} */
  const entries = review.timeline;
  const emotions = [...new Set(entries.map((e) => e.emotion).filter(Boolean))].sort();
  const list = h("ol", { class: "timeline" });
  const status = h("p", { role: "status", class: "muted" });
  const select = (/** @type {string} */ name, /** @type {string} */ label, /** @type {Array<[string, string]>} */ options) =>
    h("p", { class: "field" }, h("label", { for: `filter-${name}` }, label),
      h("select", { id: `filter-${name}`, name }, h("option", { value: "" }, "All"),
        ...options.map(([value, text]) => h("option", { value }, text))));
  const filters = h("form", { class: "filters", "aria-label": "Filter the timeline" },
    select("category", "Category", Object.entries(CATEGORY)),
    select("emotion", "Emotion", emotions.map((e) => [e, e])),
    select("outcome", "What happened", [...Object.entries(OUTCOME), ["none", "Not recorded"]]),
    h("p", { class: "field check" },
      h("input", { type: "checkbox", id: "filter-risk", name: "risk" }),
      h("label", { for: "filter-risk" }, "Only entries with a risk item")));
  const draw = () => {
    const f = new FormData(/** @type {HTMLFormElement} */ (filters));
    const shown = entries.filter((e) =>
      (!f.get("category") || e.category === f.get("category"))
      && (!f.get("emotion") || e.emotion === f.get("emotion"))
      && (!f.get("outcome") || (e.outcome ?? "none") === f.get("outcome"))
      && (!f.get("risk") || hasRisk(e)));
    list.replaceChildren(...shown.map((e) => h("li", {}, entryCard(id, e, notes, reload))));
    status.textContent = `Showing ${shown.length} of ${entries.length} entries.`;
  };
  filters.addEventListener("change", draw);
  draw();
  return h("section", { "aria-labelledby": "timeline" },
    h("h2", { id: "timeline" }, "Timeline"),
    review.timeline_total > entries.length
      ? h("p", {}, `These are the newest ${entries.length} of ${review.timeline_total} entries. Choose a shorter range to see the rest.`) : null,
    sinceLastLook(review), filters, status, entries.length ? list : h("p", {}, "No entries in this period."));
}

/** Besides entries (marked in the list), what is new or changed since this clinician last looked. @param {any} review */
function sinceLastLook(review) {
  if (!review.last_viewed_at) return null;
  const newEntries = review.timeline.filter((/** @type {any} */ e) => e.new_since_last_view).length;
  return h("section", { class: "card since", "aria-labelledby": "since" },
    h("h3", { id: "since" }, `Since you last looked (${dateTime(review.last_viewed_at)})`),
    h("p", {}, newEntries ? `${newEntries} new ${newEntries === 1 ? "entry is" : "entries are"} marked “New since you last looked” below.` : "No new entries."),
    review.changed.length ? h("ul", { class: "plain" }, ...review.changed.map((/** @type {any} */ c) =>
      h("li", {}, h("span", { class: "badge edited" }, c.new ? "New" : "Changed"), ` ${c.words}`, h("span", { class: "muted" }, `, ${dateTime(c.at)}`))))
      : h("p", {}, "No acts, questionnaires, worksheets or plan drafts new or changed."));
}

/** @param {any} e */
function hasRisk(e) {
  return Boolean(e.risk && (e.risk.self_harm || e.risk.aggression || e.risk.substance_use));
}

/** @param {string} id @param {any} e @param {any[]} notes @param {() => void} reload */
function entryCard(id, e, notes, reload) {
  const mine = notes.filter((n) => n.entry_id === e.id);
  const rows = [
    e.emotion && ["Emotion", `${e.emotion}${e.emotion_intensity !== null ? ` (${e.emotion_intensity} out of 10)` : ""}`],
    e.urge && ["Urge", `${e.urge}${e.urge_strength !== null ? ` (${e.urge_strength} out of 10)` : ""}`],
    !e.urge && e.urge_strength !== null && ["Urge strength", `${e.urge_strength} out of 10`],
    e.indicators.length && ["Noticed", e.indicators.join("; ")],
    e.helpful_response && ["Tried", e.helpful_response],
    e.outcome && ["What happened", /** @type {any} */ (OUTCOME)[e.outcome]],
    hasRisk(e) && ["Risk", riskWords(e.risk)],
    e.note && ["Their note", e.note],
  ].filter(Boolean);
  const earlier = h("div", { class: "earlier" });
  return h("article", { class: `entry${hasRisk(e) ? " risky" : ""}`, "aria-labelledby": `e-${e.id}` },
    h("h3", { id: `e-${e.id}` }, `${dateTime(e.occurred_at)} – ${/** @type {any} */ (CATEGORY)[e.category]}`),
    e.new_since_last_view || e.edited_since_last_view || e.time_flagged || e.withdrawn ? h("p", { class: "badges" },
      e.withdrawn ? h("span", { class: "badge" }, "Withdrawn by the patient (kept in the record)") : null,
      e.new_since_last_view ? h("span", { class: "badge edited" }, "New since you last looked")
        : e.edited_since_last_view ? h("span", { class: "badge edited" }, "Edited since you last looked") : null,
      e.time_flagged ? h("span", { class: "badge" }, "The time may be wrong (phone clock)") : null) : null,
    h("dl", {}, ...rows.flatMap((row) => [h("dt", {}, row[0]), h("dd", {}, row[1])])),
    e.version > 1 ? h("button", { type: "button", class: "link", onclick: () => showEarlier(id, e, earlier) },
      "Show what it said before it was edited") : null,
    earlier,
    mine.length ? h("ul", { class: "notes", "aria-label": "Care team notes" },
      ...mine.map((n) => h("li", {}, h("span", { class: "muted" }, `${n.author_name}, ${dateTime(n.created_at)}: `), n.body))) : null,
    noteForm(id, { entry_id: e.id }, `note-${e.id}`, "Add a note on this entry", reload));
}

/** @param {any} risk */
function riskWords(risk) {
  const said = [];
  if (risk.self_harm !== null && risk.self_harm !== undefined) said.push(`self-harm urge ${risk.self_harm} out of 10`);
  if (risk.aggression !== null && risk.aggression !== undefined) said.push(`aggression urge ${risk.aggression} out of 10`);
  if (risk.substance_use) said.push("alcohol or drugs used");
  return said.join("; ");
}

/** @param {string} id @param {any} e @param {HTMLElement} into */
async function showEarlier(id, e, into) {
  const reply = await call("GET", `/api/v1/patients/${id}/entries/${e.id}/revisions`);
  if (!reply.ok) {
    into.replaceChildren(message("problem", reasonOf(reply.data)));
    return;
  }
  into.replaceChildren(h("h4", {}, "Earlier versions"), h("ul", {}, ...reply.data.map((/** @type {any} */ r) =>
    h("li", {}, `Version ${r.version}, until ${dateTime(r.replaced_at)}: `,
      [r.entry.emotion, r.entry.urge, r.entry.helpful_response, r.entry.note].filter(Boolean).join(" · ") || "no words"))));
}

/**
 * A small form for a clinician note; the patient's own words are never changed.
 * @param {string} id @param {Record<string, string>} target @param {string} key
 * @param {string} label @param {() => void} reload
 */
export function noteForm(id, target, key, label, reload) {
  const problem = message("problem");
  const form = h("form", { class: "note-form" },
    h("label", { for: key }, label),
    h("textarea", { id: key, name: "body", rows: 2, maxlength: 4000, required: true }),
    problem, h("button", { type: "submit" }, "Save note"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = String(new FormData(/** @type {HTMLFormElement} */ (form)).get("body") || "");
    const reply = await call("POST", `/api/v1/patients/${id}/notes`, { ...target, body });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  });
  return h("details", { class: "add-note" }, h("summary", {}, label), form);
}
