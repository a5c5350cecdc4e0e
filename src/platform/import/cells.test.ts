import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellReader, importDate } from './cells.ts';

const isoDates = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('import dates', () => {
  it('reads a real date written ISO or day/month/year as the same ISO date', () => {
    fc.assert(
      fc.property(isoDates, (iso) => {
        const [y, m, d] = iso.split('-');
        expect(importDate(iso)).toBe(iso);
        expect(importDate(`${d}/${m}/${y}`)).toBe(iso);
        expect(importDate(` ${Number(d)}/${Number(m)}/${y} `)).toBe(iso);
      }),
    );
  });
  it('refuses a day that does not exist and anything not a date', () => {
    for (const text of [
      '2026-02-30',
      '30/02/2026',
      '2025-02-29',
      '31/04/2026',
      '2026-13-01',
      '01/02/26',
      'soon',
      '',
    ])
      expect(importDate(text), text).toBeNull();
    expect(importDate('29/02/2028')).toBe('2028-02-29');
  });
});

describe('reading cells', () => {
  it('reports each wrong cell in its column and carries on', () => {
    const cells = cellReader('f.csv', 3, { a: ' x ', b: 'maybe', c: 'one; two ;', d: '2026-02-30', e: '' });
    expect(cells.text('a')).toBe('x');
    expect(cells.yesNo('b', false)).toBe(false);
    expect(cells.codes('c', { one: '1' })).toEqual(['one']);
    expect(cells.date('d')).toBeNull();
    expect(cells.text('e', { required: 'Enter e' })).toBeNull();
    expect(cells.text('missing')).toBeNull();
    expect(cells.problems.map((p) => [p.file, p.row, p.column])).toEqual([
      ['f.csv', 3, 'b'],
      ['f.csv', 3, 'c'],
      ['f.csv', 3, 'd'],
      ['f.csv', 3, 'e'],
    ]);
  });
  it('refuses text longer than its column allows, saying how long it is', () => {
    const cells = cellReader('f.csv', 1, { a: 'x'.repeat(201) });
    expect(cells.text('a')).toBeNull();
    expect(cells.problems[0]!.message).toContain('201');
  });
});
