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
    .filter((s) => Date.parse(s.start) > now && s.clinician.role === ROLE_FOR_KIND[options.kind])
    .map((slot) => ({ slot, soon: debrief && Date.parse(slot.start) < windowEnd }))
    // Soon first; within each part by start time. Sorting again keeps a backend's unsorted list in order.
    .sort((a, b) => +b.soon - +a.soon || Date.parse(a.slot.start) - Date.parse(b.slot.start));
  const days: SlotDay[] = [];
  for (const item of shown) {
    const key = dayKey(new Date(item.slot.start), options.timeZone);
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

/**
 * Where keyboard focus goes in the slot list (flat index over all days) for a key, or undefined when the key
 * does not move it. PageUp/PageDown go to the first slot of the previous/next day.
 */
export function nextSlotIndex(days: readonly SlotDay[], index: number, key: string): number | undefined {
  const starts: number[] = [];
  let total = 0;
  for (const day of days) {
    starts.push(total);
    total += day.slots.length;
  }
  if (!total) return undefined;
  let day = starts.length - 1;
  while (starts[day]! > index) day--;
  const clamp = (i: number) => Math.max(0, Math.min(total - 1, i));
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    case 'PageDown':
      return starts[Math.min(day + 1, starts.length - 1)];
    case 'PageUp':
      return starts[Math.max(day - 1, 0)];
    default:
      return undefined;
  }
}
