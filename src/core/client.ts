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
import type { CheckInSubmission } from './check-in/check-in-schemas.js';
import {
  CrisisEventSchema,
  PreferencesPatchSchema,
  type CrisisEvent,
  type PreferencesPatch,
} from './schemas.js';

/** Outbox kinds the client knows how to deliver. */
export const OUTBOX_KINDS = {
  crisisEvent: 'crisis-event',
  preferences: 'preferences',
  /** A check-in (src/core/check-in/check-in.ts validates it before it is queued). */
  checkIn: 'check-in',
} as const;

/** Cache key under which the client keeps the latest preferences it saved or read. */
export const PREFERENCES_KEY = 'preferences';

/** Event dispatched on window after `signOut()` (in this tab and in the others). */
export const SIGNED_OUT_EVENT = 'iop-signed-out';

/**
 * Event dispatched on window when the backend answers 401 (the session ended on the server, or the token or
 * cookie is no longer valid): the client's `sessionEnded` is then true and its widgets show signed out.
 */
export const SESSION_ENDED_EVENT = 'iop-session-ended';

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
   * True once the backend answered 401 to any call: signed out until `configure()` is called again (after the
   * person signs in again) or the page reloads. The local copy was wiped when it happened.
   */
  readonly sessionEnded: boolean;
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
  let sessionEnded = false;
  const backend = watchForUnauthorized(createBackend(config), () => {
    if (sessionEnded) return;
    sessionEnded = true;
    // The server says this session is over: what it let this device keep is wiped, as on sign-out (a shared
    // device must not show the last person's data to the next), and every widget is told.
    void cache
      .clear()
      .catch(() => undefined)
      .then(() => deleteKitDatabase(dbName))
      .catch(() => undefined);
    globalThis.dispatchEvent?.(new Event(SESSION_ENDED_EVENT));
  });
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
      if (entry.kind === OUTBOX_KINDS.checkIn) {
        // A host's own Backend without check-ins: nothing can deliver it (the outbox reports it rejected).
        if (!backend.submitCheckIn) throw new ConfigError('backend', 'submitCheckIn');
        return backend.submitCheckIn(entry.payload as CheckInSubmission);
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
    get sessionEnded() {
      return sessionEnded;
    },
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

/** True for the backend's "not signed in" answer (by `code`, so errors of another kit copy count too). */
export function isUnauthorized(error: unknown): boolean {
  const e = error as { code?: unknown; status?: unknown } | null;
  return e?.code === 'http' && e.status === 401;
}

/** The backend with every call watched: a 401 from any of them calls `onUnauthorized` (and still rejects). */
function watchForUnauthorized(backend: Backend, onUnauthorized: () => void): Backend {
  // A Proxy, not a copy: a host's Backend may be a class whose methods live on its prototype.
  return new Proxy(backend, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          if (isUnauthorized(error)) onUnauthorized();
          throw error;
        }
      };
    },
  });
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
  'session',
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
  // A client whose session the backend ended stays signed out until the configuration changes (a new sign-in).
  if (current?.sessionEnded && current.config !== getConfig()) {
    void current.dispose();
    current = undefined;
  }
  current ??= createClient(getConfig());
  return current;
}

/**
 * Signed in (as far as the page knows) when a token callback is configured (token mode), the session is the
 * portal's cookie (`session: 'cookie'`), or the backend is an object (in-memory, or a host's own adapter, which
 * handles identity itself). The backend has the last word: a 401 signs the widgets out (`sessionEnded`).
 */
export function isSignedIn(config: IopConfig = getConfig()): boolean {
  return (
    typeof config.backend === 'object' ||
    config.session === 'cookie' ||
    typeof config.getAccessToken === 'function'
  );
}

/** Drops this tab's client and token callback, and tells its widgets. */
async function forgetSession(): Promise<void> {
  const client = current;
  current = undefined;
  await client?.dispose();
  const { getAccessToken, session } = getConfig();
  // Forget the session: the token callback, or cookie mode (back to the default; the portal ends its own server
  // session and, after the next sign-in, calls configure({ session: 'cookie' }) again).
  if (getAccessToken || session === 'cookie')
    setConfig((config) => ({ ...config, getAccessToken: undefined, session: 'token' }));
  globalThis.dispatchEvent?.(new Event(SIGNED_OUT_EVENT));
}

/**
 * Signs out on this device: deletes the encrypted cache, the outbox and the key (the whole IndexedDB
 * database), forgets the token callback and everything held in memory, and dispatches `iop-signed-out`
 * on window in this tab and in the kit's other tabs, so every widget returns to its signed-out state.
 * Writes still waiting in the outbox get one last delivery attempt (bounded by `flushTimeoutMs`) while the
 * token is still there; what cannot be delivered is discarded with the database, which is what signing out
 * on a shared device means.
 *
 * In cookie mode the kit cannot end the portal's server session (the cookie is HttpOnly): the portal does that
 * itself (e.g. its own sign-out route) and calls `signOut()` to wipe what this device kept; cookie mode is
 * forgotten too, so the widgets show signed out until `configure({ session: 'cookie' })` after the next sign-in.
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
