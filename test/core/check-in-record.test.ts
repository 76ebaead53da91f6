/**
 * A check-in as the care team receives it and as the partner may see it: the note leaves the device only when
 * shared, the partner gets the mood of the days shared and nothing else, and a check-in goes through the outbox
 * (idempotent by id, delivered after a reload). The REST adapter's three check-in calls, on the wire.
 */
import { expect, waitUntil } from '@open-wc/testing';
import * as v from 'valibot';
import {
  CheckInSubmissionSchema,
  localCheckIns,
  submitCheckIn,
  toSubmission,
  type CheckIn,
} from '../../src/core/check-in/check-in.js';
import { CSSRS_SCREENER_RECENT } from '../../src/core/check-in/instrument.js';
import { createClient, type IopClient } from '../../src/core/client.js';
import { getConfig } from '../../src/core/config-store.js';
import { createMemoryBackend } from '../../src/core/backends/memory-backend.js';
import { createRestBackend } from '../../src/core/backends/rest-backend.js';
import { ConfigError, HttpError, SchemaError } from '../../src/core/errors.js';
import { createSeed } from '../../src/demo-data/seed.js';
import { deleteTestDatabases, uniqueDb } from '../shared/databases.js';
import { aCheckIn } from '../shared/check-ins.js';

const checkIn = aCheckIn;

const clients: IopClient[] = [];
function client(backend: ReturnType<typeof createMemoryBackend>, dbName: string, encrypt = true): IopClient {
  const config = { ...getConfig(), backend, cache: { ...getConfig().cache, encrypt } };
  const made = createClient(config, { dbName });
  clients.push(made);
  return made;
}

describe('check-in records', () => {
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await deleteTestDatabases();
  });

  it('sends the note only when that entry is shared with the care team', () => {
    const kept = toSubmission(checkIn());
    expect(kept).to.not.have.property('note');
    expect(JSON.stringify(kept)).to.not.contain('hard evening');
    expect(toSubmission(checkIn({ shareNote: true })).note).to.equal('A private line about a hard evening');
    // The wire schema itself refuses a note that was not shared.
    const leak = { ...toSubmission(checkIn()), note: 'leaked' };
    expect(v.safeParse(CheckInSubmissionSchema, leak).success).to.equal(false);
  });

  it('refuses what is not a check-in: mood outside 0-10, a bad date, risk or answers', () => {
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, 'no']));
    for (const bad of [
      { mood: 11 },
      { mood: 2.5 },
      { cravings: -1 },
      { at: 'yesterday' },
      { risk: 'severe' },
      { answers: { '1': 3 } },
      { answers: { '': 'yes' } },
      { answers: tooMany },
    ]) {
      expect(() => toSubmission(checkIn(bad as Partial<CheckIn>)), JSON.stringify(bad)).to.throw(SchemaError);
    }
  });

  it('queues in the outbox, is stored once by id, and keeps the private note only on this device', async () => {
    const seed = createSeed(new Date());
    const alex = createMemoryBackend({ participant: 'alex', seed });
    const c = client(alex, uniqueDb('check-in'));
    const record = checkIn();
    await submitCheckIn(c, record);
    await submitCheckIn(c, record);
    await waitUntil(() => alex.checkIns.length === 1, 'delivered');
    await c.outbox.flush();
    expect(alex.checkIns).to.have.length(1);
    expect(alex.checkIns[0]).to.not.have.property('note');
    expect(alex.checkIns[0]!.answers).to.deep.equal(record.answers);
    const local = await localCheckIns(c);
    expect(local.map((l) => [l.id, l.note])).to.deep.equal([[record.id, record.note]]);
  });

  it('keeps nothing on the device without encryption (never a note in plaintext)', async () => {
    const alex = createMemoryBackend({ participant: 'alex' });
    const c = client(alex, uniqueDb('check-in-plain'), false);
    await submitCheckIn(c, checkIn());
    expect(await localCheckIns(c)).to.deep.equal([]);
  });

  it('an offline check-in waits in the outbox and is delivered by the next page', async () => {
    const seed = createSeed(new Date());
    const dbName = uniqueDb('check-in-offline');
    const offline = createMemoryBackend({ participant: 'alex', seed });
    offline.simulate({ offline: true });
    const first = client(offline, dbName);
    await submitCheckIn(first, checkIn());
    expect(await first.outbox.pendingCount()).to.equal(1);
    await first.dispose();
    const online = createMemoryBackend({ participant: 'alex', seed });
    client(online, dbName);
    await waitUntil(() => online.checkIns.length === 1, 'delivered after the reload', { timeout: 4000 });
  });

  it('the partner gets the mood of the days shared, never answers, notes or cravings', async () => {
    const seed = createSeed(new Date());
    const alex = createMemoryBackend({ participant: 'alex', seed });
    const jordan = createMemoryBackend({ participant: 'jordan', seed });
    await alex.submitCheckIn(toSubmission(checkIn({ mood: 3, shareNote: true, risk: 'high' })));
    await alex.submitCheckIn(toSubmission(checkIn({ mood: 8, shareMoodWithPartner: false })));
    const since = new Date(Date.now() - 14 * 864e5).toISOString();
    const seen = await jordan.getCheckIns(since);
    expect(seen.partner?.displayName).to.equal('Alex');
    expect(seen.partner?.moods.map((m) => Object.keys(m).sort())).to.deep.equal([['at', 'mood']]);
    expect(seen.partner?.moods[0]!.mood).to.equal(3);
    expect(JSON.stringify(seen)).to.not.match(/answers|hard evening|cravings|high/);
    const mine = await alex.getCheckIns(since);
    expect(mine.checkIns.map((c) => c.mood)).to.deep.equal([3, 8]);
    expect(mine.readSchedule).to.contain('business day');
    expect(seen.readSchedule).to.contain('día hábil');
  });

  it('the memory adapter serves no instrument by default (404) and parses one it is given', async () => {
    expect(await createMemoryBackend().getCheckInInstrument()).to.equal(undefined);
    const given = { ...CSSRS_SCREENER_RECENT, version: 'licensed-2024' };
    expect(
      (await createMemoryBackend({ checkInInstrument: given }).getCheckInInstrument())?.version,
    ).to.equal('licensed-2024');
    const broken = {
      ...CSSRS_SCREENER_RECENT,
      triage: [{ level: 'high', anyOf: [{ question: '9', answer: 'yes' }] }],
    };
    let error: unknown;
    await createMemoryBackend({ checkInInstrument: broken })
      .getCheckInInstrument()
      .catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(SchemaError);
  });
});

