/**
 * The request machinery both HTTP adapters share (REST: rest-backend.ts, FHIR R4: fhir/fhir-backend.ts).
 *
 * - Token mode: every request asks `getAccessToken()` afresh and sends `Authorization: Bearer`; the token is
 *   never kept in a field, put in a URL or logged. Credentials (cookies) are never sent.
 * - Cookie mode (`session: 'cookie'`): requests carry the portal's own session cookie (`credentials: 'include'`)
 *   and the CSRF_HEADER, which no HTML form can send and which makes every cross-origin request preflighted, so
 *   the server can refuse forged requests by requiring it; no Authorization header, no token callback.
 * - Each attempt has its own timeout (AbortSignal.timeout, joined to the caller's signal with AbortSignal.any)
 *   -> TimeoutError; a rejected fetch -> NetworkError.
 * - Only GETs are retried (network errors, timeouts, 408/429/5xx), with exponential backoff and full jitter;
 *   Retry-After (seconds or an HTTP date) wins on 429/503.
 * - Concurrent identical GETs share one request.
 * - Responses above MAX_RESPONSE_BYTES are refused; an error body becomes the HttpError's problem details
 *   through the adapter's `problemOf` (RFC 9457 for REST, OperationOutcome for FHIR); every body is parsed by
 *   its schema (SchemaError).
 */
import type * as v from 'valibot';
import type { CallOptions } from './backend.js';
import type { IopConfig } from '../config.js';
import { HttpError, IopError, NetworkError, SchemaError, TimeoutError, parseWith } from '../errors.js';
import type { Problem } from '../schemas.js';

/** Responses above this size are rejected (a widget never needs more; a hostile server could send more). */
export const MAX_RESPONSE_BYTES = 1024 * 1024;
/** First backoff step and the cap of one backoff delay. */
export const BACKOFF_BASE_MS = 300;
export const BACKOFF_CAP_MS = 5000;
/** A Retry-After longer than this is not waited for: the error goes to the caller (and the cache serves). */
export const MAX_RETRY_AFTER_MS = 30_000;

/**
 * Sent on every request in cookie mode; the server must refuse cookie-authenticated requests without it. A custom
 * header cannot be set by a form or a simple cross-site request, and cross-origin it needs a CORS preflight that
 * the server answers only for the portal's own origin.
 */
export const CSRF_HEADER = 'X-IOP-CSRF';

/** Statuses worth another GET attempt. */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** The part of the configuration the request machinery reads. */
export type HttpConfig = Pick<IopConfig, 'getAccessToken' | 'timeoutMs' | 'retries' | 'fetch'> &
  Partial<Pick<IopConfig, 'session'>>;

/** Seams for tests: randomness and waiting. */
export interface HttpDeps {
  /** In [0, 1); Math.random by default. */
  random?: () => number;
  /** Waits `ms`; rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Current time in ms (to read Retry-After HTTP dates); Date.now by default. */
  now?: () => number;
}

/** What differs between the adapters: media types and how an error body reads. */
export interface HttpFlavour {
  accept: string;
  contentType: string;
  /** The problem details in a parsed JSON error body, if it has any. */
  problemOf(json: unknown, status: number): Problem | undefined;
}

/** Abortable wait. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 10.2.3); undefined when absent/invalid. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^attempt)). */
export function backoffDelay(attempt: number, random: () => number): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Reply<T> {
  data: T;
  status: number;
  headers: Headers;
}

