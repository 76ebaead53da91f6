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
import { parseWith } from '../errors.js';
import { parseInstrument, type RiskLevel } from './instrument.js';
import {
  CheckInHistorySchema,
  CheckInSchema,
  CheckInSubmissionSchema,
  type CheckIn,
  type CheckInSubmission,
} from './check-in-schemas.js';
import { restCheckInParsers } from '../backends/rest-backend.js';
import { OUTBOX_KINDS, type IopClient } from '../client.js';
import type { OutboxEntry } from '../storage/outbox.js';

/** The cache key of the check-ins kept on this device (with their notes), encrypted. */
export const LOCAL_CHECK_INS_KEY = 'check-ins:local';
/** How many check-ins this device keeps (about two months of daily check-ins). */
export const MAX_LOCAL_CHECK_INS = 60;

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
export * from './check-in-schemas.js';
