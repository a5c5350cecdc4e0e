/**
 * Money is whole pence held in `bigint` in SQL and as `number` (safe integer) in
 * TypeScript: UK care budgets are far below 2^53 pence. Floats never hold money.
 * Formatting to pounds happens only at the edge (pages, letters, files).
 */

import type { FieldError } from '../http/problem.ts';

export type Pence = number;

/** One line of an explanation: what a figure is made of, in the order a person reads it. */
export interface ExplanationLine {
  /** Plain words, e.g. "Personal assistant hours (12 a week × £21.40)". */
  label: string;
  /** Signed whole pence; lines sum exactly to the total. */
  amount: Pence;
  /** Which published rule produced this line, e.g. "Rate: PA hour incl. employer costs". */
  rule: string;
  /** The policy version that holds the rule, e.g. "Budget policy 2026/27 v2". */
  policyVersion: string;
  quantity?: number;
  /** Rate in pence per unit, where the line is quantity × rate. */
  unitRate?: Pence;
}

/** A computed figure always travels with its explanation. */
export interface Explained {
  total: Pence;
  lines: ExplanationLine[];
  /** Notes such as how rounding was applied, in plain words. */
  notes: string[];
}

export function assertPence(value: number, what = 'amount'): Pence {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of pence`);
  return value;
}

export function sumPence(values: readonly Pence[]): Pence {
  let total = 0;
  for (const v of values) total += v;
  return assertPence(total, 'total');
}

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** 123456 → "£1,234.56"; -500 → "-£5.00". */
export function formatPence(value: Pence): string {
  return pounds.format(value / 100);
}

/**
 * Parse what a person types ("1,234.5", "£12", "12.30") into pence.
 * Returns null for anything that is not a plain amount with at most two decimals.
 */
export function parsePounds(text: string): Pence | null {
  const cleaned = text.trim().replace(/^£/, '').replaceAll(',', '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const negative = cleaned.startsWith('-');
  const [whole = '0', fraction = ''] = cleaned.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}

/**
 * Pounds typed into a form → pence; anything else adds a field error to `errors` (and gives 0,
 * which is never saved because the errors are thrown first).
 */
export function poundsOrError(text: string, fieldName: string, errors: FieldError[], what: string): Pence {
  const pence = parsePounds(text);
  if (pence === null)
    errors.push({ field: fieldName, message: `Enter ${what} in pounds and pence, like 45.50.` });
  return pence ?? 0;
}

/**
 * The inverse of `parsePounds`, for a form's value or a spreadsheet: 123456 pence → "1234.56",
 * pounds with two decimals, no symbol or commas. Exact for every whole number of pence.
 */
export function penceToDecimalPounds(amount: Pence): string {
  assertPence(amount);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Round half away from zero to whole pence: the rule stated on every explanation
 * ("amounts are rounded to the nearest penny; halves round up").
 */
export function roundHalfUp(value: number): Pence {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

/** ratio as an exact integer fraction applied to pence: amount × numerator / denominator, rounded half up. */
export function mulDiv(amount: Pence, numerator: number, denominator: number): Pence {
  if (denominator === 0) throw new RangeError('denominator must not be zero');
  const product = BigInt(amount) * BigInt(numerator);
  const d = BigInt(denominator);
  const negative = product < 0n !== d < 0n;
  const absP = product < 0n ? -product : product;
  const absD = d < 0n ? -d : d;
  let q = absP / absD;
  if ((absP % absD) * 2n >= absD) q += 1n;
  const result = Number(negative ? -q : q);
  return result === 0 ? 0 : result;
}

export const ROUNDING_NOTE = 'Amounts are worked out to the nearest penny; half a penny rounds up.';
