/// <reference types="node" />
/**
 * Generates openapi.json (OpenAPI 3.1) from the valibot schemas in src/core/schemas.ts, the single source of the
 * contract. `buildOpenApi()` is pure (test/server/openapi.test.ts compares it with the committed file);
 * running this file writes openapi.json at the repository root.
 *
 *   npx tsx scripts/build-openapi.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as v from 'valibot';
import { toJsonSchemaDefs, type JsonSchema } from '@valibot/to-json-schema';
import * as S from '../src/core/schemas.js';
import * as C from '../src/core/check-in/check-in.js';
import { InstrumentSchema } from '../src/core/check-in/instrument.js';

type Json = Record<string, unknown>;

/** Every named schema of the contract, by component name. */
const COMPONENTS: Record<string, v.GenericSchema> = {
  Region: S.RegionSchema,
  TextLine: S.TextLineSchema,
  CareTeamRole: S.CareTeamRoleSchema,
  CareTeamMember: S.CareTeamMemberSchema,
  Contact: S.ContactSchema,
  ParticipantRef: S.ParticipantRefSchema,
  Participant: S.ParticipantSchema,
  Hotline: S.HotlineSchema,
  CrisisResources: S.CrisisResourcesSchema,
  TelehealthRequest: S.TelehealthRequestSchema,
  TelehealthSession: S.TelehealthSessionSchema,
  CrisisEventType: S.CrisisEventTypeSchema,
  CrisisEvent: S.CrisisEventSchema,
  Pet: S.PetSchema,
  PlanOwner: S.PlanOwnerSchema,
  SafetyPlan: S.SafetyPlanSchema,
  SlotKind: S.SlotKindSchema,
  Slot: S.SlotSchema,
  SlotList: S.SlotListSchema,
  AppointmentStatus: S.AppointmentStatusSchema,
  Appointment: S.AppointmentSchema,
  AppointmentList: S.AppointmentListSchema,
  BookingRequest: S.BookingRequestSchema,
  CostShare: S.CostShareSchema,
  ServiceBenefit: S.ServiceBenefitSchema,
  Coverage: S.CoverageSchema,
  Preferences: S.PreferencesSchema,
  PreferencesPatch: S.PreferencesPatchSchema,
  CheckInSubmission: C.CheckInSubmissionSchema,
  CheckInSummary: C.CheckInSummarySchema,
  PartnerMood: C.PartnerMoodSchema,
  CheckInHistory: C.CheckInHistorySchema,
  Instrument: InstrumentSchema,
  Problem: S.ProblemSchema,
};

/** Rules JSON Schema cannot express; the parsers enforce them, the document states them. */
const NOTES: Record<string, string> = {
  Slot: 'end is after start.',
  Appointment: 'end is after start.',
  Coverage:
    'Money is integer cents. In deductible and outOfPocketMax, metCents never exceeds individualCents.',
  ServiceBenefit:
    "typicalAllowedCents (optional) is the clinic's typical allowed amount for one visit or day, in cents: the " +
    'explainer estimates with it without asking the member to type one. program (optional) is the usual ' +
    "schedule of a per-day program (days a week, weeks), the default of the explainer's program estimate.",
  PreferencesPatch: 'An absent pet keeps the current pet; pet: null removes it.',
  CheckInSubmission:
    'note is present only when shareNote is true (a note the person kept private never leaves the device). ' +
    'answers maps each screener item asked (its linkId) to the answer code, at most 50. risk is the triage the ' +
    "kit acted on by the instrument's published rules; it is never shown to the person.",
  PartnerMood: "A day's mood the partner chose to share: nothing else of their check-in is ever returned.",
  CheckInHistory:
    'readSchedule says when the care team reads check-ins (the kit also says they are not watched around the ' +
    'clock). partner is present when the participant has a partner in the program.',
  Instrument:
    'A FHIR-style Questionnaire with triage rules. Every enableWhen names an earlier item and one of its answer ' +
    'codes; triage rules go from the highest level down and name existing items and answers. The wording must be ' +
    "the instrument's own published wording (or its own licensed translation).",
  Problem: 'RFC 9457 problem details (application/problem+json). Extension members are allowed.',
};

/**
 * The schemas check URLs and date-times with light checks (a format's code path costs bundle size); the document
 * states them as the formats they mirror: a URI, and the date-time format with zod's `z.iso.datetime({ offset:
 * true })` pattern (the same set of strings as `isDateTime`; the contract has used it since its first version).
 */
