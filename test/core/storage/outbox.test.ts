import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { HttpError, NetworkError, TimeoutError } from '../../../src/core/errors.js';
import { resetStorageFallbackWarningForTesting } from '../../../src/core/storage/kit-db.js';
import {
  createOutbox,
  isRejection,
  type Outbox,
  type OutboxEntry,
  type DeliveredDetail,
  type OutboxOptions,
  type RejectedDetail,
} from '../../../src/core/storage/outbox.js';
import { deleteTestDatabases, uniqueDb as newDb } from '../../shared/databases.js';

const outboxes: Outbox[] = [];

const uniqueDb = () => newDb('outbox');

/** A clock and a sleep the test drives by hand. */
function manualTime() {
  let now = 1_000;
  const sleeps: { ms: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => sleeps.push({ ms, wake })),
    sleeps,
    /** Moves the clock to the latest requested wake-up and wakes every sleeper. */
    elapse() {
      const pending = sleeps.splice(0);
      now += Math.max(0, ...pending.map((s) => s.ms));
      for (const s of pending) s.wake();
    },
  };
}

function outboxOn(dbName: string, options: Partial<OutboxOptions> & Pick<OutboxOptions, 'send'>): Outbox {
  const outbox = createOutbox({ dbName, ...options });
  outboxes.push(outbox);
  return outbox;
}

