/**
 * The kit's one IndexedDB database (default name 'iop-kit'): the encrypted cache, the outbox and the
 * key live side by side so that `signOut()` wipes all of them with one `indexedDB.deleteDatabase`.
 */
import { createRecordCipher, loadOrCreateKeys, type RecordCipher } from './crypto.js';
import { markStorageUnavailable, resetStorageStatusForTesting } from './storage-status.js';

export const KIT_DB_VERSION = 1;
export const DEFAULT_DB_NAME = 'iop-kit';

/** The database itself (plain IndexedDB: the few calls the kit makes do not need a wrapper library). */
export type KitDatabase = IDBDatabase;
export type KitStore = 'cache' | 'outbox' | 'keys';
const STORES: readonly KitStore[] = ['cache', 'outbox', 'keys'];

/**
 * The IndexedDB factory, or why there is none: it may be absent, and in a sandboxed iframe without
 * allow-same-origin (an opaque origin) merely reading `indexedDB` throws a SecurityError.
 */
function indexedDBFactory(): IDBFactory | Error {
  try {
    return globalThis.indexedDB ?? new Error('indexedDB is undefined');
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Runs `act` on one store in its own transaction and resolves with its request's result once the
 * transaction has committed (so a write is on disk before the caller goes on); rejects when the transaction
 * fails or cannot start (e.g. the connection was closed under it).
 */
export function inStore<T = undefined>(
  db: KitDatabase,
  name: KitStore,
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(name, mode);
    const request = act(tx.objectStore(name));
    tx.oncomplete = () => resolve(request?.result as T);
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

/**
 * Opens (creating when needed) the kit's database. Rejects when IndexedDB is missing, when the open fails,
 * or when an upgrade is blocked by another tab: callers then fall back to memory instead of waiting.
 * `onClose` runs when another tab or `signOut()` needs this connection gone (versionchange) or the browser
 * terminated it; the caller reopens lazily on its next operation.
 */
export function openKitDatabase(name: string, onClose: () => void): Promise<KitDatabase> {
  return new Promise((resolve, reject) => {
    const factory = indexedDBFactory();
    if (factory instanceof Error) throw new Error(`IndexedDB is not available (${factory.message})`);
    let blocked = false;
    const request = factory.open(name, KIT_DB_VERSION);
    request.onupgradeneeded = () => {
      for (const store of STORES) {
        if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
      }
    };
    request.onblocked = () => {
      blocked = true;
      reject(new Error('IndexedDB upgrade blocked by another tab'));
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      // A late success after a blocked upgrade: nobody is waiting for this connection any more.
      if (blocked || !STORES.every((store) => db.objectStoreNames.contains(store))) {
        db.close();
        return reject(new Error(`IndexedDB database "${name}" lacks the kit's object stores`));
      }
      db.onversionchange = () => {
        // Let a deleteDatabase (sign-out) or a newer kit in another tab proceed.
        db.close();
        onClose();
      };
      db.onclose = onClose;
      resolve(db);
    };
  });
}

/**
 * Deletes a database. Other connections are asked to close first (the kit's own do at once); resolves once it
 * is gone, or, when another page keeps a connection open (a tab being closed, a frozen one), after waiting
 * `blockedWaitMs` for it: the browser completes the deletion as soon as that page lets go, and sign-out must
 * not hang meanwhile.
 */
export function deleteKitDatabase(name: string, blockedWaitMs = 2000): Promise<void> {
  const factory = indexedDBFactory();
  // No IndexedDB (or none this page may use): nothing was ever stored, so there is nothing to wipe.
  if (factory instanceof Error) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => setTimeout(resolve, blockedWaitMs);
  });
}

let fallbackWarned = false;

/**
 * Says once per page, for the developer, why nothing is kept on this device; the kit keeps working from the
 * network either way. Also tells the widgets (see storage-status.ts), which tell the person what it means.
 */
export function warnStorageFallback(reason: unknown): void {
  markStorageUnavailable();
  if (fallbackWarned) return;
  fallbackWarned = true;
  const why = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  console.warn(
    `iop-kit: this browser cannot keep an encrypted offline copy (${why}). The widgets load from the network ` +
      'and keep data in memory for this page only; crisis events and preference changes are retried while ' +
      'the page is open. IndexedDB and WebCrypto (crypto.subtle, which needs https:) are both required.',
  );
}

/** Tests only: forget that the fallback warning was already shown and that storage failed. */
export function resetStorageFallbackWarningForTesting(): void {
  fallbackWarned = false;
  resetStorageStatusForTesting();
}

export type StorageKind = 'indexeddb' | 'memory';

/** An open database and, when encryption is on, the cipher made from its keys. */
export interface KitConnection {
  db: KitDatabase;
  cipher: RecordCipher | undefined;
}

/**
 * The storage under the cache and the outbox: opens the database lazily, reopens after another tab or
 * sign-out closed it, and switches for good to memory (warning once per page) when IndexedDB fails.
 */
export class KitStorage {
  private mode: StorageKind;
  private connection: Promise<KitConnection | undefined> | undefined;
  private closed = false;

  constructor(
    readonly dbName: string,
    private readonly encrypt: boolean,
  ) {
    const factory = indexedDBFactory();
    // Without WebCrypto (an http: page is not a secure context) records could only be stored in plaintext:
    // memory instead, never plaintext on disk. `encrypt: false` is the developer's explicit choice.
    const unavailable =
      factory instanceof Error
        ? factory
        : encrypt && !globalThis.crypto?.subtle
          ? new Error('WebCrypto (crypto.subtle) is unavailable: the page is not a secure context')
          : undefined;
    this.mode = unavailable ? 'memory' : 'indexeddb';
    if (unavailable) warnStorageFallback(unavailable);
    globalThis.addEventListener?.('pagehide', this.letGo);
  }

  /**
   * Leaving the page: close the connection (the next operation reopens it). A page kept in the back/forward
   * cache with an open connection would block another tab's sign-out, which deletes the database.
   */
  private readonly letGo = (): void => {
    const pending = this.connection;
    this.connection = undefined;
    void pending?.then((connection) => connection?.db.close());
  };

  /** Where data lives now. */
  get storage(): StorageKind {
    return this.mode;
  }

  /** Resolves once the database has been tried, with where data lives. */
  async ready(): Promise<StorageKind> {
    await this.connect();
    return this.mode;
  }

  /**
   * Runs `onDisk` on the database, reopening once when the connection was closed under it; runs
   * `inMemory` instead when the storage is (or just became) memory-only.
   */
  async run<R>(onDisk: (c: KitConnection) => Promise<R>, inMemory: () => R): Promise<R> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const pending = this.connect();
      const connection = await pending;
      if (!connection) break;
      try {
        return await onDisk(connection);
      } catch (error) {
        if (attempt === 0 && this.connection !== pending) continue;
        this.fallBack(error);
      }
    }
    return inMemory();
  }

  /**
   * Closes the connection; later operations run in memory. An open still in progress is closed when it
   * completes, without waiting for it here (it may be queued behind another page's deletion).
   */
  async close(): Promise<void> {
    this.closed = true;
    globalThis.removeEventListener?.('pagehide', this.letGo);
    this.letGo();
  }

  private connect(): Promise<KitConnection | undefined> {
    if (this.mode === 'memory' || this.closed) return Promise.resolve(undefined);
    this.connection ??= this.open().catch((error: unknown) => {
      this.fallBack(error);
      return undefined;
    });
    return this.connection;
  }

  private async open(): Promise<KitConnection> {
    const db = await openKitDatabase(this.dbName, () => {
      this.connection = undefined;
    });
    try {
      return { db, cipher: this.encrypt ? createRecordCipher(await loadOrCreateKeys(db)) : undefined };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private fallBack(error: unknown): void {
    // After close() failures are expected (the connection went away under an operation): no warning.
    if (this.mode === 'memory' || this.closed) return;
    this.mode = 'memory';
    const pending = this.connection;
    this.connection = undefined;
    void pending?.then((c) => c?.db.close());
    warnStorageFallback(error);
  }
}
