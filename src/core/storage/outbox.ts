/**
 * The persistent outbox: writes that may wait (crisis events, preference changes) are stored, encrypted,
 * in IndexedDB before they are sent, and retried until the server acknowledges them.
 *
 * Guarantees:
 * - Each entry carries an idempotency key, so re-sending (after a reload, or from two tabs) is harmless.
 * - Entries survive a reload; `start()` delivers what a previous page left behind.
 * - Order is kept per `entityKey`: entry n+1 of an entity is never sent before entry n is settled.
 * - Failures are retried with exponential backoff and jitter (honouring Retry-After), and at once when
 *   the browser comes back online.
 * - Nothing is dropped unless acknowledged (`send` resolves) or rejected as invalid (HttpError 4xx other
 *   than 408 and 429), which raises a `rejected` event; or replaced by a newer entry of the same entity
 *   when both are marked `coalesce: true` (last write wins, e.g. preferences).
 *
 * Events: `change` (detail `{ pending }`), `delivered` (detail `{ entry, result }`: what `send` resolved
 * with, e.g. the server's copy of what was saved), `rejected` (detail
 * `{ entry, error }`; the widget layer turns it into `iop-error`), `retrying` (detail `{ entry, error }`: an
 * attempt failed and the entry waits for its next one).
 */
import { DEFAULT_DB_NAME, KitStorage, inStore, type StorageKind } from './kit-db.js';
import { randomId } from '../random-id.js';

export interface OutboxEntry<P = unknown> {
  /** The idempotency key; also the entry's id. */
  idempotencyKey: string;
  /** What to do with it, e.g. 'crisis-event' or 'preferences'. */
  kind: string;
  /** Entries with the same entityKey are delivered in order. */
  entityKey: string;
  payload: P;
  /** May be replaced by a newer coalescing entry of the same entity while still pending. */
  coalesce: boolean;
  /** Epoch ms when it was enqueued. */
  createdAt: number;
  /** Failed delivery attempts so far (this page). */
  attempts: number;
}

export interface EnqueueRequest<P = unknown> {
  kind: string;
  entityKey: string;
  payload: P;
  idempotencyKey?: string;
  coalesce?: boolean;
}

