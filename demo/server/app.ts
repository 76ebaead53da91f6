/// <reference types="node" />
/**
 * The iop-kit reference backend: the REST API v1 of DESIGN.md over SQLite, plus the demo pages, the
 * built kit, Storybook and openapi.json. `createServer()` returns a node:http server that is not
 * listening yet, so tests can start it on port 0 and the CLI (main.ts) on PORT.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import * as v from 'valibot';
import {
  BookingRequestSchema,
  CrisisEventSchema,
  PlanOwnerSchema,
  PreferencesPatchSchema,
  SlotQuerySchema,
  TelehealthRequestSchema,
  type Appointment,
  type Participant,
  type ParticipantRef,
  type Preferences,
} from '../../src/core/schemas.js';
import { createSeed, demoReadSchedule, DEMO_TELEHEALTH_ORIGIN } from '../../src/demo-data/seed.js';
import { CheckInSubmissionSchema } from '../../src/core/check-in/check-in.js';
import { CSSRS_SCREENER_RECENT } from '../../src/core/check-in/instrument.js';
import { isDateTime } from '../../src/core/schemas.js';
import { addMissingSlots, isEmpty, openDatabase, seedDatabase } from './db.js';
import { HttpProblem, readJsonBody, sendJson, sendProblem } from './http.js';
import { defaultStaticDirs, serveStatic, type StaticDirs } from './static.js';
import { Store, type StoredResponse } from './store.js';
import { validate } from './validate.js';
import { SessionStore, requireCsrfHeader } from './session.js';

/** Every API path starts with this. */
export const API_PREFIX = '/api/v1';

/** Where telehealth rooms live unless IOP_TELEHEALTH_ORIGIN or the `telehealthOrigin` option says otherwise. */
/** The demo's telehealth origin, the same as the in-memory adapter's (add it to `allowedOrigins`). */
export const DEFAULT_TELEHEALTH_ORIGIN = DEMO_TELEHEALTH_ORIGIN;

/** How long a crisis telehealth join link stays valid. */
export const TELEHEALTH_TTL_MS = 30 * 60_000;

/** Longest slot window one request may ask for. */
const MAX_SLOT_WINDOW_MS = 92 * 24 * 3600_000;
/** The largest list the API returns (matches MAX_LIST in the schemas). */
const MAX_LIST = 5000;

export interface ServerOptions {
  /** Folder of the SQLite file (created when absent). */
  dataDir: string;
  /** The clock; tests pin it. Default: the real time. */
  now?: () => Date;
  /** Where static content lives; missing entries use the repository layout. */
  staticDirs?: Partial<StaticDirs>;
  /** Drop everything and seed again. */
  reset?: boolean;
  /** https origin of telehealth join links. Default: IOP_TELEHEALTH_ORIGIN or DEFAULT_TELEHEALTH_ORIGIN. */
  telehealthOrigin?: string;
  /** One line per request (never headers, never the token). Default: console.log. */
  log?: (line: string) => void;
  /** How long a cookie session lasts from sign-in (default DEFAULT_SESSION_TTL_MS, 8 hours). */
  sessionTtlMs?: number;
}

/** What a handler answers: a JSON body (or none) with a status and headers. */
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Context {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  me: Participant;
  now: Date;
}

type Handler = (ctx: Context) => Reply | Promise<Reply>;

interface Route {
  pattern: RegExp;
  methods: Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>>;
}

/** The demo sign-in: who to sign in as (no password: it is a demo with two fictional people). */
const DemoSignInSchema = v.object({ participant: v.picklist(['alex', 'jordan']) });

/** `participant` defaults to `me`. */
const SafetyPlanQuerySchema = v.object({ participant: v.optional(PlanOwnerSchema) });
/** `since` defaults to 14 days ago. */
const CheckInsQuerySchema = v.object({
  since: v.optional(v.pipe(v.string(), v.check(isDateTime, 'an ISO 8601 date-time with offset'))),
});
/** Idempotency keys: 1-255 visible ASCII characters (a UUID fits). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Creates the reference backend. Opens (and seeds when empty) the database in `dataDir`; the
 * database closes when the server closes.
 */
