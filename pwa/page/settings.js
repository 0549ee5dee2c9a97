// @ts-check
/**
 * Settings and my data: who is signed in, reminders, the app lock, downloads (asking for the password again), who
 * has looked, the sign-in code, and signing out (which warns about anything not yet sent).
 */
import { all } from "../shared/idb.js";
import { h } from "../shared/dom.js";
import { confirmDialog, later } from "./dom.js";
import { kick } from "./drainer.js";
import { registerScreen } from "./registry.js";
import { endSession } from "./session.js";
import { message } from "../shared/message.js";

/**
 * @param {HTMLElement} main
 * @param {import("./registry.js").ScreenContext} ctx
 */
function render(main, ctx) {
  const note = message("info");
  const code = h("section", { "aria-labelledby": "sign-in-code" }, h("h2", { id: "sign-in-code", text: "Sign-in code (two-step)" }));
  void later(() => import("./sign-in-code.js"), code).then((m) => m?.render(code, ctx));
  const data = h("div");
  void later(() => import("./downloads.js"), data).then((m) => m?.render(data));
  const lock = h("section", { "aria-labelledby": "app-lock" }, h("h2", { id: "app-lock", text: "App lock" }));
  void later(() => import("./lock.js"), lock).then((m) => m?.renderSettings(lock, ctx));
  const reminders = h("section", {}, h("h2", { text: "Reminders" }));
  void later(() => import("./reminders.js"), reminders).then((m) => m?.render(reminders, ctx));
  const signOut = async () => {
    await kick(true);
    // Everything unsent on this phone, whoever wrote it: signing out clears the phone.
    const unsent = (await all("outbox")).length;
    if (unsent > 0) {
      const sure = await confirmDialog({
        title: `${unsent} ${unsent === 1 ? "entry has" : "entries have"} not been sent yet`,
        message: `If you sign out now, ${unsent === 1 ? "it" : "they"} will be deleted from this phone and your clinician will never see ${unsent === 1 ? "it" : "them"}. To keep ${unsent === 1 ? "it" : "them"}, stay signed in until you have a signal.`,
        confirm: `Delete ${unsent} and sign out`,
        cancel: "Stay signed in",
      });
      if (!sure) {
        note.textContent = "You are still signed in. Nothing was deleted.";
        return;
      }
    }
    await endSession();
    ctx.go("/signin", { replace: true });
  };
  main.append(
    h("h1", { text: "Settings and my data" }),
    h("p", { text: `Signed in as ${ctx.session?.display_name || ctx.session?.login || ""}.` }),
    reminders,
    lock,
    h("h2", { text: "My data" }),
    h("p", { text: "Download a copy of everything diarycard holds about you, or see who has looked at your diary." }),
    data,
    h("div", { class: "actions" }, h("a", { class: "button secondary", href: "/access-log", text: "Who has looked at my diary" })),
    code,
    h("h2", { text: "Sign out" }),
    h("p", { text: "Signing out removes your diary from this phone. Anything not yet sent is lost, so we will check first." }),
    h("div", { class: "actions" }, h("button", { class: "button danger", type: "button", "data-action": "sign-out", onclick: signOut, text: "Sign out" })),
    note,
  );
}

registerScreen({ path: "/settings", title: "Settings", nav: { label: "Settings", order: 90 }, render });
registerScreen({
  path: "/privacy",
  title: "How we look after your data",
  async render(main) {
    (await later(() => import("./privacy.js"), main))?.render(main);
  },
});
registerScreen({
  path: "/access-log",
  title: "Who has looked at my diary",
  async render(main) {
    const screen = await later(() => import("./access-log.js"), main);
    if (screen) await screen.render(main);
    else main.prepend(h("h1", { text: "Who has looked at my diary" }));
  },
});
