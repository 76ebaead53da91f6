/**
 * The kit's current configuration and its listeners, without the validation (config.ts validates with valibot
 * and calls setConfig). Kept apart so the crisis button can read the configuration without loading valibot.
 */
import type { Backend } from './backends/backend.js';
import type { Region, TelehealthRequest, TelehealthSession } from './schemas.js';
import { KIT_VERSION } from './version.js';

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

/**
 * The page's one configuration and its listeners. Two copies of the kit on one page (a clinic's drop-in file and
 * a portal's own bundle) must share them, or `configure()` from one copy would never reach the other's widgets:
 * the store lives on `globalThis` under a global symbol, and the first copy to load creates it. `format` names
 * the shape of IopConfig; a copy that finds another format cannot read that store safely and keeps its own.
 */
export interface ConfigStore {
  format: number;
  /** The kit version that created the store (for the console message). */
  version: string;
  current: IopConfig;
  listeners: Set<(config: IopConfig) => void>;
}

/** Bumped when IopConfig changes in a way an older copy could not read. */
export const CONFIG_STORE_FORMAT = 1;
export const CONFIG_STORE_KEY = Symbol.for('iop-kit.config-store');

/**
 * The store on `host` (globalThis), created there when none is. When another copy's store of an incompatible
 * format is there, this copy keeps a store of its own and says once, loudly, that `configure()` calls of the
 * two copies will not reach each other's widgets.
 */
export function attachConfigStore(host: object = globalThis): ConfigStore {
  const slot = host as Record<symbol, ConfigStore | undefined>;
  const found = slot[CONFIG_STORE_KEY];
  if (found?.format === CONFIG_STORE_FORMAT) return found;
  const own: ConfigStore = {
    format: CONFIG_STORE_FORMAT,
    version: KIT_VERSION,
    current: defaults(),
    listeners: new Set(),
  };
  if (found) {
    console.error(
      `iop-kit ${KIT_VERSION}: iop-kit ${found.version} keeps this page's configuration in another format; ` +
        `configure() of one will not reach the other's widgets. Load one copy of iop-kit per page.`,
    );
    return own;
  }
  Object.defineProperty(host, CONFIG_STORE_KEY, { value: own, configurable: true });
  return own;
}

const store = attachConfigStore();

/** Replaces the configuration (already validated) and tells every listener. Use `configure()` instead. */
export function setConfig(update: (current: IopConfig) => IopConfig): IopConfig {
  store.current = update(store.current);
  for (const listener of [...store.listeners]) listener(store.current);
  // Widgets re-resolve their language when the configured locale may have changed.
  globalThis.dispatchEvent?.(new Event('iop-locale-change'));
  return store.current;
}

/** The current configuration (defaults until `configure()` is called). */
export function getConfig(): IopConfig {
  return store.current;
}

/** Back to the defaults (tests, sign-out of a host app). Listeners are told. */
export function resetConfig(): void {
  setConfig(() => defaults());
}

/** Call `listener` with the new configuration after each change; returns an unsubscribe function. */
export function onConfigChange(listener: (config: IopConfig) => void): () => void {
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}
