/**
 * A between-session check-in as data, what of it leaves the device, and how it is saved.
 *
 * Privacy, by construction (DESIGN.md `<iop-check-in>`, DOMAIN.md "Consent for couples"):
 * - The journal note is sent only when the person shares that entry with the care team (`shareNote`): the wire
 *   schema refuses a note without it, and `toSubmission` leaves it out. Otherwise it is kept on this device only,
 *   in the encrypted cache (never in plaintext: with `cache.encrypt: false` it is not kept at all).
 * - The partner sees at most the day's mood, and only when the person chose to share it: `PartnerMoodSchema` has
 *   no room for anything else (a backend that sends more has it stripped by the parse). Safety answers, notes and
 *   craving scores (42 CFR Part 2) never reach the partner.
 * - A check-in goes through the outbox: stored (encrypted) before it is sent, never lost, idempotent by `id`.
 */
import * as v from 'valibot';
import { isDateTime } from '../schemas.js';
import { parseWith } from '../errors.js';
import { RISK_LEVELS, parseInstrument, type RiskLevel } from './instrument.js';
import { restCheckInParsers } from '../backends/rest-backend.js';
import { OUTBOX_KINDS, type IopClient } from '../client.js';
import type { OutboxEntry } from '../storage/outbox.js';

/** The cache key of the check-ins kept on this device (with their notes), encrypted. */
export const LOCAL_CHECK_INS_KEY = 'check-ins:local';
/** How many check-ins this device keeps (about two months of daily check-ins). */
export const MAX_LOCAL_CHECK_INS = 60;

const str = (min: number, max: number) => v.pipe(v.string(), v.minLength(min), v.maxLength(max));
const dateTime = () => v.pipe(v.string(), v.check(isDateTime, 'an ISO 8601 date-time with offset'));
/** A 0-10 scale (how I feel, cravings). */
const scale = () => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10));
const code = () => str(1, 40);

/** The screener's answers that count: item linkId -> answer code (at most 50, the instrument's item limit). */
const AnswersSchema = v.pipe(
  v.record(code(), code()),
  v.check((answers) => Object.keys(answers).length <= 50, 'at most 50 answers'),
);

const fields = {
  id: str(1, 200),
  /** When the person finished it. */
  at: dateTime(),
  /** How I feel today: 0 (very bad) to 10 (very good). */
  mood: scale(),
  /** Cravings today, 0 (none) to 10 (strongest): asked only in substance-use care. */
  cravings: v.optional(scale()),
  /** Whether I used something from my safety plan. */
  usedPlan: v.boolean(),
  /** The journal note. Leaves the device only when `shareNote` is true. */
  note: v.optional(str(1, 2000)),
  shareNote: v.boolean(),
  /** The partner may see this day's mood (nothing else). */
  shareMoodWithPartner: v.boolean(),
};

/** POST /check-ins body (idempotent by `id`): what the care team receives. */
const submissionEntries = {
  ...fields,
  /** The instrument the answers belong to: its canonical URL and version. */
  instrument: v.object({ url: str(1, 500), version: str(1, 100) }),
  answers: AnswersSchema,
  /** The triage the kit acted on, by the instrument's published rules (the server may check it). */
  risk: v.picklist(RISK_LEVELS),
};
export const CheckInSubmissionSchema = v.pipe(
  v.object(submissionEntries),
  // `note` only with `shareNote`: a note the person kept private can never be in what is sent.
  v.forward(
    v.check((c) => !c.note || c.shareNote, 'a note is sent only when shareNote is true'),
    ['note'],
  ),
);
export type CheckInSubmission = v.InferOutput<typeof CheckInSubmissionSchema>;

/** A check-in as this device keeps it: what was sent, with the note even when it was kept private. */
export type CheckIn = Omit<CheckInSubmission, 'note'> & { note?: string };
const CheckInSchema = v.object(submissionEntries);

/** One of my earlier check-ins, as GET /check-ins returns it (no screener answers, no triage). */
export const CheckInSummarySchema = v.object(fields);
export type CheckInSummary = v.InferOutput<typeof CheckInSummarySchema>;

/** A day's mood the partner chose to share: nothing else. */
export const PartnerMoodSchema = v.object({ at: dateTime(), mood: scale() });
export type PartnerMood = v.InferOutput<typeof PartnerMoodSchema>;

/** GET /check-ins?since: my check-ins since then, and my partner's shared moods. */
export const CheckInHistorySchema = v.object({
  /** When the care team reads check-ins, in the participant's language, e.g. "within one business day". */
  readSchedule: v.optional(str(1, 500)),
  checkIns: v.pipe(v.array(CheckInSummarySchema), v.maxLength(400)),
  /** Present when the participant has a partner in the program. */
  partner: v.optional(
    v.object({
      displayName: str(1, 200),
      moods: v.pipe(v.array(PartnerMoodSchema), v.maxLength(400)),
    }),
  ),
});
export type CheckInHistory = v.InferOutput<typeof CheckInHistorySchema>;

// The REST adapter parses its check-in responses with these (see restCheckInParsers).
restCheckInParsers.history = (data) => parseWith(CheckInHistorySchema, data, 'GET /check-ins response');
restCheckInParsers.instrument = (data) => parseInstrument(data, 'GET /check-ins/instrument response');

/** What is sent: the check-in without its note unless the person shared it. */
export function toSubmission(checkIn: CheckIn): CheckInSubmission {
  const { note, ...rest } = checkIn;
  return parseWith(CheckInSubmissionSchema, checkIn.shareNote && note ? { ...rest, note } : rest, 'check-in');
}

/**
 * Saves a check-in: a copy (with its note) on this device, encrypted, and the submission in the outbox, which
 * delivers it now or once the device is back online (idempotent by id: a second call with the same id is one
 * check-in). Resolves once both are stored.
 */
export async function submitCheckIn(client: IopClient, checkIn: CheckIn): Promise<OutboxEntry> {
  const submission = toSubmission(checkIn);
  const entry = await client.outbox.enqueue({
    kind: OUTBOX_KINDS.checkIn,
    // One entity: the care team receives check-ins in the order they were made.
    entityKey: 'check-ins',
    payload: submission,
    idempotencyKey: submission.id,
  });
  // The note stays only where it is encrypted. Without encryption nothing private is written to this device.
  if (client.config.cache.encrypt) {
    const kept = await localCheckIns(client);
    const others = kept.filter((c) => c.id !== checkIn.id);
    const local = parseWith(
      CheckInSchema,
      { ...submission, ...(checkIn.note ? { note: checkIn.note } : {}) },
      'check-in',
    );
    await client.cache
      .set(LOCAL_CHECK_INS_KEY, [...others, local].slice(-MAX_LOCAL_CHECK_INS))
      .catch(() => undefined);
  }
  return entry;
}

/** The check-ins this device keeps (oldest first), notes included. */
export async function localCheckIns(client: IopClient): Promise<CheckIn[]> {
  // Kept however old (the cache's maxAgeMs is for copies of server data, which can be fetched again).
  const entry = await client.cache
    .get<unknown>(LOCAL_CHECK_INS_KEY, { maxAgeMs: Infinity })
    .catch(() => undefined);
  const parsed = v.safeParse(v.array(CheckInSchema), entry?.value);
  return parsed.success ? parsed.output : [];
}

export type { RiskLevel };
