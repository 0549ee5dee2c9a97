// @ts-check
/** Every screen of the app, one import each. Importing a screen module registers it. */
import "./crisis.js";
import "./history.js";
import "./home.js";
import "./log.js";
import "./not-found.js";
import "./settings.js";
import "./signin.js";
import "./tools/index.js";
import "./waiting.js";
