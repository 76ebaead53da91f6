/**
 * The FHIR R4 adapter: implements Backend over plain FHIR REST exactly as DESIGN.md's mapping table says
 * (search, batch reads `_id=a,b,c` instead of `_include`, conditional create with If-None-Exist, update with
 * If-Match). Requests go through the same machinery as the REST adapter (../http.ts); OperationOutcome errors
 * become HttpError with the outcome's text. Every resource is parsed by a schema of just the fields used
 * (fhir-schemas.ts), turned into the kit's own types and validated by the kit's schemas, so widgets do not
 * change. Loaded as its own chunk, only when `backend: 'fhir'` is configured (create-backend.ts).
 */
import * as v from 'valibot';
import type { Backend, CallOptions, VersionedPreferences } from '../backend.js';
import type { IopConfig } from '../../config.js';
import { HttpError, SchemaError, parseWith } from '../../errors.js';
import { createHttp, type HttpDeps } from '../http.js';
import {
  AppointmentListSchema,
  AppointmentSchema as KitAppointmentSchema,
  BookingRequestSchema,
  CareTeamRoleSchema,
  CoverageSchema,
  CrisisEventSchema,
  CrisisResourcesSchema,
  ParticipantSchema,
  PlanOwnerSchema,
  PreferencesPatchSchema,
  PreferencesSchema,
  ProblemSchema,
  SafetyPlanSchema,
  SlotListSchema,
  SlotQuerySchema,
  TelehealthRequestSchema,
  TelehealthSessionSchema,
  type Appointment,
  type CareTeamMember,
  type CareTeamRole,
  type Contact,
  type CostShare,
  type ParticipantRef,
  type Problem,
  type SafetyPlan,
  type ServiceBenefit,
} from '../../schemas.js';
import {
  AppointmentSchema,
  BasicSchema,
  BundleSchema,
  CarePlanSchema,
  CareTeamSchema,
  CoverageSchema as FhirCoverageSchema,
  EligibilitySchema,
  InsurancePlanSchema,
  OperationOutcomeSchema,
  PersonSchema,
  OrganizationSchema,
  PatientSchema,
  PractitionerRoleSchema,
  RawSchema,
  ScheduleSchema,
  SlotSchema,
  type Concept,
  type Extension,
  type FhirAppointment,
  type Names,
  type Quantity,
  type Raw,
  type Reference,
  type Telecom,
} from './fhir-schemas.js';
import {
  CheckInHistorySchema,
  CheckInSubmissionSchema,
  CheckInSummarySchema,
} from '../../check-in/check-in-schemas.js';

/** The kit's own code systems and extensions (DESIGN.md: `urn:iop-kit:fhir:<name>`). */
const KIT = 'urn:iop-kit:fhir:';
const ROLE = `${KIT}role`;
const CATEGORY = `${KIT}category`;
const SECTION = `${KIT}plan-section`;
const KIND = `${KIT}follow-up-kind`;
const BOOKING = `${KIT}booking`;
const CRISIS_EVENT = `${KIT}crisis-event`;
const FOLLOW_UP = `${KIT}crisis-follow-up`;
const QUALIFIER = `${KIT}cost-qualifier`;
const SERVICE = `${KIT}service`;
const PROGRAM_DAYS = `${KIT}program-days-per-week`;
const PROGRAM_WEEKS = `${KIT}program-weeks`;
const PLAN_VERSION = `${KIT}plan-version`;
const PLAN_ACCESS = `${KIT}safety-plan-access`;
const JOIN_URL = `${KIT}join-url`;
const PET_FRIENDLY = `${KIT}pet-friendly`;
const PET_NAME = `${KIT}pet-name`;
const PET_SPECIES = `${KIT}pet-species`;
const CHECK_IN = `${KIT}check-in`;
const CHECK_IN_RISK = `${KIT}check-in-risk`;
const SHARE_NOTE = `${KIT}share-note`;
const SHARE_MOOD = `${KIT}share-mood-with-partner`;
/** The check-in's own items in its QuestionnaireResponse, beside the screener's (their linkIds are the kit's). */
const DAILY = {
  mood: 'iop-kit-mood',
  cravings: 'iop-kit-cravings',
  usedPlan: 'iop-kit-used-plan',
  note: 'iop-kit-note',
};
const TIMEZONE = 'http://hl7.org/fhir/StructureDefinition/timezone';
const ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
const PARTNER_ROLES = ['DOMPART', 'SPS', 'SIGOTHR'];
/** Task states in which the care team still has the follow-up to do. */
const OPEN_TASK = 'draft,requested,received,accepted,ready,in-progress,on-hold';
/** The ETag of preferences that do not exist yet (never a server's version). */
const NO_PREFERENCES = 'W/"none"';
const DAY_MS = 24 * 3600e3;
/** Searches stop after this many pages (a hostile or broken server cannot keep the adapter paging). */
const MAX_PAGES = 50;

/** The part of the configuration the FHIR adapter reads. */
export type FhirConfig = Pick<
  IopConfig,
  'baseUrl' | 'getAccessToken' | 'timeoutMs' | 'retries' | 'fetch' | 'patient' | 'telehealth'
>;

export interface FhirDeps extends HttpDeps {
  /** `_count` of each search page (100 by default; tests page with less). */
  pageSize?: number;
}

type Schema<T> = v.GenericSchema<unknown, T>;
type Options = CallOptions | undefined;

/** An HttpError made here, worded like the server's would be. */
const fail = (status: number, title: string, detail: string) =>
  new HttpError(status, { title, status, detail });
const justTaken = () => fail(409, 'Slot taken', 'Someone just booked this time. Please pick another.');

/** The id in a reference to a resource of `type` (relative or absolute, with or without _history). */
export function idOf(reference: string | undefined, type: string): string | undefined {
  const match = new RegExp(`(?:^|/)${type}/([A-Za-z0-9.-]{1,64})(?:/_history/[^/]+)?$`).exec(reference ?? '');
  return match?.[1];
}

