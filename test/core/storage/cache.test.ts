import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import {
  createCache,
  isConnectivityError,
  staleWhileRevalidate,
  type OfflineCache,
  type ReadState,
  type ReadStore,
} from '../../../src/core/storage/cache.js';
import { HttpError, NetworkError, TimeoutError } from '../../../src/core/errors.js';
import {
  deleteKitDatabase,
  openKitDatabase,
  resetStorageFallbackWarningForTesting,
} from '../../../src/core/storage/kit-db.js';
import { deleteTestDatabases, uniqueDb as newDb } from '../../shared/databases.js';

const created: OfflineCache[] = [];

const uniqueDb = () => newDb('cache');

function cacheOn(dbName: string, options: Parameters<typeof createCache>[0] = {}): OfflineCache {
  const cache = createCache({ dbName, ...options });
  created.push(cache);
  return cache;
}

/** Every byte of every key and value in a store, as text (bytes decoded as Latin-1 and as UTF-8). */
async function rawText(
  dbName: string,
  store: 'cache' | 'outbox' | 'keys' = 'cache',
): Promise<{ count: number; text: string }> {
  const db = await openDB(dbName);
  const keys = await db.getAllKeys(store);
  const values = await db.getAll(store);
  db.close();
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
      const bytes =
        v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      parts.push(String.fromCharCode(...bytes), new TextDecoder().decode(bytes));
    } else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        parts.push(k);
        walk(inner);
      }
    } else parts.push(String(v));
  };
  keys.forEach(walk);
  values.forEach(walk);
  return { count: values.length, text: parts.join('\n') };
}

async function until(check: () => boolean, what = 'condition', timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function record<T>(store: ReadStore<T>): ReadState<T>[] {
  const states: ReadState<T>[] = [];
  store.subscribe((s) => states.push(s));
  return states;
}

const idbDescriptor = (Object.getOwnPropertyDescriptor(window, 'indexedDB') ??
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(window), 'indexedDB'))!;

/** Makes `indexedDB` undefined while `body` runs (a browser profile without IndexedDB). */
function withoutIndexedDB<T>(body: () => T): T {
  Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  const restore = () => Object.defineProperty(window, 'indexedDB', idbDescriptor);
  try {
    const result = body();
    if (result instanceof Promise) return result.finally(restore) as T;
    restore();
    return result;
  } catch (error) {
    restore();
    throw error;
  }
}

let warnings: unknown[][] = [];
const realWarn = console.warn;

beforeEach(() => {
  resetStorageFallbackWarningForTesting();
  warnings = [];
  console.warn = (...args: unknown[]) => void warnings.push(args);
});

afterEach(async () => {
  console.warn = realWarn;
  for (const cache of created.splice(0)) cache.close();
  await deleteTestDatabases();
});

const plan = { displayName: 'Alex Rivera', phone: '+15555550123', warningSigns: ['Cannot sleep for days'] };

