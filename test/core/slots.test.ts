import { expect } from '@open-wc/testing';
import {
  groupSlots,
  hasSoonSlot,
  nextDayIndex,
  nextSlotPosition,
  pickerDays,
  ROLE_FOR_KIND,
  type SlotDay,
} from '../../src/core/slots.js';
import { formatTime, timeZoneName } from '../../src/core/format.js';
import { CARE_TEAM } from '../../src/demo-data/seed.js';
import type { CareTeamMember, Slot, SlotKind } from '../../src/core/schemas.js';

const therapist = CARE_TEAM.alexTherapist as CareTeamMember;
const couples = CARE_TEAM.couplesTherapist as CareTeamMember;

function slot(start: string, clinician: CareTeamMember = therapist, kind: SlotKind = 'crisis-debrief'): Slot {
  const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
  return { id: `s-${start}`, start, end, clinician, kind, modality: 'telehealth' };
}

const ids = (days: SlotDay[]) => days.map((d) => [d.key, d.slots.map((s) => s.slot.start)]);

describe('core/slots', () => {
  it('maps each kind to its clinician role', () => {
    const table: [SlotKind, string][] = [
      ['crisis-debrief', 'individual-therapist'],
      ['couples', 'couples-therapist'],
      ['individual', 'individual-therapist'],
      ['substance-use', 'substance-use-counselor'],
    ];
    for (const [kind, role] of table) expect(ROLE_FOR_KIND[kind], kind).to.equal(role);
  });

  describe('grouping by day across daylight-saving changes', () => {
    // [zone, slot instant (UTC), expected local day, expected local time, expected zone name]
    const table: [string, string, string, string, string][] = [
      // US spring forward 2026-03-08 02:00 EST -> 03:00 EDT
      ['America/New_York', '2026-03-08T06:30:00Z', '2026-03-08', '1:30 AM', 'Eastern Standard Time'],
      ['America/New_York', '2026-03-08T07:30:00Z', '2026-03-08', '3:30 AM', 'Eastern Daylight Time'],
      ['America/New_York', '2026-03-08T04:30:00Z', '2026-03-07', '11:30 PM', 'Eastern Standard Time'],
      // US fall back 2026-11-01 02:00 EDT -> 01:00 EST: 1:30 AM happens twice
      ['America/New_York', '2026-11-01T05:30:00Z', '2026-11-01', '1:30 AM', 'Eastern Daylight Time'],
      ['America/New_York', '2026-11-01T06:30:00Z', '2026-11-01', '1:30 AM', 'Eastern Standard Time'],
      ['America/New_York', '2026-11-01T03:59:00Z', '2026-10-31', '11:59 PM', 'Eastern Daylight Time'],
      ['America/New_York', '2026-11-01T04:00:00Z', '2026-11-01', '12:00 AM', 'Eastern Daylight Time'],
      // EU spring forward 2026-03-29 01:00 UTC (02:00 CET -> 03:00 CEST)
      ['Europe/Berlin', '2026-03-29T00:30:00Z', '2026-03-29', '1:30 AM', 'Central European Standard Time'],
      ['Europe/Berlin', '2026-03-29T01:30:00Z', '2026-03-29', '3:30 AM', 'Central European Summer Time'],
      ['Europe/Berlin', '2026-03-28T22:30:00Z', '2026-03-28', '11:30 PM', 'Central European Standard Time'],
      // EU fall back 2026-10-25 01:00 UTC (03:00 CEST -> 02:00 CET)
      ['Europe/Berlin', '2026-10-25T00:30:00Z', '2026-10-25', '2:30 AM', 'Central European Summer Time'],
      ['Europe/Berlin', '2026-10-25T01:30:00Z', '2026-10-25', '2:30 AM', 'Central European Standard Time'],
      ['Europe/Berlin', '2026-10-24T22:30:00Z', '2026-10-25', '12:30 AM', 'Central European Summer Time'],
    ];
    for (const [zone, instant, day, time, name] of table) {
      it(`${instant} in ${zone} is ${day} ${time} ${name}`, () => {
        const days = groupSlots([slot(instant)], {
          kind: 'individual',
          timeZone: zone,
          now: new Date('2026-01-01T00:00:00Z'),
          withinHours: 24,
        });
        expect(days.map((d) => d.key)).to.deep.equal([day]);
        const at = new Date(instant);
        expect(formatTime(at, 'en', zone).replace(/\u202f/g, ' ')).to.equal(time);
        expect(timeZoneName(at, 'en', zone)).to.equal(name);
      });
    }

    it('puts the two 1:30 AMs of the US fall-back night in one day, in order', () => {
      const days = groupSlots([slot('2026-11-01T06:30:00Z'), slot('2026-11-01T05:30:00Z')], {
        kind: 'individual',
        timeZone: 'America/New_York',
        now: new Date('2026-10-31T00:00:00Z'),
        withinHours: 24,
      });
      expect(ids(days)).to.deep.equal([['2026-11-01', ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z']]]);
    });
  });

  describe('the crisis-debrief window', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    const unsorted = [
      slot('2026-11-29T15:00:00Z'),
      slot('2026-11-28T11:00:00Z'), // 23 h: inside
      slot('2026-11-27T11:00:00Z'), // past: dropped
      slot('2026-11-28T12:00:00Z'), // exactly 24 h: outside
      slot('2026-11-27T14:00:00Z'), // 2 h: inside
      slot('2026-11-27T16:00:00Z', couples), // wrong role: dropped
    ];
    const table: [SlotKind, number, string[][], boolean[]][] = [
      [
        'crisis-debrief',
        24,
        [['2026-11-27T14:00:00Z', '2026-11-28T11:00:00Z', '2026-11-28T12:00:00Z', '2026-11-29T15:00:00Z']],
        [true, true, false, false],
      ],
      [
        'crisis-debrief',
        1,
        [['2026-11-27T14:00:00Z', '2026-11-28T11:00:00Z', '2026-11-28T12:00:00Z', '2026-11-29T15:00:00Z']],
        [false, false, false, false],
      ],
      [
        'individual',
        24,
        [['2026-11-27T14:00:00Z', '2026-11-28T11:00:00Z', '2026-11-28T12:00:00Z', '2026-11-29T15:00:00Z']],
        [false, false, false, false],
      ],
    ];
    for (const [kind, withinHours, [order], soon] of table) {
      it(`${kind} within ${withinHours} h: order and marks`, () => {
        const days = groupSlots(unsorted, { kind, withinHours, now, timeZone: 'UTC' });
        const flat = days.flatMap((d) => d.slots);
        expect(flat.map((s) => s.slot.start)).to.deep.equal(order);
        expect(flat.map((s) => s.soon)).to.deep.equal(soon);
        expect(hasSoonSlot(days)).to.equal(soon.includes(true));
        expect(days.map((d) => d.key)).to.deep.equal(['2026-11-27', '2026-11-28', '2026-11-29']);
      });
    }

    it('keeps only the couples therapist for couples sessions', () => {
      const days = groupSlots(unsorted, { kind: 'couples', withinHours: 24, now, timeZone: 'UTC' });
      expect(ids(days)).to.deep.equal([['2026-11-27', ['2026-11-27T16:00:00Z']]]);
    });
  });

  describe('keyboard movement', () => {
    const days = groupSlots(
      [
        '2026-12-01T15:00:00Z',
        '2026-12-01T16:00:00Z',
        '2026-12-02T15:00:00Z',
        '2026-12-03T15:00:00Z',
        '2026-12-03T16:00:00Z',
      ].map((s) => slot(s)),
      { kind: 'individual', withinHours: 24, now: new Date('2026-11-27T00:00:00Z'), timeZone: 'UTC' },
    );
    // Days: 12-01 (two times), 12-02 (one), 12-03 (two). Positions are [day, time].
    const table: [[number, number], string, [number, number] | undefined][] = [
      [[0, 0], 'ArrowDown', [0, 1]],
      [[0, 0], 'ArrowRight', [0, 1]],
      [[0, 1], 'ArrowDown', [0, 1]], // the last time of the day: stays (PageDown goes on)
      [[0, 0], 'ArrowUp', [0, 0]],
      [[2, 1], 'ArrowLeft', [2, 0]],
      [[2, 1], 'Home', [2, 0]],
      [[2, 0], 'End', [2, 1]],
      [[0, 1], 'PageDown', [1, 0]],
      [[1, 0], 'PageDown', [2, 0]],
      [[2, 1], 'PageDown', [2, 0]],
      [[2, 1], 'PageUp', [1, 0]],
      [[0, 1], 'PageUp', [0, 0]],
      [[0, 0], 'a', undefined],
    ];
    for (const [[day, index], key, to] of table) {
      it(`${key} from day ${day} time ${index} goes to ${to ? `day ${to[0]} time ${to[1]}` : 'nowhere'}`, () =>
        expect(nextSlotPosition(days, { day, index }, key)).to.deep.equal(
          to && { day: to[0], index: to[1] },
        ));
    }
    it('does nothing without slots', () =>
      expect(nextSlotPosition([], { day: 0, index: 0 }, 'ArrowDown')).to.equal(undefined));
  });

  describe('day picker', () => {
    it('lists the calendar days from today in the zone, with their counts, across a daylight-saving change', () => {
      const days = groupSlots(
        ['2026-03-08T15:00:00Z', '2026-03-08T16:00:00Z'].map((s) => slot(s)),
        {
          kind: 'individual',
          withinHours: 24,
          now: new Date('2026-03-06T00:00:00Z'),
          timeZone: 'America/New_York',
        },
      );
      // 2026-03-06T00:00Z is still March 5 in New York; clocks spring forward on March 8.
      const picker = pickerDays(days, new Date('2026-03-06T04:30:00Z'), 5, 'America/New_York');
      expect(picker.map((d) => [d.key, d.count])).to.deep.equal([
        ['2026-03-05', 0],
        ['2026-03-06', 0],
        ['2026-03-07', 0],
        ['2026-03-08', 2],
        ['2026-03-09', 0],
      ]);
      expect(picker[3]!.date.getUTCDay(), 'March 8, 2026 is a Sunday').to.equal(0);
    });

    it('reaches the last day with times even past the range', () => {
      const days = groupSlots([slot('2026-12-20T15:00:00Z')], {
        kind: 'individual',
        withinHours: 24,
        now: new Date('2026-12-01T00:00:00Z'),
        timeZone: 'UTC',
      });
      const picker = pickerDays(days, new Date('2026-12-01T00:00:00Z'), 15, 'UTC');
      expect(picker).to.have.length(20);
      expect(picker.at(-1)).to.include({ key: '2026-12-20', count: 1 });
    });

    // 15 days in rows of 7: index 0-6, 7-13, 14.
    const moves: [number, string, number | undefined][] = [
      [0, 'ArrowRight', 1],
      [0, 'ArrowLeft', 0],
      [3, 'ArrowDown', 10],
      [10, 'ArrowDown', 14],
      [10, 'ArrowUp', 3],
      [2, 'ArrowUp', 0],
      [10, 'Home', 7],
      [8, 'End', 13],
      [14, 'End', 14],
      [4, 'PageDown', undefined],
    ];
    for (const [from, key, to] of moves) {
      it(`date grid: ${key} from ${from} goes to ${to}`, () =>
        expect(nextDayIndex(from, 15, key)).to.equal(to));
    }
  });
});
