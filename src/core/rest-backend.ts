/**
 * The REST adapter: implements Backend over the REST API v1 (DESIGN.md).
 *
 * - Every request asks `getAccessToken()` afresh and sends `Authorization: Bearer`; the token is never kept in
 *   a field, put in a URL or logged.
 * - Each attempt has its own timeout (AbortController) -> TimeoutError; a rejected fetch -> NetworkError.
 * - Only GETs are retried (network errors, timeouts, 408/429/5xx), with exponential backoff and full jitter;
 *   Retry-After (seconds or an HTTP date) wins on 429/503.
 * - Concurrent identical GETs share one request.
 * - Errors in application/problem+json become HttpError; every body is parsed by its schema (SchemaError).
 */
import * as z from 'zod/mini';
import type { Backend, CallOptions, PlanOwner, SlotQuery, VersionedPreferences } from './backend.js';
import type { IopConfig } from './config.js';
import {
  ConfigError,
  HttpError,
  IopError,
  NetworkError,
  SchemaError,
  TimeoutError,
  parseWith,
} from './errors.js';
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
} from './schemas.js';

/** Responses above this size are rejected (a widget never needs more; a hostile server could send more). */
export const MAX_RESPONSE_BYTES = 1024 * 1024;
/** First backoff step and the cap of one backoff delay. */
export const BACKOFF_BASE_MS = 300;
export const BACKOFF_CAP_MS = 5000;
/** A Retry-After longer than this is not waited for: the error goes to the caller (and the cache serves). */
export const MAX_RETRY_AFTER_MS = 30_000;

/** Statuses worth another GET attempt. */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** The part of the configuration the REST adapter reads. */
export type RestConfig = Pick<IopConfig, 'baseUrl' | 'getAccessToken' | 'timeoutMs' | 'retries' | 'fetch'> &
  Partial<Pick<IopConfig, 'programId'>>;

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

interface RequestSpec<S extends z.ZodMiniType | undefined> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Schema of the response body; undefined when the answer has no body (202, 204). */
  schema: S;
}

interface Reply<T> {
  data: T;
  headers: Headers;
}

const TIMEOUT = Symbol('timeout');

