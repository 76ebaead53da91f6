import type { ReactiveController } from 'lit';
import type { ReadState, ReadStore } from '../core/storage/cache.js';
import type { Backend } from '../core/backends/backend.js';
import type { IopClient } from '../core/client.js';
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
  /** Validates a cached value before it is shown (e.g. a zod parse). */
  parse: (value: unknown) => T;
}

/**
 * One stale-while-revalidate read for a widget: subscribes while connected, re-reads when its settings or
 * key change, shows `signed-out` when there is no session, and lets the widget `reload()` (a retry button).
 * Every widget reads its data through this, so loading, cached, offline, error and signed-out behave alike.
 */
export class DataController<T> implements ReactiveController {
  state: DataState<T> = { status: 'loading', fromCache: false, revalidating: true };
  private store?: ReadStore<T>;
  private unsubscribe?: () => void;
  private currentKey?: string;
  private session?: Session;

  constructor(
    private readonly host: DataHost,
    private readonly settings: () => SessionSettings,
    private readonly read: () => DataRead<T> | undefined,
    private readonly onState?: (state: DataState<T>) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** The client in use (for writes), when signed in. */
  get client(): IopClient | undefined {
    return this.session?.signedIn ? this.session.client() : undefined;
  }

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
    if (!this.session.signedIn) {
      this.set({ status: 'signed-out', fromCache: false, revalidating: false });
      return;
    }
    let client: IopClient;
    try {
      client = this.session.client();
    } catch (error) {
      this.set({ status: 'error', fromCache: false, revalidating: false, error });
      return;
    }
    this.store = client.read(read.key, read.fetch, { parseCached: read.parse });
    this.unsubscribe = this.store.subscribe((state) => this.set(state));
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = undefined;
  }
}
