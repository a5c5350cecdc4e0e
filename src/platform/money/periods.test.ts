import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertAmount,
  FREQUENCIES,
  FREQUENCY_LABELS,
  type Frequency,
  roundTripTolerance,
} from './periods.ts';

const frequency = fc.constantFrom<Frequency>(...FREQUENCIES);
// Up to £10 million a year in pence either way: far beyond any care budget.
const amount = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });

describe('convertAmount', () => {
  it('counts a year as 52 weeks', () => {
    expect(convertAmount(10_000, 'weekly', 'annual')).toBe(520_000);
    expect(convertAmount(520_000, 'annual', 'weekly')).toBe(10_000);
  });

  it('counts four-weekly as 4 weeks and a month as a twelfth of 52 weeks', () => {
    expect(convertAmount(10_000, 'weekly', 'four_weekly')).toBe(40_000);
    expect(convertAmount(10_000, 'weekly', 'monthly')).toBe(43_333); // 433.33… rounds down
    expect(convertAmount(120_000, 'annual', 'monthly')).toBe(10_000);
    expect(convertAmount(10_000, 'monthly', 'annual')).toBe(120_000);
    expect(convertAmount(13, 'four_weekly', 'annual')).toBe(169);
  });

  it('rounds half a penny up, once', () => {
    expect(convertAmount(26, 'annual', 'weekly')).toBe(1); // 0.5p → 1p
    expect(convertAmount(25, 'annual', 'weekly')).toBe(0);
    expect(convertAmount(2, 'four_weekly', 'weekly')).toBe(1); // 0.5p → 1p
  });

  it('leaves an amount alone when the period does not change', () => {
    expect(convertAmount(12_345, 'monthly', 'monthly')).toBe(12_345);
  });

  it('refuses amounts that are not whole pence', () => {
    expect(() => convertAmount(1.5, 'weekly', 'annual')).toThrow(RangeError);
  });

  it('always gives whole pence', () => {
    fc.assert(
      fc.property(amount, frequency, frequency, (a, from, to) => {
        expect(Number.isSafeInteger(convertAmount(a, from, to))).toBe(true);
      }),
    );
  });

  it('round-trips weekly → any period → weekly exactly', () => {
    fc.assert(
      fc.property(amount, frequency, (a, to) => {
        expect(convertAmount(convertAmount(a, 'weekly', to), to, 'weekly')).toBe(a);
      }),
    );
  });

  it('round-trips any pair within the stated tolerance', () => {
    fc.assert(
      fc.property(amount, frequency, frequency, (a, from, to) => {
        const back = convertAmount(convertAmount(a, from, to), to, from);
        expect(Math.abs(back - a)).toBeLessThanOrEqual(roundTripTolerance(from, to));
      }),
    );
  });

  it('is monotonic: more in never gives less out', () => {
    fc.assert(
      fc.property(amount, fc.nat({ max: 1_000_000 }), frequency, frequency, (a, extra, from, to) => {
        expect(convertAmount(a + extra, from, to)).toBeGreaterThanOrEqual(convertAmount(a, from, to));
      }),
    );
  });

  it('never answers -0, even for -0 in the same period (fast-check found [0, weekly, weekly])', () => {
    for (const f of FREQUENCIES) expect(Object.is(convertAmount(-0, f, f), 0)).toBe(true);
  });

  it('treats money owed and money paid alike (symmetric about zero)', () => {
    fc.assert(
      fc.property(amount, frequency, frequency, (a, from, to) => {
        expect(convertAmount(-a, from, to)).toBe(-convertAmount(a, from, to) || 0);
      }),
    );
  });
});

describe('roundTripTolerance', () => {
  it('is zero towards longer periods and scales with the ratio towards shorter ones', () => {
    expect(roundTripTolerance('weekly', 'annual')).toBe(0);
    expect(roundTripTolerance('annual', 'weekly')).toBe(26);
    expect(roundTripTolerance('annual', 'monthly')).toBe(6);
    expect(roundTripTolerance('monthly', 'weekly')).toBe(2);
    expect(roundTripTolerance('monthly', 'four_weekly')).toBe(1);
  });

  it('is reached: the tolerance is not slack', () => {
    // 25p a year → 0p a week → 0p a year: 25p of the 26p allowed.
    expect(convertAmount(convertAmount(25, 'annual', 'weekly'), 'weekly', 'annual')).toBe(0);
  });
});

describe('FREQUENCY_LABELS', () => {
  it('has plain words for every frequency', () => {
    expect(FREQUENCY_LABELS).toEqual({
      weekly: 'a week',
      four_weekly: 'every four weeks',
      monthly: 'a month',
      annual: 'a year',
    });
  });
});
