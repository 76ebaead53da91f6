import * as v from 'valibot';
import { expect } from '@open-wc/testing';
import {
  ConfigError,
  HttpError,
  IopError,
  NetworkError,
  SchemaError,
  TimeoutError,
  describeExpected,
  droppedFrom,
  formatPath,
  parseWith,
  schemaErrorFrom,
} from '../../src/core/errors.js';
import {
  AppointmentListSchema,
  AppointmentSchema,
  BookingRequestSchema,
  CoverageSchema,
  CrisisEventSchema,
  CrisisResourcesSchema,
  HotlineSchema,
  ParticipantSchema,
  PreferencesPatchSchema,
  PreferencesSchema,
  ProblemSchema,
  SafetyPlanSchema,
  SlotListSchema,
  SlotSchema,
  TelehealthSessionSchema,
  isDateTime,
  isHttpUrl,
} from '../../src/core/schemas.js';
import {
  DEMO_TOKENS,
  EMERGENCY_NUMBERS,
  HOTLINES,
  ON_CALL_ROTATION,
  createSeed,
  onCallAt,
} from '../../src/demo-data/seed.js';

const NOW = new Date('2026-11-27T09:30:00Z');
const HOUR = 3600_000;

/** The SchemaError thrown by parsing `data`, or a failure when parsing succeeds. */
function schemaError(fn: () => unknown): SchemaError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(SchemaError);
    return error as SchemaError;
  }
  throw new Error('expected a SchemaError');
}

