/// <reference types="node" />
/**
 * A real FHIR R4 server for tests and the demo: Medplum's FhirRouter over a validating in-memory repository,
 * behind a small node:http wrapper of the project's own that adds what the router leaves out: bearer-token
 * identity (the demo tokens), CORS for localhost pages, the partner's-plan access rule, ETag and Location
 * headers, next-page links, and JSON-only bodies. It listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus, normalizeOperationOutcome, OperationOutcomeError } from '@medplum/core';
import { FhirRouter, type HttpMethod } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { DEMO_TOKENS, type DemoParticipantId } from '../../src/demo-data/seed.js';
import { HttpProblem, sendProblem } from '../server/http.js';
import { defaultStaticDirs, serveStatic } from '../server/static.js';
import { indexR4Definitions } from './definitions.js';
import { PatientView, ValidatingRepository } from './repository.js';
import { createSeedBundle } from './seed-bundle.js';

/** Where FHIR lives on this server. */
export const FHIR_PATH = '/fhir/R4';
/** Largest request body accepted, in bytes (a transaction of the whole seed is about 250 KB). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** What seeding produced: typed references of the resources tests and demos need to know. */
export interface SeededIds {
  /** `Patient/<id>` of each demo participant (their tokens are `demo-alex` and `demo-jordan`). */
  patients: Record<DemoParticipantId, string>;
  /** `Consent/<id>` granted by each participant: the one that lets the partner read their safety plan. */
  consents: Record<DemoParticipantId, string>;
}

export interface FhirServerOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Serve POST /__test/reset (re-seed). Only for tests: anyone on this machine could wipe the data. */
  testRoutes?: boolean;
  /**
   * Also serve the demo pages and the built kit (the reference backend's static routes, same CSP) and
   * `GET /fhir-demo.json` (`{ baseUrl, patients }`), so the portal demo reaches FHIR on its own origin: the
   * demo pages' CSP allows `connect-src 'self'` only. For `npm start -- --fhir`.
   */
  demo?: boolean;
  /** The clock the seed is built around (slots, on-call shifts); defaults to the time of each (re)seed. */
  now?: () => Date;
}

export interface RunningFhirServer extends SeededIds {
  /** e.g. `http://127.0.0.1:43123/fhir/R4` */
  baseUrl: string;
  /** Wipes every resource and seeds again; answers the new ids. */
  reset(): Promise<SeededIds>;
  stop(): Promise<void>;
  /** The underlying node:http server. */
  server: Server;
}

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;
const ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, If-None-Exist, If-None-Match, Prefer';
const EXPOSED_HEADERS = 'ETag, Location, Last-Modified, Content-Location';
const METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

function outcome(id: string | undefined, code: string, text: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    ...(id ? { id } : {}),
    issue: [{ severity: 'error', code: code as 'invalid', details: { text } }],
  };
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly outcome: OperationOutcome,
    readonly headers: Record<string, string> = {},
  ) {
    super(outcome.issue?.[0]?.details?.text ?? `HTTP ${status}`);
  }
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !LOCAL_ORIGIN.test(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    Vary: 'Origin',
  };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const base = {
    ...corsHeaders(req),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  };
  if (body === undefined) {
    res.writeHead(status, base);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...base,
    'Content-Type': FHIR_JSON,
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new HttpFailure(413, outcome(undefined, 'too-costly', 'The request body is too large.'), {
        Connection: 'close',
      });
    }
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (
    type !== 'application/fhir+json' &&
    type !== 'application/json' &&
    type !== 'application/json-patch+json'
  ) {
    throw new HttpFailure(
      415,
      outcome(undefined, 'not-supported', 'Send application/fhir+json: this server speaks JSON only.'),
    );
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpFailure(400, outcome(undefined, 'structure', 'The request body is not valid JSON.'));
  }
}

