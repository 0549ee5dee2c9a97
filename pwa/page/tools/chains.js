// @ts-check
/**
 * Chain analyses: an urge I acted on, link by link (the situation, the feeling, what I
 * noticed, the urge, what I did, what happened next), with what I could do differently at
 * each link, to go through with my clinician. Started from an entry in My diary and filled
 * in from it; saved through the outbox, so it works with no signal. What it proposes for
 * my crisis plan or table changes nothing until we have both agreed it. Loaded on first use.
 */
import { t } from "./words.js";
import { h } from "../../shared/dom.js";
import { afterSave, listOf, saveRecord, savedNote, TOOLS } from "./data.js";
import { saying, textArea, textInput } from "./fields.js";
import { onDay, recordList } from "./list.js";

const TOOL = TOOLS.chains;
const LINKS = ["situation", "emotion", "indicators", "urge", "action", "consequences"].map((k) => [k, t(`chain.link.${k}`)]);

/** @param {HTMLElement} main @param {import("../registry.js").ScreenContext} ctx @param {any} rec */
function chainForm(main, ctx, rec) {
  const links = rec.links || {};
  const proposals = rec.proposals || {};
  const said = saying();
  said.say(savedNote(ctx.params) || (rec.waiting === "queued" && !rec.links?.situation
    ? t("chain.saved_local") : ""));
  if (rec.status === "agreed") {
    main.append(h("p", { class: "message", text: t("chain.agreed", { name: rec.agreed_by, when: onDay(rec.agreed_at) }) }),
      h("dl", {}, ...LINKS.flatMap(([name, label]) => [h("dt", { text: label }),
        h("dd", { text: [links[name]?.what || t("chain.not_written"), links[name]?.differently ? t("chain.i_could", { what: links[name].differently }) : ""].filter(Boolean).join(". ") })])));
    return;
  }
  const fields = LINKS.map(([name, label]) => ({ name,
    what: textArea(label, links[name]?.what, { rows: 2 }),
    differently: textArea(t("chain.differently", { label }), links[name]?.differently, { rows: 2 }) }));
  const sign = textInput(t("chain.sign"), proposals.warning_sign);
  const helps = textInput(t("chain.helps"), proposals.helpful_response);
  const form = h("form", { novalidate: true },
    ...fields.map((f) => h("fieldset", {}, h("legend", { text: LINKS.find(([n]) => n === f.name)?.[1] || "" }), f.what.element, f.differently.element)),
    h("fieldset", {}, h("legend", { text: t("chain.ideas") }),
      h("p", { class: "hint", text: t("chain.ideas_hint") }), sign.element, helps.element),
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: t("form.save") }),
      h("a", { class: "button secondary", href: "/tools?tool=chains", text: t("chain.back") })),
    said.element);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    /** @type {Record<string, {what: string, differently: string}>} */
    const written = {};
    for (const f of fields) written[f.name] = { what: f.what.read(), differently: f.differently.read() };
    const outcome = await saveRecord(TOOL, rec.id, rec.version, { entry_id: rec.entry_id, links: written,
      proposals: { ...proposals, warning_sign: sign.read() || null, helpful_response: helps.read() || null } });
    afterSave(ctx, outcome, said.say);
  });
  main.append(form);
}

/** @param {HTMLElement} main @param {import("../registry.js").ScreenContext} ctx */
export async function render(main, ctx) {
  main.append(h("h1", { text: t("tools.chains") }),
    h("p", { class: "lead", text: t("chain.lead") }));
  const entry = ctx.params.get("entry");
  if (entry) { // started from My diary: one new chain for this entry, filled in when sent
    const id = crypto.randomUUID();
    await saveRecord(TOOL, id, 0, { entry_id: entry });
    ctx.go(`/tools?tool=chains&id=${id}`, { replace: true });
    return;
  }
  const list = await listOf(TOOL);
  const id = ctx.params.get("id");
  const rec = id ? list.items.find((r) => r.id === id) : null;
  if (rec) {
    chainForm(main, ctx, rec);
    return;
  }
  main.append(h("p", { class: "hint", text: t("chain.how_start") }));
  recordList(main, list, "chains", (r) => r.links?.urge?.what || r.links?.emotion?.what || t("chain.when_sent"),
    (r) => (r.status === "agreed" ? t("chain.gone_through") : t("chain.to_go")));
}
