/**
 * The iop-kit data contract. zod is the single source: every TypeScript type below is inferred from its
 * schema, the REST adapter and the in-memory adapter parse every response with these schemas, the reference
 * backend validates its input with them, and scripts/build-openapi.ts turns them into openapi.json.
 *
 * Browser code must use `zod/mini` (the classic API would break the size budget).
 *
 * Partial data: for the documents below that call `allowPartial`, an invalid item of a list (or an invalid
 * optional section) is left out and the rest is shown; only an invalid core field refuses the whole document.
 * Every adapter gets this by parsing with `parseWith` (errors.ts). The backend contract docs page lists the cores.
 */
import * as z from 'zod/mini';
import { allowPartial } from './errors.js';

// ---------------------------------------------------------------------------------------------------------
// Building blocks. Every string has a maximum length so a huge or hostile payload is rejected early.

/** Maximum length of a free-text field (a coping strategy, a note, a description). */
export const MAX_TEXT = 2000;
/** Maximum number of items in a list inside one entity (warning signs, contacts, services). */
export const MAX_ITEMS = 200;
/** Maximum number of items in a list response (slots, appointments). */
export const MAX_LIST = 5000;

/** A string of `min` (0: no minimum) to `max` characters (one helper: the schemas ship in the drop-in). */
const str = (min: number, max: number) =>
  min ? z.string().check(z.minLength(min), z.maxLength(max)) : z.string().check(z.maxLength(max));
/** An optional string of at most `max` characters. */
const optStr = (max: number) => z.optional(str(0, max));
/** An array of at most `max` items. */
const list = <T extends z.ZodMiniType>(item: T, max = MAX_ITEMS) => z.array(item).check(z.maxLength(max));
const id = () => str(1, 200);
const name = id;
const text = () => str(1, MAX_TEXT);
const textList = () => list(text());
/** Phone numbers stay strings (short codes, extensions); widgets validate them before making `tel:` links. */
const phone = () => str(1, 40);

/**
 * An absolute http: or https: URL (with `//`, so `https:/path` is refused), as `z.url({ protocol: /^https?$/ })`
 * accepts. A plain refine: zod's URL format brings a whole code path the browser bundle does not need.
 */
export function isHttpUrl(value: string): boolean {
  try {
    return /^https?:\/\//i.test(value) && !!new URL(value);
  } catch {
    return false;
  }
}
const httpUrl = () =>
  z.string().check(z.maxLength(2048), z.refine(isHttpUrl, { error: 'a valid url', abort: true }));

const DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * ISO 8601 date-time with `Z` or an explicit offset and seconds, on a real calendar day, e.g.
 * 2026-11-27T14:00:00-05:00: what `z.iso.datetime({ offset: true })` accepts, without its code path.
 */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const day = new Date(0);
  day.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!);
  return day.getUTCDate() === +m[3]!;
}
const dateTime = () =>
  z.string().check(z.refine(isDateTime, { error: 'an ISO 8601 date-time with offset', abort: true }));
/** Money is always integer cents, never negative. */
const cents = () => z.int().check(z.nonnegative(), z.lte(1_000_000_000));

/** The regions whose hotlines the kit knows. */
export const RegionSchema = z.enum(['US', 'CA', 'GB', 'AU']);
export type Region = z.infer<typeof RegionSchema>;

/** A text line (RFC 5724 `sms:`): the number and an optional pre-filled body such as "HOME". */
export const TextLineSchema = z.object({
  number: phone(),
  body: optStr(160),
});
export type TextLine = z.infer<typeof TextLineSchema>;

// ---------------------------------------------------------------------------------------------------------
// People

export const CareTeamRoleSchema = z.enum([
  'couples-therapist',
  'individual-therapist',
  'substance-use-counselor',
  'psychiatrist',
  'case-manager',
  'benefits-specialist',
]);
export type CareTeamRole = z.infer<typeof CareTeamRoleSchema>;

export const CareTeamMemberSchema = z.object({
  id: id(),
  name: name(),
  role: CareTeamRoleSchema,
  phone: z.optional(phone()),
  credentials: optStr(200),
});
export type CareTeamMember = z.infer<typeof CareTeamMemberSchema>;