describe('schemas: the demo seed is valid', () => {
  const seed = createSeed(NOW);

  it('parses every entity of the seed with its schema', () => {
    for (const p of Object.values(seed.participants)) parseWith(ParticipantSchema, p, 'participant');
    for (const p of Object.values(seed.safetyPlans)) parseWith(SafetyPlanSchema, p, 'safety plan');
    for (const c of Object.values(seed.coverage)) parseWith(CoverageSchema, c, 'coverage');
    for (const p of Object.values(seed.preferences)) parseWith(PreferencesSchema, p, 'preferences');
    for (const h of seed.hotlines) parseWith(HotlineSchema, h, 'hotline');
    expect(parseWith(SlotListSchema, seed.slots, 'slots')).to.have.length(seed.slots.length);
    expect(parseWith(AppointmentListSchema, seed.appointments, 'appointments')).to.have.length(1);
  });

  it('has the demo couple who share plans, with their tokens', () => {
    expect(DEMO_TOKENS).to.deep.equal({ 'demo-alex': 'alex', 'demo-jordan': 'jordan' });
    expect(seed.participants.alex.partner?.id).to.equal('jordan');
    expect(seed.participants.jordan.partner?.id).to.equal('alex');
    expect(seed.sharesWith.alex).to.include('jordan');
    expect(seed.sharesWith.jordan).to.include('alex');
  });

  it('gives each partner a couples therapist distinct from their individual therapist and counselor', () => {
    for (const p of Object.values(seed.participants)) {
      const byRole = (role: string) => p.careTeam.filter((m) => m.role === role);
      const couples = byRole('couples-therapist');
      expect(couples).to.have.length(1);
      const individual = [...byRole('individual-therapist'), ...byRole('substance-use-counselor')];
      expect(individual).to.have.length(2);
      expect(individual.map((m) => m.id)).not.to.include(couples[0]!.id);
      expect(byRole('psychiatrist')).to.have.length(1);
      expect(byRole('benefits-specialist')).to.have.length(1);
    }
    expect(seed.participants.alex.careTeam.find((m) => m.role === 'individual-therapist')?.id).not.to.equal(
      seed.participants.jordan.careTeam.find((m) => m.role === 'individual-therapist')?.id,
    );
  });

  it('uses 555-01xx numbers for every fictional person', () => {
    const phones = [
      ...seed.careTeam.map((m) => m.phone),
      ...Object.values(seed.safetyPlans).flatMap((p) =>
        [...p.helpContacts, ...p.distractions.people].map((c) => c.phone),
      ),
    ];
    for (const phone of phones) expect(phone).to.match(/555-01\d\d$/);
  });

  it('has complete Stanley-Brown plans; Alex has a pet and partner support', () => {
    const alex = seed.safetyPlans.alex;
    for (const plan of Object.values(seed.safetyPlans)) {
      expect(plan.warningSigns.length).to.be.greaterThan(0);
      expect(plan.copingStrategies.length).to.be.greaterThan(0);
      expect(plan.helpContacts.length).to.be.greaterThan(0);
      expect(plan.professionals.map((c) => c.phone)).to.include.members(['988', '911']);
      expect(plan.reasonsForLiving.length).to.be.greaterThan(0);
    }
    expect(alex.pet?.name).to.equal('Biscuit');
    expect(alex.partnerSupport?.deEscalationSteps.length).to.be.greaterThan(0);
  });

  it('covers every service of DESIGN.md in the PPO plan', () => {
    const codes = seed.coverage.alex.services.map((s) => s.code);
    expect(codes).to.include.members([
      'S9480',
      'H0015',
      '90839',
      '90840',
      '90847',
      '90853',
      '90792',
      '99214',
    ]);
    const services = seed.coverage.alex.services.map((s) => s.service);
    expect(services).to.include.members(['family-workshop', 'php', 'inpatient-referral']);
    expect(seed.coverage.alex.planType).to.equal('PPO');
  });

  it('has two weeks of slots of every kind, with crisis debriefs inside 24 h', () => {
    for (const kind of ['crisis-debrief', 'couples', 'individual', 'substance-use'] as const) {
      const starts = seed.slots.filter((s) => s.kind === kind).map((s) => Date.parse(s.start));
      expect(starts.length, kind).to.be.greaterThan(10);
      expect(Math.min(...starts)).to.be.greaterThan(NOW.getTime());
      expect(Math.max(...starts) - NOW.getTime()).to.be.greaterThan(12 * 24 * HOUR);
      expect(Math.max(...starts) - NOW.getTime()).to.be.lessThan(14 * 24 * HOUR);
    }
    const soon = seed.slots.filter(
      (s) => s.kind === 'crisis-debrief' && Date.parse(s.start) < NOW.getTime() + 24 * HOUR,
    );
    expect(soon.length).to.be.at.least(2);
    expect(new Set(seed.slots.map((s) => s.id)).size).to.equal(seed.slots.length);
  });

  it('returns fresh objects on every call', () => {
    const a = createSeed(NOW);
    a.preferences.alex.petFriendly = false;
    expect(createSeed(NOW).preferences.alex.petFriendly).to.equal(true);
  });

  it('has an on-call clinician for every hour of the week, until the end of the shift', () => {
    expect(ON_CALL_ROTATION).to.have.length(21);
    const sunday = Date.UTC(2026, 10, 22);
    for (let h = 0; h < 24 * 7; h++) {
      const at = sunday + h * HOUR + 30 * 60_000;
      const onCall = parseWith(CrisisResourcesSchema.entries.onCall, onCallAt(new Date(at)), 'on call');
      const until = Date.parse(onCall.until);
      expect(until).to.be.greaterThan(at);
      expect(until - at).to.be.at.most(8 * HOUR);
      expect(onCall.hasSafetyPlanAccess).to.equal(true);
    }
  });

  it('lists only DOMAIN.md hotlines, never the ended 988 press 3', () => {
    expect(EMERGENCY_NUMBERS).to.deep.equal({ US: '911', CA: '911', GB: '999', AU: '000' });
    expect(HOTLINES.find((h) => h.id === 'us-crisis-text-line')?.sms).to.deep.equal({
      number: '741741',
      body: 'HOME',
    });
    expect(HOTLINES.find((h) => h.id === 'us-samhsa')?.phone).to.equal('+1-800-662-4357');
    expect(JSON.stringify(HOTLINES)).not.to.match(/press 3/i);
  });
});

