/**
 * Demo data shared by the in-memory adapter (Storybook, tests) and the reference backend (demo/server).
 *
 * Everyone in it is fictional: phone numbers of fictional people and services use the 555-01xx range, and
 * web addresses use the reserved `.example` domain. Hotlines are real and come only from DOMAIN.md.
 */
import type {
  Appointment,
  CareTeamMember,
  CostShare,
  Coverage,
  CrisisResources,
  Hotline,
  Participant,
  Preferences,
  Region,
  SafetyPlan,
  ServiceBenefit,
  Slot,
  SlotKind,
} from '../core/schemas.js';

export type DemoParticipantId = 'alex' | 'jordan';

/** Bearer tokens of the demo couple (reference backend and in-memory adapter). */
export const DEMO_TOKENS: Readonly<Record<string, DemoParticipantId>> = Object.freeze({
  'demo-alex': 'alex',
  'demo-jordan': 'jordan',
});

/** The program's 24/7 on-call line (fictional). */
export const ON_CALL_PHONE = '+1-312-555-0100';
/** Where demo telehealth rooms and the demo secure chat live (add these origins to `allowedOrigins`). */
/** What the demo clinic says about when check-ins are read (GET /check-ins `readSchedule`), by language. */
// A plain literal (no Object.freeze call), so bundles that use other demo data leave it out.
export const DEMO_READ_SCHEDULE: Readonly<Record<'en' | 'es', string>> = {
  en: 'Your care team reads check-ins within one business day (Monday to Friday).',
  es: 'Tu equipo de atención lee los registros en menos de un día hábil (de lunes a viernes).',
};

/** The demo clinic's read schedule in a participant's language (BCP 47 tag; Spanish for es-*, else English). */
export function demoReadSchedule(locale: string): string {
  return /^es\b/i.test(locale) ? DEMO_READ_SCHEDULE.es : DEMO_READ_SCHEDULE.en;
}

export const DEMO_TELEHEALTH_ORIGIN = 'https://telehealth.clinic.example';
export const DEMO_CHAT_URL = 'https://chat.clinic.example/iop';

/** Emergency number per region (DOMAIN.md). */
export const EMERGENCY_NUMBERS: Readonly<Record<Region, string>> = Object.freeze({
  US: '911',
  CA: '911',
  GB: '999',
  AU: '000',
});

/** Crisis lines per region, exactly as DOMAIN.md lists them (no 988 "press 3": it ended in July 2025). */
export const HOTLINES: readonly Hotline[] = Object.freeze([
  {
    id: 'us-988',
    name: '988 Suicide & Crisis Lifeline',
    phone: '988',
    sms: { number: '988' },
    chatUrl: 'https://988lifeline.org',
    description:
      'Call or text 988, or chat online. On a call, press 1 for the Veterans Crisis Line, press 2 for Spanish.',
    region: 'US',
  },
  {
    id: 'us-veterans',
    name: 'Veterans Crisis Line',
    phone: '988',
    sms: { number: '838255' },
    description: 'Call 988 and press 1, or text 838255.',
    region: 'US',
  },
  {
    id: 'us-crisis-text-line',
    name: 'Crisis Text Line',
    sms: { number: '741741', body: 'HOME' },
    description: 'Text HOME to 741741.',
    region: 'US',
  },
  {
    id: 'us-samhsa',
    name: 'SAMHSA National Helpline',
    phone: '+1-800-662-4357',
    description:
      'Help finding treatment for mental health and substance use (referral, not counselling). TTY 1-800-487-4889.',
    region: 'US',
  },
  {
    id: 'ca-988',
    name: '9-8-8 Suicide Crisis Helpline',
    phone: '988',
    sms: { number: '988' },
    description: 'Call or text 9-8-8, in English and French.',
    region: 'CA',
  },
  {
    id: 'gb-nhs-111',
    name: 'NHS 111 (mental health crisis)',
    phone: '111',
    description: 'Call 111 and choose option 2 (England).',
    region: 'GB',
  },
  {
    id: 'gb-samaritans',
    name: 'Samaritans',
    phone: '116123',
    description: 'Call 116 123.',
    region: 'GB',
  },
  {
    id: 'gb-shout',
    name: 'Shout',
    sms: { number: '85258', body: 'SHOUT' },
    description: 'Text SHOUT to 85258.',
    region: 'GB',
  },
  {
    id: 'au-lifeline',
    name: 'Lifeline',
    phone: '131114',
    sms: { number: '0477131114' },
    description: 'Call 13 11 14 or text 0477 13 11 14.',
    region: 'AU',
  },
] satisfies Hotline[]);

