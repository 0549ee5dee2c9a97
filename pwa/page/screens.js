// @ts-check
/** Every screen of the app, one import each. Importing a screen module registers it. */
import "./crisis.js";
import "./not-found.js";
