// @ts-check
/**
 * A tiny promise wrapper over IndexedDB, used by the page and the service worker.
 *
 * Stores:
 *  - outbox: unsent writes (see outbox.js), keyed by "kind:id". Never deleted by an upgrade.
 *  - meta:   small named values (the session, the site's numbers, the sealing key).
 *  - copies: last good copies of API reads, sealed, shown when there is no signal.
 */

const NAME = "diarycard";
export const DB_VERSION = 1;

/** @type {Promise<IDBDatabase> | undefined} */
let opening;

/** @returns {Promise<IDBDatabase>} */
export function openDb() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(NAME, DB_VERSION);
      req.onupgradeneeded = (event) => upgrade(req.result, event.oldVersion);
      req.onsuccess = () => {
        const db = req.result;
        // Another tab or a newer service worker wants to upgrade: step aside, reopen later.
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        resolve(db);
      };
      req.onerror = () => {
        opening = undefined;
        reject(req.error);
      };
    });
  }
  return opening;
}

/**
 * Step through every version in turn, so a phone that skipped releases upgrades safely.
 * Rule: never delete or clear a store that can hold unsent writes; copy forward instead.
 * @param {IDBDatabase} db
 * @param {number} oldVersion
 */
function upgrade(db, oldVersion) {
  if (oldVersion < 1) {
    db.createObjectStore("outbox", { keyPath: "key" });
    db.createObjectStore("meta");
    db.createObjectStore("copies");
  }
}

/**
 * @template T
 * @param {IDBRequest<T>} req
 * @returns {Promise<T>}
 */
export function done(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Run `work` in one transaction and resolve when it commits. `work` must not await
 * anything but the requests of this transaction (no network, no crypto).
 * @template T
 * @param {string | string[]} stores
 * @param {IDBTransactionMode} mode
 * @param {(tx: IDBTransaction) => T | Promise<T>} work
 * @returns {Promise<T>}
 */
export async function transact(stores, mode, work) {
  const db = await openDb();
  const tx = db.transaction(stores, mode);
  const finished = new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("IndexedDB transaction aborted"));
  });
  const result = await work(tx);
  await finished;
  return result;
}

/** @param {string} store @param {IDBValidKey} key */
export function get(store, key) {
  return transact(store, "readonly", (tx) => done(tx.objectStore(store).get(key)));
}

/** @param {string} store @param {any} value @param {IDBValidKey} [key] */
export function put(store, value, key) {
  return transact(store, "readwrite", (tx) => done(tx.objectStore(store).put(value, key)));
}

/** @param {string} store @param {IDBValidKey} key */
export function del(store, key) {
  return transact(store, "readwrite", (tx) => done(tx.objectStore(store).delete(key)));
}

/** @param {string} store @returns {Promise<any[]>} */
export function all(store) {
  return transact(store, "readonly", (tx) => done(tx.objectStore(store).getAll()));
}

/** @param {string} store */
export function clear(store) {
  return transact(store, "readwrite", (tx) => done(tx.objectStore(store).clear()));
}