/** A person or service on a safety plan or in a benefits section. */
export const ContactSchema = z.object({
  name: name(),
  relationship: optStr(200),
  phone: z.optional(phone()),
  sms: z.optional(TextLineSchema),
  note: optStr(MAX_TEXT),
});
export type Contact = z.infer<typeof ContactSchema>;

/** A participant seen from someone else's record (a partner, a participant of an appointment). */
export const ParticipantRefSchema = z.object({ id: id(), displayName: name() });
export type ParticipantRef = z.infer<typeof ParticipantRefSchema>;

/** GET /me: the participant, their partner and their care team. */
export const ParticipantSchema = allowPartial(
  z.object({
    id: id(),
    displayName: name(),
    pronouns: optStr(100),
    /** IANA time zone, e.g. America/Chicago. */
    timezone: str(1, 100),
    /** BCP 47 language tag, e.g. en-US or es. */
    locale: str(2, 35),
    partner: z.optional(ParticipantRefSchema),
    careTeam: list(CareTeamMemberSchema),
  }),
  // Core: id, display name, time zone, locale.
  ['careTeam[]', 'partner', 'pronouns'],
);
export type Participant = z.infer<typeof ParticipantSchema>;

// ---------------------------------------------------------------------------------------------------------
// Crisis

export const HotlineSchema = z.object({
  id: id(),
  name: name(),
  phone: z.optional(phone()),
  sms: z.optional(TextLineSchema),
  chatUrl: z.optional(httpUrl()),
  description: optStr(MAX_TEXT),
  region: RegionSchema,
});
export type Hotline = z.infer<typeof HotlineSchema>;

/** GET /crisis/resources */
export const CrisisResourcesSchema = allowPartial(
  z.object({
    onCall: z.object({
      clinician: CareTeamMemberSchema,
      phone: phone(),
      /** When this on-call shift ends. */
      until: dateTime(),
      hasSafetyPlanAccess: z.boolean(),
    }),
    telehealth: z.object({ available: z.boolean() }),
    chat: z.optional(z.object({ url: httpUrl() })),
    hotlines: z.optional(list(HotlineSchema)),
  }),
  // Core: the on-call clinician and number, telehealth availability. (The built-in hotlines never depend on it.)
  ['hotlines[]', 'chat'],
);
export type CrisisResources = z.infer<typeof CrisisResourcesSchema>;

/** POST /crisis/telehealth request body. */
export const TelehealthRequestSchema = z.object({
  includePartner: z.boolean(),
  /**
   * Where the person says they are right now (an address, a place, or coordinates they chose to share), for the
   * clinician to send help (DOMAIN.md, "Telehealth emergencies"). Sent with this request only, never stored by
   * the kit; absent when they skipped the question.
   */
  location: z.optional(str(1, 500)),
});
export type TelehealthRequest = z.infer<typeof TelehealthRequestSchema>;

/** POST /crisis/telehealth response. The join URL is opened only if https: and on an allowed origin. */
export const TelehealthSessionSchema = z.object({ joinUrl: httpUrl(), expiresAt: dateTime() });
export type TelehealthSession = z.infer<typeof TelehealthSessionSchema>;

/** The kinds of crisis event the widgets log; they mirror the iop-crisis-* DOM events. */
export const CrisisEventTypeSchema = z.enum(['crisis-open', 'crisis-action', 'crisis-close']);
export type CrisisEventType = z.infer<typeof CrisisEventTypeSchema>;

/** POST /crisis/events body. `id` is the idempotency key: the server stores each id once. */
export const CrisisEventSchema = z.object({
  id: id(),
  type: CrisisEventTypeSchema,
  at: dateTime(),
  /** What the person did, e.g. "call-911", "call-on-call", "telehealth", "hotline", "safety-plan". */
  action: str(1, 100),
  /** What it was done to, e.g. a hotline id or a phone number. */
  target: optStr(500),
});
export type CrisisEvent = z.infer<typeof CrisisEventSchema>;

