// @ts-check
/**
 * Chain analyses of an acted urge, gone through in the session (loaded on first use). Each
 * link of the chain with "what could be done differently"; what it proposes for the crisis
 * plan and the table. Agreeing it in the session turns its proposals into drafts that both
 * sides still agree (hazard H-036): the words after agreeing say which drafts were made.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { dateTime } from "../shared/staff.js";
import { refreshTools } from "./tools.js";

const LINKS = ["situation", "emotion", "indicators", "urge", "action", "consequences"].map((k) => [k, t(`ch.link.${k}`)]);

/** @param {string} key @param {string} label @param {string} value @param {number} rows */
const box = (key, label, value, rows = 2) => h("p", { class: "field" }, h("label", { for: key }, label),
  h("textarea", { id: key, name: key, rows, maxlength: 2000 }, value || ""));

/** @param {string} id @param {any} c @param {(said?: string) => void} reload */
function chainCard(id, c, reload) {
  const key = `ch-${c.id.slice(0, 8)}`;
  const p = c.proposals;
  const problem = h("p", { class: "problem", role: "alert" });
  const form = h("form", { class: "plan" },
    ...LINKS.flatMap(([name, label]) => [
      box(`${key}-${name}`, label, c.links[name].what),
      box(`${key}-${name}-d`, t("ch.differently", { label }), c.links[name].differently, 1)]),
    h("h4", {}, t("ch.proposes")),
    box(`${key}-sign`, t("ch.sign"), p.warning_sign, 1),
    box(`${key}-helps`, t("ch.helps"), p.helpful_response, 1),
    box(`${key}-row`, t("ch.row"), p.new_row ? [p.new_row.emotion, p.new_row.urge, p.new_row.helpful_response || ""].join("; ") : "", 1),
    problem, h("p", { class: "actions" }, h("button", { type: "submit" }, t("ch.save"))));
  const text = (/** @type {string} */ k) => String(new FormData(/** @type {HTMLFormElement} */ (form)).get(k) || "").trim();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    /** @type {Record<string, any>} */
    const links = {};
    for (const [name] of LINKS) links[name] = { what: text(`${key}-${name}`), differently: text(`${key}-${name}-d`) };
    const [emotion, urge, helps] = text(`${key}-row`).split(";").map((x) => x.trim());
    const proposals = { warning_sign: text(`${key}-sign`) || null, helpful_response: text(`${key}-helps`) || null,
      new_row: emotion && urge ? { emotion, urge, helpful_response: helps || null } : null };
    const reply = await call("PUT", `/api/v1/patients/${id}/chain-analyses/${c.id}`, { entry_id: c.entry_id, base_version: c.version, links, proposals });
    if (reply.ok) reload();
    else problem.textContent = reply.status === 412 ? t("ch.changed") : reasonOf(reply.data);
  });
  const agree = async () => {
    const reply = await call("PUT", `/api/v1/patients/${id}/chain-analyses/${c.id}/agreement`, { version: c.version });
    if (!reply.ok) { problem.textContent = reasonOf(reply.data); return; }
    refreshTools();
    reload(reply.data.drafted.length ? reply.data.drafted.join(" ") : t("ch.agreed_none"));
  };
  const open = c.status === "open";
  return h("li", { class: "card" },
    h("h3", {}, open ? t("ch.started.open", { when: dateTime(c.created_at) }) : t("ch.started.agreed", { when: dateTime(c.created_at), by: c.agreed_by, on: dateTime(c.agreed_at) })),
    h("dl", {}, ...LINKS.flatMap(([name, label]) => [h("dt", {}, label),
      h("dd", {}, c.links[name].what || t("ch.not_written"), c.links[name].differently ? h("span", { class: "muted" }, " " + t("ch.differently_said", { what: c.links[name].differently })) : null)])),
    open ? h("p", { class: "actions" }, h("button", { type: "button", class: "secondary", onclick: agree }, t("ch.agree"))) : null,
    open ? h("details", {}, h("summary", {}, t("ch.go_through")), form) : problem);
}

/**
 * @param {string} id @param {any[]} entries the review's timeline @param {HTMLElement} into
 * @param {string} [said] what the last agreement drafted, kept over the redraw
 */
export async function fillChains(id, entries, into, said = "") {
  const reply = await call("GET", `/api/v1/patients/${id}/chain-analyses`);
  const reload = (/** @type {string | undefined} */ words) => fillChains(id, entries, into, words);
  const acted = entries.filter((e) => e.outcome === "acted" || e.outcome === "partly");
  const problem = h("p", { class: "problem", role: "alert" });
  const pick = h("select", { id: "chain-entry", name: "entry" }, ...acted.map((e) =>
    h("option", { value: e.id }, `${dateTime(e.occurred_at)}: ${[e.emotion, e.urge].filter(Boolean).join(", ") || t("tl.no_words")}`)));
  const start = async () => {
    const answer = await call("PUT", `/api/v1/patients/${id}/chain-analyses/${crypto.randomUUID()}`,
      { entry_id: /** @type {HTMLSelectElement} */ (pick).value, base_version: 0 });
    if (answer.ok) reload();
    else problem.textContent = reasonOf(answer.data);
  };
  into.replaceChildren(...[
    !reply.ok ? h("p", {}, reasonOf(reply.data)) : reply.data.length
      ? h("ul", { class: "plain" }, ...reply.data.map((/** @type {any} */ c) => chainCard(id, c, reload)))
      : h("p", {}, t("ch.none")),
    said ? h("p", { role: "status" }, said) : null,
    acted.length ? h("form", { class: "window" }, h("p", { class: "field" }, h("label", { for: "chain-entry" }, t("ch.entry")), pick),
      h("button", { type: "button", onclick: start }, t("ch.start")), problem)
      : h("p", { class: "muted" }, t("ch.none_acted")),
  ].filter((part) => part !== null)); // replaceChildren would write null as the word "null"
}
