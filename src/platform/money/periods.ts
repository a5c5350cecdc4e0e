import { assertPence, mulDiv, type Pence } from './index.ts';

/**
 * How often an amount is paid or budgeted.
 *
 * Convention (councils' usual one for budgets, stated on every explanation):
 * - a year is 52 weeks (not 52.18): the weekly budget × 52 is the annual budget;
 * - four-weekly is exactly 4 weeks (13 payments a year);
 * - a month is one twelfth of a year, so 52 ÷ 12 = 13/3 weeks.
 *
 * Each conversion is one exact fraction of whole pence, rounded once, half up (`mulDiv`).
 *
 * Round-trip tolerance: converting to a period at least as long and back is exact
 * (weekly → anything → weekly gives the same pence). Converting to a shorter period and back
 * can drift by at most `roundTripTolerance(from, to)` pence — half a penny lost in the short
 * period, scaled back up by the ratio of the two periods (annual → weekly → annual: 26p).
 */
export type Frequency = 'weekly' | 'four_weekly' | 'monthly' | 'annual';

export const FREQUENCIES: readonly Frequency[] = ['weekly', 'four_weekly', 'monthly', 'annual'];

/** Plain words that follow an amount: "£120.00 a week". */
export const FREQUENCY_LABELS: Readonly<Record<Frequency, string>> = {
  weekly: 'a week',
  four_weekly: 'every four weeks',
  monthly: 'a month',
  annual: 'a year',
};

/** The convention in words, for the notes of any explanation that converts periods. */
export const PERIOD_NOTE =
  'A year is counted as 52 weeks; four-weekly means every 4 weeks; a month is one twelfth of a year.';

/** Length of each period in weeks as an exact fraction [numerator, denominator]. */
const WEEKS: Readonly<Record<Frequency, readonly [number, number]>> = {
  weekly: [1, 1],
  four_weekly: [4, 1],
  monthly: [13, 3],
  annual: [52, 1],
};

export function convertAmount(amount: Pence, from: Frequency, to: Frequency): Pence {
  assertPence(amount);
  // The same period: the amount itself, but never -0 (a sum of money has no sign at zero).
  if (from === to) return amount || 0;
  const [fromWeeks, fromDivisor] = WEEKS[from];
  const [toWeeks, toDivisor] = WEEKS[to];
  return assertPence(mulDiv(amount, toWeeks * fromDivisor, toDivisor * fromWeeks), 'converted amount');
}

/**
 * Most pence `from → to → from` can differ from the start. Going to a shorter period loses
 * up to ½p there; coming back multiplies that by the ratio r and rounds again, so the
 * drift is at most ½·r + ½, and being whole pence, its floor.
 */
export function roundTripTolerance(from: Frequency, to: Frequency): Pence {
  const [fromWeeks, fromDivisor] = WEEKS[from];
  const [toWeeks, toDivisor] = WEEKS[to];
  const ratioNumerator = fromWeeks * toDivisor;
  const ratioDenominator = fromDivisor * toWeeks;
  if (ratioNumerator <= ratioDenominator) return 0;
  return Math.floor((ratioNumerator + ratioDenominator) / (2 * ratioDenominator));
}
