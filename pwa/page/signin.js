// @ts-check
/**
 * Signing in: with login and password, or, the first time, with the invitation code the
 * clinician gave (which sets the password).
 */
import { h } from "../shared/dom.js";
import { signInForm } from "../shared/sign-in.js";
import { confirmDialog } from "./dom.js";
import { registerScreen } from "./registry.js";
import { startSession } from "./session.js";

const NO_SIGNAL = "There is no signal. Signing in needs the internet, but your crisis plan works without it.";

// Said before the first try, not only after a refusal (auth/policy.py holds the rule).
const PASSWORD_RULE = "At least 10 characters. A few words together work well, for example three words you will remember.";

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 * @param {{title: string, intro: string, button: string, url: import("../shared/api.js").ApiUrl,
 *   lead?: HTMLElement, fields: import("../shared/sign-in.js").Field[]}} kind
 * @param {Record<string, string>} [filled] values to start with
 */
function form(main, ctx, kind, filled = {}) {
  const el = signInForm({
    ...kind,
    filled,
    noSignal: NO_SIGNAL,
    async signedIn(data) {
      await startSession(data);
      ctx.saved();
      const notes = (data.notices || []).map((/** @type {{message: string}} */ n) => n.message);
      if (notes.length) await confirmDialog({ title: "Changes to your account", message: notes.join(" "), confirm: "OK" });
      if (data.role !== "patient") {
        location.assign("/review");
        return;
      }
      const next = ctx.params.get("next") || "/";
      ctx.go(next.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
    },
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
