import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { councilAccess, councilRoute } from '../../../platform/auth/routes.ts';
import {
  errorResponses,
  explainedSchema,
  int4,
  isoDate,
  pence,
  problemSchema,
} from '../../../platform/http/api-schemas.ts';
import type { FeatureDeps } from '../../index.ts';
import { pick, runLineSchema, runSchema } from '../api-schemas.ts';
const runParams = z.object({ runId: z.uuid() });

export const paymentRunsApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const runs = councilRoute('payments.run');

  // Payment runs (finance officers).
  app.post(
    '/api/v1/payments/runs',
    {
      ...runs,
      schema: {
        tags: ['payments'],
        summary: 'Create the payment run for a date (asking again for the same date returns the same run)',
        body: z.object({ runDate: isoDate }).strict(),
        response: {
          201: runSchema,
          200: runSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { run, created } = await services.payments.createRun(
        councilAccess(request),
        request.body.runDate,
      );
      return reply.status(created ? 201 : 200).send(pick(runSchema, run));
    },
  );

  const runDetailSchema = z.object({
    run: runSchema.extend({
      createdByName: z.string(),
      approvedByName: z.string().nullable(),
      twoPersonApproval: z
        .boolean()
        .describe('The council’s setting: whoever created a run may not approve it (on by default)'),
    }),
    posted: z.array(runLineSchema.omit({ sent: true }).extend({ sent: pence })),
    postedCount: z.number().int(),
    postedTotal: pence,
    due: z
      .object({ count: z.number().int(), total: pence, totalSent: pence, lines: z.array(runLineSchema) })
      .nullable(),
  });
  const detail = async (access: CouncilAccess, runId: string) => {
    const d = await services.payments.runDetail(access, runId);
    return {
      run: {
        ...pick(runSchema, d.run),
        createdByName: d.createdByName,
        approvedByName: d.approvedByName,
        twoPersonApproval: d.twoPersonApproval,
      },
      posted: d.posted.map((p) => ({ ...pick(runLineSchema, p), sent: p.amount - p.reduction })),
      postedCount: d.postedCount,
      postedTotal: d.postedTotal,
      due: d.plan
        ? {
            count: d.plan.count,
            total: d.plan.total,
            totalSent: d.plan.totalSent,
            lines: d.plan.lines.map((l) => pick(runLineSchema, l)),
          }
        : null,
    };
  };

  app.get(
    '/api/v1/payments/runs/:runId',
    {
      ...runs,
      schema: {
        tags: ['payments'],
        summary: 'A payment run: what is due (before approval) and what has been posted',
        params: runParams,
        response: { 200: runDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(councilAccess(request), request.params.runId),
  );

  app.post(
    '/api/v1/payments/runs/:runId/approve',
    {
      ...runs,
      schema: {
        tags: ['payments'],
        summary:
          'Approve the totals and post the run (also resumes an interrupted run; a posted run is left alone)',
        description:
          'Two people: when the council’s payment policy asks for it (the default), the finance officer who created the run is refused with 403 and another finance officer must approve it. The refusal and the approval are both audited.',
        params: runParams,
        body: z
          .object({ expectedCount: int4.min(0), expectedTotal: pence.min(0) })
          .strict()
          .optional(),
        response: { 200: runDetailSchema, ...errorResponses, 409: problemSchema },
      },
    },
    async (request) => {
      const access = councilAccess(request);
      const body = request.body;
      await services.payments.approveAndPost(access, request.params.runId, {
        expected: body ? { count: body.expectedCount, total: body.expectedTotal } : undefined,
      });
      return detail(access, request.params.runId);
    },
  );

  app.get(
    '/api/v1/payments/runs/:runId/bank-file',
    {
      ...runs,
      schema: {
        tags: ['payments'],
        summary: 'The bank payment file of a posted run: CSV, or BACS Standard 18 payment lines',
        params: runParams,
        querystring: z.object({ format: z.enum(['csv', 'bacs']).default('csv') }),
        produces: ['text/csv', 'text/plain'],
        response: {
          200: z.string().describe('format=csv: text/csv; format=bacs: text/plain (BACS Standard 18 lines)'),
          ...errorResponses,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const file = await services.payments.bankFile(
        councilAccess(request),
        request.params.runId,
        request.query.format,
      );
      return reply
        .type(request.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.get(
    '/api/v1/payments/runs/:runId/remittances',
    {
      ...runs,
      schema: {
        tags: ['payments'],
        summary: 'One remittance per person: each period paid, explained, and the total sent',
        params: runParams,
        response: {
          200: z.object({
            remittances: z.array(
              z.object({
                personId: z.uuid(),
                holderName: z.string(),
                reference: z.string(),
                total: pence,
                periods: z.array(
                  z.object({
                    periodStart: isoDate,
                    periodEnd: isoDate,
                    amount: pence,
                    reduction: pence,
                    explanation: explainedSchema,
                  }),
                ),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const result = await services.payments.remittances(councilAccess(request), request.params.runId);
      return {
        remittances: result.remittances.map((r) => ({
          ...r,
          periods: r.periods.map(({ periodStart, periodEnd, amount, reduction, explanation }) => ({
            periodStart,
            periodEnd,
            amount,
            reduction,
            explanation,
          })),
        })),
      };
    },
  );
};
