// @ts-check
/**
 * The sign-in form of all three apps: login and password (or, the first time, an
 * invitation code and a new password), and the code from an authenticator app when the
 * server asks for one. What happens after a right password is the app's own business.
 */
import { t } from "./words.js";
import { call } from "./api.js";
import { reasonOf } from "./reasons.js";
import { h } from "./dom.js";
import { message, say } from "./message.js";

/**
 * @typedef {{name: string, label: string, attrs: Record<string, string>, optional?: boolean,
 *   hint?: string}} Field
 * `hint` is shown under the label before the first try (a password's rule, say).
 * @typedef {{
 *   url: import("./api.js").ApiUrl,
 *   button: string,
 *   fields: Field[],
 *   filled?: Record<string, string>,
 *   noSignal?: string,
 *   signedIn: (data: any) => Promise<string | void>,
 *   class?: string,
 * }} SignInOptions
 * `signedIn` gets the server's answer to a right password and may return a problem to
 * show (a patient at the staff pages, say). `noSignal` is what to say with no answer.
 */

const CODE = { name: "totp", label: t("signin.totp"), optional: true,
  attrs: { type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "10" } };

/** @param {Field} f */
function field(f) {
  const id = `sign-in-${f.name}`;
  const hint = f.hint ? h("span", { class: "hint", id: `${id}-hint`, text: f.hint }) : null;
  const input = /** @type {HTMLInputElement} */ (h("input", { id, name: f.name, required: !f.optional,
    "aria-describedby": hint ? `${id}-hint` : null, ...f.attrs }));
  return { ...f, input, element: h("p", { class: "field" }, h("label", { for: id, text: f.label }), hint, input) };
}

/**
 * @param {SignInOptions} o
 * @returns {HTMLFormElement}
 */
export function signInForm(o) {
  const inputs = o.fields.map(field);
  for (const i of inputs) if (o.filled?.[i.name]) i.input.value = o.filled[i.name];
  const problem = message("problem", "", { id: "sign-in-problem" });
  const submit = h("button", { class: "button", type: "submit", text: o.button });
  const form = /** @type {HTMLFormElement} */ (h("form", { class: o.class, novalidate: true, "aria-describedby": "sign-in-problem" },
    ...inputs.map((i) => i.element), problem, h("div", { class: "actions" }, submit)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    say(problem, "problem", "");
    const empty = inputs.find((i) => !i.optional && !i.input.value);
    if (empty) {
      say(problem, "problem", t("signin.fill_all"));
      empty.input.focus();
      return;
    }
    /** @type {Record<string, string>} */
    const body = {};
    for (const i of inputs) {
      const value = i.name === "totp" ? i.input.value.replace(/\s/g, "") : i.input.value;
      if (value) body[i.name] = value;
    }
    submit.setAttribute("disabled", "");
    try {
      const reply = await call("POST", o.url, body);
      if (reply.status === 401 && reply.data?.errors?.[0]?.field === "totp") {
        // The password was right and this person signs in with a code as well: ask for it.
        let code = inputs.find((i) => i.name === "totp");
        if (!code) {
          code = field(CODE);
          inputs.push(code);
          problem.before(code.element);
        }
        say(problem, "problem", t("signin.totp_needed"));
        code.input.focus();
        return;
      }
      if (!reply.ok) {
        // A rule about one of the boxes is said as the sentence it is, without the
        // field's name in front ("password: ...").
        const first = reply.data?.errors?.[0];
        const rule = first && inputs.some((i) => i.name === first.field) && !/^[a-z_]+$/.test(first.rule) ? first.rule : "";
        say(problem, "problem", reply.status === 0 && o.noSignal ? o.noSignal
          : reply.status === 429 ? t("signin.too_many")
            : rule || reasonOf(reply.data));
        return;
      }
      const refused = await o.signedIn(reply.data);
      if (refused) say(problem, "problem", refused);
    } catch (error) {
      console.error("Signing in failed", error instanceof Error ? error.name : "");
      say(problem, "problem", t("kit.went_wrong"));
    } finally {
      submit.removeAttribute("disabled");
    }
  });
  return form;
}
