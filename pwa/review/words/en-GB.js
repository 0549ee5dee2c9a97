// @ts-check
/**
 * The review's words in en-GB (the kit's are in shared/words/en-GB.js; see
 * shared/words.js). Kept in parts by area (en-GB/), each small enough to read.
 */
import CASELOAD from "./en-GB/caseload.js";
import PLANS from "./en-GB/plans.js";
import TOGETHER from "./en-GB/together.js";
import RESEARCH from "./en-GB/research.js";

export default Object.freeze({ ...CASELOAD, ...PLANS, ...TOGETHER, ...RESEARCH });
