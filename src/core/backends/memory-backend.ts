/**
 * The in-memory adapter, for Storybook and tests. It implements Backend on createSeed() data with the same
 * semantics as the reference backend (409 when a slot is taken, idempotent booking by key, 403 for a
 * partner's plan without consent, ETag/If-Match with 412 for preferences) and throws the same typed errors
 * as the REST adapter. `simulate()` injects latency, offline, HTTP errors, timeouts and malformed data.
 */
import * as v from 'valibot';
import type { Backend, BackendMethod, CallOptions, VersionedPreferences } from './backend.js';
import { HttpError, NetworkError, SchemaError, TimeoutError, parseWith } from '../errors.js';
import {
  AppointmentListSchema,
  AppointmentSchema,
  BookingRequestSchema,
  CoverageSchema,
  CrisisEventSchema,
  CrisisResourcesSchema,
  ParticipantSchema,
  PlanOwnerSchema,
  PreferencesPatchSchema,
  PreferencesSchema,
  SafetyPlanSchema,
  SlotListSchema,
  SlotQuerySchema,
  TelehealthRequestSchema,
  TelehealthSessionSchema,
  type Appointment,
  type Coverage,
  type CrisisEvent,
  type Preferences,
  type Problem,
} from '../schemas.js';
import {
  createSeed,
  onCallAt,
  DEMO_READ_SCHEDULE,
  demoReadSchedule,
  type DemoParticipantId,
  type Seed,
} from '../../demo-data/seed.js';
import {
  CheckInHistorySchema,
  CheckInSubmissionSchema,
  type CheckInHistory,
  type CheckInSubmission,
} from '../check-in/check-in.js';
import { parseInstrument, type Instrument } from '../check-in/instrument.js';

export { DEMO_READ_SCHEDULE };

/** What `simulate()` can inject. Every call replaces the previous settings; `simulate()` clears them. */
export interface Simulation {
  /** Delay before each answer (abortable). */
  latencyMs?: number;
  /** Every call fails with NetworkError, as when the device is offline. */
  offline?: boolean;
  /** Every call fails with this HTTP status (and problem details), a NetworkError or a TimeoutError. */
  failWith?: { status: number; problem?: Problem; retryAfterMs?: number } | 'network' | 'timeout';
  /** Calls that return data answer with a payload that violates its schema (SchemaError). */
  malformed?: boolean;
  /** Apply the simulation only to these methods. */
  only?: BackendMethod[];
}

export interface MemoryBackend extends Backend {
  submitCheckIn(checkIn: CheckInSubmission, options?: CallOptions): Promise<void>;
  getCheckIns(since: string, options?: CallOptions): Promise<CheckInHistory>;
  getCheckInInstrument(options?: CallOptions): Promise<Instrument | undefined>;
  /** Inject faults for Storybook and tests. */
  simulate(simulation?: Simulation): void;
  /** Back to the initial data, and no simulation. */
  reset(): void;
  /** Crisis events received so far (each id once). */
  readonly crisisEvents: readonly CrisisEvent[];
  /** Check-ins received so far from everyone on this seed (each id once), as they were sent. */
  readonly checkIns: readonly (CheckInSubmission & { participant: DemoParticipantId })[];
}

export interface MemoryBackendOptions {
  /** Who is signed in (default 'alex'). */
  participant?: DemoParticipantId;
  /**
   * The data to serve. Pass the same object to two adapters (e.g. Alex's and Jordan's) to share one "server";
   * by default a fresh createSeed(now).
   */
  seed?: Seed;
  /** The clock (default: the real one). */
  now?: Date | (() => Date);
  /**
   * What GET /check-ins/instrument serves (e.g. a licensed translation); by default none (a 404), so the kit uses
   * its built-in screener.
   */
  checkInInstrument?: unknown;
  /** GET /check-ins `readSchedule`; default DEMO_READ_SCHEDULE in the participant's language, `null` for none. */
  readSchedule?: string | null;
}

