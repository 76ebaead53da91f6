import type { ReactiveController } from 'lit';
import type { ReadState, ReadStore } from '../core/storage/cache.js';
import type { Backend } from '../core/backends/backend.js';
import { SESSION_ENDED_EVENT, isUnauthorized, type IopClient } from '../core/client.js';
import { STORAGE_UNAVAILABLE_EVENT } from '../core/storage/storage-status.js';
import { fire } from './widget-kit.js';
import { sessionFor, type Session, type SessionSettings } from '../core/session.js';
import { droppedFrom } from '../core/errors.js';

/** What a widget renders: a read's state, or that nobody is signed in. */
export type DataState<T> =
  ReadState<T> | { status: 'signed-out'; fromCache: false; revalidating: false; value?: undefined };

/** The detail of every widget's `iop-error` event. */
export interface IopErrorDetail {
  error: unknown;
  /** What failed, e.g. `read safety-plan:me` or `book`. */
  operation: string;
}

/** The host a DataController serves: it supplies settings and re-renders when told. */
export interface DataHost extends EventTarget {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  readonly isConnected: boolean;
}

export interface DataRead<T> {
  /** The cache key (scope it to what it depends on, e.g. `safety-plan:partner`). */
  key: string;
  fetch: (backend: Backend) => Promise<T>;
  /** Validates a cached value before it is shown (e.g. a schema parse). */
  parse: (value: unknown) => T;
}

/**
 * One stale-while-revalidate read for a widget: subscribes while connected, re-reads when its settings or
 * key change, and lets the widget `reload()` (a retry button). Every widget reads its data through this, so
 * loading, cached, offline, error and signed-out behave alike.
 *
 * `signed-out` means exactly two things: no session is configured (no token callback, no cookie session, no
 * Backend object), or the backend answered 401 (to this read or to any other call of the same client; then
 * every widget of that client shows signed out, and no `iop-error` is fired: it is not a failure). Every other
 * failure (network, timeout, 5xx, bad data, storage) is an `offline`, `stale` or `error` state that says so.
 */
export class DataController<T> implements ReactiveController {
  state: DataState<T> = { status: 'loading', fromCache: false, revalidating: true };
  private store?: ReadStore<T>;
  private unsubscribe?: () => void;
  private currentKey?: string;
  private session?: Session;
  private activeClient?: IopClient;

  constructor(
    private readonly host: DataHost,
    private readonly settings: () => SessionSettings,
    private readonly read: () => DataRead<T> | undefined,
    private readonly onState?: (state: DataState<T>) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener(SESSION_ENDED_EVENT, this.onSessionEnded);
    globalThis.addEventListener(STORAGE_UNAVAILABLE_EVENT, this.onStorageUnavailable);
    this.start();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener(SESSION_ENDED_EVENT, this.onSessionEnded);
    globalThis.removeEventListener(STORAGE_UNAVAILABLE_EVENT, this.onStorageUnavailable);
    this.stop();
  }

  /** The client in use (for writes), when signed in. */
  get client(): IopClient | undefined {
    if (!this.session?.signedIn) return undefined;
    const client = this.session.client();
    return client.sessionEnded ? undefined : client;
  }

  /** Another read of our client got a 401: this widget is signed out too. */
  private readonly onSessionEnded = (): void => {
    if (this.activeClient?.sessionEnded && this.state.status !== 'signed-out') this.signOut();
  };

  /** The status line says the device keeps no copy (status-view.ts reads it): render again. */
  private readonly onStorageUnavailable = (): void => this.host.requestUpdate();

  /** Settings or key changed: drop the old subscription and read again (cache first). Safe to call any time. */
  restart(): void {
    if (this.host.isConnected) this.start();
    else this.stop();
  }

  /** Only restarts when the read's key changed (call from `willUpdate`). */
  keyChanged(): void {
    if (this.read()?.key !== this.currentKey) this.restart();
  }

  /** Fetches again now (the retry button). */
  reload(): Promise<void> {
    return this.store?.refresh() ?? Promise.resolve();
  }

  private set(state: DataState<T>): void {
    const newError = state.status === 'error' && state.error !== (this.state as ReadState<T>).error;
    this.state = state;
    if (newError) {
      fire(this.host, 'iop-error', {
        error: (state as ReadState<T>).error,
        operation: `read ${this.currentKey}`,
      } satisfies IopErrorDetail);
    }
    this.reportDropped(state);
    this.onState?.(state);
    this.host.requestUpdate();
  }

  /** Partial data (errors.ts, allowPartial): once per value, `iop-error` says which items were left out. */
  private reported?: object;
  private reportDropped(state: DataState<T>): void {
    const dropped = droppedFrom(state.value);
    if (!dropped || this.reported === state.value) return;
    this.reported = state.value as object;
    fire(this.host, 'iop-error', {
      error: dropped,
      operation: `read ${this.currentKey}`,
    } satisfies IopErrorDetail);
  }

  /** Drops a running read first, so starting twice (connect, then a settings change) keeps one. */
  private start(): void {
    this.stop();
    const read = this.read();
    this.currentKey = read?.key;
    if (!read) return;
    this.session = sessionFor(this.settings());
    if (!this.session.signedIn) return this.signOut();
    let client: IopClient;
    try {
      client = this.session.client();
    } catch (error) {
      this.set({ status: 'error', fromCache: false, revalidating: false, error });
      return;
    }
    this.activeClient = client;
    if (client.sessionEnded) return this.signOut();
    this.store = client.read(read.key, read.fetch, { parseCached: read.parse });
    this.unsubscribe = this.store.subscribe((state) => {
      if (state.status === 'error' && isUnauthorized(state.error)) this.signOut();
      else this.set(state);
    });
  }

  /** Stops reading and shows signed out (no value: what was shown belongs to a session that is over). */
  private signOut(): void {
    this.stop();
    this.set({ status: 'signed-out', fromCache: false, revalidating: false });
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = undefined;
  }
}
