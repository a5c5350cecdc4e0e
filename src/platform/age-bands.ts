/**
 * Age bands for equity reporting (who gets which option and how much, by age). Broad on
 * purpose: small bands identify people in small councils. 18–24 is separate because that is
 * where transitions from children's services happen; 85+ because need rises steeply there.
 */
export const AGE_BANDS = ['0-17', '18-24', '25-64', '65-84', '85+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (!Number.isInteger(age) || age < 0)
    throw new RangeError('age must be a whole number of years, 0 or more');
  if (age < 18) return '0-17';
  if (age < 25) return '18-24';
  if (age < 65) return '25-64';
  if (age < 85) return '65-84';
  return '85+';
}
