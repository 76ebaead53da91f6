/**
 * The REST adapter: implements Backend over the REST API v1 (DESIGN.md). Requests go through the shared
 * machinery in http.ts (token per request, timeouts, GET-only retries with backoff and Retry-After, shared
 * concurrent GETs, size limit); errors in application/problem+json become HttpError; every body is parsed by
 * its schema (SchemaError).
 */
import * as v from 'valibot';
import type { Backend, CallOptions, PlanOwner, SlotQuery, VersionedPreferences } from './backend.js';
import type { IopConfig } from '../config.js';
import { ConfigError, parseWith } from '../errors.js';
import { createHttp, type HttpDeps, type Method, type Reply } from './http.js';
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
} from '../schemas.js';
import type { CheckInHistory } from '../check-in/check-in-schemas.js';
import type { Instrument } from '../check-in/instrument.js';

export {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  MAX_RESPONSE_BYTES,
  MAX_RETRY_AFTER_MS,
  CSRF_HEADER,
  abortableSleep,
  backoffDelay,
  parseRetryAfter,
} from './http.js';

/** The part of the configuration the REST adapter reads. */
export type RestConfig = Pick<IopConfig, 'baseUrl' | 'getAccessToken' | 'timeoutMs' | 'retries' | 'fetch'> &
  Partial<Pick<IopConfig, 'programId' | 'session'>>;

/** Seams for tests: randomness and waiting. */
export type RestDeps = HttpDeps;

/**
 * How the check-in responses are parsed: supplied by src/core/check-in/check-in.ts when it loads, so only a page
 * with `<iop-check-in>` carries their schemas (every other widget's file stays as small as before); only that
 * element makes the two check-in reads. Sending a check-in (the outbox may deliver one left by an earlier page, on
 * any page) needs no schema: it was validated when it was queued.
 */
export const restCheckInParsers: {
  history?: (data: unknown) => CheckInHistory;
  instrument?: (data: unknown) => Instrument;
} = {};

/** Create a Backend that talks to the REST API at `config.baseUrl`. */
export function createRestBackend(config: RestConfig, deps: RestDeps = {}): Backend {
  const baseUrl = config.baseUrl;
  if (!baseUrl)
    throw new ConfigError('baseUrl', 'the REST API base URL, e.g. "https://api.clinic.example/iop/v1"');
  const http = createHttp(config, deps, {
    accept: 'application/json, application/problem+json',
    contentType: 'application/json',
    problemOf: (json) => {
      const parsed = v.safeParse(ProblemSchema, json);
      return parsed.success ? parsed.output : undefined;
    },
  });

  function urlFor(path: string, query?: Record<string, string>): string {
    const url = new URL(baseUrl!.replace(/\/+$/, '') + path, globalThis.location?.href);
    if (query) for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.href;
  }

  const getReply = <T>(
    path: string,
    schema: v.GenericSchema<unknown, T>,
    options?: CallOptions,
    query?: Record<string, string>,
  ): Promise<Reply<T>> => http.get(urlFor(path, query), `GET ${path}`, schema, options);

  const get = <T>(
    path: string,
    schema: v.GenericSchema<unknown, T>,
    options?: CallOptions,
    query?: Record<string, string>,
  ) => getReply(path, schema, options, query).then((r) => r.data);
  const post = <T>(
    method: Method,
    path: string,
    schema: v.GenericSchema<unknown, T> | undefined,
    options: CallOptions | undefined,
    body?: unknown,
    headers?: Record<string, string>,
  ) => http.send(method, urlFor(path), `${method} ${path}`, schema, options?.signal, body, headers);

  const versioned = (reply: Reply<v.InferOutput<typeof PreferencesSchema>>): VersionedPreferences => ({
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

    // Validated when it was queued (check-in.ts); sent as it is, so a replay is byte for byte the same.
    submitCheckIn: async (checkIn, options) => {
      await post('POST', '/check-ins', undefined, options, checkIn, { 'Idempotency-Key': checkIn.id });
    },

    getCheckIns: async (since, options) =>
      restCheckInParsers.history!(await get('/check-ins', v.unknown(), options, { since })),

    // A 404 means the backend supplies none: the built-in screener.
    getCheckInInstrument: (options) =>
      get('/check-ins/instrument', v.unknown(), options).then(
        (data) => restCheckInParsers.instrument!(data),
        (error: { status?: number }) => {
          if (error.status !== 404) throw error;
          return undefined;
        },
      ),
  };
}
