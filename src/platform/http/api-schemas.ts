import { z } from 'zod';
import { EARLIEST_YEAR, isIsoDate, LATEST_YEAR } from '../dates.ts';

/** The problem+json body every API error has, declared once for the OpenAPI document. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe('application/problem+json');

/** Standard error responses for a route that needs a signed-in actor. */
export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
} as const;

export const uuidParam = (name: string) => z.object({ [name]: z.uuid() });
export const personParams = z.object({ personId: z.uuid() });

/**
 * The request schemas every feature shares, so a date, a whole number or a piece of text is
 * checked the same way wherever it arrives.
 */

/** A calendar date, 'YYYY-MM-DD', a real day in the years 1900–2200 (see platform/dates.ts). */
export const isoDate = z.iso
  .date({ error: 'Enter a real date as YYYY-MM-DD', abort: true })
  .refine(isIsoDate, { error: `Enter a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}` })
  .describe(`ISO date, YYYY-MM-DD, years ${EARLIEST_YEAR}–${LATEST_YEAR}`);

/** A fixed code list (code → label) as an enum of its codes, so the OpenAPI lists them. */
export const enumOf = <T extends Record<string, string>>(list: T) =>
  z.enum(Object.keys(list) as [keyof T & string, ...(keyof T & string)[]]);

/** PostgreSQL `integer` (int4): what a version, count or priority column can hold. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;
export const int4 = z.number().int().min(INT4_MIN).max(INT4_MAX);
/** An int4 in a query string or path ('12' → 12). */
export const queryInt4 = z.coerce.number().int().min(INT4_MIN).max(INT4_MAX);

/** Money in the API: whole pence, never pounds or a float (see platform/money). */
export const pence = z.number().int().describe('whole pence');

const explanationLine = z.object({
  label: z.string(),
  amount: pence,
  rule: z.string(),
  policyVersion: z.string(),
  quantity: z.number().optional(),
  unitRate: pence.optional(),
});

/**
 * A computed figure with its working (`Explained` in platform/money): lines that add up to the
 * total, with the rule and policy version of each; a budget's one-off costs beside it.
 */
export const explainedSchema = z.object({
  total: pence,
  lines: z.array(explanationLine),
  notes: z.array(z.string()),
  oneOffLines: z.array(explanationLine).optional(),
});
