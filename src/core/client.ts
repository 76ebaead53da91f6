/**
 * The client the widgets call: one backend, one encrypted cache and one outbox, built from the current
 * configuration and rebuilt when a configuration change affects them.
 *
 * ```ts
 * const client = getClient();
 * const me = client.read('me', (backend) => backend.getMe());   // stale-while-revalidate store
 * await client.logCrisisEvent({ id, type: 'crisis-action', at, action: 'call-988' });   // outbox
 * ```
 */
import type { Backend, VersionedPreferences } from './backends/backend.js';
import {
  BROADCAST_CHANNEL_NAME,
  createCache,
  staleWhileRevalidate,
  type OfflineCache,
  type ReadOptions,
  type ReadStore,
} from './storage/cache.js';
import { getConfig, onConfigChange, setConfig, type IopConfig } from './config-store.js';
import { createBackend } from './backends/create-backend.js';
import { ConfigError, parseWith } from './errors.js';
import { DEFAULT_DB_NAME, deleteKitDatabase } from './storage/kit-db.js';
import { createOutbox, type Outbox, type OutboxEntry } from './storage/outbox.js';
import {
  CrisisEventSchema,
  PreferencesPatchSchema,
  type CrisisEvent,
  type PreferencesPatch,
} from './schemas.js';

/** Outbox kinds the client knows how to deliver. */
export const OUTBOX_KINDS = { crisisEvent: 'crisis-event', preferences: 'preferences' } as const;

/** Cache key under which the client keeps the latest preferences it saved or read. */
export const PREFERENCES_KEY = 'preferences';

/** Event dispatched on window after `signOut()` (in this tab and in the others). */
export const SIGNED_OUT_EVENT = 'iop-signed-out';

interface PreferencesWrite {
  patch: PreferencesPatch;
  ifMatch: string;
}

export interface IopClient {
  readonly config: IopConfig;
  readonly backend: Backend;
  readonly cache: OfflineCache;
  readonly outbox: Outbox;
  /**
   * A stale-while-revalidate read (see `staleWhileRevalidate` for the states). `maxAgeMs` defaults to the
   * configured `cache.maxAgeMs`.
   */
  read<T>(key: string, fetcher: (backend: Backend) => Promise<T>, options?: ReadOptions<T>): ReadStore<T>;
  /** Validates the event and queues it; the outbox delivers it (idempotent by `event.id`). */
  logCrisisEvent(event: CrisisEvent): Promise<OutboxEntry>;
  /**
   * Queues a preferences change made against version `ifMatch`. A newer change replaces one still waiting
   * (last write wins). A 412 from the server arrives as the outbox's `rejected` event.
   */
  savePreferences(patch: PreferencesPatch, ifMatch: string): Promise<OutboxEntry>;
  /** Stops the outbox and closes storage; the persistent data stays for the next client. */
  dispose(): Promise<void>;
}

/** Storage options for tests (a database per test). */
export interface ClientOptions {
  dbName?: string;
}

export interface SignOutOptions extends ClientOptions {
  /** How long to try delivering waiting writes (crisis events first of all) before wiping; default 3000 ms. */
  flushTimeoutMs?: number;
}

