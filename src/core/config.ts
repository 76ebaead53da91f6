/**
 * Kit-wide configuration: `configure(options)` validates with valibot and merges over the current values;
 * a wrong or unknown option throws a ConfigError naming the option and what was expected. Option values are
 * never put in error messages (one of them is the access-token callback).
 */
import * as v from 'valibot';
import type { Backend } from './backends/backend.js';
import { ConfigError, describeExpected, formatPath, issuePath } from './errors.js';
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

/** A value `check` accepts. */
const accepted = (check: (value: unknown) => boolean, expected: string) =>
  v.pipe(v.unknown(), v.check(check, expected));

const fn = (expected: string) => accepted((v) => typeof v === 'function', expected);

const urlOrPath = (expected: string) =>
  v.pipe(
    v.string(),
    v.maxLength(2048),
    v.check((value) => isSecureUrl(value) || isPath(value), expected),
  );
/** A string `check` accepts. */
const checked = (check: (value: string) => boolean, expected: string) =>
  v.pipe(v.string(), v.check(check, expected));
const intIn = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

const CacheOptionsSchema = v.object({
  encrypt: v.optional(v.boolean()),
  maxAgeMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const TelehealthOptionsSchema = v.object({
  start: fn('a function that starts a video visit and resolves with { joinUrl, expiresAt }'),
  chatUrl: v.optional(checked(isSecureUrl, 'an https: URL of the secure chat')),
});

// Plain objects, not strictObject: unknown options are found by validateOptions (one schema kind fewer to ship).
const OptionsSchema = v.object({
  baseUrl: v.optional(urlOrPath('an https: URL (http: only on localhost) or a path starting with "/"')),
  programId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
  getAccessToken: v.optional(fn('a function returning the access token')),
  session: v.optional(v.picklist(['token', 'cookie'])),
  backend: v.optional(
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
  patient: v.optional(
    checked((value) => PATIENT_REFERENCE.test(value), 'a typed FHIR reference such as "Patient/123"'),
  ),
  telehealth: v.optional(TelehealthOptionsSchema),
  locale: v.optional(
    checked(
      (value) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(value),
      'a BCP 47 language tag such as "en" or "es-US"',
    ),
  ),
  region: v.optional(RegionSchema),
  timeoutMs: v.optional(intIn(100, 120_000)),
  retries: v.optional(intIn(0, 10)),
  cache: v.optional(CacheOptionsSchema),
  fetch: v.optional(fn('a fetch-compatible function')),
  allowedOrigins: v.optional(
    v.array(
      checked(
        (value) => isSecureUrl(value) && new URL(value).origin === value,
        'an https: origin such as "https://telehealth.clinic.example" (no path, no trailing slash)',
      ),
    ),
  ),
  safetyPlanUrl: v.optional(urlOrPath('an https: URL or a path starting with "/"')),
  quickExitUrl: v.optional(checked(isSecureUrl, 'an https: URL of a neutral site')),
});

/** Validate options and throw a ConfigError for the first wrong or unknown one. */
export function validateOptions(options: unknown): IopOptions {
  if (typeof options !== 'object' || options === null) throw new ConfigError('(options)', 'an object');
  const result = v.safeParse(OptionsSchema, options);
  if (!result.success) {
    const issue = result.issues[0];
    throw new ConfigError(formatPath(issuePath(issue)), describeExpected(issue, OptionsSchema));
  }
  const levels = [
    ['', options, OptionsSchema.entries],
    ['cache.', (options as IopOptions).cache ?? {}, CacheOptionsSchema.entries],
    ['telehealth.', (options as IopOptions).telehealth ?? {}, TelehealthOptionsSchema.entries],
  ] as const;
  for (const [prefix, given, known] of levels) {
    const unknown = Object.keys(given).find((key) => !Object.hasOwn(known, key));
    if (unknown) throw new ConfigError(prefix + unknown, `a known option (${Object.keys(known).join(', ')})`);
  }
  return result.output as IopOptions;
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
