// @ts-check
/**
 * The words of the patient screens loaded on first use (Settings' sign-in code, downloads
 * and notifications, privacy, progress, taking an entry back), added to the kit's before
 * any of them draws; the first load does not carry them. A screen in the first load keeps
 * its words in shared/words/en-GB.js.
 */
import { addCatalogue } from "../shared/words.js";
import LATER_EN_GB from "./words/later/en-GB.js";

await addCatalogue(LATER_EN_GB, "/page/words/later");

export { t } from "../shared/words.js";