// ---------------------------------------------------------------------------------------------------------
// Safety plan (Stanley-Brown, six steps plus reasons for living, then the couples section)

export const PetSchema = z.object({
  name: name(),
  species: str(1, 100),
});
export type Pet = z.infer<typeof PetSchema>;

/** Whose plan GET /safety-plans/current returns: mine, or my partner's (with the partner's consent). */
export const PlanOwnerSchema = z.enum(['me', 'partner']);
export type PlanOwner = z.infer<typeof PlanOwnerSchema>;

/** GET /safety-plans/current?participant=me|partner */
export const SafetyPlanSchema = allowPartial(
  z.object({
    id: id(),
    participantId: id(),
    version: z.int().check(z.positive()),
    reviewedAt: dateTime(),
    reviewedBy: z.optional(name()),
    warningSigns: textList(),
    copingStrategies: textList(),
    distractions: z.object({
      people: list(ContactSchema),
      places: textList(),
    }),
    helpContacts: list(ContactSchema),
    professionals: list(ContactSchema),
    environmentSafety: textList(),
    reasonsForLiving: textList(),
    partnerSupport: z.optional(
      z.object({
        howPartnerHelps: textList(),
        deEscalationSteps: textList(),
        groundingTechniques: textList(),
      }),
    ),
    pet: z.optional(z.object({ ...PetSchema.shape, howItHelps: z.optional(text()) })),
  }),
  // Core: id, participant, version, reviewed at, and each list being a list. Any one item may be left out.
  [
    'warningSigns[]',
    'copingStrategies[]',
    'distractions.people[]',
    'distractions.places[]',
    'helpContacts[]',
    'professionals[]',
    'environmentSafety[]',
    'reasonsForLiving[]',
    'partnerSupport.howPartnerHelps[]',
    'partnerSupport.deEscalationSteps[]',
    'partnerSupport.groundingTechniques[]',
    'reviewedBy',
    'pet',
  ],
);
export type SafetyPlan = z.infer<typeof SafetyPlanSchema>;

// ---------------------------------------------------------------------------------------------------------
// Follow-ups

export const SlotKindSchema = z.enum(['crisis-debrief', 'couples', 'individual', 'substance-use']);
export type SlotKind = z.infer<typeof SlotKindSchema>;

/** A check shared by slots and appointments: a time range must end after it starts. */
const endsAfterStart = z.refine<{ start: string; end: string }>(
  (v) => Date.parse(v.end) > Date.parse(v.start),
  {
    message: 'end must be after start',
    path: ['end'],
  },
);

export const SlotSchema = z
  .object({
    id: id(),
    start: dateTime(),
    end: dateTime(),
    clinician: CareTeamMemberSchema,
    kind: SlotKindSchema,
    modality: z.enum(['telehealth']),
  })
  .check(endsAfterStart);
export type Slot = z.infer<typeof SlotSchema>;

/** GET /follow-ups/slots query: free slots of one kind starting in [from, to). */
export const SlotQuerySchema = z.object({ from: dateTime(), to: dateTime(), kind: SlotKindSchema });
export type SlotQuery = z.infer<typeof SlotQuerySchema>;

/** GET /follow-ups/slots response: an invalid slot is left out. */
export const SlotListSchema = allowPartial(list(SlotSchema, MAX_LIST), ['[]']);

export const AppointmentStatusSchema = z.enum(['booked', 'cancelled', 'fulfilled']);
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

export const AppointmentSchema = z
  .object({
    id: id(),
    slotId: id(),
    start: dateTime(),
    end: dateTime(),
    clinician: CareTeamMemberSchema,
    participants: z.array(ParticipantRefSchema).check(z.minLength(1), z.maxLength(10)),
    kind: SlotKindSchema,
    status: AppointmentStatusSchema,
    joinUrl: z.optional(httpUrl()),
  })
  .check(endsAfterStart);
export type Appointment = z.infer<typeof AppointmentSchema>;

/** GET /follow-ups response: an invalid appointment is left out. */
export const AppointmentListSchema = allowPartial(list(AppointmentSchema, MAX_LIST), ['[]']);

