/// <reference types="node" />
// The test FHIR server (demo/fhir-server): the rules it promises the adapter and the e2e tests. One server
// for the whole file (starting one indexes R4, a few seconds); tests that change data put it back or reset.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  Bundle,
  CarePlan,
  Consent,
  OperationOutcome,
  Organization,
  PractitionerRole,
  RelatedPerson,
  Resource,
} from '@medplum/fhirtypes';
import { validateR4 } from '../../demo/fhir-server/definitions.js';
import { createSeedBundle, IOP } from '../../demo/fhir-server/seed-bundle.js';
import { startFhirServer, type RunningFhirServer } from '../../demo/fhir-server/server.js';
import { PORTAL_CSP } from '../../demo/server/static.js';
import { createSeed, ON_CALL_PHONE } from '../../src/demo-data/seed.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const ALEX = 'demo-alex';
const JORDAN = 'demo-jordan';

let fhir: RunningFhirServer;

before(async () => {
  fhir = await startFhirServer({ testRoutes: true, now: () => NOW });
});
after(() => fhir.stop());

/** fetch against the FHIR base with a bearer token (null: none). */
function api(path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
  const { token = ALEX, headers, ...rest } = init;
  return fetch(`${fhir.baseUrl}/${path}`, {
    ...rest,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(rest.body ? { 'Content-Type': 'application/fhir+json' } : {}),
      ...(headers as Record<string, string> | undefined),
    },
  });
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function search<T extends Resource>(path: string, token = ALEX): Promise<T[]> {
  const response = await api(path, { token });
  assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
  return ((await json<Bundle<T>>(response)).entry ?? []).map((e) => e.resource!);
}

async function assertOutcome(response: Response, status: number, text?: RegExp): Promise<OperationOutcome> {
  const body = await response.text();
  assert.equal(response.status, status, body);
  assert.match(response.headers.get('content-type') ?? '', /^application\/fhir\+json/);
  const outcome = JSON.parse(body) as OperationOutcome;
  assert.equal(outcome.resourceType, 'OperationOutcome');
  assert.ok(outcome.issue?.length, 'the outcome lists an issue');
  if (text) assert.match(outcome.issue!.map((i) => i.details?.text).join('\n'), text);
  return outcome;
}

const planQuery = (patient: string) =>
  `CarePlan?subject=${patient}&category=${IOP.category}|safety-plan&status=active&_sort=-_lastUpdated&_count=1`;

