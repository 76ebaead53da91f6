/**
 * A screening instrument as data, shaped like a FHIR Questionnaire (items with answer options and
 * `enableWhen` skip logic) plus the instrument's published triage rules. The kit ships one (the C-SSRS
 * Screener, below); a backend may supply another, or a licensed translation, from `GET /check-ins/instrument`.
 * An instrument is parsed with valibot and then checked as a whole (`parseInstrument`): every reference points at an
 * earlier item and an answer it has, so a bad instrument is refused with a path, never half used.
 */
import * as v from 'valibot';
import { SchemaError, parseWith } from '../errors.js';

/** What the person is shown next. The kit never shows the level itself: only what it means to do. */
export const RISK_LEVELS = ['none', 'low', 'moderate', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

const code = () => v.pipe(v.string(), v.minLength(1), v.maxLength(40));
const words = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
/** An array of `min` to `max` items. */
const list = <T extends v.GenericSchema>(item: T, min: number, max: number) =>
  v.pipe(v.array(item), v.minLength(min), v.maxLength(max));

/** "Ask this item when `question` was answered `answer`" (FHIR `enableWhen` with operator `=`). */
const ConditionSchema = v.object({ question: code(), answer: code() });
export type Condition = v.InferOutput<typeof ConditionSchema>;

const AnswerOptionSchema = v.object({ code: code(), display: words(200) });

const ItemSchema = v.object({
  linkId: code(),
  /** The instrument's own wording, in `language`. */
  text: words(1000),
  /** Examples printed with the question (item 6 of the C-SSRS Screener). */
  help: v.optional(words(1000)),
  /** The time the question asks about, which the kit says in the person's language. */
  period: v.optional(v.picklist(['past-month', 'lifetime', 'past-3-months'])),
  answerOption: list(AnswerOptionSchema, 2, 10),
  /** Asked only when any of these holds (FHIR `enableBehavior: any`); always asked without it. */
  enableWhen: v.optional(list(ConditionSchema, 1, 20)),
});
export type InstrumentItem = v.InferOutput<typeof ItemSchema>;

/** One published triage rule: the level when any of its conditions holds. Rules are read highest first. */
const TriageRuleSchema = v.object({
  level: v.picklist(['low', 'moderate', 'high']),
  anyOf: list(ConditionSchema, 1, 20),
});
export type TriageRule = v.InferOutput<typeof TriageRuleSchema>;

export const InstrumentSchema = v.object({
  /** The canonical URL (the FHIR Questionnaire's `url`), stored with every answer set. */
  url: words(500),
  version: words(100),
  title: words(200),
  /** The language the items are worded in (BCP 47), which may differ from the person's. */
  language: words(35),
  /** Where the wording comes from, and the terms it may be used under. */
  source: words(1000),
  item: list(ItemSchema, 1, 50),
  triage: v.pipe(v.array(TriageRuleSchema), v.maxLength(20)),
});
export type Instrument = v.InferOutput<typeof InstrumentSchema>;

/**
 * Parses an instrument and checks it as a whole: unique item ids; every condition (skip logic and triage)
 * names an earlier item (for skip logic) or any item (for triage) and one of its answer codes; triage rules
 * from the highest level down. Throws a SchemaError naming the first problem.
 */
export function parseInstrument(data: unknown, what = 'instrument'): Instrument {
  const instrument = parseWith(InstrumentSchema, data, what);
  const seen = new Map<string, Set<string>>();
  const check = (condition: Condition, path: string, known: Map<string, Set<string>>) => {
    const answers = known.get(condition.question);
    if (!answers) throw new SchemaError(`${path}.question`, 'the linkId of an earlier item', what);
    if (!answers.has(condition.answer))
      throw new SchemaError(`${path}.answer`, `an answer code of item ${condition.question}`, what);
  };
  instrument.item.forEach((item, i) => {
    if (seen.has(item.linkId)) throw new SchemaError(`item[${i}].linkId`, 'a linkId used once', what);
    item.enableWhen?.forEach((c, j) => check(c, `item[${i}].enableWhen[${j}]`, seen));
    seen.set(item.linkId, new Set(item.answerOption.map((o) => o.code)));
  });
  let last: number = RISK_LEVELS.length;
  instrument.triage.forEach((rule, i) => {
    const rank = RISK_LEVELS.indexOf(rule.level);
    if (rank > last) throw new SchemaError(`triage[${i}].level`, 'rules from the highest level down', what);
    last = rank;
    rule.anyOf.forEach((c, j) => check(c, `triage[${i}].anyOf[${j}]`, seen));
  });
  return instrument;
}

const YES_NO = [
  { code: 'yes', display: 'Yes' },
  { code: 'no', display: 'No' },
];
const yes = (question: string): Condition => ({ question, answer: 'yes' });

/**
 * The Columbia Suicide Severity Rating Scale (C-SSRS) Screener, "recent" version: the wording, order, skip logic
 * and triage as ../shared/DOMAIN.md transcribes them from Columbia's screener (cssrs.columbia.edu; NINDS lists
 * the file as "C-SSRS-Screener-recent-with-triage-colors-2021"). The "since last contact" version is not shipped:
 * its exact wording could not be checked against Columbia's own material (see the check-in docs).
 * Items 1-5 ask about the past month; item 6 about a lifetime, then whether it was within the past 3 months.
 */
export const CSSRS_SCREENER_RECENT: Instrument = {
  // The kit's own identifier: Columbia publishes no canonical Questionnaire URL for the screener.
  url: 'urn:iop-kit:instrument:cssrs-screener-recent',
  version: 'C-SSRS-Screener-recent-with-triage-colors-2021',
  title: 'Columbia Suicide Severity Rating Scale (C-SSRS) Screener, recent',
  language: 'en',
  source:
    'Columbia Suicide Severity Rating Scale Screener, recent version, The Columbia Lighthouse Project ' +
    '(cssrs.columbia.edu); offered by Columbia at no cost for clinical and public-health use.',
  item: [
    {
      linkId: '1',
      period: 'past-month',
      text: 'Have you wished you were dead or wished you could go to sleep and not wake up?',
      answerOption: YES_NO,
    },
    {
      linkId: '2',
      period: 'past-month',
      text: 'Have you actually had any thoughts of killing yourself?',
      answerOption: YES_NO,
    },
    {
      linkId: '3',
      period: 'past-month',
      text: 'Have you been thinking about how you might do this?',
      answerOption: YES_NO,
      enableWhen: [yes('2')],
    },
    {
      linkId: '4',
      period: 'past-month',
      text: 'Have you had these thoughts and had some intention of acting on them?',
      answerOption: YES_NO,
      enableWhen: [yes('2')],
    },
    {
      linkId: '5',
      period: 'past-month',
      text:
        'Have you started to work out or worked out the details of how to kill yourself? ' +
        'Do you intend to carry out this plan?',
      answerOption: YES_NO,
      enableWhen: [yes('2')],
    },
    {
      linkId: '6',
      period: 'lifetime',
      text: 'Have you ever done anything, started to do anything, or prepared to do anything to end your life?',
      help:
        '(examples: collected pills, obtained a gun, gave away valuables, wrote a will or suicide note, held a ' +
        'gun but changed your mind, cut yourself but did not, went to the roof but did not jump)',
      answerOption: YES_NO,
    },
    {
      linkId: '6b',
      period: 'past-3-months',
      text: 'If YES: was this within the past 3 months?',
      answerOption: YES_NO,
      enableWhen: [yes('6')],
    },
  ],
  // Columbia's triage: YES to 4 or 5, or behaviour in the past 3 months: high. YES to 3, or behaviour more than
  // 3 months ago: moderate. YES to 1 or 2 only: low. Read highest first, so "6 yes" is moderate only when 6b is no.
  triage: [
    { level: 'high', anyOf: [yes('4'), yes('5'), yes('6b')] },
    { level: 'moderate', anyOf: [yes('3'), yes('6')] },
    { level: 'low', anyOf: [yes('1'), yes('2')] },
  ],
};
