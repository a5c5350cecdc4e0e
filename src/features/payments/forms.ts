import { isIsoDate } from '../../platform/dates.ts';
import { field } from '../../platform/http/forms.ts';
import { parsePounds } from '../../platform/money/index.ts';

/** A GOV.UK date input (name-day, name-month, name-year) → 'YYYY-MM-DD', or '' when not a real date. */
export function dateField(body: unknown, name: string): string {
  const day = field(body, `${name}-day`).trim();
  const month = field(body, `${name}-month`).trim();
  const year = field(body, `${name}-year`).trim();
  if (!day && !month && !year) return '';
  const iso = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : 'invalid';
}

/** The three parts of a date input, to show the answers again. */
export function dateParts(body: unknown, name: string) {
  return {
    day: field(body, `${name}-day`),
    month: field(body, `${name}-month`),
    year: field(body, `${name}-year`),
  };
}

export function partsOf(iso: string | null | undefined) {
  if (!iso) return { day: '', month: '', year: '' };
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? '' };
}

/** Pounds typed on a page → pence, or NaN (which the services refuse with a field error). */
export function moneyField(body: unknown, name: string): number {
  const value = parsePounds(field(body, name));
  return value === null ? Number.NaN : value;
}
