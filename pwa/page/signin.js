// @ts-check
/**
 * Signing in: with login and password, or, the first time, with the invitation code the
 * clinician gave (which sets the password).
 */
import { t } from "../shared/words.js";
import { h } from "../shared/dom.js";
import { signInForm } from "../shared/sign-in.js";
import { confirmDialog } from "./dom.js";
import { registerScreen } from "./registry.js";
import { startSession } from "./session.js";

const NO_SIGNAL = t("signin.no_signal");

// Said before the first try, not only after a refusal (auth/policy.py holds the rule).
const PASSWORD_RULE = t("signin.password_rule");

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
      if (notes.length) await confirmDialog({ title: t("signin.changes"), message: notes.join(" "), confirm: t("signin.ok") });
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
  title: t("signin.title"),
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
      title: t("signin.title"),
      intro: t("signin.intro"),
      button: t("signin.title"),
      url: "/api/v1/session",
      fields: [
        { name: "login", label: t("signin.login"), attrs: { type: "text", autocomplete: "username", autocapitalize: "none", spellcheck: "false", maxlength: "64" } },
        { name: "password", label: t("signin.password"), attrs: { type: "password", autocomplete: "current-password", maxlength: "1024" } },
      ],
    });
    main.append(
      h("h2", { text: t("signin.first") }),
      h("p", {}, h("a", { href: "/welcome", text: t("signin.have_code") })));
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
    title: t("welcome.title"),
    intro: t("welcome.intro"),
    lead: login
      ? h("p", { class: "message" }, t("welcome.login.a"), h("strong", { class: "login-name", text: login }), t("welcome.login.b"))
      : h("p", { class: "hint", text: t("welcome.login.hint") }),
    button: t("welcome.start"),
    url: "/api/v1/invitations/redeem",
    fields: [
      { name: "code", label: t("welcome.code"), attrs: { type: "text", autocomplete: "one-time-code", autocapitalize: "characters", spellcheck: "false", maxlength: "40" } },
      { name: "password", label: t("welcome.password"), hint: PASSWORD_RULE, attrs: { type: "password", autocomplete: "new-password", maxlength: "1024" } },
    ],
  }, code ? { code } : {});
  main.append(h("p", {}, h("a", { href: "/signin", text: t("welcome.have_password") })));
}

registerScreen({
  path: "/welcome",
  title: t("welcome.short"),
  public: true,
  render(main, ctx) {
    welcome(main, ctx);
  },
});
