import { expect } from '@open-wc/testing';
import { HttpError, NetworkError, SchemaError, TimeoutError, droppedFrom } from '../../../src/core/errors.js';
import {
  BACKOFF_CAP_MS,
  CSRF_HEADER,
  MAX_RESPONSE_BYTES,
  abortableSleep,
  backoffDelay,
  createRestBackend,
  parseRetryAfter,
  type RestConfig,
} from '../../../src/core/backends/rest-backend.js';
import { createSeed } from '../../../src/demo-data/seed.js';

const NOW = new Date('2026-11-27T09:30:00Z');
const seed = createSeed(NOW);
const BASE = 'https://api.clinic.example/iop/v1';
const TOKEN = 'tok-SECRET-42';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
  init: RequestInit;
}

type Reply = Response | Promise<Response> | (() => Response | Promise<Response>);

const json = (data: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(data), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });

const problem = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

/** A fetch that answers from a queue (the last reply repeats) and records every call. */
function fakeFetch(...replies: Reply[]) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    calls.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body as string | undefined,
      signal: init.signal ?? undefined,
      init,
    });
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    return typeof reply === 'function' ? reply() : reply instanceof Response ? reply.clone() : reply;
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** A fetch that never answers, but rejects like a real one when its signal aborts. */
const hangingReply = (calls: Call[]) => () =>
  new Promise<Response>((_, reject) => {
    const signal = calls.at(-1)!.signal!;
    signal.addEventListener('abort', () => reject(signal.reason));
  });

