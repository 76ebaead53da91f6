/**
 * The check-in's wire schemas (POST /check-ins, GET /check-ins): plain data, no side effects, so the FHIR adapter's
 * own file can use them without the rest of the check-in. check-in.ts explains the privacy rules they enforce.
 */
import * as v from 'valibot';
import { isDateTime } from '../schemas.js';
import { RISK_LEVELS } from './instrument.js';

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

const submissionEntries = {
  ...fields,
  /** The instrument the answers belong to: its canonical URL and version. */
  instrument: v.object({ url: str(1, 500), version: str(1, 100) }),
  answers: AnswersSchema,
  /** The triage the kit acted on, by the instrument's published rules (the server may check it). */
  risk: v.picklist(RISK_LEVELS),
};

/** POST /check-ins body (idempotent by `id`): what the care team receives. */
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
export const CheckInSchema = v.object(submissionEntries);

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
