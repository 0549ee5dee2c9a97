// @ts-check
/**
 * Exports of a patient's diary. A download asks for the password and authenticator code
 * again unless they were given in the last five minutes (a desk left signed in cannot
 * hand over a caseload), and there is an hourly limit per person.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";

let counter = 0;

/**
 * A button that downloads `url` (under /api/v1), asking for the password again first
 * when the server says so.
 * @param {string} path
 * @param {string} label
 */
export function downloadButton(path, label) {
  const id = `reauth-${++counter}`;
  const note = h("p", { "aria-live": "polite", class: "hint" });
  const password = /** @type {HTMLInputElement} */ (h("input", { id: `${id}-password`, type: "password", autocomplete: "current-password", required: "" }));
  const code = /** @type {HTMLInputElement} */ (h("input", { id: `${id}-code`, type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "10", required: "" }));
  const form = h("form", { class: "reauth", hidden: "" },
    h("label", { for: password.id }, t("dl.password")), password,
    h("label", { for: code.id }, t("dl.code2")), code,
    h("button", { class: "button", type: "submit" }, t("dl.confirm2")));

  const fetchIt = async () => {
    note.textContent = t("dl.preparing2");
    let response;
    try {
      response = await fetch(`/api/v1${path}`, { credentials: "same-origin", cache: "no-store" });
    } catch {
      note.textContent = t("dl.no_answer");
      return;
    }
    if (response.ok) {
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") || "")?.[1] || "diarycard-export";
      const link = h("a", { href: URL.createObjectURL(await response.blob()), download: name });
      link.click();
      note.textContent = t("dl.started2");
      return;
    }
    const problem = await response.json().catch(() => ({}));
    if (response.status === 403 && problem.errors?.[0]?.rule === "reauthenticate") {
      form.hidden = false;
      note.textContent = t("dl.reauth2");
      password.focus();
      return;
    }
    note.textContent = reasonOf(problem);
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const reply = await call("POST", "/api/v1/me/reauth", { password: password.value, totp: code.value.trim() });
    if (!reply.ok) {
      note.textContent = reply.status === 422 ? t("dl.wrong2") : reasonOf(reply.data);
      return;
    }
    password.value = code.value = "";
    form.hidden = true;
    await fetchIt();
  });
  return h("span", { class: "download" },
    h("button", { class: "button secondary", type: "button", onclick: fetchIt }, label), form, note);
}
