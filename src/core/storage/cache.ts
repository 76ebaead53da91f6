/**
 * The offline cache: every read the widgets make is kept here, encrypted at rest, so that crisis help, the
 * safety plan and the rest still show when the network or the backend is down.
 *
 * - Records in IndexedDB hold only ciphertext, and their keys are opaque HMACs (see crypto.ts).
 * - When IndexedDB is missing or fails (private mode, blocked upgrade, quota), the cache keeps working
 *   from memory and says so once per page in the console.
 * - Tabs stay consistent: set/delete/clear are announced on BroadcastChannel('iop-kit'); caches on the
 *   same database in other tabs (or other instances in this tab) emit an `invalidate` event.
 */
import type { RecordCipher } from './crypto.js';
import { randomId } from '../random-id.js';
import { DEFAULT_DB_NAME, KitStorage, deleteKitDatabase, inStore, type StorageKind } from './kit-db.js';

export type { StorageKind } from './kit-db.js';

export const BROADCAST_CHANNEL_NAME = 'iop-kit';

export interface CacheOptions {
  /** IndexedDB database name; default 'iop-kit'. */
  dbName?: string;
  /** Encrypt records at rest (default true). */
  encrypt?: boolean;
  /** Entries older than this are deleted on read and treated as absent. */
  maxAgeMs?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/** A cached value and how old it is. */
export interface CacheEntry<T> {
  value: T;
  /** Epoch milliseconds when it was stored. */
  storedAt: number;
  ageMs: number;
}

/** Detail of the `invalidate` event: the key changed elsewhere, or `null` when everything was cleared. */
export interface InvalidateDetail {
  key: string | null;
}

/** Broadcast message between tabs. Carries the record key only, never a value. */
interface CacheMessage {
  type: 'iop-cache-invalidate';
  dbName: string;
  key: string | null;
  from: string;
}

interface StoredEntry {
  k: string;
  v: unknown;
  t: number;
}

/**
 * An encrypted key-value cache on IndexedDB with a memory fallback.
 * Emits `invalidate` (CustomEvent<InvalidateDetail>) when another instance or tab changes a key.
 */
export class OfflineCache extends EventTarget {
  readonly dbName: string;
  readonly maxAgeMs: number | undefined;
  /** The clock ages are measured with. */
  readonly now: () => number;
  private readonly id = randomId();
  private readonly memory = new Map<string, StoredEntry>();
  private readonly storageLayer: KitStorage;
  private channel: BroadcastChannel | undefined;

  constructor(options: CacheOptions = {}) {
    super();
    this.dbName = options.dbName ?? DEFAULT_DB_NAME;
    this.maxAgeMs = options.maxAgeMs;
    this.now = options.now ?? Date.now;
    this.storageLayer = new KitStorage(this.dbName, options.encrypt ?? true);
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(BROADCAST_CHANNEL_NAME);
      this.channel.onmessage = (event: MessageEvent<CacheMessage>) => this.onMessage(event.data);
    }
  }

  /** Where entries live now: 'indexeddb', or 'memory' after a fallback. */
  get storage(): StorageKind {
    return this.storageLayer.storage;
  }

  /** Resolves once storage has been tried, with where entries live. */
  ready(): Promise<StorageKind> {
    return this.storageLayer.ready();
  }

  /** Returns the entry with its age, or undefined when absent, expired (then deleted) or unreadable. */
  async get<T = unknown>(
    key: string,
    options: { maxAgeMs?: number } = {},
  ): Promise<CacheEntry<T> | undefined> {
    const maxAgeMs = options.maxAgeMs ?? this.maxAgeMs;
    const stored = await this.storageLayer.run(
      async ({ db, cipher }) => {
        const id = await recordId(cipher, key);
        const raw = await inStore<unknown>(db, 'cache', 'readonly', (store) => store.get(id));
        if (raw === undefined) return undefined;
        try {
          const entry = cipher ? await cipher.decrypt<StoredEntry>(raw) : (raw as StoredEntry);
          return entry.k === key ? entry : undefined;
        } catch {
          // Written with a key that no longer exists (or tampered with): unreadable, so drop it.
          await inStore(db, 'cache', 'readwrite', (store) => void store.delete(id));
          return undefined;
        }
      },
      () => this.memory.get(key),
    );
    if (!stored) return undefined;
    const ageMs = Math.max(0, this.now() - stored.t);
    if (maxAgeMs !== undefined && ageMs > maxAgeMs) {
      await this.remove(key, false);
      return undefined;
    }
    return { value: stored.v as T, storedAt: stored.t, ageMs };
  }