/** POST /follow-ups body (with an Idempotency-Key header). */
export const BookingRequestSchema = z.object({
  slotId: id(),
  kind: SlotKindSchema,
  includePartner: z.boolean(),
});
export type BookingRequest = z.infer<typeof BookingRequestSchema>;

// ---------------------------------------------------------------------------------------------------------
// Coverage (PPO)

/** What the member pays for one service: a copay, a coinsurance percentage, or both. */
export const CostShareSchema = z.object({
  copayCents: z.optional(cents()),
  coinsurancePct: z.optional(z.number().check(z.gte(0), z.lte(100))),
  deductibleApplies: z.boolean(),
  priorAuthRequired: z.boolean(),
  /** Visits covered per plan year, when the plan limits them. */
  visitLimit: z.optional(z.int().check(z.positive())),
});
export type CostShare = z.infer<typeof CostShareSchema>;

export const ServiceBenefitSchema = z.object({
  /** A stable key, e.g. "iop-day", used by `<iop-coverage-explainer service="...">`. */
  service: str(1, 100),
  /** Billing code, e.g. S9480 or 90847. */
  code: str(1, 20),
  label: name(),
  inNetwork: CostShareSchema,
  outOfNetwork: z.optional(CostShareSchema),
  /** The clinic's typical allowed amount for one unit of the service (a visit or a day), in cents: the
   * explainer estimates with it at once; an amount the member types replaces it. */
  typicalAllowedCents: z.optional(cents()),
  /** For a per-day program (IOP S9480, SUD IOP H0015, PHP): the clinic's usual schedule, which the
   * explainer's program estimate uses unless `program-days-per-week` and `program-weeks` are set. */
  program: z.optional(
    z.object({
      daysPerWeek: z.int().check(z.gte(1), z.lte(7)),
      weeks: z.int().check(z.gte(1), z.lte(52)),
    }),
  ),
});
export type ServiceBenefit = z.infer<typeof ServiceBenefitSchema>;

/** An amount with how much of it has been met; met can never exceed the total. */
const accumulator = (field: string) =>
  z.object({ individualCents: cents(), metCents: cents() }).check(
    z.refine((v) => v.metCents <= v.individualCents, {
      message: `metCents must not exceed individualCents (${field})`,
      path: ['metCents'],
    }),
  );

/** GET /coverage */
export const CoverageSchema = allowPartial(
  z.object({
    planName: name(),
    planType: z.enum(['PPO']),
    memberIdMasked: str(1, 40),
    asOf: dateTime(),
    deductible: accumulator('deductible'),
    outOfPocketMax: accumulator('outOfPocketMax'),
    services: list(ServiceBenefitSchema),
    benefitsSpecialist: z.optional(ContactSchema),
  }),
  // Core: the plan, its date, the deductible and out-of-pocket maximum (every estimate needs them).
  ['services[]', 'benefitsSpecialist'],
);
export type Coverage = z.infer<typeof CoverageSchema>;

// ---------------------------------------------------------------------------------------------------------
// Preferences

/** GET /preferences (the ETag header carries the same version). */
export const PreferencesSchema = z.object({
  version: z.int().check(z.nonnegative()),
  petFriendly: z.boolean(),
  pet: z.optional(PetSchema),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/** PATCH /preferences body (with If-Match). `pet: null` removes the pet; an absent `pet` leaves it as is. */
export const PreferencesPatchSchema = z.object({
  petFriendly: z.boolean(),
  pet: z.optional(z.nullable(PetSchema)),
});
export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>;

// ---------------------------------------------------------------------------------------------------------
// Errors

/** RFC 9457 problem details (application/problem+json). Extension members are kept. */
export const ProblemSchema = z.looseObject({
  type: optStr(2048),
  title: optStr(MAX_TEXT),
  status: z.optional(z.int().check(z.gte(100), z.lte(599))),
  detail: optStr(MAX_TEXT),
  instance: optStr(2048),
});
export type Problem = z.infer<typeof ProblemSchema>;
