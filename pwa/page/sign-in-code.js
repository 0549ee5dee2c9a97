// @ts-check
/**
 * The patient's own "Sign-in code (two-step)" control in Settings: turn it on (open the
 * authenticator app from a link, scan the QR code from another screen, or type the key;
 * then confirm with a code) or off (with a current code). Loaded only when Settings opens
 * (see LATER_FILES). Everything here needs a signal; nothing is kept on the phone.
 */
import { call, reasonOf } from "../shared/api.js";
import { groupedKey, qrImage } from "../shared/qr.js";
import { h } from "../shared/dom.js";
import { message } from "../shared/message.js";

/** @typedef {import("./registry.js").ScreenContext} ScreenContext */

const NO_SIGNAL = "There is no signal. Changing your sign-in code needs the internet. Please try again when you are back online.";

/**
 * @param {HTMLElement} section where the control goes (emptied and redrawn as it changes)
 * @param {ScreenContext} ctx
 * @param {string} [done] a message to show after a change
 */
export async function render(section, ctx, done = "") {
  const heading = h("h2", { id: "sign-in-code", text: "Sign-in code (two-step)" });
  const about = h("p", { text: "For extra safety, diarycard can ask for a 6-digit code from an authenticator app on your phone each time you sign in, as well as your password. It is your choice." });
  const note = message("saved", done);
  section.replaceChildren(heading, about, note);
  const me = await call("GET", "/api/v1/me", undefined, { timeout: 6000 });
  if (!me.ok) {
    section.append(h("p", { class: "hint", text: NO_SIGNAL }));
    return;
  }
  if (me.data.totp_enabled) section.append(...turnOff(section, ctx));
  else section.append(h("p", { text: "Your sign-in code is off." }), h("div", { class: "actions" },
    h("button", { class: "button secondary", type: "button", onclick: () => start(section, ctx), text: "Turn on a sign-in code" })));
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
    h("label", { for: id, text: "The 6-digit code your app shows now" }), input, problem,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: button })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = input.value.replace(/\s/g, "");
    problem.textContent = "";
    if (!/^\d{6}$/.test(code)) {
      problem.textContent = "Please type the 6 numbers your authenticator app shows.";
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
  if (reply.status === 429) return "Too many tries. Please wait a few minutes and try again.";
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
    button: "Turn it on",
    url: "/api/v1/me/totp/confirm",
    done: "Your sign-in code is on. From now on, type a code from your authenticator app when you sign in. You are still signed in here; any other phones have been signed out.",
  });
  section.replaceChildren(
    h("h2", { id: "sign-in-code", text: "Turn on a sign-in code" }),
    h("ol", {},
      h("li", { text: "Get a free authenticator app if you do not have one (for example Microsoft Authenticator or Google Authenticator)." }),
      h("li", { text: "Add diarycard to it: use the button below, or scan this QR code from another screen, or type the key." }),
      h("li", { text: "Type the 6-digit code the app shows, and choose Turn it on." })),
    h("div", { class: "actions" }, h("a", { class: "button secondary", href: setup.otpauth_uri, text: "Add diarycard to my authenticator app" })),
    qrImage(setup.qr_svg, "QR code to add diarycard to your authenticator app"),
    h("p", {}, "Key: ", h("code", { text: groupedKey(setup.secret) })),
    confirm,
    h("div", { class: "actions" }, h("button", { class: "button secondary", type: "button", onclick: () => render(section, ctx), text: "Not now" })));
  confirm.querySelector("input")?.focus();
}

/**
 * @param {HTMLElement} section
 * @param {ScreenContext} ctx
 */
function turnOff(section, ctx) {
  const form = codeForm(section, ctx, {
    button: "Turn it off",
    url: "/api/v1/me/totp/off",
    done: "Your sign-in code is off. You will sign in with just your password.",
  });
  return [h("p", { text: "Your sign-in code is on. To turn it off, type a code from your authenticator app." }), form];
}