/** Create a Backend that talks to the REST API at `config.baseUrl`. */
export function createRestBackend(config: RestConfig, deps: RestDeps = {}): Backend {
  const baseUrl = config.baseUrl;
  if (!baseUrl)
    throw new ConfigError('baseUrl', 'the REST API base URL, e.g. "https://api.clinic.example/iop/v1"');
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? abortableSleep;
  const now = deps.now ?? Date.now;
  const inflight = new Map<string, Promise<Reply<unknown>>>();

  function urlFor(path: string, query?: Record<string, string>): string {
    const base = baseUrl!.replace(/\/+$/, '');
    const url = new URL(base + path, globalThis.location?.href);
    if (query) for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.href;
  }

  /** One attempt: fetch with a timeout, size limit, problem+json and schema parsing. */
  async function attempt<T>(
    spec: RequestSpec<z.ZodMiniType | undefined>,
    url: string,
    signal?: AbortSignal,
  ): Promise<Reply<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMEOUT), config.timeoutMs);
    const onAbort = () => controller.abort(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    const what = `${spec.method} ${spec.path}`;
    try {
      if (signal?.aborted) throw abortReason(signal);
      const token = await config.getAccessToken?.();
      const headers: Record<string, string> = {
        Accept: 'application/json, application/problem+json',
        ...spec.headers,
      };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
      const fetchFn = config.fetch ?? globalThis.fetch;
      let response: Response;
      try {
        response = await fetchFn.call(globalThis, url, {
          method: spec.method,
          headers,
          body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
          signal: controller.signal,
          credentials: 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
        });
      } catch (cause) {
        throw failure(cause);
      }
      const text = await readLimited(response, what).catch((cause: unknown) => {
        throw cause instanceof IopError ? cause : failure(cause);
      });
      if (!response.ok) throw httpError(response, text);
      if (spec.schema === undefined) return { data: undefined as T, headers: response.headers };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new SchemaError('(body)', 'valid JSON', `${what} response`);
      }
      return { data: parseWith(spec.schema, json, `${what} response`) as T, headers: response.headers };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    /** Why a fetch or a body read failed: our timeout, the caller's abort, or the network. */
    function failure(cause: unknown): unknown {
      if (controller.signal.aborted && controller.signal.reason === TIMEOUT)
        return new TimeoutError(config.timeoutMs);
      if (signal?.aborted) return abortReason(signal);
      return new NetworkError(`The request ${what} failed: the server could not be reached.`, { cause });
    }
  }

  async function readLimited(response: Response, what: string): Promise<string> {
    const tooBig = () =>
      new SchemaError('(body)', `a response of at most ${MAX_RESPONSE_BYTES} bytes`, `${what} response`);
    const length = Number(response.headers.get('Content-Length'));
    if (length > MAX_RESPONSE_BYTES) {
      void response.body?.cancel().catch(() => undefined);
      throw tooBig();
    }
    const text = await response.text();
    if (text.length > MAX_RESPONSE_BYTES) throw tooBig();
    return text;
  }

  function httpError(response: Response, text: string): HttpError {
    let problem: Problem | undefined;
    if (/json/i.test(response.headers.get('Content-Type') ?? '')) {
      try {
        const parsed = ProblemSchema.safeParse(JSON.parse(text));
        if (parsed.success) problem = parsed.data;
      } catch {
        // Not JSON after all: the status alone still says what happened.
      }
    }
    const retryAfter =
      response.status === 429 || response.status === 503
        ? parseRetryAfter(response.headers.get('Retry-After'), now())
        : undefined;
    return new HttpError(response.status, problem, retryAfter);
  }

  /** Send with retries for GETs only. */
  async function send<T>(
    spec: RequestSpec<z.ZodMiniType | undefined>,
    signal?: AbortSignal,
  ): Promise<Reply<T>> {
    const url = urlFor(spec.path, spec.query);
    const attempts = spec.method === 'GET' ? config.retries + 1 : 1;
    for (let n = 0; ; n++) {
      try {
        return await attempt<T>(spec, url, signal);
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

  /** GETs: identical concurrent requests share one in-flight promise; each caller may still abort its wait. */
  function get<S extends z.ZodMiniType>(
    spec: Omit<RequestSpec<S>, 'method'>,
    options?: CallOptions,
  ): Promise<Reply<z.infer<S>>> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const full = { ...spec, method: 'GET' as const };
    const key = urlFor(spec.path, spec.query);
    let shared = inflight.get(key);
    if (!shared) {
      shared = send<unknown>(full).finally(() => inflight.delete(key));
      inflight.set(key, shared);
    }
    return withSignal(shared as Promise<Reply<z.infer<S>>>, signal);
  }

  const data = <T>(reply: Promise<Reply<T>>) => reply.then((r) => r.data);

  const versioned = (reply: Reply<z.infer<typeof PreferencesSchema>>): VersionedPreferences => ({
    preferences: reply.data,
    etag: reply.headers.get('ETag') ?? `"${reply.data.version}"`,
  });

  return {
    getMe: async (options) => data(get({ path: '/me', schema: ParticipantSchema }, options)),

    getCrisisResources: async (options) =>
      data(get({ path: '/crisis/resources', schema: CrisisResourcesSchema }, options)),

    startTelehealth: async (request, options) =>
      data(
        send(
          {
            method: 'POST',
            path: '/crisis/telehealth',
            body: parseWith(TelehealthRequestSchema, request, 'telehealth request'),
            schema: TelehealthSessionSchema,
          },
          options?.signal,
        ),
      ),

    logCrisisEvent: async (event, options) => {
      const body = parseWith(CrisisEventSchema, event, 'crisis event');
      await send(
        {
          method: 'POST',
          path: '/crisis/events',
          body,
          headers: { 'Idempotency-Key': body.id },
          schema: undefined,
        },
        options?.signal,
      );
    },

    getSafetyPlan: async (participant: PlanOwner, options) =>
      data(
        get(
          {
            path: '/safety-plans/current',
            query: { participant: parseWith(PlanOwnerSchema, participant, 'safety plan owner') },
            schema: SafetyPlanSchema,
          },
          options,
        ),
      ),

    listSlots: async (query: SlotQuery, options) =>
      data(
        get(
          {
            path: '/follow-ups/slots',
            query: parseWith(SlotQuerySchema, query, 'slot query'),
            schema: SlotListSchema,
          },
          options,
        ),
      ),

    listAppointments: async (options) =>
      data(get({ path: '/follow-ups', schema: AppointmentListSchema }, options)),

    book: async (request, idempotencyKey, options) =>
      data(
        send(
          {
            method: 'POST',
            path: '/follow-ups',
            body: parseWith(BookingRequestSchema, request, 'booking request'),
            headers: { 'Idempotency-Key': idempotencyKey },
            schema: AppointmentSchema,
          },
          options?.signal,
        ),
      ),

    cancel: async (appointmentId, options) => {
      await send(
        { method: 'DELETE', path: `/follow-ups/${encodeURIComponent(appointmentId)}`, schema: undefined },
        options?.signal,
      );
    },

    getCoverage: async (options) => data(get({ path: '/coverage', schema: CoverageSchema }, options)),

    getPreferences: async (options) =>
      get({ path: '/preferences', schema: PreferencesSchema }, options).then(versioned),

    updatePreferences: async (patch, ifMatch, options) =>
      send<z.infer<typeof PreferencesSchema>>(
        {
          method: 'PATCH',
          path: '/preferences',
          body: parseWith(PreferencesPatchSchema, patch, 'preferences change'),
          headers: { 'If-Match': ifMatch },
          schema: PreferencesSchema,
        },
        options?.signal,
      ).then(versioned),
  };
}

/** Resolve like `promise`, but reject early when `signal` aborts (the shared request itself continues). */
function withSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
