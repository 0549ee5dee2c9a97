// @ts-check
/**
 * The words of the patient app and the kit in en-GB: the source every other catalogue
 * translates (see words.js). Kept in parts by area (en-GB/), each small enough to read.
 */
import APP from "./en-GB/app.js";
import LOG from "./en-GB/log.js";
import LOCK from "./en-GB/lock.js";
import STAFF from "./en-GB/staff.js";

export default Object.freeze({ ...APP, ...LOG, ...LOCK, ...STAFF });