// ---------------------------------------------------------------------------------------------------------
// Care team

/** Every clinician and specialist of the demo program, by id. */
export const CARE_TEAM = Object.freeze({
  couplesTherapist: {
    id: 'ct-okafor',
    name: 'Dr. Maya Okafor',
    role: 'couples-therapist',
    phone: '+1-312-555-0110',
    credentials: 'PhD, LMFT',
  },
  alexTherapist: {
    id: 'ct-rivera',
    name: 'Sam Rivera',
    role: 'individual-therapist',
    phone: '+1-312-555-0111',
    credentials: 'LCSW',
  },
  jordanTherapist: {
    id: 'ct-natarajan',
    name: 'Dr. Priya Natarajan',
    role: 'individual-therapist',
    phone: '+1-312-555-0112',
    credentials: 'PsyD',
  },
  alexCounselor: {
    id: 'ct-delgado',
    name: 'Chris Delgado',
    role: 'substance-use-counselor',
    phone: '+1-312-555-0113',
    credentials: 'CADC',
  },
  jordanCounselor: {
    id: 'ct-whitfield',
    name: 'Dana Whitfield',
    role: 'substance-use-counselor',
    phone: '+1-312-555-0114',
    credentials: 'LCADC',
  },
  psychiatrist: {
    id: 'ct-vasquez',
    name: 'Dr. Elena Vasquez',
    role: 'psychiatrist',
    phone: '+1-312-555-0115',
    credentials: 'MD',
  },
  caseManager: {
    id: 'ct-brooks',
    name: 'Taylor Brooks',
    role: 'case-manager',
    phone: '+1-312-555-0116',
    credentials: 'BSW',
  },
  benefitsSpecialist: {
    id: 'ct-lee',
    name: 'Marcus Lee',
    role: 'benefits-specialist',
    phone: '+1-312-555-0117',
  },
} satisfies Record<string, CareTeamMember>);

const T = CARE_TEAM;

// ---------------------------------------------------------------------------------------------------------
// On-call rotation: 21 shifts of 8 hours (00-08, 08-16, 16-24 UTC, every day), so every hour of the week is
// covered. Kept in UTC on purpose: no time-zone arithmetic, no daylight-saving gaps.

export interface OnCallShift {
  /** 0 = Sunday ... 6 = Saturday (UTC). */
  weekday: number;
  /** 0, 8 or 16 (UTC); the shift lasts 8 hours. */
  startHourUtc: number;
  clinician: CareTeamMember;
}

const ON_CALL_CLINICIANS: readonly CareTeamMember[] = [
  T.alexTherapist,
  T.jordanTherapist,
  T.couplesTherapist,
  T.psychiatrist,
];
export const SHIFT_HOURS = 8;

/** The full week of on-call shifts. */
export const ON_CALL_ROTATION: readonly OnCallShift[] = Object.freeze(
  Array.from({ length: 21 }, (_, i) => ({
    weekday: Math.floor(i / 3),
    startHourUtc: (i % 3) * SHIFT_HOURS,
    clinician: ON_CALL_CLINICIANS[i % ON_CALL_CLINICIANS.length]!,
  })),
);

