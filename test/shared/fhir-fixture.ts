/**
 * Crafts FHIR R4 resources on the test FHIR server with plain fetch, in the terms of DESIGN.md's mapping table,
 * so each test gets its own patients (no test sees another's writes) and can make the awkward cases it needs.
 */
import { fhirServer } from './fhir-server.js';

export const KIT = 'urn:iop-kit:fhir:';
export const HOUR = 3600e3;
type Json = Record<string, unknown>;

export const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
export const kitCode = (name: string, code: string) => coding(KIT + name, code);

/** The test server's base URL (started once by the web-test-runner plugin). */
export async function fhirBaseUrl(): Promise<string> {
  return (await fhirServer()).baseUrl.replace(/\/+$/, '');
}

/**
 * A Consent from `owner` that lets `viewer` read their CarePlans: the test server's access rule. Crafted
 * patients grant it to the demo patient whose token (demo-alex) the tests use.
 */
export const grant = (fhir: FhirClient, owner: string, viewer: string) =>
  fhir.create({
    resourceType: 'Consent',
    status: 'active',
    scope: coding('http://terminology.hl7.org/CodeSystem/consentscope', 'patient-privacy'),
    category: [kitCode('category', 'safety-plan-sharing')],
    patient: { reference: owner },
    policyRule: coding('http://terminology.hl7.org/CodeSystem/v3-ActCode', 'OPTIN'),
    provision: {
      type: 'permit',
      actor: [
        {
          role: coding('http://terminology.hl7.org/CodeSystem/v3-RoleCode', 'DOMPART'),
          reference: { reference: viewer },
        },
      ],
    },
  });

/** Lets the token's patient (demo-alex) read `owner`'s plan. */
export const grantToTestUser = async (fhir: FhirClient, owner: string) =>
  grant(fhir, owner, (await fhirServer()).patients.alex);

