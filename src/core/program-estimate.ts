/**
 * What a member pays for a whole program (N days a week for M weeks of one per-day service, e.g. IOP S9480),
 * in integer cents: estimateMemberPays day by day, carrying what is left of the deductible and of the
 * out-of-pocket maximum from one day to the next.
 */
import { estimateMemberPays, type EstimateInput } from './estimate.js';

export interface ProgramInput extends Omit<EstimateInput, 'outOfPocketRemainingCents'> {
  /** What is left of the out-of-pocket maximum; leave it out when nothing caps the cost (out-of-network care
   * usually does not count toward the maximum). */
  outOfPocketRemainingCents?: number;
  daysPerWeek: number;
  weeks: number;
}

export interface ProgramEstimate {
  /** What the member pays in all, and the plan. */
  memberPaysCents: number;
  planPaysCents: number;
  /** What the member pays in each week, in order. */
  weekCents: number[];
  /** The day (1 = the first day of the program) on which the deductible is met: 0 when it was met before the
   * program starts or does not apply; undefined when the program does not reach it. */
  deductibleMetDay?: number;
  /** The day on which the out-of-pocket maximum is reached, after which the member pays nothing more: 0 when
   * it was reached before the program; undefined when it is not reached. */
  capDay?: number;
}

/**
 * @throws {RangeError} for days a week outside 1..7, weeks outside 1..52, or what estimateMemberPays refuses.
 */
export function estimateProgram(input: ProgramInput): ProgramEstimate {
  const { daysPerWeek, weeks } = input;
  const whole = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
  if (!(whole(daysPerWeek, 7) && whole(weeks, 52)))
    throw new RangeError(`Not a program: ${daysPerWeek} days a week for ${weeks} weeks`);
  const days = daysPerWeek * weeks;
  const capped = input.outOfPocketRemainingCents !== undefined;
  let ded = input.costShare.deductibleApplies ? input.deductibleRemainingCents : 0;
  let oop = capped ? input.outOfPocketRemainingCents! : Number.MAX_SAFE_INTEGER;
  const result: ProgramEstimate = {
    memberPaysCents: 0,
    planPaysCents: 0,
    weekCents: [],
    deductibleMetDay: ded ? undefined : 0,
    capDay: capped && !oop ? 0 : undefined,
  };
  for (let day = 1; day <= days; day++) {
    const e = estimateMemberPays({ ...input, deductibleRemainingCents: ded, outOfPocketRemainingCents: oop });
    const week = Math.ceil(day / daysPerWeek) - 1;
    result.weekCents[week] = (result.weekCents[week] ?? 0) + e.memberPaysCents;
    result.memberPaysCents += e.memberPaysCents;
    result.planPaysCents += e.planPaysCents;
    ded -= e.breakdown.deductibleCents;
    oop -= e.memberPaysCents;
    // The deductible is met only when the day's own deductible share was paid (the cap can cut it short).
    if (!ded && result.deductibleMetDay === undefined && !e.breakdown.cappedByOutOfPocketCents)
      result.deductibleMetDay = day;
    if (capped && !oop && result.capDay === undefined) result.capDay = day;
  }
  return result;
}
