import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBand } from './age-bands.ts';

describe('ageBand', () => {
  it('puts each boundary age in the band that starts there', () => {
    expect([0, 17, 18, 24, 25, 64, 65, 84, 85, 110].map(ageBand)).toEqual([
      '0-17',
      '0-17',
      '18-24',
      '18-24',
      '25-64',
      '25-64',
      '65-84',
      '65-84',
      '85+',
      '85+',
    ]);
  });

  it('refuses ages that are not whole years', () => {
    expect(() => ageBand(-1)).toThrow(RangeError);
    expect(() => ageBand(17.5)).toThrow(RangeError);
    expect(() => ageBand(Number.NaN)).toThrow(RangeError);
  });

  it('never puts an older person in a younger band', () => {
    fc.assert(
      fc.property(fc.nat({ max: 130 }), fc.nat({ max: 130 }), (a, b) => {
        const [young, old] = a <= b ? [a, b] : [b, a];
        expect(AGE_BANDS.indexOf(ageBand(young))).toBeLessThanOrEqual(AGE_BANDS.indexOf(ageBand(old)));
      }),
    );
  });
});
