/**
 * The one interface every backend adapter implements: REST (rest-backend.ts), in-memory (memory-backend.ts)
 * and, later, FHIR R4. Widgets and the client only ever talk to a Backend.
 */
import type {
  Appointment,
  BookingRequest,
  Coverage,
  CrisisEvent,
  CrisisResources,
  Participant,
  Preferences,
  PreferencesPatch,
  SafetyPlan,
  Slot,
  PlanOwner,
  SlotQuery,
  TelehealthRequest,
  TelehealthSession,
} from '../schemas.js';
import type { CheckInHistory, CheckInSubmission } from '../check-in/check-in-schemas.js';
import type { Instrument } from '../check-in/instrument.js';

/** Options every call accepts. Aborting rejects the call (with the signal's reason or an AbortError). */
export interface CallOptions {
  signal?: AbortSignal;
}

export type { PlanOwner, SlotQuery };

/** Preferences with the version tag to send back in If-Match. */
export interface VersionedPreferences {
  preferences: Preferences;
  etag: string;
}

export interface Backend {
  /** GET /me: the participant, partner and care team. */
  getMe(options?: CallOptions): Promise<Participant>;
  /** GET /crisis/resources: on-call clinician now, telehealth availability, chat, hotlines. */
  getCrisisResources(options?: CallOptions): Promise<CrisisResources>;
  /** POST /crisis/telehealth: start an emergency video session. */
  startTelehealth(request: TelehealthRequest, options?: CallOptions): Promise<TelehealthSession>;
  /** POST /crisis/events: idempotent by `event.id` (202). */
  logCrisisEvent(event: CrisisEvent, options?: CallOptions): Promise<void>;
  /** GET /safety-plans/current?participant=me|partner */
  getSafetyPlan(participant: PlanOwner, options?: CallOptions): Promise<SafetyPlan>;
  /** GET /follow-ups/slots?from&to&kind: free slots. */
  listSlots(query: SlotQuery, options?: CallOptions): Promise<Slot[]>;
  /** GET /follow-ups: my appointments. */
  listAppointments(options?: CallOptions): Promise<Appointment[]>;
  /** POST /follow-ups with Idempotency-Key: 201, or HttpError 409 when the slot was just taken. */
  book(request: BookingRequest, idempotencyKey: string, options?: CallOptions): Promise<Appointment>;
  /** DELETE /follow-ups/{id}: 204. */
  cancel(appointmentId: string, options?: CallOptions): Promise<void>;
  /** GET /coverage: the plan's benefits. */
  getCoverage(options?: CallOptions): Promise<Coverage>;
  /** GET /preferences with its ETag. */
  getPreferences(options?: CallOptions): Promise<VersionedPreferences>;
  /** PATCH /preferences with If-Match: the new preferences and ETag, or HttpError 412 on a stale version. */
  updatePreferences(
    patch: PreferencesPatch,
    ifMatch: string,
    options?: CallOptions,
  ): Promise<VersionedPreferences>;
  /**
   * POST /check-ins: 202, idempotent by `checkIn.id`. Optional (a host's own Backend may not offer check-ins;
   * `<iop-check-in>` then says the page is not set up for them); the kit's adapters all have it.
   */
  submitCheckIn?(checkIn: CheckInSubmission, options?: CallOptions): Promise<void>;
  /** GET /check-ins?since: my check-ins since `since` (ISO date-time) and my partner's shared moods. */
  getCheckIns?(since: string, options?: CallOptions): Promise<CheckInHistory>;
  /**
   * GET /check-ins/instrument: the screener the clinic uses (e.g. a licensed translation), or undefined when it
   * supplies none (a 404): the kit then uses its built-in C-SSRS Screener.
   */
  getCheckInInstrument?(options?: CallOptions): Promise<Instrument | undefined>;
}

/** The names of Backend's methods (for fault injection and tests). */
export type BackendMethod = keyof Backend;
