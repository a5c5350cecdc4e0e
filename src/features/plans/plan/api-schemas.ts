import { z } from 'zod';
import { enumOf, int4 } from '../../../platform/http/api-schemas.ts';
import { PROVIDER_KINDS } from './costs.ts';

/**
 * Plan content as the API takes it. Deliberately loose on the fields people most often leave
 * out (funding stream, option, reasons) so the service can answer with the same plain,
 * field-level messages the pages show, rather than a schema error.
 */
const text = (max: number) => z.string().max(max);

export const costLineInput = z
  .object({
    outcomeRef: text(100),
    description: text(500),
    providerKind: enumOf(PROVIDER_KINDS).or(z.literal('')).describe('Empty: not chosen yet'),
    frequency: text(200).default(''),
    weeklyCost: z.number().int().min(0).max(100_000_000).describe('Pence a week'),
    fundingStream: z
      .string()
      .max(100)
      .default('')
      .describe(
        'A code from the council’s funding streams in use (GET /api/v1/funding-streams); empty: not chosen yet',
      ),
    sdsOption: z.number().int().nullable().optional().describe('1, 2 or 3 (option 4 is a mix of lines)'),
    deliveredBy: z
      .uuid()
      .nullable()
      .optional()
      .describe('The provider account that delivers this support; it sees this line and no other'),
  })
  .strict();

export const planContentInput = z
  .object({
    aboutMe: text(5000).optional(),
    outcomes: z.array(
      z
        .object({
          ref: text(100),
          personWords: text(2000),
          workerView: text(2000).default(''),
          howMet: text(3000).default(''),
          flexibility: text(2000).optional(),
        })
        .strict(),
    ),
    costLines: z.array(costLineInput).max(200),
    contingency: text(3000).default(''),
    risks: z
      .array(
        z
          .object({
            description: text(1000),
            personView: text(2000).optional(),
            howEnabled: text(2000).default(''),
            whatAgreed: text(2000).optional(),
          })
          .strict(),
      )
      .default([]),
    restrictions: z
      .array(
        z
          .object({
            description: text(1000),
            reasonKind: text(60).default(''),
            reasonDetail: text(1000).default(''),
            decidedBy: text(200).default(''),
            decidedOn: text(10).default(''),
            reviewOn: text(10).default(''),
          })
          .strict(),
      )
      .default([]),
    nonNegotiables: z
      .array(z.object({ description: text(1000), legalOrder: text(500).default('') }).strict())
      .default([]),
  })
  .strict();

export const planSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  round: z.number().int(),
  state: z.string(),
  rowVersion: z.number().int(),
  totalWeekly: z.number().int(),
  content: z.unknown(),
  signature: z.unknown().nullable(),
  returnReasons: z.array(z.string()).nullable(),
  overBudgetException: z.string().nullable(),
  decidedOn: z.string().nullable(),
});

export const rowVersionBody = z.object({ rowVersion: int4.min(1) }).strict();

export function summarise(plan: {
  id: string;
  version: number;
  round: number;
  state: string;
  rowVersion: number;
  totalWeekly: number;
  content: unknown;
  signature: unknown;
  returnReasons: string[] | null;
  overBudgetException: string | null;
  decidedOn: string | null;
}) {
  return {
    id: plan.id,
    version: plan.version,
    round: plan.round,
    state: plan.state,
    rowVersion: plan.rowVersion,
    totalWeekly: plan.totalWeekly,
    content: plan.content,
    signature: plan.signature ?? null,
    returnReasons: plan.returnReasons,
    overBudgetException: plan.overBudgetException,
    decidedOn: plan.decidedOn,
  };
}
