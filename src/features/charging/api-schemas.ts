import { z } from 'zod';
import { explainedSchema, isoDate, pence } from '../../platform/http/api-schemas.ts';

/**
 * What a change of contribution does to the person's payments, as the charging API answers it
 * (preview and save) and the payments API shows it for agreement changes. Payments works the
 * figures out (charging/deps.ts); the shape is declared here, once, so both can use it.
 */
const beforeAfter = z.object({ before: pence, after: pence });
export const effectSchema = z
  .object({
    from: isoDate.describe('The date the new contribution applies to the direct payment from'),
    weeklyContribution: z.object({ before: pence.nullable(), after: pence }),
    directPayment: z
      .object({
        frequency: z.enum(['weekly', 'four_weekly', 'monthly']),
        contributionMethod: z.enum(['net', 'invoice']),
        amountPerPeriod: beforeAfter,
        contributionPerPeriod: beforeAfter,
        netPerPeriod: beforeAfter,
      })
      .nullable()
      .describe('Null when the person has no direct-payment agreement'),
    corrections: z.array(
      z.object({
        periodStart: isoDate,
        periodEnd: isoDate,
        paid: pence,
        due: pence,
        amount: pence.describe('due − paid: above zero paid to the person, below zero taken back'),
        explanation: explainedSchema,
      }),
    ),
    correctionTotal: pence,
  })
  .describe('What saving the assessment changes: old → new contribution and payment, from which date');
