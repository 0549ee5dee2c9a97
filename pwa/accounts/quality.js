// @ts-check
/**
 * For a site admin: the NICE quality statements the service must show (QS88 1, 2, 5 and
 * 6), each in words and figures, and every clinician's supervision with overdue flagged.
 */
import { call, reasonOf } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { show } from "../shared/staff.js";
import { supervisionCard } from "../shared/supervision.js";
import { message } from "../shared/message.js";

export async function qualityScreen() {
  const reply = await call("GET", "/api/v1/site/quality-statements");
  if (!reply.ok) {
    show("Quality statements", h("h1", {}, "Quality statements"), message("problem", reasonOf(reply.data)));
    return;
  }
  const r = reply.data;
  show("Quality statements",
    h("h1", {}, "Quality statements"),
    h("p", {}, "What NICE's quality standard for personality disorders (QS88) asks the service to show, from what is recorded here."),
    h("table", { class: "quality" },
      h("caption", {}, "How many meet each statement"),
      h("thead", {}, h("tr", {}, ...["Statement", "Met", "In words"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, ...r.statements.map((/** @type {any} */ s) => h("tr", {},
        h("th", { scope: "row" }, `${s.statement}. ${s.title}`),
        h("td", {}, `${s.met} of ${s.of}`),
        h("td", {}, s.words))))),
    h("h2", {}, "Supervision"),
    ...r.clinicians.map((/** @type {any} */ c) => supervisionCard(c, c.display_name, qualityScreen, "h3")));
}