describe('createCache (IndexedDB)', () => {
  it('stores and returns a value with when it was stored and its age', async () => {
    let now = 1_000_000;
    const cache = cacheOn(uniqueDb(), { now: () => now });
    expect(await cache.ready()).to.equal('indexeddb');
    await cache.set('me', plan);
    now += 4000;
    const entry = await cache.get<typeof plan>('me');
    expect(entry).to.deep.equal({ value: plan, storedAt: 1_000_000, ageMs: 4000 });
    expect(await cache.get('missing')).to.equal(undefined);
    expect(cache.storage).to.equal('indexeddb');
    expect(warnings).to.have.length(0);
  });

  it('keeps entries across instances on the same database (a reload)', async () => {
    const dbName = uniqueDb();
    const first = cacheOn(dbName);
    await first.set('safety-plan:me', plan);
    first.close();
    const second = cacheOn(dbName);
    expect((await second.get('safety-plan:me'))?.value).to.deep.equal(plan);
  });

  it('expires entries older than maxAgeMs: returns undefined and deletes the record', async () => {
    let now = 0;
    const dbName = uniqueDb();
    const cache = cacheOn(dbName, { maxAgeMs: 10_000, now: () => now });
    await cache.set('coverage', { planName: 'PPO' });
    now = 10_000;
    expect((await cache.get('coverage'))?.ageMs).to.equal(10_000);
    now = 10_001;
    expect(await cache.get('coverage')).to.equal(undefined);
    expect((await rawText(dbName)).count).to.equal(0);
  });

  it('lets a read ask for a shorter maxAgeMs than the cache default', async () => {
    let now = 0;
    const cache = cacheOn(uniqueDb(), { now: () => now });
    await cache.set('slots', [1, 2]);
    now = 500;
    expect((await cache.get('slots', { maxAgeMs: 1000 }))?.value).to.deep.equal([1, 2]);
    now = 1500;
    expect(await cache.get('slots', { maxAgeMs: 1000 })).to.equal(undefined);
    expect(await cache.get('slots')).to.equal(undefined);
  });

  it('stores no plaintext of values or keys in IndexedDB', async () => {
    const dbName = uniqueDb();
    const cache = cacheOn(dbName);
    await cache.set('safety-plan:me', plan);
    const { count, text } = await rawText(dbName);
    expect(count).to.equal(1);
    for (const secret of ['Alex', 'Rivera', '5555550123', 'Cannot sleep', 'safety-plan', 'displayName']) {
      expect(text).not.to.include(secret);
    }
  });

  it('the raw-record check does see plaintext when encryption is off', async () => {
    const dbName = uniqueDb();
    const cache = cacheOn(dbName, { encrypt: false });
    await cache.set('safety-plan:me', plan);
    const { text } = await rawText(dbName);
    expect(text).to.include('Alex Rivera');
    expect(text).to.include('safety-plan:me');
    expect((await cache.get('safety-plan:me'))?.value).to.deep.equal(plan);
  });

  it('uses a fresh IV for every record and keeps the key in IndexedDB as a CryptoKey', async () => {
    const dbName = uniqueDb();
    const cache = cacheOn(dbName);
    await cache.set('a', plan);
    await cache.set('b', plan);
    const db = await openDB(dbName);
    const records = (await db.getAll('cache')) as { iv: Uint8Array; data: ArrayBuffer }[];
    const keys = (await db.getAll('keys')) as { aes: CryptoKey; hmac: CryptoKey }[];
    db.close();
    expect(records).to.have.length(2);
    expect(records[0]!.iv).to.have.length(12);
    expect(Array.from(records[0]!.iv)).not.to.deep.equal(Array.from(records[1]!.iv));
    expect(keys).to.have.length(1);
    expect(keys[0]!.aes).to.be.instanceOf(CryptoKey);
    expect(keys[0]!.aes.extractable).to.equal(false);
    expect(keys[0]!.aes.algorithm).to.include({ name: 'AES-GCM' });
    expect(keys[0]!.hmac.extractable).to.equal(false);
  });

  it('treats a tampered record as absent and removes it', async () => {
    const dbName = uniqueDb();
    const cache = cacheOn(dbName);
    await cache.set('me', plan);
    const db = await openDB(dbName);
    const [key] = await db.getAllKeys('cache');
    const record = (await db.get('cache', key!)) as { iv: Uint8Array; data: ArrayBuffer };
    const bytes = new Uint8Array(record.data);
    bytes[0] = bytes[0]! ^ 0xff;
    await db.put('cache', { iv: record.iv, data: bytes.buffer }, key!);
    db.close();
    expect(await cache.get('me')).to.equal(undefined);
    expect((await rawText(dbName)).count).to.equal(0);
  });

  it('uses the iop-kit database by default', () => {
    const cache = createCache();
    created.push(cache);
    expect(cache.dbName).to.equal('iop-kit');
  });

  it('ignores a record whose stored key does not match the key asked for', async () => {
    const dbName = uniqueDb();
    const cache = cacheOn(dbName, { encrypt: false });
    await cache.ready();
    const db = await openDB(dbName);
    await db.put('cache', { k: 'someone-else', v: 'secret', t: 0 }, 'me');
    db.close();
    expect(await cache.get('me')).to.equal(undefined);
  });

  it('keeps working when the database is deleted in the middle of a write', async () => {
    const dbName = uniqueDb();
    const cache = cacheOn(dbName);
    await cache.set('a', 1);
    const writing = cache.set('b', 2);
    const deleted = deleteKitDatabase(dbName);
    await writing;
    await deleted;
    await cache.set('c', 3);
    expect((await cache.get('c'))?.value).to.equal(3);
    expect(cache.storage).to.equal('indexeddb');
  });

  it('reopens once when another tab closes the connection under an operation', async () => {
    const cache = cacheOn(uniqueDb());
    await cache.set('a', 1);
    const realTransaction = IDBDatabase.prototype.transaction;
    let calls = 0;
    IDBDatabase.prototype.transaction = function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      if (calls++ === 0) {
        // What another tab's deleteDatabase or upgrade does to this connection.
        this.dispatchEvent(new IDBVersionChangeEvent('versionchange', { oldVersion: 1, newVersion: null }));
      }
      return realTransaction.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      expect((await cache.get('a'))?.value).to.equal(1);
    } finally {
      IDBDatabase.prototype.transaction = realTransaction;
    }
    expect(calls).to.be.greaterThan(1);
    expect(cache.storage).to.equal('indexeddb');
    expect(warnings).to.have.length(0);
  });

  it('deletes one key and clears all keys', async () => {
    const dbName = uniqueDb();
    const cache = cacheOn(dbName);
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.delete('a');
    expect(await cache.get('a')).to.equal(undefined);
    expect((await cache.get('b'))?.value).to.equal(2);
    await cache.clear();
    expect(await cache.get('b')).to.equal(undefined);
    expect((await rawText(dbName)).count).to.equal(0);
  });

  it('destroy() deletes the database', async () => {
    const dbName = uniqueDb();
    const cache = cacheOn(dbName);
    await cache.set('a', 1);
    await cache.destroy();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.to.include(dbName);
    // Still usable afterwards, from memory only.
    await cache.set('b', 2);
    expect((await cache.get('b'))?.value).to.equal(2);
  });

  it('reopens after another connection deleted the database under it', async () => {
    const dbName = uniqueDb();
    const cache = cacheOn(dbName);
    await cache.set('a', 1);
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(dbName);
      request.onsuccess = () => resolve();
    });
    expect(await cache.get('a')).to.equal(undefined);
    await cache.set('a', 2);
    expect((await cache.get('a'))?.value).to.equal(2);
    expect(cache.storage).to.equal('indexeddb');
  });
});

