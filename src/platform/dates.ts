/**
 * Dates are ISO calendar dates ('YYYY-MM-DD') with no time of day. Arithmetic runs on
 * UTC midnight so daylight saving never shifts a day; "today" is the date in Europe/London.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date may have, anywhere in the service: nobody alive was born before 1900 and no
 * plan, policy or payment runs past 2200. Outside this range a "date" is a typing slip or an
 * attack (PostgreSQL has no year 0; 9999-12-31 plus a day is not a date at all).
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

/** A real calendar date as 'YYYY-MM-DD' in the years EARLIEST_YEAR–LATEST_YEAR. */
export function isIsoDate(value: string): value is IsoDate {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) return false;
  const year = Number(match[1]);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function toUtc(date: IsoDate): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

export function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Europe/London (or of the given instant). */
export function todayInLondon(now: Date = new Date()): IsoDate {
  return londonDate.format(now);
}

/** Age in whole years on a given date. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** '2026-11-24' → '24 November 2026' (GOV.UK date style). */
export function formatDate(date: IsoDate): string {
  return longDate.format(toUtc(date));
}

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/** An instant as the clock in Europe/London showed it: '24 November 2026 at 14:05'. */
export function formatDateTime(instant: Date | string): string {
  return londonDateTime.format(new Date(instant));
}
