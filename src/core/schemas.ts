/**
 * The iop-kit data contract. These valibot schemas are the single source: every TypeScript type below is
 * inferred from its schema, the REST adapter and the in-memory adapter parse every response with these schemas,
 * the reference backend validates its input with them, and scripts/build-openapi.ts turns them into openapi.json.
 *
 * valibot, not zod/mini, since 2026-12-02: the same schemas cost the drop-in several KB less (docs/size.md).
 *
 * Partial data: for the documents below that call `allowPartial`, an invalid item of a list (or an invalid
 * optional section) is left out and the rest is shown; only an invalid core field refuses the whole document.
 * Every adapter gets this by parsing with `parseWith` (errors.ts). The backend contract docs page lists the cores.
 */
import * as v from 'valibot';
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
  min ? v.pipe(v.string(), v.minLength(min), v.maxLength(max)) : v.pipe(v.string(), v.maxLength(max));
/** An optional string of at most `max` characters. */
const optStr = (max: number) => v.optional(str(0, max));
/** An array of at most `max` items. */
const list = <T extends v.GenericSchema>(item: T, max = MAX_ITEMS) => v.pipe(v.array(item), v.maxLength(max));
const id = () => str(1, 200);
const name = id;
const text = () => str(1, MAX_TEXT);
const textList = () => list(text());
/** Phone numbers stay strings (short codes, extensions); widgets validate them before making `tel:` links. */
const phone = () => str(1, 40);

/**
 * An absolute http: or https: URL (with `//`, so `https:/path` is refused), as zod's
 * `z.url({ protocol: /^https?$/ })` accepts (the OpenAPI document calls it format uri). A plain check.
 */
export function isHttpUrl(value: string): boolean {
  try {
    return /^https?:\/\//i.test(value) && !!new URL(value);
  } catch {
    return false;
  }
}
const httpUrl = () => v.pipe(v.string(), v.maxLength(2048), v.check(isHttpUrl, 'a valid url'));

const DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * ISO 8601 date-time with `Z` or an explicit offset and seconds, on a real calendar day, e.g.
 * 2026-11-27T14:00:00-05:00: what zod's `z.iso.datetime({ offset: true })` accepts (the OpenAPI document's
 * format and pattern).
 */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const day = new Date(0);
  day.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!);
  return day.getUTCDate() === +m[3]!;
}
const dateTime = () => v.pipe(v.string(), v.check(isDateTime, 'an ISO 8601 date-time with offset'));
/** An integer above 0. */
const positiveInt = () => v.pipe(v.number(), v.integer(), v.gtValue(0));
/** An integer from `min` to `max`. */
const intIn = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
/** Money is always integer cents, never negative. */
const cents = () => intIn(0, 1_000_000_000);

/** The regions whose hotlines the kit knows. */
export const RegionSchema = v.picklist(['US', 'CA', 'GB', 'AU']);
export type Region = v.InferOutput<typeof RegionSchema>;

/** A text line (RFC 5724 `sms:`): the number and an optional pre-filled body such as "HOME". */
export const TextLineSchema = v.object({
  number: phone(),
  body: optStr(160),
});
export type TextLine = v.InferOutput<typeof TextLineSchema>;

// ---------------------------------------------------------------------------------------------------------
// People

export const CareTeamRoleSchema = v.picklist([
  'couples-therapist',
  'individual-therapist',
  'substance-use-counselor',
  'psychiatrist',
  'case-manager',
  'benefits-specialist',
]);
export type CareTeamRole = v.InferOutput<typeof CareTeamRoleSchema>;

export const CareTeamMemberSchema = v.object({
  id: id(),
  name: name(),
  role: CareTeamRoleSchema,
  phone: v.optional(phone()),
  credentials: optStr(200),
});
export type CareTeamMember = v.InferOutput<typeof CareTeamMemberSchema>;

