/// <reference types="node" />
// The write rules: a slot is booked once, idempotency keys replay the first answer, preferences are
// versioned with ETag/If-Match, crisis events are stored once per id.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppointmentSchema, SlotListSchema } from '../../src/core/schemas.js';
import { databasePath } from '../../demo/server/db.js';
import { Database } from '../../demo/server/sqlite.js';
import {
  assertProblem,
  assertSchema,
  JORDAN,
  NOW,
  slotQuery,
  startServer,
  type TestServer,
} from './helpers.js';

function count(s: TestServer, sql: string, ...params: unknown[]): number {
  const db = new Database(databasePath(s.dataDir), { readonly: true });
  try {
    return db.prepare<{ n: number }>(sql).get(...params)!.n;
  } finally {
    db.close();
  }
}

async function firstFreeSlot(s: TestServer, kind: string): Promise<string> {
  const [slot] = assertSchema(SlotListSchema, await (await s.api(slotQuery(kind))).json());
  assert.ok(slot, `a free ${kind} slot`);
  return slot.id;
}

function book(
  s: TestServer,
  slotId: string,
  key: string,
  token?: string,
  kind = 'crisis-debrief',
): Promise<Response> {
  return s.api('/follow-ups', {
    method: 'POST',
    headers: { 'Idempotency-Key': key },
    body: JSON.stringify({ slotId, kind, includePartner: false }),
    ...(token ? { token } : {}),
  });
}