const codings = (concepts: (Concept | undefined)[] | undefined) =>
  (concepts ?? []).flatMap((c) => c?.coding ?? []);
/** The code from `system` among these concepts. */
const codeIn = (concepts: (Concept | undefined)[] | undefined, system: string) =>
  codings(concepts).find((c) => c.system === system)?.code;
const hasCode = (concept: Concept | undefined, code: string) =>
  codings([concept]).some((c) => c.code === code);
const extension = (resource: { extension?: Extension[] | undefined }, url: string) =>
  resource.extension?.find((e) => e.url === url);
const telecom = (points: Telecom[] | undefined, system: string) =>
  points?.find((p) => p.system === system && p.value)?.value;

/** A display name: the text, or the given names and family of the first name. */
function nameOf(names: Names): string | undefined {
  const name = names?.[0];
  return name?.text || [...(name?.given ?? []), name?.family].filter(Boolean).join(' ') || undefined;
}

/** A FHIR date or partial date-time as the kit's ISO date-time with offset (a date alone: midnight UTC). */
function dateTime(value: string | undefined): string | undefined {
  const date = value && /^(\d{4})(-\d\d)?(-\d\d)?$/.exec(value);
  return date ? `${date[1]}${date[2] ?? '-01'}${date[3] ?? '-01'}T00:00:00Z` : value;
}

/** A positive integer version: the kit's extension, else the server's version when it is a number. */
function versionOf(
  resource: Raw | { meta?: { versionId?: string | undefined } | undefined },
  ext?: Extension,
) {
  const given = ext?.valuePositiveInt ?? ext?.valueInteger;
  const server = (resource.meta as { versionId?: string } | undefined)?.versionId;
  return given ?? (server && /^\d+$/.test(server) ? Number(server) : 1);
}

