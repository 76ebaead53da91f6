/// <reference types="node" />
/**
 * The demo program as a FHIR R4 transaction Bundle, in the terms of DESIGN.md's "FHIR R4 adapter (the
 * mapping)" table: the same couple, care team, on-call rotation, safety plans, slots, coverage and
 * preferences as src/demo-data/seed.ts (the in-memory adapter and the reference backend), so the three
 * backends show the same data. Everyone in it is fictional; the hotlines are the real ones from DOMAIN.md.
 */
import { createHash } from 'node:crypto';
import type {
  Appointment,
  Basic,
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  CareTeam,
  CodeableConcept,
  Consent,
  ContactPoint,
  Coverage,
  CoverageEligibilityResponse,
  HumanName,
  InsurancePlan,
  InsurancePlanPlanSpecificCostBenefitCost,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
  RelatedPerson,
  Resource,
  Schedule,
  Slot,
} from '@medplum/fhirtypes';
import type {
  CareTeamMember,
  Contact,
  CostShare,
  SafetyPlan,
  ServiceBenefit,
  SlotKind,
} from '../../src/core/schemas.js';
import {
  CARE_TEAM,
  createSeed,
  onCallAt,
  ON_CALL_PHONE,
  SHIFT_HOURS,
  type DemoParticipantId,
} from '../../src/demo-data/seed.js';

/** Code systems and extensions the kit defines (DESIGN.md: `urn:iop-kit:fhir:<name>`). */
export const IOP = {
  role: 'urn:iop-kit:fhir:role',
  category: 'urn:iop-kit:fhir:category',
  planSection: 'urn:iop-kit:fhir:plan-section',
  followUpKind: 'urn:iop-kit:fhir:follow-up-kind',
  costQualifier: 'urn:iop-kit:fhir:cost-qualifier',
  service: 'urn:iop-kit:fhir:service',
  booking: 'urn:iop-kit:fhir:booking',
  crisisEvent: 'urn:iop-kit:fhir:crisis-event',
  insurancePlan: 'urn:iop-kit:fhir:insurance-plan',
  safetyPlan: 'urn:iop-kit:fhir:safety-plan',
  demoPatient: 'urn:iop-kit:fhir:demo-patient',
  demoPractitioner: 'urn:iop-kit:fhir:demo-practitioner',
  petFriendly: 'urn:iop-kit:fhir:pet-friendly',
  petName: 'urn:iop-kit:fhir:pet-name',
  petSpecies: 'urn:iop-kit:fhir:pet-species',
  planVersion: 'urn:iop-kit:fhir:plan-version',
  safetyPlanAccess: 'urn:iop-kit:fhir:safety-plan-access',
  joinUrl: 'urn:iop-kit:fhir:join-url',
  visitLimit: 'urn:iop-kit:fhir:visit-limit',
  costType: 'urn:iop-kit:fhir:cost-type',
  programDays: 'urn:iop-kit:fhir:program-days-per-week',
  programWeeks: 'urn:iop-kit:fhir:program-weeks',
} as const;

/** Code systems from HL7 and others, as R4 names them. */
export const SYSTEMS = {
  timezone: 'http://hl7.org/fhir/StructureDefinition/timezone',
  bcp47: 'urn:ietf:bcp:47',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  coverageClass: 'http://terminology.hl7.org/CodeSystem/coverage-class',
  copayType: 'http://terminology.hl7.org/CodeSystem/coverage-copay-type',
  applicability: 'http://terminology.hl7.org/CodeSystem/applicability',
  benefitCategory: 'http://terminology.hl7.org/CodeSystem/ex-benefitcategory',
  benefitNetwork: 'http://terminology.hl7.org/CodeSystem/benefit-network',
  benefitUnit: 'http://terminology.hl7.org/CodeSystem/benefit-unit',
  benefitTerm: 'http://terminology.hl7.org/CodeSystem/benefit-term',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentAction: 'http://terminology.hl7.org/CodeSystem/consentaction',
  resourceTypes: 'http://hl7.org/fhir/resource-types',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  cpt: 'http://www.ama-assn.org/go/cpt',
  revenueCode: 'https://www.nubc.org/CodeSystem/RevenueCodes',
  ucum: 'http://unitsofmeasure.org',
  iso4217: 'urn:iso:std:iso:4217',
} as const;

