// @ts-check
/**
 * What the patient has been working on, for going through together: their personal table
 * and the crisis plan (both editable here in the session), the worksheets and
 * checking-it-out records since the last session to review together, and goals to agree.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { planCard } from "./plan.js";
import { tableCard } from "./table.js";
import { goalsCard, togetherCards } from "./together.js";

/** Draw the plans again (a chain analysis agreed in the session drafted changes to them). */
export let refreshTools = () => {};

/** @param {string} id */
export function toolsSection(id) {
  const body = h("div", { class: "tools" }, h("p", {}, t("review.loading")));
  refreshTools = () => fill(id, body);
  fill(id, body);
  return h("section", { "aria-labelledby": "tools" }, h("h2", { id: "tools" }, t("rt.title")), body);
}

/** @param {string} id @param {HTMLElement} into */
async function fill(id, into) {
  /** @type {import("../shared/api.js").ApiUrl} */
  const base = `/api/v1/patients/${id}`;
  const [table, tableDraft, draft, together, goals] = await Promise.all([
    call("GET", `${base}/table`), call("GET", `${base}/table/draft`), call("GET", `${base}/crisis-plan/draft`),
    call("GET", `${base}/session-tools`), call("GET", `${base}/goals`)]);
  const reload = () => fill(id, into);
  into.replaceChildren(
    card(t("rt.table"), table.ok && tableDraft.ok ? tableCard(id, table.data, tableDraft.data, reload) : unavailable(table.ok ? tableDraft : table)),
    card(t("rt.plan"), draft.ok ? await planCard(id, draft.data, table.ok ? table.data.rows || [] : [], () => fill(id, into)) : unavailable(draft)),
    ...(together.ok ? togetherCards(id, together.data, reload) : [card(t("rt.together"), unavailable(together))]),
    goals.ok ? goalsCard(id, goals.data, reload) : card(t("rt.goals"), unavailable(goals)));
}

/** @param {string} title @param {Node} content */
function card(title, content) {
  return h("section", { class: "card" }, h("h3", {}, title), content);
}

/** @param {{status: number, data: any}} reply */
function unavailable(reply) {
  return h("p", { class: "muted" }, reply.status === 404 ? t("rt.nothing") : reasonOf(reply.data));
}
