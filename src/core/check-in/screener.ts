/**
 * Walking an instrument as a person answers it: which questions are asked (skip logic), which comes next, and
 * the triage level by the instrument's published rules. Plain data in, plain data out, the same online and
 * offline, so the widget can act on a high-risk answer in the same moment it is given.
 */
import type { Condition, Instrument, InstrumentItem, RiskLevel } from './instrument.js';

/** The person's answers so far: item linkId -> answer code. */
export type Answers = Readonly<Record<string, string>>;

const holds = (condition: Condition, answers: Answers) => answers[condition.question] === condition.answer;

/**
 * The items asked, in order, given the answers so far: an item with `enableWhen` is asked when any of its
 * conditions holds on an answer to an item that is itself asked. Answers to items no longer asked (the
 * person went back and changed an earlier answer) count for nothing.
 */
export function askedItems(instrument: Instrument, answers: Answers): InstrumentItem[] {
  const asked: InstrumentItem[] = [];
  const live: Record<string, string> = {};
  for (const item of instrument.item) {
    if (item.enableWhen && !item.enableWhen.some((c) => holds(c, live))) continue;
    asked.push(item);
    const answer = answers[item.linkId];
    if (answer !== undefined) live[item.linkId] = answer;
  }
  return asked;
}

/** Only the answers that count: those to items still asked. */
export function liveAnswers(instrument: Instrument, answers: Answers): Record<string, string> {
  const live: Record<string, string> = {};
  for (const item of askedItems(instrument, answers)) {
    const answer = answers[item.linkId];
    if (answer !== undefined) live[item.linkId] = answer;
  }
  return live;
}

/** The next question to ask, or undefined when every asked item has an answer. */
export function nextItem(instrument: Instrument, answers: Answers): InstrumentItem | undefined {
  return askedItems(instrument, answers).find((item) => answers[item.linkId] === undefined);
}

/**
 * The triage level: the first rule (highest first) with a condition that holds on the answers that count,
 * else `none`. It may be read before the screen is finished: a high-risk answer acts at once.
 */
export function triage(instrument: Instrument, answers: Answers): RiskLevel {
  const live = liveAnswers(instrument, answers);
  return instrument.triage.find((rule) => rule.anyOf.some((c) => holds(c, live)))?.level ?? 'none';
}
