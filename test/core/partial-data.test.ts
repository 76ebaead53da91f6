import { expect } from '@open-wc/testing';
import { SchemaError, droppedFrom, parseWith } from '../../src/core/errors.js';
import {
  AppointmentListSchema,
  CoverageSchema,
  CrisisResourcesSchema,
  ParticipantSchema,
  PreferencesSchema,
  SafetyPlanSchema,
  SlotListSchema,
} from '../../src/core/schemas.js';
import { createSeed } from '../../src/demo-data/seed.js';
import { createRestBackend } from '../../src/core/backends/rest-backend.js';

// Partial data (issue 13 part 4): one invalid item leaves out that item; an invalid core field still refuses
// the whole document. What was left out is told once, by path.

const seed = createSeed(new Date('2026-11-27T12:00:00Z'));
const clone = <T>(value: T): T => structuredClone(value);

function refused(run: () => unknown): SchemaError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(SchemaError);
    return error as SchemaError;
  }
  throw new Error('expected a SchemaError');
}

describe('partial data', () => {
  it('a safety plan with one bad warning sign and one bad contact keeps every other item', () => {
    const plan = clone(seed.safetyPlans.alex);
    const signs = plan.warningSigns.length;
    const contacts = plan.helpContacts.length;
    const raw = clone(plan) as unknown as Record<string, unknown[]>;
    raw.warningSigns![1] = '';
    (raw.helpContacts![0] as Record<string, unknown>).phone = 42;
    const parsed = parseWith(SafetyPlanSchema, raw, 'GET /safety-plans/current response');
    expect(parsed.warningSigns).to.deep.equal(plan.warningSigns.filter((_, i) => i !== 1));
    expect(parsed.warningSigns).to.have.length(signs - 1);
    expect(parsed.helpContacts).to.deep.equal(plan.helpContacts.slice(1));
    expect(parsed.helpContacts).to.have.length(contacts - 1);
    expect(parsed.copingStrategies).to.deep.equal(plan.copingStrategies);
    const dropped = droppedFrom(parsed)!;
    expect(dropped).to.be.instanceOf(SchemaError);
    expect(dropped.dropped).to.deep.equal(['warningSigns[1]', 'helpContacts[0]']);
    expect(dropped.path).to.equal('warningSigns[1]');
    expect(dropped.message).to.equal(
      'Invalid GET /safety-plans/current response: warningSigns[1] - expected at least 1 characters. ' +
        'Left out warningSigns[1], helpContacts[0]; everything else is shown.',
    );
  });

  it('a bad optional section (the pet) is left out, the plan stays', () => {
    const raw = clone(seed.safetyPlans.alex) as unknown as Record<string, unknown>;
    raw.pet = { name: '', species: 'dog' };
    const parsed = parseWith(SafetyPlanSchema, raw, 'plan');
    expect(parsed.pet).to.equal(undefined);
    expect(parsed.warningSigns).to.deep.equal(seed.safetyPlans.alex.warningSigns);
    expect(droppedFrom(parsed)!.dropped).to.deep.equal(['pet']);
  });

  it('a safety plan whose core is unusable still fails as a whole, naming the field', () => {
    for (const [field, value, path] of [
      ['reviewedAt', 'yesterday', 'reviewedAt'],
      ['version', 0, 'version'],
      ['warningSigns', 'not a list', 'warningSigns'],
      ['id', undefined, 'id'],
    ] as const) {
      const raw = { ...clone(seed.safetyPlans.alex), [field]: value };
      raw.warningSigns =
        field === 'warningSigns' ? raw.warningSigns : ['', ...seed.safetyPlans.alex.warningSigns];
      const error = refused(() => parseWith(SafetyPlanSchema, raw, 'plan'));
      expect(error.path, field).to.equal(path);
      expect(error.dropped).to.deep.equal([]);
    }
  });

  it('a coverage with one bad service keeps the others; a bad deductible refuses it', () => {
    const raw = clone(seed.coverage.alex) as unknown as { services: Array<Record<string, unknown>> };
    raw.services[2]!.inNetwork = { copayCents: -5, deductibleApplies: true, priorAuthRequired: false };
    const parsed = parseWith(CoverageSchema, raw, 'coverage');
    expect(parsed.services.map((s) => s.code)).to.deep.equal(
      seed.coverage.alex.services.filter((_, i) => i !== 2).map((s) => s.code),
    );
    expect(droppedFrom(parsed)!.path).to.equal('services[2].inNetwork.copayCents');
    expect(droppedFrom(parsed)!.dropped).to.deep.equal(['services[2]']);

    const broken = clone(seed.coverage.alex);
    broken.deductible.metCents = broken.deductible.individualCents + 1;
    expect(refused(() => parseWith(CoverageSchema, broken, 'coverage')).path).to.equal('deductible.metCents');
  });

  it('a slot list leaves out a slot that ends before it starts (a check that runs after the shape)', () => {
    const slots = clone(seed.slots.slice(0, 4));
    const bad = clone(slots);
    bad[1]!.end = bad[1]!.start;
    bad[3]!.clinician = { ...bad[3]!.clinician, role: 'wizard' as never };
    const parsed = parseWith(SlotListSchema, bad, 'slots');
    expect(parsed.map((s) => s.id)).to.deep.equal([slots[0]!.id, slots[2]!.id]);
    expect(droppedFrom(parsed)!.dropped).to.have.members(['[1]', '[3]']);
    // Not a list at all: refused.
    expect(refused(() => parseWith(SlotListSchema, { slots }, 'slots')).path).to.equal('(root)');
  });

  it('other documents: the care team, the crisis hotlines, appointments; preferences have no optional part', () => {
    const me = clone(seed.participants.alex) as unknown as { careTeam: Array<Record<string, unknown>> };
    me.careTeam[0]!.role = 'unknown';
    const participant = parseWith(ParticipantSchema, me, 'me');
    expect(participant.careTeam).to.have.length(seed.participants.alex.careTeam.length - 1);

    const resources = {
      onCall: {
        clinician: seed.careTeam[0],
        phone: '+15555550100',
        until: '2026-11-28T08:00:00Z',
        hasSafetyPlanAccess: true,
      },
      telehealth: { available: true },
      chat: { url: 'javascript:alert(1)' },
      hotlines: [seed.hotlines[0], { ...seed.hotlines[0], region: 'XX' }],
    };
    const crisis = parseWith(CrisisResourcesSchema, resources, 'crisis');
    expect(crisis.chat).to.equal(undefined);
    expect(crisis.hotlines).to.deep.equal([seed.hotlines[0]]);
    expect(droppedFrom(crisis)!.dropped).to.deep.equal(['chat', 'hotlines[1]']);
    resources.onCall.phone = '';
    expect(refused(() => parseWith(CrisisResourcesSchema, resources, 'crisis')).path).to.equal(
      'onCall.phone',
    );

    const appointments = clone(seed.appointments);
    if (appointments.length) {
      (appointments[0] as unknown as Record<string, unknown>).status = 'maybe';
      expect(parseWith(AppointmentListSchema, appointments, 'appointments')).to.have.length(
        seed.appointments.length - 1,
      );
    }

    const preferences = { version: 1, petFriendly: true, pet: { name: '', species: 'dog' } };
    expect(refused(() => parseWith(PreferencesSchema, preferences, 'preferences')).path).to.equal('pet.name');
  });

  it('valid data carries no report, and the REST adapter hands back the partial plan with its report', async () => {
    expect(droppedFrom(parseWith(SafetyPlanSchema, clone(seed.safetyPlans.alex), 'plan'))).to.equal(
      undefined,
    );
    const body = clone(seed.safetyPlans.alex) as unknown as { reasonsForLiving: unknown[] };
    body.reasonsForLiving.push({ not: 'text' });
    const backend = createRestBackend({
      baseUrl: 'https://api.clinic.example/v1',
      timeoutMs: 1000,
      retries: 0,
      fetch: async () =>
        new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }),
    });
    const plan = await backend.getSafetyPlan('me');
    expect(plan.reasonsForLiving).to.deep.equal(seed.safetyPlans.alex.reasonsForLiving);
    const report = droppedFrom(plan)!;
    expect(report.what).to.equal('GET /safety-plans/current response');
    expect(report.dropped).to.deep.equal([
      `reasonsForLiving[${seed.safetyPlans.alex.reasonsForLiving.length}]`,
    ]);
  });
});
