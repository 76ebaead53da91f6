/// <reference types="node" />
// The reference backend's check-ins: POST is idempotent by id and validated (a note that was not shared is
// refused), GET returns my check-ins without the screener's answers and my partner's shared moods only, and
// GET /check-ins/instrument serves the C-SSRS Screener as the kit ships it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as v from 'valibot';
import { Database } from '../../demo/server/sqlite.js';
import { databasePath } from '../../demo/server/db.js';
import { CheckInHistorySchema } from '../../src/core/check-in/check-in.js';
import { CSSRS_SCREENER_RECENT, parseInstrument } from '../../src/core/check-in/instrument.js';
import { JORDAN, NOW, startServer, type TestServer } from './helpers.js';

function rows(s: TestServer, sql: string): Record<string, unknown>[] {
  const db = new Database(databasePath(s.dataDir), { readonly: true });
  try {
    return db.prepare<Record<string, unknown>>(sql).all();
  } finally {
    db.close();
  }
}

const checkIn = (over: Record<string, unknown> = {}) => ({
  id: 'ci-1',
  at: NOW.toISOString(),
  mood: 3,
  cravings: 7,
  usedPlan: true,
  shareNote: false,
  shareMoodWithPartner: true,
  instrument: { url: CSSRS_SCREENER_RECENT.url, version: CSSRS_SCREENER_RECENT.version },
  answers: { '1': 'yes', '2': 'yes', '3': 'no', '4': 'yes' },
  risk: 'high',
  ...over,
});

test('POST /check-ins: 202, stored once by id, a replay stores nothing new', async () => {
  const s = await startServer();
  try {
    const post = (body: object) => s.api('/check-ins', { method: 'POST', body: JSON.stringify(body) });
    const first = await post(checkIn());
    assert.equal(first.status, 202);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const again = await post(checkIn({ mood: 9 }));
    assert.equal(again.status, 202);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const stored = rows(s, 'SELECT id, mood, cravings, risk, answers, note FROM check_ins');
    assert.deepEqual(stored, [
      {
        id: 'ci-1',
        mood: 3,
        cravings: 7,
        risk: 'high',
        answers: '{"1":"yes","2":"yes","3":"no","4":"yes"}',
        note: null,
      },
    ]);
  } finally {
    await s.close();
  }
});

test('POST /check-ins refuses a note that was not shared, and a mood outside 0-10 (400, problem+json)', async () => {
  const s = await startServer();
  try {
    for (const bad of [checkIn({ note: 'private' }), checkIn({ mood: 12 }), checkIn({ risk: 'severe' })]) {
      const response = await s.api('/check-ins', { method: 'POST', body: JSON.stringify(bad) });
      assert.equal(response.status, 400);
      assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
    }
    assert.equal(rows(s, 'SELECT id FROM check_ins').length, 0);
    const shared = await s.api('/check-ins', {
      method: 'POST',
      body: JSON.stringify(checkIn({ id: 'ci-2', note: 'shared with the team', shareNote: true })),
    });
    assert.equal(shared.status, 202);
    assert.deepEqual(rows(s, 'SELECT note FROM check_ins'), [{ note: 'shared with the team' }]);
  } finally {
    await s.close();
  }
});

test('GET /check-ins: mine without the answers; my partner sees only the moods I shared', async () => {
  const s = await startServer();
  try {
    const post = (body: object) => s.api('/check-ins', { method: 'POST', body: JSON.stringify(body) });
    await post(checkIn({ id: 'ci-a', note: 'hard day', shareNote: true }));
    await post(
      checkIn({
        id: 'ci-b',
        mood: 8,
        shareMoodWithPartner: false,
        at: new Date(NOW.getTime() + 1000).toISOString(),
      }),
    );
    const mine = v.parse(CheckInHistorySchema, await (await s.api('/check-ins')).json());
    assert.deepEqual(
      mine.checkIns.map((c) => [c.id, c.mood, c.note]),
      [
        ['ci-a', 3, 'hard day'],
        ['ci-b', 8, undefined],
      ],
    );
    assert.match(mine.readSchedule ?? '', /business day/);
    const raw = await (await s.api('/check-ins', { token: JORDAN })).text();
    const partnerView = JSON.parse(raw) as {
      readSchedule: string;
      partner: { displayName: string; moods: unknown[] };
    };
    // In Jordan's language (es-US).
    assert.match(partnerView.readSchedule, /día hábil/);
    assert.deepEqual(partnerView.partner, {
      displayName: 'Alex',
      moods: [{ at: NOW.toISOString(), mood: 3 }],
    });
    assert.doesNotMatch(raw, /answers|hard day|cravings|high|"yes"/);
    // `since` filters; a bad one is a 400.
    const later = await (
      await s.api(`/check-ins?since=${encodeURIComponent(new Date(NOW.getTime() + 500).toISOString())}`)
    ).json();
    assert.deepEqual(
      (later as { checkIns: { id: string }[] }).checkIns.map((c) => c.id),
      ['ci-b'],
    );
    assert.equal((await s.api('/check-ins?since=yesterday')).status, 400);
  } finally {
    await s.close();
  }
});

test('GET /check-ins/instrument: the C-SSRS Screener as the kit ships it, which the kit accepts', async () => {
  const s = await startServer();
  try {
    const response = await s.api('/check-ins/instrument');
    assert.equal(response.status, 200);
    assert.deepEqual(parseInstrument(await response.json()), CSSRS_SCREENER_RECENT);
  } finally {
    await s.close();
  }
});
