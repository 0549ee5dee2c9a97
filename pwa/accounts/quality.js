// @ts-check
/**
 * For a site admin: the NICE quality statements the service must show (QS88 1, 2, 5 and
 * 6), each in words and figures, and every clinician's supervision with overdue flagged.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { show } from "../shared/staff.js";
import { supervisionCard } from "../shared/supervision.js";
import { message } from "../shared/message.js";

export async function qualityScreen() {
  const reply = await call("GET", "/api/v1/site/quality-statements");
  if (!reply.ok) {
    show(t("acc.nav.quality"), h("h1", {}, t("acc.nav.quality")), message("problem", reasonOf(reply.data)));
    return;
  }
  const r = reply.data;
  show(t("acc.nav.quality"),
    h("h1", {}, t("acc.nav.quality")),
    h("p", {}, t("acc.qs.about")),
    h("table", { class: "quality" },
      h("caption", {}, t("acc.qs.caption")),
      h("thead", {}, h("tr", {}, ...[t("acc.qs.statement"), t("acc.qs.met"), t("acc.qs.words")].map((name) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, ...r.statements.map((/** @type {any} */ s) => h("tr", {},
        h("th", { scope: "row" }, `${s.statement}. ${s.title}`),
        h("td", {}, t("acc.qs.met_of", { met: s.met, of: s.of })),
        h("td", {}, s.words))))),
    h("h2", {}, t("acc.qs.supervision")),
    ...r.clinicians.map((/** @type {any} */ c) => supervisionCard(c, c.display_name, qualityScreen, "h3")));
}