describe('schemas: bad data gives a SchemaError naming the path', () => {
  const seed = createSeed(NOW);

  it('rejects negative cents', () => {
    const coverage = structuredClone(seed.coverage.alex);
    coverage.deductible.individualCents = -100;
    const e = schemaError(() => parseWith(CoverageSchema, coverage, 'GET /coverage response'));
    expect(e.path).to.equal('deductible.individualCents');
    expect(e.expected).to.equal('a value >= 0');
    expect(e.message).to.contain('deductible.individualCents').and.contain('GET /coverage response');
  });

  // A bad service is left out (partial data, test/core/partial-data.test.ts); the report names the field.
  it('rejects fractional cents', () => {
    const coverage = structuredClone(seed.coverage.alex);
    coverage.services[4]!.inNetwork.copayCents = 30.5;
    const e = droppedFrom(parseWith(CoverageSchema, coverage, 'coverage'))!;
    expect(e.path).to.equal('services[4].inNetwork.copayCents');
    expect(e.expected).to.equal('an integer');
  });

  it('rejects coinsurance over 100 %', () => {
    const coverage = structuredClone(seed.coverage.alex);
    coverage.services[0]!.inNetwork.coinsurancePct = 120;
    const e = droppedFrom(parseWith(CoverageSchema, coverage, 'coverage'))!;
    expect(e.path).to.equal('services[0].inNetwork.coinsurancePct');
    expect(e.expected).to.equal('a value <= 100');
  });

  it('rejects met above total', () => {
    const coverage = structuredClone(seed.coverage.alex);
    coverage.outOfPocketMax.metCents = coverage.outOfPocketMax.individualCents + 1;
    const e = schemaError(() => parseWith(CoverageSchema, coverage, 'coverage'));
    expect(e.path).to.equal('outOfPocketMax.metCents');
    expect(e.expected).to.contain('must not exceed individualCents');
  });

  it('rejects a missing field', () => {
    const { displayName: _, ...participant } = structuredClone(seed.participants.alex);
    const e = schemaError(() => parseWith(ParticipantSchema, participant, 'GET /me response'));
    expect(e.path).to.equal('displayName');
    expect(e.expected).to.equal('a string');
  });

  it('rejects a date-time without offset', () => {
    const slot = { ...structuredClone(seed.slots[0]!), start: '2026-11-27T10:00:00' };
    const e = schemaError(() => parseWith(SlotSchema, slot, 'slot'));
    expect(e.path).to.equal('start');
    expect(e.expected).to.equal('an ISO 8601 date-time with offset');
  });

  it('rejects a slot that ends before it starts', () => {
    const slot = structuredClone(seed.slots[0]!);
    slot.end = slot.start;
    expect(schemaError(() => parseWith(SlotSchema, slot, 'slot')).path).to.equal('end');
  });

  it('rejects a wrong enum value, listing the allowed ones', () => {
    const appointment = { ...structuredClone(seed.appointments[0]!), status: 'maybe' };
    const e = schemaError(() => parseWith(AppointmentSchema, appointment, 'appointment'));
    expect(e.path).to.equal('status');
    expect(e.expected).to.equal('one of "booked", "cancelled", "fulfilled"');
  });

  it('rejects huge strings and empty names', () => {
    const plan = structuredClone(seed.safetyPlans.alex);
    plan.warningSigns[1] = 'x'.repeat(2001);
    expect(droppedFrom(parseWith(SafetyPlanSchema, plan, 'plan'))!.expected).to.equal(
      'at most 2000 characters',
    );
    const e = schemaError(() =>
      parseWith(BookingRequestSchema, { slotId: '', kind: 'couples', includePartner: true }, 'b'),
    );
    expect(e.expected).to.equal('at least 1 characters');
  });

  it('rejects join URLs that are not http(s)', () => {
    const e = schemaError(() =>
      parseWith(
        TelehealthSessionSchema,
        { joinUrl: 'javascript:alert(1)', expiresAt: NOW.toISOString() },
        't',
      ),
    );
    expect(e.path).to.equal('joinUrl');
    expect(e.expected).to.equal('a valid url');
  });

  it("accepts what zod's url and iso.datetime formats accept, and nothing else", () => {
    for (const ok of ['https://a.example/x?y=1', 'HTTP://localhost:8080', 'https://[::1]/'])
      expect(isHttpUrl(ok), ok).to.equal(true);
    for (const bad of ['https:/path', 'ftp://a.example', 'https://', 'https://[::1', '/relative', ''])
      expect(isHttpUrl(bad), bad).to.equal(false);
    for (const ok of [
      '2026-11-27T14:00:00-05:00',
      '2026-11-27T14:00:00.123Z',
      '2024-02-29T23:59:59+14:00',
      '0000-02-29T00:00:00Z',
    ])
      expect(isDateTime(ok), ok).to.equal(true);
    for (const bad of [
      '2026-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-11-27T24:00:00Z',
      '2026-11-27T14:00Z',
      '2026-11-27 14:00:00Z',
      '2026-11-27T14:00:00+0500',
      '2026-13-01T00:00:00Z',
    ])
      expect(isDateTime(bad), bad).to.equal(false);
    expect(schemaError(() => parseWith(SlotSchema, { ...seed.slots[0], end: 5 }, 'slot')).expected).to.equal(
      'a string',
    );
  });

  it('names array items and the root', () => {
    expect(droppedFrom(parseWith(SlotListSchema, [seed.slots[0], { id: 1 }], 'slots'))!.path).to.match(
      /^\[1\]\./,
    );
    expect(schemaError(() => parseWith(SlotListSchema, 'nope', 'slots')).path).to.equal('(root)');
  });

  it('accepts crisis events and preference patches, including a pet removal', () => {
    expect(
      parseWith(
        CrisisEventSchema,
        { id: 'e1', type: 'crisis-action', at: NOW.toISOString(), action: 'call-988' },
        'e',
      ).id,
    ).to.equal('e1');
    expect(parseWith(PreferencesPatchSchema, { petFriendly: false, pet: null }, 'p').pet).to.equal(null);
  });

  it('keeps problem+json extension members', () => {
    const p = parseWith(ProblemSchema, { title: 'Slot taken', status: 409, slotId: 's1' }, 'problem');
    expect(p).to.deep.equal({ title: 'Slot taken', status: 409, slotId: 's1' });
    expect(v.safeParse(ProblemSchema, { status: 42 }).success).to.equal(false);
  });
});

