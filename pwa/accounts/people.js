// @ts-check
/**
 * For admins: everyone at the site, what they can do, their care teams, and the site's
 * emergency numbers. Every change is made on the server and the screen drawn again.
 */
import { t } from "./words.js";
import { call } from "../shared/api.js";
import { reasonOf } from "../shared/reasons.js";
import { h } from "../shared/dom.js";
import { show } from "../shared/staff.js";
import { showInvitation } from "./invite.js";
import { newTurn } from "./turn.js";
import { message } from "../shared/message.js";

/** @typedef {{user_id: string, role: string, login: string, display_name: string, disabled: boolean, totp_enabled: boolean, invited: boolean, care_team: string[]}} Person */

const ROLES = ["patient", "clinician", "admin", "researcher"];

/** @param {string} meId the signed-in admin, who cannot disable or reset themselves */
export async function peopleScreen(meId) {
  const current = newTurn();
  const [people, site] = await Promise.all([call("GET", "/api/v1/users"), call("GET", "/api/v1/site")]);
  if (!current()) return;
  const problem = message("problem", "", { id: "people-problem", tabindex: -1 });
  if (!people.ok || !site.ok) {
    show(t("acc.nav.people"), h("h1", {}, t("acc.nav.people")), message("problem",
      reasonOf(people.ok ? site.data : people.data)));
    return;
  }
  /** @type {Person[]} */
  const everyone = people.data;
  const names = new Map(everyone.map((p) => [p.user_id, p.display_name]));
  const clinicians = everyone.filter((p) => p.role === "clinician" && !p.disabled);

  /** Run a change, then draw the screen again (or say why it did not work). */
  const change = async (/** @type {string} */ method, /** @type {import("../shared/api.js").ApiUrl} */ path, /** @type {unknown} */ body) => {
    const reply = await call(method, path, body);
    if (!reply.ok) {
      problem.textContent = reasonOf(reply.data);
      problem.focus();
      return null;
    }
    return reply;
  };
  const act = async (/** @type {string} */ method, /** @type {import("../shared/api.js").ApiUrl} */ path) => {
    if (await change(method, path)) peopleScreen(meId);
  };

  const row = (/** @type {Person} */ p) => h("tr", {},
    h("th", { scope: "row" }, p.display_name, h("br"), h("span", { class: "muted" }, p.login)),
    h("td", {}, ROLES.includes(p.role) ? t(`acc.role.${p.role}`) : p.role),
    h("td", {}, h("span", { class: "status" }, statusOf(p))),
    h("td", {}, p.role === "admin" || p.role === "researcher" ? "" : team(p)),
    h("td", {}, h("div", { class: "actions" }, ...actions(p))));

  const team = (/** @type {Person} */ p) => {
    const list = h("ul", { class: "plain team" }, ...p.care_team.map((id) => h("li", {},
      names.get(id) ?? t("acc.people.someone"),
      p.role === "patient"
        ? h("button", { type: "button", class: "link",
          "aria-label": t("acc.people.remove_label", { clinician: names.get(id) ?? "", patient: p.display_name }),
          onclick: () => act("DELETE", `/api/v1/care-team/${id}/${p.user_id}`) }, t("acc.people.remove"))
        : null)));
    if (p.role !== "patient") return list;
    const choices = clinicians.filter((c) => !p.care_team.includes(c.user_id));
    if (!choices.length) return list;
    const id = `add-${p.user_id}`;
    const select = h("select", { id }, ...choices.map((c) => h("option", { value: c.user_id }, c.display_name)));
    return h("div", {}, list, h("p", { class: "actions" },
      h("label", { for: id }, t("acc.people.add_label", { name: p.display_name })), select,
      h("button", { type: "button", class: "secondary",
        onclick: () => act("PUT", `/api/v1/care-team/${/** @type {HTMLSelectElement} */ (select).value}/${p.user_id}`) },
      t("acc.people.add"))));
  };

  /** A button whose visible words begin its name, which goes on to say who it is for. */
  const button = (/** @type {string} */ words, /** @type {Person} */ p, /** @type {() => void} */ onclick) =>
    h("button", { type: "button", class: "secondary", "aria-label": t("acc.people.for", { words, name: p.display_name }), onclick }, words);

  const actions = (/** @type {Person} */ p) => {
    if (p.user_id === meId) return [h("span", { class: "muted" }, t("acc.people.you"))];
    const buttons = [button(t("acc.new_code"), p, async () => {
      const reply = await change("POST", `/api/v1/users/${p.user_id}/invitation`);
      if (reply) showInvitation(reply.data, p.display_name);
    })];
    if (p.totp_enabled && p.role !== "patient") {
      buttons.push(button(t("acc.people.reset"), p, () => {
        if (confirm(t("acc.people.reset_confirm", { name: p.display_name }))) {
          act("DELETE", `/api/v1/users/${p.user_id}/totp`);
        }
      }));
    }
    buttons.push(p.disabled
      ? button(t("acc.people.allow"), p, () => act("POST", `/api/v1/users/${p.user_id}/enable`))
      : button(t("acc.people.stop"), p, () => {
        if (confirm(t("acc.people.stop_confirm", { name: p.display_name }))) {
          act("POST", `/api/v1/users/${p.user_id}/disable`);
        }
      }));
    return buttons;
  };

  show(t("acc.nav.people"),
    h("h1", {}, t("acc.people.heading", { site: site.data.name })),
    problem,
    h("p", { class: "actions" }, h("a", { class: "button", href: "#/invite" }, t("acc.invite.title"))),
    h("table", { class: "people" },
      h("caption", {}, t("acc.people.caption")),
      h("thead", {}, h("tr", {}, ...["name", "role", "status", "team", "actions"]
        .map((k) => h("th", { scope: "col" }, t(`acc.people.col.${k}`))))),
      h("tbody", {}, ...everyone.map(row))),
    h("h2", {}, t("acc.numbers.title")),
    numbersForm(site.data.emergency_numbers, change),
    h("h2", {}, t("acc.floor.title")),
    floorForm(site.data.risk_floor, change),
    h("h2", {}, t("acc.interval.title")),
    intervalForm(site.data.measure_interval_months, change),
    h("h2", {}, t("acc.lock.title")),
    lockForm(Boolean(site.data.app_lock_optional), change));
}