const DATE_TIME_PATTERN =
  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$';
const FORMATS = new Map<unknown, Json>([
  [S.isHttpUrl, { format: 'uri' }],
  [S.isDateTime, { format: 'date-time', pattern: DATE_TIME_PATTERN }],
]);

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (name: string) => ({ 'application/json': { schema: ref(name) } });

/** A problem+json response. */
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

/** Errors any authenticated endpoint may answer. */
const COMMON_ERRORS = {
  '401': problem('No or unknown bearer token, or the session (cookie) has ended: the person is signed out.'),
  '429': {
    ...problem('Too many requests; Retry-After says when to try again.'),
    headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
  },
  '500': problem('Server error.'),
  '503': {
    ...problem('Temporarily unavailable; Retry-After says when to try again.'),
    headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
  },
};

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'A fresh unique key per booking; a replay with the same key returns the first result.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};

function operation(spec: {
  id: string;
  summary: string;
  tag: string;
  parameters?: unknown[];
  body?: string;
  responses: Json;
}): Json {
  return {
    operationId: spec.id,
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: jsonBody(spec.body) } } : {}),
    // Its own 403 (e.g. consent) wins over the CSRF one.
    responses: { '403': CSRF_REFUSED, ...spec.responses, ...COMMON_ERRORS },
  };
}

/** What a request with the session cookie but without the CSRF header gets. */
const CSRF_REFUSED = problem('The session cookie was sent without the X-IOP-CSRF header.');

const SET_COOKIE = {
  description:
    'iop_session=<random>; HttpOnly; SameSite=Strict; Path=/api; Max-Age=<seconds> (and Secure over https).',
  schema: { type: 'string' },
};

const ok = (name: string, description: string, headers?: Json) => ({
  description,
  content: jsonBody(name),
  ...(headers ? { headers } : {}),
});

