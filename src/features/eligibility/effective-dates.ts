import { addDays, formatDate, isIsoDate, todayInLondon } from '../../platform/dates.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { validateEffectiveDates } from '../../platform/policy-dates.ts';

/**
 * A new version starting `from`: the latest open version is treated as ending the day
 * before (that is what "until replaced" means), then the whole run is checked for gaps and
 * overlaps. A start before today is refused: a published rule never changes the past.
 */
export function effectiveDateErrors(
  published: readonly { effectiveFrom: string; effectiveTo: string | null }[],
  from: string,
  today = todayInLondon(),
): FieldError[] {
  // A start that is not a real calendar date (a year of "Annie", the 30th of February) is named
  // as such; the overlap checks below do date arithmetic and only make sense for a real one.
  if (!isIsoDate(from))
    return [{ field: 'effectiveFrom', message: 'Enter a real start date, for example 1 4 2027' }];
  const latest = published.at(-1);
  if (latest && /^\d{4}-\d{2}-\d{2}$/.test(from) && from <= latest.effectiveFrom)
    return [
      {
        field: 'effectiveFrom',
        message: `Overlap: the version in force from ${formatDate(latest.effectiveFrom)} already covers this date. Start after ${formatDate(latest.effectiveFrom)}.`,
      },
    ];
  const runs = published.map((v) => ({ effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo }));
  const last = runs.at(-1);
  if (last && last.effectiveTo === null && from > last.effectiveFrom) last.effectiveTo = addDays(from, -1);
  const errors = validateEffectiveDates([...runs, { effectiveFrom: from, effectiveTo: null }]).map((e) => ({
    field: 'effectiveFrom',
    message: e.message,
  }));
  if (errors.length === 0 && from < today)
    errors.push({
      field: 'effectiveFrom',
      message: 'The start date must be today or later: a new policy never changes the past.',
    });
  return errors.filter((e, i, all) => all.findIndex((x) => x.message === e.message) === i);
}
