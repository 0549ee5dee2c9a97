// @ts-check
/**
 * Where screens and crisis-screen sections register themselves. A screen module calls
 * `registerScreen` when imported; screens.js imports every screen module.
 */

/**
 * @typedef {{
 *   session: import("../shared/phone-session.js").Session | undefined,
 *   params: URLSearchParams,
 *   go: (url: string, options?: {replace?: boolean}) => void,
 *   saved: () => void,
 * }} ScreenContext
 * `saved()` tells the router the form on screen no longer holds unsaved input.
 *
 * @typedef {{
 *   path: string,
 *   title: string,
 *   render: (main: HTMLElement, ctx: ScreenContext) => void | Promise<void>,
 *   nav?: {label: string, order: number},
 *   public?: boolean,
 * }} Screen
 * `public` screens open without signing in (sign-in, crisis). `nav` puts a link in the
 * main navigation, lowest `order` first.
 *
 * @typedef {{id: string, order: number,
 *   render: (container: HTMLElement, ctx: ScreenContext) => void | Promise<void>}} CrisisSection
 */

/** @type {Map<string, Screen>} */
export const screens = new Map();

/** @type {CrisisSection[]} */
export const crisisSections = [];

/** @param {Screen} screen */
export function registerScreen(screen) {
  screens.set(screen.path, screen);
}

/**
 * Add a section to the crisis screen, shown below the emergency numbers (the agreed
 * crisis plan goes here). It must render from data already on the phone when offline.
 * @param {CrisisSection} section
 */
export function registerCrisisSection(section) {
  crisisSections.push(section);
  crisisSections.sort((a, b) => a.order - b.order);
}
