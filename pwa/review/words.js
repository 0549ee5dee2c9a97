// @ts-check
/** The review's own words, added to the kit's before any of its screens draws. */
import { addCatalogue } from "../shared/words.js";
import REVIEW_EN_GB from "./words/en-GB.js";

await addCatalogue(REVIEW_EN_GB, "/review/words");

export { t } from "../shared/words.js";
