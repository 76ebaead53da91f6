/**
 * The C-SSRS Screener as data: its published wording and order, its skip logic ("Ask 1 and 2; if YES to 2, ask
 * 3, 4, 5, then 6; if NO to 2, go to 6"; 6b only after YES to 6), and every triage rule (DOMAIN.md), answered one
 * question at a time as a person would: the next question is always the one the screener asks.
 */
import { expect } from '@open-wc/testing';
import {
  CSSRS_SCREENER_RECENT as SCREENER,
  parseInstrument,
  type Instrument,
} from '../../src/core/check-in/instrument.js';
import { askedItems, nextItem, triage, type Answers } from '../../src/core/check-in/screener.js';
import { SchemaError } from '../../src/core/errors.js';

/**
 * Answers the screener in order: each answer goes to the question `nextItem` asks, and the item ids asked are
 * returned with the level after each answer.
 */
function answer(...said: ('yes' | 'no')[]) {
  const answers: Record<string, string> = {};
  const asked: string[] = [];
  const levels: string[] = [];
  for (const word of said) {
    const item = nextItem(SCREENER, answers);
    if (!item) throw new Error(`no question left for "${word}"`);
    asked.push(item.linkId);
    answers[item.linkId] = word;
    levels.push(triage(SCREENER, answers));
  }
  return { asked, levels, done: nextItem(SCREENER, answers) === undefined, answers };
}

describe('the C-SSRS Screener (recent)', () => {
  it('is the published wording, in order, as DOMAIN.md transcribes it', () => {
    expect(SCREENER.item.map((i) => [i.linkId, i.text])).to.deep.equal([
      ['1', 'Have you wished you were dead or wished you could go to sleep and not wake up?'],
      ['2', 'Have you actually had any thoughts of killing yourself?'],
      ['3', 'Have you been thinking about how you might do this?'],
      ['4', 'Have you had these thoughts and had some intention of acting on them?'],
      [
        '5',
        'Have you started to work out or worked out the details of how to kill yourself? Do you intend to carry out this plan?',
      ],
      [
        '6',
        'Have you ever done anything, started to do anything, or prepared to do anything to end your life?',
      ],
      ['6b', 'If YES: was this within the past 3 months?'],
    ]);
    expect(SCREENER.item[5]!.help).to.equal(
      '(examples: collected pills, obtained a gun, gave away valuables, wrote a will or suicide note, held a gun but changed your mind, cut yourself but did not, went to the roof but did not jump)',
    );
    expect(SCREENER.item.slice(0, 5).every((i) => i.period === 'past-month')).to.equal(true);
    expect(parseInstrument(SCREENER)).to.deep.equal(SCREENER);
  });

  it('NO to 2 goes to 6: items 3, 4 and 5 are not asked', () => {
    const { asked, done } = answer('no', 'no', 'no');
    expect(asked).to.deep.equal(['1', '2', '6']);
    expect(done).to.equal(true);
  });

  it('YES to 2 asks 3, 4, 5, then 6', () => {
    expect(answer('no', 'yes', 'no', 'no', 'no', 'no')).to.include({ done: true });
    expect(answer('no', 'yes', 'no', 'no', 'no', 'no').asked).to.deep.equal(['1', '2', '3', '4', '5', '6']);
  });

  it('YES to 6 asks whether it was within the past 3 months', () => {
    expect(answer('no', 'no', 'yes', 'no').asked).to.deep.equal(['1', '2', '6', '6b']);
  });

  it('none: NO to everything asked', () => {
    expect(answer('no', 'no', 'no').levels).to.deep.equal(['none', 'none', 'none']);
  });

  it('low: YES to 1 only, or YES to 2 only', () => {
    expect(answer('yes', 'no', 'no').levels.at(-1)).to.equal('low');
    expect(answer('no', 'yes', 'no', 'no', 'no', 'no').levels.at(-1)).to.equal('low');
    expect(answer('yes', 'yes', 'no', 'no', 'no', 'no').levels.at(-1)).to.equal('low');
  });

  it('moderate: YES to 3, or behaviour more than 3 months ago', () => {
    expect(answer('yes', 'yes', 'yes', 'no', 'no', 'no').levels.at(-1)).to.equal('moderate');
    expect(answer('no', 'no', 'yes', 'no').levels.at(-1)).to.equal('moderate');
  });

  it('high: YES to 4 or to 5, at the moment it is given, before the screen is finished', () => {
    const four = answer('yes', 'yes', 'no', 'yes');
    expect(four.levels).to.deep.equal(['low', 'low', 'low', 'high']);
    expect(four.done).to.equal(false);
    const five = answer('yes', 'yes', 'yes', 'no', 'yes');
    expect(five.levels).to.deep.equal(['low', 'low', 'moderate', 'moderate', 'high']);
  });

  it('high: behaviour within the past 3 months', () => {
    const { levels, done } = answer('no', 'no', 'yes', 'yes');
    expect(levels).to.deep.equal(['none', 'none', 'moderate', 'high']);
    expect(done).to.equal(true);
  });

  it('an earlier answer changed from YES to NO takes back the questions it opened, and their answers', () => {
    const { answers } = answer('yes', 'yes', 'no', 'yes');
    expect(triage(SCREENER, answers)).to.equal('high');
    const changed: Answers = { ...answers, '2': 'no' };
    expect(askedItems(SCREENER, changed).map((i) => i.linkId)).to.deep.equal(['1', '2', '6']);
    expect(triage(SCREENER, changed)).to.equal('low');
    expect(nextItem(SCREENER, changed)?.linkId).to.equal('6');
  });
});

