/**
 * A very small promise layer over IndexedDB: just what the outbox and the saved sessions need.
 * One database holds both, so a session's snapshot and the requests it produced are written
 * in the same transaction (either both are on the device, or neither).
 */

/** The database the elements use when none is named (tests name their own). */
export const DEFAULT_DATABASE = 'observatoire';

/**
 * Object stores: `outbox` (requests to send, auto-numbered in write order), `sessions` (snapshots)
 * and `notSent` (requests the collector refused for good, kept for the mediator: docs/outbox.md).
 */
export const OUTBOX_STORE = 'outbox';
export const SESSIONS_STORE = 'sessions';
export const NOT_SENT_STORE = 'notSent';

const VERSION = 2;

/**
 * Open (and create on first use) the database.
 *
 * @example
 * const db = await openDatabase('observatoire');
 */
export function openDatabase(name: string = DEFAULT_DATABASE): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available in this browser'));
      return;
    }
    const opening = indexedDB.open(name, VERSION);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      if (!db.objectStoreNames.contains(OUTBOX_STORE)) {
        const outbox = db.createObjectStore(OUTBOX_STORE, { keyPath: 'n', autoIncrement: true });
        outbox.createIndex('sessionId', 'sessionId');
      }
      if (!db.objectStoreNames.contains(SESSIONS_STORE)) db.createObjectStore(SESSIONS_STORE, { keyPath: 'sessionId' });
      if (!db.objectStoreNames.contains(NOT_SENT_STORE)) db.createObjectStore(NOT_SENT_STORE, { keyPath: 'n' });
    };
    opening.onsuccess = () => {
      const db = opening.result;
      // Another tab upgrading the schema must not wait for this one forever.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    opening.onerror = () => reject(opening.error ?? new Error(`IndexedDB "${name}" could not be opened`));
  });
}

/**
 * The result of one request, as a promise.
 *
 * @example
 * const item = await result(db.transaction('outbox').objectStore('outbox').get(1));
 */
export function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Resolves once the transaction is committed (the data is on disk), rejects if it aborts.
 *
 * @example
 * const tx = db.transaction('outbox', 'readwrite');
 * tx.objectStore('outbox').add(item);
 * await committed(tx);
 */
export function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}

/**
 * Delete a whole database (tests, and "forget this device").
 *
 * @example
 * await deleteDatabase('observatoire-test');
 */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deleting = indexedDB.deleteDatabase(name);
    deleting.onsuccess = () => resolve();
    deleting.onerror = () => reject(deleting.error ?? new Error(`IndexedDB "${name}" could not be deleted`));
  });
}