export interface OutboxOptions {
  /** Delivers one entry; resolve = acknowledged. Throw HttpError 4xx (not 408/429) to reject it. */
  send: (entry: OutboxEntry) => Promise<unknown>;
  dbName?: string;
  encrypt?: boolean;
  /** First retry delay (default 1 s); doubles per attempt up to `maxDelayMs` (default 5 min). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injectable for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The detail of `delivered`. */
export interface DeliveredDetail {
  entry: OutboxEntry;
  /** What `send` resolved with. */
  result: unknown;
}

/** The detail of `rejected` and of `retrying`. */
export interface RejectedDetail {
  entry: OutboxEntry;
  error: unknown;
}

interface QueuedEntry extends OutboxEntry {
  /** Orders entries enqueued in the same millisecond. */
  seq: number;
  nextAttemptAt: number;
  inFlight: boolean;
}

/**
 * True when retrying cannot help: the server refused the entry as invalid (HttpError 4xx other than 408
 * and 429), or `send` cannot handle it at all (ConfigError, e.g. an unknown kind).
 */
export function isRejection(error: unknown): boolean {
  const e = error as { code?: unknown; status?: unknown } | null;
  if (e?.code === 'config') return true;
  if (e?.code !== 'http' || typeof e.status !== 'number') return false;
  return e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Outbox extends EventTarget {
  private readonly storageLayer: KitStorage;
  private readonly send: OutboxOptions['send'];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly queue: QueuedEntry[] = [];
  private loaded: Promise<void> | undefined;
  private seq = 0;
  private running = false;
  private destroyed = false;
  private wakeToken = 0;
  private readonly onOnline = () => {
    for (const entry of this.queue) entry.nextAttemptAt = 0;
    void this.pump();
  };

  constructor(options: OutboxOptions) {
    super();
    this.send = options.send;
    this.storageLayer = new KitStorage(options.dbName ?? DEFAULT_DB_NAME, options.encrypt ?? true);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
  }

  /** Where entries are kept: 'indexeddb', or 'memory' after a fallback. */
  get storage(): StorageKind {
    return this.storageLayer.storage;
  }

  /**
   * Loads entries left by earlier pages and starts delivering them (resolves once loaded, without waiting
   * for the network); from then on new entries are sent at once and failures retried.
   */
  async start(): Promise<void> {
    if (this.running || this.destroyed) return;
    this.running = true;
    globalThis.addEventListener?.('online', this.onOnline);
    await this.load();
    void this.pump();
  }

  /** Stops delivering (entries stay stored); `start()` resumes. */
  stop(): void {
    this.running = false;
    this.wakeToken++;
    globalThis.removeEventListener?.('online', this.onOnline);
  }

  /** Stores an entry (before resolving) and, when started, tries to deliver it at once. */
  async enqueue<P>(request: EnqueueRequest<P>): Promise<OutboxEntry<P>> {
    await this.load();
    // The same write enqueued twice (e.g. a double tap) is one entry.
    const same = this.queue.find((e) => e.idempotencyKey === request.idempotencyKey);
    if (same) return publicEntry(same) as OutboxEntry<P>;
    const entry: QueuedEntry = {
      idempotencyKey: request.idempotencyKey ?? randomId(),
      kind: request.kind,
      entityKey: request.entityKey,
      payload: request.payload,
      coalesce: request.coalesce ?? false,
      createdAt: this.now(),
      attempts: 0,
      seq: this.seq++,
      nextAttemptAt: 0,
      inFlight: false,
    };
    if (entry.coalesce) {
      const replaced = this.queue.filter((e) => e.entityKey === entry.entityKey && e.coalesce && !e.inFlight);
      for (const old of replaced) await this.forget(old);
    }
    this.queue.push(entry);
    await this.persist(entry);
    this.emitChange();
    if (this.running) void this.pump();
    return publicEntry(entry) as OutboxEntry<P>;
  }

  /** How many entries wait for delivery (including one being sent). */
  async pendingCount(): Promise<number> {
    await this.load();
    return this.queue.length;
  }

  /** A copy of the pending entries, oldest first. */
  async entries(): Promise<OutboxEntry[]> {
    await this.load();
    return this.queue.map(publicEntry);
  }

  /** Tries every pending entry now, ignoring backoff; resolves when this round settled. */
  async flush(): Promise<void> {
    await this.load();
    for (const entry of this.queue) entry.nextAttemptAt = 0;
    await this.pump(true);
  }

  /** Stops and forgets everything in memory; the database itself is deleted by signOut(). */
  async close(): Promise<void> {
    this.stop();
    this.destroyed = true;
    this.queue.length = 0;
    await this.storageLayer.close();
  }

  private load(): Promise<void> {
    this.loaded ??= this.storageLayer
      .run(
        async ({ db, cipher }) => {
          const records = await inStore<unknown[]>(db, 'outbox', 'readonly', (store) => store.getAll());
          const found: QueuedEntry[] = [];
          for (const record of records) {
            try {
              const entry = cipher ? await cipher.decrypt<QueuedEntry>(record) : (record as QueuedEntry);
              found.push({ ...entry, attempts: 0, nextAttemptAt: 0, inFlight: false });
            } catch {
              // Unreadable without the key it was written with; left in place, never sent.
            }
          }
          return found;
        },
        () => [] as QueuedEntry[],
      )
      .then((found) => {
        const known = new Set(this.queue.map((e) => e.idempotencyKey));
        this.queue.unshift(...found.filter((e) => !known.has(e.idempotencyKey)));
        this.queue.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
        if (found.length) this.emitChange();
      });
    return this.loaded;
  }

  private async persist(entry: QueuedEntry): Promise<void> {
    const stored = { ...publicEntry(entry), seq: entry.seq };
    await this.storageLayer.run(
      async ({ db, cipher }) => {
        const record = cipher ? await cipher.encrypt(stored) : stored;
        await inStore(db, 'outbox', 'readwrite', (store) => void store.put(record, entry.idempotencyKey));
      },
      () => undefined,
    );
  }

  /** Removes an entry from the queue and from storage. */
  private async forget(entry: QueuedEntry): Promise<void> {
    const index = this.queue.indexOf(entry);
    if (index >= 0) this.queue.splice(index, 1);
    await this.storageLayer.run(
      ({ db }) => inStore(db, 'outbox', 'readwrite', (store) => void store.delete(entry.idempotencyKey)),
      () => undefined,
    );
  }

  /** The first pending entry of each entity: the only one that may be sent. */
  private heads(): QueuedEntry[] {
    const seen = new Set<string>();
    return this.queue.filter((entry) => !seen.has(entry.entityKey) && !!seen.add(entry.entityKey));
  }

  /** Heads that are due and not already being sent. */
  private dueHeads(): QueuedEntry[] {
    const now = this.now();
    return this.heads().filter((entry) => !entry.inFlight && entry.nextAttemptAt <= now);
  }

  /**
   * Starts sending every due head that is not already in flight; each settled delivery pumps again, so one
   * slow entity never holds up another. Resolves when the chains it started have settled.
   */
  private pump(force = false): Promise<void> {
    if ((!this.running && !force) || this.destroyed) return Promise.resolve();
    const chains = this.dueHeads().map((entry) => this.deliver(entry).then(() => this.pump(force)));
    this.scheduleWake();
    return Promise.all(chains).then(() => undefined);
  }

  private async deliver(entry: QueuedEntry): Promise<void> {
    entry.inFlight = true;
    try {
      const result = await this.send(publicEntry(entry));
      entry.inFlight = false;
      if (this.destroyed) return;
      await this.forget(entry);
      this.dispatchEvent(
        new CustomEvent<DeliveredDetail>('delivered', { detail: { entry: publicEntry(entry), result } }),
      );
      this.emitChange();
    } catch (error) {
      entry.inFlight = false;
      if (this.destroyed) return;
      if (isRejection(error)) {
        await this.forget(entry);
        this.dispatchEvent(
          new CustomEvent<RejectedDetail>('rejected', { detail: { entry: publicEntry(entry), error } }),
        );
        this.emitChange();
        return;
      }
      entry.attempts++;
      entry.nextAttemptAt = this.now() + this.retryDelay(entry.attempts, error);
      this.dispatchEvent(
        new CustomEvent<RejectedDetail>('retrying', { detail: { entry: publicEntry(entry), error } }),
      );
    }
  }

  /** Exponential backoff with "equal jitter": half fixed, half random; at least what Retry-After asked. */
  private retryDelay(attempts: number, error: unknown): number {
    const exponential = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempts - 1));
    const jittered = exponential / 2 + (this.random() * exponential) / 2;
    const retryAfter = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
    return Math.round(typeof retryAfter === 'number' ? Math.max(jittered, retryAfter) : jittered);
  }

  /** Sleeps until the earliest retry is due, then pumps; a newer wake-up cancels an older one. */
  private scheduleWake(): void {
    if (!this.running) return;
    const waiting = this.heads()
      .filter((e) => !e.inFlight)
      .map((e) => e.nextAttemptAt);
    if (!waiting.length) return;
    const token = ++this.wakeToken;
    const delay = Math.max(0, Math.min(...waiting) - this.now());
    void this.sleep(delay).then(() => {
      if (token === this.wakeToken && this.running) void this.pump();
    });
  }

  private emitChange(): void {
    this.dispatchEvent(new CustomEvent('change', { detail: { pending: this.queue.length } }));
  }
}

/** The entry without the queue's own bookkeeping. */
function publicEntry(entry: OutboxEntry): OutboxEntry {
  const { seq: _seq, nextAttemptAt: _next, inFlight: _inFlight, ...rest } = entry as QueuedEntry;
  return rest;
}

/** Creates an outbox (call `start()` to deliver). */
export function createOutbox(options: OutboxOptions): Outbox {
  return new Outbox(options);
}