/** Builds a client for `config` (use `getClient()` in widgets). */
export function createClient(config: IopConfig = getConfig(), options: ClientOptions = {}): IopClient {
  const dbName = options.dbName ?? DEFAULT_DB_NAME;
  const backend = createBackend(config);
  const cache = createCache({ dbName, encrypt: config.cache.encrypt, maxAgeMs: config.cache.maxAgeMs });
  // ETags our own delivered writes replaced: a queued change made against version A, sent after our
  // previous change turned A into B, is sent with B (it was made on top of our own write, not a stranger's).
  const replacedEtags = new Map<string, string>();
  const latestEtag = (etag: string) => {
    for (let hops = 0; replacedEtags.has(etag) && hops < 100; hops++) etag = replacedEtags.get(etag)!;
    return etag;
  };

  const outbox = createOutbox({
    dbName,
    encrypt: config.cache.encrypt,
    async send(entry) {
      if (entry.kind === OUTBOX_KINDS.crisisEvent)
        return backend.logCrisisEvent(entry.payload as CrisisEvent);
      if (entry.kind === OUTBOX_KINDS.preferences) {
        const { patch, ifMatch } = entry.payload as PreferencesWrite;
        const sentWith = latestEtag(ifMatch);
        const saved: VersionedPreferences = await backend.updatePreferences(patch, sentWith);
        if (saved.etag !== sentWith) replacedEtags.set(sentWith, saved.etag);
        await cache.set(PREFERENCES_KEY, saved);
        return saved;
      }
      throw new ConfigError('outbox entry kind', `one of ${Object.values(OUTBOX_KINDS).join(', ')}`);
    },
  });
  void outbox.start();

  return {
    config,
    backend,
    cache,
    outbox,
    read: (key, fetcher, readOptions = {}) =>
      staleWhileRevalidate(cache, key, () => fetcher(backend), {
        maxAgeMs: config.cache.maxAgeMs,
        ...readOptions,
      }),
    logCrisisEvent(event) {
      const valid = parseWith(CrisisEventSchema, event, 'crisis event');
      return outbox.enqueue({
        kind: OUTBOX_KINDS.crisisEvent,
        // One entity: the care team's log stays in the order things happened.
        entityKey: 'crisis-events',
        payload: valid,
        idempotencyKey: valid.id,
      });
    },
    savePreferences(patch, ifMatch) {
      const valid = parseWith(PreferencesPatchSchema, patch, 'preferences change');
      const payload: PreferencesWrite = { patch: valid, ifMatch };
      return outbox.enqueue({
        kind: OUTBOX_KINDS.preferences,
        entityKey: PREFERENCES_KEY,
        payload,
        coalesce: true,
      });
    },
    async dispose() {
      cache.close();
      await outbox.close();
    },
  };
}

let current: IopClient | undefined;
let unsubscribe: (() => void) | undefined;
let channel: BroadcastChannel | undefined;

/** The options whose change needs a new backend, cache or outbox (locale or region do not). */
const CLIENT_OPTIONS = [
  'backend',
  'baseUrl',
  'programId',
  'getAccessToken',
  'fetch',
  'timeoutMs',
  'retries',
] as const;

function affectsClient(before: IopConfig, after: IopConfig): boolean {
  return (
    CLIENT_OPTIONS.some((option) => before[option] !== after[option]) ||
    before.cache.encrypt !== after.cache.encrypt ||
    before.cache.maxAgeMs !== after.cache.maxAgeMs
  );
}

function listen(): void {
  unsubscribe ??= onConfigChange((config) => {
    if (current && affectsClient(current.config, config)) {
      void current.dispose();
      current = undefined;
    }
  });
  if (!channel && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(BROADCAST_CHANNEL_NAME);
    channel.onmessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === SIGNED_OUT_EVENT) void forgetSession();
    };
  }
}

/**
 * The shared client for the current configuration, built on first use and rebuilt after `configure()`
 * changes the backend, its URL, token callback, timeouts or cache options.
 * @throws ConfigError when the configuration cannot make a backend (e.g. REST without baseUrl).
 */
export function getClient(): IopClient {
  listen();
  current ??= createClient(getConfig());
  return current;
}

/**
 * Signed in when a token callback is configured, or when the backend is an object (in-memory, or a host's
 * own adapter, which handles identity itself).
 */
export function isSignedIn(config: IopConfig = getConfig()): boolean {
  return typeof config.backend === 'object' || typeof config.getAccessToken === 'function';
}

/** Drops this tab's client and token callback, and tells its widgets. */
async function forgetSession(): Promise<void> {
  const client = current;
  current = undefined;
  await client?.dispose();
  if (getConfig().getAccessToken) setConfig((config) => ({ ...config, getAccessToken: undefined }));
  globalThis.dispatchEvent?.(new Event(SIGNED_OUT_EVENT));
}

/**
 * Signs out on this device: deletes the encrypted cache, the outbox and the key (the whole IndexedDB
 * database), forgets the token callback and everything held in memory, and dispatches `iop-signed-out`
 * on window in this tab and in the kit's other tabs, so every widget returns to its signed-out state.
 * Writes still waiting in the outbox get one last delivery attempt (bounded by `flushTimeoutMs`) while the
 * token is still there; what cannot be delivered is discarded with the database, which is what signing out
 * on a shared device means.
 */
export async function signOut(options: SignOutOptions = {}): Promise<void> {
  listen();
  const client = current;
  current = undefined;
  if (client) {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, options.flushTimeoutMs ?? 3000));
    await Promise.race([client.outbox.flush(), timeout]);
    await client.dispose();
  }
  await deleteKitDatabase(options.dbName ?? DEFAULT_DB_NAME);
  channel?.postMessage({ type: SIGNED_OUT_EVENT });
  await forgetSession();
}