/** Create the FHIR R4 adapter for `config.patient` at `config.baseUrl`. */
export function createFhirBackend(config: FhirConfig, deps: FhirDeps = {}): Backend {
  const base = new URL(`${config.baseUrl!.replace(/\/+$/, '')}/`, globalThis.location?.href);
  const patient = config.patient!;
  const patientId = idOf(patient, 'Patient')!;
  const pageSize = String(deps.pageSize ?? 100);
  const now = deps.now ?? Date.now;
  const http = createHttp(config, deps, {
    accept: 'application/fhir+json',
    contentType: 'application/fhir+json',
    problemOf(json, status): Problem | undefined {
      const outcome = v.safeParse(OperationOutcomeSchema, json);
      if (!outcome.success) {
        const problem = v.safeParse(ProblemSchema, json);
        return problem.success ? problem.output : undefined;
      }
      const text = (outcome.output.issue ?? [])
        .map((i) => i.details?.text ?? i.diagnostics)
        .filter(Boolean)
        .join('; ');
      return text ? { title: text, status, detail: text } : undefined;
    },
  });

  const urlFor = (path: string, query: [string, string][] = []) => {
    const url = new URL(path, base);
    for (const [key, value] of query) url.searchParams.append(key, value);
    return url.href;
  };

  /** Read one resource: parsed, as sent (for updates), and its ETag for If-Match. */
  async function read<T>(path: string, schema: Schema<T>, o: Options) {
    const type = path.split('/')[0];
    const { data: raw, headers } = await http.get(urlFor(path), `GET ${type}`, RawSchema, o);
    const etag = headers.get('ETag') ?? `W/"${(raw.meta as { versionId?: string } | undefined)?.versionId}"`;
    return { raw, etag, data: parseWith(schema, raw, `FHIR ${type}/${raw.id}`) };
  }

  /**
   * Search `type`, following the server's `next` links (only on the server's own origin: the token goes
   * nowhere else); a server without them (Medplum) is paged with `_offset` while its `total` says there is
   * more. Entries of other types (an OperationOutcome with search mode "outcome") are left out; each result
   * once, in the server's order. `first`: one page is enough (a `_count=1` search).
   */
  async function search<T extends { id: string }>(
    type: string,
    query: [string, string][],
    schema: Schema<T>,
    o: Options,
    first = false,
  ): Promise<T[]> {
    const found = new Map<string, T>();
    const withCount: [string, string][] = query.some(([k]) => k === '_count')
      ? query
      : [...query, ['_count', pageSize]];
    let next: string | undefined = urlFor(type, withCount);
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const { data }: { data: v.InferOutput<typeof BundleSchema> } = await http.get(
        next,
        `GET ${type}`,
        BundleSchema,
        o,
      );
      const before = found.size;
      data.entry?.forEach(({ resource }, i) => {
        if (resource?.resourceType === type)
          found.set(resource.id, parseWith(schema, resource, `FHIR ${type} search, entry ${i}`));
      });
      const link: string | undefined = data.link?.find((l) => l.relation === 'next')?.url;
      const onOrigin: string | undefined =
        link && new URL(link, base).origin === base.origin ? link : undefined;
      next =
        first || found.size === before
          ? undefined
          : (onOrigin ??
            ((data.total ?? 0) > found.size
              ? urlFor(type, [...withCount, ['_offset', String(found.size)]])
              : undefined));
    }
    return [...found.values()];
  }

  /** Batch read of references (no `_include` assumed): `type?_id=a,b,c`, as a map by id. */
  async function readMany<T extends { id: string }>(
    type: string,
    ids: (string | undefined)[],
    schema: Schema<T>,
    o: Options,
  ): Promise<Map<string, T>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    const found = new Map<string, T>();
    // 50 ids keep the URL short for any server.
    for (let i = 0; i < unique.length; i += 50) {
      const batch = unique.slice(i, i + 50);
      for (const item of await search(type, [['_id', batch.join(',')]], schema, o)) found.set(item.id, item);
    }
    return found;
  }

  /** The people who matter to every call: me, my partner (a Patient) and my care team's practitioners. */
  async function team(o: Options) {
    const [me, teams] = await Promise.all([
      read(patient, PatientSchema, o),
      search(
        'CareTeam',
        [
          ['subject', patient],
          ['status', 'active'],
        ],
        CareTeamSchema,
        o,
      ),
    ]);
    const roles = new Map<string, CareTeamRole>();
    let partnerId: string | undefined;
    for (const participant of teams.flatMap((t) => t.participant ?? [])) {
      const member = participant.member?.reference;
      const codes = codings(participant.role);
      const role = v.safeParse(CareTeamRoleSchema, codes.find((c) => c.system === ROLE)?.code);
      const practitioner = idOf(member, 'Practitioner');
      // Unknown role codes are skipped: the kit only shows the roles it can name.
      if (practitioner && role.success && !roles.has(practitioner)) roles.set(practitioner, role.output);
      const other = idOf(member, 'Patient');
      if (
        other &&
        other !== patientId &&
        codes.some((c) => c.system === ROLE_CODE && PARTNER_ROLES.includes(c.code!))
      )
        partnerId ??= other;
    }
    const [practitioners, partners] = await Promise.all([
      readMany('Practitioner', [...roles.keys()], PersonSchema, o),
      readMany('Patient', [partnerId], PatientSchema, o),
    ]);
    const members: CareTeamMember[] = [];
    for (const [id, role] of roles) {
      const p = practitioners.get(id);
      const name = p && nameOf(p.name);
      if (name)
        members.push({
          id,
          name,
          role,
          phone: telecom(p.telecom, 'phone'),
          credentials: p.qualification?.[0]?.code.text,
        });
    }
    const partnerName = partnerId && nameOf(partners.get(partnerId)?.name);
    const partner: ParticipantRef | undefined = partnerName
      ? { id: partnerId!, displayName: partnerName }
      : undefined;
    return { me: me.data, myName: nameOf(me.data.name), members, partner };
  }
  type Team = Awaited<ReturnType<typeof team>>;

  /** The kit's Appointment for a FHIR one, or undefined when it cannot be shown (no known clinician). */
  function appointmentFrom(a: FhirAppointment, t: Team): Appointment | undefined {
    const refs = (a.participant ?? []).map((p) => p.actor?.reference);
    const clinician = t.members.find((m) => refs.some((r) => idOf(r, 'Practitioner') === m.id));
    const people: ParticipantRef[] = [];
    for (const ref of refs) {
      const id = idOf(ref, 'Patient');
      if (id === patientId && t.myName) people.push({ id, displayName: t.myName });
      else if (id && id === t.partner?.id) people.push(t.partner);
    }
    const status = /^(booked|arrived|checked-in)$/.test(a.status)
      ? 'booked'
      : /^(cancelled|noshow)$/.test(a.status)
        ? 'cancelled'
        : a.status === 'fulfilled'
          ? 'fulfilled'
          : undefined;
    const kind = codeIn(a.serviceType, KIND);
    if (!clinician || !status || !kind) return undefined;
    return {
      id: a.id,
      slotId: idOf(a.slot?.[0]?.reference, 'Slot') ?? a.id,
      start: a.start!,
      end: a.end!,
      clinician,
      participants: people,
      kind: kind as Appointment['kind'],
      status,
      joinUrl: extension(a, JOIN_URL)?.valueUrl,
    };
  }

  /** PUT with If-Match; a 412 runs `change` again on a fresh read (at most three tries). */
  async function update(path: string, change: (raw: Raw) => Raw | undefined, o: Options) {
    for (let attempt = 0; ; attempt++) {
      const { raw, etag } = await read(path, RawSchema, o);
      const next = change(raw);
      if (!next) return;
      try {
        await http.send('PUT', urlFor(path), `PUT ${path.split('/')[0]}`, RawSchema, o?.signal, next, {
          'If-Match': etag,
        });
        return;
      } catch (error) {
        if (!(error instanceof HttpError && error.status === 412) || attempt === 2) throw error;
      }
    }
  }

  const findPreferences = async (o: Options) =>
    (
      await search(
        'Basic',
        [
          ['subject', patient],
          ['code', `${CATEGORY}|session-preferences`],
        ],
        RawSchema,
        o,
        true,
      )
    )[0];

  function preferencesFrom(raw: Raw | undefined, etag?: string | null): VersionedPreferences {
    if (!raw) return { preferences: { version: 0, petFriendly: false }, etag: NO_PREFERENCES };
    const basic = parseWith(BasicSchema, raw, `FHIR Basic/${raw.id}`);
    const name = extension(basic, PET_NAME)?.valueString;
    const species = extension(basic, PET_SPECIES)?.valueString;
    const preferences = parseWith(
      PreferencesSchema,
      {
        version: versionOf(basic),
        petFriendly: extension(basic, PET_FRIENDLY)?.valueBoolean ?? false,
        ...(name && species ? { pet: { name, species } } : {}),
      },
      `FHIR Basic/${raw.id}`,
    );
    return { preferences, etag: etag ?? `W/"${basic.meta?.versionId}"` };
  }

  /** An amount of money in cents; only US dollars (the kit explains US plans), otherwise a SchemaError. */
  function cents(
    amount: { value?: number | undefined; currency?: string | undefined } | undefined,
    path: string,
  ) {
    if (amount?.value === undefined) return undefined;
    if (amount.currency && amount.currency !== 'USD')
      throw new SchemaError(
        path,
        `an amount in USD (got ${amount.currency}): the kit explains US plans only`,
        'FHIR coverage',
      );
    return Math.round(amount.value * 100);
  }
  const quantityMoney = (q: Quantity | undefined, path: string) =>
    cents(q && { value: q.value, currency: q.code ?? q.unit }, path);

  /**
   * The care team's work item: the debrief within 24 hours (a Task), unless one is still open. Keyed by what
   * asked for it (a crisis event or a check-in), so a retry adds none.
   */
  async function openFollowUp(key: string, at: string, focus: string, o: Options): Promise<void> {
    const open = await search(
      'Task',
      [
        ['code', `${CATEGORY}|crisis-follow-up`],
        ['subject', patient],
        ['status', OPEN_TASK],
      ],
      RawSchema,
      o,
      true,
    );
    if (open.length) return;
    await http.send(
      'POST',
      urlFor('Task'),
      'POST Task',
      undefined,
      o?.signal,
      {
        resourceType: 'Task',
        identifier: [{ system: FOLLOW_UP, value: key }],
        status: 'requested',
        intent: 'order',
        priority: 'asap',
        code: { coding: [{ system: CATEGORY, code: 'crisis-follow-up' }] },
        focus: { reference: focus },
        for: { reference: patient },
        authoredOn: at,
        restriction: { period: { end: new Date(Date.parse(at) + DAY_MS).toISOString() } },
      },
      { 'If-None-Exist': `identifier=${encodeURIComponent(`${FOLLOW_UP}|${key}`)}` },
    );
  }

  /** A subject's check-ins since `since` (QuestionnaireResponses the kit wrote), oldest first. */
  async function checkInsOf(subject: string, since: string, o: Options) {
    const found = await search(
      'QuestionnaireResponse',
      [
        ['subject', subject],
        ['authored', `ge${since}`],
      ],
      RawSchema,
      o,
    );
    return found
      .map((r) => r as unknown as CheckInResource)
      .filter((r) => r.identifier?.system === CHECK_IN && r.authored)
      .sort((a, b) => Date.parse(a.authored!) - Date.parse(b.authored!));
  }

  return {
    async getMe(o) {
      const t = await team(o);
      const preferred = t.me.communication?.find((c) => c.preferred) ?? t.me.communication?.[0];
      return parseWith(
        ParticipantSchema,
        {
          id: patientId,
          displayName: t.myName,
          timezone: extension(t.me, TIMEZONE)?.valueCode ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
          locale: preferred?.language.coding?.[0]?.code ?? globalThis.navigator?.language ?? 'en',
          partner: t.partner,
          careTeam: t.members,
        },
        'FHIR Patient and CareTeam',
      );
    },

    async getCrisisResources(o) {
      const at = now();
      const roles = await search(
        'PractitionerRole',
        [
          ['role', `${ROLE}|on-call`],
          ['active', 'true'],
          ['date', new Date(at).toISOString()],
        ],
        PractitionerRoleSchema,
        o,
      );
      // The server's date match is checked again here: the shift must have begun and not ended.
      const shift = roles.find(
        (r) => !(Date.parse(r.period?.start ?? '') > at) && !(Date.parse(r.period?.end ?? '') <= at),
      );
      if (!shift) throw fail(404, 'No one on call', 'No on-call PractitionerRole covers this time.');
      const practitionerId = idOf(shift.practitioner?.reference, 'Practitioner');
      const practitioner = (await readMany('Practitioner', [practitionerId], PersonSchema, o)).get(
        practitionerId!,
      );
      // The clinician's role: a kit role code beside on-call, else their role on my care team.
      let role = codings(shift.code).find((c) => c.system === ROLE && c.code !== 'on-call')?.code;
      role ??= (await team(o)).members.find((m) => m.id === practitionerId)?.role;
      const chatUrl = config.telehealth?.chatUrl;
      return parseWith(
        CrisisResourcesSchema,
        {
          onCall: {
            clinician: {
              id: practitionerId,
              name: practitioner && nameOf(practitioner.name),
              role,
              phone: telecom(practitioner?.telecom, 'phone'),
              credentials: practitioner?.qualification?.[0]?.code.text,
            },
            phone: telecom(shift.telecom, 'phone') ?? telecom(practitioner?.telecom, 'phone'),
            until: shift.period?.end,
            hasSafetyPlanAccess: extension(shift, PLAN_ACCESS)?.valueBoolean ?? false,
          },
          telehealth: { available: !!config.telehealth },
          ...(chatUrl ? { chat: { url: chatUrl } } : {}),
        },
        'FHIR on-call PractitionerRole',
      );
    },

    async startTelehealth(request, o) {
      const valid = parseWith(TelehealthRequestSchema, request, 'telehealth request');
      const telehealth = config.telehealth;
      if (!telehealth)
        throw fail(503, 'Telehealth is not available', 'No telehealth service is configured for this EHR.');
      const partner = valid.includePartner ? (await team(o)).partner : undefined;
      const started = await telehealth.start(
        { ...valid, patient, ...(partner ? { partner: `Patient/${partner.id}` } : {}) },
        { signal: o?.signal },
      );
      return parseWith(TelehealthSessionSchema, started, 'telehealth.start() result');
    },

    async logCrisisEvent(event, o) {
      const e = parseWith(CrisisEventSchema, event, 'crisis event');
      const signal = o?.signal;
      const { data: communication } = await http.send(
        'POST',
        urlFor('Communication'),
        'POST Communication',
        RawSchema,
        signal,
        {
          resourceType: 'Communication',
          identifier: [{ system: CRISIS_EVENT, value: e.id }],
          status: 'completed',
          category: [{ coding: [{ system: CATEGORY, code: 'crisis-event' }] }],
          subject: { reference: patient },
          topic: { text: e.type },
          sent: e.at,
          payload: [e.action, e.target].filter(Boolean).map((contentString) => ({ contentString })),
        },
        { 'If-None-Exist': `identifier=${encodeURIComponent(`${CRISIS_EVENT}|${e.id}`)}` },
      );
      await openFollowUp(e.id, e.at, `Communication/${communication.id}`, o);
    },

    async getSafetyPlan(owner, o) {
      let subject = patient;
      if (parseWith(PlanOwnerSchema, owner, 'safety plan owner') === 'partner') {
        const partner = (await team(o)).partner;
        if (!partner) throw fail(404, 'No partner', 'This participant has no partner in the program.');
        subject = `Patient/${partner.id}`;
      }
      // A 403 here is the server's consent decision (e.g. by Consent), passed on as it is.
      const [plan] = await search(
        'CarePlan',
        [
          ['subject', subject],
          ['category', `${CATEGORY}|safety-plan`],
          ['status', 'active'],
          ['_sort', '-_lastUpdated'],
          ['_count', '1'],
        ],
        CarePlanSchema,
        o,
        true,
      );
      if (!plan) throw fail(404, 'No safety plan', 'There is no active safety plan yet.');
      const details = (plan.activity ?? []).flatMap((a) => (a.detail ? [a.detail] : []));
      const refs = [plan.author, ...details.flatMap((d) => d.performer ?? [])];
      const ids = (type: string) => refs.map((r) => idOf(r?.reference, type));
      const [related, practitioners, organizations] = await Promise.all([
        readMany('RelatedPerson', ids('RelatedPerson'), PersonSchema, o),
        readMany('Practitioner', ids('Practitioner'), PersonSchema, o),
        readMany('Organization', ids('Organization'), OrganizationSchema, o),
      ]);
      /** The contact a reference points to: its name, telecom and relationship. */
      const partyOf = (ref: Reference | undefined) => {
        const at = (type: string) => idOf(ref?.reference, type) ?? '';
        const person = related.get(at('RelatedPerson')) ?? practitioners.get(at('Practitioner'));
        const org = organizations.get(at('Organization'));
        return person
          ? {
              name: nameOf(person.name),
              telecom: person.telecom,
              relationship: person.relationship?.[0]?.text ?? person.relationship?.[0]?.coding?.[0]?.display,
            }
          : org && { name: org.name, telecom: org.telecom, relationship: undefined };
      };

      const result: Omit<SafetyPlan, 'id' | 'participantId' | 'version' | 'reviewedAt'> = {
        warningSigns: [],
        copingStrategies: [],
        distractions: { people: [], places: [] },
        helpContacts: [],
        professionals: [],
        environmentSafety: [],
        reasonsForLiving: [],
      };
      const support = { howPartnerHelps: [], deEscalationSteps: [], groundingTechniques: [] } as Record<
        'howPartnerHelps' | 'deEscalationSteps' | 'groundingTechniques',
        string[]
      >;
      const texts: Record<string, string[]> = {
        'warning-signs': result.warningSigns,
        'coping-strategies': result.copingStrategies,
        'distraction-places': result.distractions.places,
        'environment-safety': result.environmentSafety,
        'reasons-for-living': result.reasonsForLiving,
        'partner-helps': support.howPartnerHelps,
        'de-escalation': support.deEscalationSteps,
        grounding: support.groundingTechniques,
      };
      const people: Record<string, Contact[]> = {
        'distraction-people': result.distractions.people,
        'help-contacts': result.helpContacts,
        professionals: result.professionals,
      };
      for (const detail of details) {
        const section = codeIn([detail.code], SECTION) ?? '';
        const text = detail.description || undefined;
        if (texts[section] && text) texts[section].push(text);
        else if (people[section]) {
          const ref = detail.performer?.[0];
          const party = partyOf(ref);
          const name = party?.name || ref?.display || text;
          const sms = telecom(party?.telecom, 'sms');
          if (name)
            people[section].push({
              name,
              relationship: party?.relationship,
              phone: telecom(party?.telecom, 'phone'),
              ...(sms ? { sms: { number: sms } } : {}),
              note: name === text ? undefined : text,
            });
        } else if (section === 'pet') {
          const name = extension(detail, PET_NAME)?.valueString;
          const species = extension(detail, PET_SPECIES)?.valueString;
          if (name && species) result.pet = { name, species, howItHelps: text };
        }
        // Any other section code is not part of the kit's plan: skipped.
      }
      if (Object.values(support).some((list) => list.length)) result.partnerSupport = support;
      return parseWith(
        SafetyPlanSchema,
        {
          id: plan.id,
          participantId: idOf(subject, 'Patient'),
          version: versionOf(plan, extension(plan, PLAN_VERSION)),
          reviewedAt: dateTime(plan.period?.start ?? plan.created ?? plan.meta?.lastUpdated),
          reviewedBy: partyOf(plan.author)?.name ?? plan.author?.display,
          ...result,
        },
        `FHIR CarePlan/${plan.id}`,
      );
    },

    async listSlots(query, o) {
      const q = parseWith(SlotQuerySchema, query, 'slot query');
      const [slots, t] = await Promise.all([
        search(
          'Slot',
          [
            ['service-type', `${KIND}|${q.kind}`],
            ['status', 'free'],
            ['start', `ge${q.from}`],
            ['start', `lt${q.to}`],
            ['_sort', 'start'],
          ],
          SlotSchema,
          o,
        ),
        team(o),
      ]);
      const schedules = await readMany(
        'Schedule',
        slots.map((s) => idOf(s.schedule?.reference, 'Schedule')),
        ScheduleSchema,
        o,
      );
      const list = slots.flatMap((slot) => {
        // A Slot whose Schedule is gone, or whose clinician is not on my care team, is not offered.
        const actors = schedules.get(idOf(slot.schedule?.reference, 'Schedule') ?? '')?.actor ?? [];
        const clinician = t.members.find((m) =>
          actors.some((a) => idOf(a.reference, 'Practitioner') === m.id),
        );
        return clinician
          ? [
              {
                id: slot.id,
                start: slot.start,
                end: slot.end,
                clinician,
                kind: q.kind,
                modality: 'telehealth',
              },
            ]
          : [];
      });
      list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      return parseWith(SlotListSchema, list, 'FHIR Slot search');
    },

    async listAppointments(o) {
      const [found, t] = await Promise.all([
        search(
          'Appointment',
          [
            ['actor', patient],
            ['date', `ge${new Date(now() - DAY_MS).toISOString()}`],
          ],
          AppointmentSchema,
          o,
        ),
        team(o),
      ]);
      const list = found.flatMap((a) => appointmentFrom(a, t) ?? []);
      list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      return parseWith(AppointmentListSchema, list, 'FHIR Appointment search');
    },

    async book(request, idempotencyKey, o) {
      const req = parseWith(BookingRequestSchema, request, 'booking request');
      const signal = o?.signal;
      const identifier = `identifier=${encodeURIComponent(`${BOOKING}|${idempotencyKey}`)}`;
      const t = await team(o);
      const toKit = (a: FhirAppointment) => {
        const appointment = appointmentFrom(a, t);
        if (!appointment)
          throw fail(502, 'Unreadable appointment', `Appointment/${a.id} has no clinician on the care team.`);
        return parseWith(KitAppointmentSchema, appointment, `FHIR Appointment/${a.id}`);
      };
      // A retry of a booking that was made: the same Appointment.
      const [made] = await search(
        'Appointment',
        [['identifier', `${BOOKING}|${idempotencyKey}`]],
        AppointmentSchema,
        o,
        true,
      );
      if (made) return toKit(made);
      const slotPath = `Slot/${encodeURIComponent(req.slotId)}`;
      const { raw, etag, data: slot } = await read(slotPath, SlotSchema, o);
      if (codeIn(slot.serviceType, KIND) !== req.kind)
        throw fail(422, 'Kind mismatch', `Slot ${slot.id} is not a ${req.kind} slot.`);
      if (Date.parse(slot.start) <= now()) throw fail(409, 'Slot in the past', 'This slot has started.');
      const schedule = (
        await readMany('Schedule', [idOf(slot.schedule?.reference, 'Schedule')], ScheduleSchema, o)
      )
        .values()
        .next().value;
      const clinician = t.members.find((m) =>
        schedule?.actor?.some((a) => idOf(a.reference, 'Practitioner') === m.id),
      );
      if (!clinician) throw justTaken();
      const withPartner = req.includePartner || req.kind === 'couples';
      if (withPartner && !t.partner)
        throw fail(422, 'No partner', 'You have no partner in the program to book with.');
      // Claim the slot first: If-Match on its version makes two racing bookings end in one 412 (= taken).
      // Our key on the slot lets a retry after a lost answer finish the booking it started.
      const ours = extension(slot, BOOKING)?.valueString === idempotencyKey;
      let claimed: string | undefined;
      if (!ours) {
        if (slot.status !== 'free') throw justTaken();
        try {
          const reply = await http.send(
            'PUT',
            urlFor(slotPath),
            'PUT Slot',
            RawSchema,
            signal,
            {
              ...raw,
              status: 'busy',
              extension: [...(slot.extension ?? []), { url: BOOKING, valueString: idempotencyKey }],
            },
            { 'If-Match': etag },
          );
          claimed =
            reply.headers.get('ETag') ??
            `W/"${(reply.data.meta as { versionId?: string } | undefined)?.versionId}"`;
        } catch (error) {
          throw error instanceof HttpError && (error.status === 412 || error.status === 409)
            ? justTaken()
            : error;
        }
      }
      const actors = [
        patient,
        ...(withPartner ? [`Patient/${t.partner!.id}`] : []),
        `Practitioner/${clinician.id}`,
      ];
      try {
        const { data } = await http.send(
          'POST',
          urlFor('Appointment'),
          'POST Appointment',
          AppointmentSchema,
          signal,
          {
            resourceType: 'Appointment',
            identifier: [{ system: BOOKING, value: idempotencyKey }],
            status: 'booked',
            serviceType: [{ coding: [{ system: KIND, code: req.kind }] }],
            start: slot.start,
            end: slot.end,
            slot: [{ reference: `Slot/${slot.id}` }],
            participant: actors.map((reference) => ({ actor: { reference }, status: 'accepted' })),
          },
          { 'If-None-Exist': identifier },
        );
        return toKit(data);
      } catch (error) {
        // Give the slot back when the booking could not be made (best effort: the error is what matters).
        if (claimed)
          await http
            .send(
              'PUT',
              urlFor(slotPath),
              'PUT Slot',
              undefined,
              undefined,
              { ...raw, status: 'free' },
              { 'If-Match': claimed },
            )
            .catch(() => undefined);
        throw error;
      }
    },

    async cancel(appointmentId, o) {
      const path = `Appointment/${encodeURIComponent(appointmentId)}`;
      const { data: a } = await read(path, AppointmentSchema, o);
      if (!a.participant?.some((p) => idOf(p.actor?.reference, 'Patient') === patientId))
        throw fail(404, 'No such appointment', `Appointment ${appointmentId} was not found.`);
      const key = a.identifier?.find((i) => i.system === BOOKING)?.value;
      const wasBooked = a.status !== 'cancelled';
      await update(
        path,
        (raw) => (raw.status === 'cancelled' ? undefined : { ...raw, status: 'cancelled' }),
        o,
      );
      const slotId = idOf(a.slot?.[0]?.reference, 'Slot');
      if (!slotId) return;
      // Free the slot, unless someone else has booked it since (their key on it): cancelling twice is harmless.
      await update(
        `Slot/${slotId}`,
        (raw) => {
          const slot = parseWith(SlotSchema, raw, `FHIR Slot/${slotId}`);
          const holder = extension(slot, BOOKING)?.valueString;
          if (slot.status === 'free' || (holder ? holder !== key : !wasBooked)) return undefined;
          return { ...raw, status: 'free', extension: slot.extension?.filter((e) => e.url !== BOOKING) };
        },
        o,
      );
    },

    async getCoverage(o) {
      const [coverages, eligibility, t] = await Promise.all([
        search(
          'Coverage',
          [
            ['beneficiary', patient],
            ['status', 'active'],
          ],
          FhirCoverageSchema,
          o,
          true,
        ),
        search(
          'CoverageEligibilityResponse',
          [
            ['patient', patient],
            ['_sort', '-created'],
            ['_count', '1'],
          ],
          EligibilitySchema,
          o,
          true,
        ),
        team(o),
      ]);
      const coverage = coverages[0];
      if (!coverage) throw fail(404, 'No coverage', 'There is no active Coverage for this patient.');
      const plan = coverage.class?.find((c) => hasCode(c.type, 'plan'));
      const insurancePlan = plan
        ? (await search('InsurancePlan', [['identifier', plan.value]], InsurancePlanSchema, o, true))[0]
        : undefined;
      const services: ServiceBenefit[] = [];
      insurancePlan?.plan?.forEach((p, i) =>
        p.specificCost?.forEach((s, j) =>
          s.benefit?.forEach((benefit, k) => {
            const at = `plan[${i}].specificCost[${j}].benefit[${k}]`;
            const coded = benefit.type.coding ?? [];
            const code = coded.find((c) => c.system !== SERVICE)?.code;
            const share = (network: string): CostShare | undefined => {
              let found: CostShare | undefined;
              for (const [n, cost] of (benefit.cost ?? []).entries()) {
                const applies = cost.applicability
                  ? hasCode(cost.applicability, network)
                  : network === 'in-network';
                if (!applies || hasCode(cost.type, 'typical-allowed')) continue;
                found ??= { deductibleApplies: false, priorAuthRequired: false };
                if (hasCode(cost.type, 'copay'))
                  found.copayCents = quantityMoney(cost.value, `${at}.cost[${n}].value`);
                if (hasCode(cost.type, 'copaypct')) found.coinsurancePct = cost.value?.value;
                const qualifiers = (cost.qualifiers ?? []).map((c) => codeIn([c], QUALIFIER));
                if (qualifiers.includes('deductible-applies')) found.deductibleApplies = true;
                if (qualifiers.includes('prior-auth')) found.priorAuthRequired = true;
              }
              return found;
            };
            const inNetwork = share('in-network');
            const costs = benefit.cost ?? [];
            const typical = costs.findIndex((c) => hasCode(c.type, 'typical-allowed'));
            const daysPerWeek = extension(benefit, PROGRAM_DAYS)?.valuePositiveInt;
            const weeks = extension(benefit, PROGRAM_WEEKS)?.valuePositiveInt;
            if (code && inNetwork)
              services.push({
                service: coded.find((c) => c.system === SERVICE)?.code ?? code,
                code,
                label: benefit.type.text ?? coded.find((c) => c.display)?.display ?? code,
                inNetwork,
                outOfNetwork: share('out-of-network'),
                typicalAllowedCents:
                  typical < 0
                    ? undefined
                    : quantityMoney(costs[typical]!.value, `${at}.cost[${typical}].value`),
                // Half a program (one of the two extensions) fails the schema: the service is left out and reported.
                program:
                  daysPerWeek || weeks
                    ? ({ daysPerWeek, weeks } as NonNullable<ServiceBenefit['program']>)
                    : undefined,
              });
          }),
        ),
      );
      const totals: Record<string, { individualCents?: number; metCents?: number }> = {};
      eligibility[0]?.insurance?.forEach((insurance, i) =>
        insurance.item?.forEach((item, j) => {
          // In-network, individual, annual amounts (when the item says which).
          if (
            (item.network && !hasCode(item.network, 'in')) ||
            (item.unit && !hasCode(item.unit, 'individual')) ||
            (item.term && !hasCode(item.term, 'annual'))
          )
            return;
          item.benefit?.forEach((b, k) => {
            const at = `insurance[${i}].item[${j}].benefit[${k}]`;
            const type = hasCode(b.type, 'deductible')
              ? 'deductible'
              : hasCode(b.type, 'maxoutofpocket')
                ? 'outOfPocketMax'
                : '';
            if (type && !totals[type])
              totals[type] = {
                individualCents: cents(b.allowedMoney, `${at}.allowedMoney`),
                metCents: cents(b.usedMoney, `${at}.usedMoney`) ?? 0,
              };
          });
        }),
      );
      const specialist = t.members.find((m) => m.role === 'benefits-specialist');
      const subscriber = coverage.subscriberId ?? '';
      return parseWith(
        CoverageSchema,
        {
          planName: plan?.name,
          planType:
            codings([coverage.type]).find((c) => c.code === 'PPO')?.code ?? coverage.type?.coding?.[0]?.code,
          memberIdMasked: subscriber.length > 4 ? `XXXX-${subscriber.slice(-4)}` : 'XXXX',
          asOf: dateTime(eligibility[0]?.created) ?? new Date(now()).toISOString(),
          deductible: totals.deductible,
          outOfPocketMax: totals.outOfPocketMax,
          services,
          ...(specialist ? { benefitsSpecialist: { name: specialist.name, phone: specialist.phone } } : {}),
        },
        'FHIR Coverage, InsurancePlan and CoverageEligibilityResponse',
      );
    },

    async getPreferences(o) {
      return preferencesFrom(await findPreferences(o));
    },

    async updatePreferences(patch, ifMatch, o) {
      const change = parseWith(PreferencesPatchSchema, patch, 'preferences change');
      const current = await findPreferences(o);
      const stale = () =>
        fail(412, 'Preferences changed', 'They were changed elsewhere. Reload and try again.');
      if (!current !== (ifMatch === NO_PREFERENCES)) throw stale();
      const kept = ((current?.extension as Extension[] | undefined) ?? []).filter(
        (e) => ![PET_FRIENDLY, ...(change.pet === undefined ? [] : [PET_NAME, PET_SPECIES])].includes(e.url),
      );
      const extensionList = [
        ...kept,
        { url: PET_FRIENDLY, valueBoolean: change.petFriendly },
        ...(change.pet
          ? [
              { url: PET_NAME, valueString: change.pet.name },
              { url: PET_SPECIES, valueString: change.pet.species },
            ]
          : []),
      ];
      const query = `subject=${encodeURIComponent(patient)}&code=${encodeURIComponent(`${CATEGORY}|session-preferences`)}`;
      const reply = current
        ? await http.send(
            'PUT',
            urlFor(`Basic/${current.id}`),
            'PUT Basic',
            RawSchema,
            o?.signal,
            { ...current, extension: extensionList },
            { 'If-Match': ifMatch },
          )
        : await http.send(
            'POST',
            urlFor('Basic'),
            'POST Basic',
            RawSchema,
            o?.signal,
            {
              resourceType: 'Basic',
              code: { coding: [{ system: CATEGORY, code: 'session-preferences' }] },
              subject: { reference: patient },
              extension: extensionList,
            },
            { 'If-None-Exist': query },
          );
      // Created on first save; a 200 to the conditional create means someone else created them first.
      if (!current && reply.status !== 201) throw stale();
      return preferencesFrom(reply.data, reply.headers.get('ETag'));
    },

    // Check-ins (DESIGN.md row "check-ins"): one QuestionnaireResponse each, `questionnaire` the instrument's
    // canonical URL and version, the screener's answers under their own linkIds and the day's items under the kit's
    // (iop-kit-mood, -cravings, -used-plan, -note: the note only when shared), created with If-None-Exist on the
    // check-in's id; a moderate or high screen also opens the crisis follow-up Task.
    async submitCheckIn(checkIn, o) {
      const c = parseWith(CheckInSubmissionSchema, checkIn, 'check-in');
      const answer = (linkId: string, value: Record<string, unknown>) => ({ linkId, answer: [value] });
      const { data } = await http.send(
        'POST',
        urlFor('QuestionnaireResponse'),
        'POST QuestionnaireResponse',
        RawSchema,
        o?.signal,
        {
          resourceType: 'QuestionnaireResponse',
          identifier: { system: CHECK_IN, value: c.id },
          questionnaire: `${c.instrument.url}|${c.instrument.version}`,
          status: 'completed',
          subject: { reference: patient },
          authored: c.at,
          extension: [
            { url: CHECK_IN_RISK, valueCode: c.risk },
            { url: SHARE_NOTE, valueBoolean: c.shareNote },
            { url: SHARE_MOOD, valueBoolean: c.shareMoodWithPartner },
          ],
          item: [
            answer(DAILY.mood, { valueInteger: c.mood }),
            ...(c.cravings === undefined ? [] : [answer(DAILY.cravings, { valueInteger: c.cravings })]),
            answer(DAILY.usedPlan, { valueBoolean: c.usedPlan }),
            ...(c.note ? [answer(DAILY.note, { valueString: c.note })] : []),
            ...Object.entries(c.answers).map(([linkId, code]) => answer(linkId, { valueCoding: { code } })),
          ],
        },
        { 'If-None-Exist': `identifier=${encodeURIComponent(`${CHECK_IN}|${c.id}`)}` },
      );
      if (c.risk === 'moderate' || c.risk === 'high')
        await openFollowUp(c.id, c.at, `QuestionnaireResponse/${data.id}`, o);
    },

    async getCheckIns(since, o) {
      const { partner } = await team(o);
      const [mine, theirs] = await Promise.all([
        checkInsOf(patient, since, o),
        // The partner's are the server's to give (e.g. by Consent): a refusal means no shared moods, not a failure.
        partner
          ? checkInsOf(`Patient/${partner.id}`, since, o).catch((error: unknown) => {
              if ((error as { status?: number }).status === 403) return [];
              throw error;
            })
          : [],
      ]);
      return parseWith(
        CheckInHistorySchema,
        {
          checkIns: mine.flatMap((r) => {
            const c = checkInFrom(r);
            return c ? [c] : [];
          }),
          ...(partner
            ? {
                partner: {
                  displayName: partner.displayName,
                  // The day's mood where they chose to share it, and nothing else of their check-in.
                  moods: theirs.flatMap((r) => {
                    const c = checkInFrom(r);
                    return c?.shareMoodWithPartner ? [{ at: c.at, mood: c.mood }] : [];
                  }),
                },
              }
            : {}),
        },
        'FHIR check-ins',
      );
    },

    // The screener is the kit's built-in one (a clinic's own Questionnaire is not read yet).
    async getCheckInInstrument() {
      return undefined;
    },
  };
}