/** A person or service on a safety plan or in a benefits section. */
export const ContactSchema = v.object({
  name: name(),
  relationship: optStr(200),
  phone: v.optional(phone()),
  sms: v.optional(TextLineSchema),
  note: optStr(MAX_TEXT),
});
export type Contact = v.InferOutput<typeof ContactSchema>;

/** A participant seen from someone else's record (a partner, a participant of an appointment). */
export const ParticipantRefSchema = v.object({ id: id(), displayName: name() });
export type ParticipantRef = v.InferOutput<typeof ParticipantRefSchema>;

/** GET /me: the participant, their partner and their care team. */
export const ParticipantSchema = allowPartial(
  v.object({
    id: id(),
    displayName: name(),
    pronouns: optStr(100),
    /** IANA time zone, e.g. America/Chicago. */
    timezone: str(1, 100),
    /** BCP 47 language tag, e.g. en-US or es. */
    locale: str(2, 35),
    partner: v.optional(ParticipantRefSchema),
    careTeam: list(CareTeamMemberSchema),
  }),
  // Core: id, display name, time zone, locale.
  ['careTeam[]', 'partner', 'pronouns'],
);
export type Participant = v.InferOutput<typeof ParticipantSchema>;

// ---------------------------------------------------------------------------------------------------------
// Crisis

export const HotlineSchema = v.object({
  id: id(),
  name: name(),
  phone: v.optional(phone()),
  sms: v.optional(TextLineSchema),
  chatUrl: v.optional(httpUrl()),
  description: optStr(MAX_TEXT),
  region: RegionSchema,
});
export type Hotline = v.InferOutput<typeof HotlineSchema>;

/** GET /crisis/resources */
export const CrisisResourcesSchema = allowPartial(
  v.object({
    onCall: v.object({
      clinician: CareTeamMemberSchema,
      phone: phone(),
      /** When this on-call shift ends. */
      until: dateTime(),
      hasSafetyPlanAccess: v.boolean(),
    }),
    telehealth: v.object({ available: v.boolean() }),
    chat: v.optional(v.object({ url: httpUrl() })),
    hotlines: v.optional(list(HotlineSchema)),
  }),
  // Core: the on-call clinician and number, telehealth availability. (The built-in hotlines never depend on it.)
  ['hotlines[]', 'chat'],
);
export type CrisisResources = v.InferOutput<typeof CrisisResourcesSchema>;

/** POST /crisis/telehealth request body. */
export const TelehealthRequestSchema = v.object({
  includePartner: v.boolean(),
  /**
   * Where the person says they are right now (an address, a place, or coordinates they chose to share), for the
   * clinician to send help (DOMAIN.md, "Telehealth emergencies"). Sent with this request only, never stored by
   * the kit; absent when they skipped the question.
   */
  location: v.optional(str(1, 500)),
});
export type TelehealthRequest = v.InferOutput<typeof TelehealthRequestSchema>;

/** POST /crisis/telehealth response. The join URL is opened only if https: and on an allowed origin. */
export const TelehealthSessionSchema = v.object({ joinUrl: httpUrl(), expiresAt: dateTime() });
export type TelehealthSession = v.InferOutput<typeof TelehealthSessionSchema>;

/** The kinds of crisis event the widgets log; they mirror the iop-crisis-* DOM events. */
export const CrisisEventTypeSchema = v.picklist(['crisis-open', 'crisis-action', 'crisis-close']);
export type CrisisEventType = v.InferOutput<typeof CrisisEventTypeSchema>;

/** POST /crisis/events body. `id` is the idempotency key: the server stores each id once. */
export const CrisisEventSchema = v.object({
  id: id(),
  type: CrisisEventTypeSchema,
  at: dateTime(),
  /** What the person did, e.g. "call-911", "call-on-call", "telehealth", "hotline", "safety-plan". */
  action: str(1, 100),
  /** What it was done to, e.g. a hotline id or a phone number. */
  target: optStr(500),
});
export type CrisisEvent = v.InferOutput<typeof CrisisEventSchema>;

// ---------------------------------------------------------------------------------------------------------
// Safety plan (Stanley-Brown, six steps plus reasons for living, then the couples section)