/**
 * Whether patients may turn their phone's app lock off (it is on by default). They are
 * warned first that anyone holding the phone could then read the diary.
 * @param {boolean} optional
 * @param {(method: string, path: import("../shared/api.js").ApiUrl, body: unknown) => Promise<any>} change
 */
function lockForm(optional, change) {
  const done = h("p", { role: "status" });
  const box = /** @type {HTMLInputElement} */ (h("input", { id: "lock-optional", type: "checkbox" }));
  box.checked = optional;
  const form = h("form", { class: "card" },
    h("p", {}, t("acc.lock.about")),
    h("p", { class: "field" }, box, h("label", { for: "lock-optional" }, ` ${t("acc.lock.optional")}`)),
    done, h("button", { type: "submit" }, t("acc.lock.save")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    done.textContent = "";
    if (await change("PUT", "/api/v1/site/app-lock", { app_lock_optional: box.checked })) {
      done.textContent = t(box.checked ? "acc.lock.saved_optional" : "acc.lock.saved_on");
    }
  });
  return form;
}

/**
 * The site's floor: a self-harm or aggression urge at or over it puts a patient first in
 * the caseload, whatever their own plan says. A clinical decision for the service.
 * @param {number} floor
 * @param {(method: string, path: import("../shared/api.js").ApiUrl, body?: unknown) => Promise<any>} change
 */
function floorForm(floor, change) {
  const done = message("saved");
  const input = /** @type {HTMLInputElement} */ (h("input", { id: "risk-floor", name: "risk_floor", type: "number", min: 1, max: 10, value: floor, required: true }));
  const form = h("form", { class: "card" },
    h("p", {}, t("acc.floor.about")),
    h("p", { class: "field" }, h("label", { for: "risk-floor" }, t("acc.floor.label")), input),
    done, h("button", { type: "submit" }, t("acc.floor.save")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    done.textContent = "";
    if (await change("PUT", "/api/v1/site/risk-floor", { risk_floor: Number(input.value) })) {
      done.textContent = t("acc.floor.saved", { value: input.value });
    }
  });
  return form;
}

/**
 * How many months apart PHQ-9 and GAD-7 are due, from the start of treatment (or study
 * enrolment). 3 is the default, as in the seed's trial.
 * @param {number} months
 * @param {(method: string, path: import("../shared/api.js").ApiUrl, body: unknown) => Promise<any>} change
 */
function intervalForm(months, change) {
  const done = h("p", { role: "status" });
  const input = /** @type {HTMLInputElement} */ (h("input", { id: "measure-interval", name: "measure_interval_months", type: "number", min: 1, max: 12, value: months, required: true }));
  const form = h("form", { class: "card" },
    h("p", {}, t("acc.interval.about")),
    h("p", { class: "field" }, h("label", { for: "measure-interval" }, t("acc.interval.label")), input),
    done, h("button", { type: "submit" }, t("acc.interval.save")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    done.textContent = "";
    if (await change("PUT", "/api/v1/site/measure-interval", { measure_interval_months: Number(input.value) })) {
      done.textContent = t("acc.interval.saved", { value: input.value });
    }
  });
  return form;
}

/** @param {Person} p */
function statusOf(p) {
  if (p.disabled) return t("acc.status.disabled");
  if (p.invited) return t("acc.status.invited");
  if (p.role !== "patient" && !p.totp_enabled) return t("acc.status.totp");
  return t("acc.status.active");
}

/**
 * @param {Array<{label: string, number: string}>} numbers
 * @param {(method: string, path: import("../shared/api.js").ApiUrl, body?: unknown) => Promise<any>} change
 */
function numbersForm(numbers, change) {
  const done = message("saved");
  const rows = [...numbers, { label: "", number: "" }];
  const grid = h("div", { class: "numbers" }, ...rows.flatMap((n, i) => [
    h("p", { class: "field" }, h("label", { for: `label-${i}` }, t("acc.numbers.name", { n: i + 1 })),
      h("input", { id: `label-${i}`, name: `label-${i}`, value: n.label, maxlength: 80 })),
    h("p", { class: "field" }, h("label", { for: `number-${i}` }, t("acc.numbers.number", { n: i + 1 })),
      h("input", { id: `number-${i}`, name: `number-${i}`, value: n.number, maxlength: 30,
        inputmode: "tel", pattern: "[0-9+ ()\\-]+" })),
  ]));
  const form = h("form", { class: "card" },
    h("p", {}, t("acc.numbers.about")),
    grid, done, h("button", { type: "submit" }, t("acc.numbers.save")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    done.textContent = "";
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const chosen = rows.map((_, i) => ({
      label: String(data.get(`label-${i}`) || "").trim(), number: String(data.get(`number-${i}`) || "").trim(),
    })).filter((n) => n.label);
    if (await change("PUT", "/api/v1/site/emergency-numbers", { emergency_numbers: chosen })) {
      done.textContent = t("acc.numbers.saved");
    }
  });
  return form;
}