describe('errors', () => {
  it('have stable codes and readable messages', () => {
    expect(new NetworkError().code).to.equal('network');
    expect(new TimeoutError(8000).message).to.contain('8000 ms');
    expect(new TimeoutError().message).to.equal('The request timed out.');
    const http = new HttpError(409, { title: 'Slot taken', detail: 'Pick another time.' }, 2000);
    expect(http).to.be.instanceOf(IopError);
    expect([http.code, http.status, http.retryAfterMs, http.message]).to.deep.equal([
      'http',
      409,
      2000,
      'HTTP 409: Pick another time.',
    ]);
    expect(new HttpError(500).message).to.equal('HTTP 500');
    expect(new HttpError(500, { title: 'Oops' }).message).to.equal('HTTP 500: Oops');
    const config = new ConfigError('timeoutMs', 'a number');
    expect([config.code, config.option, config.expected]).to.deep.equal(['config', 'timeoutMs', 'a number']);
    expect(new SchemaError('a.b', 'a string').message).to.equal('Invalid data: a.b - expected a string.');
  });

  it('formats paths and describes issues', () => {
    expect(formatPath([])).to.equal('(root)');
    expect(formatPath([0, 'a', 2, 'b'])).to.equal('[0].a[2].b');
    expect(schemaErrorFrom([], 'x').path).to.equal('(root)');
    // Each issue as valibot reports it for one failed check.
    const issueOf = (schema: v.GenericSchema, value: unknown) => {
      const result = v.safeParse(schema, value);
      if (result.success) throw new Error('expected an issue');
      return result.issues[0];
    };
    const items = v.array(v.number());
    expect(describeExpected(issueOf(v.pipe(items, v.maxLength(3)), [1, 2, 3, 4]))).to.equal(
      'at most 3 items',
    );
    expect(describeExpected(issueOf(v.pipe(items, v.minLength(1)), []))).to.equal('at least 1 items');
    expect(describeExpected(issueOf(v.pipe(v.number(), v.gtValue(0)), 0))).to.equal('a value > 0');
    expect(describeExpected(issueOf(v.pipe(v.number(), v.ltValue(9)), 9))).to.equal('a value < 9');
    expect(describeExpected(issueOf(v.pipe(v.number(), v.minValue(100)), 1))).to.equal('a value >= 100');
    expect(describeExpected(issueOf(v.pipe(v.number(), v.maxValue(7)), 8))).to.equal('a value <= 7');
    expect(describeExpected(issueOf(v.pipe(v.string(), v.maxLength(40)), 'x'.repeat(41)))).to.equal(
      'at most 40 characters',
    );
    expect(describeExpected(issueOf(v.pipe(v.number(), v.integer()), 1.5))).to.equal('an integer');
    expect(describeExpected(issueOf(v.object({ a: v.string() }), null))).to.equal('an object');
    expect(describeExpected(issueOf(v.array(v.string()), {}))).to.equal('an array');
    expect(describeExpected(issueOf(v.picklist(['a', 'b']), 'c'))).to.equal('one of "a", "b"');
    expect(
      describeExpected(
        issueOf(
          v.pipe(
            v.string(),
            v.check(() => false, 'a thing'),
          ),
          'x',
        ),
      ),
    ).to.equal('a thing');
    // A missing field: what the field needed, when the parsed schema is given.
    const nested = v.object({ a: v.optional(v.object({ b: v.array(v.object({ c: v.boolean() })) })) });
    const missing = issueOf(nested, { a: { b: [{}] } });
    expect(formatPath(missing.path!.map((p) => p.key as PropertyKey))).to.equal('a.b[0].c');
    expect(describeExpected(missing, nested)).to.equal('a boolean');
    expect(describeExpected(missing)).to.equal('a value');
    expect(describeExpected(issueOf(v.union([v.string(), v.number()]), null))).to.equal(
      'a string or a number',
    );
  });
});