describe('an instrument from the backend', () => {
  const copy = (): Instrument => structuredClone(SCREENER);
  const refused = (data: unknown) => {
    try {
      parseInstrument(data, 'GET /check-ins/instrument');
    } catch (error) {
      expect(error).to.be.instanceOf(SchemaError);
      return (error as SchemaError).path;
    }
    throw new Error('accepted');
  };

  it('refuses skip logic that points at a later or unknown item, or at an answer it does not have', () => {
    const later = copy();
    later.item[2]!.enableWhen = [{ question: '6', answer: 'yes' }];
    expect(refused(later)).to.equal('item[2].enableWhen[0].question');
    const unknownAnswer = copy();
    unknownAnswer.item[2]!.enableWhen = [{ question: '2', answer: 'maybe' }];
    expect(refused(unknownAnswer)).to.equal('item[2].enableWhen[0].answer');
  });

  it('refuses a repeated item id, triage out of order, and triage on an unknown item', () => {
    const twice = copy();
    twice.item[1]!.linkId = '1';
    expect(refused(twice)).to.equal('item[1].linkId');
    const order = copy();
    order.triage.reverse();
    expect(refused(order)).to.equal('triage[1].level');
    const unknown = copy();
    unknown.triage[0]!.anyOf.push({ question: '9', answer: 'yes' });
    expect(refused(unknown)).to.equal('triage[0].anyOf[3].question');
  });

  it('refuses a wrong shape with the path: an item with one answer option, a level it does not know', () => {
    const one = copy();
    one.item[0]!.answerOption = [{ code: 'yes', display: 'Yes' }];
    expect(refused(one)).to.equal('item[0].answerOption');
    expect(
      refused({ ...copy(), triage: [{ level: 'severe', anyOf: [{ question: '1', answer: 'yes' }] }] }),
    ).to.equal('triage[0].level');
  });

  it('a licensed translation is used as given: its own words, its own language', () => {
    const translated = copy();
    translated.language = 'es';
    translated.item[0]!.text = 'Texto de la traducción con licencia, pregunta 1';
    const parsed = parseInstrument(translated);
    expect(parsed.language).to.equal('es');
    expect(nextItem(parsed, {})?.text).to.equal('Texto de la traducción con licencia, pregunta 1');
  });
});