describe('createCache fallback to memory', () => {
  const factory = indexedDB as IDBFactory & { open: IDBFactory['open'] };

  afterEach(() => {
    delete (factory as Partial<IDBFactory>).open;
  });

  it('falls back when indexedDB.open throws, with exactly one console.warn per page', async () => {
    factory.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
    };
    const cache = cacheOn(uniqueDb());
    await cache.set('me', plan);
    expect((await cache.get('me'))?.value).to.deep.equal(plan);
    expect(cache.storage).to.equal('memory');
    const other = cacheOn(uniqueDb());
    expect(await other.ready()).to.equal('memory');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.include('memory');
  });

  it('falls back when the upgrade is blocked by another tab', async () => {
    const realOpen = IDBFactory.prototype.open;
    factory.open = (name: string, version?: number) => {
      const request = realOpen.call(indexedDB, name, version);
      // After idb has attached its listeners, before any real event of the request.
      queueMicrotask(() => request.dispatchEvent(new Event('blocked')));
      return request;
    };
    const cache = cacheOn(uniqueDb());
    expect(await cache.ready()).to.equal('memory');
    await cache.set('k', 'v');
    expect((await cache.get('k'))?.value).to.equal('v');
    expect(warnings).to.have.length(1);
  });

  it('falls back when indexedDB is undefined', async () => {
    await withoutIndexedDB(async () => {
      const cache = cacheOn(uniqueDb());
      expect(cache.storage).to.equal('memory');
      await cache.set('k', { a: 1 });
      expect((await cache.get('k'))?.value).to.deep.equal({ a: 1 });
      await cache.delete('k');
      expect(await cache.get('k')).to.equal(undefined);
      await cache.destroy();
    });
    expect(window.indexedDB).to.be.instanceOf(IDBFactory);
    expect(warnings).to.have.length(1);
  });

  it('falls back when a put fails with QuotaExceededError, keeping the value', async () => {
    const cache = cacheOn(uniqueDb());
    expect(await cache.ready()).to.equal('indexeddb');
    const realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    try {
      await cache.set('big', 'x'.repeat(1000));
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
    expect(cache.storage).to.equal('memory');
    expect((await cache.get('big'))?.value).to.have.length(1000);
    await cache.clear();
    expect(await cache.get('big')).to.equal(undefined);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.include('QuotaExceededError');
  });

  it('falls back when WebCrypto is unavailable rather than store plaintext', async () => {
    Object.defineProperty(crypto, 'subtle', { value: undefined, configurable: true });
    let cache: OfflineCache;
    try {
      cache = cacheOn(uniqueDb());
      expect(await cache.ready()).to.equal('memory');
    } finally {
      Reflect.deleteProperty(crypto, 'subtle');
    }
    expect(crypto.subtle).to.be.instanceOf(SubtleCrypto);
    expect(String(warnings[0]![0])).to.include('WebCrypto');
  });

  it('describes a non-Error failure in its warning', async () => {
    factory.open = () => {
      throw 'storage disabled by policy';
    };
    const cache = cacheOn(uniqueDb());
    expect(await cache.ready()).to.equal('memory');
    expect(String(warnings[0]![0])).to.include('storage disabled by policy');
  });

  it('deleteKitDatabase reports a failed deletion', async () => {
    const failure = new DOMException('Internal error', 'UnknownError');
    const fake = { error: failure } as unknown as IDBOpenDBRequest;
    Object.defineProperty(fake, 'onerror', { set: (listener: () => void) => queueMicrotask(listener) });
    (factory as IDBFactory & { deleteDatabase: unknown }).deleteDatabase = () => fake;
    try {
      let error: unknown;
      await deleteKitDatabase('x').catch((e: unknown) => (error = e));
      expect(error).to.equal(failure);
    } finally {
      delete (factory as Partial<IDBFactory>).deleteDatabase;
    }
  });

  it('openKitDatabase rejects and deleteKitDatabase resolves without IndexedDB', async () => {
    await withoutIndexedDB(async () => {
      let error: unknown;
      await openKitDatabase('x', () => undefined).catch((e: unknown) => (error = e));
      expect(String(error)).to.include('not available');
      await deleteKitDatabase('x');
    });
  });

  it('falls back when the database exists without the kit stores', async () => {
    const dbName = uniqueDb();
    const foreign = await openDB(dbName, 1, { upgrade: (db) => void db.createObjectStore('other') });
    foreign.close();
    const cache = cacheOn(dbName);
    expect(await cache.ready()).to.equal('memory');
    expect(warnings).to.have.length(1);
  });
});