describe('seeding', () => {
  test('every resource of the seed Bundle is valid R4, with fullUrls that are urn:uuid UUIDs', () => {
    const bundle = createSeedBundle(NOW);
    assert.equal(bundle.type, 'transaction');
    const types = new Set<string>();
    for (const entry of bundle.entry!) {
      assert.match(
        entry.fullUrl!,
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      assert.doesNotThrow(() => validateR4(entry.resource!), entry.fullUrl);
      types.add(entry.resource!.resourceType);
    }
    for (const type of [
      'Patient',
      'Practitioner',
      'CareTeam',
      'PractitionerRole',
      'CarePlan',
      'RelatedPerson',
      'Organization',
      'Consent',
      'Schedule',
      'Slot',
      'Appointment',
      'Coverage',
      'InsurancePlan',
      'CoverageEligibilityResponse',
      'Basic',
    ]) {
      assert.ok(types.has(type), `the seed has a ${type}`);
    }
    assert.deepEqual(createSeedBundle(NOW), bundle, 'the same date gives the same Bundle');
  });

  test('the server holds the couple, each with a care team that names the partner', async () => {
    for (const [who, token, partner] of [
      ['alex', ALEX, 'jordan'],
      ['jordan', JORDAN, 'alex'],
    ] as const) {
      const patient = await json<{ name: { text: string }[] }>(await api(fhir.patients[who], { token }));
      assert.equal(patient.name[0]!.text, who === 'alex' ? 'Alex' : 'Jordan');
      const [team] = await search<{ resourceType: 'CareTeam' } & Resource>(
        `CareTeam?subject=${fhir.patients[who]}&status=active`,
        token,
      );
      const participants = (
        team as unknown as {
          participant: {
            role: { coding: { system: string; code: string }[] }[];
            member: { reference: string };
          }[];
        }
      ).participant;
      const roles = participants.map((p) => p.role[0]!.coding[0]!);
      assert.ok(roles.some((c) => c.system === IOP.role && c.code === 'couples-therapist'));
      assert.ok(roles.some((c) => c.system === IOP.role && c.code === 'benefits-specialist'));
      const partnerEntry = participants.find((p) => p.role[0]!.coding[0]!.code === 'DOMPART');
      assert.equal(partnerEntry?.member.reference, fhir.patients[partner]);
    }
  });

  test('exactly one on-call PractitionerRole at any moment of the next two weeks, with period and phone', async () => {
    for (const hours of [0, 7.9, 8, 23.5, 24 * 13]) {
      const at = new Date(NOW.getTime() + hours * 3600e3).toISOString();
      const roles = await search<PractitionerRole>(
        `PractitionerRole?role=${IOP.role}|on-call&active=true&date=${at}`,
      );
      assert.equal(roles.length, 1, `one on-call role at ${at}`);
      const [role] = roles;
      assert.ok(role!.period!.start! <= at && at < role!.period!.end!, `${at} is inside the shift`);
      assert.equal(role!.telecom![0]!.value, ON_CALL_PHONE);
      assert.equal(role!.extension?.find((e) => e.url === IOP.safetyPlanAccess)?.valueBoolean, true);
    }
  });

  test("the safety plan's items come in Stanley-Brown order, with contacts as performers with phone and sms", async () => {
    const [plan] = await search<CarePlan>(planQuery(fhir.patients.alex));
    const sections = plan!.activity!.map((a) => a.detail!.code!.coding![0]!.code!);
    const order = [
      'warning-signs',
      'coping-strategies',
      'distraction-people',
      'distraction-places',
      'help-contacts',
      'professionals',
      'environment-safety',
      'reasons-for-living',
      'partner-helps',
      'de-escalation',
      'grounding',
      'pet',
    ];
    assert.deepEqual([...new Set(sections)], order);
    const seedPlan = createSeed(NOW).safetyPlans.alex;
    assert.deepEqual(
      plan!
        .activity!.filter((a) => a.detail!.code!.coding![0]!.code === 'warning-signs')
        .map((a) => a.detail!.description),
      seedPlan.warningSigns,
    );
    // Jordan on Alex's plan: a RelatedPerson with phone and sms.
    const jordanItem = plan!.activity!.find(
      (a) => a.detail!.code!.coding![0]!.code === 'help-contacts' && a.detail!.description === 'Jordan',
    );
    const related = await json<RelatedPerson>(await api(jordanItem!.detail!.performer![0]!.reference!));
    assert.equal(related.relationship![0]!.text, 'Partner');
    assert.deepEqual(
      related.telecom!.map((t) => `${t.system}:${t.value}`),
      ['phone:+1-312-555-0140', 'sms:+1-312-555-0140'],
    );
    const lifeline = plan!.activity!.find((a) => a.detail!.description === '988 Suicide & Crisis Lifeline');
    const org = await json<Organization>(await api(lifeline!.detail!.performer![0]!.reference!));
    assert.deepEqual(
      org.telecom!.map((t) => `${t.system}:${t.value}`),
      ['phone:988', 'sms:988'],
    );
  });

  test('free slots exist for every follow-up kind, each with a Schedule whose actor is a Practitioner', async () => {
    for (const kind of ['crisis-debrief', 'couples', 'individual', 'substance-use']) {
      const slots = await search<{ schedule: { reference: string } } & Resource>(
        `Slot?service-type=${IOP.followUpKind}|${kind}&status=free&start=ge${NOW.toISOString()}&_count=5`,
      );
      assert.ok(slots.length > 0, `free ${kind} slots`);
      const schedule = await json<{ actor: { reference: string }[] }>(
        await api(slots[0]!.schedule.reference),
      );
      assert.match(schedule.actor[0]!.reference, /^Practitioner\//);
    }
  });

  test('coverage, plan benefits, eligibility and preferences are searchable by the mapping', async () => {
    const [coverage] = await search<{ class: { value: string }[] } & Resource>(
      `Coverage?beneficiary=${fhir.patients.alex}&status=active`,
    );
    const planId = coverage!.class[0]!.value;
    const [plan] = await search<{ plan: { specificCost: { benefit: unknown[] }[] }[] } & Resource>(
      `InsurancePlan?identifier=${planId}`,
    );
    assert.equal(
      plan!.plan[0]!.specificCost[0]!.benefit.length,
      createSeed(NOW).coverage.alex.services.length,
    );
    const [eligibility] = await search<Resource>(
      `CoverageEligibilityResponse?patient=${fhir.patients.alex}&_sort=-created&_count=1`,
    );
    assert.ok(eligibility);
    const [prefs] = await search<{ extension: { url: string; valueBoolean?: boolean }[] } & Resource>(
      `Basic?subject=${fhir.patients.alex}&code=${IOP.category}|session-preferences`,
    );
    assert.equal(prefs!.extension.find((e) => e.url === IOP.petFriendly)?.valueBoolean, true);
  });

  test('a search page links to the next one', async () => {
    const response = await api(`Slot?status=free&_count=10`);
    const page = await json<Bundle>(response);
    assert.equal(page.entry?.length, 10);
    const next = page.link?.find((l) => l.relation === 'next')?.url;
    assert.ok(next, 'a next link');
    const second = await json<Bundle>(await fetch(next, { headers: { Authorization: `Bearer ${ALEX}` } }));
    assert.equal(second.entry?.length, 10);
    const firstIds = new Set(page.entry!.map((e) => e.resource!.id));
    assert.ok(
      second.entry!.every((e) => !firstIds.has(e.resource!.id)),
      'the second page has other slots',
    );
  });
});

describe('validation', () => {
  test('an invalid create is refused with a 400 OperationOutcome that says what is wrong', async () => {
    await assertOutcome(
      await api('Patient', {
        method: 'POST',
        body: JSON.stringify({ resourceType: 'Patient', nickname: 'Al' }),
      }),
      400,
      /nickname/,
    );
    await assertOutcome(
      await api('Slot', {
        method: 'POST',
        body: JSON.stringify({
          resourceType: 'Slot',
          status: 'free',
          start: NOW.toISOString(),
          end: NOW.toISOString(),
        }),
      }),
      400,
      /schedule/i,
    );
  });

  test('a status outside the required ValueSet is refused, on create and on update', async () => {
    const bad: Record<string, Record<string, unknown>> = {
      Slot: { schedule: { reference: 'Schedule/x' }, start: NOW.toISOString(), end: NOW.toISOString() },
      Appointment: { participant: [{ actor: { reference: fhir.patients.alex }, status: 'accepted' }] },
      Task: { intent: 'order' },
      CarePlan: { intent: 'plan', subject: { reference: fhir.patients.alex } },
    };
    for (const [type, rest] of Object.entries(bad)) {
      await assertOutcome(
        await api(type, {
          method: 'POST',
          body: JSON.stringify({ resourceType: type, status: 'banana', ...rest }),
        }),
        400,
        /"banana" is not a code/,
      );
    }
    const [plan] = await search<CarePlan>(planQuery(fhir.patients.alex));
    await assertOutcome(
      await api(`CarePlan/${plan!.id}`, {
        method: 'PUT',
        body: JSON.stringify({ ...plan, status: 'archived' }),
      }),
      400,
      /"archived" is not a code/,
    );
    // A nested required code too: each plan item's status.
    const item = { ...plan!.activity![0]!, detail: { ...plan!.activity![0]!.detail!, status: 'done' } };
    await assertOutcome(
      await api(`CarePlan/${plan!.id}`, {
        method: 'PUT',
        body: JSON.stringify({ ...plan, activity: [item] }),
      }),
      400,
      /CarePlan\.activity\[0\]\.detail\.status/,
    );
  });

  test('a transaction with one invalid entry stores nothing', async () => {
    const before = await search<Resource>(`Organization?name=Transaction test`);
    const response = await api('', {
      method: 'POST',
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            resource: { resourceType: 'Organization', name: 'Transaction test' },
            request: { method: 'POST', url: 'Organization' },
          },
          {
            resource: { resourceType: 'Task', status: 'banana', intent: 'order' },
            request: { method: 'POST', url: 'Task' },
          },
        ],
      }),
    });
    assert.equal(response.status, 400, await response.clone().text());
    assert.equal((await search<Resource>(`Organization?name=Transaction test`)).length, before.length);
  });

  test('only JSON bodies are accepted', async () => {
    await assertOutcome(
      await api('Patient', {
        method: 'POST',
        body: '<Patient xmlns="http://hl7.org/fhir"/>',
        headers: { 'Content-Type': 'application/fhir+xml' },
      }),
      415,
      /JSON/,
    );
  });
});

