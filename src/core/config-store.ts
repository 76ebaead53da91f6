/**
 * The kit's current configuration and its listeners, without the validation (config.ts validates with zod and
 * calls setConfig). Kept apart so the crisis button can read the configuration without loading zod.
 */
import type { Backend } from './backends/backend.js';
import type { Region, TelehealthRequest, TelehealthSession } from './schemas.js';

/** Returns the current access token (or nothing when signed out). Called before every request, never stored. */
export type AccessTokenGetter = () => string | undefined | null | Promise<string | undefined | null>;

/**
 * How a FHIR backend starts an emergency video visit (R4 has no standard for it): the portal's own call to its
 * telehealth service, and where secure chat with clinical staff lives, if anywhere.
 */
export interface FhirTelehealth {
  /**
   * Starts the visit for `patient` (a `Patient/<id>` reference), with the partner's Patient reference when
   * `includePartner` is set and there is one; resolves with where to join it and when that link expires.
   */
  start(
    request: TelehealthRequest & { patient: string; partner?: string },
    options: { signal?: AbortSignal },
  ): Promise<TelehealthSession>;
  /** Secure chat with clinical staff (https:, on an allowed origin to be opened). */
  chatUrl?: string;
}

/** How requests are authenticated (see IopConfig.session). */
export type SessionMode = 'token' | 'cookie';

/** The resolved configuration every adapter and widget reads. */
export interface IopConfig {
  /**
   * Base URL of the REST API, e.g. https://api.clinic.example/iop/v1, or a same-origin path like /api/v1; for
   * `backend: 'fhir'` the FHIR R4 base, e.g. https://ehr.example/fhir/R4.
   */
  baseUrl?: string;
  /** Identifies the program when one backend serves several (from `<iop-provider program-id>`). */
  programId?: string;
  getAccessToken?: AccessTokenGetter;
  /**
   * Who holds the session. 'token' (default): `getAccessToken` supplies a bearer token. 'cookie': the portal's
   * own HttpOnly session cookie (backend-for-frontend); requests carry credentials and the `X-IOP-CSRF: 1`
   * header, no Authorization header, and `getAccessToken` is not called.
   */
  session: SessionMode;
  /**
   * 'rest', 'fhir' (FHIR R4 at `baseUrl`, for `patient`; loaded on first use as its own chunk) or an object
   * implementing Backend (e.g. the in-memory adapter, or a host's own).
   */
  backend: 'rest' | 'fhir' | Backend;
  /** FHIR only: the signed-in patient, a typed reference such as `Patient/123` (from the SMART launch). */
  patient?: string;
  /** FHIR only: how to start a video visit and where chat is; without it there is no video button. */
  telehealth?: FhirTelehealth;
  /** BCP 47 locale; undefined means "resolve from the page and the browser". */
  locale?: string;
  region: Region;
  /** Per-attempt timeout of a request. */
  timeoutMs: number;
  /** Extra attempts for GETs (never for writes). */
  retries: number;
  cache: { encrypt: boolean; maxAgeMs: number };
  /** Injectable fetch; undefined means globalThis.fetch at call time. */
  fetch?: typeof globalThis.fetch;
  /** Origins (e.g. https://telehealth.clinic.example) whose join and chat URLs may be opened. */
  allowedOrigins: string[];
  /** Where "My safety plan" links to. */
  safetyPlanUrl?: string;
  /** Where the quick-exit button goes (a neutral site; the page leaves the history). */
  quickExitUrl: string;
}

/** What `configure()` accepts: any subset of the options. */
export type IopOptions = Partial<Omit<IopConfig, 'cache'>> & { cache?: Partial<IopConfig['cache']> };

export const DEFAULT_QUICK_EXIT_URL = 'https://www.bbc.com/weather';
const WEEK_MS = 7 * 24 * 3600e3;

function defaults(): IopConfig {
  return {
    backend: 'rest',
    session: 'token',
    region: 'US',
    timeoutMs: 8000,
    retries: 2,
    cache: { encrypt: true, maxAgeMs: WEEK_MS },
    allowedOrigins: [],
    quickExitUrl: DEFAULT_QUICK_EXIT_URL,
  };
}

let current: IopConfig = defaults();
const listeners = new Set<(config: IopConfig) => void>();

/** Replaces the configuration (already validated) and tells every listener. Use `configure()` instead. */
export function setConfig(update: (current: IopConfig) => IopConfig): IopConfig {
  current = update(current);
  for (const listener of [...listeners]) listener(current);
  // Widgets re-resolve their language when the configured locale may have changed.
  globalThis.dispatchEvent?.(new Event('iop-locale-change'));
  return current;
}

/** The current configuration (defaults until `configure()` is called). */
export function getConfig(): IopConfig {
  return current;
}

/** Back to the defaults (tests, sign-out of a host app). Listeners are told. */
export function resetConfig(): void {
  setConfig(() => defaults());
}

/** Call `listener` with the new configuration after each change; returns an unsubscribe function. */
export function onConfigChange(listener: (config: IopConfig) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
