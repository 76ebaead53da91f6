import type { CheckIn } from '../../src/core/check-in/check-in.js';
import { CSSRS_SCREENER_RECENT } from '../../src/core/check-in/instrument.js';

/**
 * A check-in as a person makes it, with a fresh id and now as its time: a moderate screen (yes to 1-3), cravings,
 * a note kept private and the mood shared with the partner. Tests override what they are about.
 */
export const aCheckIn = (over: Partial<CheckIn> = {}): CheckIn => ({
  id: `ci-${crypto.randomUUID()}`,
  at: new Date().toISOString(),
  mood: 4,
  cravings: 6,
  usedPlan: true,
  note: 'A private line about a hard evening',
  shareNote: false,
  shareMoodWithPartner: true,
  instrument: { url: CSSRS_SCREENER_RECENT.url, version: CSSRS_SCREENER_RECENT.version },
  answers: { '1': 'yes', '2': 'yes', '3': 'yes', '4': 'no', '5': 'no', '6': 'no' },
  risk: 'moderate',
  ...over,
});