/** Server-side bookkeeping that is not part of the seed, shared by adapters over the same seed. */
interface Ledger {
  initial: Seed;
  /** (participant:key) -> the request it was first used for and its result. */
  idempotency: Map<string, { request: string; appointment: Appointment }>;
  crisisEvents: Map<string, CrisisEvent>;
  /** Check-ins by id, in the order they arrived. */
  checkIns: Map<string, CheckInSubmission & { participant: DemoParticipantId }>;
  counter: number;
}
const ledgers = new WeakMap<Seed, Ledger>();

function ledgerFor(seed: Seed): Ledger {
  let ledger = ledgers.get(seed);
  if (!ledger) {
    ledger = {
      initial: structuredClone(seed),
      idempotency: new Map(),
      crisisEvents: new Map(),
      checkIns: new Map(),
      counter: 0,
    };
    ledgers.set(seed, ledger);
  }
  return ledger;
}

const problem = (status: number, title: string, detail?: string): HttpError =>
  new HttpError(status, { type: 'about:blank', title, status, ...(detail ? { detail } : {}) });

const etagOf = (version: number) => `"${version}"`;

/** A payload that no schema of the contract accepts, for `malformed`. */
const MALFORMED = Object.freeze({ malformed: true, id: 42 });

/** Create the in-memory adapter. */
export function createMemoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const me: DemoParticipantId = options.participant ?? 'alex';
  const clock = options.now;
  const now = (): Date => (clock === undefined ? new Date() : typeof clock === 'function' ? clock() : clock);
  const seed = options.seed ?? createSeed(now());
  const ledger = ledgerFor(seed);
  let simulation: Simulation = {};

  /** Apply the simulation, run `handler`, then clone and parse its result like a wire response would be. */
  async function call<S extends v.GenericSchema | undefined>(
    method: BackendMethod,
    schema: S,
    callOptions: CallOptions | undefined,
    handler: () => unknown,
  ): Promise<S extends v.GenericSchema ? v.InferOutput<S> : void> {
    const signal = callOptions?.signal;
    if (signal?.aborted) throw signal.reason;
    const active = !simulation.only || simulation.only.includes(method);
    const sim = active ? simulation : {};
    if (sim.latencyMs) await wait(sim.latencyMs, signal);
    if (sim.offline) throw new NetworkError(`${method}: offline (simulated).`);
    const fail = sim.failWith;
    if (fail === 'network') throw new NetworkError(`${method}: the server could not be reached (simulated).`);
    if (fail === 'timeout')
      throw new TimeoutError(undefined, `${method}: the request timed out (simulated).`);
    if (fail) throw new HttpError(fail.status, fail.problem, fail.retryAfterMs);
    const result = handler();
    if (schema === undefined) return undefined as never;
    const payload = sim.malformed ? MALFORMED : structuredClone(result);
    return parseWith(schema, payload, `${method} response`) as never;
  }

  function wait(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** Validate a request body like the server does: 400 with problem details. */
  function input<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
    try {
      return parseWith(schema, value, what);
    } catch (error) {
      const e = error as SchemaError;
      throw problem(400, 'Invalid request', e.message);
    }
  }

  const participant = () => seed.participants[me];
  const partnerId = (): DemoParticipantId | undefined =>
    participant().partner?.id as DemoParticipantId | undefined;
  const isTaken = (slotId: string) =>
    seed.appointments.some((a) => a.slotId === slotId && a.status === 'booked');
  const inCareTeam = (clinicianId: string) => participant().careTeam.some((c) => c.id === clinicianId);
  const mine = (a: Appointment) => a.participants.some((p) => p.id === me);

  const backend: MemoryBackend = {
    get crisisEvents() {
      return [...ledger.crisisEvents.values()];
    },

    get checkIns() {
      return [...ledger.checkIns.values()];
    },

    simulate(next: Simulation = {}) {
      simulation = { ...next };
    },

    reset() {
      const fresh = structuredClone(ledger.initial);
      Object.assign(seed, fresh);
      ledger.idempotency.clear();
      ledger.crisisEvents.clear();
      ledger.checkIns.clear();
      simulation = {};
    },

    getMe: (o) => call('getMe', ParticipantSchema, o, participant),

    getCrisisResources: (o) =>
      call('getCrisisResources', CrisisResourcesSchema, o, () => ({
        onCall: onCallAt(now()),
        telehealth: { available: seed.telehealth.available },
        ...(seed.chat ? { chat: seed.chat } : {}),
        hotlines: seed.hotlines,
      })),

    startTelehealth: (request, o) =>
      call('startTelehealth', TelehealthSessionSchema, o, () => {
        input(TelehealthRequestSchema, request, 'telehealth request');
        if (!seed.telehealth.available) throw problem(503, 'Telehealth is not available right now');
        const room = `crisis-${me}-${++ledger.counter}`;
        return {
          joinUrl: `${seed.telehealth.origin}/join/${room}`,
          expiresAt: new Date(now().getTime() + 15 * 60_000).toISOString(),
        };
      }),

    logCrisisEvent: (event, o) =>
      call('logCrisisEvent', undefined, o, () => {
        const valid = input(CrisisEventSchema, event, 'crisis event');
        // Idempotent by id: a replay changes nothing.
        if (!ledger.crisisEvents.has(valid.id)) ledger.crisisEvents.set(valid.id, valid);
      }),

    getSafetyPlan: (owner, o) =>
      call('getSafetyPlan', SafetyPlanSchema, o, () => {
        const who = input(PlanOwnerSchema, owner, 'participant') === 'me' ? me : partnerId();
        if (!who) throw problem(404, 'No partner', 'This participant has no partner in the program.');
        if (who !== me && !seed.sharesWith[who].includes(me)) {
          throw problem(403, 'No consent', 'Your partner has not agreed to share their safety plan.');
        }
        return seed.safetyPlans[who];
      }),

    listSlots: (query, o) =>
      call('listSlots', SlotListSchema, o, () => {
        const q = input(SlotQuerySchema, query, 'slot query');
        const from = Date.parse(q.from);
        const to = Date.parse(q.to);
        return seed.slots
          .filter((s) => {
            const start = Date.parse(s.start);
            return (
              s.kind === q.kind && start >= from && start < to && !isTaken(s.id) && inCareTeam(s.clinician.id)
            );
          })
          .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      }),

    listAppointments: (o) =>
      call('listAppointments', AppointmentListSchema, o, () =>
        seed.appointments.filter(mine).sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
      ),

    book: (request, idempotencyKey, o) =>
      call('book', AppointmentSchema, o, () => {
        const req = input(BookingRequestSchema, request, 'booking request');
        const key = `${me}:${idempotencyKey}`;
        const replay = ledger.idempotency.get(key);
        if (replay) {
          // Same key, different request: 422, as the IETF Idempotency-Key draft (and the server) says.
          if (replay.request !== JSON.stringify(req)) {
            throw problem(
              422,
              'Idempotency-Key reused',
              'This key was already used for a different request.',
            );
          }
          return replay.appointment;
        }
        const slot = seed.slots.find((s) => s.id === req.slotId);
        if (!slot) throw problem(404, 'No such slot', `Slot ${req.slotId} does not exist.`);
        if (slot.kind !== req.kind)
          throw problem(422, 'Kind mismatch', `Slot ${slot.id} is not a ${req.kind} slot.`);
        if (Date.parse(slot.start) <= now().getTime())
          throw problem(409, 'Slot in the past', 'This slot has started.');
        if (isTaken(slot.id))
          throw problem(409, 'Slot taken', 'Someone just booked this time. Please pick another.');
        const self = participant();
        const people = [{ id: self.id, displayName: self.displayName }];
        // Couples sessions always book both partners; other kinds when asked.
        if (req.includePartner || req.kind === 'couples') {
          if (!self.partner)
            throw problem(422, 'No partner', 'You have no partner in the program to book with.');
          people.push({ ...self.partner });
        }
        const id = `appt-${++ledger.counter}-${me}`;
        const appointment: Appointment = {
          id,
          slotId: slot.id,
          start: slot.start,
          end: slot.end,
          clinician: slot.clinician,
          participants: people,
          kind: slot.kind,
          status: 'booked',
          joinUrl: `${seed.telehealth.origin}/join/${id}`,
        };
        seed.appointments.push(appointment);
        ledger.idempotency.set(key, { request: JSON.stringify(req), appointment });
        return appointment;
      }),

    cancel: (appointmentId, o) =>
      call('cancel', undefined, o, () => {
        const appointment = seed.appointments.find((a) => a.id === appointmentId && mine(a));
        if (!appointment)
          throw problem(404, 'No such appointment', `Appointment ${appointmentId} was not found.`);
        // Cancelling twice is harmless; the slot becomes free again.
        if (appointment.status === 'booked') appointment.status = 'cancelled';
      }),

    getCoverage: (o) =>
      call('getCoverage', CoverageSchema, o, () => {
        // Like GET /coverage: no plan on file is a 404 (the explainer then shows the self-pay view).
        const coverage = seed.coverage[me] as Coverage | undefined;
        if (!coverage) throw problem(404, 'No coverage', 'There is no insurance plan on file.');
        return coverage;
      }),

    getPreferences: async (o): Promise<VersionedPreferences> => {
      const preferences = await call('getPreferences', PreferencesSchema, o, () => seed.preferences[me]);
      return { preferences, etag: etagOf(preferences.version) };
    },

    updatePreferences: async (patch, ifMatch, o): Promise<VersionedPreferences> => {
      const preferences = await call('updatePreferences', PreferencesSchema, o, () => {
        const change = input(PreferencesPatchSchema, patch, 'preferences change');
        const current = seed.preferences[me];
        if (ifMatch !== etagOf(current.version)) {
          throw problem(412, 'Preferences changed', 'They were changed elsewhere. Reload and try again.');
        }
        const next: Preferences = { version: current.version + 1, petFriendly: change.petFriendly };
        // An absent pet keeps the current one; null removes it.
        const pet = change.pet === undefined ? current.pet : change.pet;
        if (pet) next.pet = pet;
        seed.preferences[me] = next;
        return next;
      });
      return { preferences, etag: etagOf(preferences.version) };
    },

    submitCheckIn: (checkIn, o) =>
      call('submitCheckIn', undefined, o, () => {
        const valid = input(CheckInSubmissionSchema, checkIn, 'check-in');
        // Idempotent by id: a replay changes nothing.
        if (!ledger.checkIns.has(valid.id)) ledger.checkIns.set(valid.id, { ...valid, participant: me });
      }),

    getCheckIns: (since, o) =>
      call('getCheckIns', CheckInHistorySchema, o, () => {
        const from = Date.parse(since);
        if (Number.isNaN(from)) throw problem(400, 'Invalid request', 'since must be an ISO 8601 date-time');
        const recent = (who: DemoParticipantId) =>
          [...ledger.checkIns.values()].filter((c) => c.participant === who && Date.parse(c.at) >= from);
        const partner = participant().partner;
        return {
          ...(options.readSchedule === null
            ? {}
            : { readSchedule: options.readSchedule ?? demoReadSchedule(participant().locale) }),
          // My own, without the screener's answers: the history needs the day's numbers only.
          checkIns: recent(me).map(
            ({ id, at, mood, cravings, usedPlan, note, shareNote, shareMoodWithPartner }) => ({
              id,
              at,
              mood,
              ...(cravings === undefined ? {} : { cravings }),
              usedPlan,
              ...(note ? { note } : {}),
              shareNote,
              shareMoodWithPartner,
            }),
          ),
          // The partner's: the mood of the days they chose to share, and nothing else.
          ...(partner
            ? {
                partner: {
                  displayName: partner.displayName,
                  moods: recent(partner.id as DemoParticipantId)
                    .filter((c) => c.shareMoodWithPartner)
                    .map(({ at, mood }) => ({ at, mood })),
                },
              }
            : {}),
        };
      }),

    getCheckInInstrument: async (o) => {
      const served = await call(
        'getCheckInInstrument',
        v.unknown(),
        o,
        () => options.checkInInstrument ?? null,
      );
      return served === null ? undefined : parseInstrument(served, 'GET /check-ins/instrument response');
    },
  };
  return backend;
}