/** Plain FHIR REST calls on the test server, as a clinic's EHR would hold the data. */
export function fhirClient(baseUrl: string, token = 'demo-alex') {
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${baseUrl}/${path}`, {
      method,
      headers: {
        Accept: 'application/fhir+json',
        Authorization: `Bearer ${token}`,
        ...(body ? { 'Content-Type': 'application/fhir+json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Json) : {};
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return { status: response.status, json, etag: response.headers.get('ETag') };
  }
  return {
    call,
    create: async (resource: Json) =>
      (await call('POST', String(resource.resourceType), resource)).json as Json & { id: string },
    read: async (path: string) => (await call('GET', path)).json,
    update: async (resource: Json) =>
      (await call('PUT', `${String(resource.resourceType)}/${String(resource.id)}`, resource)).json,
    /** Every resource a search finds (one page of up to 1000). */
    search: async (query: string) =>
      (
        ((await call('GET', `${query}${query.includes('?') ? '&' : '?'}_count=1000`)).json.entry as
          { resource: Json }[] | undefined) ?? []
      ).map((e) => e.resource),
  };
}
export type FhirClient = ReturnType<typeof fhirClient>;

export interface World {
  baseUrl: string;
  fhir: FhirClient;
  me: string;
  partner: string;
  therapist: string;
  partnerTherapist: string;
  couplesTherapist: string;
  benefits: string;
  /** Free crisis-debrief slots for my therapist at +2 h, +5 h and +20 h; couples slots at +26 h and +50 h. */
  debriefSlots: string[];
  couplesSlots: string[];
  /** The partner's therapist's schedule (a slot there is not mine to book). */
  partnerSchedule: string;
  schedule: string;
}

const unique = () => Math.random().toString(36).slice(2, 8);

/**
 * A couple (me and my partner) with care teams, an on-call clinician now, both safety plans, slots, coverage
 * and no preferences yet: the mapping's rows, crafted fresh.
 */
export async function createWorld(options: { now?: number } = {}): Promise<World> {
  const baseUrl = await fhirBaseUrl();
  const fhir = fhirClient(baseUrl);
  const now = options.now ?? Date.now();
  const tag = unique();
  const practitioner = (name: string, phone: string, credentials?: string) =>
    fhir.create({
      resourceType: 'Practitioner',
      name: [{ text: `${name} ${tag}` }],
      telecom: [{ system: 'phone', value: phone }],
      ...(credentials ? { qualification: [{ code: { text: credentials } }] } : {}),
    });
  const [me, partner, therapist, partnerTherapist, couplesTherapist, benefits] = await Promise.all([
    fhir.create({
      resourceType: 'Patient',
      name: [{ given: ['Alex'], family: tag }],
      communication: [{ language: coding('urn:ietf:bcp:47', 'es'), preferred: true }],
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/timezone', valueCode: 'America/Chicago' }],
    }),
    fhir.create({ resourceType: 'Patient', name: [{ text: `Jordan ${tag}` }] }),
    practitioner('Sam Rivera', '+1-312-555-0101', 'LCSW'),
    practitioner('Robin Park', '+1-312-555-0102'),
    practitioner('Dr. Casey Lee', '+1-312-555-0103', 'PhD, LMFT'),
    practitioner('Pat Benefits', '+1-312-555-0150'),
  ]);
  const ref = (type: string, r: { id: string }) => ({ reference: `${type}/${r.id}` });
  const member = (role: string, r: { id: string }) => ({
    role: [kitCode('role', role)],
    member: ref('Practitioner', r),
  });
  const partnerRole = (r: { id: string }) => ({
    role: [coding('http://terminology.hl7.org/CodeSystem/v3-RoleCode', 'DOMPART')],
    member: ref('Patient', r),
  });
  const shared = [member('couples-therapist', couplesTherapist), member('benefits-specialist', benefits)];
  const schedule = (actor: { id: string }) =>
    fhir.create({ resourceType: 'Schedule', actor: [ref('Practitioner', actor)] });
  const [, , mySchedule, partnerSchedule, couplesSchedule] = await Promise.all([
    fhir.create({
      resourceType: 'CareTeam',
      status: 'active',
      subject: ref('Patient', me),
      participant: [member('individual-therapist', therapist), ...shared, partnerRole(partner)],
    }),
    fhir.create({
      resourceType: 'CareTeam',
      status: 'active',
      subject: ref('Patient', partner),
      participant: [member('individual-therapist', partnerTherapist), ...shared, partnerRole(me)],
    }),
    schedule(therapist),
    schedule(partnerTherapist),
    schedule(couplesTherapist),
  ]);
  const hourMark = Math.floor(now / HOUR) * HOUR;
  const slot = (s: { id: string }, kind: string, hours: number, minutes: number) =>
    fhir.create({
      resourceType: 'Slot',
      schedule: ref('Schedule', s),
      status: 'free',
      serviceType: [kitCode('follow-up-kind', kind)],
      start: new Date(hourMark + hours * HOUR).toISOString(),
      end: new Date(hourMark + hours * HOUR + minutes * 60e3).toISOString(),
    });
  const debrief = await Promise.all([2, 5, 20].map((h) => slot(mySchedule, 'crisis-debrief', h, 30)));
  const couples = await Promise.all([26, 50].map((h) => slot(couplesSchedule, 'couples', h, 50)));
  await slot(partnerSchedule, 'crisis-debrief', 3, 30);
  await Promise.all([
    createPlan(fhir, me.id, therapist.id, tag),
    createPlan(fhir, partner.id, partnerTherapist.id, tag),
    grantToTestUser(fhir, `Patient/${me.id}`),
    grantToTestUser(fhir, `Patient/${partner.id}`),
  ]);
  return {
    baseUrl,
    fhir,
    me: `Patient/${me.id}`,
    partner: `Patient/${partner.id}`,
    therapist: therapist.id,
    partnerTherapist: partnerTherapist.id,
    couplesTherapist: couplesTherapist.id,
    benefits: benefits.id,
    debriefSlots: debrief.map((s) => s.id),
    couplesSlots: couples.map((s) => s.id),
    partnerSchedule: partnerSchedule.id,
    schedule: mySchedule.id,
  };
}

const item = (section: string, description: string, extra: Json = {}) => ({
  detail: { code: kitCode('plan-section', section), status: 'in-progress', description, ...extra },
});

/** A Stanley-Brown safety plan for `patientId`, activities deliberately not in section order. */
export async function createPlan(fhir: FhirClient, patientId: string, authorId: string, tag: string) {
  const [sister, lifeline] = await Promise.all([
    fhir.create({
      resourceType: 'RelatedPerson',
      patient: { reference: `Patient/${patientId}` },
      name: [{ text: `Maria ${tag}` }],
      relationship: [{ text: 'sister' }],
      telecom: [
        { system: 'phone', value: '+1-312-555-0111' },
        { system: 'sms', value: '+1-312-555-0111' },
      ],
    }),
    fhir.create({
      resourceType: 'Organization',
      name: '988 Suicide & Crisis Lifeline',
      telecom: [
        { system: 'phone', value: '988' },
        { system: 'sms', value: '988' },
      ],
    }),
  ]);
  return fhir.create({
    resourceType: 'CarePlan',
    status: 'active',
    intent: 'plan',
    subject: { reference: `Patient/${patientId}` },
    category: [kitCode('category', 'safety-plan')],
    period: { start: '2026-11-15T10:00:00Z' },
    author: { reference: `Practitioner/${authorId}` },
    extension: [{ url: `${KIT}plan-version`, valuePositiveInt: 3 }],
    activity: [
      item('reasons-for-living', 'My kids'),
      item('warning-signs', 'Not sleeping'),
      item('warning-signs', 'Skipping meals'),
      item('coping-strategies', 'A long walk'),
      item('distraction-places', 'The library'),
      item('help-contacts', 'Call her first', { performer: [{ reference: `RelatedPerson/${sister.id}` }] }),
      item('professionals', '', { performer: [{ reference: `Organization/${lifeline.id}` }] }),
      item('environment-safety', 'Medicines locked away'),
      item('partner-helps', 'Sits with me'),
      item('de-escalation', 'Lower our voices'),
      item('grounding', '5-4-3-2-1'),
      item('pet', 'Calms me down', {
        extension: [
          { url: `${KIT}pet-name`, valueString: 'Biscuit' },
          { url: `${KIT}pet-species`, valueString: 'dog' },
        ],
      }),
    ],
  });
}

/** The on-call clinician now: a PractitionerRole covering the next hour either side of `now`. */
export function createOnCall(fhir: FhirClient, practitionerId: string, now = Date.now(), extra: Json = {}) {
  return fhir.create({
    resourceType: 'PractitionerRole',
    active: true,
    practitioner: { reference: `Practitioner/${practitionerId}` },
    code: [kitCode('role', 'on-call')],
    telecom: [{ system: 'phone', value: '+1-312-555-0199' }],
    period: { start: new Date(now - HOUR).toISOString(), end: new Date(now + HOUR).toISOString() },
    extension: [{ url: `${KIT}safety-plan-access`, valueBoolean: true }],
    ...extra,
  });
}

const money = (value: number, currency = 'USD') => ({ value, currency });
const cost = (type: string, network: string, value: Json, qualifiers: string[] = []) => ({
  type: coding('http://terminology.hl7.org/CodeSystem/coverage-copay-type', type),
  applicability: coding('http://terminology.hl7.org/CodeSystem/applicability', network),
  qualifiers: qualifiers.map((q) => kitCode('cost-qualifier', q)),
  value,
});

/** A PPO Coverage, its InsurancePlan and this year's eligibility (deductible $1,500, $450 met). */
export async function createCoverage(
  fhir: FhirClient,
  patient: string,
  options: { copayCurrency?: string } = {},
) {
  const planId = `PPO-${unique()}`;
  await Promise.all([
    fhir.create({
      resourceType: 'Coverage',
      status: 'active',
      beneficiary: { reference: patient },
      payor: [{ display: 'Lakeshore Health' }],
      subscriberId: 'LSH-000-4821',
      type: coding('http://terminology.hl7.org/CodeSystem/v3-ActCode', 'PPO'),
      class: [
        {
          type: coding('http://terminology.hl7.org/CodeSystem/coverage-class', 'plan'),
          value: planId,
          name: 'Lakeshore Health PPO Silver',
        },
      ],
    }),
    fhir.create({
      resourceType: 'InsurancePlan',
      identifier: [{ value: planId }],
      plan: [
        {
          specificCost: [
            {
              category: { text: 'Behavioral health' },
              benefit: [
                {
                  type: {
                    coding: [
                      { system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'S9480' },
                      { system: `${KIT}service`, code: 'iop-day' },
                    ],
                    text: 'Intensive outpatient program, per day',
                  },
                  extension: [
                    { url: `${KIT}program-days-per-week`, valuePositiveInt: 3 },
                    { url: `${KIT}program-weeks`, valuePositiveInt: 8 },
                  ],
                  cost: [
                    {
                      type: kitCode('cost-type', 'typical-allowed'),
                      applicability: coding(
                        'http://terminology.hl7.org/CodeSystem/applicability',
                        'in-network',
                      ),
                      value: { value: 350, unit: 'USD', system: 'urn:iso:std:iso:4217', code: 'USD' },
                    },
                    cost('copaypct', 'in-network', { value: 20, unit: '%' }, [
                      'deductible-applies',
                      'prior-auth',
                    ]),
                    cost('copaypct', 'out-of-network', { value: 40, unit: '%' }, [
                      'deductible-applies',
                      'prior-auth',
                    ]),
                  ],
                },
                {
                  type: {
                    coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '90847' }],
                    text: 'Couples therapy',
                  },
                  cost: [
                    cost('copay', 'in-network', {
                      value: 30,
                      unit: options.copayCurrency ?? 'USD',
                      system: 'urn:iso:std:iso:4217',
                      code: options.copayCurrency ?? 'USD',
                    }),
                  ],
                },
              ],
            },
          ],
        },
      ],
    }),
    fhir.create({
      resourceType: 'CoverageEligibilityResponse',
      status: 'active',
      purpose: ['benefits'],
      patient: { reference: patient },
      created: '2026-11-25T09:00:00Z',
      request: { display: 'eligibility check' },
      outcome: 'complete',
      insurer: { display: 'Lakeshore Health' },
      insurance: [
        {
          coverage: { display: 'Lakeshore Health PPO Silver' },
          item: [
            {
              category: coding('http://terminology.hl7.org/CodeSystem/ex-benefitcategory', '30'),
              network: coding('http://terminology.hl7.org/CodeSystem/benefit-network', 'in'),
              unit: coding('http://terminology.hl7.org/CodeSystem/benefit-unit', 'individual'),
              term: coding('http://terminology.hl7.org/CodeSystem/benefit-term', 'annual'),
              benefit: [
                {
                  type: coding('http://terminology.hl7.org/CodeSystem/benefit-type', 'deductible'),
                  allowedMoney: money(1500),
                  usedMoney: money(450),
                },
                {
                  type: coding('http://terminology.hl7.org/CodeSystem/benefit-type', 'maxoutofpocket'),
                  allowedMoney: money(6000),
                  usedMoney: money(770),
                },
              ],
            },
          ],
        },
      ],
    }),
  ]);
}
