import { z } from 'zod';
import { explainedSchema, isoDate, pence } from '../../platform/http/api-schemas.ts';

/** Shapes shared by the payments and ledger API, declared once for validation and OpenAPI. */

/** What setting up a direct-payment agreement pays, before it is saved (dryRun) and after. */
export const setUpEffectSchema = z
  .object({
    from: isoDate.describe('The first day the payment covers'),
    endDate: isoDate.nullable(),
    frequency: z.enum(['weekly', 'four_weekly', 'monthly']),
    weeklyAmount: pence,
    amountPerPeriod: pence,
    contributionPerPeriod: pence,
    contributionMethod: z.enum(['net', 'invoice']),
    netPerPeriod: pence.describe('Paid each full period: the amount less a netted-off contribution'),
    holderKind: z.enum(['person', 'representative', 'third_party', 'managed_account']),
    holderName: z.string(),
    maskedAccount: z.string().describe('Only the last 4 digits, e.g. ****5678'),
  })
  .describe('What setting up the agreement pays: per period, how often, from which date');

export const transferSchema = z.object({
  id: z.uuid(),
  idempotencyKey: z.string(),
  debitAccount: z.string(),
  creditAccount: z.string(),
  amount: pence,
  kind: z.string(),
  reversesTransferId: z.uuid().nullable(),
  postedOn: isoDate,
  description: z.string(),
});

export const agreementSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  frequency: z.enum(['weekly', 'four_weekly', 'monthly']),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  weeklyAmount: pence,
  amountPerPeriod: pence,
  contributionPerPeriod: pence,
  contributionMethod: z.enum(['net', 'invoice']),
  netPerPeriod: pence,
  holderKind: z.string(),
  holderName: z.string(),
  maskedAccount: z.string(),
  changes: z.array(
    z.object({
      effectiveFrom: isoDate,
      amountPerPeriod: pence,
      contributionPerPeriod: pence,
      reason: z.string(),
    }),
  ),
  nextPayment: z
    .object({ periodStart: isoDate, periodEnd: isoDate, amount: pence, explanation: explainedSchema })
    .nullable(),
});

export const reviewSchema = z.object({
  id: z.uuid(),
  returnId: z.uuid(),
  balance: pence,
  threshold: pence,
  surplus: pence,
  policyVersion: z.string(),
  explanation: explainedSchema,
  status: z.enum(['awaiting_view', 'view_given', 'decided']),
  personView: z.string().nullable(),
  decision: z.enum(['keep', 'recover_now', 'reduce_next_payment']).nullable(),
  decisionAmount: pence.nullable(),
  decisionReason: z.string().nullable(),
});

export const returnSchema = z.object({
  id: z.uuid(),
  periodStart: isoDate,
  periodEnd: isoDate,
  openingBalance: pence,
  paymentsIn: pence,
  paWages: pence,
  employerCosts: pence,
  agency: pence,
  other: pence,
  closingBalance: pence,
  difference: pence,
  source: z.string(),
});

export const returnBody = z
  .object({
    periodStart: isoDate,
    periodEnd: isoDate,
    openingBalance: pence,
    paymentsIn: pence.min(0),
    paWages: pence.min(0),
    employerCosts: pence.min(0),
    agency: pence.min(0),
    other: pence.min(0),
    closingBalance: pence,
  })
  .strict();

export const runSchema = z.object({
  id: z.uuid(),
  runDate: isoDate,
  status: z.enum(['planned', 'approved', 'posted']),
  plannedCount: z.number().int(),
  plannedTotal: pence,
  createdBy: z.uuid(),
  approvedBy: z.uuid().nullable(),
});

export const runLineSchema = z.object({
  personId: z.uuid(),
  agreementId: z.uuid(),
  holderName: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  amount: pence,
  reduction: pence,
  sent: pence,
  explanation: explainedSchema,
});

/** Keeps only the fields a schema names (responses never leak encrypted bank details). */
export function pick<T extends z.ZodObject>(schema: T, value: object): z.infer<T> {
  const shape = schema.shape as Record<string, unknown>;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key in shape)) as z.infer<T>;
}
