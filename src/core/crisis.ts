/**
 * What the crisis button needs from the backend, loaded only after the button is on screen: the on-call
 * clinician (cached, stale-while-revalidate), the emergency video session and the crisis-event log.
 */
import * as v from 'valibot';
import {
  CrisisResourcesSchema,
  type CrisisEventType,
  type CrisisResources,
  type TelehealthSession,
} from './schemas.js';
import type { ReadStore } from './storage/cache.js';
import { sessionFor, type SessionSettings } from './session.js';
import { randomId } from './random-id.js';

/**
 * 'signed-out': no session configured, or the backend answered 401. 'unavailable': the configuration cannot make
 * a backend (the developer is told in the console; the person sees that the care team cannot be reached).
 */
export type CrisisBackendState = 'signed-in' | 'signed-out' | 'no-backend' | 'unavailable';

export interface CrisisService {
  /** Whether the on-call, video and chat parts can be offered (read again on each render: a 401 changes it). */
  readonly state: CrisisBackendState;
  readonly signedIn: boolean;
  /** The on-call clinician and what the backend offers, served from the cache at once; absent when signed out. */
  resources?: ReadStore<CrisisResources>;
  /** Starts the emergency video session; `location` (what the person typed or shared) goes with it only. */
  startTelehealth(includePartner: boolean, location?: string): Promise<TelehealthSession>;
  /** Logs a crisis event through the outbox (never blocks, never throws); nothing when signed out. */
  log(type: CrisisEventType, action: string, target?: string): void;
  /** Origins whose join and chat URLs may be opened. */
  allowedOrigins: readonly string[];
  safetyPlanUrl?: string;
}

/** Connects the crisis button to the backend its settings name. */
export function connectCrisis(settings: SessionSettings): CrisisService {
  const session = sessionFor(settings);
  let state: CrisisBackendState = !session.hasBackend
    ? 'no-backend'
    : session.signedIn
      ? 'signed-in'
      : 'signed-out';
  let client: ReturnType<typeof session.client> | undefined;
  let failure: unknown = new Error('Not signed in');
  if (state === 'signed-in') {
    try {
      client = session.client();
    } catch (error) {
      // A configuration that cannot make a backend: the built-in help still shows; the developer is told.
      console.error(error);
      failure = error;
      state = 'unavailable';
    }
  }
  if (client?.sessionEnded) client = undefined;
  if (state === 'signed-in' && !client) state = 'signed-out';
  return {
    get state() {
      return client?.sessionEnded ? 'signed-out' : state;
    },
    get signedIn() {
      return !!client && !client.sessionEnded;
    },
    allowedOrigins: session.config.allowedOrigins,
    safetyPlanUrl: session.config.safetyPlanUrl,
    resources: client?.read('crisis-resources', (backend) => backend.getCrisisResources(), {
      parseCached: (value) => v.parse(CrisisResourcesSchema, value),
    }),
    startTelehealth: (includePartner, location) =>
      client
        ? client.backend.startTelehealth({ includePartner, ...(location ? { location } : {}) })
        : Promise.reject(failure),
    log(type, action, target) {
      client
        ?.logCrisisEvent({
          id: randomId(),
          type,
          at: new Date().toISOString(),
          action,
          ...(target ? { target } : {}),
        })
        .catch((error: unknown) => console.error('iop-kit: could not queue a crisis event', error));
    },
  };
}
