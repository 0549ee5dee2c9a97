// @ts-check
/**
 * My discharge plan: what continues, who to contact, what to do if things get worse and
 * when support steps down, agreed with the clinician before treatment ends. Loaded on first
 * use; the plan itself is kept sealed on the phone like the crisis plan (IndexedDB, never
 * Cache Storage), so once seen it opens with no signal. A new draft is shown whole before
 * the patient agrees it.
 */
import { call } from "../../shared/api.js";
import { get, put } from "../../shared/idb.js";
import { seal, unseal } from "../../shared/seal.js";
import { h } from "../../shared/dom.js";
import { dayOf, timeOf } from "../dom.js";
import { dialable } from "./plan-data.js";
import { message } from "../../shared/message.js";
import { t } from "./words.js";

const KEY = "discharge-plan";

/** @param {any} plan @returns {Array<[string, string[]]>} */
function sections(plan) {
  return [
    [t("discharge.continues"), plan.what_continues || []],
    [t("discharge.if_worse"), plan.if_worse || []],
    [t("discharge.steps_down"), (plan.steps_down || []).map((/** @type {any} */ s) => s.when ? t("discharge.step", { when: dayOf(`${s.when}T12:00`), what: s.what }) : s.what)],
  ];
}

/** @param {any} plan */
function drawPlan(plan) {
  const contacts = plan.contacts || [];
  return h("div", { class: "plan" },
    ...sections(plan).filter(([, items]) => items.length).map(([title, items]) =>
      h("div", {}, h("h3", { text: title }), h("ul", {}, ...items.map((item) => h("li", { text: item }))))),
    contacts.length ? h("div", {}, h("h3", { text: t("discharge.contacts") }), h("ul", { class: "numbers" }, ...contacts.map((/** @type {any} */ c) => h("li", {},
      c.phone ? h("a", { class: "call plan-call", href: `tel:${dialable(c.phone)}` },
        h("span", { class: "call-number", text: t("discharge.call", { name: c.name }) }), h("span", { class: "call-label", text: [c.phone, c.note].filter(Boolean).join(" · ") }))
        : h("p", { text: [c.name, c.note].filter(Boolean).join(" · ") }))))) : null,
    plan.notes ? h("p", { text: plan.notes }) : null);
}

/** @returns {Promise<{agreed: any, draft: any, at: number} | null>} */
async function kept() {
  const copy = await get("copies", KEY);
  if (!copy) return null;
  try {
    return { ...(await unseal(copy.sealed)), at: copy.at };
  } catch {
    return null;
  }
}

/** Fetch and keep both; throws with no signal (the kept copy stays). */
async function refresh() {
  const [agreed, draft] = await Promise.all([call("GET", "/api/v1/discharge-plan", undefined, { timeout: 8000 }),
    call("GET", "/api/v1/discharge-plan/draft", undefined, { timeout: 8000 })]);
  if ((!agreed.ok && agreed.status !== 404) || !draft.ok) throw new Error("discharge plan");
  const both = { agreed: agreed.ok ? agreed.data : null, draft: draft.data };
  await put("copies", { at: Date.now(), sealed: await seal(both) }, KEY);
  return { ...both, at: Date.now() };
}

/** @param {HTMLElement} main @param {any} _ctx */
export async function render(main, _ctx) {
  const area = h("div", {});
  main.append(h("h1", { text: t("discharge.title") }), area);
  const draw = (/** @type {{agreed: any, draft: any, at: number} | null} */ copy, /** @type {boolean} */ offline) => {
    if (!copy) {
      area.replaceChildren(h("p", { text: offline
        ? t("discharge.not_kept")
        : t("discharge.none") }));
      return;
    }
    const { agreed, draft } = copy;
    const status = message("info");
    const agree = async () => {
      const reply = await call("PUT", "/api/v1/discharge-plan/agreement", { draft_version: draft.version });
      if (reply.ok) draw(await refresh().catch(() => copy), false);
      else status.textContent = reply.status === 0 ? t("discharge.no_signal")
        : (reply.data?.detail || t("discharge.failed"));
    };
    const waiting = draft && draft.version && !draft.patient_agreed;
    area.replaceChildren(...[
      agreed ? h("h2", { text: t("discharge.agreed") }) : null,
      agreed ? drawPlan(agreed.plan) : h("p", { text: t("discharge.none_short") }),
      agreed ? h("p", { class: "hint", text: t("discharge.version", { version: agreed.version, clinician: agreed.clinician_name, day: dayOf(agreed.agreed_at) }) }) : null,
      waiting ? h("section", { "aria-labelledby": "discharge-new" },
        h("h2", { id: "discharge-new", text: t("discharge.new") }),
        h("p", { text: draft.clinician_agreed ? t("discharge.read_clinician") : t("discharge.read") }),
        drawPlan(draft.plan), status,
        h("button", { type: "button", class: "big", onclick: agree, text: t("discharge.agree") })) : null,
      h("p", { class: "hint", text: t("discharge.updated", { day: dayOf(copy.at), time: timeOf(copy.at) }) }),
    ].filter((part) => part !== null)); // replaceChildren would write null as the word "null"
  };
  draw(await kept(), !navigator.onLine);
  try {
    draw(await refresh(), false);
  } catch {
    /* no signal: the kept copy stays on screen */
  }
}
