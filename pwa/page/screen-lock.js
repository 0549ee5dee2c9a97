// @ts-check
/**
 * The phone's own screen lock (WebAuthn with PRF, shared/lock-passkey.js) on the lock
 * screen and in Settings. Offered only where the browser has it; the PIN stays.
 */
import { t } from "../shared/words.js";
import { h } from "../shared/dom.js";
import { lockOf } from "../shared/seal.js";
import { dropPasskey, passkeyOffered, setPasskey, unlockWithPasskey } from "../shared/lock-passkey.js";
import { message, say } from "../shared/message.js";

/**
 * The lock screen's button, or null where this browser cannot use it.
 * @param {HTMLElement} problem where to say what happened
 * @param {(result: {outcome: string, message?: string}) => unknown} after
 */
export async function screenLockButton(problem, after) {
  if (!(await passkeyOffered())) return null;
  const button = h("button", { class: "button", type: "button", text: t("screenlock.unlock") });
  button.addEventListener("click", async () => {
    button.setAttribute("disabled", "");
    problem.textContent = t("screenlock.checking");
    const result = await unlockWithPasskey();
    button.removeAttribute("disabled");
    await after(result);
  });
  return h("div", { class: "actions" }, button);
}

/** Settings: turn it on or off, where the browser has it. */
export async function screenLockSettings() {
  if (!(await passkeyOffered())) return null;
  const part = h("div", { class: "screen-lock" });
  const note = message("info");
  const draw = async () => {
    const on = Boolean((await lockOf())?.passkey);
    const button = h("button", { class: "button secondary", type: "button", text: on ? t("screenlock.stop") : t("screenlock.use") });
    button.addEventListener("click", async () => {
      button.setAttribute("disabled", "");
      if (on) {
        await dropPasskey();
        await draw();
        say(note, "saved", t("screenlock.stopped"));
        return;
      }
      const outcome = await setPasskey();
      await draw();
      if (outcome === "on") say(note, "saved", t("screenlock.done"));
      else if (outcome === "offline") say(note, "problem", t("screenlock.needs_signal"));
      else if (outcome === "unsupported") say(note, "info", t("screenlock.unsupported"));
      else if (outcome === "cancelled") say(note, "info", t("screenlock.not_set"));
      else say(note, "problem", t("kit.went_wrong"));
    });
    part.replaceChildren(h("p", { text: on ? t("screenlock.on") : t("screenlock.offer") }), h("div", { class: "actions" }, button), note);
  };
  await draw();
  return part;
}
