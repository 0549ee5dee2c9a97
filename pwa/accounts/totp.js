// @ts-check
/** Setting up an authenticator app: scan the QR code (or type the key), then a code. */
import { call, reasonOf } from "../shared/api.js";
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
    show("Authenticator app", h("h1", {}, "Set up your authenticator app"),
      message("problem", reasonOf(started.data)));
    return;
  }
  const key = groupedKey(started.data.secret);
  const problem = message("problem", "", { id: "totp-problem" });
  const form = h("form", { class: "card narrow", "aria-describedby": "totp-problem" },
    h("p", { class: "field" },
      h("label", { for: "code" }, "The 6-digit code your app shows now"),
      h("input", { id: "code", name: "code", inputmode: "numeric", autocomplete: "one-time-code",
        pattern: "[0-9 ]{6,8}", maxlength: 8, required: true })),
    problem,
    h("button", { type: "submit" }, "Turn it on"));
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
  show("Set up your authenticator app",
    h("h1", {}, "Set up your authenticator app"),
    h("p", { class: "lead" },
      "Clinicians and admins sign in with a code from an authenticator app as well as a password, because diaries hold very private things. You do this once."),
    h("ol", {},
      h("li", {}, "Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator) and add an account."),
      h("li", {}, "Scan this QR code, or type the key below it."),
      h("li", {}, "Enter the code the app shows.")),
    qrImage(started.data.qr_svg, "QR code for your authenticator app"),
    h("p", {}, "Key: ", h("span", { class: "secret" }, key)),
    form);
}
