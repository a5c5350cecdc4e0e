import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLIEST_YEAR, isIsoDate, LATEST_YEAR } from '../dates.ts';
import { dateField, dateParts, datePartsOf, fieldList, NOT_A_DATE, poundsField } from './forms.ts';

const box = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 3000 }).map(String),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '00',
    '29',
    '30',
    '31',
    '02',
    '1900',
    '2200',
    '2201',
    '1899',
    '0000',
    '1e1',
    '٣',
  ),
);
const body = (day: unknown, month: unknown, year: unknown) => ({
  'd-day': day,
  'd-month': month,
  'd-year': year,
});

describe('dateField, the pages’ one date reader', () => {
  it('never throws; gives a real date in 1900–2200, blank for three blank boxes, or NOT_A_DATE', () => {
    fc.assert(
      fc.property(box, box, box, (day, month, year) => {
        const value = dateField(body(day, month, year), 'd');
        if (!day.trim() && !month.trim() && !year.trim()) expect(value).toBe('');
        else if (value !== NOT_A_DATE) {
          expect(isIsoDate(value)).toBe(true);
          const y = Number(value.slice(0, 4));
          expect(y).toBeGreaterThanOrEqual(EARLIEST_YEAR);
          expect(y).toBeLessThanOrEqual(LATEST_YEAR);
        }
      }),
    );
  });

  it('reads back every real date it shows in the boxes (datePartsOf)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(EARLIEST_YEAR, 0, 1)),
          max: new Date(Date.UTC(LATEST_YEAR, 11, 31)),
          noInvalidDate: true,
        }),
        (instant) => {
          const iso = instant.toISOString().slice(0, 10);
          const { day, month, year } = datePartsOf(iso);
          expect(dateField(body(day, month, year), 'd')).toBe(iso);
        },
      ),
    );
  });

  it('refuses dates that are not on the calendar or outside the years, and non-text boxes', () => {
    expect(dateField(body('31', '2', '2026'), 'd')).toBe(NOT_A_DATE);
    expect(dateField(body('29', '2', '2026'), 'd')).toBe(NOT_A_DATE);
    expect(dateField(body('29', '2', '2028'), 'd')).toBe('2028-02-29');
    expect(dateField(body('1', '1', '1899'), 'd')).toBe(NOT_A_DATE);
    expect(dateField(body('1', '1', '2201'), 'd')).toBe(NOT_A_DATE);
    expect(dateField(body('1', '1', '26'), 'd')).toBe(NOT_A_DATE);
    expect(dateField(body(['1', '2'], '1', '2026'), 'd')).toBe(NOT_A_DATE);
    expect(dateField(body(' 5 ', ' 3', '2026 '), 'd')).toBe('2026-03-05');
    expect(dateField({}, 'd')).toBe('');
    expect(dateField(undefined, 'd')).toBe('');
  });

  it('keeps the boxes as typed, to show them again', () => {
    expect(dateParts(body('31', 'x', ''), 'd')).toEqual({ day: '31', month: 'x', year: '' });
    expect(datePartsOf('2026-03-05')).toEqual({ day: '5', month: '3', year: '2026' });
    expect(datePartsOf(null)).toEqual({ day: '', month: '', year: '' });
  });
});

describe('fieldList, the one checkbox reader', () => {
  it('gives the posted text values, once or many times, and never throws', () => {
    expect(fieldList({ c: 'a' }, 'c')).toEqual(['a']);
    expect(fieldList({ c: ['a', 'b'] }, 'c')).toEqual(['a', 'b']);
    expect(fieldList({ c: '' }, 'c')).toEqual([]);
    expect(fieldList({}, 'c')).toEqual([]);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const list = fieldList({ c: value }, 'c');
        expect(list.every((v) => typeof v === 'string' && v !== '')).toBe(true);
      }),
    );
  });
});

describe('poundsField', () => {
  it('reads pounds as pence, and anything else as NaN', () => {
    expect(poundsField({ m: '12.50' }, 'm')).toBe(1250);
    expect(poundsField({ m: '£1,234.5' }, 'm')).toBe(123450);
    expect(poundsField({ m: '12.505' }, 'm')).toBeNaN();
    expect(poundsField({}, 'm')).toBeNaN();
  });
});
