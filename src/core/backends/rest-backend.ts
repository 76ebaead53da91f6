/**
 * The REST adapter: implements Backend over the REST API v1 (DESIGN.md).
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
 * - Errors in application/problem+json become HttpError; every body is parsed by its schema (SchemaError).
 */
import * as z from 'zod/mini';
import type { Backend, CallOptions, PlanOwner, SlotQuery, VersionedPreferences } from './backend.js';
import type { IopConfig } from '../config.js';
import {
  ConfigError,
  HttpError,
  IopError,
  NetworkError,
  SchemaError,
  TimeoutError,
  parseWith,
} from '../errors.js';
import {
  AppointmentListSchema,
  AppointmentSchema,
  BookingRequestSchema,
  CoverageSchema,
  CrisisEventSchema,
  CrisisResourcesSchema,
  ParticipantSchema,
  PreferencesPatchSchema,
  PreferencesSchema,
  ProblemSchema,
  SafetyPlanSchema,
  PlanOwnerSchema,
  SlotListSchema,
  SlotQuerySchema,
  TelehealthRequestSchema,
  TelehealthSessionSchema,
  type Problem,
} from '../schemas.js';

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

/** The part of the configuration the REST adapter reads. */
export type RestConfig = Pick<IopConfig, 'baseUrl' | 'getAccessToken' | 'timeoutMs' | 'retries' | 'fetch'> &
  Partial<Pick<IopConfig, 'programId' | 'session'>>;

/** Seams for tests: randomness and waiting. */
export interface RestDeps {
  /** In [0, 1); Math.random by default. */
  random?: () => number;
  /** Waits `ms`; rejects when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Current time in ms (to read Retry-After HTTP dates); Date.now by default. */
  now?: () => number;
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

function abortReason(signal: AbortSignal): unknown {
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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Reply<T> {
  data: T;
  headers: Headers;
}

/** Create a Backend that talks to the REST API at `config.baseUrl`. */
export function createRestBackend(config: RestConfig, deps: RestDeps = {}): Backend {
  const baseUrl = config.baseUrl;
  if (!baseUrl)
    throw new ConfigError('baseUrl', 'the REST API base URL, e.g. "https://api.clinic.example/iop/v1"');
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? abortableSleep;
  const now = deps.now ?? Date.now;
  const inflight = new Map<string, Promise<Reply<unknown>>>();
  const cookie = config.session === 'cookie';

  /**
   * Sends one request (GETs retried, see retryDelay) and parses the answer with `schema` (undefined when it
   * has no body: 202, 204).
   */
  async function send<T>(
    method: Method,
    path: string,
    schema: z.ZodMiniType<T> | undefined,
    signal?: AbortSignal,
    body?: unknown,
    extraHeaders?: Record<string, string>,
    url = urlFor(path),
  ): Promise<Reply<T>> {
    const what = `${method} ${path}`;
    const invalid = (expected: string) => new SchemaError('(body)', expected, `${what} response`);

    /** One attempt: fetch with a timeout, size limit, problem+json and schema parsing. */
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
      const headers: Record<string, string> = {
        Accept: 'application/json, application/problem+json',
        ...extraHeaders,
      };
      if (cookie) {
        headers[CSRF_HEADER] = '1';
      } else {
        const token = await config.getAccessToken?.();
        if (token) headers.Authorization = `Bearer ${token}`;
      }
      if (body !== undefined) headers['Content-Type'] = 'application/json';
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
            const parsed = ProblemSchema.safeParse(JSON.parse(text));
            if (parsed.success) problem = parsed.data;
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
      if (!schema) return { data: undefined as T, headers: replyHeaders };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw invalid('valid JSON');
      }
      return { data: parseWith(schema, json, `${what} response`) as T, headers: replyHeaders };
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

  function urlFor(path: string, query?: Record<string, string>): string {
    const url = new URL(baseUrl!.replace(/\/+$/, '') + path, globalThis.location?.href);
    if (query) for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.href;
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

  /** GETs: identical concurrent requests share one in-flight promise; each caller may still abort its wait. */
  function getReply<T>(
    path: string,
    schema: z.ZodMiniType<T>,
    options?: CallOptions,
    query?: Record<string, string>,
  ): Promise<Reply<T>> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const key = urlFor(path, query);
    let shared = inflight.get(key);
    if (!shared) {
      shared = send('GET', path, schema, undefined, undefined, undefined, key).finally(() =>
        inflight.delete(key),
      );
      inflight.set(key, shared);
    }
    return withSignal(shared as Promise<Reply<T>>, signal);
  }

  const get = <T>(
    path: string,
    schema: z.ZodMiniType<T>,
    options?: CallOptions,
    query?: Record<string, string>,
  ) => getReply(path, schema, options, query).then((r) => r.data);
  const post = <T>(
    method: Method,
    path: string,
    schema: z.ZodMiniType<T> | undefined,
    options: CallOptions | undefined,
    body?: unknown,
    headers?: Record<string, string>,
  ) => send(method, path, schema, options?.signal, body, headers);

  const versioned = (reply: Reply<z.infer<typeof PreferencesSchema>>): VersionedPreferences => ({
    preferences: reply.data,
    etag: reply.headers.get('ETag') ?? `"${reply.data.version}"`,
  });

  return {
    getMe: async (options) => get('/me', ParticipantSchema, options),

    getCrisisResources: async (options) => get('/crisis/resources', CrisisResourcesSchema, options),

    startTelehealth: async (request, options) =>
      (
        await post(
          'POST',
          '/crisis/telehealth',
          TelehealthSessionSchema,
          options,
          parseWith(TelehealthRequestSchema, request, 'telehealth request'),
        )
      ).data,

    logCrisisEvent: async (event, options) => {
      const body = parseWith(CrisisEventSchema, event, 'crisis event');
      await post('POST', '/crisis/events', undefined, options, body, { 'Idempotency-Key': body.id });
    },

    getSafetyPlan: async (participant: PlanOwner, options) =>
      get('/safety-plans/current', SafetyPlanSchema, options, {
        participant: parseWith(PlanOwnerSchema, participant, 'safety plan owner'),
      }),

    listSlots: async (query: SlotQuery, options) =>
      get('/follow-ups/slots', SlotListSchema, options, parseWith(SlotQuerySchema, query, 'slot query')),

    listAppointments: async (options) => get('/follow-ups', AppointmentListSchema, options),

    book: async (request, idempotencyKey, options) =>
      (
        await post(
          'POST',
          '/follow-ups',
          AppointmentSchema,
          options,
          parseWith(BookingRequestSchema, request, 'booking request'),
          { 'Idempotency-Key': idempotencyKey },
        )
      ).data,

    cancel: async (appointmentId, options) => {
      await post('DELETE', `/follow-ups/${encodeURIComponent(appointmentId)}`, undefined, options);
    },

    getCoverage: async (options) => get('/coverage', CoverageSchema, options),

    getPreferences: async (options) => getReply('/preferences', PreferencesSchema, options).then(versioned),

    updatePreferences: async (patch, ifMatch, options) =>
      post(
        'PATCH',
        '/preferences',
        PreferencesSchema,
        options,
        parseWith(PreferencesPatchSchema, patch, 'preferences change'),
        { 'If-Match': ifMatch },
      ).then(versioned),
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
