import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chiDatePartFor,
  chiSexMarker,
  formatNhsNumber,
  modulus11CheckDigit,
  normaliseIdentifier,
  validateChiNumber,
  validateNhsNumber,
} from './identifiers.ts';

const digit = fc.integer({ min: 0, max: 9 });

/** Any ten digits whose modulus 11 check digit is right (about 10 in 11 prefixes have one). */
const validTenDigits = fc
  .array(digit, { minLength: 9, maxLength: 9 })
  .map((ds) => ds.join(''))
  .filter((nine) => modulus11CheckDigit(nine) !== null)
  .map((nine) => `${nine}${modulus11CheckDigit(nine)}`);

/** Valid CHI numbers: a real date of birth, seven more digits, the right check digit. */
const dateOfBirth = fc
  .date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validChi = fc
  .tuple(dateOfBirth, fc.array(digit, { minLength: 3, maxLength: 3 }))
  .map(([dob, ds]) => ({ dob, nine: `${chiDatePartFor(dob)}${ds.join('')}` }))
  .filter(({ nine }) => modulus11CheckDigit(nine) !== null)
  .map(({ dob, nine }) => ({ dob, chi: `${nine}${modulus11CheckDigit(nine)}` }));

/** Every way of changing exactly one digit to a different digit. */
function singleDigitChanges(digits: string): string[] {
  const changed: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== digits[i]) changed.push(`${digits.slice(0, i)}${d}${digits.slice(i + 1)}`);
    }
  }
  return changed;
}

describe('normaliseIdentifier', () => {
  it('removes spaces and dashes that people type', () => {
    expect(normaliseIdentifier(' 943 476 5919 ')).toBe('9434765919');
    expect(normaliseIdentifier('943-476-5919')).toBe('9434765919');
  });
});

describe('modulus11CheckDigit', () => {
  it('computes the published example', () => {
    expect(modulus11CheckDigit('943476591')).toBe(9);
  });
  it('turns 11 into 0 and refuses 10', () => {
    expect(modulus11CheckDigit('000000000')).toBe(0);
    expect(modulus11CheckDigit('943476503')).toBeNull();
  });
  it('needs nine digits', () => {
    expect(() => modulus11CheckDigit('12345678')).toThrow(RangeError);
  });
});

describe('validateNhsNumber', () => {
  it('accepts a known-valid NHS number, with or without spaces', () => {
    expect(validateNhsNumber('9434765919')).toEqual({ ok: true, value: '9434765919' });
    expect(validateNhsNumber('943 476 5919')).toEqual({ ok: true, value: '9434765919' });
  });
  it('explains what is wrong in plain English', () => {
    expect(validateNhsNumber('')).toEqual({ ok: false, message: 'Enter an NHS number' });
    expect(validateNhsNumber('943 476 591')).toEqual({
      ok: false,
      message: 'Enter an NHS number with 10 digits',
    });
    expect(validateNhsNumber('943 476 591X')).toEqual({
      ok: false,
      message: 'An NHS number must only include numbers',
    });
    expect(validateNhsNumber('9434765918')).toEqual({
      ok: false,
      message: 'The NHS number is not valid — check the last digit',
    });
  });
  it('rejects a number whose check digit would have to be 10', () => {
    for (let last = 0; last <= 9; last++) expect(validateNhsNumber(`943476503${last}`).ok).toBe(false);
  });
  it('formats for display', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });

  it('accepts every number with a correct check digit, however it is spaced', () => {
    fc.assert(
      fc.property(validTenDigits, (n) => {
        expect(validateNhsNumber(n)).toEqual({ ok: true, value: n });
        expect(validateNhsNumber(formatNhsNumber(n))).toEqual({ ok: true, value: n });
      }),
    );
  });
  it('catches every single-digit typing mistake', () => {
    fc.assert(
      fc.property(validTenDigits, (n) => {
        for (const wrong of singleDigitChanges(n)) expect(validateNhsNumber(wrong).ok).toBe(false);
      }),
    );
  });
  it('catches swapping two different neighbouring digits among the first nine', () => {
    fc.assert(
      fc.property(validTenDigits, fc.integer({ min: 0, max: 7 }), (n, i) => {
        fc.pre(n[i] !== n[i + 1]);
        const swapped = `${n.slice(0, i)}${n[i + 1]}${n[i]}${n.slice(i + 2)}`;
        expect(validateNhsNumber(swapped).ok).toBe(false);
      }),
    );
  });
});

describe('validateChiNumber', () => {
  it('accepts known-valid CHI numbers', () => {
    expect(validateChiNumber('1203456786')).toEqual({ ok: true, value: '1203456786' });
    expect(validateChiNumber('010101 1237')).toEqual({ ok: true, value: '0101011237' });
    // 29 February 2000: a leap day is a real date of birth.
    expect(validateChiNumber('2902001231')).toEqual({ ok: true, value: '2902001231' });
  });
  it('reads the sex marker from the 9th digit', () => {
    expect(chiSexMarker('1501900021')).toBe('female');
    expect(chiSexMarker('0101011237')).toBe('male');
  });
  it('explains what is wrong in plain English', () => {
    expect(validateChiNumber('  ')).toEqual({ ok: false, message: 'Enter a CHI number' });
    expect(validateChiNumber('12034567')).toEqual({
      ok: false,
      message: 'Enter a CHI number with 10 digits',
    });
    expect(validateChiNumber('12034567AB')).toEqual({
      ok: false,
      message: 'A CHI number must only include numbers',
    });
    expect(validateChiNumber('1203456787')).toEqual({
      ok: false,
      message: 'The CHI number is not valid — check the last digit',
    });
  });
  it('rejects a first six digits that is not a real date', () => {
    const badDate = {
      ok: false,
      message: 'The first 6 digits of a CHI number are a date of birth — check them',
    };
    for (const nine of ['321299321', '001299321', '011399321', '290299321', '310499321']) {
      const check = modulus11CheckDigit(nine);
      expect(validateChiNumber(`${nine}${check ?? 0}`)).toEqual(badDate);
    }
  });
  it('must match the date of birth when it is known', () => {
    expect(validateChiNumber('1203456786', '1945-03-12')).toEqual({ ok: true, value: '1203456786' });
    expect(validateChiNumber('1203456786', '2045-03-12')).toEqual({ ok: true, value: '1203456786' });
    expect(validateChiNumber('1203456786', '1945-03-13')).toEqual({
      ok: false,
      message: 'The CHI number does not match the date of birth — check both',
    });
  });

  it('accepts every CHI number built from a real date of birth', () => {
    fc.assert(
      fc.property(validChi, ({ dob, chi }) => {
        expect(validateChiNumber(chi, dob)).toEqual({ ok: true, value: chi });
      }),
    );
  });
  it('catches every single-digit typing mistake', () => {
    fc.assert(
      fc.property(validChi, ({ chi }) => {
        for (const wrong of singleDigitChanges(chi)) expect(validateChiNumber(wrong).ok).toBe(false);
      }),
    );
  });
  it('never accepts a CHI number for a different date of birth', () => {
    fc.assert(
      fc.property(validChi, dateOfBirth, ({ dob, chi }, other) => {
        fc.pre(chiDatePartFor(other) !== chiDatePartFor(dob));
        expect(validateChiNumber(chi, other).ok).toBe(false);
      }),
    );
  });
});
