// @ts-check
/** Your own account: where you are signed in, and your password. */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { dateTime, show } from "../shared/staff.js";
import { newTurn } from "./turn.js";
import { message } from "../shared/message.js";

export async function meScreen() {
  const current = newTurn();
  const reply = await call("GET", "/api/v1/me/sessions");
  if (!current()) return;
  const list = h("div", {});
  if (reply.ok) list.append(sessionsTable(reply.data));
  else list.append(message("problem", reasonOf(reply.data)));
  show(t("acc.me.title"),
    h("h1", {}, t("acc.me.title")),
    h("h2", {}, t("acc.me.where")),
    list,
    h("h2", {}, t("acc.me.change")),
    passwordForm());
}

/** @param {Array<{id: string, created_at: string, last_seen_at: string, user_agent: string, current: boolean}>} sessions */
function sessionsTable(sessions) {
  const end = async (/** @type {import("../shared/api.js").ApiUrl} */ path) => {
    await call("DELETE", path);
    meScreen();
  };
  const rows = sessions.map((s) => h("tr", {},
    h("th", { scope: "row" }, s.current ? t("acc.me.this_browser") : deviceOf(s.user_agent)),
    h("td", {}, dateTime(s.created_at)),
    h("td", {}, dateTime(s.last_seen_at)),
    h("td", {}, s.current ? "" : h("button", { type: "button", class: "secondary",
      onclick: () => end(`/api/v1/me/sessions/${s.id}`) }, t("acc.me.sign_it_out")))));
  return h("div", {},
    h("table", {},
      h("caption", {}, t("acc.me.sessions")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("acc.me.device")),
        h("th", { scope: "col" }, t("acc.me.signed_in")), h("th", { scope: "col" }, t("acc.me.last_used")),
        h("th", { scope: "col" }, h("span", { class: "muted" }, t("acc.col.action"))))),
      h("tbody", {}, ...rows)),
    sessions.length > 1
      ? h("button", { type: "button", onclick: () => end("/api/v1/me/sessions") }, t("acc.me.everywhere"))
      : h("p", { class: "muted" }, t("acc.me.nowhere_else")));
}

/** @param {string} agent */
function deviceOf(agent) {
  if (!agent) return t("acc.me.another_device");
  // Product names stay as they are in every language.
  const browser = /Firefox/.test(agent) ? "Firefox" : /Edg\//.test(agent) ? "Edge"
    : /Chrome|Chromium/.test(agent) ? "Chrome" : /Safari/.test(agent) ? "Safari" : "";
  const system = /Android/.test(agent) ? "Android" : /iPhone|iPad/.test(agent) ? t("acc.me.iphone")
    : /Windows/.test(agent) ? "Windows" : /Mac OS/.test(agent) ? "Mac" : /Linux/.test(agent) ? "Linux" : "";
  if (!browser) return system ? t("acc.me.a_browser_on", { system }) : t("acc.me.a_browser");
  return system ? t("acc.me.browser_on", { browser, system }) : browser;
}

function passwordForm() {
  const problem = message("problem", "", { id: "password-problem" });
  const done = message("saved");
  const form = h("form", { class: "card narrow", "aria-describedby": "password-problem" },
    h("p", { class: "field" }, h("label", { for: "current_password" }, t("acc.me.password_now")),
      h("input", { id: "current_password", name: "current_password", type: "password",
        autocomplete: "current-password", required: true })),
    h("p", { class: "field" }, h("label", { for: "new_password" }, t("acc.me.new_password")),
      h("input", { id: "new_password", name: "new_password", type: "password", minlength: 10,
        autocomplete: "new-password", required: true, "aria-describedby": "password-hint" }),
      h("span", { class: "muted", id: "password-hint" }, t("acc.me.password_hint"))),
    problem, done,
    h("button", { type: "submit" }, t("acc.me.change_button")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.textContent = "";
    done.textContent = "";
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const reply = await call("PUT", "/api/v1/me/password", {
      current_password: String(data.get("current_password")),
      new_password: String(data.get("new_password")),
    });
    if (!reply.ok) {
      problem.textContent = reply.data?.errors?.[0]?.rule || reasonOf(reply.data);
      return;
    }
    /** @type {HTMLFormElement} */ (form).reset();
    done.textContent = t("acc.me.changed");
  });
  return form;
}
