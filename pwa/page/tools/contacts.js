// @ts-check
/** Editing a list of people to call: a name, a phone number and a short note each. */
import { t } from "./words.js";
import { h } from "../../shared/dom.js";
import { textInput } from "./fields.js";

/**
 * @param {string} legend
 * @param {any[]} people
 * @param {string} noun e.g. "person"
 */
export function contactList(legend, people, noun) {
  const rows = h("div", {});
  /** @type {{name: any, phone: any, note: any, element: HTMLElement}[]} */
  const items = [];
  /** @param {any} person */
  const add = (person) => {
    const name = textInput(t("contacts.name"), person.name || "");
    const phone = textInput(t("contacts.phone"), person.phone || "", { type: "tel", max: 20, autocomplete: "off" });
    const note = textInput(t("tools.note_optional"), person.note || "", { hint: t("contacts.note_hint") });
    const item = { name, phone, note, element: h("fieldset", { class: "contact" }) };
    const remove = h("button", { class: "button secondary", type: "button", text: t(`contacts.remove.${noun}`) });
    remove.addEventListener("click", () => {
      item.element.remove();
      items.splice(items.indexOf(item), 1);
    });
    item.element.append(h("legend", { text: t(`contacts.legend.${noun}`) }), name.element, phone.element, note.element, remove);
    items.push(item);
    rows.append(item.element);
  };
  (people || []).forEach(add);
  const more = h("button", { class: "button secondary", type: "button", text: t(`contacts.add.${noun}`) });
  more.addEventListener("click", () => {
    add({});
    items[items.length - 1].name.input.focus();
  });
  const element = h("fieldset", {}, h("legend", { text: legend }), rows, more);
  const read = () => items
    .map((i) => ({ name: i.name.read(), phone: i.phone.read() || null, note: i.note.read() }))
    .filter((p) => p.name);
  return { element, read };
}
