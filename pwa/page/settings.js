// @ts-check
/**
 * Settings and my data: who is signed in, reminders, the app lock, downloads (asking for the password again), who
 * has looked, the sign-in code, and signing out (which warns about anything not yet sent).
 */
import { PSEUDO, choose, chosen, language, languages, pseudo, t } from "../shared/words.js";
import { all } from "../shared/idb.js";
import { h } from "../shared/dom.js";
import { confirmDialog, later } from "./dom.js";
import { kick } from "./drainer.js";
import { registerScreen } from "./registry.js";
import { endSession } from "./session.js";
import { message } from "../shared/message.js";

/** The language of the app: the browser's, or one chosen here and kept on this phone. */
function languageChoice() {
  const select = /** @type {HTMLSelectElement} */ (h("select", { id: "language" }));
  const stored = chosen();
  void languages().then((list) => {
    // The pseudo-locale is for tests: offered only while it is the one in use.
    const offered = language() === PSEUDO ? [...list, { code: PSEUDO, name: pseudo("Pseudo-locale") }] : list;
    select.replaceChildren(h("option", { value: "", text: t("settings.language.browser") }),
      ...offered.map((l) => h("option", { value: l.code, text: l.name })));
    select.value = stored;
  });
  select.addEventListener("change", () => {
    choose(select.value);
    location.reload();
  });
  return h("section", { "aria-labelledby": "language-heading" },
    h("h2", { id: "language-heading", text: t("settings.language") }),
    h("p", {}, h("label", { for: "language", text: t("settings.language.label") })), select);
}

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 */
function render(main, ctx) {
  const note = message("info");
  const code = h("section", { "aria-labelledby": "sign-in-code" }, h("h2", { id: "sign-in-code", text: t("settings.code") }));
  void later(() => import("./sign-in-code.js"), code).then((m) => m?.render(code, ctx));
  const data = h("div");
  void later(() => import("./downloads.js"), data).then((m) => m?.render(data));
  const lock = h("section", { "aria-labelledby": "app-lock" }, h("h2", { id: "app-lock", text: t("settings.lock") }));
  void later(() => import("./lock.js"), lock).then((m) => m?.renderSettings(lock, ctx));
  const reminders = h("section", {}, h("h2", { text: t("settings.reminders") }));
  void later(() => import("./reminders.js"), reminders).then((m) => m?.render(reminders, ctx));
  const signOut = async () => {
    await kick(true);
    // Everything unsent on this phone, whoever wrote it: signing out clears the phone.
    const unsent = (await all("outbox")).length;
    if (unsent > 0) {
      const sure = await confirmDialog({
        title: t(unsent === 1 ? "signout.unsent.one" : "signout.unsent", { count: unsent }),
        message: t(unsent === 1 ? "signout.warn.one" : "signout.warn"),
        confirm: t("signout.delete", { count: unsent }),
        cancel: t("signout.stay"),
      });
      if (!sure) {
        note.textContent = t("signout.kept");
        return;
      }
    }
    await endSession();
    ctx.go("/signin", { replace: true });
  };
  main.append(
    h("h1", { text: t("settings.title_long") }),
    h("p", { text: t("settings.signed_in", { name: ctx.session?.display_name || ctx.session?.login || "" }) }),
    reminders,
    lock,
    languageChoice(),
    h("h2", { text: t("settings.data") }),
    h("p", { text: t("settings.data.text") }),
    data,
    h("div", { class: "actions" }, h("a", { class: "button secondary", href: "/access-log", text: t("access.title") })),
    code,
    h("h2", { text: t("signout.title") }),
    h("p", { text: t("signout.text") }),
    h("div", { class: "actions" }, h("button", { class: "button danger", type: "button", "data-action": "sign-out", onclick: signOut, text: t("signout.title") })),
    note,
  );
}

registerScreen({ path: "/settings", title: t("settings.title"), nav: { label: t("settings.title"), order: 90 }, render });
registerScreen({
  path: "/privacy",
  title: t("privacy.title"),
  async render(main) {
    (await later(() => import("./privacy.js"), main))?.render(main);
  },
});
registerScreen({
  path: "/access-log",
  title: t("access.title"),
  async render(main) {
    const screen = await later(() => import("./access-log.js"), main);
    if (screen) await screen.render(main);
    else main.prepend(h("h1", { text: t("access.title") }));
  },
});
