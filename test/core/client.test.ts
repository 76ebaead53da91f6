import { expect } from '@open-wc/testing';
import type { Backend } from '../../src/core/backends/backend.js';
import { getConfig, resetConfig } from '../../src/core/config-store.js';
import { configure } from '../../src/core/config.js';
import {
  OUTBOX_KINDS,
  PREFERENCES_KEY,
  SESSION_ENDED_EVENT,
  SIGNED_OUT_EVENT,
  createClient,
  getClient,
  isSignedIn,
  signOut,
  type IopClient,
} from '../../src/core/client.js';
import { ConfigError, HttpError, SchemaError } from '../../src/core/errors.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/core/backends/memory-backend.js';
import type { OutboxEntry } from '../../src/core/storage/outbox.js';
import type { CrisisEvent } from '../../src/core/schemas.js';

async function until(
  check: () => boolean | Promise<boolean>,
  what = 'condition',
  timeoutMs = 4000,
): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function databaseNames(): Promise<(string | undefined)[]> {
  return (await indexedDB.databases()).map((d) => d.name);
}

function crisisEvent(id = crypto.randomUUID()): CrisisEvent {
  return { id, type: 'crisis-action', at: new Date().toISOString(), action: 'call-988', target: '988' };
}

let memory: MemoryBackend;
const extraClients: IopClient[] = [];

beforeEach(async () => {
  resetConfig();
  await signOut({ flushTimeoutMs: 0 });
  memory = createMemoryBackend();
  configure({ backend: memory });
});

afterEach(async () => {
  for (const client of extraClients.splice(0)) await client.dispose();
  await signOut({ flushTimeoutMs: 0 });
  resetConfig();
});

describe('getClient', () => {
  it('is one shared client, rebuilt only when an option it depends on changes', async () => {
    const first = getClient();
    expect(getClient()).to.equal(first);
    expect(first.config.backend).to.equal(memory);
    configure({ locale: 'es', region: 'CA' });
    expect(getClient()).to.equal(first);
    configure({ cache: { maxAgeMs: 1000 } });
    const second = getClient();
    expect(second).not.to.equal(first);
    expect(second.config.cache.maxAgeMs).to.equal(1000);
    configure({ cache: { encrypt: false } });
    expect(getClient()).not.to.equal(second);
    const other = createMemoryBackend({ participant: 'jordan' });
    configure({ backend: other });
    expect(getClient().config.backend).to.equal(other);
  });

  it('builds the REST adapter from baseUrl, and says what is missing without it', () => {
    resetConfig();
    expect(() => getClient())
      .to.throw(ConfigError)
      .with.property('option', 'baseUrl');
    configure({
      baseUrl: '/api/v1',
      getAccessToken: () => 'demo-alex',
      fetch: () => Promise.reject(new TypeError('no')),
    });
    const client = getClient();
    expect(client.backend).not.to.equal(memory);
    expect(client.backend.getMe).to.be.a('function');
  });

  it('reads stale-while-revalidate through the cache', async () => {
    const client = getClient();
    const first = client.read('me', (backend) => backend.getMe());
    const firstStates: string[] = [];
    first.subscribe((s) => firstStates.push(s.status));
    await until(() => first.state.status === 'ready');
    expect(firstStates).to.deep.equal(['loading', 'ready']);
    expect((first.state.value as { displayName: string }).displayName).to.be.a('string');
    await until(async () => (await client.cache.get('me')) !== undefined, 'the cached copy');

    memory.simulate({ offline: true });
    const second = client.read('me', (backend) => backend.getMe());
    await until(() => !second.state.revalidating && second.state.value !== undefined);
    expect(second.state).to.deep.include({ status: 'stale', fromCache: true });
    expect(second.state.value).to.deep.equal(first.state.value);
  });
});