export interface Http {
  /**
   * Sends one request (GETs retried) to the absolute `url` and parses the answer with `schema` (undefined when
   * there is none: 202, 204). `what` names the request in errors, e.g. "GET /coverage".
   */
  send<T>(
    method: Method,
    url: string,
    what: string,
    schema: v.GenericSchema<unknown, T> | undefined,
    signal?: AbortSignal,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<Reply<T>>;
  /** A GET; identical concurrent GETs share one in-flight request, and each caller may still abort its wait. */
  get<T>(
    url: string,
    what: string,
    schema: v.GenericSchema<unknown, T>,
    options?: CallOptions,
  ): Promise<Reply<T>>;
}

/** The request machinery for one adapter. */
export function createHttp(config: HttpConfig, deps: HttpDeps, flavour: HttpFlavour): Http {
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? abortableSleep;
  const now = deps.now ?? Date.now;
  const inflight = new Map<string, Promise<Reply<unknown>>>();
  const cookie = config.session === 'cookie';

  async function send<T>(
    method: Method,
    url: string,
    what: string,
    schema: v.GenericSchema<unknown, T> | undefined,
    signal?: AbortSignal,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<Reply<T>> {
    const invalid = (expected: string) => new SchemaError('(body)', expected, `${what} response`);

    /** One attempt: fetch with a timeout, size limit, error details and schema parsing. */
    async function attempt(): Promise<Reply<T>> {
      const timeout = AbortSignal.timeout(config.timeoutMs);
      const requestSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
      /** Why a fetch or a body read failed: our timeout, the caller's abort (whichever came first), or the network. */
      const failure = (cause: unknown) =>
        cause instanceof IopError
          ? cause
          : requestSignal.aborted && requestSignal.reason === timeout.reason
            ? new TimeoutError(config.timeoutMs)
            : signal?.aborted
              ? abortReason(signal)
              : new NetworkError(`The request ${what} failed: the server could not be reached.`, { cause });
      if (signal?.aborted) throw abortReason(signal);
      const headers: Record<string, string> = { Accept: flavour.accept, ...extraHeaders };
      if (cookie) {
        headers[CSRF_HEADER] = '1';
      } else {
        const token = await config.getAccessToken?.();
        if (token) headers.Authorization = `Bearer ${token}`;
      }
      if (body !== undefined) headers['Content-Type'] = flavour.contentType;
      let response: Response;
      let text: string;
      try {
        response = await (config.fetch ?? globalThis.fetch).call(globalThis, url, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: requestSignal,
          credentials: cookie ? 'include' : 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
        });
        // Responses above MAX_RESPONSE_BYTES are refused before (Content-Length) or after reading.
        const tooBig = () => invalid(`a response of at most ${MAX_RESPONSE_BYTES} bytes`);
        if (Number(response.headers.get('Content-Length')) > MAX_RESPONSE_BYTES) {
          void response.body?.cancel().catch(() => undefined);
          throw tooBig();
        }
        text = await response.text();
        if (text.length > MAX_RESPONSE_BYTES) throw tooBig();
      } catch (cause) {
        throw failure(cause);
      }
      const { status, headers: replyHeaders } = response;
      if (!response.ok) {
        let problem: Problem | undefined;
        if (/json/i.test(replyHeaders.get('Content-Type') ?? '')) {
          try {
            problem = flavour.problemOf(JSON.parse(text), status);
          } catch {
            // Not JSON after all: the status alone still says what happened.
          }
        }
        throw new HttpError(
          status,
          problem,
          status === 429 || status === 503
            ? parseRetryAfter(replyHeaders.get('Retry-After'), now())
            : undefined,
        );
      }
      if (!schema) return { data: undefined as T, status, headers: replyHeaders };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw invalid('valid JSON');
      }
      return { data: parseWith(schema, json, `${what} response`) as T, status, headers: replyHeaders };
    }

    const attempts = method === 'GET' ? config.retries + 1 : 1;
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        const delay = n + 1 < attempts ? retryDelay(error, n) : undefined;
        if (delay === undefined || signal?.aborted) throw error;
        await sleep(delay, signal);
      }
    }
  }

  /** How long to wait before the next attempt, or undefined when this error is not worth a retry. */
  function retryDelay(error: unknown, attemptIndex: number): number | undefined {
    if (error instanceof HttpError) {
      if (!RETRYABLE_STATUS.has(error.status)) return undefined;
      if (error.retryAfterMs !== undefined)
        return error.retryAfterMs <= MAX_RETRY_AFTER_MS ? error.retryAfterMs : undefined;
    } else if (!(error instanceof NetworkError || error instanceof TimeoutError)) {
      return undefined;
    }
    return backoffDelay(attemptIndex, random);
  }

  return {
    send,
    get<T>(url: string, what: string, schema: v.GenericSchema<unknown, T>, options?: CallOptions) {
      const signal = options?.signal;
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      let shared = inflight.get(url);
      if (!shared) {
        shared = send('GET', url, what, schema).finally(() => inflight.delete(url));
        inflight.set(url, shared);
      }
      return withSignal(shared as Promise<Reply<T>>, signal);
    },
  };
}

/** Resolve like `promise`, but reject early when `signal` aborts (the shared request itself continues). */
function withSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