describe('identity and CORS', () => {
  test('no token or an unknown token is 401 with an OperationOutcome and a Bearer challenge', async () => {
    const none = await api(fhir.patients.alex, { token: null });
    await assertOutcome(none, 401, /Bearer/);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer /);
    const unknown = await api(fhir.patients.alex, { token: 'demo-mallory' });
    await assertOutcome(unknown, 401, /not valid/);
    assert.match(unknown.headers.get('www-authenticate') ?? '', /invalid_token/);
  });

  test('localhost pages get CORS answers and preflights; other origins do not', async () => {
    const local = await api(fhir.patients.alex, { headers: { Origin: 'http://localhost:6006' } });
    assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:6006');
    assert.match(local.headers.get('access-control-expose-headers') ?? '', /ETag/);
    assert.match(local.headers.get('access-control-expose-headers') ?? '', /Location/);
    const preflight = await fetch(`${fhir.baseUrl}/Slot/x`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, if-match, content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173');
    for (const header of ['Authorization', 'Content-Type', 'If-Match', 'If-None-Exist', 'Prefer']) {
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', new RegExp(header));
    }
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
    const foreign = await api(fhir.patients.alex, { headers: { Origin: 'https://evil.example' } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const foreignPreflight = await fetch(`${fhir.baseUrl}/Slot/x`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://localhost.evil.example', 'Access-Control-Request-Method': 'PUT' },
    });
    assert.equal(foreignPreflight.status, 403);
  });
});

describe("the partner's safety plan", () => {
  async function setConsent(status: Consent['status']): Promise<void> {
    const consent = await json<Consent>(await api(fhir.consents.jordan, { token: JORDAN }));
    const response = await api(fhir.consents.jordan, {
      method: 'PUT',
      token: JORDAN,
      body: JSON.stringify({ ...consent, status }),
    });
    assert.equal(response.status, 200, await response.clone().text());
  }

  test('is readable with the seeded Consent, by search and by id', async () => {
    const [plan] = await search<CarePlan>(planQuery(fhir.patients.jordan));
    assert.equal(plan!.subject!.reference, fhir.patients.jordan);
    assert.equal((await api(`CarePlan/${plan!.id}`)).status, 200);
  });

  test('is 403 with a readable reason once Jordan withdraws the Consent, and readable again after', async () => {
    const [plan] = await search<CarePlan>(planQuery(fhir.patients.jordan), JORDAN);
    await setConsent('inactive');
    try {
      await assertOutcome(await api(planQuery(fhir.patients.jordan)), 403, /Jordan has not agreed to share/);
      await assertOutcome(await api(`CarePlan/${plan!.id}`), 403, /Jordan/);
      await assertOutcome(await api(`CarePlan/${plan!.id}/_history`), 403, /Jordan/);
      // An unfiltered search that would include Jordan's plan is refused too, not silently trimmed.
      await assertOutcome(await api(`CarePlan?status=active`), 403, /Jordan/);
      // Jordan still reads her own plan, and Alex his.
      assert.equal((await api(`CarePlan/${plan!.id}`, { token: JORDAN })).status, 200);
      assert.equal((await search<CarePlan>(planQuery(fhir.patients.alex))).length, 1);
    } finally {
      await setConsent('active');
    }
    assert.equal((await api(`CarePlan/${plan!.id}`)).status, 200);
  });

  test('a Consent that names someone else, or other data, does not grant it', async () => {
    const consent = await json<Consent>(await api(fhir.consents.jordan, { token: JORDAN }));
    const put = (changed: Consent) =>
      api(fhir.consents.jordan, { method: 'PUT', token: JORDAN, body: JSON.stringify(changed) });
    const variants: Consent[] = [
      {
        ...consent,
        provision: {
          ...consent.provision,
          actor: [{ ...consent.provision!.actor![0]!, reference: { reference: 'Patient/someone-else' } }],
        },
      },
      {
        ...consent,
        provision: {
          ...consent.provision,
          class: [{ system: 'http://hl7.org/fhir/resource-types', code: 'Observation' }],
        },
      },
      { ...consent, provision: { ...consent.provision, type: 'deny' } },
      { ...consent, provision: { ...consent.provision, period: { end: '2026-01-01T00:00:00Z' } } },
    ];
    try {
      for (const variant of variants) {
        const response = await put(variant);
        assert.equal(response.status, 200, await response.clone().text());
        await assertOutcome(await api(planQuery(fhir.patients.jordan)), 403);
      }
    } finally {
      const current = await json<Consent>(await api(fhir.consents.jordan, { token: JORDAN }));
      assert.equal((await put({ ...consent, meta: current.meta })).status, 200);
    }
    assert.equal((await api(planQuery(fhir.patients.jordan))).status, 200);
  });
});

describe('conditional requests', () => {
  test('If-Match updates the current version and refuses a stale one with 412', async () => {
    const [prefs] = await search<Resource & { extension: unknown[] }>(
      `Basic?subject=${fhir.patients.jordan}&code=${IOP.category}|session-preferences`,
      JORDAN,
    );
    const put = (version: string) =>
      api(`Basic/${prefs!.id}`, {
        method: 'PUT',
        token: JORDAN,
        headers: { 'If-Match': `W/"${version}"` },
        body: JSON.stringify({ ...prefs, extension: [{ url: IOP.petFriendly, valueBoolean: true }] }),
      });
    const ok = await put(prefs!.meta!.versionId!);
    assert.equal(ok.status, 200);
    const etag = ok.headers.get('etag');
    assert.match(etag ?? '', /^W\/"[0-9a-f-]{36}"$/);
    assert.notEqual(etag, `W/"${prefs!.meta!.versionId}"`);
    await assertOutcome(await put(prefs!.meta!.versionId!), 412);
  });

  test('two racing claims of one slot with the same If-Match: one wins, the other gets 412', async () => {
    const [slot] = await search<Resource & { status: string }>(
      `Slot?service-type=${IOP.followUpKind}|couples&status=free&_count=1`,
    );
    const claim = (token: string) =>
      api(`Slot/${slot!.id}`, {
        method: 'PUT',
        token,
        headers: { 'If-Match': `W/"${slot!.meta!.versionId}"` },
        body: JSON.stringify({ ...slot, status: 'busy' }),
      });
    const statuses = (await Promise.all([claim(ALEX), claim(JORDAN)])).map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 412]);
    const after = await json<{ status: string }>(await api(`Slot/${slot!.id}`));
    assert.equal(after.status, 'busy');
  });

  test('If-None-Exist makes a create idempotent: the second POST answers the first resource', async () => {
    const identifier = `${IOP.crisisEvent}|test-${NOW.getTime()}`;
    const body = JSON.stringify({
      resourceType: 'Communication',
      status: 'completed',
      identifier: [{ system: IOP.crisisEvent, value: `test-${NOW.getTime()}` }],
      subject: { reference: fhir.patients.alex },
      sent: NOW.toISOString(),
      payload: [{ contentString: 'call-988 tel:988' }],
    });
    const post = () =>
      api('Communication', {
        method: 'POST',
        headers: { 'If-None-Exist': `identifier=${identifier}` },
        body,
      });
    const first = await post();
    assert.equal(first.status, 201);
    assert.match(first.headers.get('location') ?? '', /\/Communication\/[0-9a-f-]{36}\/_history\//);
    const created = await json<Resource>(first);
    const second = await post();
    assert.equal(second.status, 200);
    assert.equal((await json<Resource>(second)).id, created.id);
    assert.equal((await search<Resource>(`Communication?identifier=${identifier}`)).length, 1);
  });
});