export function createServer(options: ServerOptions): Server {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const dirs: StaticDirs = { ...defaultStaticDirs(), ...options.staticDirs };
  const telehealthOrigin = httpsOrigin(
    options.telehealthOrigin ?? process.env['IOP_TELEHEALTH_ORIGIN'] ?? DEFAULT_TELEHEALTH_ORIGIN,
  );

  const db = openDatabase(options.dataDir, { reset: options.reset ?? false });
  if (isEmpty(db)) seedDatabase(db, createSeed(now()), telehealthOrigin);
  else addMissingSlots(db, createSeed(now()));
  const store = new Store(db);
  const routes = buildRoutes(store, telehealthOrigin);
  const sessions = new SessionStore(now, options.sessionTtlMs);

  const server = createHttpServer((req, res) => {
    const started = process.hrtime.bigint();
    const path = safePathForLog(req.url);
    res.on('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Method, path and status only: never headers (the bearer token lives there) and never bodies.
      log(`${new Date().toISOString()} ${req.method ?? '-'} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    handle(req, res, routes, store, sessions, dirs, now).catch((error: unknown) => {
      if (error instanceof HttpProblem) {
        if (error.status === 413) req.resume(); // discard the unread rest of an oversized body
        if (!res.headersSent) sendProblem(res, error, path);
        else res.destroy();
        return;
      }
      log(
        `error ${req.method ?? '-'} ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) {
        sendProblem(
          res,
          new HttpProblem(500, 'internal', 'Something went wrong on the server. Try again.'),
          path,
        );
      } else {
        res.destroy();
      }
    });
  });
  server.on('close', () => {
    if (db.open) db.close();
  });
  return server;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Route[],
  store: Store,
  sessions: SessionStore,
  dirs: StaticDirs,
  now: () => Date,
): Promise<void> {
  const raw = req.url ?? '/';
  // Only origin-form targets ("/path?query"); "//host" or absolute URLs are not ours to serve.
  if (!raw.startsWith('/') || raw.startsWith('//')) {
    throw new HttpProblem(400, 'bad-path', 'The request target must be a path starting with a single "/".');
  }
  const url = new URL(raw, 'http://localhost');
  const method = req.method ?? 'GET';

  if (url.pathname === API_PREFIX || url.pathname.startsWith(API_PREFIX + '/')) {
    const path = url.pathname.slice(API_PREFIX.length) || '/';
    if (path === '/session') {
      await handleSession(req, res, method, store, sessions);
      return;
    }
    const match = findRoute(routes, path);
    if (!match) throw new HttpProblem(404, 'not-found', `There is no API endpoint at ${url.pathname}.`);
    const lookup = method === 'HEAD' ? 'GET' : method;
    const handler = match.route.methods[lookup as keyof Route['methods']];
    if (!handler) throw methodNotAllowed(Object.keys(match.route.methods));
    const me = authenticate(req, store, sessions);
    const reply = await handler({ req, url, params: match.params, me, now: now() });
    const headers = { ...(reply.headers ?? {}) };
    // Business errors stored for idempotent replays come back here as plain replies.
    if (reply.status >= 400) headers['Content-Type'] = 'application/problem+json; charset=utf-8';
    sendJson(res, reply.status, reply.body, headers);
    return;
  }

  if (method !== 'GET' && method !== 'HEAD') {
    // Static routes are read-only. Unknown paths still answer 404 rather than 405.
    if (isStaticPath(url.pathname)) throw methodNotAllowed(['GET']);
    throw new HttpProblem(404, 'not-found', `There is nothing at ${url.pathname}.`);
  }
  const served = await serveStatic(req, res, url.pathname, dirs);
  if (!served) throw new HttpProblem(404, 'not-found', `There is nothing at ${url.pathname}.`);
}

function isStaticPath(pathname: string): boolean {
  return (
    pathname === '/' ||
    pathname === '/index.html' ||
    pathname === '/openapi.json' ||
    /^\/(dist|demo|storybook)(\/|$)/.test(pathname)
  );
}

function methodNotAllowed(methods: string[]): HttpProblem {
  const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
  return new HttpProblem(405, 'method-not-allowed', `Use ${allow.join(', ')} on this address.`, {
    headers: { Allow: allow.join(', ') },
  });
}

function findRoute(
  routes: Route[],
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.groups ? { ...m.groups } : {} };
  }
  return undefined;
}