describe('client writes through the outbox', () => {
  it('delivers a crisis event, idempotent by its id', async () => {
    const client = getClient();
    const event = crisisEvent();
    const entry = await client.logCrisisEvent(event);
    expect(entry).to.include({ kind: OUTBOX_KINDS.crisisEvent, idempotencyKey: event.id });
    await client.logCrisisEvent(event);
    await until(async () => (await client.outbox.pendingCount()) === 0, 'delivery');
    expect(memory.crisisEvents.map((e) => e.id)).to.deep.equal([event.id]);
  });

  it('refuses an invalid crisis event at once, queueing nothing', async () => {
    const client = getClient();
    expect(() => client.logCrisisEvent({ ...crisisEvent(), at: 'yesterday' })).to.throw(SchemaError);
    expect(await client.outbox.pendingCount()).to.equal(0);
  });

  it('keeps a crisis event while offline and delivers it when the browser is back online', async () => {
    const client = getClient();
    memory.simulate({ offline: true });
    const event = crisisEvent();
    await client.logCrisisEvent(event);
    await until(async () => (await client.outbox.entries())[0]?.attempts === 1, 'a failed attempt');
    expect(await client.outbox.pendingCount()).to.equal(1);
    memory.simulate();
    window.dispatchEvent(new Event('online'));
    await until(async () => (await client.outbox.pendingCount()) === 0, 'delivery when online');
    expect(memory.crisisEvents.map((e) => e.id)).to.include(event.id);
  });

  it('delivers on the next load what a previous page left in the outbox', async () => {
    memory.simulate({ offline: true });
    const before = getClient();
    const event = crisisEvent();
    await before.logCrisisEvent(event);
    await until(async () => (await before.outbox.entries())[0]?.attempts === 1);
    await before.dispose();
    memory.simulate();
    const after = createClient(getConfig());
    extraClients.push(after);
    await until(() => memory.crisisEvents.some((e) => e.id === event.id), 'delivery after reload');
  });

  it('reports a crisis event the server rejects', async () => {
    const client = getClient();
    memory.simulate({ failWith: { status: 422 } });
    const rejected: { entry: OutboxEntry; error: unknown }[] = [];
    client.outbox.addEventListener('rejected', (e) => rejected.push((e as CustomEvent).detail));
    await client.logCrisisEvent(crisisEvent());
    await until(() => rejected.length === 1);
    expect(rejected[0]!.error).to.be.instanceOf(HttpError).with.property('status', 422);
    expect(await client.outbox.pendingCount()).to.equal(0);
  });

  it('saves preferences, chaining our own consecutive changes onto the new version', async () => {
    const client = getClient();
    const { preferences, etag } = await memory.getPreferences();
    memory.simulate({ latencyMs: 30, only: ['updatePreferences'] });
    await client.savePreferences({ petFriendly: !preferences.petFriendly }, etag);
    await until(async () => (await client.outbox.entries())[0]?.attempts === 0);
    await new Promise((r) => setTimeout(r, 5));
    // Made while the first is in flight, against the same version the widget knew.
    await client.savePreferences({ petFriendly: true, pet: { name: 'Biscuit', species: 'dog' } }, etag);
    await until(async () => (await client.outbox.pendingCount()) === 0, 'both saved');
    const now = await memory.getPreferences();
    expect(now.preferences).to.deep.include({ petFriendly: true, version: preferences.version + 2 });
    const cached = await client.cache.get<{ preferences: { version: number }; etag: string }>(
      PREFERENCES_KEY,
    );
    expect(cached?.value.etag).to.equal(now.etag);
  });

  it('rejects a change made against a version someone else replaced (412)', async () => {
    const client = getClient();
    const { etag } = await memory.getPreferences();
    await memory.updatePreferences({ petFriendly: true }, etag);
    const rejected: unknown[] = [];
    client.outbox.addEventListener('rejected', (e) => rejected.push((e as CustomEvent).detail.error));
    await client.savePreferences({ petFriendly: false }, etag);
    await until(() => rejected.length === 1);
    expect(rejected[0]).to.be.instanceOf(HttpError).with.property('status', 412);
  });

  it('rejects an entry of a kind it cannot deliver', async () => {
    const client = getClient();
    const rejected: unknown[] = [];
    client.outbox.addEventListener('rejected', (e) => rejected.push((e as CustomEvent).detail.error));
    await client.outbox.enqueue({ kind: 'telepathy', entityKey: 'x', payload: {} });
    await until(() => rejected.length === 1);
    expect(rejected[0]).to.be.instanceOf(ConfigError);
  });
});

describe('isSignedIn', () => {
  it('is true with a token callback or a non-REST backend', () => {
    resetConfig();
    expect(isSignedIn()).to.equal(false);
    configure({ getAccessToken: () => 'demo-alex' });
    expect(isSignedIn()).to.equal(true);
    resetConfig();
    configure({ backend: createMemoryBackend() as Backend });
    expect(isSignedIn()).to.equal(true);
  });

  it('is true in cookie mode with no token callback (REST)', () => {
    resetConfig();
    configure({ baseUrl: '/api/v1', session: 'cookie' });
    expect(getConfig().getAccessToken).to.equal(undefined);
    expect(isSignedIn()).to.equal(true);
  });
});

