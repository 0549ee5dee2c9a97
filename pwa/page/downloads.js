// @ts-check
/**
 * Downloading "everything diarycard holds about you". For safety a download asks for the
 * password again (and the sign-in code, when it is on) unless it was given in the last
 * five minutes: a phone left unlocked cannot hand someone the whole diary. Loaded on
 * first use (see LATER_FILES).
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { message } from "../shared/message.js";

const KINDS = [
  { format: "json", label: t("dl.json"), name: "diarycard.json" },
  { format: "csv", label: t("dl.csv"), name: "diarycard.csv" },
];

/** @param {HTMLElement} where */
export function render(where) {
  const note = message("info");
  const form = h("form", { class: "reauth", hidden: true });
  /** @type {string | null} */
  let waiting = null;

  /** @param {typeof KINDS[number]} kind */
  const download = async (kind) => {
    note.textContent = t("dl.preparing");
    let response;
    try {
      response = await fetch(`/api/v1/me/export?format=${kind.format}`, { credentials: "same-origin", cache: "no-store" });
    } catch {
      note.textContent = t("dl.no_signal");
      return;
    }
    if (response.ok) {
      const link = h("a", { href: URL.createObjectURL(await response.blob()), download: kind.name });
      link.click();
      note.textContent = t("dl.started");
      return;
    }
    const problem = await response.json().catch(() => ({}));
    if (response.status === 403 && problem.errors?.[0]?.rule === "reauthenticate") {
      waiting = kind.format;
      form.hidden = false;
      note.textContent = t("dl.reauth");
      /** @type {HTMLInputElement | null} */ (form.querySelector("input"))?.focus();
      return;
    }
    note.textContent = response.status === 429
      ? t("dl.too_much")
      : t("dl.failed");
  };

  const password = /** @type {HTMLInputElement} */ (h("input", { id: "reauth-password", type: "password", autocomplete: "current-password", required: true }));
  const code = /** @type {HTMLInputElement} */ (h("input", { id: "reauth-code", type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "10" }));
  form.append(
    h("label", { for: "reauth-password", text: t("dl.password") }), password,
    h("label", { for: "reauth-code", text: t("dl.code") }), code,
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", text: t("dl.confirm") })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    /** @type {Record<string, string>} */
    const body = { password: password.value };
    if (code.value.trim()) body.totp = code.value.trim();
    const reply = await call("POST", "/api/v1/me/reauth", body);
    if (!reply.ok) {
      note.textContent = reply.status === 429
        ? t("signin.too_many")
        : reply.data?.errors?.[0]?.field === "totp"
          ? t("dl.code_too")
          : t("dl.wrong");
      return;
    }
    password.value = code.value = "";
    form.hidden = true;
    const kind = KINDS.find((k) => k.format === waiting);
    if (kind) await download(kind);
  });

  where.append(
    h("div", { class: "actions" },
      ...KINDS.map((kind) => h("button", { class: "button secondary", type: "button", onclick: () => download(kind), text: kind.label })),
      h("a", { class: "button secondary", href: "/privacy", text: t("privacy.title") })),
    form, note);
}
