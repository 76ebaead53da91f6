/**
 * Kit-wide configuration: `configure(options)` validates with zod/mini and merges over the current values;
 * a wrong or unknown option throws a ConfigError naming the option and what was expected. Option values are
 * never put in error messages (one of them is the access-token callback).
 */
import * as z from 'zod/mini';
import type { Backend } from './backends/backend.js';
import { ConfigError, describeExpected, formatPath } from './errors.js';
import { RegionSchema } from './schemas.js';
import { getConfig, setConfig, type IopConfig, type IopOptions } from './config-store.js';

export {
  DEFAULT_QUICK_EXIT_URL,
  getConfig,
  onConfigChange,
  resetConfig,
  type AccessTokenGetter,
  type FhirTelehealth,
  type IopConfig,
  type IopOptions,
  type SessionMode,
} from './config-store.js';

export const BACKEND_METHODS = [
  'getMe',
  'getCrisisResources',
  'startTelehealth',
  'logCrisisEvent',
  'getSafetyPlan',
  'listSlots',
  'listAppointments',
  'book',
  'cancel',
  'getCoverage',
  'getPreferences',
  'updatePreferences',
] as const satisfies readonly (keyof Backend)[];

/** The Backend's optional methods, for check-ins (a host's own Backend may leave them out). */
export const CHECK_IN_METHODS = [
  'submitCheckIn',
  'getCheckIns',
  'getCheckInInstrument',
] as const satisfies readonly (keyof Backend)[];

const isLocalHost = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/** https: anywhere, http: only on localhost (tokens must not travel in clear text). */
function isSecureUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLocalHost(url.hostname));
  } catch {
    return false;
  }
}

/** A FHIR logical id (R4: up to 64 of A-Z, a-z, 0-9, - and .) in a Patient reference. */
export const PATIENT_REFERENCE = /^Patient\/[A-Za-z0-9.-]{1,64}$/;

const isPath = (value: string) => value.startsWith('/') && !value.startsWith('//');

/** A value `check` accepts (a refine on unknown: the same as z.custom, one zod helper fewer to ship). */
const accepted = (check: (v: unknown) => boolean, expected: string) =>
  z.unknown().check(z.refine(check, { error: expected }));

const fn = (expected: string) => accepted((v) => typeof v === 'function', expected);

const urlOrPath = (expected: string) =>
  z.string().check(
    z.maxLength(2048),
    z.refine((v) => isSecureUrl(v) || isPath(v), { error: expected }),
  );

const CacheOptionsSchema = z.object({
  encrypt: z.optional(z.boolean()),
  maxAgeMs: z.optional(z.int().check(z.gte(0))),
});

const TelehealthOptionsSchema = z.object({
  start: fn('a function that starts a video visit and resolves with { joinUrl, expiresAt }'),
  chatUrl: z.optional(z.string().check(z.refine(isSecureUrl, { error: 'an https: URL of the secure chat' }))),
});

// Plain objects, not strictObject: unknown options are found by validateOptions (one zod class fewer to ship).
const OptionsSchema = z.object({
  baseUrl: z.optional(urlOrPath('an https: URL (http: only on localhost) or a path starting with "/"')),
  programId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  getAccessToken: z.optional(fn('a function returning the access token')),
  session: z.optional(z.enum(['token', 'cookie'])),
  backend: z.optional(
    accepted(
      (v) =>
        v === 'rest' ||
        v === 'fhir' ||
        (typeof v === 'object' &&
          v !== null &&
          BACKEND_METHODS.every((m) => typeof (v as unknown as Record<string, unknown>)[m] === 'function')),
      `"rest", "fhir" or an object implementing Backend (${BACKEND_METHODS.join(', ')})`,
    ),
  ),
  patient: z.optional(
    z.string().check(
      z.refine((v) => PATIENT_REFERENCE.test(v), {
        error: 'a typed FHIR reference such as "Patient/123"',
      }),
    ),
  ),
  telehealth: z.optional(TelehealthOptionsSchema),
  locale: z.optional(
    z.string().check(
      z.refine((v) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(v), {
        error: 'a BCP 47 language tag such as "en" or "es-US"',
      }),
    ),
  ),
  region: z.optional(RegionSchema),
  timeoutMs: z.optional(z.int().check(z.gte(100), z.lte(120_000))),
  retries: z.optional(z.int().check(z.gte(0), z.lte(10))),
  cache: z.optional(CacheOptionsSchema),
  fetch: z.optional(fn('a fetch-compatible function')),
  allowedOrigins: z.optional(
    z.array(
      z.string().check(
        z.refine((v) => isSecureUrl(v) && new URL(v).origin === v, {
          error: 'an https: origin such as "https://telehealth.clinic.example" (no path, no trailing slash)',
        }),
      ),
    ),
  ),
  safetyPlanUrl: z.optional(urlOrPath('an https: URL or a path starting with "/"')),
  quickExitUrl: z.optional(
    z.string().check(z.refine((v) => isSecureUrl(v), { error: 'an https: URL of a neutral site' })),
  ),
});

/** Validate options and throw a ConfigError for the first wrong or unknown one. */
export function validateOptions(options: unknown): IopOptions {
  if (typeof options !== 'object' || options === null) throw new ConfigError('(options)', 'an object');
  const result = OptionsSchema.safeParse(options);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(formatPath(issue.path), describeExpected(issue));
  }
  const levels = [
    ['', options, OptionsSchema.shape],
    ['cache.', (options as IopOptions).cache ?? {}, CacheOptionsSchema.shape],
    ['telehealth.', (options as IopOptions).telehealth ?? {}, TelehealthOptionsSchema.shape],
  ] as const;
  for (const [prefix, given, known] of levels) {
    const unknown = Object.keys(given).find((key) => !Object.hasOwn(known, key));
    if (unknown) throw new ConfigError(prefix + unknown, `a known option (${Object.keys(known).join(', ')})`);
  }
  return result.data as IopOptions;
}

/**
 * Configure the kit. Merges over the current configuration (so a page can set the token callback and a
 * provider the base URL) and tells every `onConfigChange` listener.
 * @throws ConfigError naming the first wrong or unknown option.
 */
export function configure(options: IopOptions): IopConfig {
  const valid = validateOptions(options);
  const merged = (current: IopConfig) =>
    ({ ...current, ...valid, cache: { ...current.cache, ...valid.cache } }) as IopConfig;
  // FHIR reads everything for one patient: without it nothing could be read, so say so now, not at first use.
  const next = merged(getConfig());
  if (next.backend === 'fhir' && !next.patient)
    throw new ConfigError('patient', 'the signed-in patient for backend "fhir", e.g. "Patient/123"');
  return setConfig(merged);
}
