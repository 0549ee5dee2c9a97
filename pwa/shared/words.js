// @ts-check
/**
 * Every word the apps show comes from one catalogue per language: `t(key, params)` with
 * `{name}` placeholders. en-GB ships in the bundle (the first load stays small); another
 * language is a JSON file in `words/`, named in `words/languages.json`, loaded when it is
 * chosen, so adding one needs no code change. The language is the one chosen in Settings
 * (kept on this phone), else the browser's first we have, else en-GB. `en-XA` is a
 * pseudo-locale written from en-GB by code: accented, about 40% longer and bracketed, so a
 * test can see any text that did not come from the catalogue and any layout that breaks.
 */
import EN_GB from "./words/en-GB.js";

export const BASE = "en-GB";
export const PSEUDO = "en-XA";
const KEY = "diarycard-language";

/** @type {Record<string, string>} every app's en-GB words */
const ENGLISH = { ...EN_GB };
/** @type {Record<string, string>} the chosen language's (a key it lacks falls back) */
let words = ENGLISH;
let current = BASE;

/**
 * @param {string} key
 * @param {Record<string, string | number>} [params]
 */
export function t(key, params = {}) {
  const text = words[key] ?? ENGLISH[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The language the words are in now (for `lang`). */
export function language() {
  return current;
}

/** The locale for dates and times: en-XA has none of its own, so en-GB's. */
export function dateLocale() {
  return current === PSEUDO ? BASE : current;
}

const ACCENTED = Object.fromEntries([..."abcdeghiklnorstuwyzABCDEGHIKLNORSTUWYZ"].map((c, i) =>
  [c, [..."åƀçđéĝĥîķļñöŕšţûŵýžÅƁÇĐÉĜĤÎĶĻÑÖŔŠŢÛŴÝŽ"][i]]));

/** en-XA: every letter outside a {placeholder} accented, padded by about 40%, bracketed. @param {string} text */
export function pseudo(text) {
  const parts = text.split(/(\{\w+\})/);
  const body = parts.map((p, i) => (i % 2 ? p : [...p].map((c) => ACCENTED[c] ?? c).join(""))).join("");
  const pad = Math.ceil(text.replace(/\{\w+\}/g, "").length * 0.4);
  const extra = pad > 0 ? " " + "ẋẋẋẋẋ ".repeat(Math.ceil(pad / 6)).slice(0, pad).trim() : "";
  return `[${body}${extra}]`;
}

/** @returns {Promise<{code: string, name: string}[]>} the catalogues there are, en-GB first */
export async function languages() {
  try {
    const reply = await fetch("/shared/words/languages.json");
    if (reply.ok) return (await reply.json()).languages;
  } catch { /* no signal: only the built-in catalogue */ }
  return [{ code: BASE, name: "English (UK)" }];
}

/** The language chosen on this phone, or "" for the browser's. */
export function chosen() {
  return localStorage.getItem(KEY) || "";
}

/** Keep a choice on this phone (Settings; `?lang=` in tests); empty goes back to the browser's. @param {string} code */
export function choose(code) {
  if (code) localStorage.setItem(KEY, code);
  else localStorage.removeItem(KEY);
}

/**
 * One app's words in a language, from its folder of catalogues.
 * @param {string} code
 * @param {Readonly<Record<string, string>>} english that app's en-GB words
 * @param {string} folder
 * @returns {Promise<Record<string, string> | undefined>}
 */
async function load(code, english, folder) {
  if (code === PSEUDO) return Object.fromEntries(Object.entries(english).map(([k, v]) => [k, pseudo(v)]));
  const reply = await fetch(`${folder}/${encodeURIComponent(code)}.json`);
  return reply.ok ? /** @type {Record<string, string>} */ (await reply.json()) : undefined;
}

/**
 * An app with words of its own (the review) adds its catalogue, and the chosen
 * language's file from its folder when there is one.
 * @param {Readonly<Record<string, string>>} english
 * @param {string} folder
 */
export async function addCatalogue(english, folder) {
  Object.assign(ENGLISH, english);
  if (current === BASE) return;
  try {
    Object.assign(words, await load(current, english, folder));
  } catch { /* no signal for the file: en-GB for these words */ }
}

/** Pick the language and load its words; any failure leaves en-GB. */
async function start() {
  if (typeof localStorage === "undefined") return;
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked) choose(asked);
  const stored = localStorage.getItem(KEY);
  let code = stored || BASE;
  if (!stored) {
    // The browser's: ask for the list only when it prefers something other than English.
    const wanted = navigator.languages.find((l) => !l.toLowerCase().startsWith("en"));
    if (wanted) {
      const have = (await languages()).map((l) => l.code);
      code = navigator.languages.find((l) => have.includes(l)) || BASE;
    }
  }
  try {
    const found = code === BASE ? undefined : await load(code, EN_GB, "/shared/words");
    if (found) {
      words = found;
      current = code;
    }
  } catch { /* no signal for the file: en-GB */ }
  document.documentElement.lang = current;
}

// Before any screen registers its title: modules importing t() wait for this.
await start();
