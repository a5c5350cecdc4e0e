import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../dates.ts';
import { hasUnstorableText, unstorableTextErrors } from './input.ts';
import { fieldPath, fieldPathFromPointer } from './problem.ts';

describe('unstorable text', () => {
  it('finds NUL and lone surrogates, and nothing in well-formed text', () => {
    expect(hasUnstorableText('a\u0000b')).toBe(true);
    expect(hasUnstorableText('a\ud800b')).toBe(true);
    expect(hasUnstorableText('\udc00')).toBe(true);
    expect(hasUnstorableText('I like 😀 and café')).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(hasUnstorableText(text)).toBe(text.includes('\u0000'));
      }),
    );
  });

  it('names every field it is in, in the request’s own path style', () => {
    const body = { name: 'ok', needs: [{ note: 'fine' }, { note: 'x\u0000' }], content: { about: '\ud800' } };
    expect(unstorableTextErrors(body).map((e) => e.field)).toEqual(['needs[1].note', 'content.about']);
    const form = Object.assign(Object.create(null), { email: 'a\u0000' });
    expect(unstorableTextErrors(form).map((e) => e.field)).toEqual(['email']);
    expect(unstorableTextErrors('\u0000').map((e) => e.field)).toEqual(['body']);
  });
});

describe('field paths', () => {
  it('one style for segments and JSON pointers', () => {
    expect(fieldPath(['needs', 0, 'quantityPerWeek'])).toBe('needs[0].quantityPerWeek');
    expect(fieldPathFromPointer('/content/outcomes/2/ref')).toBe('content.outcomes[2].ref');
    expect(fieldPathFromPointer('')).toBe('body');
  });
});

describe('dates', () => {
  it('are real calendar days in 1900–2200', () => {
    for (const bad of [
      '_%_',
      '0000-01-01',
      '9999-12-31',
      '1899-12-31',
      '2201-01-01',
      '2026-02-30',
      '2026-1-01',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    for (const good of ['1900-01-01', '2200-12-31', '2024-02-29']) expect(isIsoDate(good), good).toBe(true);
  });
});
