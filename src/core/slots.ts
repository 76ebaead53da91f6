/**
 * Pure scheduling logic for `<iop-follow-up-scheduler>`: which clinician role a kind of session is with, and
 * how free slots are ordered, marked and grouped by calendar day in the patient's time zone.
 */
import { dayKey } from './format.js';
import type { CareTeamRole, Slot, SlotKind } from './schemas.js';

/** The clinician role each kind of session is with (DESIGN.md: couples with the couples therapist, ...). */
export const ROLE_FOR_KIND: Readonly<Record<SlotKind, CareTeamRole>> = {
  'crisis-debrief': 'individual-therapist',
  couples: 'couples-therapist',
  individual: 'individual-therapist',
  'substance-use': 'substance-use-counselor',
};

/** A slot as shown: `soon` marks a crisis debrief inside the window. */
export interface ShownSlot {
  slot: Slot;
  soon: boolean;
}

/** One calendar day (YYYY-MM-DD in the time zone) and its slots in the order they are shown. */
export interface SlotDay {
  key: string;
  slots: ShownSlot[];
}

export interface GroupOptions {
  kind: SlotKind;
  timeZone: string;
  now: Date;
  /** The crisis-debrief window in hours (slots starting before now + this are `soon`). */
  withinHours: number;
}

/**
 * Keeps the future slots with the kind's clinician role, marks the crisis-debrief slots inside the window,
 * puts them first (then by start time) and groups them by calendar day in `timeZone`.
 */
export function groupSlots(slots: readonly Slot[], options: GroupOptions): SlotDay[] {
  const now = options.now.getTime();
  const windowEnd = now + options.withinHours * 3600e3;
  const debrief = options.kind === 'crisis-debrief';
  const shown = slots
    .map((slot) => ({ slot, at: Date.parse(slot.start) }))
    .filter(({ slot, at }) => at > now && slot.clinician.role === ROLE_FOR_KIND[options.kind])
    .map(({ slot, at }) => ({ slot, at, soon: debrief && at < windowEnd }))
    // Soon first; within each part by start time. Sorting again keeps a backend's unsorted list in order.
    .sort((a, b) => +b.soon - +a.soon || a.at - b.at);
  const days: SlotDay[] = [];
  for (const { slot, soon, at } of shown) {
    const item = { slot, soon };
    const key = dayKey(new Date(at), options.timeZone);
    const last = days[days.length - 1];
    if (last?.key === key) last.slots.push(item);
    else days.push({ key, slots: [item] });
  }
  return days;
}

/** Whether any shown slot is inside the crisis-debrief window. */
export function hasSoonSlot(days: readonly SlotDay[]): boolean {
  return days.some((day) => day.slots.some((s) => s.soon));
}

/** Where a slot is in the shown list: which day (index into the days that have times) and which time in it. */
export interface SlotPosition {
  day: number;
  index: number;
}

/**
 * Where keyboard focus goes in the listbox of one day's times, or undefined when the key does not move it.
 * Arrows and Home/End stay within the day; PageUp/PageDown go to the first time of the previous/next day with
 * times, so the whole range stays reachable from the listbox alone.
 */
export function nextSlotPosition(
  days: readonly SlotDay[],
  at: SlotPosition,
  key: string,
): SlotPosition | undefined {
  const last = (days[at.day]?.slots.length ?? 0) - 1;
  if (last < 0) return undefined;
  const within = (index: number) => ({ day: at.day, index: Math.max(0, Math.min(last, index)) });
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return within(at.index + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return within(at.index - 1);
    case 'Home':
      return within(0);
    case 'End':
      return within(last);
    case 'PageDown':
      return { day: Math.min(at.day + 1, days.length - 1), index: 0 };
    case 'PageUp':
      return { day: Math.max(at.day - 1, 0), index: 0 };
    default:
      return undefined;
  }
}

/** One day of the day picker: its calendar date and how many open times it has. */
export interface PickerDay {
  /** YYYY-MM-DD, as SlotDay.key. */
  key: string;
  /** Noon UTC of that calendar date: format it with `timeZone: 'UTC'` to name the day in any zone. */
  date: Date;
  count: number;
}

/**
 * The calendar days from `from`'s date in `timeZone` for `count` days, extended to the last day that has times,
 * each with its number of open times. Calendar arithmetic on dates, not 24-hour steps, so a daylight-saving
 * change never skips or repeats a day.
 */
export function pickerDays(
  days: readonly SlotDay[],
  from: Date,
  count: number,
  timeZone: string,
): PickerDay[] {
  const [y, m, d] = dayKey(from, timeZone).split('-').map(Number) as [number, number, number];
  const counts = new Map(days.map((day) => [day.key, day.slots.length]));
  const lastKey = days.at(-1)?.key ?? '';
  const picker: PickerDay[] = [];
  for (let i = 0; i < count || (picker.at(-1)?.key ?? '') < lastKey; i++) {
    const date = new Date(Date.UTC(y, m - 1, d + i, 12));
    const key = date.toISOString().slice(0, 10);
    picker.push({ key, date, count: counts.get(key) ?? 0 });
  }
  return picker;
}

/**
 * Where focus goes in the day grid (rows of 7 days) for a key, as the APG date grid does: arrows by a day or a
 * week, Home/End to the start/end of the row. Undefined when the key does not move it.
 */
export function nextDayIndex(index: number, total: number, key: string): number | undefined {
  const clamp = (i: number) => Math.max(0, Math.min(total - 1, i));
  const rowStart = index - (index % 7);
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return clamp(index + 7);
    case 'ArrowUp':
      return clamp(index - 7);
    case 'Home':
      return rowStart;
    case 'End':
      return clamp(rowStart + 6);
    default:
      return undefined;
  }
}
