import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../platform/dates.ts';
import { effectiveDateErrors } from './effective-dates.ts';

const published = [{ effectiveFrom: '2026-04-01', effectiveTo: null }];

describe('a new version’s start date', () => {
  it('names a start that is not a real date, whatever was typed, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constant('Ann\ufffdie-01-01'),
          fc.constant('2027-02-30'),
          fc.constant('0000-01-01'),
          fc.constant('9999-12-31'),
        ),
        (from) => {
          fc.pre(!isIsoDate(from));
          const errors = effectiveDateErrors(published, from, '2026-12-01');
          expect(errors.map((e) => e.field)).toEqual(['effectiveFrom']);
          expect(errors[0]!.message).toMatch(/real start date/);
        },
      ),
    );
  });

  it('still checks a real date against the versions in force', () => {
    expect(effectiveDateErrors(published, '2026-03-01', '2026-12-01')[0]!.message).toMatch(/Overlap/);
    expect(effectiveDateErrors(published, '2027-04-01', '2026-12-01')).toEqual([]);
  });
});