/**
 * The demo sign-in and sign-out of cookie sessions. POST {"participant":"alex"} sets the session cookie;
 * DELETE ends the session on the server and expires the cookie. Both need the CSRF header (a login CSRF,
 * signing someone into the attacker's account, is refused as well).
 */
async function handleSession(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  store: Store,
  sessions: SessionStore,
): Promise<void> {
  if (method === 'POST') {
    requireCsrfHeader(req);
    const { participant } = validate(DemoSignInSchema, await readJsonBody(req));
    const me = store.participantById(participant);
    if (!me) throw new HttpProblem(404, 'no-participant', 'There is no such demo participant.');
    const cookie = sessions.signIn(req, me.id);
    sendJson(res, 200, { id: me.id, displayName: me.displayName }, { 'Set-Cookie': cookie });
    return;
  }
  if (method === 'DELETE') {
    requireCsrfHeader(req);
    // Clear-Site-Data is not sent: it would wipe the page's own storage too; the kit's signOut() wipes its own.
    sendJson(res, 204, undefined, { 'Set-Cookie': sessions.signOut(req) });
    return;
  }
  throw methodNotAllowed(['POST', 'DELETE']);
}

/**
 * Who is asking: the bearer token when there is an Authorization header; otherwise the session cookie, which
 * only counts with the CSRF header (403 without it) and only while its session lives (401 after sign-out or
 * expiry, with the cookie expired).
 */
function authenticate(req: IncomingMessage, store: Store, sessions: SessionStore): Participant {
  const header = req.headers.authorization;
  if (!header && sessions.hasCookie(req)) {
    requireCsrfHeader(req);
    const id = sessions.participantOf(req);
    const participant = id === undefined ? undefined : store.participantById(id);
    if (participant) return participant;
    throw new HttpProblem(401, 'session-ended', 'Your session has ended. Sign in again.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="iop-kit"', 'Set-Cookie': sessions.signOut(req) },
    });
  }
  const match = header ? /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i.exec(header) : null;
  const participant = match ? store.participantByToken(match[1]!) : undefined;
  if (participant) return participant;
  const challenge = header ? 'Bearer realm="iop-kit", error="invalid_token"' : 'Bearer realm="iop-kit"';
  throw new HttpProblem(
    401,
    'unauthorized',
    header ? 'The access token is not valid.' : 'Send an access token: Authorization: Bearer <token>.',
    { headers: { 'WWW-Authenticate': challenge } },
  );
}

function problemReply(problem: HttpProblem, instance: string): Reply {
  return { status: problem.status, body: problem.toProblem(instance), headers: { ...problem.headers } };
}

function httpsOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`The telehealth origin must be an https URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`The telehealth origin must use https:, got ${url.protocol}`);
  return url.origin;
}

/** The path for the log line: the query string is kept, nothing else from the request. */
function safePathForLog(raw: string | undefined): string {
  return (raw ?? '/').replace(/[^\x21-\x7e]/g, '?').slice(0, 500);
}

function etagOf(preferences: Preferences): string {
  return `"${preferences.version}"`;
}

/** RFC 9110 If-Match: `*` or a list of strong entity tags. */
function ifMatchSatisfied(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === etag);
}

function hashRequest(operation: string, body: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(JSON.stringify(body)).digest('hex');
}

function idempotencyKey(req: IncomingMessage, required: boolean): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) {
    if (!required) return undefined;
    throw new HttpProblem(
      400,
      'idempotency-key-required',
      'Send an Idempotency-Key header (a fresh random value, e.g. a UUID, per booking attempt).',
    );
  }
  // The IETF draft sends it as a structured-field string ("..."); a bare token is accepted too.
  const key = String(raw)
    .trim()
    .replace(/^"(.*)"$/, '$1');
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new HttpProblem(
      400,
      'idempotency-key-invalid',
      'Idempotency-Key must be 1 to 255 visible ASCII characters.',
    );
  }
  return key;
}

function buildRoutes(store: Store, telehealthOrigin: string): Route[] {
  const db = store.db;

  /**
   * Runs `work` once per (participant, Idempotency-Key): the first outcome is stored in the same
   * transaction as the change, and a replay returns it with the same status. A key reused for a
   * different request gets 422 (as the IETF Idempotency-Key draft says).
   */
  const idempotent = (
    ctx: Context,
    key: string,
    operation: string,
    request: unknown,
    work: () => Reply,
    remember: (reply: Reply) => boolean,
  ): Reply => {
    const requestHash = hashRequest(operation, request);
    const run = db.transaction((): Reply => {
      const previous = store.idempotentResponse(ctx.me.id, key);
      if (previous) {
        if (previous.operation !== operation || previous.requestHash !== requestHash) {
          return problemReply(
            new HttpProblem(
              422,
              'idempotency-key-reused',
              'This Idempotency-Key was already used for a different request. Use a fresh key per request.',
            ),
            ctx.url.pathname,
          );
        }
        return {
          status: previous.status,
          body: previous.body,
          headers: { ...previous.headers, 'Idempotent-Replayed': 'true' },
        };
      }
      let reply: Reply;
      try {
        reply = work();
      } catch (error) {
        if (!(error instanceof HttpProblem)) throw error;
        reply = problemReply(error, ctx.url.pathname);
      }
      if (remember(reply)) {
        const stored: StoredResponse = {
          status: reply.status,
          headers: reply.headers ?? {},
          body: reply.body,
        };
        store.rememberResponse(ctx.me.id, key, operation, requestHash, stored, ctx.now.toISOString());
      }
      return reply;
    });
    // IMMEDIATE: take the write lock up front, so a second process cannot interleave.
    return run.immediate();
  };

  const partnerRef = (me: Participant): ParticipantRef | undefined => me.partner;

  return [
    {
      pattern: /^\/me$/,
      methods: { GET: ({ me }) => ({ status: 200, body: me }) },
    },
    {
      pattern: /^\/crisis\/resources$/,
      methods: {
        GET: ({ now }) => {
          const resources = store.crisisResources(now);
          if (!resources)
            throw new HttpProblem(503, 'no-on-call', 'Nobody is on call right now. Call 988 or 911.');
          return { status: 200, body: resources };
        },
      },
    },
    {
      pattern: /^\/crisis\/telehealth$/,
      methods: {
        POST: async (ctx) => {
          const request = validate(TelehealthRequestSchema, await readJsonBody(ctx.req));
          if (!store.telehealthAvailable()) {
            throw new HttpProblem(
              503,
              'telehealth-unavailable',
              'Video sessions are not available. Call the on-call line.',
            );
          }
          const id = randomUUID();
          const joinUrl = `${telehealthOrigin}/join/${id}`;
          const expiresAt = new Date(ctx.now.getTime() + TELEHEALTH_TTL_MS).toISOString();
          store.addTelehealthSession({
            id,
            participantId: ctx.me.id,
            includePartner: request.includePartner && partnerRef(ctx.me) !== undefined,
            joinUrl,
            expiresAt,
            createdAt: ctx.now.toISOString(),
          });
          return { status: 201, body: { joinUrl, expiresAt } };
        },
      },
    },
    {
      pattern: /^\/crisis\/events$/,
      methods: {
        POST: async (ctx): Promise<Reply> => {
          const event = validate(CrisisEventSchema, await readJsonBody(ctx.req));
          // Idempotent by id: a replay is acknowledged the same way and stores nothing new.
          const stored = store.addCrisisEvent(ctx.me.id, event, ctx.now.toISOString());
          return {
            status: 202,
            body: { id: event.id },
            headers: stored ? {} : { 'Idempotent-Replayed': 'true' },
          };
        },
      },
    },
    {
      pattern: /^\/check-ins$/,
      methods: {
        POST: async (ctx): Promise<Reply> => {
          // The schema refuses a note that was not shared, so a private note can never be stored here.
          const checkIn = validate(CheckInSubmissionSchema, await readJsonBody(ctx.req));
          // Idempotent by id: a replay is acknowledged the same way and stores nothing new.
          const stored = store.addCheckIn(ctx.me.id, checkIn, ctx.now.toISOString());
          return {
            status: 202,
            body: { id: checkIn.id },
            headers: stored ? {} : { 'Idempotent-Replayed': 'true' },
          };
        },
        GET: ({ url, me, now }) => {
          const query = validate(CheckInsQuerySchema, Object.fromEntries(url.searchParams), 'query');
          const since = query.since ?? new Date(now.getTime() - 14 * 864e5).toISOString();
          const partner = partnerRef(me);
          return {
            status: 200,
            body: {
              readSchedule: demoReadSchedule(me.locale),
              checkIns: store.checkIns(me.id, since),
              // The partner's shared moods only: never their answers, notes or cravings.
              ...(partner
                ? {
                    partner: {
                      displayName: partner.displayName,
                      moods: store.sharedMoods(partner.id, since),
                    },
                  }
                : {}),
            },
          };
        },
      },
    },
    {
      pattern: /^\/check-ins\/instrument$/,
      methods: {
        // The demo clinic serves the C-SSRS Screener (recent) as the kit ships it. A clinic with a licensed
        // translation serves that; one without this route answers 404 and the kit uses its built-in copy.
        GET: () => ({ status: 200, body: CSSRS_SCREENER_RECENT }),
      },
    },
    {
      pattern: /^\/safety-plans\/current$/,
      methods: {
        GET: ({ url, me }) => {
          const query = validate(SafetyPlanQuerySchema, Object.fromEntries(url.searchParams), 'query');
          let ownerId = me.id;
          if (query.participant === 'partner') {
            const partner = partnerRef(me);
            if (!partner) throw new HttpProblem(404, 'no-partner', 'You have no partner in the program.');
            if (!store.sharesPlanWith(partner.id, me.id)) {
              throw new HttpProblem(
                403,
                'consent-required',
                `${partner.displayName} has not agreed to share their safety plan with you.`,
              );
            }
            ownerId = partner.id;
          }
          const plan = store.safetyPlan(ownerId);
          if (!plan) throw new HttpProblem(404, 'no-safety-plan', 'There is no safety plan yet.');
          return { status: 200, body: plan };
        },
      },
    },
    {
      pattern: /^\/follow-ups\/slots$/,
      methods: {
        GET: ({ url, now }) => {
          const query = validate(SlotQuerySchema, Object.fromEntries(url.searchParams), 'query');
          const fromMs = Date.parse(query.from);
          const toMs = Date.parse(query.to);
          if (toMs <= fromMs) throw queryProblem('to', 'must be after from');
          if (toMs - fromMs > MAX_SLOT_WINDOW_MS)
            throw queryProblem('to', 'the window may span at most 92 days');
          // A slot that has started is not free any more, whatever `from` says.
          return {
            status: 200,
            body: store.freeSlots(Math.max(fromMs, now.getTime()), toMs, query.kind, MAX_LIST),
          };
        },
      },
    },
    {
      pattern: /^\/follow-ups$/,
      methods: {
        GET: ({ me, now }) => ({ status: 200, body: store.appointmentsOf(me.id, now, MAX_LIST) }),
        POST: async (ctx) => {
          const key = idempotencyKey(ctx.req, true)!;
          const request = validate(BookingRequestSchema, await readJsonBody(ctx.req));
          return idempotent(
            ctx,
            key,
            'POST /follow-ups',
            request,
            () => {
              const found = store.slot(request.slotId);
              if (!found) throw new HttpProblem(404, 'slot-not-found', 'There is no such slot.');
              if (found.slot.kind !== request.kind) {
                throw new HttpProblem(
                  422,
                  'kind-mismatch',
                  `This slot is for a ${found.slot.kind} session, not ${request.kind}.`,
                );
              }
              if (found.startMs <= ctx.now.getTime()) {
                throw new HttpProblem(
                  409,
                  'slot-in-past',
                  'This slot has already started. Pick another time.',
                );
              }
              if (store.isSlotBooked(request.slotId)) throw slotTaken();
              const participants: ParticipantRef[] = [{ id: ctx.me.id, displayName: ctx.me.displayName }];
              // A couples session always books both partners; other kinds when asked.
              if (request.kind === 'couples' || request.includePartner) {
                const partner = partnerRef(ctx.me);
                if (!partner) {
                  throw new HttpProblem(
                    422,
                    'no-partner',
                    'You have no partner in the program to book with.',
                  );
                }
                participants.push({ id: partner.id, displayName: partner.displayName });
              }
              const id = `appt-${randomUUID()}`;
              try {
                store.insertAppointment({
                  id,
                  slotId: request.slotId,
                  kind: request.kind,
                  bookedBy: ctx.me.id,
                  joinUrl: `${telehealthOrigin}/join/${id}`,
                  participants,
                  createdAt: ctx.now.toISOString(),
                });
              } catch (error) {
                // The UNIQUE index is the last word: another writer got the slot first.
                if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw slotTaken();
                throw error;
              }
              const appointment: Appointment = store.appointment(id, ctx.now)!;
              return {
                status: 201,
                body: appointment,
                headers: { Location: `${API_PREFIX}/follow-ups/${id}` },
              };
            },
            // Every business outcome is final for its key; server errors (thrown) are not stored.
            () => true,
          );
        },
      },
    },
    {
      pattern: /^\/follow-ups\/(?<id>[^/]+)$/,
      methods: {
        DELETE: (ctx) => {
          const id = decodeParam(ctx.params['id']!);
          const cancel = db.transaction((): Reply => {
            const appointment = store.appointment(id, ctx.now);
            if (!appointment)
              throw new HttpProblem(404, 'appointment-not-found', 'There is no such appointment.');
            if (!store.attendees(id).includes(ctx.me.id)) {
              throw new HttpProblem(
                403,
                'not-your-appointment',
                'You can only cancel your own appointments.',
              );
            }
            if (appointment.status === 'fulfilled') {
              throw new HttpProblem(409, 'appointment-past', 'This session has already taken place.');
            }
            // Cancelling twice is fine: the second time there is nothing left to do.
            store.cancelAppointment(id, ctx.now.toISOString());
            return { status: 204 };
          });
          return cancel.immediate();
        },
      },
    },
    {
      pattern: /^\/coverage$/,
      methods: {
        GET: ({ me }) => {
          const coverage = store.coverage(me.id);
          if (!coverage) throw new HttpProblem(404, 'no-coverage', 'There is no insurance plan on file.');
          return { status: 200, body: coverage };
        },
      },
    },
    {
      pattern: /^\/preferences$/,
      methods: {
        GET: ({ me }) => {
          const preferences = store.preferences(me.id);
          if (!preferences) throw new HttpProblem(404, 'no-preferences', 'There are no preferences yet.');
          return { status: 200, body: preferences, headers: { ETag: etagOf(preferences) } };
        },
        PATCH: async (ctx) => {
          const ifMatch = ctx.req.headers['if-match'];
          if (!ifMatch) {
            throw new HttpProblem(
              428,
              'if-match-required',
              'Send If-Match with the ETag of the preferences you read, so a newer change is not overwritten.',
            );
          }
          const key = idempotencyKey(ctx.req, false);
          const patch = validate(PreferencesPatchSchema, await readJsonBody(ctx.req));
          const apply = (): Reply => {
            const current = store.preferences(ctx.me.id);
            if (!current) throw new HttpProblem(404, 'no-preferences', 'There are no preferences yet.');
            if (!ifMatchSatisfied(ifMatch, etagOf(current))) {
              throw new HttpProblem(
                412,
                'stale-version',
                'Your preferences were changed somewhere else. Reload them and try again.',
                { headers: { ETag: etagOf(current) }, extensions: { currentVersion: current.version } },
              );
            }
            const next = store.updatePreferences(ctx.me.id, current, patch);
            return { status: 200, body: next, headers: { ETag: etagOf(next) } };
          };
          // An optional Idempotency-Key lets an outbox retry a PATCH whose answer was lost: the
          // replay gets the stored 200 instead of a 412 against its own change. Only successes are
          // remembered, so a retry after a 412 (with a fresh If-Match) still applies.
          if (key)
            return idempotent(ctx, key, 'PATCH /preferences', patch, apply, (reply) => reply.status === 200);
          const run = db.transaction(apply);
          return run.immediate();
        },
      },
    },
  ];
}

function slotTaken(): HttpProblem {
  return new HttpProblem(409, 'slot-taken', 'Someone just booked this slot. Pick another time.');
}

function queryProblem(field: string, message: string): HttpProblem {
  return new HttpProblem(400, 'validation', `${field}: ${message}`, {
    extensions: { errors: [{ field, message }] },
  });
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new HttpProblem(404, 'appointment-not-found', 'There is no such appointment.');
  }
}