/** `W/"<versionId>"`, as Medplum's If-Match parser expects it back. */
const etagOf = (resource: Resource | undefined) =>
  resource?.meta?.versionId ? `W/"${resource.meta.versionId}"` : undefined;

function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/** Adds self and next links to a search Bundle (Medplum's router gives none), by _offset and _count. */
function withPageLinks(bundle: Bundle, url: URL, base: string): Bundle {
  if (bundle.type !== 'searchset' || bundle.total === undefined) return bundle;
  const offset = Number(url.searchParams.get('_offset') ?? '0') || 0;
  const shown = bundle.entry?.length ?? 0;
  const link = [{ relation: 'self', url: `${base}${url.pathname.slice(FHIR_PATH.length)}${url.search}` }];
  if (offset + shown < bundle.total && shown > 0) {
    const next = new URLSearchParams(url.searchParams);
    next.set('_offset', String(offset + shown));
    if (!next.has('_count')) next.set('_count', String(shown));
    link.push({ relation: 'next', url: `${base}${url.pathname.slice(FHIR_PATH.length)}?${next}` });
  }
  return { ...bundle, link };
}

function capabilityStatement(base: string) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    software: { name: 'iop-kit test FHIR server (Medplum FhirRouter 4.5.2, in memory)' },
    implementation: { description: 'iop-kit test rig', url: base },
    rest: [{ mode: 'server', security: { description: 'Bearer demo-alex or demo-jordan.' } }],
  };
}

/**
 * Starts the server, seeds it and resolves once it listens. One Medplum index per process (about 3 s the
 * first time); each server has its own data.
 */
