import { expect } from '@open-wc/testing';
import { estimateProgram, type ProgramInput } from '../../src/core/program-estimate.js';

const coins = (coinsurancePct: number, deductibleApplies = true, copayCents?: number) => ({
  coinsurancePct,
  deductibleApplies,
  copayCents,
});

// Every expected figure below is worked by hand in the comments, in cents, day by day.
describe('estimateProgram', () => {
  it('deductible crossing inside one day (IOP day $350, 20% coinsurance)', () => {
    const input: ProgramInput = {
      allowedCents: 35_000,
      costShare: coins(20),
      deductibleRemainingCents: 80_000,
      outOfPocketRemainingCents: 523_000,
      daysPerWeek: 3,
      weeks: 2,
    };
    // Day 1: all 35,000 to the deductible (80,000 -> 45,000 left).
    // Day 2: all 35,000 to the deductible (45,000 -> 10,000 left).
    // Day 3: the last 10,000 of the deductible, then 20% of the other 25,000 = 5,000: 15,000. Met on day 3.
    // Week 1: 35,000 + 35,000 + 15,000 = 85,000.
    // Days 4-6: 20% of 35,000 = 7,000 each. Week 2: 21,000.
    // Total 106,000; the plan pays 6 x 35,000 - 106,000 = 104,000. The cap (523,000) is not reached.
    expect(estimateProgram(input)).to.deep.equal({
      memberPaysCents: 106_000,
      planPaysCents: 104_000,
      weekCents: [85_000, 21_000],
      deductibleMetDay: 3,
      capDay: undefined,
    });
  });

  it('coinsurance and copay together, with the deductible met on day 2 (inpatient-like day)', () => {
    const input: ProgramInput = {
      allowedCents: 120_000,
      costShare: coins(20, true, 25_000),
      deductibleRemainingCents: 150_000,
      outOfPocketRemainingCents: 600_000,
      daysPerWeek: 5,
      weeks: 1,
    };
    // Day 1: 120,000 to the deductible (150,000 -> 30,000 left); nothing is left for the copay: 120,000.
    // Day 2: 30,000 deductible, 25,000 copay, 20% of the other 65,000 = 13,000: 68,000. Met on day 2.
    // Days 3-5: 25,000 copay + 20% of 95,000 (19,000) = 44,000 each: 132,000.
    // Total 120,000 + 68,000 + 132,000 = 320,000; the plan pays 600,000 - 320,000 = 280,000.
    expect(estimateProgram(input)).to.deep.equal({
      memberPaysCents: 320_000,
      planPaysCents: 280_000,
      weekCents: [320_000],
      deductibleMetDay: 2,
      capDay: undefined,
    });
  });

  it('copay and coinsurance round to the cent each day, not on the total', () => {
    const input: ProgramInput = {
      allowedCents: 3_333,
      costShare: coins(20, false, 1_500),
      deductibleRemainingCents: 150_000,
      outOfPocketRemainingCents: 600_000,
      daysPerWeek: 2,
      weeks: 3,
    };
    // Each day: 1,500 copay, then 20% of 1,833 = 366.6 -> 367: 1,867. The deductible does not apply (day 0).
    // Each week 2 x 1,867 = 3,734; total 6 x 1,867 = 11,202 (rounding the total once would give 11,200).
    // The plan pays 6 x (3,333 - 1,867) = 6 x 1,466 = 8,796.
    expect(estimateProgram(input)).to.deep.equal({
      memberPaysCents: 11_202,
      planPaysCents: 8_796,
      weekCents: [3_734, 3_734, 3_734],
      deductibleMetDay: 0,
      capDay: undefined,
    });
  });

  it('the out-of-pocket maximum reached mid-week stops further cost', () => {
    const input: ProgramInput = {
      allowedCents: 35_000,
      costShare: coins(20),
      deductibleRemainingCents: 0,
      outOfPocketRemainingCents: 20_000,
      daysPerWeek: 5,
      weeks: 2,
    };
    // The deductible is already met (day 0). Each day would be 20% of 35,000 = 7,000.
    // Day 1: 7,000 (20,000 -> 13,000 left). Day 2: 7,000 (-> 6,000). Day 3: only 6,000, the cap: reached on day 3.
    // Days 4-10: nothing. Week 1: 20,000; week 2: 0. The plan pays 10 x 35,000 - 20,000 = 330,000.
    expect(estimateProgram(input)).to.deep.equal({
      memberPaysCents: 20_000,
      planPaysCents: 330_000,
      weekCents: [20_000, 0],
      deductibleMetDay: 0,
      capDay: 3,
    });
  });

  it('the cap reached on the day the deductible would be met: the cap is what stops the cost', () => {
    const input: ProgramInput = {
      allowedCents: 35_000,
      costShare: coins(20),
      deductibleRemainingCents: 50_000,
      outOfPocketRemainingCents: 40_000,
      daysPerWeek: 3,
      weeks: 1,
    };
    // Day 1: 35,000 to the deductible (15,000 left); the cap has 40,000 -> 5,000 left.
    // Day 2: would be 15,000 + 20% of 20,000 = 19,000, capped to 5,000: the cap is reached on day 2.
    // Day 3: nothing. Total 40,000; the plan pays 3 x 35,000 - 40,000 = 65,000.
    expect(estimateProgram(input)).to.deep.equal({
      memberPaysCents: 40_000,
      planPaysCents: 65_000,
      weekCents: [40_000],
      deductibleMetDay: undefined,
      capDay: 2,
    });
  });

  it('out-of-network: 40% coinsurance after the deductible, and no cap', () => {
    const input: ProgramInput = {
      allowedCents: 35_000,
      costShare: coins(40),
      deductibleRemainingCents: 50_000,
      daysPerWeek: 3,
      weeks: 2,
    };
    // Day 1: 35,000 to the deductible (15,000 left).
    // Day 2: 15,000 deductible + 40% of 20,000 = 8,000: 23,000. Met on day 2.
    // Day 3: 40% of 35,000 = 14,000. Week 1: 35,000 + 23,000 + 14,000 = 72,000.
    // Days 4-6: 14,000 each. Week 2: 42,000. Total 114,000; the plan pays 210,000 - 114,000 = 96,000.
    const out = estimateProgram(input);
    expect(out).to.deep.equal({
      memberPaysCents: 114_000,
      planPaysCents: 96_000,
      weekCents: [72_000, 42_000],
      deductibleMetDay: 2,
      capDay: undefined,
    });
    // The same care with an in-network cap of 50,000 would stop at 50,000: out of network nothing caps it.
    expect(estimateProgram({ ...input, outOfPocketRemainingCents: 50_000 }).memberPaysCents).to.equal(50_000);
  });

  it('a cap already reached before the program: nothing to pay, from day 0', () => {
    const out = estimateProgram({
      allowedCents: 35_000,
      costShare: coins(20),
      deductibleRemainingCents: 10_000,
      outOfPocketRemainingCents: 0,
      daysPerWeek: 1,
      weeks: 2,
    });
    // Two days of 35,000, all paid by the plan (70,000).
    expect(out).to.deep.equal({
      memberPaysCents: 0,
      planPaysCents: 70_000,
      weekCents: [0, 0],
      deductibleMetDay: undefined,
      capDay: 0,
    });
  });

  it('refuses days a week outside 1..7, weeks outside 1..52 and bad cents', () => {
    const base: ProgramInput = {
      allowedCents: 100,
      costShare: coins(20),
      deductibleRemainingCents: 0,
      daysPerWeek: 1,
      weeks: 1,
    };
    for (const daysPerWeek of [0, 8, 2.5])
      expect(() => estimateProgram({ ...base, daysPerWeek }), `${daysPerWeek}`).to.throw(RangeError);
    for (const weeks of [0, 53, 1.5])
      expect(() => estimateProgram({ ...base, weeks }), `${weeks}`).to.throw(RangeError);
    expect(() => estimateProgram({ ...base, allowedCents: -1 })).to.throw(RangeError);
    expect(estimateProgram({ ...base, daysPerWeek: 7, weeks: 52 }).weekCents).to.have.length(52);
  });
});
