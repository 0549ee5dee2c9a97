// @ts-check
/**
 * The patient's own t("settings.code") control in Settings: turn it on (open the
 * authenticator app from a link, scan the QR code from another screen, or type the key;
 * then confirm with a code) or off (with a current code). Loaded only when Settings opens
 * (see LATER_FILES). Everything here needs a signal; nothing is kept on the phone.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { groupedKey, qrImage } from "../shared/qr.js";
import { h } from "../shared/dom.js";
import { message } from "../shared/message.js";

/** @typedef {import("./registry.js").ScreenContext} ScreenContext */

const NO_SIGNAL = t("code.no_signal");

/**
 * @param {HTMLElement} section where the control goes (emptied and redrawn as it changes)
 * @param {ScreenContext} ctx
 * @param {string} [done] a message to show after a change
 */
export async function render(section, ctx, done = "") {
  const heading = h("h2", { id: "sign-in-code", text: t("settings.code") });
  const about = h("p", { text: t("code.about") });
  const note = message("saved", done);
  section.replaceChildren(heading, about, note);
  const me = await call("GET", "/api/v1/me", undefined, { timeout: 6000 });
  if (!me.ok) {
    section.append(h("p", { class: "hint", text: NO_SIGNAL }));
    return;
  }
  if (me.data.totp_enabled) section.append(...turnOff(section, ctx));
  else section.append(h("p", { text: t("code.is_off") }), h("div", { class: "actions" },
    h("button", { class: "button secondary", type: "button", onclick: () => start(section, ctx), text: t("code.turn_on") })));
}

/**
 * A form with one box for a code from the app, sent to `url`; once accepted, the control
 * is drawn again with the `done` message.
 * @param {HTMLElement} section
 * @param {ScreenContext} ctx
 * @param {{button: string, url: import("../shared/api.js").ApiUrl, done: string}} step
 */
function codeForm(section, ctx, { button, url, done }) {
  const id = `code-${Math.random().toString(36).slice(2)}`;
  const input = /** @type {HTMLInputElement} */ (h("input", { id, type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "10", required: true }));
  const problem = message("problem");
  const form = h("form", { novalidate: true },
    h("label", { for: id, text: t("code.now") }), input, problem,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: button })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = input.value.replace(/\s/g, "");
    problem.textContent = "";
    if (!/^\d{6}$/.test(code)) {
      problem.textContent = t("code.six");
      input.focus();
      return;
    }
    const answer = await call("POST", url, { code });
    if (!answer.ok) {
      problem.textContent = problemOf(answer);
      return;
    }
    ctx.saved();
    await render(section, ctx, done);
  });
  return form;
}

/** @param {import("../shared/api.js").Reply} reply */
function problemOf(reply) {
  if (reply.status === 0) return NO_SIGNAL;
  if (reply.status === 429) return t("signin.too_many");
  return reply.data?.errors?.[0]?.rule || reasonOf(reply.data);
}

/**
 * @param {HTMLElement} section
 * @param {ScreenContext} ctx
 */
async function start(section, ctx) {
  const reply = await call("POST", "/api/v1/me/totp");
  if (!reply.ok) {
    section.append(message("problem", problemOf(reply)));
    return;
  }
  const setup = reply.data;
  const confirm = codeForm(section, ctx, {
    button: t("code.on_button"),
    url: "/api/v1/me/totp/confirm",
    done: t("code.on_done"),
  });
  section.replaceChildren(
    h("h2", { id: "sign-in-code", text: t("code.turn_on") }),
    h("ol", {},
      h("li", { text: t("code.step1") }),
      h("li", { text: t("code.step2") }),
      h("li", { text: t("code.step3") })),
    h("div", { class: "actions" }, h("a", { class: "button secondary", href: setup.otpauth_uri, text: t("code.add") })),
    qrImage(setup.qr_svg, t("code.qr")),
    h("p", {}, t("code.key"), " ", h("code", { text: groupedKey(setup.secret) })),
    confirm,
    h("div", { class: "actions" }, h("button", { class: "button secondary", type: "button", onclick: () => render(section, ctx), text: t("nudge.later") })));
  confirm.querySelector("input")?.focus();
}

/**
 * @param {HTMLElement} section
 * @param {ScreenContext} ctx
 */
function turnOff(section, ctx) {
  const form = codeForm(section, ctx, {
    button: t("code.off_button"),
    url: "/api/v1/me/totp/off",
    done: t("code.off_done"),
  });
  return [h("p", { text: t("code.is_on") }), form];
}
