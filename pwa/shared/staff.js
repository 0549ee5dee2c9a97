// @ts-check
/**
 * The staff apps' page frame (review and accounts): one screen at a time in <main>, and
 * dates in words as the service's clinicians read them (London time).
 */

// The app's name, from its index.html <title> before any screen changes it.
const APP = document.title;

/**
 * Replace the main content, move focus to it and set the page title.
 * @param {string} title
 * @param {...(Node | null)} nodes null (a part with nothing to show) is left out, never printed
 */
export function show(title, ...nodes) {
  const main = /** @type {HTMLElement} */ (document.getElementById("main"));
  main.replaceChildren(...nodes.filter((n) => n !== null));
  document.title = `${title} – ${APP}`;
  main.focus();
}

const LONDON = "Europe/London";

/** @param {string | null | undefined} iso */
export function dateTime(iso) {
  if (!iso) return "";
  return new Date(iso).toLocaleString("en-GB", {
    timeZone: LONDON, weekday: "short", day: "numeric", month: "short", hour: "2-digit",
    minute: "2-digit",
  });
}

/** @param {string | null | undefined} iso a date-time, or a plain YYYY-MM-DD day */
export function day(iso) {
  if (!iso) return "";
  const when = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return when.toLocaleDateString("en-GB", {
    timeZone: LONDON, weekday: "short", day: "numeric", month: "short",
  });
}

/** Today in London, YYYY-MM-DD. */
export function today() {
  return new Date().toLocaleDateString("en-CA", { timeZone: LONDON });
}