describe('createCache across tabs (BroadcastChannel)', () => {
  it('tells other instances on the same database which key changed', async () => {
    const dbName = uniqueDb();
    const a = cacheOn(dbName);
    const b = cacheOn(dbName);
    const elsewhere = cacheOn(uniqueDb());
    const seenByB: (string | null)[] = [];
    const seenElsewhere: (string | null)[] = [];
    const seenByA: (string | null)[] = [];
    b.addEventListener('invalidate', (e) => seenByB.push((e as CustomEvent).detail.key));
    a.addEventListener('invalidate', (e) => seenByA.push((e as CustomEvent).detail.key));
    elsewhere.addEventListener('invalidate', (e) => seenElsewhere.push((e as CustomEvent).detail.key));
    await a.set('safety-plan:me', plan);
    await a.delete('coverage');
    await a.clear();
    await until(() => seenByB.length === 3, 'three invalidations');
    expect(seenByB).to.deep.equal(['safety-plan:me', 'coverage', null]);
    expect(seenByA).to.deep.equal([]);
    expect(seenElsewhere).to.deep.equal([]);
  });

  it('a memory-only instance forgets its copy when another tab changes the key', async () => {
    const dbName = uniqueDb();
    const a = cacheOn(dbName);
    const b = withoutIndexedDB(() => cacheOn(dbName));
    await b.set('me', 'old');
    await b.set('coverage', 'old');
    const seen: (string | null)[] = [];
    b.addEventListener('invalidate', (e) => seen.push((e as CustomEvent).detail.key));
    await a.set('me', 'new');
    await until(() => seen.length === 1, 'invalidation');
    expect(await b.get('me')).to.equal(undefined);
    expect((await b.get('coverage'))?.value).to.equal('old');
    await a.clear();
    await until(() => seen.length === 2, 'clear');
    expect(await b.get('coverage')).to.equal(undefined);
  });

  it('ignores unrelated messages on the channel and stops listening once closed', async () => {
    const dbName = uniqueDb();
    const a = cacheOn(dbName);
    const b = cacheOn(dbName);
    const seen: unknown[] = [];
    b.addEventListener('invalidate', (e) => seen.push((e as CustomEvent).detail.key));
    const foreign = new BroadcastChannel('iop-kit');
    foreign.postMessage({ type: 'something-else', dbName });
    foreign.postMessage(null);
    foreign.close();
    b.close();
    await a.set('k', 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).to.deep.equal([]);
  });
});

