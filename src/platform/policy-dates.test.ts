import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './dates.ts';
import { type EffectiveDated, validateEffectiveDates, versionInForce } from './policy-dates.ts';

const v = (effectiveFrom: string, effectiveTo: string | null): EffectiveDated => ({
  effectiveFrom,
  effectiveTo,
});

/** Back-to-back versions starting on `start`, each `lengths[i]` days long; the last open-ended when asked. */
function chain(start: string, lengths: number[], openEnded: boolean): EffectiveDated[] {
  let from = start;
  return lengths.map((days, i) => {
    const to = openEnded && i === lengths.length - 1 ? null : addDays(from, days - 1);
    const version = v(from, to);
    if (to !== null) from = addDays(to, 1);
    return version;
  });
}

const start = fc.integer({ min: 0, max: 20_000 }).map((offset) => addDays('2000-01-01', offset));
const lengths = fc.array(fc.integer({ min: 1, max: 800 }), { minLength: 1, maxLength: 8 });

describe('validateEffectiveDates', () => {
  it('accepts financial years that follow on, the last open-ended', () => {
    expect(
      validateEffectiveDates([
        v('2025-04-01', '2026-03-31'),
        v('2026-04-01', '2027-03-31'),
        v('2027-04-01', null),
      ]),
    ).toEqual([]);
  });

  it('accepts versions given out of order', () => {
    expect(validateEffectiveDates([v('2026-04-01', null), v('2025-04-01', '2026-03-31')])).toEqual([]);
  });

  it('names a gap and the dates no version covers', () => {
    const errors = validateEffectiveDates([v('2025-04-01', '2026-03-31'), v('2026-04-05', null)]);
    expect(errors).toEqual([
      {
        field: 'versions[1].effectiveFrom',
        message: 'Gap: no version applies from 2026-04-01 to 2026-04-04. Start on 2026-04-01.',
      },
    ]);
  });

  it('names an overlap', () => {
    const errors = validateEffectiveDates([v('2025-04-01', '2026-03-31'), v('2026-03-01', null)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('versions[1].effectiveFrom');
    expect(errors[0]!.message).toMatch(/^Overlap/);
  });

  it('refuses an open-ended version that is followed by another', () => {
    const errors = validateEffectiveDates([v('2025-04-01', null), v('2026-04-01', null)]);
    expect(errors).toEqual([expect.objectContaining({ field: 'versions[0].effectiveTo' })]);
  });

  it('refuses bad dates and an end before the start', () => {
    expect(validateEffectiveDates([v('2025-02-30', null)])).toEqual([
      expect.objectContaining({ field: 'versions[0].effectiveFrom' }),
    ]);
    expect(validateEffectiveDates([v('2025-04-01', 'soon')])).toEqual([
      expect.objectContaining({ field: 'versions[0].effectiveTo' }),
    ]);
    expect(validateEffectiveDates([v('2025-04-01', '2025-03-31')])).toEqual([
      expect.objectContaining({ field: 'versions[0].effectiveTo' }),
    ]);
  });

  it('accepts an empty list and a one-day version', () => {
    expect(validateEffectiveDates([])).toEqual([]);
    expect(validateEffectiveDates([v('2025-04-01', '2025-04-01')])).toEqual([]);
  });

  it('accepts any back-to-back chain', () => {
    fc.assert(
      fc.property(start, lengths, fc.boolean(), (s, ls, open) => {
        expect(validateEffectiveDates(chain(s, ls, open))).toEqual([]);
      }),
    );
  });

  it('finds exactly one problem when one start date moves', () => {
    fc.assert(
      fc.property(
        start,
        fc.array(fc.integer({ min: 2, max: 800 }), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.integer({ min: -1, max: 1 }).filter((shift) => shift !== 0),
        (s, ls, pick, shift) => {
          const versions = chain(s, ls, false);
          const index = 1 + (pick % (versions.length - 1));
          const moved = versions[index]!;
          versions[index] = v(addDays(moved.effectiveFrom, shift), moved.effectiveTo);
          const errors = validateEffectiveDates(versions);
          expect(errors).toHaveLength(1);
          expect(errors[0]!.field).toBe(`versions[${index}].effectiveFrom`);
          expect(errors[0]!.message).toMatch(shift > 0 ? /^Gap/ : /^Overlap/);
        },
      ),
    );
  });
});

describe('versionInForce', () => {
  const years = [v('2025-04-01', '2026-03-31'), v('2026-04-01', null)];

  it('picks the version whose dates include the day, ends inclusive', () => {
    expect(versionInForce(years, '2026-03-31')).toBe(years[0]);
    expect(versionInForce(years, '2026-04-01')).toBe(years[1]);
    expect(versionInForce(years, '2040-01-01')).toBe(years[1]);
    expect(versionInForce(years, '2025-03-31')).toBeUndefined();
  });

  it('finds exactly one version for every day a valid chain covers', () => {
    fc.assert(
      fc.property(start, lengths, fc.nat(), (s, ls, offset) => {
        const versions = chain(s, ls, false);
        const last = versions.at(-1)!.effectiveTo!;
        const day = addDays(s, offset % (daysBetween(s, last) + 1));
        const matches = versions.filter((x) => versionInForce([x], day) !== undefined);
        expect(matches).toHaveLength(1);
        expect(versionInForce(versions, day)).toBe(matches[0]);
      }),
    );
  });
});
