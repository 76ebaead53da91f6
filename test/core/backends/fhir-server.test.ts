// The real FHIR test server, reached from a browser page through the wtr plugin (scripts/wtr-fhir.mjs):
// the page is on wtr's origin and the server on another port, so every call here crosses origins (CORS).
import { expect } from '@open-wc/testing';
import { fhirReset, fhirServer, type FhirServerInfo } from '../../shared/fhir-server.js';

const ALEX = { Authorization: 'Bearer demo-alex' };

describe('FHIR test server from a browser', function () {
  // The first command starts the server (indexing R4 takes a few seconds on a busy machine).
  this.timeout(120_000);
  let fhir: FhirServerInfo;

  before(async () => {
    fhir = await fhirReset();
  });

  it('answers the base URL and the seeded patients', async () => {
    const info = await fhirServer();
    expect(info.baseUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+\/fhir\/R4$/);
    expect(info.patients.alex).to.match(/^Patient\/[0-9a-f-]{36}$/);
    expect(info.patients.jordan).to.match(/^Patient\/[0-9a-f-]{36}$/);
    expect(info.patients).to.deep.equal(fhir.patients);
  });

  it('reads the signed-in Patient across origins, with its ETag exposed', async () => {
    const response = await fetch(`${fhir.baseUrl}/${fhir.patients.alex}`, { headers: ALEX });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/fhir\+json/);
    expect(response.headers.get('etag')).to.match(/^W\/"[0-9a-f-]{36}"$/);
    const patient = (await response.json()) as { resourceType: string; name: { text: string }[] };
    expect(patient.resourceType).to.equal('Patient');
    expect(patient.name[0]!.text).to.equal('Alex');
  });

  it('answers 401 with an OperationOutcome without a token, readable by the page', async () => {
    const response = await fetch(`${fhir.baseUrl}/${fhir.patients.alex}`);
    expect(response.status).to.equal(401);
    const outcome = (await response.json()) as {
      resourceType: string;
      issue: { details: { text: string } }[];
    };
    expect(outcome.resourceType).to.equal('OperationOutcome');
    expect(outcome.issue[0]!.details.text).to.contain('Bearer');
  });

  it('lets a preflighted conditional update through CORS, and refuses a stale one with 412', async () => {
    const search = await fetch(
      `${fhir.baseUrl}/Basic?subject=${fhir.patients.alex}&code=urn:iop-kit:fhir:category|session-preferences`,
      { headers: ALEX },
    );
    const bundle = (await search.json()) as {
      entry: { resource: { id: string; meta: { versionId: string } } }[];
    };
    const prefs = bundle.entry[0]!.resource;
    const put = (versionId: string) =>
      fetch(`${fhir.baseUrl}/Basic/${prefs.id}`, {
        method: 'PUT',
        headers: { ...ALEX, 'Content-Type': 'application/fhir+json', 'If-Match': `W/"${versionId}"` },
        body: JSON.stringify(prefs),
      });
    // Authorization, If-Match and a FHIR content type make the browser send a preflight first.
    const first = await put(prefs.meta.versionId);
    expect(first.status).to.equal(200);
    const etag = first.headers.get('etag');
    expect(etag).to.match(/^W\/"[0-9a-f-]{36}"$/);
    expect(etag).not.to.equal(`W/"${prefs.meta.versionId}"`);
    const stale = await put(prefs.meta.versionId);
    expect(stale.status).to.equal(412);
    expect(((await stale.json()) as { resourceType: string }).resourceType).to.equal('OperationOutcome');
  });

  it('exposes Location on a create', async () => {
    const response = await fetch(`${fhir.baseUrl}/Communication`, {
      method: 'POST',
      headers: { ...ALEX, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Communication',
        status: 'completed',
        subject: { reference: fhir.patients.alex },
      }),
    });
    expect(response.status).to.equal(201);
    expect(response.headers.get('location')).to.match(
      new RegExp(
        `^${fhir.baseUrl.replace(/[.]/g, '\\.')}/Communication/[0-9a-f-]{36}/_history/[0-9a-f-]{36}$`,
      ),
    );
  });

  it('re-seeds on fhir-reset: new ids, and the old patient is gone', async () => {
    const fresh = await fhirReset();
    expect(fresh.baseUrl).to.equal(fhir.baseUrl);
    expect(fresh.patients.alex).not.to.equal(fhir.patients.alex);
    const old = await fetch(`${fhir.baseUrl}/${fhir.patients.alex}`, { headers: ALEX });
    expect(old.status).to.equal(404);
    const now = await fetch(`${fresh.baseUrl}/${fresh.patients.alex}`, { headers: ALEX });
    expect(now.status).to.equal(200);
  });
});