describe('staleWhileRevalidate', () => {
  it('shows the cached value at once with its age, then the fresh one, and stores it', async () => {
    let now = 50_000;
    const cache = cacheOn(uniqueDb(), { now: () => now });
    await cache.set('me', { name: 'cached' });
    now = 65_000;
    const fresh = deferred<{ name: string }>();
    const store = staleWhileRevalidate(cache, 'me', () => fresh.promise);
    const states = record(store);
    await until(() => store.state.status === 'stale', 'stale state');
    expect(store.state).to.deep.include({
      status: 'stale',
      value: { name: 'cached' },
      ageMs: 15_000,
      fromCache: true,
      revalidating: true,
    });
    fresh.resolve({ name: 'fresh' });
    await until(() => store.state.status === 'ready', 'ready state');
    expect(store.state).to.deep.equal({
      status: 'ready',
      value: { name: 'fresh' },
      ageMs: 0,
      fromCache: false,
      revalidating: false,
    });
    expect(states.map((s) => s.status)).to.deep.equal(['loading', 'stale', 'ready']);
    await until(() => states.length === 3);
    await new Promise((r) => setTimeout(r, 20));
    expect((await cache.get('me'))?.value).to.deep.equal({ name: 'fresh' });
  });

  it('goes loading -> ready when nothing is cached', async () => {
    const cache = cacheOn(uniqueDb());
    const store = staleWhileRevalidate(cache, 'coverage', async () => 42);
    const states = record(store);
    await until(() => store.state.status === 'ready');
    expect(states.map((s) => s.status)).to.deep.equal(['loading', 'ready']);
    expect(store.state.value).to.equal(42);
  });

  it('does not show a cached value once a fresh one arrived first', async () => {
    const cache = cacheOn(uniqueDb());
    await cache.set('k', 'cached');
    const store = staleWhileRevalidate(cache, 'k', () => Promise.resolve('fresh'));
    const states = record(store);
    await until(() => store.state.status === 'ready');
    await new Promise((r) => setTimeout(r, 30));
    expect(states.some((s) => s.value === 'cached')).to.equal(false);
    expect(store.state.value).to.equal('fresh');
  });

  it('keeps the cached value as stale when revalidation fails with a network error', async () => {
    let now = 0;
    const cache = cacheOn(uniqueDb(), { now: () => now });
    await cache.set('plan', 'cached plan');
    now = 3000;
    const fresh = deferred<string>();
    const store = staleWhileRevalidate(cache, 'plan', () => fresh.promise);
    record(store);
    await until(() => store.state.status === 'stale');
    const error = new NetworkError();
    fresh.reject(error);
    await until(() => !store.state.revalidating);
    expect(store.state).to.deep.include({
      status: 'stale',
      value: 'cached plan',
      fromCache: true,
      ageMs: 3000,
      error,
    });
  });

  it('is offline with no cached value when the fetch times out', async () => {
    const cache = cacheOn(uniqueDb());
    const store = staleWhileRevalidate(cache, 'plan', () => Promise.reject(new TimeoutError(8000)));
    record(store);
    await until(() => store.state.status === 'offline');
    expect(store.state.value).to.equal(undefined);
    expect(store.state.fromCache).to.equal(false);
    expect(store.state.error).to.be.instanceOf(TimeoutError);
  });

  it('starts offline when the browser is offline, and revalidates on the online event', async () => {
    const cache = cacheOn(uniqueDb());
    let online = false;
    let calls = 0;
    const store = staleWhileRevalidate(
      cache,
      'resources',
      async () => {
        calls++;
        if (!online) throw new NetworkError();
        return 'on-call';
      },
      { isOnline: () => online },
    );
    const states = record(store);
    expect(states[0]!.status).to.equal('offline');
    await until(() => !store.state.revalidating);
    expect(store.state.status).to.equal('offline');
    online = true;
    window.dispatchEvent(new Event('online'));
    await until(() => store.state.status === 'ready');
    expect(store.state.value).to.equal('on-call');
    expect(calls).to.equal(2);
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).to.equal(2);
  });

  it('reports other errors as error, keeping a value already shown', async () => {
    const cache = cacheOn(uniqueDb());
    await cache.set('k', 'cached');
    const fresh = deferred<string>();
    const store = staleWhileRevalidate(cache, 'k', () => fresh.promise);
    record(store);
    await until(() => store.state.status === 'stale');
    const error = new HttpError(500);
    fresh.reject(error);
    await until(() => store.state.status === 'error');
    expect(store.state).to.deep.include({ value: 'cached', fromCache: true, error });
  });

  it('shows the cached value with an error that came before the cache read', async () => {
    const cache = cacheOn(uniqueDb());
    await cache.set('k', 'cached');
    const store = staleWhileRevalidate(cache, 'k', () => Promise.reject(new HttpError(503)));
    record(store);
    await until(() => store.state.value !== undefined);
    expect(store.state.status).to.equal('error');
    expect(store.state.value).to.equal('cached');
  });

  it('turns a failed refresh of a fresh value into stale with its age', async () => {
    const cache = cacheOn(uniqueDb());
    let fail = false;
    const store = staleWhileRevalidate(cache, 'k', async () => {
      if (fail) throw new NetworkError();
      return 'v1';
    });
    record(store);
    await until(() => store.state.status === 'ready');
    fail = true;
    await store.refresh();
    expect(store.state.status).to.equal('stale');
    expect(store.state.value).to.equal('v1');
    expect(store.state.ageMs).to.be.a('number');
  });

  it('applies only the latest of overlapping fetches', async () => {
    const cache = cacheOn(uniqueDb());
    const answers = [deferred<string>(), deferred<string>()];
    let i = 0;
    const store = staleWhileRevalidate(cache, 'k', () => answers[i++]!.promise);
    const refreshed = store.refresh();
    answers[1]!.resolve('second');
    await refreshed;
    answers[0]!.resolve('first');
    answers[0]!.reject(new Error('ignored'));
    await new Promise((r) => setTimeout(r, 20));
    expect(store.state.value).to.equal('second');
  });

  it('ignores a late failure of a superseded fetch', async () => {
    const cache = cacheOn(uniqueDb());
    const answers = [deferred<string>(), deferred<string>()];
    let i = 0;
    const store = staleWhileRevalidate(cache, 'k', () => answers[i++]!.promise);
    const refreshed = store.refresh();
    answers[1]!.resolve('second');
    await refreshed;
    answers[0]!.reject(new NetworkError());
    await new Promise((r) => setTimeout(r, 20));
    expect(store.state.status).to.equal('ready');
  });

  it('skips cached values that parseCached rejects or that are older than maxAgeMs', async () => {
    let now = 0;
    const cache = cacheOn(uniqueDb(), { now: () => now });
    await cache.set('bad', { version: 'not a number' });
    await cache.set('old', 'old');
    now = 10_000;
    const parse = (v: unknown) => {
      if (typeof (v as { version?: unknown }).version !== 'number') throw new Error('invalid');
      return v as { version: number };
    };
    const never = () => new Promise<never>(() => undefined);
    const bad = staleWhileRevalidate(cache, 'bad', never, { parseCached: parse });
    const old = staleWhileRevalidate(cache, 'old', never, { maxAgeMs: 5000 });
    const ok = staleWhileRevalidate(cache, 'old', never, { maxAgeMs: 20_000, parseCached: (v) => String(v) });
    await until(() => ok.state.status === 'stale');
    await new Promise((r) => setTimeout(r, 20));
    expect(bad.state.status).to.equal('loading');
    expect(old.state.status).to.equal('loading');
  });

  it('picks up a newer value another tab stored, while subscribed', async () => {
    const dbName = uniqueDb();
    const here = cacheOn(dbName);
    const otherTab = cacheOn(dbName);
    const store = staleWhileRevalidate(here, 'me', async () => 'mine');
    const states = record(store);
    await until(() => store.state.status === 'ready');
    await otherTab.set('other-key', 'x');
    await otherTab.set('me', 'from the other tab');
    await until(() => store.state.value === 'from the other tab', 'value from the other tab');
    expect(store.state).to.deep.include({ status: 'ready', fromCache: true });
    const count = states.length;
    await otherTab.delete('me');
    await new Promise((r) => setTimeout(r, 50));
    expect(states.length).to.equal(count);
  });

  it('stops listening when the last subscriber leaves', async () => {
    const cache = cacheOn(uniqueDb());
    let calls = 0;
    const store = staleWhileRevalidate(cache, 'k', async () => {
      calls++;
      throw new NetworkError();
    });
    const first = store.subscribe(() => undefined);
    const second = store.subscribe(() => undefined);
    await until(() => store.state.status === 'offline');
    first();
    first();
    window.dispatchEvent(new Event('online'));
    await until(() => calls === 2);
    second();
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).to.equal(2);
  });

  it('classifies connectivity errors by code', () => {
    expect(isConnectivityError(new NetworkError())).to.equal(true);
    expect(isConnectivityError({ code: 'timeout' })).to.equal(true);
    expect(isConnectivityError(new HttpError(503))).to.equal(false);
    expect(isConnectivityError(null)).to.equal(false);
  });
});
