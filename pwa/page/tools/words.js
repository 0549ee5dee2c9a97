// @ts-check
/**
 * The words of the tools loaded on first use, added to the kit's before any of them draws
 * (the first load does not carry them). A tool in the first load (index, problems,
 * plan-view, warning) keeps its words in shared/words/en-GB.js.
 */
import { addCatalogue } from "../../shared/words.js";
import TOOLS_EN_GB from "./words/en-GB.js";

await addCatalogue(TOOLS_EN_GB, "/page/tools/words");

export { t } from "../../shared/words.js";