/** The partner's role on a CareTeam (v3 RoleCode "domestic partner"; SPS and SIGOTHR also count). */
export const PARTNER_ROLE = 'DOMPART';

/** What a safety-plan item's performer may be. */
type Performer = Practitioner | Organization | RelatedPerson;

const PLAN_ID = 'LKS-PPO-SILVER';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A name-based UUID (RFC 9562 version 5 layout over SHA-1), so the same seed gives the same Bundle: the
 * downloadable copy in the docs can be checked for drift. `fullUrl`s only name entries inside one Bundle.
 */
function uuidFor(key: string): string {
  const bytes = createHash('sha1').update(`iop-kit:fhir-seed:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const coding = (system: string, code: string, display?: string): CodeableConcept => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});

function telecom(contact: { phone?: string | undefined; sms?: { number: string } | undefined }) {
  const points: ContactPoint[] = [];
  if (contact.phone) points.push({ system: 'phone', value: contact.phone, use: 'mobile' });
  if (contact.sms) points.push({ system: 'sms', value: contact.sms.number, use: 'mobile' });
  return points;
}

/** "Dr. Maya Okafor" -> text plus prefix, given and family. */
function humanName(text: string): HumanName {
  const words = text.split(' ');
  const prefix = words[0] === 'Dr.' ? [words.shift()!] : [];
  const family = words.pop()!;
  return { text, ...(prefix.length ? { prefix } : {}), given: words, family };
}

const ROLE_LABELS: Record<CareTeamMember['role'], string> = {
  'couples-therapist': 'Couples therapist',
  'individual-therapist': 'Individual therapist',
  'substance-use-counselor': 'Substance-use counselor',
  psychiatrist: 'Psychiatrist',
  'case-manager': 'Case manager',
  'benefits-specialist': 'Benefits specialist',
};

const KIND_LABELS: Record<SlotKind, string> = {
  'crisis-debrief': 'Crisis debrief',
  couples: 'Couples session',
  individual: 'Individual session',
  'substance-use': 'Substance-use counseling',
};

const kindCode = (kind: SlotKind) => coding(IOP.followUpKind, kind, KIND_LABELS[kind]);

/** Collects entries and hands out references to them by key. */
class BundleBuilder {
  readonly entries: BundleEntry[] = [];
  private readonly urls = new Map<string, string>();

  add<T extends Resource>(key: string, resource: T): Reference<T> {
    if (this.urls.has(key)) throw new Error(`Seed key used twice: ${key}`);
    const fullUrl = `urn:uuid:${uuidFor(key)}`;
    this.urls.set(key, fullUrl);
    this.entries.push({ fullUrl, resource, request: { method: 'POST', url: resource.resourceType } });
    return { reference: fullUrl };
  }

  ref<T extends Resource>(key: string): Reference<T> | undefined {
    const url = this.urls.get(key);
    return url ? { reference: url } : undefined;
  }
}

function practitioner(member: CareTeamMember): Practitioner {
  return {
    resourceType: 'Practitioner',
    identifier: [{ system: IOP.demoPractitioner, value: member.id }],
    active: true,
    name: [humanName(member.name)],
    ...(member.phone ? { telecom: [{ system: 'phone', value: member.phone, use: 'work' }] } : {}),
    ...(member.credentials ? { qualification: [{ code: { text: member.credentials } }] } : {}),
  };
}

/** Money as a FHIR Quantity in US dollars (InsurancePlan costs are Quantities, not Money). */
const dollars = (cents: number) => ({
  value: cents / 100,
  unit: 'USD',
  system: SYSTEMS.iso4217,
  code: 'USD',
});

function costs(share: CostShare, network: 'in-network' | 'out-of-network') {
  const qualifiers: CodeableConcept[] = [];
  if (share.deductibleApplies) qualifiers.push(coding(IOP.costQualifier, 'deductible-applies'));
  if (share.priorAuthRequired) qualifiers.push(coding(IOP.costQualifier, 'prior-auth'));
  const base = (): InsurancePlanPlanSpecificCostBenefitCost => ({
    type: coding(SYSTEMS.copayType, 'copay'),
    applicability: coding(SYSTEMS.applicability, network),
    ...(qualifiers.length ? { qualifiers } : {}),
    ...(share.visitLimit !== undefined
      ? { extension: [{ url: IOP.visitLimit, valuePositiveInt: share.visitLimit }] }
      : {}),
  });
  const list: InsurancePlanPlanSpecificCostBenefitCost[] = [];
  if (share.copayCents !== undefined) list.push({ ...base(), value: dollars(share.copayCents) });
  if (share.coinsurancePct !== undefined) {
    list.push({
      ...base(),
      type: coding(SYSTEMS.copayType, 'copaypct'),
      value: { value: share.coinsurancePct, unit: '%', system: SYSTEMS.ucum, code: '%' },
    });
  }
  return list;
}

function codeSystemOf(code: string): string {
  if (/^\d{4}$/.test(code)) return SYSTEMS.revenueCode;
  if (/^\d{5}$/.test(code)) return SYSTEMS.cpt;
  return SYSTEMS.hcpcs;
}

function benefit(service: ServiceBenefit) {
  return {
    type: {
      coding: [
        { system: codeSystemOf(service.code), code: service.code },
        { system: IOP.service, code: service.service },
      ],
      text: service.label,
    },
    ...(service.program
      ? {
          extension: [
            { url: IOP.programDays, valuePositiveInt: service.program.daysPerWeek },
            { url: IOP.programWeeks, valuePositiveInt: service.program.weeks },
          ],
        }
      : {}),
    cost: [
      ...costs(service.inNetwork, 'in-network'),
      ...(service.outOfNetwork ? costs(service.outOfNetwork, 'out-of-network') : []),
      // The clinic's typical allowed amount for one visit or day: a cost of the kit's own type.
      ...(service.typicalAllowedCents !== undefined
        ? [
            {
              type: coding(IOP.costType, 'typical-allowed'),
              applicability: coding(SYSTEMS.applicability, 'in-network'),
              value: dollars(service.typicalAllowedCents),
            },
          ]
        : []),
    ],
  };
}

/**
 * Builds the seed as a transaction Bundle relative to `now` (slots over the next two weeks, the on-call
 * rotation from the current shift on, review dates in the past). Entries are POSTs with `urn:uuid:` fullUrls
 * that the server rewrites; the same `now` always gives the same Bundle.
 */
export function createSeedBundle(now: Date): Bundle {
  const t = now.getTime();
  const seed = createSeed(now);
  const b = new BundleBuilder();
  const ids: DemoParticipantId[] = ['alex', 'jordan'];

  // Organizations: the insurer, and the services on the safety plans.
  const insurer = b.add<Organization>('org:insurer', {
    resourceType: 'Organization',
    active: true,
    type: [coding('http://terminology.hl7.org/CodeSystem/organization-type', 'ins', 'Insurance Company')],
    name: 'Lakeshore Health',
  });

  for (const member of Object.values(CARE_TEAM)) b.add(`practitioner:${member.id}`, practitioner(member));
  const practitionerRef = (member: CareTeamMember) => b.ref<Practitioner>(`practitioner:${member.id}`)!;

  // Patients: name, preferred language, time zone, phone (the partner's number on the other's plan).
  const phones: Record<DemoParticipantId, string> = { alex: '+1-312-555-0150', jordan: '+1-312-555-0140' };
  for (const id of ids) {
    const p = seed.participants[id];
    b.add<Patient>(`patient:${id}`, {
      resourceType: 'Patient',
      identifier: [{ system: IOP.demoPatient, value: id }],
      active: true,
      name: [{ text: p.displayName, given: [p.displayName] }],
      telecom: [{ system: 'phone', value: phones[id], use: 'mobile' }],
      communication: [{ language: coding(SYSTEMS.bcp47, p.locale), preferred: true }],
      extension: [{ url: SYSTEMS.timezone, valueCode: p.timezone }],
    });
  }
  const patientRef = (id: DemoParticipantId) => b.ref<Patient>(`patient:${id}`)!;

  // Care teams: each member with a urn:iop-kit:fhir:role code, and the partner by v3 RoleCode.
  for (const id of ids) {
    const p = seed.participants[id];
    b.add<CareTeam>(`careteam:${id}`, {
      resourceType: 'CareTeam',
      status: 'active',
      name: `${p.displayName}'s care team`,
      subject: patientRef(id),
      participant: [
        ...p.careTeam.map((member) => ({
          role: [coding(IOP.role, member.role, ROLE_LABELS[member.role])],
          member: practitionerRef(member),
        })),
        ...(p.partner
          ? [
              {
                role: [coding(SYSTEMS.roleCode, PARTNER_ROLE, 'domestic partner')],
                member: patientRef(p.partner.id as DemoParticipantId),
              },
            ]
          : []),
      ],
    });
  }

  // The on-call rotation as PractitionerRoles, from the shift running now through the next 14 days, so
  // `PractitionerRole?role=...|on-call&active=true&date={now}` finds exactly one at any moment.
  const firstShiftEnd = Date.parse(onCallAt(now).until);
  for (let end = firstShiftEnd; end - SHIFT_HOURS * HOUR < t + 14 * DAY; end += SHIFT_HOURS * HOUR) {
    const start = end - SHIFT_HOURS * HOUR;
    const shift = onCallAt(new Date(start));
    b.add<PractitionerRole>(`oncall:${start}`, {
      resourceType: 'PractitionerRole',
      // The crisis dialog says "has your safety plan" only when the EHR says so.
      extension: [{ url: IOP.safetyPlanAccess, valueBoolean: shift.hasSafetyPlanAccess }],
      active: true,
      period: { start: iso(start), end: iso(end) },
      practitioner: practitionerRef(shift.clinician),
      code: [coding(IOP.role, 'on-call', 'On-call clinician (24/7 rotation)')],
      telecom: [{ system: 'phone', value: ON_CALL_PHONE, use: 'work' }],
    });
  }

  // Safety plans: one activity.detail per item, in Stanley-Brown order; contacts are the performers.
  const contactRef = (owner: DemoParticipantId, contact: Contact): Reference<Performer> => {
    const member = Object.values(CARE_TEAM).find((m) => m.name === contact.name);
    if (member) return practitionerRef(member);
    const isService = !contact.relationship;
    if (isService) {
      const key = `org:${contact.name}`;
      return (
        b.ref<Organization>(key) ??
        b.add<Organization>(key, {
          resourceType: 'Organization',
          active: true,
          name: contact.name,
          telecom: telecom(contact),
        })
      );
    }
    return b.add<RelatedPerson>(`related:${owner}:${contact.name}`, {
      resourceType: 'RelatedPerson',
      active: true,
      patient: patientRef(owner),
      relationship: [{ text: contact.relationship }],
      name: [{ text: contact.name }],
      telecom: telecom(contact),
    });
  };
  const activities = (owner: DemoParticipantId, plan: SafetyPlan): CarePlanActivity[] => {
    const item = (
      section: string,
      description: string,
      performer?: Reference<Performer>,
    ): CarePlanActivity => ({
      detail: {
        code: coding(IOP.planSection, section),
        status: 'in-progress',
        description,
        ...(performer ? { performer: [performer] } : {}),
      },
    });
    const text = (section: string, lines: readonly string[]) => lines.map((line) => item(section, line));
    const contacts = (section: string, list: readonly Contact[]) =>
      list.map((c) => item(section, c.note ?? c.name, contactRef(owner, c)));
    const list = [
      ...text('warning-signs', plan.warningSigns),
      ...text('coping-strategies', plan.copingStrategies),
      ...contacts('distraction-people', plan.distractions.people),
      ...text('distraction-places', plan.distractions.places),
      ...contacts('help-contacts', plan.helpContacts),
      ...contacts('professionals', plan.professionals),
      ...text('environment-safety', plan.environmentSafety),
      ...text('reasons-for-living', plan.reasonsForLiving),
      ...text('partner-helps', plan.partnerSupport?.howPartnerHelps ?? []),
      ...text('de-escalation', plan.partnerSupport?.deEscalationSteps ?? []),
      ...text('grounding', plan.partnerSupport?.groundingTechniques ?? []),
    ];
    if (plan.pet) {
      const pet = item('pet', plan.pet.howItHelps ?? plan.pet.name);
      pet.detail!.extension = [
        { url: IOP.petName, valueString: plan.pet.name },
        { url: IOP.petSpecies, valueString: plan.pet.species },
      ];
      list.push(pet);
    }
    return list;
  };
  const reviewers: Record<DemoParticipantId, CareTeamMember> = {
    alex: CARE_TEAM.alexTherapist,
    jordan: CARE_TEAM.jordanTherapist,
  };
  for (const id of ids) {
    const plan = seed.safetyPlans[id];
    b.add<CarePlan>(`careplan:${id}`, {
      resourceType: 'CarePlan',
      identifier: [{ system: IOP.safetyPlan, value: plan.id }],
      extension: [{ url: IOP.planVersion, valuePositiveInt: plan.version }],
      status: 'active',
      intent: 'plan',
      category: [coding(IOP.category, 'safety-plan', 'Safety plan (Stanley-Brown)')],
      title: 'My safety plan',
      subject: patientRef(id),
      period: { start: plan.reviewedAt },
      author: practitionerRef(reviewers[id]),
      activity: activities(id, plan),
    });
  }

  // Consent to read each other's plan, as the reference backend seeds it (sharesWith).
  for (const owner of ids) {
    for (const viewer of seed.sharesWith[owner]) {
      b.add<Consent>(`consent:${owner}:${viewer}`, {
        resourceType: 'Consent',
        status: 'active',
        scope: coding(SYSTEMS.consentScope, 'patient-privacy', 'Privacy Consent'),
        category: [coding(IOP.category, 'safety-plan-sharing', 'Share my safety plan with my partner')],
        patient: patientRef(owner),
        dateTime: iso(t - 30 * DAY),
        performer: [patientRef(owner)],
        policyRule: coding(SYSTEMS.actCode, 'OPTIN', 'opt-in'),
        provision: {
          type: 'permit',
          actor: [{ role: coding(SYSTEMS.roleCode, PARTNER_ROLE), reference: patientRef(viewer) }],
          action: [coding(SYSTEMS.consentAction, 'access')],
          class: [{ system: SYSTEMS.resourceTypes, code: 'CarePlan' }],
        },
      });
    }
  }

  // Schedules (one per clinician, with the kinds they see) and Slots.
  const kindsByClinician = new Map<string, Set<SlotKind>>();
  for (const slot of seed.slots) {
    const kinds = kindsByClinician.get(slot.clinician.id) ?? new Set<SlotKind>();
    kinds.add(slot.kind);
    kindsByClinician.set(slot.clinician.id, kinds);
  }
  for (const [clinicianId, kinds] of kindsByClinician) {
    const member = Object.values(CARE_TEAM).find((m) => m.id === clinicianId)!;
    b.add<Schedule>(`schedule:${clinicianId}`, {
      resourceType: 'Schedule',
      active: true,
      serviceType: [...kinds].map(kindCode),
      actor: [practitionerRef(member)],
      comment: `${member.name}: telehealth follow-ups`,
    });
  }
  const booked = new Set(seed.appointments.map((a) => a.slotId));
  for (const slot of seed.slots) {
    b.add<Slot>(`slot:${slot.id}`, {
      resourceType: 'Slot',
      schedule: b.ref<Schedule>(`schedule:${slot.clinician.id}`)!,
      serviceType: [kindCode(slot.kind)],
      status: booked.has(slot.id) ? 'busy' : 'free',
      start: slot.start,
      end: slot.end,
    });
  }
  for (const appt of seed.appointments) {
    b.add<Appointment>(`appointment:${appt.id}`, {
      resourceType: 'Appointment',
      identifier: [{ system: IOP.booking, value: `seed-${appt.id}` }],
      ...(appt.joinUrl ? { extension: [{ url: IOP.joinUrl, valueUrl: appt.joinUrl }] } : {}),
      status: 'booked',
      serviceType: [kindCode(appt.kind)],
      start: appt.start,
      end: appt.end,
      slot: [b.ref<Slot>(`slot:${appt.slotId}`)!],
      created: iso(t - 2 * DAY),
      participant: [
        ...appt.participants.map((p) => ({
          actor: patientRef(p.id as DemoParticipantId),
          status: 'accepted' as const,
        })),
        { actor: practitionerRef(appt.clinician), status: 'accepted' as const },
      ],
    });
  }

  // Coverage, the plan's benefits, and the latest eligibility check with deductible and out-of-pocket.
  const first = seed.coverage.alex;
  b.add<InsurancePlan>('insuranceplan', {
    resourceType: 'InsurancePlan',
    status: 'active',
    identifier: [{ system: IOP.insurancePlan, value: PLAN_ID }],
    name: first.planName,
    ownedBy: insurer,
    plan: [
      {
        identifier: [{ system: IOP.insurancePlan, value: PLAN_ID }],
        type: coding(SYSTEMS.actCode, 'PPO', 'preferred provider organization policy'),
        specificCost: [{ category: { text: 'Behavioral health' }, benefit: first.services.map(benefit) }],
      },
    ],
  });
  for (const id of ids) {
    const coverage = seed.coverage[id];
    const last4 = coverage.memberIdMasked.slice(-4);
    const coverageRef = b.add<Coverage>(`coverage:${id}`, {
      resourceType: 'Coverage',
      status: 'active',
      type: coding(SYSTEMS.actCode, 'PPO', 'preferred provider organization policy'),
      subscriberId: `LKS000${last4}`,
      beneficiary: patientRef(id),
      relationship: coding(SYSTEMS.subscriberRelationship, 'self'),
      payor: [insurer],
      class: [{ type: coding(SYSTEMS.coverageClass, 'plan'), value: PLAN_ID, name: coverage.planName }],
    });
    const money = (cents: number) => ({ value: cents / 100, currency: 'USD' as const });
    b.add<CoverageEligibilityResponse>(`eligibility:${id}`, {
      resourceType: 'CoverageEligibilityResponse',
      status: 'active',
      purpose: ['benefits'],
      patient: patientRef(id),
      created: coverage.asOf,
      request: { display: `Benefits check for ${seed.participants[id].displayName}` },
      outcome: 'complete',
      insurer,
      insurance: [
        {
          coverage: coverageRef,
          inforce: true,
          item: [
            {
              category: coding(SYSTEMS.benefitCategory, '30', 'Health Benefit Plan Coverage'),
              network: coding(SYSTEMS.benefitNetwork, 'in'),
              unit: coding(SYSTEMS.benefitUnit, 'individual'),
              term: coding(SYSTEMS.benefitTerm, 'annual'),
              benefit: [
                {
                  type: coding(SYSTEMS.copayType, 'deductible'),
                  allowedMoney: money(coverage.deductible.individualCents),
                  usedMoney: money(coverage.deductible.metCents),
                },
                {
                  type: coding(SYSTEMS.copayType, 'maxoutofpocket'),
                  allowedMoney: money(coverage.outOfPocketMax.individualCents),
                  usedMoney: money(coverage.outOfPocketMax.metCents),
                },
              ],
            },
          ],
        },
      ],
    });
  }

  // Session preferences (the pet-friendly toggle).
  for (const id of ids) {
    const prefs = seed.preferences[id];
    b.add<Basic>(`preferences:${id}`, {
      resourceType: 'Basic',
      code: coding(IOP.category, 'session-preferences'),
      subject: patientRef(id),
      extension: [
        { url: IOP.petFriendly, valueBoolean: prefs.petFriendly },
        ...(prefs.pet
          ? [
              { url: IOP.petName, valueString: prefs.pet.name },
              { url: IOP.petSpecies, valueString: prefs.pet.species },
            ]
          : []),
      ],
    });
  }

  return { resourceType: 'Bundle', type: 'transaction', entry: b.entries };
}
