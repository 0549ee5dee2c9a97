// @ts-check
/**
 * Signing in: with login and password, or, the first time, with the invitation code the
 * clinician gave (which sets the password).
 */
import { NetworkError, call, reasonOf } from "../shared/api.js";
import { confirmDialog, h } from "./dom.js";
import { registerScreen } from "./registry.js";
import { startSession } from "./session.js";

let counter = 0;

// Said before the first try, not only after a refusal (auth/policy.py holds the rule).
const PASSWORD_RULE = "At least 10 characters. A few words together work well, for example three words you will remember.";

/**
 * @param {string} label
 * @param {Record<string, string>} attrs
 * @param {string} [hint] shown under the label and tied to the box
 */
function field(label, attrs, hint) {
  const id = `in-${++counter}`;
  const input = /** @type {HTMLInputElement} */ (h("input", { id, required: true, "aria-describedby": hint ? `${id}-hint` : null, ...attrs }));
  return { input, element: h("div", {}, h("label", { for: id, text: label }), hint ? h("p", { class: "hint", id: `${id}-hint`, text: hint }) : null, input) };
}

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 * @param {{title: string, intro: string, button: string, url: string, lead?: HTMLElement,
 *   fields: {name: string, label: string, attrs: Record<string, string>, hint?: string}[]}} kind
 * @param {Record<string, string>} [filled] values to start with
 */
function form(main, ctx, kind, filled = {}) {
  const inputs = kind.fields.map((f) => ({ name: f.name, ...field(f.label, f.attrs, f.hint) }));
  for (const i of inputs) if (filled[i.name]) i.input.value = filled[i.name];
  const problem = h("p", { class: "error", role: "alert" });
  const submit = h("button", { class: "button", type: "submit", text: kind.button });
  const el = h("form", { novalidate: true }, ...inputs.map((i) => i.element), problem, h("div", { class: "actions" }, submit));
  el.addEventListener("submit", async (event) => {
    event.preventDefault();
    const empty = inputs.find((i) => !i.input.value);
    if (empty) {
      problem.textContent = "Please fill in every box.";
      empty.input.focus();
      return;
    }
    /** @type {Record<string, string>} */
    const body = {};
    for (const i of inputs) body[i.name] = i.input.value;
    submit.setAttribute("disabled", "");
    try {
      if (body.totp) body.totp = body.totp.replace(/\s/g, "");
      const reply = await call("POST", kind.url, body);
      if (reply.status === 401 && reply.data?.errors?.[0]?.field === "totp" && !body.totp) {
        // The password was right and the patient turned on a sign-in code: ask for it.
        const code = { name: "totp", ...field("Code from your authenticator app", { type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "10" }) };
        inputs.push(code);
        problem.before(code.element);
        problem.textContent = "Please type the 6-digit code from your authenticator app.";
        code.input.focus();
        return;
      }
      if (!reply.ok) {
        const first = reply.data?.errors?.[0];
        problem.textContent = reply.status === 429
          ? "Too many tries. Please wait a few minutes and try again."
          : first?.field === "password" && !/^[a-z_]+$/.test(first.rule) ? first.rule : reasonOf(reply.data);
        return;
      }
      await startSession(reply.data);
      ctx.saved();
      const notes = (reply.data.notices || []).map((/** @type {any} */ n) => n.message);
      if (notes.length) await confirmDialog({ title: "Changes to your account", message: notes.join(" "), confirm: "OK" });
      if (reply.data.role !== "patient") {
        location.assign("/review");
        return;
      }
      const next = ctx.params.get("next") || "/";
      ctx.go(next.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
    } catch (error) {
      problem.textContent = error instanceof NetworkError
        ? "There is no signal. Signing in needs the internet, but your crisis plan works without it."
        : "Something went wrong. Please try again.";
    } finally {
      submit.removeAttribute("disabled");
    }
  });
  main.append(h("h1", { text: kind.title }), h("p", { text: kind.intro }), kind.lead || "", el);
}

registerScreen({
  path: "/signin",
  title: "Sign in",
  public: true,
  render(main, ctx) {
    // The clinician's invitation link carries the code in the fragment (never sent to
    // a server); take it out of the address at once and offer the first-time form.
    const fragment = new URLSearchParams(location.hash.slice(1));
    const code = fragment.get("invite");
    if (code) {
      history.replaceState(null, "", location.pathname + location.search);
      welcome(main, ctx, code, fragment.get("login") || "");
      return;
    }
    form(main, ctx, {
      title: "Sign in",
      intro: "Sign in to see your table and your diary.",
      button: "Sign in",
      url: "/api/v1/session",
      fields: [
        { name: "login", label: "Your login", attrs: { type: "text", autocomplete: "username", autocapitalize: "none", spellcheck: "false", maxlength: "64" } },
        { name: "password", label: "Password", attrs: { type: "password", autocomplete: "current-password", maxlength: "1024" } },
      ],
    });
    main.append(
      h("h2", { text: "Using diarycard for the first time?" }),
      h("p", {}, h("a", { href: "/welcome", text: "I have an invitation code" })));
  },
});

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 * @param {string} [code]
 * @param {string} [login] the login name, when the invitation link carried it
 */
function welcome(main, ctx, code, login = "") {
  form(main, ctx, {
    title: "Welcome to diarycard",
    intro: "Type the invitation code your clinician gave you, then choose a password. You will use the password to sign in from now on.",
    lead: login
      ? h("p", { class: "message" }, "Your login name is ", h("strong", { class: "login-name", text: login }), ". You will sign in with it and the password you choose now.")
      : h("p", { class: "hint", text: "Your login name is on the invitation from your clinician. You will sign in with it and the password you choose now." }),
    button: "Start",
    url: "/api/v1/invitations/redeem",
    fields: [
      { name: "code", label: "Invitation code", attrs: { type: "text", autocomplete: "one-time-code", autocapitalize: "characters", spellcheck: "false", maxlength: "40" } },
      { name: "password", label: "Choose a password", hint: PASSWORD_RULE, attrs: { type: "password", autocomplete: "new-password", maxlength: "1024" } },
    ],
  }, code ? { code } : {});
  main.append(h("p", {}, h("a", { href: "/signin", text: "I already have a password" })));
}

registerScreen({
  path: "/welcome",
  title: "Welcome",
  public: true,
  render(main, ctx) {
    welcome(main, ctx);
  },
});