describe('reset', () => {
  test('POST /__test/reset re-seeds: new ids, earlier writes gone', async () => {
    const before = fhir.patients.alex;
    const created = await api('Organization', {
      method: 'POST',
      body: JSON.stringify({ resourceType: 'Organization', name: 'Written before the reset' }),
    });
    assert.equal(created.status, 201);
    const response = await fetch(new URL('/__test/reset', fhir.baseUrl), { method: 'POST' });
    assert.equal(response.status, 200);
    const ids = await json<{ patients: { alex: string } }>(response);
    assert.notEqual(ids.patients.alex, before);
    assert.equal(fhir.patients.alex, ids.patients.alex);
    assert.equal((await api(before)).status, 404);
    assert.equal((await api(ids.patients.alex)).status, 200);
    assert.equal((await search<Resource>('Organization?name=Written before the reset')).length, 0);
  });

  test('the reset and demo routes exist only when asked for', async () => {
    const plain = await startFhirServer({ now: () => NOW });
    try {
      const response = await fetch(new URL('/__test/reset', plain.baseUrl), { method: 'POST' });
      assert.equal(response.status, 404);
      assert.equal((await fetch(new URL('/fhir-demo.json', plain.baseUrl))).status, 404);
      assert.equal((await fetch(new URL('/demo/portal/', plain.baseUrl))).status, 404);
    } finally {
      await plain.stop();
    }
  });
});

describe('demo mode (npm start -- --fhir)', () => {
  test('serves the portal under the page CSP and tells it the FHIR base and patients, on one origin', async () => {
    const demo = await startFhirServer({ demo: true, now: () => NOW });
    try {
      const origin = new URL(demo.baseUrl).origin;
      const ids = await fetch(`${origin}/fhir-demo.json`);
      assert.equal(ids.status, 200);
      assert.match(ids.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(await ids.json(), { baseUrl: '/fhir/R4', patients: demo.patients });
      const portal = await fetch(`${origin}/demo/portal/`);
      assert.equal(portal.status, 200);
      // The portal's policy: the page policy with Lit's Trusted Types policy allowed twice (the check-in's own file).
      assert.equal(portal.headers.get('content-security-policy'), PORTAL_CSP);
      assert.match(await portal.text(), /<iop-provider/);
      assert.equal((await fetch(`${origin}/demo/fhir-server/server.ts`)).status, 404);
      assert.equal((await fetch(`${origin}/__test/reset`, { method: 'POST' })).status, 404);
    } finally {
      await demo.stop();
    }
  });
});
