/// <reference types="node" />
// Happy paths of every REST endpoint, each response parsed with the kit's own schemas.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AppointmentListSchema,
  AppointmentSchema,
  CoverageSchema,
  CrisisResourcesSchema,
  ParticipantSchema,
  PreferencesSchema,
  SafetyPlanSchema,
  SlotListSchema,
  TelehealthSessionSchema,
} from '../../src/core/schemas.js';
import { onCallAt } from '../../src/demo-data/seed.js';
import { DEFAULT_TELEHEALTH_ORIGIN } from '../../demo/server/app.js';
import { openDatabase } from '../../demo/server/db.js';
import {
  ALEX,
  assertProblem,
  assertSchema,
  JORDAN,
  NOW,
  slotQuery,
  startServer,
  tempDir,
} from './helpers.js';

describe('REST API v1 happy paths', () => {
  test('GET /me returns the signed-in participant, partner and care team', async () => {
    const s = await startServer();
    try {
      const alex = assertSchema(ParticipantSchema, await (await s.api('/me')).json());
      assert.equal(alex.id, 'alex');
      assert.deepEqual(alex.partner, { id: 'jordan', displayName: 'Jordan' });
      const roles = alex.careTeam.map((m) => m.role);
      assert.ok(roles.includes('couples-therapist'));
      assert.ok(roles.includes('individual-therapist'));
      assert.ok(roles.includes('substance-use-counselor'));
      const jordan = assertSchema(ParticipantSchema, await (await s.api('/me', { token: JORDAN })).json());
      assert.equal(jordan.id, 'jordan');
      assert.equal(jordan.partner?.id, 'alex');
      const response = await s.api('/me');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    } finally {
      await s.close();
    }
  });

  test('GET /crisis/resources names the clinician on call this hour, from the rotation', async () => {
    const s = await startServer();
    try {
      const resources = assertSchema(CrisisResourcesSchema, await (await s.api('/crisis/resources')).json());
      assert.deepEqual(resources.onCall, onCallAt(NOW));
      assert.equal(resources.telehealth.available, true);
      // Move the clock past the end of the shift: the next clinician takes over.
      s.clock.ms = Date.parse(resources.onCall.until) + 60_000;
      const later = assertSchema(CrisisResourcesSchema, await (await s.api('/crisis/resources')).json());
      assert.deepEqual(later.onCall, onCallAt(new Date(s.clock.ms)));
      assert.notEqual(later.onCall.clinician.id, resources.onCall.clinician.id);
      // Every hour of the week is covered.
      for (let h = 0; h < 7 * 24; h += 1) {
        s.clock.ms = NOW.getTime() + h * 3600_000;
        const r = await s.api('/crisis/resources');
        assert.equal(r.status, 200, `hour ${h}`);
        await r.body?.cancel();
      }
    } finally {
      await s.close();
    }
  });

  test('POST /crisis/telehealth returns an https join link on the telehealth origin', async () => {
    const s = await startServer();
    try {
      const response = await s.api('/crisis/telehealth', {
        method: 'POST',
        body: JSON.stringify({ includePartner: true }),
      });
      assert.equal(response.status, 201);
      const session = assertSchema(TelehealthSessionSchema, await response.json());
      assert.ok(session.joinUrl.startsWith(`${DEFAULT_TELEHEALTH_ORIGIN}/`));
      assert.ok(Date.parse(session.expiresAt) > NOW.getTime());
      const second = assertSchema(
        TelehealthSessionSchema,
        await (
          await s.api('/crisis/telehealth', { method: 'POST', body: '{"includePartner":false}' })
        ).json(),
      );
      assert.notEqual(second.joinUrl, session.joinUrl, 'each session gets its own room');
    } finally {
      await s.close();
    }
  });

  test('POST /crisis/telehealth takes where the person is, and writes it nowhere', async () => {
    const dataDir = await tempDir();
    const s = await startServer({ dataDir });
    try {
      const where = '1200 W Harrison St, Chicago, apartment 4B';
      const response = await s.api('/crisis/telehealth', {
        method: 'POST',
        body: JSON.stringify({ includePartner: false, location: where }),
      });
      assert.equal(response.status, 201);
      const tooLong = await s.api('/crisis/telehealth', {
        method: 'POST',
        body: JSON.stringify({ includePartner: false, location: 'x'.repeat(501) }),
      });
      assert.equal(tooLong.status, 400, 'a location longer than 500 characters is refused');
      await s.close();
      // Not in the database or its journal: the kit sends it with the request only, and the server keeps none.
      const files = await readdir(dataDir);
      assert.ok(files.length > 0);
      for (const file of files) {
        const bytes = await readFile(join(dataDir, file));
        assert.ok(!bytes.includes(Buffer.from('Harrison')), `${file} does not hold the location`);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('the telehealth origin is configurable and must be https', async () => {
    const s = await startServer({ telehealthOrigin: 'https://video.clinic.example/some/path' });
    try {
      const session = assertSchema(
        TelehealthSessionSchema,
        await (
          await s.api('/crisis/telehealth', { method: 'POST', body: '{"includePartner":false}' })
        ).json(),
      );
      assert.ok(session.joinUrl.startsWith('https://video.clinic.example/join/'));
    } finally {
      await s.close();
    }
    await assert.rejects(startServer({ telehealthOrigin: 'http://video.clinic.example' }), /https/);
    await assert.rejects(startServer({ telehealthOrigin: 'not a url' }), /https URL/);
  });

  test('POST /crisis/events answers 202', async () => {
    const s = await startServer();
    try {
      const response = await s.api('/crisis/events', {
        method: 'POST',
        body: JSON.stringify({
          id: 'evt-1',
          type: 'crisis-action',
          at: NOW.toISOString(),
          action: 'call-988',
        }),
      });
      assert.equal(response.status, 202);
      assert.deepEqual(await response.json(), { id: 'evt-1' });
    } finally {
      await s.close();
    }
  });

  test('GET /safety-plans/current returns my plan, and my partner’s with consent', async () => {
    const s = await startServer();
    try {
      const mine = assertSchema(SafetyPlanSchema, await (await s.api('/safety-plans/current')).json());
      assert.equal(mine.participantId, 'alex');
      const explicit = assertSchema(
        SafetyPlanSchema,
        await (await s.api('/safety-plans/current?participant=me')).json(),
      );
      assert.deepEqual(explicit, mine);
      const partners = assertSchema(
        SafetyPlanSchema,
        await (await s.api('/safety-plans/current?participant=partner')).json(),
      );
      assert.equal(partners.participantId, 'jordan');
      const jordanSeesAlex = assertSchema(
        SafetyPlanSchema,
        await (await s.api('/safety-plans/current?participant=partner', { token: JORDAN })).json(),
      );
      assert.equal(jordanSeesAlex.participantId, 'alex');
    } finally {
      await s.close();
    }
  });

  test('GET /follow-ups/slots lists free slots of one kind in the window, by start time', async () => {
    const s = await startServer();
    try {
      const slots = assertSchema(SlotListSchema, await (await s.api(slotQuery('crisis-debrief'))).json());
      assert.ok(slots.length > 0);
      assert.ok(slots.every((slot) => slot.kind === 'crisis-debrief'));
      const starts = slots.map((slot) => Date.parse(slot.start));
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => a - b),
      );
      assert.ok(starts.every((t) => t >= NOW.getTime()));
      assert.ok(
        starts.some((t) => t < NOW.getTime() + 24 * 3600_000),
        'a crisis debrief inside 24 hours exists',
      );
      const couples = assertSchema(SlotListSchema, await (await s.api(slotQuery('couples'))).json());
      assert.ok(couples.length > 0);
      assert.ok(
        couples.every((slot) => slot.kind === 'couples' && slot.clinician.role === 'couples-therapist'),
      );
      // A narrow window returns only what starts inside it.
      const narrow = assertSchema(
        SlotListSchema,
        await (await s.api(slotQuery('crisis-debrief', NOW.getTime(), 1))).json(),
      );
      assert.ok(narrow.length < slots.length);
      assert.ok(narrow.every((slot) => Date.parse(slot.start) < NOW.getTime() + 24 * 3600_000));
      // A window in the past has nothing free.
      const past = await (await s.api(slotQuery('couples', NOW.getTime() - 10 * 24 * 3600_000, 5))).json();
      assert.deepEqual(past, []);
    } finally {
      await s.close();
    }
  });

  test('GET /follow-ups lists my appointments (the seeded couples session for both partners)', async () => {
    const s = await startServer();
    try {
      const alex = assertSchema(AppointmentListSchema, await (await s.api('/follow-ups')).json());
      const jordan = assertSchema(
        AppointmentListSchema,
        await (await s.api('/follow-ups', { token: JORDAN })).json(),
      );
      assert.equal(alex.length, 1);
      assert.deepEqual(jordan, alex);
      assert.equal(alex[0]!.kind, 'couples');
      assert.equal(alex[0]!.status, 'booked');
      assert.ok(alex[0]!.joinUrl?.startsWith(DEFAULT_TELEHEALTH_ORIGIN));
      // The seeded slot is taken, so it is not listed as free.
      const free = assertSchema(SlotListSchema, await (await s.api(slotQuery('couples'))).json());
      assert.ok(!free.some((slot) => slot.id === alex[0]!.slotId));
    } finally {
      await s.close();
    }
  });

  test('POST /follow-ups books (201, Location), DELETE cancels (204) and frees the slot', async () => {
    const s = await startServer();
    try {
      const [slot] = assertSchema(SlotListSchema, await (await s.api(slotQuery('crisis-debrief'))).json());
      assert.ok(slot);
      const response = await s.api('/follow-ups', {
        method: 'POST',
        headers: { 'Idempotency-Key': 'key-book-1' },
        body: JSON.stringify({ slotId: slot.id, kind: 'crisis-debrief', includePartner: false }),
      });
      assert.equal(response.status, 201);
      const appointment = assertSchema(AppointmentSchema, await response.json());
      assert.equal(response.headers.get('location'), `/api/v1/follow-ups/${appointment.id}`);
      assert.equal(appointment.slotId, slot.id);
      assert.equal(appointment.start, slot.start);
      assert.deepEqual(appointment.clinician, slot.clinician);
      assert.deepEqual(appointment.participants, [{ id: 'alex', displayName: 'Alex' }]);
      assert.equal(appointment.status, 'booked');
      assert.ok(appointment.joinUrl?.startsWith(`${DEFAULT_TELEHEALTH_ORIGIN}/`));

      const mine = assertSchema(AppointmentListSchema, await (await s.api('/follow-ups')).json());
      assert.ok(mine.some((a) => a.id === appointment.id));
      const jordans = assertSchema(
        AppointmentListSchema,
        await (await s.api('/follow-ups', { token: JORDAN })).json(),
      );
      assert.ok(!jordans.some((a) => a.id === appointment.id), 'an individual debrief is Alex’s alone');
      let free = assertSchema(SlotListSchema, await (await s.api(slotQuery('crisis-debrief'))).json());
      assert.ok(!free.some((f) => f.id === slot.id), 'a booked slot is no longer free');

      const cancel = await s.api(`/follow-ups/${appointment.id}`, { method: 'DELETE' });
      assert.equal(cancel.status, 204);
      assert.equal(await cancel.text(), '');
      free = assertSchema(SlotListSchema, await (await s.api(slotQuery('crisis-debrief'))).json());
      assert.ok(
        free.some((f) => f.id === slot.id),
        'cancelling frees the slot',
      );
      const after = assertSchema(AppointmentListSchema, await (await s.api('/follow-ups')).json());
      const cancelled = after.find((a) => a.id === appointment.id);
      assert.equal(cancelled?.status, 'cancelled');
      assert.equal(cancelled?.joinUrl, undefined);
      // Cancelling again changes nothing and still answers 204.
      assert.equal((await s.api(`/follow-ups/${appointment.id}`, { method: 'DELETE' })).status, 204);
      // The freed slot can be booked again.
      const rebook = await s.api('/follow-ups', {
        method: 'POST',
        headers: { 'Idempotency-Key': 'key-book-2' },
        body: JSON.stringify({ slotId: slot.id, kind: 'crisis-debrief', includePartner: false }),
      });
      assert.equal(rebook.status, 201);
    } finally {
      await s.close();
    }
  });

  test('a couples session books both partners, and either can see and cancel it', async () => {
    const s = await startServer();
    try {
      const [slot] = assertSchema(SlotListSchema, await (await s.api(slotQuery('couples'))).json());
      assert.ok(slot);
      const response = await s.api('/follow-ups', {
        method: 'POST',
        headers: { 'Idempotency-Key': 'couples-1' },
        // includePartner false on purpose: a couples session always includes both.
        body: JSON.stringify({ slotId: slot.id, kind: 'couples', includePartner: false }),
      });
      assert.equal(response.status, 201);
      const appointment = assertSchema(AppointmentSchema, await response.json());
      assert.deepEqual(
        appointment.participants.map((p) => p.id),
        ['alex', 'jordan'],
      );
      const jordans = assertSchema(
        AppointmentListSchema,
        await (await s.api('/follow-ups', { token: JORDAN })).json(),
      );
      assert.ok(jordans.some((a) => a.id === appointment.id));
      const cancel = await s.api(`/follow-ups/${appointment.id}`, { method: 'DELETE', token: JORDAN });
      assert.equal(cancel.status, 204);
    } finally {
      await s.close();
    }
  });

  test('includePartner adds the partner to another kind of session', async () => {
    const s = await startServer();
    try {
      const [slot] = assertSchema(SlotListSchema, await (await s.api(slotQuery('crisis-debrief'))).json());
      const response = await s.api('/follow-ups', {
        method: 'POST',
        headers: { 'Idempotency-Key': 'with-partner' },
        body: JSON.stringify({ slotId: slot!.id, kind: 'crisis-debrief', includePartner: true }),
        token: JORDAN,
      });
      assert.equal(response.status, 201);
      const appointment = assertSchema(AppointmentSchema, await response.json());
      assert.deepEqual(
        appointment.participants.map((p) => p.id),
        ['jordan', 'alex'],
      );
    } finally {
      await s.close();
    }
  });

  test('GET /coverage returns the PPO plan', async () => {
    const s = await startServer();
    try {
      const coverage = assertSchema(CoverageSchema, await (await s.api('/coverage')).json());
      assert.equal(coverage.planType, 'PPO');
      const codes = coverage.services.map((service) => service.code);
      for (const code of ['S9480', 'H0015', '90839', '90840', '90847', '90853'])
        assert.ok(codes.includes(code), code);
      const jordans = assertSchema(
        CoverageSchema,
        await (await s.api('/coverage', { token: JORDAN })).json(),
      );
      assert.notEqual(jordans.memberIdMasked, coverage.memberIdMasked);
      // The clinic's typical allowed amount and the program's schedule, so an estimate needs no typing.
      const iop = coverage.services.find((service) => service.code === 'S9480')!;
      assert.equal(iop.typicalAllowedCents, 35_000);
      assert.deepEqual(iop.program, { daysPerWeek: 3, weeks: 8 });
    } finally {
      await s.close();
    }
  });

  test('GET /coverage without a plan on file is a 404 problem (the self-pay case)', async () => {
    const dataDir = await tempDir();
    try {
      await (await startServer({ dataDir })).close();
      const db = openDatabase(dataDir);
      db.prepare('DELETE FROM coverage WHERE participant_id = ?').run('alex');
      db.close();
      const s = await startServer({ dataDir });
      try {
        await assertProblem(await s.api('/coverage'), 404, 'no-coverage');
        assert.equal((await s.api('/coverage', { token: JORDAN })).status, 200);
      } finally {
        await s.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('GET /preferences sends an ETag; PATCH with If-Match saves and returns the new ETag', async () => {
    const s = await startServer();
    try {
      const read = await s.api('/preferences');
      assert.equal(read.status, 200);
      const prefs = assertSchema(PreferencesSchema, await read.json());
      assert.deepEqual(prefs, { version: 1, petFriendly: true, pet: { name: 'Biscuit', species: 'dog' } });
      const etag = read.headers.get('etag');
      assert.equal(etag, '"1"');

      const patched = await s.api('/preferences', {
        method: 'PATCH',
        headers: { 'If-Match': etag! },
        body: JSON.stringify({ petFriendly: false }),
      });
      assert.equal(patched.status, 200);
      assert.equal(patched.headers.get('etag'), '"2"');
      assert.deepEqual(await patched.json(), {
        version: 2,
        petFriendly: false,
        pet: { name: 'Biscuit', species: 'dog' },
      });

      // pet: null removes the pet; a new pet replaces it.
      const removed = await s.api('/preferences', {
        method: 'PATCH',
        headers: { 'If-Match': '"2"' },
        body: JSON.stringify({ petFriendly: true, pet: null }),
      });
      assert.deepEqual(await removed.json(), { version: 3, petFriendly: true });
      const added = await s.api('/preferences', {
        method: 'PATCH',
        headers: { 'If-Match': '"3"' },
        body: JSON.stringify({ petFriendly: true, pet: { name: 'Miso', species: 'cat' } }),
      });
      assert.deepEqual(await added.json(), {
        version: 4,
        petFriendly: true,
        pet: { name: 'Miso', species: 'cat' },
      });

      const reread = await s.api('/preferences');
      assert.equal(reread.headers.get('etag'), '"4"');
      assert.deepEqual(await reread.json(), {
        version: 4,
        petFriendly: true,
        pet: { name: 'Miso', species: 'cat' },
      });
      // Jordan's preferences are separate.
      assert.deepEqual(await (await s.api('/preferences', { token: JORDAN })).json(), {
        version: 1,
        petFriendly: false,
      });
      // If-Match: * means "whatever the current version is".
      const star = await s.api('/preferences', {
        method: 'PATCH',
        headers: { 'If-Match': '*' },
        body: JSON.stringify({ petFriendly: false }),
      });
      assert.equal(star.status, 200);
      assert.equal(star.headers.get('etag'), '"5"');
    } finally {
      await s.close();
    }
  });

  test('HEAD on a GET endpoint answers the headers without a body', async () => {
    const s = await startServer();
    try {
      const head = await s.api('/me', { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
    } finally {
      await s.close();
    }
  });

  test('one log line per request, with method, path and status but never the token', async () => {
    const s = await startServer();
    try {
      await (await s.api('/me')).text();
      await (await s.api('/me', { token: 'wrong-token-123' })).text();
      await (await s.api('/preferences', { token: JORDAN })).text();
      // The log line is written when the response closes; give the event loop a turn.
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(s.logs.length, 3);
      assert.match(s.logs[0]!, / GET \/api\/v1\/me 200 /);
      assert.match(s.logs[1]!, / GET \/api\/v1\/me 401 /);
      for (const line of s.logs) {
        assert.ok(!line.includes(ALEX) && !line.includes(JORDAN) && !line.includes('wrong-token-123'), line);
        assert.ok(!/bearer|authorization/i.test(line), line);
      }
    } finally {
      await s.close();
    }
  });
});
