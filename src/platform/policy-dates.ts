import { addDays, compareDates, type IsoDate, isIsoDate } from './dates.ts';
import type { FieldError } from './http/problem.ts';

/**
 * When a published policy version applies. Both dates are inclusive: a version for 2026/27
 * runs from 2026-04-01 to 2027-03-31. `effectiveTo: null` means "until replaced", which only
 * the latest version may be.
 */
export interface EffectiveDated {
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
}

/**
 * Versions of one policy must follow each other day after day, with no gap (a day with no
 * rules, so no lawful decision) and no overlap (a day with two answers). Versions may be given
 * in any order; errors name the position in the list as given.
 */
export function validateEffectiveDates(versions: readonly EffectiveDated[]): FieldError[] {
  const errors: FieldError[] = [];
  const valid: { index: number; from: IsoDate; to: IsoDate | null }[] = [];
  versions.forEach((version, index) => {
    const at = `versions[${index}]`;
    const fromOk = isIsoDate(version.effectiveFrom);
    const toOk = version.effectiveTo === null || isIsoDate(version.effectiveTo);
    if (!fromOk)
      errors.push({ field: `${at}.effectiveFrom`, message: 'Enter the start date as YYYY-MM-DD.' });
    if (!toOk)
      errors.push({
        field: `${at}.effectiveTo`,
        message: 'Enter the end date as YYYY-MM-DD, or leave it open.',
      });
    if (!fromOk || !toOk) return;
    if (version.effectiveTo !== null && compareDates(version.effectiveTo, version.effectiveFrom) < 0) {
      errors.push({
        field: `${at}.effectiveTo`,
        message: 'The end date must be on or after the start date.',
      });
      return;
    }
    valid.push({ index, from: version.effectiveFrom, to: version.effectiveTo });
  });

  valid.sort((a, b) => compareDates(a.from, b.from));
  for (let i = 1; i < valid.length; i++) {
    const previous = valid[i - 1]!;
    const next = valid[i]!;
    const field = `versions[${next.index}].effectiveFrom`;
    if (previous.to === null) {
      errors.push({
        field: `versions[${previous.index}].effectiveTo`,
        message: `This version has no end date but a later version starts on ${next.from}: give it an end date.`,
      });
      continue;
    }
    const dayAfter = addDays(previous.to, 1);
    const order = compareDates(next.from, dayAfter);
    if (order > 0) {
      errors.push({
        field,
        message: `Gap: no version applies from ${dayAfter} to ${addDays(next.from, -1)}. Start on ${dayAfter}.`,
      });
    } else if (order < 0) {
      errors.push({
        field,
        message: `Overlap: this starts on ${next.from} but the earlier version runs until ${previous.to}. Start on ${dayAfter}.`,
      });
    }
  }
  return errors;
}

/** The version in force on a date (dates inclusive), or undefined if none. */
export function versionInForce<T extends EffectiveDated>(versions: readonly T[], on: IsoDate): T | undefined {
  return versions.find(
    (v) =>
      compareDates(v.effectiveFrom, on) <= 0 &&
      (v.effectiveTo === null || compareDates(on, v.effectiveTo) <= 0),
  );
}