const PATHS: Json = {
  '/session': {
    post: {
      operationId: 'demoSignIn',
      summary:
        'Demo only: sign in as a demo participant and get the session cookie (a real server uses its own login).',
      tags: ['session'],
      security: [{ csrfHeader: [] }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { participant: { type: 'string', enum: ['alex', 'jordan'] } },
              required: ['participant'],
              additionalProperties: false,
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'Signed in; the cookie is set.',
          headers: { 'Set-Cookie': SET_COOKIE },
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { id: { type: 'string' }, displayName: { type: 'string' } },
                required: ['id', 'displayName'],
              },
            },
          },
        },
        '400': problem('Invalid request body.'),
        '403': CSRF_REFUSED,
        '500': problem('Server error.'),
      },
    },
    delete: {
      operationId: 'signOutSession',
      summary: 'End the cookie session on the server and expire the cookie.',
      tags: ['session'],
      security: [{ csrfHeader: [] }],
      responses: {
        '204': {
          description: 'Signed out (also when there was no session).',
          headers: { 'Set-Cookie': { ...SET_COOKIE, description: 'iop_session=; ...; Max-Age=0' } },
        },
        '403': CSRF_REFUSED,
        '500': problem('Server error.'),
      },
    },
  },
  '/me': {
    get: operation({
      id: 'getMe',
      summary: 'The participant, their partner and their care team.',
      tag: 'participant',
      responses: { '200': ok('Participant', 'The signed-in participant.') },
    }),
  },
  '/crisis/resources': {
    get: operation({
      id: 'getCrisisResources',
      summary: 'On-call clinician now, telehealth availability, secure chat and hotlines.',
      tag: 'crisis',
      responses: { '200': ok('CrisisResources', 'Crisis resources for the participant.') },
    }),
  },
  '/crisis/telehealth': {
    post: operation({
      id: 'startTelehealth',
      summary: 'Start an emergency video session (optionally with the partner).',
      tag: 'crisis',
      body: 'TelehealthRequest',
      responses: {
        '201': ok('TelehealthSession', 'The session to join before it expires.'),
        '400': problem('Invalid request body.'),
      },
    }),
  },
  '/crisis/events': {
    post: operation({
      id: 'logCrisisEvent',
      summary: 'Log a crisis event (idempotent by id), so the care team can follow up within 24 hours.',
      tag: 'crisis',
      body: 'CrisisEvent',
      responses: {
        '202': { description: 'Accepted (also for a replayed id).' },
        '400': problem('Invalid event.'),
      },
    }),
  },
  '/check-ins': {
    post: operation({
      id: 'submitCheckIn',
      summary: 'Submit a check-in (idempotent by id; the Idempotency-Key header carries the same id).',
      tag: 'check-ins',
      body: 'CheckInSubmission',
      responses: {
        '202': { description: 'Accepted (also for a replayed id).' },
        '400': problem('Invalid check-in (including a note that was not shared).'),
      },
    }),
    get: operation({
      id: 'getCheckIns',
      summary: "My check-ins since a date (no screener answers), and my partner's shared moods.",
      tag: 'check-ins',
      parameters: [
        {
          name: 'since',
          in: 'query',
          required: false,
          description: 'Default: 14 days ago.',
          schema: { type: 'string', format: 'date-time' },
        },
      ],
      responses: { '200': ok('CheckInHistory', 'The history.'), '400': problem('Invalid since.') },
    }),
  },
  '/check-ins/instrument': {
    get: operation({
      id: 'getCheckInInstrument',
      summary: "The clinic's screener (e.g. a licensed translation), optional.",
      tag: 'check-ins',
      responses: {
        '200': ok('Instrument', 'The instrument the kit asks and triages by.'),
        '404': problem('None: the kit uses its built-in C-SSRS Screener (recent).'),
      },
    }),
  },
  '/safety-plans/current': {
    get: operation({
      id: 'getSafetyPlan',
      summary: "My current safety plan, or my partner's with their consent.",
      tag: 'safety-plan',
      parameters: [{ name: 'participant', in: 'query', required: false, schema: ref('PlanOwner') }],
      responses: {
        '200': ok('SafetyPlan', 'The Stanley-Brown safety plan.'),
        '400': problem('Invalid participant.'),
        '403': problem('The partner has not consented to share their plan.'),
        '404': problem('No partner, or no plan yet.'),
      },
    }),
  },
  '/follow-ups/slots': {
    get: operation({
      id: 'listSlots',
      summary: 'Free follow-up slots of one kind starting in [from, to).',
      tag: 'follow-ups',
      parameters: [
        { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
        { name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
        { name: 'kind', in: 'query', required: true, schema: ref('SlotKind') },
      ],
      responses: { '200': ok('SlotList', 'Free slots, earliest first.'), '400': problem('Invalid query.') },
    }),
  },
  '/follow-ups': {
    get: operation({
      id: 'listAppointments',
      summary: 'My appointments.',
      tag: 'follow-ups',
      responses: { '200': ok('AppointmentList', 'Appointments, earliest first.') },
    }),
    post: operation({
      id: 'book',
      summary: 'Book a slot (couples sessions book both partners).',
      tag: 'follow-ups',
      parameters: [idempotencyKey],
      body: 'BookingRequest',
      responses: {
        '201': ok('Appointment', 'Booked (or the first result of a replayed Idempotency-Key).'),
        '400': problem('Invalid request body or missing Idempotency-Key.'),
        '404': problem('No such slot.'),
        '409': problem('The slot was just taken, or has already started.'),
        '422': problem(
          'Kind mismatch, no partner to book with, or an Idempotency-Key reused for another request.',
        ),
      },
    }),
  },
  '/follow-ups/{id}': {
    delete: operation({
      id: 'cancel',
      summary: 'Cancel an appointment (cancelling twice is harmless).',
      tag: 'follow-ups',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
      ],
      responses: {
        '204': { description: 'Cancelled.' },
        '403': problem('Not your appointment.'),
        '404': problem('No such appointment.'),
        '409': problem('The session has already taken place.'),
      },
    }),
  },
  '/coverage': {
    get: operation({
      id: 'getCoverage',
      summary: "The member's PPO benefits for every program service.",
      tag: 'coverage',
      responses: {
        '200': ok('Coverage', 'The plan and its cost shares.'),
        '404': problem(
          'No plan on file: the member has no coverage (the explainer shows the self-pay view and the Good Faith Estimate).',
        ),
      },
    }),
  },
  '/preferences': {
    get: operation({
      id: 'getPreferences',
      summary: 'Session preferences (pet-friendly), with their version in ETag.',
      tag: 'preferences',
      responses: {
        '200': ok('Preferences', 'The preferences.', { ETag: { $ref: '#/components/headers/ETag' } }),
        '404': problem('No preferences yet.'),
      },
    }),
    patch: operation({
      id: 'updatePreferences',
      summary: 'Change preferences; If-Match must carry the ETag that was read.',
      tag: 'preferences',
      parameters: [
        {
          name: 'If-Match',
          in: 'header',
          required: true,
          description: 'The ETag of the preferences being changed.',
          schema: { type: 'string' },
        },
      ],
      body: 'PreferencesPatch',
      responses: {
        '200': ok('Preferences', 'The new preferences.', { ETag: { $ref: '#/components/headers/ETag' } }),
        '400': problem('Invalid request body.'),
        '412': problem('The preferences changed since they were read: reload and try again.'),
        '428': problem('If-Match is missing.'),
      },
    }),
  },
};

