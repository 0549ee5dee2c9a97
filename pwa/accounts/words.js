// @ts-check
/** The accounts pages' own words, added to the kit's before any of their screens draws. */
import { addCatalogue } from "../shared/words.js";
import ACCOUNTS_EN_GB from "./words/en-GB.js";

await addCatalogue(ACCOUNTS_EN_GB, "/accounts/words");

export { t } from "../shared/words.js";
