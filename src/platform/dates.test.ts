import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.ts';

describe('the one way dates and times are written', () => {
  it('writes a date in GOV.UK style', () => {
    expect(formatDate('2026-11-24')).toBe('24 November 2026');
  });

  it('writes an instant as the London clock showed it, in summer time too', () => {
    expect(formatDateTime('2026-11-24T14:05:00Z')).toBe('24 November 2026 at 14:05');
    expect(formatDateTime(new Date('2026-07-01T23:30:00Z'))).toBe('2 July 2026 at 00:30');
  });
});