describe('booking', () => {
  test('409 for a second booking of the same slot, by anyone', async () => {
    const s = await startServer();
    try {
      const slotId = await firstFreeSlot(s, 'crisis-debrief');
      assert.equal((await book(s, slotId, 'first')).status, 201);
      const problem = await assertProblem(await book(s, slotId, 'second'), 409, 'slot-taken');
      assert.match(problem.detail, /just booked/);
      await assertProblem(await book(s, slotId, 'jordan-try', JORDAN), 409, 'slot-taken');
      assert.equal(
        count(s, "SELECT count(*) AS n FROM appointments WHERE slot_id = ? AND status = 'booked'", slotId),
        1,
      );
    } finally {
      await s.close();
    }
  });

  test('two concurrent bookings of one slot with different keys: exactly one 201', async () => {
    const s = await startServer();
    try {
      const slotId = await firstFreeSlot(s, 'crisis-debrief');
      const responses = await Promise.all([
        book(s, slotId, 'race-alex'),
        book(s, slotId, 'race-jordan', JORDAN),
        book(s, slotId, 'race-alex-2'),
        book(s, slotId, 'race-jordan-2', JORDAN),
      ]);
      const statuses = responses.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, 409, 409, 409]);
      for (const r of responses.filter((r) => r.status === 409)) await assertProblem(r, 409, 'slot-taken');
      assert.equal(count(s, 'SELECT count(*) AS n FROM appointments WHERE slot_id = ?', slotId), 1);
    } finally {
      await s.close();
    }
  });

  test('two servers on one database file: still exactly one booking per slot', async () => {
    const a = await startServer();
    const b = await startServer({ dataDir: a.dataDir });
    try {
      const slotId = await firstFreeSlot(a, 'couples');
      const responses = await Promise.all([
        book(a, slotId, 'a-1', undefined, 'couples'),
        book(b, slotId, 'b-1', JORDAN, 'couples'),
        book(b, slotId, 'b-2', undefined, 'couples'),
        book(a, slotId, 'a-2', JORDAN, 'couples'),
      ]);
      assert.deepEqual(responses.map((r) => r.status).sort(), [201, 409, 409, 409]);
      assert.equal(count(a, 'SELECT count(*) AS n FROM appointments WHERE slot_id = ?', slotId), 1);
    } finally {
      await b.close();
      await a.close();
    }
  });

  test('the database itself refuses a second live booking of a slot (UNIQUE index)', async () => {
    const s = await startServer();
    try {
      const slotId = await firstFreeSlot(s, 'crisis-debrief');
      assert.equal((await book(s, slotId, 'k')).status, 201);
      const db = new Database(databasePath(s.dataDir));
      try {
        assert.throws(
          () =>
            db
              .prepare(
                `INSERT INTO appointments (id, slot_id, kind, status, booked_by, join_url, created_at)
                 VALUES ('sneaky', ?, 'crisis-debrief', 'booked', 'jordan', NULL, ?)`,
              )
              .run(slotId, NOW.toISOString()),
          (error: { code?: string }) => error.code === 'SQLITE_CONSTRAINT_UNIQUE',
        );
      } finally {
        db.close();
      }
    } finally {
      await s.close();
    }
  });

  test('a replayed Idempotency-Key returns the first response: same status, same appointment, one row', async () => {
    const s = await startServer();
    try {
      const slotId = await firstFreeSlot(s, 'crisis-debrief');
      const first = await book(s, slotId, 'same-key');
      assert.equal(first.status, 201);
      const appointment = assertSchema(AppointmentSchema, await first.json());
      const replay = await book(s, slotId, 'same-key');
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal(replay.headers.get('location'), first.headers.get('location'));
      assert.deepEqual(await replay.json(), appointment);
      // Concurrent replays too.
      const more = await Promise.all([book(s, slotId, 'same-key'), book(s, slotId, 'same-key')]);
      for (const r of more) {
        assert.equal(r.status, 201);
        assert.equal(((await r.json()) as { id: string }).id, appointment.id);
      }
      assert.equal(count(s, 'SELECT count(*) AS n FROM appointments WHERE slot_id = ?', slotId), 1);
      assert.equal(count(s, "SELECT count(*) AS n FROM idempotency_keys WHERE key = 'same-key'"), 1);
    } finally {
      await s.close();
    }
  });

  test('a replayed key whose first answer was 409 answers 409 again', async () => {
    const s = await startServer();
    try {
      const slotId = await firstFreeSlot(s, 'crisis-debrief');
      assert.equal((await book(s, slotId, 'winner', JORDAN)).status, 201);
      await assertProblem(await book(s, slotId, 'loser'), 409, 'slot-taken');
      const replay = await book(s, slotId, 'loser');
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      await assertProblem(replay, 409, 'slot-taken');
    } finally {
      await s.close();
    }
  });

  test('idempotency keys belong to one participant: the same key from the partner is a new request', async () => {
    const s = await startServer();
    try {
      const [a, b] = assertSchema(SlotListSchema, await (await s.api(slotQuery('crisis-debrief'))).json());
      assert.equal((await book(s, a!.id, 'shared-key')).status, 201);
      const jordan = await book(s, b!.id, 'shared-key', JORDAN);
      assert.equal(jordan.status, 201);
      assert.equal(jordan.headers.get('idempotent-replayed'), null);
    } finally {
      await s.close();
    }
  });
});

