// @ts-check
/** Setting up an authenticator app: scan the QR code (or type the key), then a code. */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { show } from "../shared/staff.js";
import { groupedKey, qrImage } from "../shared/qr.js";
import { newTurn } from "./turn.js";
import { message } from "../shared/message.js";

/** @param {() => void} done called once the app is set up */
export async function enrolScreen(done) {
  const current = newTurn();
  const started = await call("POST", "/api/v1/me/totp");
  if (!current()) return;
  if (!started.ok) {
    show(t("acc.totp.short"), h("h1", {}, t("acc.totp.title")),
      message("problem", reasonOf(started.data)));
    return;
  }
  const key = groupedKey(started.data.secret);
  const problem = message("problem", "", { id: "totp-problem" });
  const form = h("form", { class: "card narrow", "aria-describedby": "totp-problem" },
    h("p", { class: "field" },
      h("label", { for: "code" }, t("acc.totp.code")),
      h("input", { id: "code", name: "code", inputmode: "numeric", autocomplete: "one-time-code",
        pattern: "[0-9 ]{6,8}", maxlength: 8, required: true })),
    problem,
    h("button", { type: "submit" }, t("acc.totp.turn_on")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = String(new FormData(/** @type {HTMLFormElement} */ (form)).get("code")).replace(/\s/g, "");
    const reply = await call("POST", "/api/v1/me/totp/confirm", { code });
    if (!reply.ok) {
      problem.textContent = reasonOf(reply.data);
      return;
    }
    done();
  });
  show(t("acc.totp.title"),
    h("h1", {}, t("acc.totp.title")),
    h("p", { class: "lead" }, t("acc.totp.lead")),
    h("ol", {},
      h("li", {}, t("acc.totp.step1")),
      h("li", {}, t("acc.totp.step2")),
      h("li", {}, t("acc.totp.step3"))),
    qrImage(started.data.qr_svg, t("acc.totp.qr")),
    h("p", {}, `${t("acc.totp.key")} `, h("span", { class: "secret" }, key)),
    form);
}
