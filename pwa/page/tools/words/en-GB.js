// @ts-check
/**
 * The words of the tools loaded on first use (discharge plan, crisis plan editor, strong
 * feelings, what happened and check-ins, goals, checking it out, chain analyses, my table),
 * in en-GB. Added to the kit's by
 * ../words.js when one of those tools loads, so the first load does not carry them; another
 * language is a JSON file beside this one (see shared/words.js).
 * Kept in parts by tool (en-GB/), each small enough to read.
 */
import PLANS from "./en-GB/plans.js";
import FEELINGS from "./en-GB/feelings.js";
import MEASURES from "./en-GB/measures.js";

export default Object.freeze({ ...PLANS, ...FEELINGS, ...MEASURES });
