/// <reference types="node" />
// Every error path answers application/problem+json with type, title, status and detail.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SlotListSchema } from '../../src/core/schemas.js';
import { Database } from '../../demo/server/sqlite.js';
import { databasePath } from '../../demo/server/db.js';
import { assertProblem, assertSchema, JORDAN, NOW, slotQuery, startServer } from './helpers.js';

describe('errors are problem+json', () => {
  test('401 without a token or with an unknown one, with a WWW-Authenticate challenge', async () => {
    const s = await startServer();
    try {
      const none = await s.api('/me', { token: null });
      assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="iop-kit"');
      await assertProblem(none, 401, 'unauthorized');
      const wrong = await s.api('/me', { token: 'demo-someone' });
      assert.match(wrong.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
      await assertProblem(wrong, 401);
      const basic = await fetch(`${s.base}/api/v1/me`, { headers: { Authorization: 'Basic ZGVtbzpkZW1v' } });
      await assertProblem(basic, 401);
      // Every endpoint is protected, writes included.
      for (const [method, path] of [
        ['GET', '/crisis/resources'],
        ['POST', '/crisis/events'],
        ['POST', '/crisis/telehealth'],
        ['GET', '/safety-plans/current'],
        ['GET', slotQuery('couples')],
        ['GET', '/follow-ups'],
        ['POST', '/follow-ups'],
        ['DELETE', '/follow-ups/appt-couples-1'],
        ['GET', '/coverage'],
        ['GET', '/preferences'],
        ['PATCH', '/preferences'],
      ] as const) {
        await assertProblem(await s.api(path, { method, token: null }), 401);
      }
    } finally {
      await s.close();
    }
  });

  test('403 for the partner’s plan once the partner withdraws consent (a stored flag)', async () => {
    const s = await startServer();
    try {
      assert.equal((await s.api('/safety-plans/current?participant=partner')).status, 200);
      // Jordan withdraws consent for Alex: flip the flag in the database.
      const db = new Database(databasePath(s.dataDir));
      try {
        const result = db
          .prepare("UPDATE plan_consents SET granted = 0 WHERE owner_id = 'jordan' AND viewer_id = 'alex'")
          .run();
        assert.equal(result.changes, 1);
      } finally {
        db.close();
      }
      const problem = await assertProblem(
        await s.api('/safety-plans/current?participant=partner'),
        403,
        'consent-required',
      );
      assert.match(problem.detail, /Jordan/);
      // Alex's own plan and Jordan's view of Alex's plan are unaffected.
      assert.equal((await s.api('/safety-plans/current')).status, 200);
      assert.equal((await s.api('/safety-plans/current?participant=partner', { token: JORDAN })).status, 200);
    } finally {
      await s.close();
    }
  });

  test('403 when cancelling someone else’s appointment', async () => {
    const s = await startServer();
    try {
      const [slot] = assertSchema(SlotListSchema, await (await s.api(slotQuery('individual'))).json());
      const booked = await s.api('/follow-ups', {
        method: 'POST',
        headers: { 'Idempotency-Key': 'alex-only' },
        body: JSON.stringify({ slotId: slot!.id, kind: 'individual', includePartner: false }),
      });
      const { id } = (await booked.json()) as { id: string };
      await assertProblem(
        await s.api(`/follow-ups/${id}`, { method: 'DELETE', token: JORDAN }),
        403,
        'not-your-appointment',
      );
      const still = (await (await s.api('/follow-ups')).json()) as { id: string; status: string }[];
      assert.equal(still.find((a) => a.id === id)?.status, 'booked');
    } finally {
      await s.close();
    }
  });

  test('400 for bad bodies, naming the field', async () => {
    const s = await startServer();
    try {
      const missing = await assertProblem(
        await s.api('/crisis/events', {
          method: 'POST',
          body: JSON.stringify({ type: 'crisis-open', at: NOW.toISOString(), action: 'open' }),
        }),
        400,
        'validation',
      );
      assert.match(missing.detail, /^id: /);
      assert.deepEqual(
        (missing['errors'] as { field: string }[]).map((e) => e.field),
        ['id'],
      );

      const badEnum = await assertProblem(
        await s.api('/crisis/events', {
          method: 'POST',
          body: JSON.stringify({ id: 'e', type: 'panic', at: NOW.toISOString(), action: 'open' }),
        }),
        400,
      );
      assert.match(badEnum.detail, /^type: expected one of "crisis-open"/);

      const badDate = await assertProblem(
        await s.api('/crisis/events', {
          method: 'POST',
          body: JSON.stringify({ id: 'e', type: 'crisis-open', at: 'yesterday', action: 'open' }),
        }),
        400,
      );
      assert.match(badDate.detail, /^at: /);

      const booking = await assertProblem(
        await s.api('/follow-ups', {
          method: 'POST',
          headers: { 'Idempotency-Key': 'bad-body' },
          body: JSON.stringify({ slotId: 'x', kind: 'couples', includePartner: 'yes' }),
        }),
        400,
      );
      assert.match(booking.detail, /^includePartner: expected a boolean/);

      const pet = await assertProblem(
        await s.api('/preferences', {
          method: 'PATCH',
          headers: { 'If-Match': '"1"' },
          body: JSON.stringify({ petFriendly: true, pet: { name: '' } }),
        }),
        400,
      );
      assert.match(pet.detail, /^pet\.(name|species): /);

      const telehealth = await assertProblem(
        await s.api('/crisis/telehealth', { method: 'POST', body: JSON.stringify({}) }),
        400,
      );
      assert.match(telehealth.detail, /^includePartner: /);

      const empty = await assertProblem(await s.api('/crisis/telehealth', { method: 'POST' }), 400);
      assert.match(empty.detail, /^body: /);

      const malformed = await assertProblem(
        await s.api('/crisis/events', { method: 'POST', body: '{"id": "e",' }),
        400,
        'malformed-json',
      );
      assert.match(malformed.detail, /not valid JSON/);

      await assertProblem(
        await s.api('/crisis/events', {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain' },
          body: 'hello',
        }),
        415,
      );
    } finally {
      await s.close();
    }
  });

  test('400 for bad query parameters, naming the parameter', async () => {
    const s = await startServer();
    try {
      const who = await assertProblem(await s.api('/safety-plans/current?participant=neighbour'), 400);
      assert.match(who.detail, /^participant: /);
      const kind = await assertProblem(await s.api(slotQuery('massage')), 400);
      assert.match(kind.detail, /^kind: /);
      const from = await assertProblem(await s.api('/follow-ups/slots?from=soon&to=later&kind=couples'), 400);
      assert.match(from.detail, /^from: /);
      const missing = await assertProblem(await s.api('/follow-ups/slots?kind=couples'), 400);
      assert.match(missing.detail, /^(from|to): /);
      const backwards = await assertProblem(
        await s.api(
          `/follow-ups/slots?from=${encodeURIComponent('2026-12-02T00:00:00Z')}&to=${encodeURIComponent('2026-12-01T00:00:00Z')}&kind=couples`,
        ),
        400,
      );
      assert.match(backwards.detail, /^to: must be after from/);
      const huge = await assertProblem(await s.api(slotQuery('couples', NOW.getTime(), 400)), 400);
      assert.match(huge.detail, /^to: /);
    } finally {
      await s.close();
    }
  });

  test('400 without an Idempotency-Key on POST /follow-ups, or with a malformed one', async () => {
    const s = await startServer();
    try {
      const [slot] = assertSchema(SlotListSchema, await (await s.api(slotQuery('couples'))).json());
      const body = JSON.stringify({ slotId: slot!.id, kind: 'couples', includePartner: true });
      await assertProblem(
        await s.api('/follow-ups', { method: 'POST', body }),
        400,
        'idempotency-key-required',
      );
      await assertProblem(
        await s.api('/follow-ups', { method: 'POST', body, headers: { 'Idempotency-Key': 'x'.repeat(256) } }),
        400,
        'idempotency-key-invalid',
      );
      // Nothing was booked.
      const free = assertSchema(SlotListSchema, await (await s.api(slotQuery('couples'))).json());
      assert.ok(free.some((f) => f.id === slot!.id));
    } finally {
      await s.close();
    }
  });

  test('404 for unknown routes, slots and appointments', async () => {
    const s = await startServer();
    try {
      await assertProblem(await s.api('/nothing-here'), 404, 'not-found');
      await assertProblem(await s.api(''), 404);
      await assertProblem(await s.api('/me/extra'), 404);
      await assertProblem(await fetch(`${s.base}/no/such/page`), 404);
      await assertProblem(
        await s.api('/follow-ups/appt-nope', { method: 'DELETE' }),
        404,
        'appointment-not-found',
      );
      await assertProblem(
        await s.api('/follow-ups', {
          method: 'POST',
          headers: { 'Idempotency-Key': 'ghost' },
          body: JSON.stringify({ slotId: 'slot-ghost', kind: 'couples', includePartner: true }),
        }),
        404,
        'slot-not-found',
      );
    } finally {
      await s.close();
    }
  });

  test('405 with an Allow header for a wrong method', async () => {
    const s = await startServer();
    try {
      const put = await s.api('/me', { method: 'PUT', body: '{}' });
      assert.equal(put.headers.get('allow'), 'GET, HEAD');
      await assertProblem(put, 405, 'method-not-allowed');
      const deleteList = await s.api('/follow-ups', { method: 'DELETE' });
      assert.equal(deleteList.headers.get('allow'), 'GET, POST, HEAD');
      await assertProblem(deleteList, 405);
      const getEvents = await s.api('/crisis/events');
      assert.equal(getEvents.headers.get('allow'), 'POST');
      await assertProblem(getEvents, 405);
      await assertProblem(await s.api('/follow-ups/appt-couples-1'), 405);
      await assertProblem(await fetch(`${s.base}/`, { method: 'POST' }), 405);
    } finally {
      await s.close();
    }
  });

  test('413 for a body over 64 KB, declared or streamed', async () => {
    const s = await startServer();
    try {
      const big = JSON.stringify({
        id: 'big',
        type: 'crisis-open',
        at: NOW.toISOString(),
        action: 'x'.repeat(70 * 1024),
      });
      await assertProblem(
        await s.api('/crisis/events', { method: 'POST', body: big }),
        413,
        'body-too-large',
      );
      // Without Content-Length (chunked), the limit is enforced while reading.
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 5; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(20 * 1024)));
          controller.close();
        },
      });
      const streamed = await s.api('/crisis/events', {
        method: 'POST',
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      await assertProblem(streamed, 413);
      // The server is still healthy afterwards.
      assert.equal((await s.api('/me')).status, 200);
    } finally {
      await s.close();
    }
  });

  test('422 when a slot is booked as the wrong kind, or an idempotency key is reused for another request', async () => {
    const s = await startServer();
    try {
      const [a, b] = assertSchema(SlotListSchema, await (await s.api(slotQuery('individual'))).json());
      await assertProblem(
        await s.api('/follow-ups', {
          method: 'POST',
          headers: { 'Idempotency-Key': 'wrong-kind' },
          body: JSON.stringify({ slotId: a!.id, kind: 'couples', includePartner: true }),
        }),
        422,
        'kind-mismatch',
      );
      const first = await s.api('/follow-ups', {
        method: 'POST',
        headers: { 'Idempotency-Key': 'reused' },
        body: JSON.stringify({ slotId: a!.id, kind: 'individual', includePartner: false }),
      });
      assert.equal(first.status, 201);
      await assertProblem(
        await s.api('/follow-ups', {
          method: 'POST',
          headers: { 'Idempotency-Key': 'reused' },
          body: JSON.stringify({ slotId: b!.id, kind: 'individual', includePartner: false }),
        }),
        422,
        'idempotency-key-reused',
      );
      const free = assertSchema(SlotListSchema, await (await s.api(slotQuery('individual'))).json());
      assert.ok(
        free.some((f) => f.id === b!.id),
        'the second slot was not booked',
      );
    } finally {
      await s.close();
    }
  });

  test('409 for a slot that has already started', async () => {
    const s = await startServer();
    try {
      const [slot] = assertSchema(SlotListSchema, await (await s.api(slotQuery('crisis-debrief'))).json());
      s.clock.ms = Date.parse(slot!.start) + 60_000;
      await assertProblem(
        await s.api('/follow-ups', {
          method: 'POST',
          headers: { 'Idempotency-Key': 'too-late' },
          body: JSON.stringify({ slotId: slot!.id, kind: 'crisis-debrief', includePartner: false }),
        }),
        409,
        'slot-in-past',
      );
    } finally {
      await s.close();
    }
  });

  test('409 when cancelling a session that already took place', async () => {
    const s = await startServer();
    try {
      const [seeded] = (await (await s.api('/follow-ups')).json()) as { id: string; end: string }[];
      s.clock.ms = Date.parse(seeded!.end) + 60_000;
      const list = (await (await s.api('/follow-ups')).json()) as { id: string; status: string }[];
      assert.equal(list[0]!.status, 'fulfilled');
      await assertProblem(
        await s.api(`/follow-ups/${seeded!.id}`, { method: 'DELETE' }),
        409,
        'appointment-past',
      );
    } finally {
      await s.close();
    }
  });

  test('a path that is not origin-form is refused', async () => {
    const s = await startServer();
    try {
      const { rawGet } = await import('./helpers.js');
      const response = await rawGet(s.base, '//evil.example/x');
      assert.equal(response.status, 400);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    } finally {
      await s.close();
    }
  });
});