function setup(fetch: typeof globalThis.fetch, config: Partial<RestConfig> = {}) {
  const delays: number[] = [];
  let tokenCalls = 0;
  const backend = createRestBackend(
    {
      baseUrl: BASE,
      getAccessToken: () => {
        tokenCalls++;
        return TOKEN;
      },
      timeoutMs: 200,
      retries: 2,
      fetch,
      ...config,
    },
    {
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
      now: () => NOW.getTime(),
    },
  );
  return { backend, delays, tokenCalls: () => tokenCalls };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('REST adapter: requests', () => {
  it('GETs /me with a fresh bearer token per request, never in the URL', async () => {
    const { fetch, calls } = fakeFetch(json(seed.participants.alex));
    const { backend, tokenCalls } = setup(fetch);
    const me = await backend.getMe();
    await backend.getMe();
    expect(me.displayName).to.equal('Alex');
    expect(calls[0]!.url).to.equal(`${BASE}/me`);
    expect(calls[0]!.headers.Authorization).to.equal(`Bearer ${TOKEN}`);
    expect(calls[0]!.headers.Accept).to.contain('application/problem+json');
    expect(calls[0]!.init.credentials).to.equal('omit');
    expect(tokenCalls()).to.equal(2);
    for (const call of calls) expect(call.url).not.to.contain(TOKEN);
    expect(JSON.stringify(backend)).not.to.contain(TOKEN);
  });

  it('sends no Authorization header without a token', async () => {
    const { fetch, calls } = fakeFetch(json(seed.coverage.alex));
    const { backend } = setup(fetch, { getAccessToken: async () => undefined });
    await backend.getCoverage();
    expect(calls[0]!.headers).not.to.have.property('Authorization');
  });

  it('in cookie mode sends credentials and the CSRF header, and never asks for or sends a token', async () => {
    const { fetch, calls } = fakeFetch(json(seed.participants.alex), new Response(null, { status: 202 }));
    const { backend, tokenCalls } = setup(fetch, { session: 'cookie' });
    await backend.getMe();
    await backend.logCrisisEvent({
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      type: 'crisis-action',
      at: NOW.toISOString(),
      action: 'call-988',
    });
    expect(calls).to.have.length(2);
    for (const call of calls) {
      expect(call.init.credentials).to.equal('include');
      expect(call.headers[CSRF_HEADER]).to.equal('1');
      expect(call.headers).not.to.have.property('Authorization');
    }
    expect(CSRF_HEADER).to.equal('X-IOP-CSRF');
    expect(tokenCalls(), 'the token callback is not used').to.equal(0);
  });

  it('in cookie mode a 401 is an HttpError 401, not retried', async () => {
    const { fetch, calls } = fakeFetch(problem(401, { title: 'Unauthorized', detail: 'Session ended.' }));
    const { backend } = setup(fetch, { session: 'cookie' });
    const error = (await rejection(backend.getSafetyPlan('me'))) as HttpError;
    expect(error).to.be.instanceOf(HttpError);
    expect(error.status).to.equal(401);
    expect(calls).to.have.length(1);
  });

  it('in token mode sends no CSRF header and no credentials', async () => {
    const { fetch, calls } = fakeFetch(json(seed.coverage.alex));
    await setup(fetch, { session: 'token' }).backend.getCoverage();
    expect(calls[0]!.headers).not.to.have.property(CSRF_HEADER);
    expect(calls[0]!.init.credentials).to.equal('omit');
  });

  it('joins a base URL with a trailing slash, and a same-origin path', async () => {
    const { fetch, calls } = fakeFetch(json(seed.coverage.alex));
    await setup(fetch, { baseUrl: `${BASE}/` }).backend.getCoverage();
    await setup(fetch, { baseUrl: '/api/v1' }).backend.getCoverage();
    expect(calls[0]!.url).to.equal(`${BASE}/coverage`);
    expect(calls[1]!.url).to.equal(new URL('/api/v1/coverage', location.href).href);
  });

  it('reads crisis resources and safety plans with the participant query', async () => {
    const resources = {
      onCall: {
        clinician: seed.careTeam[0],
        phone: '+1-312-555-0100',
        until: NOW.toISOString(),
        hasSafetyPlanAccess: true,
      },
      telehealth: { available: true },
    };
    const { fetch, calls } = fakeFetch(json(resources), json(seed.safetyPlans.jordan));
    const { backend } = setup(fetch);
    expect((await backend.getCrisisResources()).telehealth.available).to.equal(true);
    expect((await backend.getSafetyPlan('partner')).participantId).to.equal('jordan');
    expect(calls[1]!.url).to.equal(`${BASE}/safety-plans/current?participant=partner`);
  });

  it('lists slots with from, to and kind, and appointments', async () => {
    const slots = seed.slots.filter((s) => s.kind === 'couples');
    const { fetch, calls } = fakeFetch(json(slots), json(seed.appointments));
    const { backend } = setup(fetch);
    const query = { from: NOW.toISOString(), to: '2026-12-11T09:30:00.000Z', kind: 'couples' as const };
    expect(await backend.listSlots(query)).to.have.length(slots.length);
    expect((await backend.listAppointments())[0]!.status).to.equal('booked');
    const url = new URL(calls[0]!.url);
    expect(url.pathname).to.equal('/iop/v1/follow-ups/slots');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal(query);
  });

  it('rejects a bad query or body before any request', async () => {
    const { fetch, calls } = fakeFetch(json([]));
    const { backend } = setup(fetch);
    const e1 = await rejection(
      backend.listSlots({ from: 'yesterday', to: NOW.toISOString(), kind: 'couples' }),
    );
    expect((e1 as SchemaError).path).to.equal('from');
    const e2 = await rejection(
      backend.book({ slotId: 's', kind: 'therapy' as never, includePartner: false }, 'k'),
    );
    expect((e2 as SchemaError).path).to.equal('kind');
    const e3 = await rejection(backend.getSafetyPlan('someone' as never));
    expect(e3).to.be.instanceOf(SchemaError);
    expect(calls).to.have.length(0);
  });

  it('starts telehealth with a JSON body', async () => {
    const session = { joinUrl: 'https://telehealth.clinic.example/join/x', expiresAt: NOW.toISOString() };
    const { fetch, calls } = fakeFetch(json(session, { status: 201 }));
    const result = await setup(fetch).backend.startTelehealth({ includePartner: true });
    expect(result).to.deep.equal(session);
    expect(calls[0]!.method).to.equal('POST');
    expect(calls[0]!.headers['Content-Type']).to.equal('application/json');
    expect(JSON.parse(calls[0]!.body!)).to.deep.equal({ includePartner: true });
  });

  it('logs crisis events with the event id as Idempotency-Key (202, no body)', async () => {
    const { fetch, calls } = fakeFetch(new Response(null, { status: 202 }));
    const event = {
      id: 'evt-1',
      type: 'crisis-action' as const,
      at: NOW.toISOString(),
      action: 'call-988',
      target: '988',
    };
    expect(await setup(fetch).backend.logCrisisEvent(event)).to.equal(undefined);
    expect(calls[0]!.url).to.equal(`${BASE}/crisis/events`);
    expect(calls[0]!.headers['Idempotency-Key']).to.equal('evt-1');
    expect(JSON.parse(calls[0]!.body!)).to.deep.equal(event);
  });

  it('books with an Idempotency-Key and reads the 201 appointment', async () => {
    const { fetch, calls } = fakeFetch(json(seed.appointments[0], { status: 201 }));
    const request = { slotId: seed.appointments[0]!.slotId, kind: 'couples' as const, includePartner: true };
    const appointment = await setup(fetch).backend.book(request, 'key-123');
    expect(appointment.id).to.equal('appt-couples-1');
    expect(calls[0]!.method).to.equal('POST');
    expect(calls[0]!.url).to.equal(`${BASE}/follow-ups`);
    expect(calls[0]!.headers['Idempotency-Key']).to.equal('key-123');
    expect(JSON.parse(calls[0]!.body!)).to.deep.equal(request);
  });

  it('turns 409 into an HttpError with the problem details, without retrying', async () => {
    const { fetch, calls } = fakeFetch(problem(409, { title: 'Slot taken', detail: 'Pick another time.' }));
    const { backend } = setup(fetch);
    const e = (await rejection(
      backend.book({ slotId: 's1', kind: 'couples', includePartner: true }, 'k'),
    )) as HttpError;
    expect(e).to.be.instanceOf(HttpError);
    expect(e.status).to.equal(409);
    expect(e.problem?.title).to.equal('Slot taken');
    expect(calls).to.have.length(1);
  });

  it('cancels with DELETE on the encoded id (204)', async () => {
    const { fetch, calls } = fakeFetch(new Response(null, { status: 204 }));
    await setup(fetch).backend.cancel('appt 1/2');
    expect(calls[0]!.method).to.equal('DELETE');
    expect(calls[0]!.url).to.equal(`${BASE}/follow-ups/appt%201%2F2`);
  });

  it('reads preferences with their ETag, falling back to the version', async () => {
    const prefs = seed.preferences.alex;
    const { fetch } = fakeFetch(json(prefs, { headers: { ETag: 'W/"abc"' } }), json(prefs));
    const { backend } = setup(fetch);
    expect(await backend.getPreferences()).to.deep.equal({ preferences: prefs, etag: 'W/"abc"' });
    expect((await backend.getPreferences()).etag).to.equal('"1"');
  });

  it('PATCHes preferences with If-Match and returns the new ETag; 412 is an HttpError', async () => {
    const next = { version: 2, petFriendly: false };
    const { fetch, calls } = fakeFetch(
      json(next, { headers: { ETag: '"2"' } }),
      problem(412, { title: 'Precondition failed' }),
    );
    const { backend } = setup(fetch);
    const result = await backend.updatePreferences({ petFriendly: false, pet: null }, '"1"');
    expect(result).to.deep.equal({ preferences: next, etag: '"2"' });
    expect(calls[0]!.method).to.equal('PATCH');
    expect(calls[0]!.headers['If-Match']).to.equal('"1"');
    expect(JSON.parse(calls[0]!.body!)).to.deep.equal({ petFriendly: false, pet: null });
    const e = (await rejection(backend.updatePreferences({ petFriendly: true }, '"1"'))) as HttpError;
    expect(e.status).to.equal(412);
    expect(calls).to.have.length(2);
  });
});

describe('REST adapter: faults', () => {
  it('retries a GET on 500 with exponential backoff and full jitter, then gives up', async () => {
    const { fetch, calls } = fakeFetch(problem(500, { title: 'Server error' }));
    const { backend, delays } = setup(fetch);
    const e = (await rejection(backend.getCoverage())) as HttpError;
    expect(e.status).to.equal(500);
    expect(e.problem?.title).to.equal('Server error');
    expect(calls).to.have.length(3);
    // random() = 0.5 of 300 ms, then of 600 ms.
    expect(delays).to.deep.equal([150, 300]);
  });

  it('recovers when a retry succeeds', async () => {
    const { fetch, calls } = fakeFetch(new Response('oops', { status: 502 }), json(seed.coverage.alex));
    const coverage = await setup(fetch).backend.getCoverage();
    expect(coverage.planType).to.equal('PPO');
    expect(calls).to.have.length(2);
  });

  it('honours Retry-After in seconds on 503', async () => {
    const { fetch, calls } = fakeFetch(
      problem(503, { title: 'Down' }, { 'Retry-After': '2' }),
      json(seed.coverage.alex),
    );
    const { backend, delays } = setup(fetch);
    await backend.getCoverage();
    expect(delays).to.deep.equal([2000]);
    expect(calls).to.have.length(2);
  });

  it('honours Retry-After as an HTTP date on 429', async () => {
    const later = new Date(NOW.getTime() + 5000).toUTCString();
    const { fetch } = fakeFetch(
      problem(429, { title: 'Too many' }, { 'Retry-After': later }),
      json(seed.coverage.alex),
    );
    const { backend, delays } = setup(fetch);
    await backend.getCoverage();
    expect(delays).to.deep.equal([5000]);
  });

  it('does not wait for a Retry-After beyond 30 s, and reports it', async () => {
    const { fetch, calls } = fakeFetch(problem(503, { title: 'Maintenance' }, { 'Retry-After': '120' }));
    const e = (await rejection(setup(fetch).backend.getCoverage())) as HttpError;
    expect(e.retryAfterMs).to.equal(120_000);
    expect(calls).to.have.length(1);
  });

  it('does not retry a 404 or a 403', async () => {
    const { fetch, calls } = fakeFetch(problem(403, { title: 'No consent' }));
    const e = (await rejection(setup(fetch).backend.getSafetyPlan('partner'))) as HttpError;
    expect(e.status).to.equal(403);
    expect(calls).to.have.length(1);
  });

  it('retries only GETs: POST, PATCH and DELETE are sent once', async () => {
    const { fetch, calls } = fakeFetch(problem(503, { title: 'Down' }, { 'Retry-After': '1' }));
    const { backend, delays } = setup(fetch);
    await rejection(backend.book({ slotId: 's1', kind: 'couples', includePartner: false }, 'k'));
    await rejection(backend.updatePreferences({ petFriendly: true }, '"1"'));
    await rejection(backend.cancel('a1'));
    await rejection(backend.startTelehealth({ includePartner: false }));
    expect(calls.map((c) => c.method)).to.deep.equal(['POST', 'PATCH', 'DELETE', 'POST']);
    expect(delays).to.deep.equal([]);
  });

  it('times out with a TimeoutError (and retries the GET)', async () => {
    const { fetch, calls: seen } = fakeFetch(() => hangingReply(seen)());
    const { backend, delays } = setup(fetch, { timeoutMs: 30 });
    const e = await rejection(backend.getMe());
    expect(e).to.be.instanceOf(TimeoutError);
    expect((e as TimeoutError).timeoutMs).to.equal(30);
    expect(seen).to.have.length(3);
    expect(delays).to.have.length(2);
  });

  it('turns a refused connection into a NetworkError with the cause', async () => {
    const refused = new TypeError('Failed to fetch');
    const { fetch, calls } = fakeFetch(() => Promise.reject(refused));
    const e = (await rejection(setup(fetch).backend.getMe())) as NetworkError;
    expect(e).to.be.instanceOf(NetworkError);
    expect(e.cause).to.equal(refused);
    expect(e.message).to.contain('GET /me');
    expect(calls).to.have.length(3);
  });

  it('turns a broken body stream into a NetworkError', async () => {
    const broken = () =>
      new Response(new ReadableStream({ start: (c) => c.error(new TypeError('network changed')) }), {
        status: 200,
      });
    const { fetch } = fakeFetch(broken);
    expect(await rejection(setup(fetch, { retries: 0 }).backend.getMe())).to.be.instanceOf(NetworkError);
  });

  it('reports malformed JSON as a SchemaError on (body), without retrying', async () => {
    const { fetch, calls } = fakeFetch(
      new Response('{"id": "alex", ', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    const e = (await rejection(setup(fetch).backend.getMe())) as SchemaError;
    expect(e).to.be.instanceOf(SchemaError);
    expect(e.path).to.equal('(body)');
    expect(e.expected).to.equal('valid JSON');
    expect(e.message).to.contain('GET /me response');
    expect(calls).to.have.length(1);
  });

  it('reports a schema-violating payload with the path', async () => {
    const me = structuredClone(seed.participants.alex);
    (me as { timezone: unknown }).timezone = 7;
    const { fetch } = fakeFetch(json(me));
    const e = (await rejection(setup(fetch).backend.getMe())) as SchemaError;
    expect(e.path).to.equal('timezone');
    expect(e.expected).to.equal('a string');
  });

  it('leaves out a schema-violating list item and reports its path (partial data)', async () => {
    const me = structuredClone(seed.participants.alex);
    (me.careTeam[1] as { role: string }).role = 'wizard';
    const { fetch } = fakeFetch(json(me));
    const participant = await setup(fetch).backend.getMe();
    expect(participant.careTeam.map((m) => m.id)).to.deep.equal(
      seed.participants.alex.careTeam.filter((_, i) => i !== 1).map((m) => m.id),
    );
    const e = droppedFrom(participant)!;
    expect(e.path).to.equal('careTeam[1].role');
    expect(e.expected).to.contain('"couples-therapist"');
  });

  it('rejects a response announced larger than 1 MB', async () => {
    const { fetch } = fakeFetch(() =>
      json({}, { headers: { 'Content-Length': String(MAX_RESPONSE_BYTES + 1) } }),
    );
    const e = (await rejection(setup(fetch).backend.getMe())) as SchemaError;
    expect(e).to.be.instanceOf(SchemaError);
    expect(e.path).to.equal('(body)');
    expect(e.expected).to.contain(`${MAX_RESPONSE_BYTES} bytes`);
  });

  it('rejects a body larger than 1 MB without Content-Length', async () => {
    const huge = JSON.stringify({ ...seed.participants.alex, pronouns: 'x'.repeat(MAX_RESPONSE_BYTES) });
    const { fetch } = fakeFetch(() => new Response(huge, { status: 200 }));
    const e = (await rejection(setup(fetch).backend.getMe())) as SchemaError;
    expect(e.path).to.equal('(body)');
  });

  it('keeps the status when an error body is not problem+json', async () => {
    const { fetch } = fakeFetch(
      new Response('<h1>Bad gateway</h1>', { status: 400, headers: { 'Content-Type': 'text/html' } }),
      new Response('not json', { status: 400, headers: { 'Content-Type': 'application/problem+json' } }),
      new Response('{"status": "bad"}', {
        status: 400,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    const { backend } = setup(fetch);
    for (let i = 0; i < 3; i++) {
      const e = (await rejection(backend.getMe())) as HttpError;
      expect(e.status).to.equal(400);
      expect(e.problem).to.equal(undefined);
    }
  });

  it('rejects with the caller’s abort reason, and does not retry', async () => {
    const { fetch, calls } = fakeFetch(() => hangingReply(calls)());
    const { backend } = setup(fetch, { timeoutMs: 5000 });
    const controller = new AbortController();
    const pending = backend.startTelehealth({ includePartner: false }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort(new DOMException('user left', 'AbortError'));
    const e = (await rejection(pending)) as DOMException;
    expect(e.name).to.equal('AbortError');
    expect(calls).to.have.length(1);
    const before = new AbortController();
    before.abort();
    expect(((await rejection(backend.getMe({ signal: before.signal }))) as DOMException).name).to.equal(
      'AbortError',
    );
    expect(((await rejection(backend.cancel('x', { signal: before.signal }))) as DOMException).name).to.equal(
      'AbortError',
    );
  });

  it('stops retrying when the caller aborts between attempts', async () => {
    const controller = new AbortController();
    const { fetch, calls } = fakeFetch(() => {
      controller.abort();
      return Promise.reject(new TypeError('Failed to fetch'));
    });
    const { backend } = setup(fetch);
    const e = (await rejection(backend.getCoverage({ signal: controller.signal }))) as DOMException;
    expect(e.name).to.equal('AbortError');
    expect(calls).to.have.length(1);
  });

  it('propagates a failing token callback', async () => {
    const { fetch, calls } = fakeFetch(json({}));
    const failing = setup(fetch, {
      retries: 0,
      getAccessToken: () => Promise.reject(new Error('signed out')),
    });
    expect(((await rejection(failing.backend.getMe())) as Error).message).to.equal('signed out');
    expect(calls).to.have.length(0);
  });
});

describe('REST adapter: shared GETs', () => {
  it('shares concurrent identical GETs, then fetches again', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { fetch, calls } = fakeFetch(async () => {
      await gate;
      return json(seed.coverage.alex);
    });
    const { backend } = setup(fetch);
    const a = backend.getCoverage();
    const b = backend.getCoverage();
    release();
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra).to.equal(rb);
    expect(calls).to.have.length(1);
    await backend.getCoverage();
    expect(calls).to.have.length(2);
  });

  it('does not share different queries', async () => {
    const { fetch, calls } = fakeFetch(json([]));
    const { backend } = setup(fetch);
    const from = NOW.toISOString();
    const to = '2026-12-01T00:00:00Z';
    await Promise.all([
      backend.listSlots({ from, to, kind: 'couples' }),
      backend.listSlots({ from, to, kind: 'individual' }),
    ]);
    expect(calls).to.have.length(2);
  });

  it('lets one caller abort without cancelling the shared request', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { fetch, calls } = fakeFetch(async () => {
      await gate;
      return json(seed.coverage.alex);
    });
    const { backend } = setup(fetch);
    const controller = new AbortController();
    const leaving = backend.getCoverage({ signal: controller.signal });
    const staying = backend.getCoverage({ signal: new AbortController().signal });
    controller.abort();
    release();
    expect(((await rejection(leaving)) as DOMException).name).to.equal('AbortError');
    expect((await staying).planType).to.equal('PPO');
    expect(calls).to.have.length(1);
  });

  it('passes a shared failure to every caller', async () => {
    const { fetch } = fakeFetch(problem(404, { title: 'Not found' }));
    const { backend } = setup(fetch);
    const errors = await Promise.all([
      rejection(backend.getCoverage({ signal: new AbortController().signal })),
      rejection(backend.getCoverage()),
    ]);
    expect(errors[0]).to.equal(errors[1]);
  });
});

describe('REST adapter: defaults and helpers', () => {
  it('needs a base URL', () => {
    expect(() => createRestBackend({ timeoutMs: 100, retries: 0 })).to.throw(/"baseUrl"/);
  });

  it('uses globalThis.fetch and real timers by default', async () => {
    const original = globalThis.fetch;
    const { fetch, calls } = fakeFetch(problem(500, {}), json(seed.coverage.alex));
    globalThis.fetch = fetch;
    try {
      const backend = createRestBackend({ baseUrl: BASE, timeoutMs: 1000, retries: 1 });
      const realRandom = Math.random;
      Math.random = () => 0.01;
      try {
        expect((await backend.getCoverage()).planType).to.equal('PPO');
      } finally {
        Math.random = realRandom;
      }
      expect(calls).to.have.length(2);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('parses Retry-After', () => {
    const now = NOW.getTime();
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter(' 3 ', now)).to.equal(3000);
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).to.equal(7000);
    expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
  });

  it('caps the backoff and keeps it in [0, cap)', () => {
    expect(backoffDelay(0, () => 0.999)).to.equal(299);
    expect(backoffDelay(10, () => 0.5)).to.equal(BACKOFF_CAP_MS / 2);
    expect(backoffDelay(3, () => 0)).to.equal(0);
  });

  it('sleeps, and stops sleeping on abort', async () => {
    await abortableSleep(1);
    await abortableSleep(1, new AbortController().signal);
    const controller = new AbortController();
    const sleeping = abortableSleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    expect(((await rejection(sleeping)) as Error).message).to.equal('stop');
    expect(((await rejection(abortableSleep(1, controller.signal))) as Error).message).to.equal('stop');
    const signal = { aborted: true, reason: undefined } as AbortSignal;
    expect(((await rejection(abortableSleep(1, signal))) as DOMException).name).to.equal('AbortError');
  });
});