  /** Stores `value` (JSON-serialisable) under `key`, and tells other tabs. */
  async set(key: string, value: unknown): Promise<void> {
    const entry: StoredEntry = { k: key, v: value, t: this.now() };
    await this.storageLayer.run(
      async ({ db, cipher }) => {
        const record = cipher ? await cipher.encrypt(entry) : entry;
        const id = await recordId(cipher, key);
        await inStore(db, 'cache', 'readwrite', (store) => void store.put(record, id));
      },
      () => void this.memory.set(key, structuredClone(entry)),
    );
    this.announce(key);
  }

  /** Removes `key`, and tells other tabs. */
  async delete(key: string): Promise<void> {
    await this.remove(key, true);
  }

  /** Removes every entry, and tells other tabs. */
  async clear(): Promise<void> {
    this.memory.clear();
    await this.storageLayer.run(
      ({ db }) => inStore(db, 'cache', 'readwrite', (store) => void store.clear()),
      () => undefined,
    );
    this.announce(null);
  }

  /** Deletes the whole database (cache, outbox and keys) and forgets everything in memory. */
  async destroy(): Promise<void> {
    this.memory.clear();
    this.channel?.close();
    this.channel = undefined;
    await this.storageLayer.close();
    await deleteKitDatabase(this.dbName).catch(() => undefined);
  }

  /** Stops listening to other tabs and closes the connection. Later calls still work from memory. */
  close(): void {
    this.channel?.close();
    this.channel = undefined;
    void this.storageLayer.close();
  }

  private async remove(key: string, announce: boolean): Promise<void> {
    this.memory.delete(key);
    await this.storageLayer.run(
      async ({ db, cipher }) => {
        const id = await recordId(cipher, key);
        await inStore(db, 'cache', 'readwrite', (store) => void store.delete(id));
      },
      () => undefined,
    );
    if (announce) this.announce(key);
  }

  private announce(key: string | null): void {
    const message: CacheMessage = { type: 'iop-cache-invalidate', dbName: this.dbName, key, from: this.id };
    this.channel?.postMessage(message);
  }

  private onMessage(message: CacheMessage): void {
    if (
      message?.type !== 'iop-cache-invalidate' ||
      message.dbName !== this.dbName ||
      message.from === this.id
    )
      return;
    // Our memory copy (fallback mode) is older than what the other tab wrote: forget it.
    if (message.key === null) this.memory.clear();
    else this.memory.delete(message.key);
    this.dispatchEvent(new CustomEvent<InvalidateDetail>('invalidate', { detail: { key: message.key } }));
  }
}

/** The IndexedDB key of `key`: its HMAC when encrypting, so record keys reveal nothing. */
async function recordId(cipher: RecordCipher | undefined, key: string): Promise<string> {
  return cipher ? cipher.hideKey(key) : key;
}

/** Creates an encrypted offline cache (see OfflineCache). */
export function createCache(options: CacheOptions = {}): OfflineCache {
  return new OfflineCache(options);
}

/* ------------------------------------------------------------------------------------------------------ */
/* Stale-while-revalidate                                                                                  */
/* ------------------------------------------------------------------------------------------------------ */

/**
 * What a widget renders for one read.
 *
 * - `loading`: nothing to show yet; the cache is being read and the backend asked.
 * - `ready`:   a value confirmed by the backend (or just written by another tab); `fromCache` is false
 *              when it came from this store's own fetch.
 * - `stale`:   a cached value, shown with its `ageMs`, while revalidating (`revalidating: true`) or after
 *              the revalidation failed with a NetworkError/TimeoutError (`error` set).
 * - `offline`: no cached value, and the browser says it is offline or the fetch failed with a
 *              NetworkError/TimeoutError. Retried automatically on the window's `online` event.
 * - `error`:   the fetch failed for another reason (HttpError, SchemaError, ...). A value shown before
 *              (cached or fresh) is kept in `value` so the widget can still show it beside the error.
 */
export type ReadStatus = 'loading' | 'ready' | 'stale' | 'offline' | 'error';

export interface ReadState<T> {
  status: ReadStatus;
  value?: T;
  /** Age of `value` in milliseconds (0 for a value fetched just now). */
  ageMs?: number;
  /** True when `value` was read from the cache rather than fetched by this store. */
  fromCache: boolean;
  /** True while a fetch is in flight. */
  revalidating: boolean;
  error?: unknown;
}

