import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect.ts';

const FALLBACK = '/home';

/** Where a browser would go from a page on our site given `location`. */
function browserDestination(location: string): URL {
  // WHATWG URL parsing is what browsers do: tabs and newlines removed, `\` read as `/`.
  return new URL(location, 'https://our.site/some/page');
}

describe('safeRedirectPath', () => {
  it.each([
    '/\\evil.example/',
    '/\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '//evil.example',
    '///evil.example',
    '/.//evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '\\\\evil.example',
    ' /people',
    '/people\nSet-Cookie: x=1',
    '/\u2028/evil.example',
    '',
  ])('refuses %j', (next) => {
    expect(safeRedirectPath(next, FALLBACK)).toBe(FALLBACK);
  });

  it.each([
    ['/people', '/people'],
    ['/people/123?tab=plan#costs', '/people/123?tab=plan#costs'],
    ['/my/../people', '/people'],
  ])('keeps the same-site path %j', (next, expected) => {
    expect(safeRedirectPath(next, FALLBACK)).toBe(expected);
  });

  it('refuses anything that is not text', () => {
    for (const value of [undefined, null, 1, ['/people'], { next: '/people' }]) {
      expect(safeRedirectPath(value, FALLBACK)).toBe(FALLBACK);
    }
  });

  it('never sends a browser off the site, whatever it is given', () => {
    const tricky = fc.constantFrom(
      '/',
      '\\',
      '\t',
      '\n',
      '\r',
      ' ',
      '.',
      ':',
      '@',
      '%',
      '?',
      '#',
      'evil.example',
      'http:',
      '\u0000',
      '\u00a0',
    );
    const input = fc.oneof(
      fc.string(),
      fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join('')),
      fc.webUrl(),
      fc.webPath(),
    );
    fc.assert(
      fc.property(input, (next) => {
        const result = safeRedirectPath(next, FALLBACK);
        expect(result.startsWith('/')).toBe(true);
        expect(/[\p{Cc}\\]/u.test(result)).toBe(false);
        expect(browserDestination(result).origin).toBe('https://our.site');
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every ordinary path on the site as it was', () => {
    fc.assert(
      fc.property(fc.webPath(), (path) => {
        fc.pre(path.startsWith('/') && !path.startsWith('//'));
        const result = safeRedirectPath(path, FALLBACK);
        const normalised = new URL(path, 'https://x.invalid').pathname;
        // A path that only becomes "//…" once dot segments are resolved ("/.//") would read as
        // another host: refused like any other, so the fallback.
        expect(result).toBe(normalised.startsWith('//') ? FALLBACK : normalised);
      }),
    );
  });
});