describe('a 401 from the backend', () => {
  it('ends the session: the copy is wiped, sessionEnded is latched until configure() is called again', async () => {
    const client = getClient();
    await client.cache.set('coverage', { planName: 'Lakeshore' });
    let ended = 0;
    const onEnded = () => ended++;
    window.addEventListener(SESSION_ENDED_EVENT, onEnded);
    try {
      memory.simulate({ failWith: { status: 401 } });
      const error = await client.backend.getMe().catch((e: unknown) => e);
      expect((error as HttpError).status).to.equal(401);
      await client.backend.getCoverage().catch(() => undefined);
    } finally {
      window.removeEventListener(SESSION_ENDED_EVENT, onEnded);
    }
    expect(ended, 'told once').to.equal(1);
    expect(client.sessionEnded).to.equal(true);
    await until(async () => (await client.cache.get('coverage')) === undefined, 'the copy wiped');
    memory.simulate();
    expect(getClient(), 'the same ended client until the configuration changes').to.equal(client);
    configure({ backend: memory });
    const fresh = getClient();
    expect(fresh).not.to.equal(client);
    expect(fresh.sessionEnded).to.equal(false);
  });

  it('from a class-based Backend (methods on its prototype) ends the session too', async () => {
    // Its own methods live on the prototype (a class), not as own properties.
    class Refusing {
      getMe(): Promise<never> {
        return Promise.reject(new HttpError(401));
      }
    }
    const inner = createMemoryBackend();
    const backend = new Proxy(new Refusing(), {
      get: (target, key) => Reflect.get(target, key) ?? Reflect.get(inner, key),
    }) as unknown as Backend;
    const client = createClient({ ...getConfig(), backend });
    extraClients.push(client);
    expect(await client.backend.getCoverage()).to.have.property('planName');
    expect(client.sessionEnded).to.equal(false);
    await client.backend.getMe().catch(() => undefined);
    expect(client.sessionEnded).to.equal(true);
  });
});

describe('signOut', () => {
  it('deletes the database (cache, outbox, key), forgets the token and tells the widgets', async () => {
    configure({ getAccessToken: () => 'demo-alex' });
    const client = getClient();
    await client.cache.set('safety-plan:me', { name: 'Alex' });
    memory.simulate({ offline: true });
    await client.logCrisisEvent(crisisEvent());
    expect(await databaseNames()).to.include('iop-kit');
    let signedOut = 0;
    const onSignedOut = () => signedOut++;
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    try {
      await signOut({ flushTimeoutMs: 50 });
    } finally {
      window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
    }
    expect(signedOut).to.equal(1);
    expect(await databaseNames()).not.to.include('iop-kit');
    expect(getConfig().getAccessToken).to.equal(undefined);
    const fresh = getClient();
    expect(fresh).not.to.equal(client);
    expect(await fresh.cache.get('safety-plan:me')).to.equal(undefined);
    expect(await fresh.outbox.pendingCount()).to.equal(0);
  });

  it('delivers waiting writes before wiping when the backend answers in time', async () => {
    const client = getClient();
    memory.simulate({ offline: true });
    const event = crisisEvent();
    await client.logCrisisEvent(event);
    await until(async () => (await client.outbox.entries())[0]?.attempts === 1);
    memory.simulate();
    await signOut();
    expect(memory.crisisEvents.map((e) => e.id)).to.include(event.id);
  });

  it('in cookie mode wipes the copy and forgets cookie mode, so the widgets show signed out', async () => {
    resetConfig();
    configure({
      baseUrl: '/api/v1',
      session: 'cookie',
      fetch: () => Promise.reject(new TypeError('offline')),
    });
    const client = getClient();
    await client.cache.set('safety-plan:me', { name: 'Alex' });
    expect(await databaseNames()).to.include('iop-kit');
    await signOut({ flushTimeoutMs: 0 });
    expect(await databaseNames()).not.to.include('iop-kit');
    expect(getConfig().session).to.equal('token');
    expect(isSignedIn()).to.equal(false);
  });

  it('follows a sign-out made in another tab', async () => {
    configure({ getAccessToken: () => 'demo-alex' });
    const client = getClient();
    const signedOut = new Promise<void>((resolve) =>
      window.addEventListener(SIGNED_OUT_EVENT, () => resolve(), { once: true }),
    );
    const otherTab = new BroadcastChannel('iop-kit');
    otherTab.postMessage({ type: SIGNED_OUT_EVENT });
    otherTab.postMessage({ type: 'something-else' });
    otherTab.close();
    await signedOut;
    expect(getConfig().getAccessToken).to.equal(undefined);
    expect(getClient()).not.to.equal(client);
  });
});