export interface ReadOptions<T> {
  /** Cached values older than this are ignored (and deleted). */
  maxAgeMs?: number;
  /** Checks a cached value (e.g. a schema parse) before it is shown; a throw makes it a cache miss. */
  parseCached?: (value: unknown) => T;
  /** Online test; default `navigator.onLine`. */
  isOnline?: () => boolean;
}

/** A tiny observable store for one read. */
export interface ReadStore<T> {
  readonly key: string;
  readonly state: ReadState<T>;
  /** Calls `listener` now with the current state and on every change; returns the unsubscribe function. */
  subscribe(listener: (state: ReadState<T>) => void): () => void;
  /** Fetches again now; resolves when the fetch settled (the state tells how). */
  refresh(): Promise<void>;
}

/** True for failures that mean "cannot reach the backend" rather than "the backend said no". */
export function isConnectivityError(error: unknown): boolean {
  // By `code`, not instanceof: errors may come from another copy of the kit on the page.
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'network' || code === 'timeout';
}

/**
 * Stale-while-revalidate over `cache`: publishes the cached value as soon as it is read (with its age),
 * fetches a fresh one at the same time, stores and publishes it when it arrives. Failures never discard a
 * value already shown. While someone is subscribed, the store also revalidates on the window's `online`
 * event and picks up values that another tab wrote for the same key.
 */
export function staleWhileRevalidate<T>(
  cache: OfflineCache,
  key: string,
  fetcher: () => Promise<T>,
  options: ReadOptions<T> = {},
): ReadStore<T> {
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine !== false);
  const listeners = new Set<(state: ReadState<T>) => void>();
  let state: ReadState<T> = {
    status: isOnline() ? 'loading' : 'offline',
    fromCache: false,
    revalidating: true,
  };
  let fetchedOnce = false;
  let storedAt = -Infinity;
  let generation = 0;

  const publish = (next: ReadState<T>) => {
    state = next;
    for (const listener of [...listeners]) listener(state);
  };

  const readCache = async (): Promise<CacheEntry<T> | undefined> => {
    const entry = await cache.get<unknown>(key, { maxAgeMs: options.maxAgeMs }).catch(() => undefined);
    if (!entry) return undefined;
    try {
      const value = options.parseCached ? options.parseCached(entry.value) : (entry.value as T);
      return { ...entry, value };
    } catch {
      return undefined;
    }
  };

  const revalidate = async (): Promise<void> => {
    const mine = ++generation;
    if (!state.revalidating) publish({ ...state, revalidating: true });
    try {
      const value = await fetcher();
      if (mine !== generation) return;
      fetchedOnce = true;
      storedAt = cache.now();
      publish({ status: 'ready', value, ageMs: 0, fromCache: false, revalidating: false });
      await cache.set(key, value).catch(() => undefined);
    } catch (error) {
      if (mine !== generation) return;
      const hasValue = 'value' in state;
      let status: ReadStatus = 'error';
      if (isConnectivityError(error)) status = hasValue ? 'stale' : 'offline';
      const ageMs = hasValue ? Math.max(0, cache.now() - storedAt) : undefined;
      publish({ ...state, status, ageMs, revalidating: false, error });
    }
  };

  const initialLoad = async () => {
    const cached = await readCache();
    // A fetch that already answered is newer than anything in the cache.
    if (cached && !fetchedOnce && !('value' in state)) {
      storedAt = cached.storedAt;
      const status: ReadStatus = state.status === 'error' ? 'error' : 'stale';
      publish({ ...state, status, value: cached.value, ageMs: cached.ageMs, fromCache: true });
    }
  };

  const onOnline = () => {
    if (!state.revalidating && state.status !== 'ready') void revalidate();
  };
  const onInvalidate = (event: Event) => {
    const { key: changed } = (event as CustomEvent<InvalidateDetail>).detail;
    if (changed !== key) return;
    void readCache().then((cached) => {
      if (cached && cached.storedAt > storedAt) {
        storedAt = cached.storedAt;
        publish({
          status: 'ready',
          value: cached.value,
          ageMs: cached.ageMs,
          fromCache: true,
          revalidating: state.revalidating,
        });
      }
    });
  };

  void initialLoad();
  void revalidate();

  return {
    key,
    get state() {
      return state;
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        globalThis.addEventListener?.('online', onOnline);
        cache.addEventListener('invalidate', onInvalidate);
      }
      listeners.add(listener);
      listener(state);
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        globalThis.removeEventListener?.('online', onOnline);
        cache.removeEventListener('invalidate', onInvalidate);
      };
    },
    refresh: revalidate,
  };
}
