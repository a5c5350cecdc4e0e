import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personAccess, personRoute } from '../../../platform/auth/routes.ts';
import {
  errorResponses,
  explainedSchema,
  isoDate,
  pence,
  personParams,
  problemSchema,
} from '../../../platform/http/api-schemas.ts';
import { Problem } from '../../../platform/http/problem.ts';
import type { FeatureDeps } from '../../index.ts';
import { effectSchema } from '../../charging/index.ts';
import {
  agreementSchema,
  pick,
  returnBody,
  returnSchema,
  reviewSchema,
  setUpEffectSchema,
} from '../api-schemas.ts';
import { parseReturnCsv, type submitReturns } from '../returns/service.ts';
import type { personPayments } from './service.ts';

const reviewParams = z.object({ personId: z.uuid(), reviewId: z.uuid() });

export const personPaymentsApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const read = personRoute('money.read');
  const manage = personRoute('money.manage');
  const account = personRoute('money.account');

  app.get(
    '/api/v1/people/:personId/payments',
    {
      ...read,
      schema: {
        tags: ['payments'],
        summary: 'The person’s direct-payment agreement, payments, balance, returns and surplus reviews',
        params: personParams,
        response: {
          200: z.object({
            agreement: agreementSchema.nullable(),
            balance: pence,
            payments: z.array(
              z.object({
                periodStart: isoDate,
                periodEnd: isoDate,
                amount: pence,
                reduction: pence,
                explanation: explainedSchema,
              }),
            ),
            returns: z.array(returnSchema),
            surplusReviews: z.array(reviewSchema),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const view = await services.payments.forPerson(personAccess(request));
      return {
        agreement: view.agreement ? agreementView(view.agreement) : null,
        balance: view.balance,
        payments: view.payments,
        returns: view.returns.map((r) => pick(returnSchema, r)),
        surplusReviews: view.reviews.map((r) => pick(reviewSchema, r)),
      };
    },
  );

  app.post(
    '/api/v1/people/:personId/payments/agreement',
    {
      ...manage,
      schema: {
        tags: ['payments'],
        summary: 'Create the direct-payment agreement from the agreed plan’s option 1 lines',
        description:
          'Amounts come from the agreed support plan (option 1 lines) and the current financial assessment. Bank details are validated, stored encrypted and only ever shown masked. With dryRun the agreement is worked out and nothing is saved (200): the effect shows what will be paid each period, how often, from which date, the contribution taken off and the account masked.',
        params: personParams,
        body: z
          .object({
            frequency: z.enum(['weekly', 'four_weekly', 'monthly']),
            startDate: isoDate,
            endDate: isoDate.nullable().default(null),
            holderKind: z.enum(['person', 'representative', 'third_party', 'managed_account']),
            holderName: z.string().min(1).max(200),
            sortCode: z.string().max(20),
            accountNumber: z.string().max(20),
            dryRun: z.boolean().default(false),
          })
          .strict(),
        response: {
          201: z.object({ id: z.uuid(), effect: setUpEffectSchema }),
          200: z.object({ effect: setUpEffectSchema }),
          ...errorResponses,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { dryRun, ...input } = request.body;
      if (dryRun) {
        const effect = await services.payments.previewAgreement(personAccess(request), input);
        return reply.status(200).send({ effect });
      }
      const row = await services.payments.createAgreement(personAccess(request), input);
      return reply.status(201).send({ id: row.id, effect: row.effect });
    },
  );

  app.post(
    '/api/v1/people/:personId/payments/agreement/changes',
    {
      ...manage,
      schema: {
        tags: ['payments'],
        summary: 'Apply the latest agreed plan and contribution to the agreement from a date (pro rata)',
        description:
          'With dryRun the change is worked out and nothing is saved (200): the effect shows the payment per period before and after, from which date, and any paid period put right. A second change from the same date answers 409 unless it supersedes the current one (its id) with a reason; periods already paid from that date are then corrected in the ledger.',
        params: personParams,
        body: z
          .object({
            effectiveFrom: isoDate,
            reason: z.string().min(1).max(500),
            supersedes: z
              .uuid()
              .optional()
              .describe('To correct: the id of the current change from that date'),
            dryRun: z.boolean().default(false),
          })
          .strict(),
        response: {
          201: z.object({
            id: z.uuid(),
            amountPerPeriod: pence,
            contributionPerPeriod: pence,
            effect: effectSchema,
          }),
          200: z.object({ effect: effectSchema }),
          ...errorResponses,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { dryRun, ...input } = request.body;
      if (dryRun) {
        const plan = await services.payments.previewChange(personAccess(request), input);
        return reply.status(200).send({ effect: plan.effect });
      }
      const { change, effect } = await services.payments.changeAgreement(personAccess(request), input);
      return reply.status(201).send({
        id: change.id,
        amountPerPeriod: change.amountPerPeriod,
        contributionPerPeriod: change.contributionPerPeriod,
        effect,
      });
    },
  );

  app.get(
    '/api/v1/people/:personId/payments/statement',
    {
      ...read,
      schema: {
        tags: ['payments'],
        summary: 'The person’s statement: money in, money out and the balance, in plain words',
        params: personParams,
        response: {
          200: z.object({
            moneyIn: pence,
            moneyOut: pence,
            balance: pence,
            lines: z.array(
              z.object({
                date: isoDate,
                what: z.string(),
                detail: z.string(),
                moneyIn: pence,
                moneyOut: pence,
                balance: pence,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { lines, moneyIn, moneyOut, balance } = await services.payments.statement(personAccess(request));
      return { lines, moneyIn, moneyOut, balance };
    },
  );

  const returnResult = z.object({
    returns: z.array(
      z.object({
        id: z.uuid(),
        reconciles: z.boolean(),
        message: z.string(),
        explanation: explainedSchema,
        surplusReview: reviewSchema.nullable(),
      }),
    ),
  });
  const sendReturns = (results: Awaited<ReturnType<typeof submitReturns>>) => ({
    returns: results.map((r) => ({
      id: r.saved.id,
      reconciles: r.check.reconciles,
      message: r.check.message,
      explanation: r.check.explanation,
      surplusReview: r.review ? pick(reviewSchema, r.review) : null,
    })),
  });

  app.post(
    '/api/v1/people/:personId/payments/returns',
    {
      ...account,
      schema: {
        tags: ['payments'],
        summary: 'Submit a monitoring return; a balance above the policy threshold opens a surplus review',
        params: personParams,
        body: returnBody,
        response: { 201: returnResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          sendReturns(await services.payments.submitReturns(personAccess(request), [request.body], 'api')),
        ),
  );

  app.post(
    '/api/v1/people/:personId/payments/returns/csv',
    {
      ...account,
      schema: {
        tags: ['payments'],
        summary: 'Submit returns as CSV; any bad row refuses the whole file with field errors per row',
        description:
          'Columns: period_start, period_end, opening_balance, payments_in, pa_wages, employer_costs, agency, other, closing_balance (amounts in pounds).',
        params: personParams,
        body: z.object({ csv: z.string().min(1).max(200_000) }).strict(),
        response: { 201: returnResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const parsed = parseReturnCsv(request.body.csv);
      if (parsed.errors.length)
        throw Problem.invalid(parsed.errors, 'Some rows of the file need correcting. Nothing was saved.');
      return reply
        .status(201)
        .send(
          sendReturns(await services.payments.submitReturns(personAccess(request), parsed.figures, 'csv')),
        );
    },
  );

  app.post(
    '/api/v1/people/:personId/payments/surplus-reviews/:reviewId/view',
    {
      ...account,
      schema: {
        tags: ['payments'],
        summary: 'The person gives their view on a surplus (before any recovery can be decided)',
        params: reviewParams,
        body: z.object({ view: z.string().min(1).max(4000) }).strict(),
        response: { 200: reviewSchema, ...errorResponses, 409: problemSchema },
      },
    },
    async (request) =>
      pick(
        reviewSchema,
        await services.payments.giveView(personAccess(request), request.params.reviewId, request.body.view),
      ),
  );

  app.post(
    '/api/v1/people/:personId/payments/surplus-reviews/:reviewId/decision',
    {
      ...manage,
      schema: {
        tags: ['payments'],
        summary:
          'Decide a surplus review: keep it with the person, recover it now, or reduce the next payment',
        params: reviewParams,
        body: z
          .object({
            decision: z.enum(['keep', 'recover_now', 'reduce_next_payment']),
            reason: z.string().min(1).max(4000),
          })
          .strict(),
        response: {
          200: z.object({ review: reviewSchema, explanation: explainedSchema.nullable() }),
          ...errorResponses,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const result = await services.payments.decideSurplus(
        personAccess(request),
        request.params.reviewId,
        request.body,
      );
      return { review: pick(reviewSchema, result.review), explanation: result.explanation };
    },
  );
};

function agreementView(a: NonNullable<Awaited<ReturnType<typeof personPayments>>['agreement']>) {
  return {
    ...pick(agreementSchema, a),
    changes: a.changes.map(({ effectiveFrom, amountPerPeriod, contributionPerPeriod, reason }) => ({
      effectiveFrom,
      amountPerPeriod,
      contributionPerPeriod,
      reason,
    })),
    nextPayment: a.nextPayment
      ? {
          periodStart: a.nextPayment.periodStart,
          periodEnd: a.nextPayment.periodEnd,
          amount: a.nextPayment.amount,
          explanation: a.nextPayment.explanation,
        }
      : null,
  };
}