export const PetSchema = v.object({
  name: name(),
  species: str(1, 100),
});
export type Pet = v.InferOutput<typeof PetSchema>;

/** Whose plan GET /safety-plans/current returns: mine, or my partner's (with the partner's consent). */
export const PlanOwnerSchema = v.picklist(['me', 'partner']);
export type PlanOwner = v.InferOutput<typeof PlanOwnerSchema>;

/** GET /safety-plans/current?participant=me|partner */
export const SafetyPlanSchema = allowPartial(
  v.object({
    id: id(),
    participantId: id(),
    version: positiveInt(),
    reviewedAt: dateTime(),
    reviewedBy: v.optional(name()),
    warningSigns: textList(),
    copingStrategies: textList(),
    distractions: v.object({
      people: list(ContactSchema),
      places: textList(),
    }),
    helpContacts: list(ContactSchema),
    professionals: list(ContactSchema),
    environmentSafety: textList(),
    reasonsForLiving: textList(),
    partnerSupport: v.optional(
      v.object({
        howPartnerHelps: textList(),
        deEscalationSteps: textList(),
        groundingTechniques: textList(),
      }),
    ),
    pet: v.optional(v.object({ ...PetSchema.entries, howItHelps: v.optional(text()) })),
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
export type SafetyPlan = v.InferOutput<typeof SafetyPlanSchema>;

// ---------------------------------------------------------------------------------------------------------
// Follow-ups

export const SlotKindSchema = v.picklist(['crisis-debrief', 'couples', 'individual', 'substance-use']);
export type SlotKind = v.InferOutput<typeof SlotKindSchema>;

/** A check shared by slots and appointments: a time range must end after it starts. */
const endsAfterStart = <T extends { start: string; end: string }>() =>
  v.forward<T, v.CheckIssue<T>, ['end']>(
    v.check<T, string>((x) => Date.parse(x.end) > Date.parse(x.start), 'end must be after start'),
    ['end'] as never, // a valid path for every such T; valibot's path type cannot see that through the generic
  );

const SlotObjectSchema = v.object({
  id: id(),
  start: dateTime(),
  end: dateTime(),
  clinician: CareTeamMemberSchema,
  kind: SlotKindSchema,
  modality: v.picklist(['telehealth']),
});
export const SlotSchema = v.pipe(SlotObjectSchema, endsAfterStart<v.InferOutput<typeof SlotObjectSchema>>());
export type Slot = v.InferOutput<typeof SlotSchema>;

/** GET /follow-ups/slots query: free slots of one kind starting in [from, to). */
export const SlotQuerySchema = v.object({ from: dateTime(), to: dateTime(), kind: SlotKindSchema });
export type SlotQuery = v.InferOutput<typeof SlotQuerySchema>;

/** GET /follow-ups/slots response: an invalid slot is left out. */
export const SlotListSchema = allowPartial(list(SlotSchema, MAX_LIST), ['[]']);

export const AppointmentStatusSchema = v.picklist(['booked', 'cancelled', 'fulfilled']);
export type AppointmentStatus = v.InferOutput<typeof AppointmentStatusSchema>;

const AppointmentObjectSchema = v.object({
  id: id(),
  slotId: id(),
  start: dateTime(),
  end: dateTime(),
  clinician: CareTeamMemberSchema,
  participants: v.pipe(v.array(ParticipantRefSchema), v.minLength(1), v.maxLength(10)),
  kind: SlotKindSchema,
  status: AppointmentStatusSchema,
  joinUrl: v.optional(httpUrl()),
});
export const AppointmentSchema = v.pipe(
  AppointmentObjectSchema,
  endsAfterStart<v.InferOutput<typeof AppointmentObjectSchema>>(),
);
export type Appointment = v.InferOutput<typeof AppointmentSchema>;

/** GET /follow-ups response: an invalid appointment is left out. */
export const AppointmentListSchema = allowPartial(list(AppointmentSchema, MAX_LIST), ['[]']);

/** POST /follow-ups body (with an Idempotency-Key header). */
export const BookingRequestSchema = v.object({
  slotId: id(),
  kind: SlotKindSchema,
  includePartner: v.boolean(),
});
export type BookingRequest = v.InferOutput<typeof BookingRequestSchema>;

// ---------------------------------------------------------------------------------------------------------
// Coverage (PPO)

/** What the member pays for one service: a copay, a coinsurance percentage, or both. */
export const CostShareSchema = v.object({
  copayCents: v.optional(cents()),
  coinsurancePct: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
  deductibleApplies: v.boolean(),
  priorAuthRequired: v.boolean(),
  /** Visits covered per plan year, when the plan limits them. */
  visitLimit: v.optional(positiveInt()),
});
export type CostShare = v.InferOutput<typeof CostShareSchema>;

export const ServiceBenefitSchema = v.object({
  /** A stable key, e.g. "iop-day", used by `<iop-coverage-explainer service="...">`. */
  service: str(1, 100),
  /** Billing code, e.g. S9480 or 90847. */
  code: str(1, 20),
  label: name(),
  inNetwork: CostShareSchema,
  outOfNetwork: v.optional(CostShareSchema),
  /** The clinic's typical allowed amount for one unit of the service (a visit or a day), in cents: the
   * explainer estimates with it at once; an amount the member types replaces it. */
  typicalAllowedCents: v.optional(cents()),
  /** For a per-day program (IOP S9480, SUD IOP H0015, PHP): the clinic's usual schedule, which the
   * explainer's program estimate uses unless `program-days-per-week` and `program-weeks` are set. */
  program: v.optional(
    v.object({
      daysPerWeek: intIn(1, 7),
      weeks: intIn(1, 52),
    }),
  ),
});
export type ServiceBenefit = v.InferOutput<typeof ServiceBenefitSchema>;

/** An amount with how much of it has been met; met can never exceed the total. */
const accumulator = (field: string) =>
  v.pipe(
    v.object({ individualCents: cents(), metCents: cents() }),
    v.forward(
      v.check(
        (x: { individualCents: number; metCents: number }) => x.metCents <= x.individualCents,
        `metCents must not exceed individualCents (${field})`,
      ),
      ['metCents'],
    ),
  );

/** GET /coverage */
export const CoverageSchema = allowPartial(
  v.object({
    planName: name(),
    planType: v.picklist(['PPO']),
    memberIdMasked: str(1, 40),
    asOf: dateTime(),
    deductible: accumulator('deductible'),
    outOfPocketMax: accumulator('outOfPocketMax'),
    services: list(ServiceBenefitSchema),
    benefitsSpecialist: v.optional(ContactSchema),
  }),
  // Core: the plan, its date, the deductible and out-of-pocket maximum (every estimate needs them).
  ['services[]', 'benefitsSpecialist'],
);
export type Coverage = v.InferOutput<typeof CoverageSchema>;

// ---------------------------------------------------------------------------------------------------------
// Preferences

/** GET /preferences (the ETag header carries the same version). */
export const PreferencesSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  petFriendly: v.boolean(),
  pet: v.optional(PetSchema),
});
export type Preferences = v.InferOutput<typeof PreferencesSchema>;

/** PATCH /preferences body (with If-Match). `pet: null` removes the pet; an absent `pet` leaves it as is. */
export const PreferencesPatchSchema = v.object({
  petFriendly: v.boolean(),
  pet: v.optional(v.nullable(PetSchema)),
});
export type PreferencesPatch = v.InferOutput<typeof PreferencesPatchSchema>;

// ---------------------------------------------------------------------------------------------------------
// Errors

/** RFC 9457 problem details (application/problem+json). Extension members are kept. */
export const ProblemSchema = v.looseObject({
  type: optStr(2048),
  title: optStr(MAX_TEXT),
  status: v.optional(intIn(100, 599)),
  detail: optStr(MAX_TEXT),
  instance: optStr(2048),
});
export type Problem = v.InferOutput<typeof ProblemSchema>;