describe('REST adapter: check-ins', () => {
  const BASE = 'https://api.clinic.example/iop/v1';
  function rest(reply: (url: string, init: RequestInit) => Response) {
    const calls: { url: string; init: RequestInit }[] = [];
    const backend = createRestBackend(
      {
        baseUrl: BASE,
        getAccessToken: () => 'tok',
        timeoutMs: 500,
        retries: 0,
        fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
          calls.push({ url: String(input), init });
          return reply(String(input), init);
        }) as typeof fetch,
      },
      { sleep: async () => undefined },
    );
    return { backend, calls };
  }
  const json = (data: unknown, status = 200) =>
    new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json' } });

  it('POST /check-ins with the id as Idempotency-Key; GET /check-ins?since parsed (partner: mood only)', async () => {
    const { backend, calls } = rest((url) =>
      url.includes('/check-ins?')
        ? json({
            checkIns: [],
            partner: { displayName: 'Jordan', moods: [{ at: '2026-12-01T20:00:00Z', mood: 6, note: 'x' }] },
          })
        : new Response(null, { status: 202 }),
    );
    const sent = toSubmission(checkIn());
    await backend.submitCheckIn!(sent);
    expect(calls[0]!.url).to.equal(`${BASE}/check-ins`);
    expect(calls[0]!.init.method).to.equal('POST');
    expect((calls[0]!.init.headers as Record<string, string>)['Idempotency-Key']).to.equal(sent.id);
    expect(JSON.parse(String(calls[0]!.init.body))).to.deep.equal(sent);
    const history = await backend.getCheckIns!('2026-11-18T00:00:00Z');
    expect(calls[1]!.url).to.equal(`${BASE}/check-ins?since=2026-11-18T00%3A00%3A00Z`);
    // Whatever the server adds to a partner's day is not kept.
    expect(history.partner!.moods).to.deep.equal([{ at: '2026-12-01T20:00:00Z', mood: 6 }]);
  });

  it('GET /check-ins/instrument: a 404 is "use the built-in one"; an instrument is checked as a whole', async () => {
    const none = rest(() => json({ status: 404, title: 'Not found' }, 404));
    expect(await none.backend.getCheckInInstrument!()).to.equal(undefined);
    const served = rest(() => json({ ...CSSRS_SCREENER_RECENT, language: 'es' }));
    expect((await served.backend.getCheckInInstrument!())?.language).to.equal('es');
    const bad = rest(() => json({ ...CSSRS_SCREENER_RECENT, item: [] }));
    let error: unknown;
    await bad.backend.getCheckInInstrument!().catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(SchemaError);
    const down = rest(() => json({ status: 503, title: 'Down' }, 503));
    error = undefined;
    await down.backend.getCheckInInstrument!().catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(HttpError);
  });

  it('a host Backend without submitCheckIn: the outbox reports the check-in rejected (ConfigError)', async () => {
    const memory = createMemoryBackend();
    const { submitCheckIn: _omit, ...withoutCheckIns } = memory;
    const config = { ...getConfig(), backend: withoutCheckIns };
    const c = createClient(config, { dbName: uniqueDb('check-in-host') });
    clients.push(c);
    const rejected = new Promise<unknown>((resolve) =>
      c.outbox.addEventListener('rejected', (e) =>
        resolve((e as CustomEvent<{ error: unknown }>).detail.error),
      ),
    );
    await submitCheckIn(c, checkIn());
    expect(await rejected).to.be.instanceOf(ConfigError);
  });
});
