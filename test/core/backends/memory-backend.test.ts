import { expect } from '@open-wc/testing';
import { HttpError, NetworkError, SchemaError, TimeoutError } from '../../../src/core/errors.js';
import { createMemoryBackend } from '../../../src/core/backends/memory-backend.js';
import { createSeed } from '../../../src/demo-data/seed.js';

const NOW = new Date('2026-11-27T09:30:00Z');
const IN_TWO_WEEKS = new Date(NOW.getTime() + 14 * 24 * 3600e3).toISOString();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function status(promise: Promise<unknown>): Promise<number> {
  const e = await rejection(promise);
  expect(e).to.be.instanceOf(HttpError);
  return (e as HttpError).status;
}

/** Alex's and Jordan's adapters over one shared "server". */
function couple() {
  const seed = createSeed(NOW);
  return {
    seed,
    alex: createMemoryBackend({ participant: 'alex', seed, now: NOW }),
    jordan: createMemoryBackend({ participant: 'jordan', seed, now: () => NOW }),
  };
}

describe('memory adapter: reads', () => {
  it('serves the signed-in participant (Alex by default)', async () => {
    const backend = createMemoryBackend({ now: NOW });
    const me = await backend.getMe();
    expect(me.id).to.equal('alex');
    expect(me.partner?.id).to.equal('jordan');
    expect((await backend.getCoverage()).memberIdMasked).to.match(/4821$/);
    expect((await createMemoryBackend().getMe()).id).to.equal('alex');
  });

  it('answers getCoverage with a 404 when the participant has no plan on file, like GET /coverage', async () => {
    const { seed, alex, jordan } = couple();
    delete (seed.coverage as Partial<typeof seed.coverage>).alex;
    expect(await status(alex.getCoverage())).to.equal(404);
    expect((await jordan.getCoverage()).memberIdMasked).to.match(/4822$/);
  });

  it('returns copies: changing a result changes nothing on the "server"', async () => {
    const backend = createMemoryBackend({ now: NOW });
    const me = await backend.getMe();
    me.displayName = 'Mallory';
    expect((await backend.getMe()).displayName).to.equal('Alex');
  });

  it('gives the on-call clinician now, telehealth, chat and hotlines', async () => {
    const resources = await createMemoryBackend({ now: NOW }).getCrisisResources();
    expect(Date.parse(resources.onCall.until)).to.be.greaterThan(NOW.getTime());
    expect(resources.telehealth.available).to.equal(true);
    expect(resources.chat?.url).to.match(/^https:/);
    expect(resources.hotlines?.some((h) => h.phone === '988')).to.equal(true);
  });

  it('leaves chat out when the program has none', async () => {
    const seed = createSeed(NOW);
    delete seed.chat;
    expect((await createMemoryBackend({ seed, now: NOW }).getCrisisResources()).chat).to.equal(undefined);
  });

  it('returns my plan, my partner’s with consent, and 403 without it', async () => {
    const { seed, alex } = couple();
    expect((await alex.getSafetyPlan('me')).participantId).to.equal('alex');
    expect((await alex.getSafetyPlan('partner')).participantId).to.equal('jordan');
    seed.sharesWith.jordan = [];
    expect(await status(alex.getSafetyPlan('partner'))).to.equal(403);
  });

  it('answers 404 for a partner plan when there is no partner, 400 for a bad owner', async () => {
    const seed = createSeed(NOW);
    delete seed.participants.alex.partner;
    const alex = createMemoryBackend({ seed, now: NOW });
    expect(await status(alex.getSafetyPlan('partner'))).to.equal(404);
    const [slot] = await alex.listSlots({ from: NOW.toISOString(), to: IN_TWO_WEEKS, kind: 'couples' });
    expect(
      await status(alex.book({ slotId: slot!.id, kind: 'couples', includePartner: true }, 'k')),
    ).to.equal(422);
    expect(await status(alex.getSafetyPlan('them' as never))).to.equal(400);
  });

  it('lists free slots of one kind in the window, from my care team, in order', async () => {
    const { alex, jordan } = couple();
    const slots = await alex.listSlots({ from: NOW.toISOString(), to: IN_TWO_WEEKS, kind: 'individual' });
    expect(slots.length).to.be.greaterThan(10);
    expect(new Set(slots.map((s) => s.clinician.id))).to.deep.equal(new Set(['ct-rivera']));
    const starts = slots.map((s) => Date.parse(s.start));
    expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
    const theirs = await jordan.listSlots({ from: NOW.toISOString(), to: IN_TWO_WEEKS, kind: 'individual' });
    expect(theirs.every((s) => s.clinician.id === 'ct-natarajan')).to.equal(true);
    const soon = await alex.listSlots({
      from: NOW.toISOString(),
      to: new Date(NOW.getTime() + 24 * 3600e3).toISOString(),
      kind: 'crisis-debrief',
    });
    expect(soon.length).to.be.greaterThan(0);
    expect(await status(alex.listSlots({ from: 'now', to: IN_TWO_WEEKS, kind: 'couples' }))).to.equal(400);
  });

  it('lists my appointments only', async () => {
    const { seed, alex } = couple();
    seed.appointments.push({
      ...seed.appointments[0]!,
      id: 'other',
      participants: [{ id: 'zoe', displayName: 'Zoe' }],
    });
    const mine = await alex.listAppointments();
    expect(mine.map((a) => a.id)).to.deep.equal(['appt-couples-1']);
  });
});

