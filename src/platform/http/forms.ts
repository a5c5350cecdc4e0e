import type { FastifyReply } from 'fastify';
import { type IsoDate, isIsoDate } from '../dates.ts';
import { parsePounds } from '../money/index.ts';
import { INT4_MAX } from './api-schemas.ts';
import { Problem } from './problem.ts';

/**
 * The GOV.UK question-page pattern on the server: run the work; if it is refused for bad
 * input, show the same page again with the error summary, inline messages and the
 * person's answers kept (status 400). Anything else goes to the error handler.
 */
export async function submitForm(
  reply: FastifyReply,
  page: { template: string; context: Record<string, unknown>; values: unknown },
  work: () => Promise<FastifyReply | undefined | undefined>,
): Promise<FastifyReply> {
  try {
    const result = await work();
    return (result as FastifyReply | undefined) ?? reply;
  } catch (error) {
    if (error instanceof Problem && (error.status === 400 || error.status === 409) && error.errors.length) {
      return reply
        .status(error.status)
        .render(page.template, { ...page.context, values: page.values, errors: error.errors });
    }
    if (error instanceof Problem && error.status === 409) {
      return reply.status(409).render(page.template, {
        ...page.context,
        values: page.values,
        errors: [{ field: 'version', message: error.detail ?? error.title }],
      });
    }
    throw error;
  }
}

/** A form field as text (urlencoded bodies give strings; missing gives ''). */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * A whole number typed into a form or address (a version, a page, a plan version): digits only,
 * and no more than a PostgreSQL integer holds, or undefined. The pages' one reader of numbers
 * that reach an integer column, as `queryInt4` is the API's.
 */
export function wholeNumber(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d{1,10}$/.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return value <= INT4_MAX ? value : undefined;
}

/** A field that may be posted more than once (checkboxes) as a list of its non-empty values. */
export function fieldList(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** The three boxes of a GOV.UK date input (`name-day`, `name-month`, `name-year`). */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The three boxes of a date input as the person typed them, to show their answers again. */
export function dateParts(body: unknown, name: string): DateParts {
  return {
    day: field(body, `${name}-day`),
    month: field(body, `${name}-month`),
    year: field(body, `${name}-year`),
  };
}

/** A stored date in the three boxes: '2026-03-05' → 5, 3, 2026; nothing → three blanks. */
export function datePartsOf(iso: string | null | undefined): DateParts {
  if (!iso) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** What `dateField` gives for boxes that do not make a real date: refused by every rule. */
export const NOT_A_DATE = 'invalid';

/**
 * The pages' one reader of a GOV.UK date input: 'YYYY-MM-DD' when the three boxes make a real
 * date in the service's years (`isIsoDate`: 1900–2200), '' when all three are blank, else
 * NOT_A_DATE, which no rule takes for a date. It never returns a date-shaped string that is
 * not a date (the 31st of February, year 0), so nothing invalid reaches the database.
 */
export function dateField(body: unknown, name: string): IsoDate | '' {
  const { day, month, year } = dateParts(body, name);
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return '';
  const iso = `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : NOT_A_DATE;
}

/** The id of a date input's first box, where its error in the summary links to. */
export const dateInputId = (name: string) => `${name}-day`;

/** Pounds typed into a form → pence, or NaN for anything else (which the services refuse by field). */
export function poundsField(body: unknown, name: string): number {
  return parsePounds(field(body, name)) ?? Number.NaN;
}
