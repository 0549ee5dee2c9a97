// @ts-check
/** The timeline of entries in the window, with filters, edit marks and clinician notes. */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { message } from "../shared/message.js";

const CATEGORY = { not_attending: t("tl.cat.not_attending"), not_planning: t("tl.cat.not_planning"), action: t("tl.cat.action") };
const OUTCOME = { acted: t("tl.out.acted"), resisted: t("tl.out.resisted"), partly: t("tl.out.partly") };

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
      h("select", { id: `filter-${name}`, name }, h("option", { value: "" }, t("tl.all")),
        ...options.map(([value, text]) => h("option", { value }, text))));
  const filters = h("form", { class: "filters", "aria-label": t("tl.filter") },
    select("category", t("tl.category"), Object.entries(CATEGORY)),
    select("emotion", t("tl.emotion"), emotions.map((e) => [e, e])),
    select("outcome", t("tl.what_happened"), [...Object.entries(OUTCOME), ["none", t("tl.not_recorded")]]),
    h("p", { class: "field check" },
      h("input", { type: "checkbox", id: "filter-risk", name: "risk" }),
      h("label", { for: "filter-risk" }, t("tl.only_risk"))));
  const draw = () => {
    const f = new FormData(/** @type {HTMLFormElement} */ (filters));
    const shown = entries.filter((e) =>
      (!f.get("category") || e.category === f.get("category"))
      && (!f.get("emotion") || e.emotion === f.get("emotion"))
      && (!f.get("outcome") || (e.outcome ?? "none") === f.get("outcome"))
      && (!f.get("risk") || hasRisk(e)));
    list.replaceChildren(...shown.map((e) => h("li", {}, entryCard(id, e, notes, reload))));
    status.textContent = t("tl.showing", { shown: shown.length, total: entries.length });
  };
  filters.addEventListener("change", draw);
  draw();
  return h("section", { "aria-labelledby": "timeline" },
    h("h2", { id: "timeline" }, t("tl.title")),
    review.timeline_total > entries.length
      ? h("p", {}, t("tl.newest", { shown: entries.length, total: review.timeline_total })) : null,
    sinceLastLook(review), filters, status, entries.length ? list : h("p", {}, t("tl.no_entries")));
}

/** Besides entries (marked in the list), what is new or changed since this clinician last looked. @param {any} review */
function sinceLastLook(review) {
  if (!review.last_viewed_at) return null;
  const newEntries = review.timeline.filter((/** @type {any} */ e) => e.new_since_last_view).length;
  return h("section", { class: "card since", "aria-labelledby": "since" },
    h("h3", { id: "since" }, t("tl.since", { when: dateTime(review.last_viewed_at) })),
    h("p", {}, newEntries ? t(newEntries === 1 ? "tl.new.one" : "tl.new", { count: newEntries }) : t("tl.new.none")),
    review.changed.length ? h("ul", { class: "plain" }, ...review.changed.map((/** @type {any} */ c) =>
      h("li", {}, h("span", { class: "badge edited" }, c.new ? t("tl.new_badge") : t("tl.changed_badge")), ` ${c.words}`, h("span", { class: "muted" }, `, ${dateTime(c.at)}`))))
      : h("p", {}, t("tl.no_changes")));
}

/** @param {any} e */
function hasRisk(e) {
  return Boolean(e.risk && (e.risk.self_harm || e.risk.aggression || e.risk.substance_use));
}

/** @param {string} id @param {any} e @param {any[]} notes @param {() => void} reload */
function entryCard(id, e, notes, reload) {
  const mine = notes.filter((n) => n.entry_id === e.id);
  const rows = [
    e.emotion && [t("tl.emotion"), e.emotion_intensity !== null ? t("tl.with_strength", { what: e.emotion, value: e.emotion_intensity }) : e.emotion],
    e.urge && [t("tl.urge"), e.urge_strength !== null ? t("tl.with_strength", { what: e.urge, value: e.urge_strength }) : e.urge],
    !e.urge && e.urge_strength !== null && [t("tl.urge_strength"), t("tl.out_of_10", { value: e.urge_strength })],
    e.indicators.length && [t("tl.noticed"), e.indicators.join("; ")],
    e.helpful_response && [t("tl.tried"), e.helpful_response],
    e.outcome && [t("tl.what_happened"), /** @type {any} */ (OUTCOME)[e.outcome]],
    hasRisk(e) && [t("tl.risk"), riskWords(e.risk)],
    e.note && [t("tl.their_note"), e.note],
  ].filter(Boolean);
  const earlier = h("div", { class: "earlier" });
  return h("article", { class: `entry${hasRisk(e) ? " risky" : ""}`, "aria-labelledby": `e-${e.id}` },
    h("h3", { id: `e-${e.id}` }, `${dateTime(e.occurred_at)} – ${/** @type {any} */ (CATEGORY)[e.category]}`),
    e.new_since_last_view || e.edited_since_last_view || e.time_flagged || e.withdrawn ? h("p", { class: "badges" },
      e.withdrawn ? h("span", { class: "badge" }, t("tl.withdrawn")) : null,
      e.new_since_last_view ? h("span", { class: "badge edited" }, t("tl.new_since"))
        : e.edited_since_last_view ? h("span", { class: "badge edited" }, t("tl.edited_since")) : null,
      e.time_flagged ? h("span", { class: "badge" }, t("tl.time_flagged")) : null) : null,
    h("dl", {}, ...rows.flatMap((row) => [h("dt", {}, row[0]), h("dd", {}, row[1])])),
    e.version > 1 ? h("button", { type: "button", class: "link", onclick: () => showEarlier(id, e, earlier) },
      t("tl.show_earlier")) : null,
    earlier,
    mine.length ? h("ul", { class: "notes", "aria-label": t("tl.notes") },
      ...mine.map((n) => h("li", {}, h("span", { class: "muted" }, `${n.author_name}, ${dateTime(n.created_at)}: `), n.body))) : null,
    noteForm(id, { entry_id: e.id }, `note-${e.id}`, t("tl.add_note"), reload));
}

/** @param {any} risk */
function riskWords(risk) {
  const said = [];
  if (risk.self_harm !== null && risk.self_harm !== undefined) said.push(t("tl.risk.self_harm", { value: risk.self_harm }));
  if (risk.aggression !== null && risk.aggression !== undefined) said.push(t("tl.risk.aggression", { value: risk.aggression }));
  if (risk.substance_use) said.push(t("tl.alcohol"));
  return said.join("; ");
}

/** @param {string} id @param {any} e @param {HTMLElement} into */
async function showEarlier(id, e, into) {
  const reply = await call("GET", `/api/v1/patients/${id}/entries/${e.id}/revisions`);
  if (!reply.ok) {
    into.replaceChildren(message("problem", reasonOf(reply.data)));
    return;
  }
  into.replaceChildren(h("h4", {}, t("tl.earlier")), h("ul", {}, ...reply.data.map((/** @type {any} */ r) =>
    h("li", {}, t("tl.version", { version: r.version, until: dateTime(r.replaced_at) }) + " ",
      [r.entry.emotion, r.entry.urge, r.entry.helpful_response, r.entry.note].filter(Boolean).join(" · ") || t("tl.no_words")))));
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
    problem, h("button", { type: "submit" }, t("tl.save_note")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = String(new FormData(/** @type {HTMLFormElement} */ (form)).get("body") || "");
    const reply = await call("POST", `/api/v1/patients/${id}/notes`, { ...target, body });
    if (reply.ok) reload();
    else problem.textContent = reasonOf(reply.data);
  });
  return h("details", { class: "add-note" }, h("summary", {}, label), form);
}
