/**
 * National health and care identifiers. Scotland's CHI number and England's NHS number are
 * both ten digits with a modulus 11 check digit; the CHI number also starts with the
 * person's date of birth (DDMMYY) and carries a sex marker in its 9th digit.
 * Messages follow GOV.UK error style: say what to do, in plain English.
 */
import type { IsoDate } from '../../platform/dates.ts';

export type IdentifierResult = { ok: true; value: string } | { ok: false; message: string };

/** People type numbers with spaces or dashes ('943 476 5919', '943-476-5919'); we store digits only. */
export function normaliseIdentifier(text: string): string {
  return text.replace(/[\s-]/g, '');
}

/**
 * Modulus 11 check digit over the first nine digits (weights 10 down to 2).
 * Returns null when the remainder makes a check digit of 10: no such number is ever issued.
 */
export function modulus11CheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('need exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

function hasValidCheckDigit(digits: string): boolean {
  return modulus11CheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** Formats ten digits as NHS numbers are printed: '943 476 5919'. */
export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/**
 * Shared shape checks. `name` is the identifier as the person would say it; the article
 * differs ('a CHI number', 'an NHS number').
 */
function checkShape(text: string, article: string, name: string): IdentifierResult {
  const digits = normaliseIdentifier(text);
  if (digits === '') return { ok: false, message: `Enter ${article} ${name}` };
  if (!/^\d+$/.test(digits))
    return { ok: false, message: `${capitalise(article)} ${name} must only include numbers` };
  if (digits.length !== 10) return { ok: false, message: `Enter ${article} ${name} with 10 digits` };
  return { ok: true, value: digits };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Whether DDMMYY is a real day in some year that ends in YY. The century is not encoded,
 * so 29 February is allowed when YY is a multiple of 4 (1900 is the only non-leap such year
 * and nobody living was born then).
 */
function isRealChiDate(ddmmyy: string): boolean {
  const day = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  const yy = Number(ddmmyy.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = yy % 4 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= daysInMonth;
}

/** The DDMMYY a CHI number would start with for this date of birth. */
export function chiDatePartFor(dateOfBirth: IsoDate): string {
  const [year, month, day] = dateOfBirth.split('-') as [string, string, string];
  return `${day}${month}${year.slice(2)}`;
}

/** The sex recorded at registration, from the 9th digit: odd for male, even for female. */
export function chiSexMarker(chi: string): 'male' | 'female' {
  return Number(chi[8]) % 2 === 1 ? 'male' : 'female';
}

/**
 * Validates a CHI number. When the date of birth is known it must agree with the first six
 * digits, because a CHI number that does not is most likely someone else's.
 */
export function validateChiNumber(text: string, dateOfBirth?: IsoDate): IdentifierResult {
  const shape = checkShape(text, 'a', 'CHI number');
  if (!shape.ok) return shape;
  const digits = shape.value;
  if (!isRealChiDate(digits.slice(0, 6))) {
    return { ok: false, message: 'The first 6 digits of a CHI number are a date of birth — check them' };
  }
  if (!hasValidCheckDigit(digits)) {
    return { ok: false, message: 'The CHI number is not valid — check the last digit' };
  }
  if (dateOfBirth !== undefined && digits.slice(0, 6) !== chiDatePartFor(dateOfBirth)) {
    return {
      ok: false,
      message: 'The CHI number does not match the date of birth — check both',
    };
  }
  return { ok: true, value: digits };
}

/** Validates an NHS number (England, Wales and the Isle of Man). Spaces are allowed. */
export function validateNhsNumber(text: string): IdentifierResult {
  const shape = checkShape(text, 'an', 'NHS number');
  if (!shape.ok) return shape;
  if (!hasValidCheckDigit(shape.value)) {
    return { ok: false, message: 'The NHS number is not valid — check the last digit' };
  }
  return shape;
}