/** The parts of a check-in's QuestionnaireResponse the adapter reads. */
interface CheckInResource {
  id: string;
  authored?: string;
  /** QuestionnaireResponse.identifier is one Identifier (0..1). */
  identifier?: { system?: string; value?: string };
  extension?: { url?: string; valueBoolean?: boolean }[];
  item?: {
    linkId?: string;
    answer?: { valueInteger?: number; valueBoolean?: boolean; valueString?: string }[];
  }[];
}

/** One check-in summary from its QuestionnaireResponse (never the screener's answers), or undefined if unreadable. */
function checkInFrom(r: CheckInResource) {
  const value = (linkId: string) => r.item?.find((i) => i.linkId === linkId)?.answer?.[0];
  const flag = (url: string) => r.extension?.find((e) => e.url === url)?.valueBoolean === true;
  const cravings = value(DAILY.cravings)?.valueInteger;
  const note = value(DAILY.note)?.valueString;
  const parsed = v.safeParse(CheckInSummarySchema, {
    id: r.identifier?.value,
    at: r.authored,
    mood: value(DAILY.mood)?.valueInteger,
    ...(cravings === undefined ? {} : { cravings }),
    usedPlan: value(DAILY.usedPlan)?.valueBoolean,
    ...(note === undefined ? {} : { note }),
    shareNote: flag(SHARE_NOTE),
    shareMoodWithPartner: flag(SHARE_MOOD),
  });
  return parsed.success ? parsed.output : undefined;
}