describe('preferences versioning', () => {
  test('428 without If-Match; nothing changes', async () => {
    const s = await startServer();
    try {
      await assertProblem(
        await s.api('/preferences', { method: 'PATCH', body: JSON.stringify({ petFriendly: false }) }),
        428,
        'if-match-required',
      );
      assert.deepEqual(((await (await s.api('/preferences')).json()) as { version: number }).version, 1);
    } finally {
      await s.close();
    }
  });

  test('412 with a stale If-Match, carrying the current ETag; nothing changes', async () => {
    const s = await startServer();
    try {
      // Another device saves first.
      const other = await s.api('/preferences', {
        method: 'PATCH',
        headers: { 'If-Match': '"1"' },
        body: JSON.stringify({ petFriendly: false }),
      });
      assert.equal(other.status, 200);
      const stale = await s.api('/preferences', {
        method: 'PATCH',
        headers: { 'If-Match': '"1"' },
        body: JSON.stringify({ petFriendly: true, pet: null }),
      });
      assert.equal(stale.headers.get('etag'), '"2"');
      const problem = await assertProblem(stale, 412, 'stale-version');
      assert.equal(problem['currentVersion'], 2);
      await assertProblem(
        await s.api('/preferences', {
          method: 'PATCH',
          headers: { 'If-Match': 'W/"2"' },
          body: JSON.stringify({ petFriendly: true }),
        }),
        412,
      );
      const now = await s.api('/preferences');
      assert.equal(now.headers.get('etag'), '"2"');
      assert.deepEqual(await now.json(), {
        version: 2,
        petFriendly: false,
        pet: { name: 'Biscuit', species: 'dog' },
      });
    } finally {
      await s.close();
    }
  });

  test('an outbox retry with the same Idempotency-Key gets the stored 200, not a 412 against itself', async () => {
    const s = await startServer();
    try {
      const patch = () =>
        s.api('/preferences', {
          method: 'PATCH',
          headers: { 'If-Match': '"1"', 'Idempotency-Key': 'pref-1' },
          body: JSON.stringify({ petFriendly: false }),
        });
      const first = await patch();
      assert.equal(first.status, 200);
      const retry = await patch();
      assert.equal(retry.status, 200);
      assert.equal(retry.headers.get('etag'), '"2"');
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await retry.json(), await first.json());
      assert.equal(((await (await s.api('/preferences')).json()) as { version: number }).version, 2);
      // A 412 is not remembered: after reloading, the same key with the fresh If-Match applies.
      const other = await s.api('/preferences', {
        method: 'PATCH',
        headers: { 'If-Match': '"2"', 'Idempotency-Key': 'pref-2' },
        body: JSON.stringify({ petFriendly: true }),
      });
      assert.equal(other.status, 200);
      const stale = await s.api('/preferences', {
        method: 'PATCH',
        headers: { 'If-Match': '"2"', 'Idempotency-Key': 'pref-3' },
        body: JSON.stringify({ petFriendly: false }),
      });
      await assertProblem(stale, 412);
      const fresh = await s.api('/preferences', {
        method: 'PATCH',
        headers: { 'If-Match': '"3"', 'Idempotency-Key': 'pref-3' },
        body: JSON.stringify({ petFriendly: false }),
      });
      assert.equal(fresh.status, 200);
      assert.equal(fresh.headers.get('etag'), '"4"');
    } finally {
      await s.close();
    }
  });
});

describe('crisis events', () => {
  test('a replayed event id answers 202 and stores nothing new', async () => {
    const s = await startServer();
    try {
      const event = {
        id: 'evt-42',
        type: 'crisis-action',
        at: NOW.toISOString(),
        action: 'call-on-call',
        target: 'x',
      };
      const post = (body: object, token?: string) =>
        s.api('/crisis/events', { method: 'POST', body: JSON.stringify(body), ...(token ? { token } : {}) });
      const first = await post(event);
      assert.equal(first.status, 202);
      assert.equal(first.headers.get('idempotent-replayed'), null);
      const replays = await Promise.all([post(event), post(event), post({ ...event, action: 'changed' })]);
      for (const r of replays) {
        assert.equal(r.status, 202);
        assert.equal(r.headers.get('idempotent-replayed'), 'true');
      }
      assert.equal(count(s, 'SELECT count(*) AS n FROM crisis_events'), 1);
      assert.equal(count(s, "SELECT count(*) AS n FROM crisis_events WHERE action = 'call-on-call'"), 1);
      assert.equal((await post({ ...event, id: 'evt-43' }, JORDAN)).status, 202);
      assert.equal(count(s, 'SELECT count(*) AS n FROM crisis_events'), 2);
      assert.equal(
        count(s, "SELECT count(*) AS n FROM crisis_events WHERE id = 'evt-43' AND participant_id = 'jordan'"),
        1,
      );
    } finally {
      await s.close();
    }
  });
});