export async function startFhirServer(options: FhirServerOptions = {}): Promise<RunningFhirServer> {
  indexR4Definitions();
  const router = new FhirRouter();
  const store = new ValidatingRepository();
  const clock = options.now ?? (() => new Date());
  let ids: SeededIds;

  async function seed(): Promise<SeededIds> {
    store.clear();
    const bundle = createSeedBundle(clock());
    const [result, response] = await router.handleRequest(
      {
        method: 'POST',
        url: '/',
        pathname: '',
        params: {},
        query: {},
        body: bundle,
        headers: {},
        config: { transactions: true },
      },
      store,
    );
    const entries = (response as Bundle | undefined)?.entry ?? [];
    if (getStatus(result) >= 400 || entries.length !== bundle.entry!.length) {
      throw new Error(`Seeding the FHIR server failed: ${JSON.stringify(result)}`);
    }
    // Response entries come in request order; Location is `<Type>/<id>/_history/<vid>`.
    const found: SeededIds = { patients: {}, consents: {} } as SeededIds;
    bundle.entry!.forEach((entry, i) => {
      const location = entries[i]!.response?.location?.split('/_history/')[0];
      const resource = entry.resource!;
      if (!location) throw new Error(`Seed entry ${entry.fullUrl} has no location`);
      if (resource.resourceType === 'Patient') {
        found.patients[resource.identifier![0]!.value as DemoParticipantId] = location;
      }
      if (resource.resourceType === 'Consent') {
        const ownerUrl = resource.patient!.reference;
        const owner = bundle.entry!.find((e) => e.fullUrl === ownerUrl)!.resource as {
          identifier: { value: string }[];
        };
        found.consents[owner.identifier[0]!.value as DemoParticipantId] = location;
      }
    });
    ids = found;
    return found;
  }

  await seed();
  let base = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();

    if (method === 'OPTIONS') {
      const origin = req.headers.origin;
      if (!origin || !LOCAL_ORIGIN.test(origin)) {
        send(
          req,
          res,
          403,
          outcome('forbidden', 'forbidden', 'Only pages on localhost may call this server.'),
        );
        return;
      }
      send(req, res, 204, undefined, {
        'Access-Control-Allow-Methods': METHODS,
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      });
      return;
    }

    if (url.pathname === '/__test/reset' && options.testRoutes) {
      if (method !== 'POST') throw new HttpFailure(405, outcome(undefined, 'not-supported', 'Use POST.'));
      send(req, res, 200, await seed());
      return;
    }

    const isFhir = url.pathname === FHIR_PATH || url.pathname.startsWith(`${FHIR_PATH}/`);
    if (options.demo && !isFhir && (method === 'GET' || method === 'HEAD')) {
      if (url.pathname === '/fhir-demo.json') {
        send(
          req,
          res,
          200,
          { baseUrl: FHIR_PATH, patients: ids.patients },
          { 'Content-Type': 'application/json' },
        );
        return;
      }
      try {
        if (await serveStatic(req, res, url.pathname, defaultStaticDirs())) return;
      } catch (error) {
        if (!(error instanceof HttpProblem)) throw error;
        sendProblem(res, error, url.pathname);
        return;
      }
    }
    if (!isFhir) {
      throw new HttpFailure(404, outcome('not-found', 'not-found', `FHIR lives under ${FHIR_PATH}.`));
    }
    const path = url.pathname.slice(FHIR_PATH.length) || '/';

    if (path === '/metadata' && method === 'GET') {
      send(req, res, 200, capabilityStatement(base));
      return;
    }

    const auth = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    const who = token ? DEMO_TOKENS[token] : undefined;
    if (!who) {
      throw new HttpFailure(
        401,
        outcome(
          'unauthorized',
          'login',
          token ? 'The access token is not valid.' : 'Sign in: send Authorization: Bearer <token>.',
        ),
        { 'WWW-Authenticate': `Bearer realm="iop-kit FHIR"${token ? ', error="invalid_token"' : ''}` },
      );
    }

    if (!['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
      throw new HttpFailure(405, outcome(undefined, 'not-supported', `${method} is not supported.`));
    }
    const body =
      method === 'GET' || method === 'HEAD' || method === 'DELETE' ? undefined : await readBody(req);
    const view = new PatientView(store, ids.patients[who]);
    const [result, resource] = await router.handleRequest(
      {
        method: (method === 'HEAD' ? 'GET' : method) as HttpMethod,
        url: `${path}${url.search}`,
        pathname: '',
        params: {},
        query: queryOf(url.searchParams),
        body,
        headers: req.headers,
        // Transaction Bundles all or nothing (the repository rolls back), batches entry by entry.
        config: { transactions: true },
      },
      view,
    );
    const status = getStatus(result);
    if (status >= 400 || !resource) {
      send(req, res, status, result);
      return;
    }
    const headers: Record<string, string> = {};
    const etag = etagOf(resource);
    if (etag && resource.resourceType !== 'Bundle') headers['ETag'] = etag;
    if (resource.meta?.lastUpdated)
      headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
    if (status === 201 && resource.id) {
      headers['Location'] =
        `${base}/${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId}`;
    }
    const prefer = String(req.headers.prefer ?? '');
    if (/return=minimal/.test(prefer) && method !== 'GET') {
      send(req, res, status, undefined, headers);
      return;
    }
    if (/return=OperationOutcome/.test(prefer) && method !== 'GET') {
      send(req, res, status, result, headers);
      return;
    }
    send(
      req,
      res,
      status,
      resource.resourceType === 'Bundle' ? withPageLinks(resource as Bundle, url, base) : resource,
      headers,
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpFailure) {
        send(req, res, error.status, error.outcome, error.headers);
        return;
      }
      const result =
        error instanceof OperationOutcomeError ? error.outcome : normalizeOperationOutcome(error);
      const status = getStatus(result);
      if (status >= 500) console.error('FHIR server error:', error);
      send(req, res, status, result);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}${FHIR_PATH}`;

  const running: RunningFhirServer = {
    baseUrl: base,
    server,
    get patients() {
      return ids.patients;
    },
    get consents() {
      return ids.consents;
    },
    reset: seed,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return running;
}