/** Who is on call at `date`, on which line, and until when. Every on-call clinician can see safety plans. */
export function onCallAt(date: Date): CrisisResources['onCall'] {
  const weekday = date.getUTCDay();
  const slot = Math.floor(date.getUTCHours() / SHIFT_HOURS);
  const shift = ON_CALL_ROTATION[weekday * 3 + slot]!;
  const until = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), shift.startHourUtc + SHIFT_HOURS),
  );
  return {
    clinician: shift.clinician,
    phone: ON_CALL_PHONE,
    until: until.toISOString(),
    hasSafetyPlanAccess: true,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Coverage: one PPO plan, realistic cost shares, the same rules for mental health as for medical care (parity).

const ooN: CostShare = { coinsurancePct: 40, deductibleApplies: true, priorAuthRequired: true };

/**
 * Benefits for every service DESIGN.md names. Codes: HCPCS/CPT, plus a revenue code for inpatient.
 * `typicalAllowedCents` is the demo clinic's typical allowed amount for one visit or day (demo figures, not
 * any payer's fee schedule); `program` is the demo clinic's usual schedule for a per-day program.
 */
export const PPO_SERVICES: readonly ServiceBenefit[] = Object.freeze([
  {
    service: 'iop-day',
    code: 'S9480',
    label: 'Intensive outpatient program, per day',
    inNetwork: { coinsurancePct: 20, deductibleApplies: true, priorAuthRequired: true },
    outOfNetwork: ooN,
    typicalAllowedCents: 35_000,
    program: { daysPerWeek: 3, weeks: 8 },
  },
  {
    service: 'sud-iop',
    code: 'H0015',
    label: 'Substance-use intensive outpatient program, per day',
    inNetwork: { coinsurancePct: 20, deductibleApplies: true, priorAuthRequired: true },
    outOfNetwork: ooN,
    typicalAllowedCents: 27_500,
    program: { daysPerWeek: 3, weeks: 8 },
  },
  {
    service: 'crisis-telehealth',
    code: '90839',
    label: 'Crisis psychotherapy by video, first 60 minutes',
    inNetwork: { copayCents: 0, deductibleApplies: false, priorAuthRequired: false },
    outOfNetwork: { coinsurancePct: 40, deductibleApplies: true, priorAuthRequired: false },
    typicalAllowedCents: 15_000,
  },
  {
    service: 'crisis-telehealth-extra',
    code: '90840',
    label: 'Crisis psychotherapy by video, each extra 30 minutes',
    inNetwork: { copayCents: 0, deductibleApplies: false, priorAuthRequired: false },
    outOfNetwork: { coinsurancePct: 40, deductibleApplies: true, priorAuthRequired: false },
    typicalAllowedCents: 7_000,
  },
  {
    service: 'couples-therapy',
    code: '90847',
    label: 'Couples therapy with the patient present (50 minutes)',
    inNetwork: { copayCents: 3000, deductibleApplies: false, priorAuthRequired: false },
    outOfNetwork: { coinsurancePct: 40, deductibleApplies: true, priorAuthRequired: false },
    typicalAllowedCents: 11_000,
  },
  {
    service: 'group-therapy',
    code: '90853',
    label: 'Group therapy',
    inNetwork: { copayCents: 1500, deductibleApplies: false, priorAuthRequired: false },
    outOfNetwork: { coinsurancePct: 40, deductibleApplies: true, priorAuthRequired: false },
    typicalAllowedCents: 3_500,
  },
  {
    service: 'psychiatric-evaluation',
    code: '90792',
    label: 'Psychiatric evaluation with medical services',
    inNetwork: { copayCents: 5000, deductibleApplies: false, priorAuthRequired: false },
    outOfNetwork: { coinsurancePct: 40, deductibleApplies: true, priorAuthRequired: false },
    typicalAllowedCents: 23_000,
  },
  {
    service: 'medication-management',
    code: '99214',
    label: 'Medication management visit',
    inNetwork: { copayCents: 3000, deductibleApplies: false, priorAuthRequired: false },
    outOfNetwork: { coinsurancePct: 40, deductibleApplies: true, priorAuthRequired: false },
    typicalAllowedCents: 13_000,
  },
  {
    service: 'family-workshop',
    code: '90849',
    label: 'Family workshop (multiple-family group)',
    inNetwork: { copayCents: 1500, deductibleApplies: false, priorAuthRequired: false, visitLimit: 12 },
    outOfNetwork: { coinsurancePct: 40, deductibleApplies: true, priorAuthRequired: false, visitLimit: 12 },
    typicalAllowedCents: 4_000,
  },
  {
    service: 'php',
    code: 'H0035',
    label: 'Partial hospitalization program, per day',
    inNetwork: { coinsurancePct: 20, deductibleApplies: true, priorAuthRequired: true },
    outOfNetwork: ooN,
    typicalAllowedCents: 65_000,
    program: { daysPerWeek: 5, weeks: 3 },
  },
  {
    service: 'inpatient-referral',
    code: '0124',
    label: 'Inpatient psychiatric care, by referral (per day)',
    inNetwork: { copayCents: 25000, coinsurancePct: 20, deductibleApplies: true, priorAuthRequired: true },
    outOfNetwork: ooN,
    typicalAllowedCents: 120_000,
  },
] satisfies ServiceBenefit[]);

// ---------------------------------------------------------------------------------------------------------
// The seed

export interface Seed {
  participants: Record<DemoParticipantId, Participant>;
  /** `sharesWith[a]` lists who may read a's safety plan. Alex and Jordan consent to share with each other. */
  sharesWith: Record<DemoParticipantId, DemoParticipantId[]>;
  careTeam: CareTeamMember[];
  hotlines: Hotline[];
  telehealth: { available: boolean; origin: string };
  chat?: { url: string };
  safetyPlans: Record<DemoParticipantId, SafetyPlan>;
  coverage: Record<DemoParticipantId, Coverage>;
  /** Free and taken slots; a slot is free when no booked appointment uses it. */
  slots: Slot[];
  appointments: Appointment[];
  preferences: Record<DemoParticipantId, Preferences>;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** Start of the next whole hour after `ms`. */
const nextHour = (ms: number) => Math.floor(ms / HOUR) * HOUR + HOUR;
/** Midnight UTC of the day of `ms`. */
const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;

interface SlotPlan {
  kind: SlotKind;
  clinicians: CareTeamMember[];
  /** UTC hours of the day at which sessions start (15-23 UTC is daytime to evening in US time zones). */
  hoursUtc: number[];
  minutes: number;
  weekdaysOnly: boolean;
}

const SLOT_PLANS: SlotPlan[] = [
  {
    kind: 'crisis-debrief',
    clinicians: [T.alexTherapist, T.jordanTherapist],
    hoursUtc: [15, 22],
    minutes: 30,
    weekdaysOnly: false,
  },
  {
    kind: 'couples',
    clinicians: [T.couplesTherapist],
    hoursUtc: [16, 19, 23],
    minutes: 50,
    weekdaysOnly: true,
  },
  {
    kind: 'individual',
    clinicians: [T.alexTherapist, T.jordanTherapist],
    hoursUtc: [15, 18, 21],
    minutes: 50,
    weekdaysOnly: true,
  },
  {
    kind: 'substance-use',
    clinicians: [T.alexCounselor, T.jordanCounselor],
    hoursUtc: [14, 17, 20],
    minutes: 50,
    weekdaysOnly: true,
  },
];

function makeSlot(kind: SlotKind, clinician: CareTeamMember, startMs: number, minutes: number): Slot {
  return {
    id: `slot-${kind}-${clinician.id}-${startMs / 60_000}`,
    start: iso(startMs),
    end: iso(startMs + minutes * 60_000),
    clinician,
    kind,
    modality: 'telehealth',
  };
}

/** Two weeks of slots from `now` for every kind, with crisis debriefs inside the next 24 hours. */
function makeSlots(now: number): Slot[] {
  const slots: Slot[] = [];
  const end = now + 14 * DAY;
  // Crisis debriefs soon: 2 h, 5 h and 20 h from now, for each individual therapist.
  for (const clinician of SLOT_PLANS[0]!.clinicians) {
    for (const h of [2, 5, 20])
      slots.push(makeSlot('crisis-debrief', clinician, nextHour(now) + h * HOUR, 30));
  }
  for (let day = dayStart(now); day < end; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    for (const plan of SLOT_PLANS) {
      if (plan.weekdaysOnly && (weekday === 0 || weekday === 6)) continue;
      for (const clinician of plan.clinicians) {
        for (const hour of plan.hoursUtc) {
          const start = day + hour * HOUR;
          if (start > now + HOUR && start < end)
            slots.push(makeSlot(plan.kind, clinician, start, plan.minutes));
        }
      }
    }
  }
  // Unique ids: a generated "soon" debrief may coincide with a daily one.
  const seen = new Set<string>();
  return slots
    .filter((s) => !seen.has(s.id) && seen.add(s.id))
    .sort((a, b) => a.start.localeCompare(b.start));
}

const lifeline = { name: '988 Suicide & Crisis Lifeline', phone: '988', sms: { number: '988' } };
const emergency = { name: 'Emergency services', phone: '911', note: 'In danger now? Call 911.' };
const onCallContact = {
  name: 'IOP on-call line (24/7)',
  phone: ON_CALL_PHONE,
  note: 'The on-call therapist has this plan.',
};
const emergencyDepartment = {
  name: 'Lakeview General Hospital, emergency department',
  phone: '+1-312-555-0190',
  note: '1200 N Lake St (fictional demo address)',
};

/**
 * Build the demo data relative to `now` (slots, review dates, the booked appointment).
 * Returns fresh objects every call: callers may mutate what they get.
 */
export function createSeed(now: Date): Seed {
  const t = now.getTime();
  const alexRef = { id: 'alex', displayName: 'Alex' };
  const jordanRef = { id: 'jordan', displayName: 'Jordan' };
  const shared = [T.couplesTherapist, T.psychiatrist, T.caseManager, T.benefitsSpecialist];

  const slots = makeSlots(t);
  // One couples session already booked, 3 days out, so "my appointments" is not empty in demos.
  const bookedStart = dayStart(t) + 3 * DAY + 17 * HOUR;
  const bookedSlot = makeSlot('couples', T.couplesTherapist, bookedStart, 50);
  const coverageFor = (memberIdMasked: string, metCents: number): Coverage => ({
    planName: 'Lakeshore Health PPO Silver',
    planType: 'PPO',
    memberIdMasked,
    asOf: iso(t - 2 * DAY),
    deductible: { individualCents: 150_000, metCents },
    outOfPocketMax: { individualCents: 600_000, metCents: metCents + 32_000 },
    services: PPO_SERVICES.map((s) => structuredClone(s)),
    benefitsSpecialist: {
      name: T.benefitsSpecialist.name,
      relationship: 'Benefits specialist',
      phone: T.benefitsSpecialist.phone,
      note: 'Weekdays 9 a.m. to 5 p.m. Central. Can check prior authorization for you.',
    },
  });

  const seed: Seed = {
    participants: {
      alex: {
        id: 'alex',
        displayName: 'Alex',
        pronouns: 'they/them',
        timezone: 'America/Chicago',
        locale: 'en-US',
        partner: jordanRef,
        careTeam: [T.couplesTherapist, T.alexTherapist, T.alexCounselor, ...shared.slice(1)],
      },
      jordan: {
        id: 'jordan',
        displayName: 'Jordan',
        pronouns: 'she/her',
        timezone: 'America/Chicago',
        locale: 'es-US',
        partner: alexRef,
        careTeam: [T.couplesTherapist, T.jordanTherapist, T.jordanCounselor, ...shared.slice(1)],
      },
    },
    sharesWith: { alex: ['jordan'], jordan: ['alex'] },
    careTeam: Object.values(T),
    hotlines: HOTLINES.map((h) => structuredClone(h)),
    telehealth: { available: true, origin: DEMO_TELEHEALTH_ORIGIN },
    chat: { url: DEMO_CHAT_URL },
    safetyPlans: {
      alex: {
        id: 'plan-alex',
        participantId: 'alex',
        version: 3,
        reviewedAt: iso(t - 12 * DAY),
        reviewedBy: `${T.alexTherapist.name}, ${T.alexTherapist.credentials}`,
        warningSigns: [
          'I stop answering texts and stay in bed.',
          'I think "everyone would be better off without me."',
          'I feel the urge to drink after an argument.',
          'I can not sleep for two nights in a row.',
        ],
        copingStrategies: [
          'Take Biscuit for a walk around the block.',
          'Box breathing: in 4, hold 4, out 4, hold 4.',
          'Play guitar for 15 minutes.',
          'Take a hot shower and put on clean clothes.',
        ],
        distractions: {
          people: [
            { name: 'Sam (cousin)', relationship: 'Cousin', phone: '+1-312-555-0141' },
            { name: 'Riley', relationship: 'Friend from climbing gym', phone: '+1-312-555-0142' },
          ],
          places: ['The dog park on Elm Street', 'The public library', 'The climbing gym'],
        },
        helpContacts: [
          {
            name: 'Jordan',
            relationship: 'Partner',
            phone: '+1-312-555-0140',
            sms: { number: '+1-312-555-0140' },
          },
          { name: 'Pat', relationship: 'Sister', phone: '+1-312-555-0143' },
          { name: 'Morgan', relationship: 'Recovery sponsor', phone: '+1-312-555-0144' },
        ],
        professionals: [
          { name: T.alexTherapist.name, relationship: 'Individual therapist', phone: T.alexTherapist.phone },
          {
            name: T.alexCounselor.name,
            relationship: 'Substance-use counselor',
            phone: T.alexCounselor.phone,
          },
          onCallContact,
          emergencyDepartment,
          lifeline,
          emergency,
        ],
        environmentSafety: [
          'Medicines stay in the locked box; Jordan keeps the key.',
          'No alcohol in the house.',
          'If I feel unsafe, I go somewhere with people around and call for help.',
        ],
        reasonsForLiving: [
          'Jordan and the life we are building',
          'Biscuit needs me',
          'Seeing my niece grow up',
        ],
        partnerSupport: {
          howPartnerHelps: [
            'Jordan checks in with one text when I go quiet, and does not push.',
            'Jordan sits with me and helps me use this plan.',
            'Jordan calls the on-call line with me if I ask.',
          ],
          deEscalationSteps: [
            'Either of us can call a 20-minute time-out; we agree on when to come back.',
            'Lower our voices and sit down.',
            'Talk about one thing at a time, and use "I feel" sentences.',
          ],
          groundingTechniques: [
            '5-4-3-2-1: name 5 things you see, 4 you can touch, 3 you hear, 2 you smell, 1 you taste.',
            'Hold something cold and describe it out loud.',
            'Breathe together, slowly, for one minute.',
          ],
        },
        pet: { name: 'Biscuit', species: 'dog', howItHelps: 'Walking and petting Biscuit calms me down.' },
      },
      jordan: {
        id: 'plan-jordan',
        participantId: 'jordan',
        version: 2,
        reviewedAt: iso(t - 20 * DAY),
        reviewedBy: `${T.jordanTherapist.name}, ${T.jordanTherapist.credentials}`,
        warningSigns: [
          'I feel numb and cancel plans with friends.',
          'I replay old memories over and over.',
          'I skip meals and work late every night.',
        ],
        copingStrategies: [
          'Write three lines in my journal.',
          'Listen to my calm playlist with headphones.',
          'Cook something simple.',
        ],
        distractions: {
          people: [{ name: 'Lucía', relationship: 'Friend', phone: '+1-312-555-0151' }],
          places: ['My mom’s kitchen', 'The community garden'],
        },
        helpContacts: [
          {
            name: 'Alex',
            relationship: 'Partner',
            phone: '+1-312-555-0150',
            sms: { number: '+1-312-555-0150' },
          },
          { name: 'Rosa', relationship: 'Mother', phone: '+1-312-555-0152' },
        ],
        professionals: [
          {
            name: T.jordanTherapist.name,
            relationship: 'Individual therapist',
            phone: T.jordanTherapist.phone,
          },
          onCallContact,
          emergencyDepartment,
          lifeline,
          emergency,
        ],
        environmentSafety: [
          'Keep only a small supply of medicine at home.',
          'Alex holds the car keys on hard nights.',
        ],
        reasonsForLiving: ['Alex', 'My mom and my brothers', 'Finishing my nursing degree'],
        partnerSupport: {
          howPartnerHelps: [
            'Alex asks, "Do you want company or space?" and respects the answer.',
            'Alex reminds me to eat and drink water.',
          ],
          deEscalationSteps: [
            'Pause and take a walk, separately, for 20 minutes.',
            'Come back and listen first.',
          ],
          groundingTechniques: [
            'Feet flat on the floor; notice the pressure.',
            'Name five blue things in the room.',
          ],
        },
      },
    },
    coverage: { alex: coverageFor('XXXX-XX-4821', 45_000), jordan: coverageFor('XXXX-XX-4822', 12_500) },
    slots: [...slots, bookedSlot].sort((a, b) => a.start.localeCompare(b.start)),
    appointments: [
      {
        id: 'appt-couples-1',
        slotId: bookedSlot.id,
        start: bookedSlot.start,
        end: bookedSlot.end,
        clinician: T.couplesTherapist,
        participants: [alexRef, jordanRef],
        kind: 'couples',
        status: 'booked',
        joinUrl: `${DEMO_TELEHEALTH_ORIGIN}/join/appt-couples-1`,
      },
    ],
    preferences: {
      alex: { version: 1, petFriendly: true, pet: { name: 'Biscuit', species: 'dog' } },
      jordan: { version: 1, petFriendly: false },
    },
  };
  return structuredClone(seed);
}
