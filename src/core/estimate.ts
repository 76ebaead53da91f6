/**
 * What a member pays for one in-network service under a PPO plan. Money is integer cents from end to end;
 * only formatMoney turns it into text.
 */
import type { CostShare } from './schemas.js';

export interface EstimateInput {
  /** The plan's allowed amount for the service, in cents. */
  allowedCents: number;
  /** The service's in-network cost share. */
  costShare: Pick<CostShare, 'copayCents' | 'coinsurancePct' | 'deductibleApplies'>;
  /** Deductible still to pay this plan year (total minus met), in cents. */
  deductibleRemainingCents: number;
  /** Out-of-pocket maximum still to reach this plan year (total minus met), in cents. */
  outOfPocketRemainingCents: number;
}

export interface EstimateBreakdown {
  /** Paid toward the deductible. */
  deductibleCents: number;
  /** The copay (never more than what is left after the deductible). */
  copayCents: number;
  /** The coinsurance share of what is left after the deductible and the copay. */
  coinsuranceCents: number;
  /** How much the out-of-pocket maximum took off the sum of the three above. */
  cappedByOutOfPocketCents: number;
}

export interface Estimate {
  memberPaysCents: number;
  planPaysCents: number;
  breakdown: EstimateBreakdown;
}

/**
 * Estimates what the member pays for one service, in integer cents:
 * 1. the deductible first, when it applies: the smaller of the allowed amount and the deductible left;
 * 2. then the copay on what is left (never more than what is left);
 * 3. then the coinsurance percentage of what is left after that (so "copay plus coinsurance" works);
 * 4. the sum is capped by the out-of-pocket maximum left; the plan pays the rest of the allowed amount.
 *
 * Rounding: the coinsurance is the only step that can make fractions of a cent. The percentage is taken to
 * 1/100 of a percent and the share is rounded half up to the cent (12.5 cents -> 13 cents), in integer
 * arithmetic, so no floating-point error can shift a cent.
 *
 * @throws {RangeError} for a negative or non-integer amount, or a coinsurance outside 0..100.
 */
export function estimateMemberPays(input: EstimateInput): Estimate {
  const { allowedCents, costShare, deductibleRemainingCents, outOfPocketRemainingCents } = input;
  const pct = costShare.coinsurancePct ?? 0;
  for (const cents of [
    allowedCents,
    deductibleRemainingCents,
    outOfPocketRemainingCents,
    costShare.copayCents ?? 0,
  ])
    if (!(Number.isInteger(cents) && cents >= 0)) throw new RangeError(`Not cents: ${cents}`);
  if (!(pct >= 0 && pct <= 100)) throw new RangeError(`Not a percent: ${pct}`);

  const deductibleCents = costShare.deductibleApplies ? Math.min(allowedCents, deductibleRemainingCents) : 0;
  const copayCents = Math.min(costShare.copayCents ?? 0, allowedCents - deductibleCents);
  const rest = allowedCents - deductibleCents - copayCents;
  // Hundredths of a percent: rest * bp / 10_000 stays an exact integer product (< 2^53 for any plan amount).
  const bp = Math.round(pct * 100);
  const coinsuranceCents = Math.floor((rest * bp + 5_000) / 10_000);
  const total = deductibleCents + copayCents + coinsuranceCents;
  const memberPaysCents = Math.min(total, outOfPocketRemainingCents);
  return {
    memberPaysCents,
    planPaysCents: allowedCents - memberPaysCents,
    breakdown: {
      deductibleCents,
      copayCents,
      coinsuranceCents,
      cappedByOutOfPocketCents: total - memberPaysCents,
    },
  };
}

/**
 * Dollars typed by a person ("250", "$1,250.50", "250,5") as integer cents, or undefined when it is not an
 * amount. A comma followed by one or two digits at the end is a decimal comma; otherwise commas group thousands.
 * Amounts above $10,000,000 are refused.
 */
export function parseDollars(text: string): number | undefined {
  let s = text.trim().replace(/^\$\s*/, '');
  if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  const cents = Number(m[1]!.replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return cents <= 1e9 ? cents : undefined;
}
