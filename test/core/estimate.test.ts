import { expect } from '@open-wc/testing';
import { estimateMemberPays, parseDollars, type EstimateInput } from '../../src/core/estimate.js';

type Row = [
  name: string,
  input: EstimateInput,
  expected: [member: number, plan: number, deductible: number, copay: number, coins: number, capped: number],
];

const share = (copayCents?: number, coinsurancePct?: number, deductibleApplies = true) => ({
  copayCents,
  coinsurancePct,
  deductibleApplies,
});
const input = (
  allowedCents: number,
  costShare: EstimateInput['costShare'],
  deductibleRemainingCents: number,
  outOfPocketRemainingCents = 1_000_000,
): EstimateInput => ({ allowedCents, costShare, deductibleRemainingCents, outOfPocketRemainingCents });

const rows: Row[] = [
  [
    'deductible not met: all of it goes to the deductible',
    input(50_000, share(undefined, 20), 100_000),
    [50_000, 0, 50_000, 0, 0, 0],
  ],
  [
    'deductible met mid-service, then 20% coinsurance on the rest',
    input(50_000, share(undefined, 20), 30_000),
    [34_000, 16_000, 30_000, 0, 4_000, 0],
  ],
  [
    'deductible already met: coinsurance only',
    input(50_000, share(undefined, 20), 0),
    [10_000, 40_000, 0, 0, 10_000, 0],
  ],
  [
    'deductible does not apply: copay only',
    input(20_000, share(3_000, undefined, false), 150_000),
    [3_000, 17_000, 0, 3_000, 0, 0],
  ],
  [
    'zero coinsurance after the deductible',
    input(40_000, share(undefined, 0), 10_000),
    [10_000, 30_000, 10_000, 0, 0, 0],
  ],
  [
    'no copay and no coinsurance, deductible met: plan pays all',
    input(40_000, share(), 0),
    [0, 40_000, 0, 0, 0, 0],
  ],
  ['$0 copay crisis care', input(25_000, share(0, undefined, false), 150_000), [0, 25_000, 0, 0, 0, 0]],
  [
    'copay plus coinsurance on what is left',
    input(200_000, share(25_000, 20), 0),
    [60_000, 140_000, 0, 25_000, 35_000, 0],
  ],
  [
    'copay plus coinsurance after part of the deductible',
    input(200_000, share(25_000, 20), 50_000),
    [100_000, 100_000, 50_000, 25_000, 25_000, 0],
  ],
  [
    'copay larger than the allowed amount: only the allowed amount',
    input(2_000, share(3_000, undefined, false), 0),
    [2_000, 0, 0, 2_000, 0, 0],
  ],
  [
    'out-of-pocket maximum already met: member pays nothing',
    input(50_000, share(3_000, 20), 40_000, 0),
    [0, 50_000, 40_000, 3_000, 1_400, 44_400],
  ],
  [
    'out-of-pocket maximum reached mid-service',
    input(50_000, share(undefined, 20), 30_000, 31_000),
    [31_000, 19_000, 30_000, 0, 4_000, 3_000],
  ],
  ['rounding: 12.5 cents rounds up to 13', input(125, share(undefined, 10), 0), [13, 112, 0, 0, 13, 0]],
  ['rounding: 12.4 cents rounds down to 12', input(124, share(undefined, 10), 0), [12, 112, 0, 0, 12, 0]],
  ['rounding: 0.5 cent rounds up to 1', input(5, share(undefined, 10), 0), [1, 4, 0, 0, 1, 0]],
  [
    'rounding: fractional percent 12.5% of $0.99 = 12.375 -> 12 cents',
    input(99, share(undefined, 12.5), 0),
    [12, 87, 0, 0, 12, 0],
  ],
  [
    'rounding: no float drift (0.07 * 15_000 would be 1050.0000000000002)',
    input(15_000, share(undefined, 7), 0),
    [1_050, 13_950, 0, 0, 1_050, 0],
  ],
  ['100% coinsurance', input(9_999, share(undefined, 100), 0), [9_999, 0, 0, 0, 9_999, 0]],
  ['zero allowed amount', input(0, share(3_000, 20), 10_000), [0, 0, 0, 0, 0, 0]],
];

describe('estimateMemberPays', () => {
  for (const [name, given, [member, plan, deductible, copay, coins, capped]] of rows) {
    it(name, () => {
      const result = estimateMemberPays(given);
      expect(result).to.deep.equal({
        memberPaysCents: member,
        planPaysCents: plan,
        breakdown: {
          deductibleCents: deductible,
          copayCents: copay,
          coinsuranceCents: coins,
          cappedByOutOfPocketCents: capped,
        },
      });
      // The contract: parts minus the cap are what the member pays; member plus plan is the allowed amount.
      expect(deductible + copay + coins - capped).to.equal(result.memberPaysCents);
      expect(result.memberPaysCents + result.planPaysCents).to.equal(given.allowedCents);
    });
  }

  const bad: [string, EstimateInput][] = [
    ['negative allowed amount', input(-1, share(), 0)],
    ['fractional allowed amount', input(10.5, share(), 0)],
    ['NaN allowed amount', input(Number.NaN, share(), 0)],
    ['negative deductible left', input(100, share(), -5)],
    ['fractional out-of-pocket left', input(100, share(), 0, 0.1)],
    ['negative copay', input(100, share(-100), 0)],
    ['coinsurance over 100', input(100, share(undefined, 101), 0)],
    ['negative coinsurance', input(100, share(undefined, -1), 0)],
    ['NaN coinsurance', input(100, share(undefined, Number.NaN), 0)],
  ];
  for (const [name, given] of bad) {
    it(`throws a RangeError for ${name}`, () => {
      expect(() => estimateMemberPays(given)).to.throw(RangeError);
    });
  }
});

describe('parseDollars', () => {
  const cases: [string, number | undefined][] = [
    ['250', 25_000],
    ['250.00', 25_000],
    ['250.5', 25_050],
    [' $1,250.75 ', 125_075],
    ['$ 99', 9_900],
    ['250,50', 25_050],
    ['1,500', 150_000],
    ['0', 0],
    ['10000000', 1_000_000_000],
    ['10000000.01', undefined],
    ['', undefined],
    ['abc', undefined],
    ['-5', undefined],
    ['1.234', undefined],
    ['12,34,56', undefined],
    ['1e3', undefined],
  ];
  for (const [text, cents] of cases) {
    it(`"${text}" -> ${String(cents)}`, () => expect(parseDollars(text)).to.equal(cents));
  }
});
