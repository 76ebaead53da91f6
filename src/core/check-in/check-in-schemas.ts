/**
 * The check-in's wire schemas (POST /check-ins, GET /check-ins): plain data, no side effects, so the FHIR adapter's
 * own file can use them without the rest of the check-in. check-in.ts explains the privacy rules they enforce.
 */
import * as z from 'zod/mini';
import { isDateTime } from '../schemas.js';
import { RISK_LEVELS } from './instrument.js';

const str = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const dateTime = () =>
  z.string().check(z.refine(isDateTime, { error: 'an ISO 8601 date-time with offset', abort: true }));
/** A 0-10 scale (how I feel, cravings). */
const scale = () => z.int().check(z.gte(0), z.lte(10));

/** 1 to 40 characters: an item's linkId or an answer code. */
const isCode = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 40;

/**
 * The screener's answers that count: item linkId -> answer code (at most 50, the instrument's item limit). An object
 * checked by one refine rather than `z.record`, whose code would otherwise be added to every widget's file: the zod
 * code the other widgets already carry does this.
 */
const AnswersSchema = z.looseObject({}).check(
  z.refine(
    (v) => {
      const entries = Object.entries(v);
      return entries.length <= 50 && entries.every(([key, value]) => isCode(key) && isCode(value));
    },
    { error: 'item linkId -> answer code (1-40 characters each), at most 50' },
  ),
) as unknown as z.ZodMiniType<Record<string, string>>;

const fields = {
  id: str(1, 200),
  /** When the person finished it. */
  at: dateTime(),
  /** How I feel today: 0 (very bad) to 10 (very good). */
  mood: scale(),
  /** Cravings today, 0 (none) to 10 (strongest): asked only in substance-use care. */
  cravings: z.optional(scale()),
  /** Whether I used something from my safety plan. */
  usedPlan: z.boolean(),
  /** The journal note. Leaves the device only when `shareNote` is true. */
  note: z.optional(str(1, 2000)),
  shareNote: z.boolean(),
  /** The partner may see this day's mood (nothing else). */
  shareMoodWithPartner: z.boolean(),
};

/** `note` only with `shareNote`: a note the person kept private can never be in what is sent. */
const noteOnlyWhenShared = z.refine<{ note?: string; shareNote: boolean }>((v) => !v.note || v.shareNote, {
  message: 'a note is sent only when shareNote is true',
  path: ['note'],
});

/** POST /check-ins body (idempotent by `id`): what the care team receives. */
export const CheckInSubmissionSchema = z
  .object({
    ...fields,
    /** The instrument the answers belong to: its canonical URL and version. */
    instrument: z.object({ url: str(1, 500), version: str(1, 100) }),
    answers: AnswersSchema,
    /** The triage the kit acted on, by the instrument's published rules (the server may check it). */
    risk: z.enum(RISK_LEVELS),
  })
  .check(noteOnlyWhenShared);
export type CheckInSubmission = z.infer<typeof CheckInSubmissionSchema>;

/** A check-in as this device keeps it: what was sent, with the note even when it was kept private. */
export type CheckIn = Omit<CheckInSubmission, 'note'> & { note?: string };
export const CheckInSchema = z.object({
  ...CheckInSubmissionSchema.shape,
});

/** One of my earlier check-ins, as GET /check-ins returns it (no screener answers, no triage). */
export const CheckInSummarySchema = z.object(fields);
export type CheckInSummary = z.infer<typeof CheckInSummarySchema>;

/** A day's mood the partner chose to share: nothing else. */
export const PartnerMoodSchema = z.object({ at: dateTime(), mood: scale() });
export type PartnerMood = z.infer<typeof PartnerMoodSchema>;

/** GET /check-ins?since: my check-ins since then, and my partner's shared moods. */
export const CheckInHistorySchema = z.object({
  /** When the care team reads check-ins, in the participant's language, e.g. "within one business day". */
  readSchedule: z.optional(str(1, 500)),
  checkIns: z.array(CheckInSummarySchema).check(z.maxLength(400)),
  /** Present when the participant has a partner in the program. */
  partner: z.optional(
    z.object({
      displayName: str(1, 200),
      moods: z.array(PartnerMoodSchema).check(z.maxLength(400)),
    }),
  ),
});
export type CheckInHistory = z.infer<typeof CheckInHistorySchema>;
