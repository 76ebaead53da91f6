// The FHIR R4 adapter against the real FHIR server of the test rig (Medplum's router behind the project's own
// HTTP wrapper, started by the web-test-runner plugin): one test per row of DESIGN.md's mapping table, and the
// awkward cases. Each test crafts its own patients (test/shared/fhir-fixture.ts), so none sees another's writes.
import { expect } from '@open-wc/testing';
import { fhirReset, fhirServer } from '../../shared/fhir-server.js';
import { aCheckIn } from '../../shared/check-ins.js';
import { createFhirBackend, type FhirConfig } from '../../../src/core/backends/fhir/fhir-backend.js';
import { HttpError, SchemaError } from '../../../src/core/errors.js';
import { toSubmission, type CheckIn } from '../../../src/core/check-in/check-in.js';
import { CSSRS_SCREENER_RECENT } from '../../../src/core/check-in/instrument.js';
import {
  HOUR,
  KIT,
  createCoverage,
  createOnCall,
  createWorld,
  fhirClient,
  grantToTestUser,
  kitCode,
  type World,
} from '../../shared/fhir-fixture.js';

const adapter = (world: World, config: Partial<FhirConfig> = {}, pageSize?: number) =>
  createFhirBackend(
    {
      baseUrl: world.baseUrl,
      patient: world.me,
      getAccessToken: () => 'demo-alex',
      timeoutMs: 8000,
      retries: 0,
      ...config,
    },
    pageSize ? { pageSize } : {},
  );

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

const day = (now: number) => ({
  from: new Date(now).toISOString(),
  to: new Date(now + 24 * HOUR).toISOString(),
});

let world: World;
before(async function () {
  this.timeout(120_000);
  await fhirReset();
});
beforeEach(async () => {
  world = await createWorld();
});