describe('memory adapter: writes', () => {
  it('books a slot once: the slot disappears and a second booking gets 409', async () => {
    const { alex, jordan } = couple();
    const [slot] = await alex.listSlots({ from: NOW.toISOString(), to: IN_TWO_WEEKS, kind: 'couples' });
    const appointment = await alex.book({ slotId: slot!.id, kind: 'couples', includePartner: false }, 'k1');
    expect(appointment.status).to.equal('booked');
    expect(appointment.participants.map((p) => p.id)).to.deep.equal(['alex', 'jordan']);
    expect(appointment.joinUrl).to.match(/^https:\/\/telehealth\.clinic\.example\//);
    const left = await jordan.listSlots({ from: NOW.toISOString(), to: IN_TWO_WEEKS, kind: 'couples' });
    expect(left.map((s) => s.id)).not.to.include(slot!.id);
    expect(
      await status(jordan.book({ slotId: slot!.id, kind: 'couples', includePartner: true }, 'k2')),
    ).to.equal(409);
    expect((await jordan.listAppointments()).map((a) => a.id)).to.include(appointment.id);
  });

  it('replays a booking with the same Idempotency-Key', async () => {
    const { alex } = couple();
    const [slot] = await alex.listSlots({ from: NOW.toISOString(), to: IN_TWO_WEEKS, kind: 'individual' });
    const request = { slotId: slot!.id, kind: 'individual' as const, includePartner: false };
    const first = await alex.book(request, 'same-key');
    const again = await alex.book(request, 'same-key');
    expect(again).to.deep.equal(first);
    expect(first.participants.map((p) => p.id)).to.deep.equal(['alex']);
    expect((await alex.listAppointments()).filter((a) => a.slotId === slot!.id)).to.have.length(1);
  });

  it('includes the partner when asked, and rejects bad bookings', async () => {
    const { alex } = couple();
    const [slot] = await alex.listSlots({
      from: NOW.toISOString(),
      to: IN_TWO_WEEKS,
      kind: 'crisis-debrief',
    });
    const a = await alex.book({ slotId: slot!.id, kind: 'crisis-debrief', includePartner: true }, 'k');
    expect(a.participants).to.have.length(2);
    expect(
      await status(alex.book({ slotId: 'nope', kind: 'couples', includePartner: false }, 'k3')),
    ).to.equal(404);
    expect(
      await status(alex.book({ slotId: slot!.id, kind: 'couples', includePartner: false }, 'k4')),
    ).to.equal(422);
    // The same key for a different request is refused.
    expect(
      await status(alex.book({ slotId: 'other', kind: 'couples', includePartner: false }, 'k')),
    ).to.equal(422);
    const e = (await rejection(
      alex.book({ slotId: '', kind: 'couples', includePartner: false }, 'k5'),
    )) as HttpError;
    expect(e.status).to.equal(400);
    expect(e.problem?.detail).to.contain('slotId');
  });

  it('refuses a slot that has already started (409)', async () => {
    const seed = createSeed(NOW);
    const later = createMemoryBackend({ seed, now: new Date(NOW.getTime() + 30 * 24 * 3600e3) });
    const slot = seed.slots[0]!;
    expect(
      await status(later.book({ slotId: slot.id, kind: slot.kind, includePartner: false }, 'k')),
    ).to.equal(409);
  });

  it('cancels an appointment (twice is harmless) and frees its slot; 404 for someone else’s', async () => {
    const { alex } = couple();
    const [appointment] = await alex.listAppointments();
    await alex.cancel(appointment!.id);
    await alex.cancel(appointment!.id);
    expect((await alex.listAppointments())[0]!.status).to.equal('cancelled');
    const free = await alex.listSlots({ from: NOW.toISOString(), to: IN_TWO_WEEKS, kind: 'couples' });
    expect(free.map((s) => s.id)).to.include(appointment!.slotId);
    expect(await status(alex.cancel('appt-unknown'))).to.equal(404);
  });

  it('versions preferences with ETag and If-Match: 412 on a stale version', async () => {
    const { alex, jordan } = couple();
    const { preferences, etag } = await alex.getPreferences();
    expect(preferences).to.deep.equal({
      version: 1,
      petFriendly: true,
      pet: { name: 'Biscuit', species: 'dog' },
    });
    expect(etag).to.equal('"1"');
    const kept = await alex.updatePreferences({ petFriendly: false }, etag);
    expect(kept).to.deep.equal({
      preferences: { version: 2, petFriendly: false, pet: { name: 'Biscuit', species: 'dog' } },
      etag: '"2"',
    });
    expect(await status(alex.updatePreferences({ petFriendly: true }, etag))).to.equal(412);
    const removed = await alex.updatePreferences({ petFriendly: false, pet: null }, kept.etag);
    expect(removed.preferences).to.deep.equal({ version: 3, petFriendly: false });
    const added = await jordan.updatePreferences(
      { petFriendly: true, pet: { name: 'Mochi', species: 'cat' } },
      '"1"',
    );
    expect(added.preferences.pet?.name).to.equal('Mochi');
    expect(await status(jordan.updatePreferences({ petFriendly: 'yes' } as never, added.etag))).to.equal(400);
  });

  it('starts telehealth sessions, 503 when unavailable', async () => {
    const { seed, alex } = couple();
    const session = await alex.startTelehealth({ includePartner: true });
    expect(session.joinUrl).to.match(/^https:\/\/telehealth\.clinic\.example\/join\//);
    expect(Date.parse(session.expiresAt)).to.be.greaterThan(NOW.getTime());
    seed.telehealth.available = false;
    expect(await status(alex.startTelehealth({ includePartner: false }))).to.equal(503);
  });

  it('stores each crisis event once (idempotent by id)', async () => {
    const { alex } = couple();
    const event = { id: 'e-1', type: 'crisis-open' as const, at: NOW.toISOString(), action: 'open' };
    await alex.logCrisisEvent(event);
    await alex.logCrisisEvent({ ...event, action: 'replayed' });
    expect(alex.crisisEvents).to.deep.equal([event]);
    expect(await status(alex.logCrisisEvent({ ...event, at: 'now' }))).to.equal(400);
  });

  it('reset() restores the data and clears the ledger and the simulation', async () => {
    const { alex, jordan } = couple();
    await alex.updatePreferences({ petFriendly: false }, '"1"');
    await alex.logCrisisEvent({ id: 'e', type: 'crisis-open', at: NOW.toISOString(), action: 'open' });
    alex.simulate({ offline: true });
    alex.reset();
    expect((await alex.getPreferences()).etag).to.equal('"1"');
    expect((await jordan.getPreferences()).etag).to.equal('"1"');
    expect(alex.crisisEvents).to.have.length(0);
  });
});

describe('memory adapter: simulate()', () => {
  it('goes offline with NetworkError, and back', async () => {
    const backend = createMemoryBackend({ now: NOW });
    backend.simulate({ offline: true });
    expect(await rejection(backend.getMe())).to.be.instanceOf(NetworkError);
    backend.simulate();
    expect((await backend.getMe()).id).to.equal('alex');
  });

  it('fails with an HTTP status and problem details, a network error or a timeout', async () => {
    const backend = createMemoryBackend({ now: NOW });
    backend.simulate({
      failWith: { status: 503, problem: { title: 'Down for maintenance' }, retryAfterMs: 1000 },
    });
    const e = (await rejection(backend.getCoverage())) as HttpError;
    expect([e.status, e.problem?.title, e.retryAfterMs]).to.deep.equal([503, 'Down for maintenance', 1000]);
    backend.simulate({ failWith: 'network' });
    expect(await rejection(backend.getCoverage())).to.be.instanceOf(NetworkError);
    backend.simulate({ failWith: 'timeout' });
    expect(await rejection(backend.getCoverage())).to.be.instanceOf(TimeoutError);
  });

  it('does not change data when a write fails', async () => {
    const backend = createMemoryBackend({ now: NOW });
    backend.simulate({ failWith: { status: 500 } });
    await rejection(backend.updatePreferences({ petFriendly: false }, '"1"'));
    backend.simulate();
    expect((await backend.getPreferences()).etag).to.equal('"1"');
  });

  it('answers malformed data as a SchemaError naming a path', async () => {
    const backend = createMemoryBackend({ now: NOW });
    backend.simulate({ malformed: true });
    const e = (await rejection(backend.getSafetyPlan('me'))) as SchemaError;
    expect(e).to.be.instanceOf(SchemaError);
    expect(e.path).to.equal('id');
    expect(await rejection(backend.getPreferences())).to.be.instanceOf(SchemaError);
    // Calls without a body have nothing to corrupt.
    expect(
      await backend.logCrisisEvent({ id: 'x', type: 'crisis-close', at: NOW.toISOString(), action: 'close' }),
    ).to.equal(undefined);
  });

  it('limits the simulation to some methods', async () => {
    const backend = createMemoryBackend({ now: NOW });
    backend.simulate({ offline: true, only: ['getCrisisResources'] });
    expect(await rejection(backend.getCrisisResources())).to.be.instanceOf(NetworkError);
    expect((await backend.getMe()).id).to.equal('alex');
  });

  it('adds latency, which the caller can abort', async () => {
    const backend = createMemoryBackend({ now: NOW });
    backend.simulate({ latencyMs: 30 });
    const started = performance.now();
    await backend.getMe();
    expect(performance.now() - started).to.be.at.least(25);
    backend.simulate({ latencyMs: 10_000 });
    const controller = new AbortController();
    const pending = backend.getMe({ signal: controller.signal });
    controller.abort(new DOMException('gone', 'AbortError'));
    expect(((await rejection(pending)) as DOMException).name).to.equal('AbortError');
    expect(((await rejection(backend.getMe({ signal: controller.signal }))) as DOMException).name).to.equal(
      'AbortError',
    );
  });
});