/** JSON Schemas of every component, with references between them. */
function componentSchemas(): Record<string, Json> {
  // typeMode 'input': what the parsers accept (unknown members are tolerated and dropped, not rejected).
  const defs = toJsonSchemaDefs(COMPONENTS, {
    target: 'draft-2020-12',
    typeMode: 'input',
    overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
    // A check is a function JSON Schema cannot express: the known ones are formats, the others are in NOTES.
    overrideAction: ({ valibotAction, jsonSchema }) =>
      valibotAction.type === 'check'
        ? { ...jsonSchema, ...FORMATS.get((valibotAction as { requirement?: unknown }).requirement) }
        : undefined,
    overrideSchema: ({ valibotSchema, jsonSchema }) => {
      // A one-value picklist stands in for a literal (one schema kind fewer in the bundle): document it as const.
      const values = valibotSchema.type === 'picklist' ? jsonSchema.enum : undefined;
      if (values?.length === 1) {
        const { enum: _enum, ...rest } = jsonSchema;
        return { ...rest, const: values[0] } as JsonSchema;
      }
      // A loose object keeps unknown members (problem+json's extensions): say so, as JSON Schema's default does.
      if (valibotSchema.type === 'loose_object') {
        const { required, ...rest } = jsonSchema;
        return { ...rest, ...(required?.length ? { required } : {}), additionalProperties: {} } as JsonSchema;
      }
      return undefined;
    },
  });
  const out: Record<string, Json> = {};
  for (const id of Object.keys(COMPONENTS)) {
    out[id] = { ...(defs[id] as Json), ...(NOTES[id] ? { description: NOTES[id] } : {}) };
  }
  return out;
}

/** The OpenAPI 3.1 document of REST API v1. */
export function buildOpenApi(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'iop-kit REST API',
      version: '1.0.0',
      description:
        'The backend contract of iop-kit (virtual mental-health intensive outpatient programs). Generated from ' +
        'the valibot schemas in src/core/schemas.ts by scripts/build-openapi.ts; do not edit by hand. Errors are ' +
        'application/problem+json (RFC 9457). Date-times are ISO 8601 with an offset; money is integer cents.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      { url: '/api/v1', description: 'The reference backend (demo/server)' },
      { url: 'https://api.clinic.example/iop/v1', description: 'A clinic backend (example)' },
    ],
    // Either a bearer token, or the session cookie together with the CSRF header.
    security: [{ bearer: [] }, { sessionCookie: [], csrfHeader: [] }],
    tags: [
      'session',
      'participant',
      'crisis',
      'check-ins',
      'safety-plan',
      'follow-ups',
      'coverage',
      'preferences',
    ].map((name) => ({
      name,
    })),
    paths: PATHS,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The access token from the host page. The demo tokens are demo-alex and demo-jordan.',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'iop_session',
          description:
            "The portal's HttpOnly session cookie (backend-for-frontend). Only valid with the CSRF header.",
        },
        csrfHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'X-IOP-CSRF',
          description:
            'Sent by the kit in cookie mode (value 1). A custom header cannot come from a form or a cross-site ' +
            'simple request, and cross-origin it needs a CORS preflight: the server refuses cookie requests ' +
            'without it (403).',
        },
      },
      headers: {
        ETag: { description: 'The version of the preferences, for If-Match.', schema: { type: 'string' } },
        RetryAfter: {
          description: 'Seconds to wait, or an HTTP date.',
          schema: { type: 'string' },
        },
      },
      schemas: componentSchemas(),
    },
  };
}

/** The file's text: stable, two-space JSON with a final newline. */
export function openApiText(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

export const OPENAPI_PATH = fileURLToPath(new URL('../openapi.json', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(OPENAPI_PATH, openApiText());
  console.log(`Wrote ${OPENAPI_PATH}`);
}
