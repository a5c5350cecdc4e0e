import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldError } from '../http/problem.ts';
import { formatPence, parsePounds, penceToDecimalPounds, poundsOrError } from './index.ts';

const pence = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('money typed into a form and shown in one', () => {
  it('round trips pence → text → pence exactly, for every whole number of pence', () => {
    fc.assert(
      fc.property(pence, (value) => {
        expect(parsePounds(penceToDecimalPounds(value))).toBe(value);
      }),
    );
  });

  it('reads the pounds as shown on pages (with £ and commas) back to the same pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (value) => {
        expect(parsePounds(formatPence(value))).toBe(value);
      }),
    );
  });

  it('round trips text → pence → text for plain amounts with two decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 99 }), (whole, p) => {
        const text = `${whole}.${String(p).padStart(2, '0')}`;
        const value = parsePounds(text);
        expect(value).not.toBeNull();
        expect(penceToDecimalPounds(value ?? 0)).toBe(text);
      }),
    );
  });

  it('never throws on any text; gives whole pence or null', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const value = parsePounds(text);
        expect(value === null || Number.isSafeInteger(value)).toBe(true);
      }),
    );
  });

  it('poundsOrError names the field with a plain message for what is not an amount', () => {
    const errors: FieldError[] = [];
    expect(poundsOrError('45.50', 'rate', errors, 'the rate')).toBe(4550);
    expect(errors).toEqual([]);
    expect(poundsOrError('45.505', 'rows[1].rate', errors, 'the rate')).toBe(0);
    expect(errors).toEqual([
      { field: 'rows[1].rate', message: 'Enter the rate in pounds and pence, like 45.50.' },
    ]);
  });

  it('penceToDecimalPounds matches the two-decimal text the forms showed before', () => {
    expect(penceToDecimalPounds(1250)).toBe('12.50');
    expect(penceToDecimalPounds(5)).toBe('0.05');
    expect(penceToDecimalPounds(-5)).toBe('-0.05');
    expect(penceToDecimalPounds(0)).toBe('0.00');
  });
});