async function until(check: () => boolean, what = 'condition', timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function rawOutbox(dbName: string): Promise<{ count: number; text: string }> {
  const db = await openDB(dbName);
  const keys = await db.getAllKeys('outbox');
  const values = (await db.getAll('outbox')) as { iv: Uint8Array; data: ArrayBuffer }[];
  db.close();
  const text = values
    .map((v) => new TextDecoder().decode(v.data) + String.fromCharCode(...new Uint8Array(v.data)))
    .join('\n');
  return { count: values.length, text: keys.join('\n') + text };
}

let warnings: unknown[][] = [];
const realWarn = console.warn;
const factory = indexedDB as IDBFactory & { open: IDBFactory['open'] };

beforeEach(() => {
  resetStorageFallbackWarningForTesting();
  warnings = [];
  console.warn = (...args: unknown[]) => void warnings.push(args);
});

afterEach(async () => {
  console.warn = realWarn;
  delete (factory as Partial<IDBFactory>).open;
  await Promise.all(outboxes.splice(0).map((o) => o.close()));
  await deleteTestDatabases();
});

const crisisEvent = {
  id: 'evt-1',
  type: 'crisis-action',
  action: 'call-988',
  note: 'Jordan Lee felt unsafe',
};

describe('outbox persistence', () => {
  it('keeps entries encrypted in IndexedDB and delivers them after a reload', async () => {
    const dbName = uniqueDb();
    const first = outboxOn(dbName, { send: () => Promise.reject(new NetworkError()) });
    const entry = await first.enqueue({
      kind: 'crisis-event',
      entityKey: 'crisis:evt-1',
      payload: crisisEvent,
    });
    expect(entry.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    expect(await first.pendingCount()).to.equal(1);
    const raw = await rawOutbox(dbName);
    expect(raw.count).to.equal(1);
    for (const secret of ['Jordan', 'call-988', 'crisis-event', 'crisis:evt-1'])
      expect(raw.text).not.to.include(secret);
    await first.close();

    // The next page load.
    const sent: OutboxEntry[] = [];
    const second = outboxOn(dbName, { send: async (e) => void sent.push(e) });
    await second.start();
    await until(() => sent.length === 1, 'delivery after reload');
    expect(sent[0]).to.deep.include({
      idempotencyKey: entry.idempotencyKey,
      kind: 'crisis-event',
      entityKey: 'crisis:evt-1',
      payload: crisisEvent,
    });
    await until(() => warnings.length === 0);
    expect(await second.pendingCount()).to.equal(0);
    expect((await rawOutbox(dbName)).count).to.equal(0);
  });

  it('keeps the given idempotency key and merges entries enqueued before the load finished', async () => {
    const dbName = uniqueDb();
    const first = outboxOn(dbName, { send: () => Promise.reject(new NetworkError()) });
    await first.enqueue({ kind: 'k', entityKey: 'e', payload: 1, idempotencyKey: 'key-1' });
    await first.close();
    const second = outboxOn(dbName, { send: () => new Promise(() => undefined) });
    const [a, b] = await Promise.all([
      second.enqueue({ kind: 'k', entityKey: 'e', payload: 2, idempotencyKey: 'key-2' }),
      second.pendingCount(),
    ]);
    expect(a.idempotencyKey).to.equal('key-2');
    expect(b).to.equal(2);
    expect((await second.entries()).map((e) => e.payload)).to.deep.equal([1, 2]);
  });

  it('stores plain records when encryption is off, and skips records it cannot read', async () => {
    const dbName = uniqueDb();
    const plain = outboxOn(dbName, { encrypt: false, send: () => Promise.reject(new NetworkError()) });
    await plain.enqueue({ kind: 'k', entityKey: 'e', payload: 'visible' });
    await plain.close();
    const db = await openDB(dbName);
    const [value] = (await db.getAll('outbox')) as OutboxEntry[];
    expect(value!.payload).to.equal('visible');
    db.close();
    // A plain outbox on the next load reads it back.
    const reread = outboxOn(dbName, { encrypt: false, send: () => new Promise(() => undefined) });
    expect((await reread.entries()).map((e) => e.payload)).to.deep.equal(['visible']);
    await reread.close();
    // An encrypting outbox cannot read that record: it is left alone, never sent.
    const sent: unknown[] = [];
    const encrypted = outboxOn(dbName, { send: async (e) => void sent.push(e) });
    await encrypted.start();
    expect(await encrypted.pendingCount()).to.equal(0);
    expect(sent).to.deep.equal([]);
  });
});

describe('outbox delivery', () => {
  it('keeps order per entity while other entities go ahead', async () => {
    const time = manualTime();
    const log: string[] = [];
    let failFirst = true;
    const outbox = outboxOn(uniqueDb(), {
      now: time.now,
      sleep: time.sleep,
      random: () => 0.5,
      send: async (e) => {
        log.push(String(e.payload));
        if (e.payload === 'pref-1' && failFirst) {
          failFirst = false;
          throw new HttpError(503);
        }
      },
    });
    await outbox.enqueue({ kind: 'preferences', entityKey: 'preferences', payload: 'pref-1' });
    await outbox.enqueue({ kind: 'preferences', entityKey: 'preferences', payload: 'pref-2' });
    await outbox.enqueue({ kind: 'crisis-event', entityKey: 'crisis:1', payload: 'crisis-1' });
    await outbox.start();
    await until(() => log.length === 2);
    expect(log).to.deep.equal(['pref-1', 'crisis-1']);
    expect(await outbox.pendingCount()).to.equal(2);
    await until(() => time.sleeps.length === 1, 'a scheduled retry');
    time.elapse();
    await until(() => log.length === 4, 'all delivered');
    expect(log).to.deep.equal(['pref-1', 'crisis-1', 'pref-1', 'pref-2']);
    expect(await outbox.pendingCount()).to.equal(0);
  });

  it('backs off exponentially with jitter, capped, and honours Retry-After', async () => {
    const time = manualTime();
    const errors: unknown[] = [
      new HttpError(500),
      new TimeoutError(),
      new NetworkError(),
      new NetworkError(),
      new HttpError(503, undefined, 30_000),
    ];
    let attempts = 0;
    const outbox = outboxOn(uniqueDb(), {
      now: time.now,
      sleep: time.sleep,
      random: () => 1,
      baseDelayMs: 1000,
      maxDelayMs: 5000,
      send: async () => {
        const error = errors[attempts++];
        if (error) throw error;
      },
    });
    await outbox.enqueue({ kind: 'k', entityKey: 'e', payload: null });
    await outbox.start();
    const delays: number[] = [];
    while (attempts <= errors.length) {
      await until(() => time.sleeps.length > 0, `retry ${attempts}`);
      delays.push(time.sleeps[0]!.ms);
      time.elapse();
      await until(() => attempts > delays.length, 'next attempt');
    }
    // random() = 1 gives the full exponential delay: 1 s, 2 s, 4 s, then the 5 s cap; Retry-After 30 s wins.
    expect(delays).to.deep.equal([1000, 2000, 4000, 5000, 30_000]);
    await until(() => warnings.length === 0);
    expect(await outbox.pendingCount()).to.equal(0);
  });

  it('announces each failed attempt it will retry, then the delivery with what send resolved with', async () => {
    const time = manualTime();
    let attempts = 0;
    const outbox = outboxOn(uniqueDb(), {
      now: time.now,
      sleep: time.sleep,
      send: async () => {
        if (++attempts <= 2) throw new NetworkError();
        return { saved: attempts };
      },
    });
    const results: unknown[] = [];
    outbox.addEventListener('delivered', (e) =>
      results.push((e as CustomEvent<DeliveredDetail>).detail.result),
    );
    const retries: { attempts: number; error: unknown }[] = [];
    outbox.addEventListener('retrying', (e) => {
      const { entry, error } = (e as CustomEvent<RejectedDetail>).detail;
      retries.push({ attempts: entry.attempts, error });
    });
    await outbox.enqueue({ kind: 'k', entityKey: 'e', payload: null });
    await outbox.start();
    await until(() => retries.length === 1, 'first retry announced');
    expect(retries[0]!.attempts).to.equal(1);
    expect(retries[0]!.error).to.be.instanceOf(NetworkError);
    time.elapse();
    await until(() => retries.length === 2, 'second retry announced');
    expect(retries[1]!.attempts).to.equal(2);
    time.elapse();
    await until(() => attempts === 3, 'delivered on the third attempt');
    expect(await outbox.pendingCount()).to.equal(0);
    expect(retries.length, 'a delivery is not a retry').to.equal(2);
    await until(() => results.length === 1, 'delivered');
    expect(results, 'what send resolved with').to.deep.equal([{ saved: 3 }]);
  });

  it('uses half of the exponential delay plus jitter', async () => {
    const time = manualTime();
    const outbox = outboxOn(uniqueDb(), {
      now: time.now,
      sleep: time.sleep,
      random: () => 0,
      baseDelayMs: 1000,
      send: () => Promise.reject(new NetworkError()),
    });
    await outbox.enqueue({ kind: 'k', entityKey: 'e', payload: null });
    await outbox.start();
    await until(() => time.sleeps.length === 1);
    expect(time.sleeps[0]!.ms).to.equal(500);
  });

  it('retries at once when the browser comes back online', async () => {
    const time = manualTime();
    let online = false;
    const sent: unknown[] = [];
    const outbox = outboxOn(uniqueDb(), {
      now: time.now,
      sleep: time.sleep,
      send: async (e) => {
        if (!online) throw new NetworkError();
        sent.push(e.payload);
      },
    });
    await outbox.enqueue({ kind: 'crisis-event', entityKey: 'crisis:1', payload: 'help' });
    await outbox.start();
    await until(() => time.sleeps.length === 1);
    expect(sent).to.deep.equal([]);
    online = true;
    window.dispatchEvent(new Event('online'));
    await until(() => sent.length === 1, 'delivery on online');
    expect(await outbox.pendingCount()).to.equal(0);
  });

  it('retries by itself with the real timer', async () => {
    let calls = 0;
    const outbox = outboxOn(uniqueDb(), {
      baseDelayMs: 10,
      send: async () => {
        if (++calls === 1) throw new HttpError(429);
      },
    });
    await outbox.enqueue({ kind: 'k', entityKey: 'e', payload: null });
    await outbox.start();
    await until(() => calls === 2, 'second attempt');
    await until(() => warnings.length === 0);
    expect(await outbox.pendingCount()).to.equal(0);
  });

  it('drops an entry rejected with a 4xx and reports it; keeps retrying 408, 429 and 5xx', async () => {
    const time = manualTime();
    const outcomes: Record<string, unknown> = {
      bad: new HttpError(400),
      gone: new HttpError(404),
      conflict: new HttpError(412),
      slow: new HttpError(408),
      busy: new HttpError(429),
      down: new HttpError(500),
    };
    const outbox = outboxOn(uniqueDb(), {
      now: time.now,
      sleep: time.sleep,
      send: async (e) => {
        throw outcomes[e.entityKey];
      },
    });
    const rejected: { entry: OutboxEntry; error: unknown }[] = [];
    outbox.addEventListener('rejected', (e) => rejected.push((e as CustomEvent).detail));
    for (const entityKey of Object.keys(outcomes))
      await outbox.enqueue({ kind: 'k', entityKey, payload: entityKey });
    await outbox.start();
    await until(() => rejected.length === 3 && time.sleeps.length > 0);
    expect(rejected.map((r) => r.entry.entityKey)).to.deep.equal(['bad', 'gone', 'conflict']);
    expect(rejected[0]!.error).to.equal(outcomes.bad);
    const left = await outbox.entries();
    expect(left.map((e) => e.entityKey)).to.deep.equal(['slow', 'busy', 'down']);
    expect(left.every((e) => e.attempts === 1)).to.equal(true);
  });

  it('replaces older pending entries of the same entity only when both coalesce', async () => {
    const sent: unknown[] = [];
    const outbox = outboxOn(uniqueDb(), { send: async (e) => void sent.push(e.payload) });
    await outbox.enqueue({ kind: 'crisis-event', entityKey: 'prefs', payload: 'kept' });
    await outbox.enqueue({ kind: 'preferences', entityKey: 'prefs', payload: 'p1', coalesce: true });
    await outbox.enqueue({ kind: 'preferences', entityKey: 'prefs', payload: 'p2', coalesce: true });
    await outbox.enqueue({ kind: 'preferences', entityKey: 'other', payload: 'o1', coalesce: true });
    await outbox.enqueue({ kind: 'preferences', entityKey: 'prefs', payload: 'p3', coalesce: true });
    expect(await outbox.pendingCount()).to.equal(3);
    await outbox.flush();
    expect(sent).to.deep.equal(['kept', 'o1', 'p3']);
  });

  it('never replaces an entry that is being sent', async () => {
    const gate = deferred();
    const sent: unknown[] = [];
    const outbox = outboxOn(uniqueDb(), {
      send: async (e) => {
        sent.push(e.payload);
        if (e.payload === 'p1') await gate.promise;
      },
    });
    await outbox.start();
    await outbox.enqueue({ kind: 'preferences', entityKey: 'prefs', payload: 'p1', coalesce: true });
    await until(() => sent.length === 1);
    await outbox.enqueue({ kind: 'preferences', entityKey: 'prefs', payload: 'p2', coalesce: true });
    await outbox.enqueue({ kind: 'preferences', entityKey: 'prefs', payload: 'p3', coalesce: true });
    expect(await outbox.pendingCount()).to.equal(2);
    expect(sent).to.deep.equal(['p1']);
    gate.resolve();
    await until(() => sent.length === 2);
    expect(sent).to.deep.equal(['p1', 'p3']);
  });

  it('reports its pending count through change events', async () => {
    const gates = new Map([
      [1, deferred()],
      [2, deferred()],
    ]);
    const outbox = outboxOn(uniqueDb(), { send: (e) => gates.get(e.payload as number)!.promise });
    const counts: number[] = [];
    outbox.addEventListener('change', (e) => counts.push((e as CustomEvent).detail.pending));
    const delivered: OutboxEntry[] = [];
    outbox.addEventListener('delivered', (e) => delivered.push((e as CustomEvent).detail.entry));
    await outbox.enqueue({ kind: 'k', entityKey: 'a', payload: 1 });
    await outbox.enqueue({ kind: 'k', entityKey: 'b', payload: 2 });
    expect(await outbox.pendingCount()).to.equal(2);
    await outbox.start();
    await new Promise((r) => setTimeout(r, 10));
    // Still pending while being sent.
    expect(await outbox.pendingCount()).to.equal(2);
    gates.get(2)!.resolve();
    await until(() => counts.length === 3);
    gates.get(1)!.resolve();
    await until(() => counts.length === 4);
    expect(counts).to.deep.equal([1, 2, 1, 0]);
    expect(delivered.map((e) => e.payload)).to.deep.equal([2, 1]);
  });

  it('stops delivering on stop() and resumes on start()', async () => {
    const sent: unknown[] = [];
    const outbox = outboxOn(uniqueDb(), { send: async (e) => void sent.push(e.payload) });
    await outbox.start();
    await outbox.start();
    outbox.stop();
    await outbox.enqueue({ kind: 'k', entityKey: 'e', payload: 1 });
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).to.deep.equal([]);
    await outbox.start();
    await until(() => sent.length === 1);
    expect(sent).to.deep.equal([1]);
  });

  it('does nothing more once closed, even when a send settles later', async () => {
    const dbName = uniqueDb();
    const gates = [deferred(), deferred()];
    let i = 0;
    const outbox = outboxOn(dbName, { send: () => gates[i++]!.promise });
    const rejected: unknown[] = [];
    outbox.addEventListener('rejected', (e) => rejected.push(e));
    await outbox.start();
    await outbox.enqueue({ kind: 'k', entityKey: 'a', payload: 1 });
    await outbox.enqueue({ kind: 'k', entityKey: 'b', payload: 2 });
    await until(() => i === 2);
    await outbox.close();
    gates[0]!.resolve();
    gates[1]!.reject(new HttpError(400));
    await new Promise((r) => setTimeout(r, 20));
    expect(rejected).to.deep.equal([]);
    expect(await outbox.pendingCount()).to.equal(0);
    await outbox.start();
    // Both entries are still stored for the next page.
    expect((await rawOutbox(dbName)).count).to.equal(2);
  });
});

describe('outbox fallback to memory', () => {
  it('keeps working in memory when IndexedDB cannot be opened, warning once', async () => {
    factory.open = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const sent: unknown[] = [];
    const outbox = outboxOn(uniqueDb(), { send: async (e) => void sent.push(e.payload) });
    await outbox.enqueue({ kind: 'crisis-event', entityKey: 'c', payload: 'still sent' });
    expect(outbox.storage).to.equal('memory');
    await outbox.start();
    await until(() => sent.length === 1);
    expect(sent).to.deep.equal(['still sent']);
    expect(warnings).to.have.length(1);
  });

  it('keeps the entry in memory when storing it exceeds the quota', async () => {
    const outbox = outboxOn(uniqueDb(), { send: () => Promise.reject(new NetworkError()) });
    expect(await outbox.pendingCount()).to.equal(0);
    const realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    try {
      await outbox.enqueue({ kind: 'k', entityKey: 'e', payload: 'x' });
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
    expect(outbox.storage).to.equal('memory');
    expect(await outbox.pendingCount()).to.equal(1);
    expect(warnings).to.have.length(1);
  });
});

describe('createOutbox defaults', () => {
  it('uses the iop-kit database', async () => {
    const outbox = createOutbox({ send: async () => undefined });
    outboxes.push(outbox);
    expect(outbox.storage).to.equal('indexeddb');
    await outbox.close();
    expect(await outbox.pendingCount()).to.equal(0);
  });
});

describe('isRejection', () => {
  it('is true only for HTTP 4xx other than 408 and 429', () => {
    expect(isRejection(new HttpError(400))).to.equal(true);
    expect(isRejection(new HttpError(499))).to.equal(true);
    expect(isRejection(new HttpError(408))).to.equal(false);
    expect(isRejection(new HttpError(429))).to.equal(false);
    expect(isRejection(new HttpError(500))).to.equal(false);
    expect(isRejection(new NetworkError())).to.equal(false);
    expect(isRejection({ code: 'http' })).to.equal(false);
    expect(isRejection(undefined)).to.equal(false);
  });
});