describe('FHIR adapter: getMe (Patient + CareTeam)', () => {
  it('reads the name, preferred language, time zone, partner and the care team with roles', async () => {
    const me = await adapter(world).getMe();
    expect(me.id).to.equal(world.me.split('/')[1]);
    expect(me.displayName).to.match(/^Alex /);
    expect(me.locale).to.equal('es');
    expect(me.timezone).to.equal('America/Chicago');
    expect(me.partner?.id).to.equal(world.partner.split('/')[1]);
    expect(me.partner?.displayName).to.match(/^Jordan /);
    const therapist = me.careTeam.find((m) => m.id === world.therapist);
    expect(therapist).to.include({
      role: 'individual-therapist',
      phone: '+1-312-555-0101',
      credentials: 'LCSW',
    });
    expect(me.careTeam.map((m) => m.role).sort()).to.deep.equal([
      'benefits-specialist',
      'couples-therapist',
      'individual-therapist',
    ]);
  });

  it('skips unknown role codes and falls back to the browser time zone; missing optional fields stay out', async () => {
    const { fhir } = world;
    const patient = await fhir.create({ resourceType: 'Patient', name: [{ given: ['Riley'] }] });
    const odd = await fhir.create({ resourceType: 'Practitioner', name: [{ text: 'Dee Tician' }] });
    await fhir.create({
      resourceType: 'CareTeam',
      status: 'active',
      subject: { reference: `Patient/${patient.id}` },
      participant: [
        { role: [kitCode('role', 'dietitian')], member: { reference: `Practitioner/${odd.id}` } },
        { role: [kitCode('role', 'case-manager')], member: { reference: `Practitioner/${odd.id}` } },
      ],
    });
    const me = await adapter(world, { patient: `Patient/${patient.id}` }).getMe();
    expect(me.displayName).to.equal('Riley');
    expect(me.timezone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(me.partner).to.equal(undefined);
    expect(me.careTeam).to.deep.equal([
      { id: odd.id, name: 'Dee Tician', role: 'case-manager', phone: undefined, credentials: undefined },
    ]);
  });
});

describe('FHIR adapter: getCrisisResources (on-call PractitionerRole)', () => {
  afterEach(function () {
    this.timeout(30_000);
    return fhirReset();
  });

  it('gives the on-call clinician, their line, until when, and telehealth and chat from the option', async () => {
    // Only this test's shift is on call: other on-call roles on the server are ended first.
    for (const role of await world.fhir.search(
      `PractitionerRole?role=${encodeURIComponent(`${KIT}role|on-call`)}`,
    ))
      await world.fhir.update({ ...role, active: false });
    const now = Date.now();
    await createOnCall(world.fhir, world.therapist, now);
    const withOption = adapter(world, {
      telehealth: {
        start: async () => ({ joinUrl: 'https://x.example/j', expiresAt: new Date().toISOString() }),
        chatUrl: 'https://chat.clinic.example/',
      },
    });
    const resources = await withOption.getCrisisResources();
    expect(resources.onCall.clinician).to.include({ id: world.therapist, role: 'individual-therapist' });
    expect(resources.onCall.phone).to.equal('+1-312-555-0199');
    expect(Date.parse(resources.onCall.until)).to.equal(now + HOUR);
    expect(resources.onCall.hasSafetyPlanAccess).to.equal(true);
    expect(resources.telehealth.available).to.equal(true);
    expect(resources.chat).to.deep.equal({ url: 'https://chat.clinic.example/' });
    const without = await adapter(world).getCrisisResources();
    expect(without.telehealth.available).to.equal(false);
    expect(without.chat).to.equal(undefined);
    const error = await rejection(adapter(world).startTelehealth({ includePartner: false }));
    expect((error as HttpError).status).to.equal(503);
  });

  it('starts telehealth through the option with the patient and, when asked, the partner', async () => {
    const requests: unknown[] = [];
    const backend = adapter(world, {
      telehealth: {
        start: async (request) => {
          requests.push(request);
          return { joinUrl: 'https://telehealth.clinic.example/j/1', expiresAt: '2026-12-01T10:00:00Z' };
        },
      },
    });
    const session = await backend.startTelehealth({ includePartner: true });
    expect(session.joinUrl).to.equal('https://telehealth.clinic.example/j/1');
    expect(requests).to.deep.equal([{ includePartner: true, patient: world.me, partner: world.partner }]);
  });
});

describe('FHIR adapter: logCrisisEvent (Communication + Task)', () => {
  it('stores each event once as a Communication; the first one opens one Task due within 24 hours', async () => {
    const backend = adapter(world);
    const at = new Date().toISOString();
    const id = `ev-${Math.random().toString(36).slice(2)}`;
    await backend.logCrisisEvent({ id: `${id}-1`, type: 'crisis-open', at, action: 'open' });
    await backend.logCrisisEvent({ id: `${id}-1`, type: 'crisis-open', at, action: 'open' });
    await backend.logCrisisEvent({
      id: `${id}-2`,
      type: 'crisis-action',
      at,
      action: 'call-988',
      target: 'tel:988',
    });
    const communications = await world.fhir.search(`Communication?subject=${world.me}`);
    expect(communications).to.have.length(2);
    const action = communications.find((c) => (c.payload as unknown[]).length === 2)!;
    expect(action.payload).to.deep.equal([{ contentString: 'call-988' }, { contentString: 'tel:988' }]);
    expect(action.category).to.deep.equal([kitCode('category', 'crisis-event')]);
    const tasks = await world.fhir.search(`Task?subject=${world.me}`);
    expect(tasks).to.have.length(1);
    expect(tasks[0]).to.deep.include({
      status: 'requested',
      intent: 'order',
      priority: 'asap',
      authoredOn: at,
    });
    const due = Date.parse((tasks[0]!.restriction as { period: { end: string } }).period.end);
    expect(due - Date.parse(at)).to.equal(24 * HOUR);
    // Once the care team closes the follow-up, a new crisis opens a new one.
    await world.fhir.update({ ...tasks[0]!, status: 'completed' });
    await backend.logCrisisEvent({ id: `${id}-3`, type: 'crisis-open', at, action: 'open' });
    expect(await world.fhir.search(`Task?subject=${world.me}&status=requested`)).to.have.length(1);
  });
});

describe('FHIR adapter: check-ins (QuestionnaireResponse + Task)', () => {
  const checkIn = (over: Partial<CheckIn> = {}) =>
    toSubmission(aCheckIn({ mood: 3, usedPlan: false, note: 'kept on the device', ...over }));
  const since = () => new Date(Date.now() - 14 * 24 * HOUR).toISOString();

  it('stores each check-in once (the note only when shared); a moderate screen opens the follow-up Task', async () => {
    const backend = adapter(world);
    const first = checkIn();
    await backend.submitCheckIn!(first);
    await backend.submitCheckIn!(first);
    const responses = await world.fhir.search(`QuestionnaireResponse?subject=${world.me}`);
    expect(responses).to.have.length(1);
    const qr = responses[0]!;
    expect(qr).to.deep.include({
      status: 'completed',
      questionnaire: `${CSSRS_SCREENER_RECENT.url}|${CSSRS_SCREENER_RECENT.version}`,
      authored: first.at,
    });
    expect(qr.identifier).to.deep.equal({ system: `${KIT}check-in`, value: first.id });
    const items = qr.item as { linkId: string; answer: Record<string, unknown>[] }[];
    expect(items.map((i) => i.linkId)).to.deep.equal([
      'iop-kit-mood',
      'iop-kit-cravings',
      'iop-kit-used-plan',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(items[0]!.answer).to.deep.equal([{ valueInteger: 3 }]);
    expect(items[3]!.answer).to.deep.equal([{ valueCoding: { code: 'yes' } }]);
    expect(JSON.stringify(qr)).to.not.contain('kept on the device');
    const tasks = await world.fhir.search(`Task?subject=${world.me}`);
    expect(tasks).to.have.length(1);
    expect(tasks[0]!.focus).to.deep.equal({ reference: `QuestionnaireResponse/${qr.id}` });
    const due = Date.parse((tasks[0]!.restriction as { period: { end: string } }).period.end);
    expect(due - Date.parse(first.at)).to.equal(24 * HOUR);
    // A screen with no risk opens none; a shared note is stored.
    await world.fhir.update({ ...tasks[0]!, status: 'completed' });
    await backend.submitCheckIn!(
      checkIn({ risk: 'none', answers: { '1': 'no', '2': 'no', '6': 'no' }, shareNote: true }),
    );
    expect(await world.fhir.search(`Task?subject=${world.me}&status=requested`)).to.have.length(0);
    const history = await backend.getCheckIns!(since());
    expect(history.checkIns.map((c) => [c.mood, c.cravings, c.usedPlan, c.note ?? null])).to.deep.equal([
      [3, 6, false, null],
      [3, 6, false, 'kept on the device'],
    ]);
    expect(history.checkIns[0]).to.not.have.property('answers');
  });

  it('the partner gets only the moods they chose to share, never answers, notes or cravings', async () => {
    const partner = adapter(world, { patient: world.partner });
    await partner.submitCheckIn!(checkIn({ mood: 7, risk: 'high', shareNote: true, note: 'partner note' }));
    await partner.submitCheckIn!(checkIn({ mood: 1, shareMoodWithPartner: false }));
    const history = await adapter(world).getCheckIns!(since());
    expect(history.checkIns).to.deep.equal([]);
    expect(history.partner?.displayName).to.match(/^Jordan /);
    expect(history.partner?.moods.map((m) => [Object.keys(m).sort(), m.mood])).to.deep.equal([
      [['at', 'mood'], 7],
    ]);
    expect(JSON.stringify(history)).to.not.match(/partner note|answers|cravings/);
    expect(await adapter(world).getCheckInInstrument!()).to.equal(undefined);
  });
});

describe('FHIR adapter: getSafetyPlan (CarePlan)', () => {
  it('maps the activities to the Stanley-Brown sections in order, with contacts, review and version', async () => {
    const plan = await adapter(world).getSafetyPlan('me');
    expect(plan.participantId).to.equal(world.me.split('/')[1]);
    expect(plan.version).to.equal(3);
    expect(plan.reviewedAt).to.equal('2026-11-15T10:00:00Z');
    expect(plan.reviewedBy).to.match(/^Sam Rivera/);
    expect(plan.warningSigns).to.deep.equal(['Not sleeping', 'Skipping meals']);
    expect(plan.copingStrategies).to.deep.equal(['A long walk']);
    expect(plan.distractions).to.deep.equal({ people: [], places: ['The library'] });
    expect(plan.helpContacts[0]).to.deep.include({
      relationship: 'sister',
      phone: '+1-312-555-0111',
      sms: { number: '+1-312-555-0111' },
      note: 'Call her first',
    });
    expect(plan.professionals[0]).to.deep.include({ name: '988 Suicide & Crisis Lifeline', phone: '988' });
    expect(plan.environmentSafety).to.deep.equal(['Medicines locked away']);
    expect(plan.reasonsForLiving).to.deep.equal(['My kids']);
    expect(plan.partnerSupport).to.deep.equal({
      howPartnerHelps: ['Sits with me'],
      deEscalationSteps: ['Lower our voices'],
      groundingTechniques: ['5-4-3-2-1'],
    });
    expect(plan.pet).to.deep.equal({ name: 'Biscuit', species: 'dog', howItHelps: 'Calms me down' });
  });

  it('a plan with only some sections, unknown section codes and no version reads as far as it goes', async () => {
    const patient = await world.fhir.create({ resourceType: 'Patient', name: [{ text: 'Sparse' }] });
    await grantToTestUser(world.fhir, `Patient/${patient.id}`);
    await world.fhir.create({
      resourceType: 'CarePlan',
      status: 'active',
      intent: 'plan',
      subject: { reference: `Patient/${patient.id}` },
      category: [kitCode('category', 'safety-plan')],
      period: { start: '2026-10-01' },
      activity: [
        { detail: { code: kitCode('plan-section', 'horoscope'), status: 'in-progress', description: 'x' } },
        {
          detail: {
            code: kitCode('plan-section', 'warning-signs'),
            status: 'in-progress',
            description: 'Pacing',
          },
        },
        { detail: { code: kitCode('plan-section', 'pet'), status: 'in-progress', description: 'no name' } },
      ],
    });
    const plan = await adapter(world, { patient: `Patient/${patient.id}` }).getSafetyPlan('me');
    expect(plan.warningSigns).to.deep.equal(['Pacing']);
    expect(plan.reviewedAt).to.equal('2026-10-01T00:00:00Z');
    expect(plan.partnerSupport).to.equal(undefined);
    expect(plan.pet).to.equal(undefined);
    expect(plan.version).to.be.a('number');
  });

  it('answers 404 when there is no active plan', async () => {
    const patient = await world.fhir.create({ resourceType: 'Patient', name: [{ text: 'No plan' }] });
    await grantToTestUser(world.fhir, `Patient/${patient.id}`);
    const error = await rejection(adapter(world, { patient: `Patient/${patient.id}` }).getSafetyPlan('me'));
    expect((error as HttpError).status).to.equal(404);
  });
});

describe('FHIR adapter: the partner’s plan (the server decides by Consent)', () => {
  afterEach(function () {
    this.timeout(30_000);
    return fhirReset();
  });

  it('reads the partner’s plan with their Consent, and passes the server’s 403 on without it', async () => {
    const seeded = await fhirServer();
    const alex = createFhirBackend({
      baseUrl: seeded.baseUrl,
      patient: seeded.patients.alex,
      getAccessToken: () => 'demo-alex',
      timeoutMs: 8000,
      retries: 0,
    });
    const plan = await alex.getSafetyPlan('partner');
    expect(plan.participantId).to.equal(seeded.patients.jordan.split('/')[1]);
    expect(plan.warningSigns.length).to.be.greaterThan(0);
    const fhir = fhirClient(seeded.baseUrl, 'demo-jordan');
    await fhir.update({ ...(await fhir.read(seeded.consents.jordan)), status: 'inactive' });
    const error = (await rejection(alex.getSafetyPlan('partner'))) as HttpError;
    expect(error.status).to.equal(403);
    expect(error.message).to.contain('has not agreed to share');
  });
});

describe('FHIR adapter: listSlots (Slot + Schedule)', () => {
  it('lists free slots of one kind in the window, with my care team clinician, in order', async () => {
    const now = Date.now();
    const slots = await adapter(world).listSlots({ kind: 'crisis-debrief', ...day(now) });
    expect(slots.map((s) => s.id)).to.deep.equal(world.debriefSlots);
    expect(slots.every((s) => s.clinician.id === world.therapist && s.kind === 'crisis-debrief')).to.equal(
      true,
    );
    const couples = await adapter(world).listSlots({
      kind: 'couples',
      from: day(now).from,
      to: new Date(now + 72 * HOUR).toISOString(),
    });
    expect(couples.map((s) => s.id)).to.deep.equal(world.couplesSlots);
    expect(couples[0]!.clinician.role).to.equal('couples-therapist');
  });

  it('pages past the first page and skips a Slot whose Schedule is gone', async () => {
    const orphan = await world.fhir.create({
      resourceType: 'Schedule',
      actor: [{ reference: `Practitioner/${world.therapist}` }],
    });
    const start = Math.floor(Date.now() / HOUR) * HOUR + 3 * HOUR;
    const lost = await world.fhir.create({
      resourceType: 'Slot',
      schedule: { reference: `Schedule/${orphan.id}` },
      status: 'free',
      serviceType: [kitCode('follow-up-kind', 'crisis-debrief')],
      start: new Date(start).toISOString(),
      end: new Date(start + 30 * 60e3).toISOString(),
    });
    await world.fhir.call('DELETE', `Schedule/${orphan.id}`);
    // Two per page: the three of my slots, the deleted schedule's and other tests' slots span several pages.
    const slots = await adapter(world, {}, 2).listSlots({ kind: 'crisis-debrief', ...day(Date.now()) });
    expect(slots.map((s) => s.id)).to.deep.equal(world.debriefSlots);
    expect(slots.map((s) => s.id)).not.to.include(lost.id);
  });
});

describe('FHIR adapter: book, listAppointments, cancel (Slot claimed with If-Match, Appointment)', () => {
  it('claims the slot, books once per key, and answers 409 to another key', async () => {
    const backend = adapter(world);
    const slotId = world.debriefSlots[0]!;
    const booked = await backend.book({ slotId, kind: 'crisis-debrief', includePartner: false }, 'key-a');
    expect(booked).to.deep.include({ slotId, kind: 'crisis-debrief', status: 'booked' });
    expect(booked.participants.map((p) => p.id)).to.deep.equal([world.me.split('/')[1]]);
    expect((await world.fhir.read(`Slot/${slotId}`)).status).to.equal('busy');
    const replay = await backend.book({ slotId, kind: 'crisis-debrief', includePartner: false }, 'key-a');
    expect(replay.id).to.equal(booked.id);
    const taken = await rejection(
      backend.book({ slotId, kind: 'crisis-debrief', includePartner: false }, 'key-b'),
    );
    expect((taken as HttpError).status).to.equal(409);
    expect(await world.fhir.search(`Appointment?actor=${world.me}`)).to.have.length(1);
    const list = await backend.listAppointments();
    expect(list.map((a) => a.id)).to.deep.equal([booked.id]);
  });

  it('two clients racing for one slot: one booking, the other 409', async () => {
    const mine = adapter(world);
    const theirs = adapter(world, { patient: world.partner, getAccessToken: () => 'demo-jordan' });
    const slotId = world.couplesSlots[0]!;
    const results = await Promise.allSettled([
      mine.book({ slotId, kind: 'couples', includePartner: true }, 'race-1'),
      theirs.book({ slotId, kind: 'couples', includePartner: true }, 'race-2'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((loser.reason as HttpError).status).to.equal(409);
    expect(await world.fhir.search(`Appointment?slot=Slot/${slotId}`)).to.have.length(1);
  });

  it('a couples booking has both partners and the clinician as participants', async () => {
    const booked = await adapter(world).book(
      { slotId: world.couplesSlots[1]!, kind: 'couples', includePartner: true },
      'couple',
    );
    expect(booked.participants.map((p) => p.id).sort()).to.deep.equal(
      [world.me, world.partner].map((r) => r.split('/')[1]).sort(),
    );
    const stored = await world.fhir.read(`Appointment/${booked.id}`);
    const actors = (stored.participant as { actor: { reference: string } }[]).map((p) => p.actor.reference);
    expect(actors).to.have.members([world.me, world.partner, `Practitioner/${world.couplesTherapist}`]);
  });

  it('cancel sets the Appointment cancelled and frees the Slot; twice is harmless', async () => {
    const backend = adapter(world);
    const slotId = world.debriefSlots[1]!;
    const booked = await backend.book({ slotId, kind: 'crisis-debrief', includePartner: false }, 'to-cancel');
    await backend.cancel(booked.id);
    await backend.cancel(booked.id);
    expect((await world.fhir.read(`Appointment/${booked.id}`)).status).to.equal('cancelled');
    expect((await world.fhir.read(`Slot/${slotId}`)).status).to.equal('free');
    const slots = await backend.listSlots({ kind: 'crisis-debrief', ...day(Date.now()) });
    expect(slots.map((s) => s.id)).to.include(slotId);
    // Cancelling again after someone else booked the freed slot leaves their booking alone.
    await adapter(world).book({ slotId, kind: 'crisis-debrief', includePartner: false }, 'rebook');
    await backend.cancel(booked.id);
    expect((await world.fhir.read(`Slot/${slotId}`)).status).to.equal('busy');
  });

  it('refuses a slot that is not mine to book or of another kind', async () => {
    const [other] = await world.fhir.search(`Slot?schedule=Schedule/${world.partnerSchedule}`);
    const error = await rejection(
      adapter(world).book({ slotId: String(other!.id), kind: 'crisis-debrief', includePartner: false }, 'x'),
    );
    expect((error as HttpError).status).to.equal(409);
    const kind = await rejection(
      adapter(world).book({ slotId: world.debriefSlots[2]!, kind: 'couples', includePartner: false }, 'y'),
    );
    expect((kind as HttpError).status).to.equal(422);
    expect((await world.fhir.read(`Slot/${world.debriefSlots[2]!}`)).status).to.equal('free');
  });
});

describe('FHIR adapter: getCoverage (Coverage + InsurancePlan + CoverageEligibilityResponse)', () => {
  it('reads plan, masked member id, deductible and out-of-pocket progress, and per-service cost shares', async () => {
    await createCoverage(world.fhir, world.me);
    const coverage = await adapter(world).getCoverage();
    expect(coverage).to.deep.include({
      planName: 'Lakeshore Health PPO Silver',
      planType: 'PPO',
      memberIdMasked: 'XXXX-4821',
      asOf: '2026-11-25T09:00:00Z',
    });
    expect(coverage.deductible).to.deep.equal({ individualCents: 150_000, metCents: 45_000 });
    expect(coverage.outOfPocketMax).to.deep.equal({ individualCents: 600_000, metCents: 77_000 });
    const iop = coverage.services.find((s) => s.code === 'S9480')!;
    expect(iop.service).to.equal('iop-day');
    expect(iop.inNetwork).to.deep.equal({
      coinsurancePct: 20,
      deductibleApplies: true,
      priorAuthRequired: true,
    });
    expect(iop.outOfNetwork).to.deep.equal({
      coinsurancePct: 40,
      deductibleApplies: true,
      priorAuthRequired: true,
    });
    // The clinic's typical allowed amount (a cost of type urn:iop-kit:fhir:cost-type|typical-allowed) and
    // the program's schedule (benefit extensions); neither changes the cost share above.
    expect(iop.typicalAllowedCents).to.equal(35_000);
    expect(iop.program).to.deep.equal({ daysPerWeek: 3, weeks: 8 });
    const couples = coverage.services.find((s) => s.code === '90847')!;
    expect(couples.typicalAllowedCents).to.equal(undefined);
    expect(couples.program).to.equal(undefined);
    expect(couples.inNetwork).to.deep.equal({
      copayCents: 3000,
      deductibleApplies: false,
      priorAuthRequired: false,
    });
    expect(coverage.benefitsSpecialist?.name).to.match(/^Pat Benefits/);
  });

  it('refuses money in another currency than USD with a SchemaError that says so', async () => {
    await createCoverage(world.fhir, world.me, { copayCurrency: 'EUR' });
    const error = (await rejection(adapter(world).getCoverage())) as SchemaError;
    expect(error).to.be.instanceOf(SchemaError);
    expect(error.message).to.contain('USD').and.to.contain('EUR');
    expect(error.path).to.match(/cost\[0\]\.value$/);
  });
});

describe('FHIR adapter: preferences (Basic with If-Match)', () => {
  it('has none at first, creates them on first save, versions them, and a stale save stays 412', async () => {
    const backend = adapter(world);
    const first = await backend.getPreferences();
    expect(first.preferences).to.deep.equal({ version: 0, petFriendly: false });
    const saved = await backend.updatePreferences(
      { petFriendly: true, pet: { name: 'Biscuit', species: 'dog' } },
      first.etag,
    );
    expect(saved.preferences).to.deep.include({
      petFriendly: true,
      pet: { name: 'Biscuit', species: 'dog' },
    });
    const [basic] = await world.fhir.search(`Basic?subject=${world.me}`);
    expect(basic!.extension).to.deep.include({ url: `${KIT}pet-friendly`, valueBoolean: true });
    const again = await backend.getPreferences();
    expect(again.etag).to.equal(saved.etag);
    const stale = await rejection(backend.updatePreferences({ petFriendly: false }, first.etag));
    expect((stale as HttpError).status).to.equal(412);
    const changed = await backend.updatePreferences({ petFriendly: false }, saved.etag);
    expect(changed.preferences).to.deep.include({
      petFriendly: false,
      pet: { name: 'Biscuit', species: 'dog' },
    });
    expect(changed.etag).not.to.equal(saved.etag);
    const lost = await rejection(backend.updatePreferences({ petFriendly: true, pet: null }, saved.etag));
    expect((lost as HttpError).status).to.equal(412);
    const removed = await backend.updatePreferences({ petFriendly: true, pet: null }, changed.etag);
    expect(removed.preferences.pet).to.equal(undefined);
  });
});

describe('FHIR adapter: errors', () => {
  it('reads an OperationOutcome into an HttpError that keeps the status and the outcome text', async () => {
    const error = (await rejection(adapter(world).cancel('no-such-appointment'))) as HttpError;
    expect(error).to.be.instanceOf(HttpError);
    expect(error.status).to.equal(404);
    expect(error.message).to.match(/^HTTP 404: \S/);
  });
});
