import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import {
  errorResponses,
  explainedSchema,
  int4,
  isoDate,
  pence,
  personParams,
  problemSchema,
} from '../../platform/http/api-schemas.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { FeatureDeps } from '../index.ts';
import {
  agreementSchema,
  effectSchema,
  pick,
  returnBody,
  returnSchema,
  reviewSchema,
  runLineSchema,
  runSchema,
  setUpEffectSchema,
  transferSchema,
} from './api-schemas.ts';
import { bankKey } from './crypto.ts';
import {
  approveAndPost,
  bankFile,
  changeAgreement,
  createAgreement,
  createRun,
  decideSurplus,
  giveView,
  ledgerBalances,
  parseReturnCsv,
  personPayments,
  postAdjustment,
  previewAgreement,
  previewAgreementChange,
  remittances,
  reverseTransfer,
  runDetail,
  statement,
  submitReturns,
} from './service.ts';

const person = (access: unknown) => access as PersonAccess;
const council = (access: unknown) => access as CouncilAccess;
const runParams = z.object({ runId: z.uuid() });
const reviewParams = z.object({ personId: z.uuid(), reviewId: z.uuid() });

export const paymentsApi: FastifyPluginAsync<FeatureDeps> = async (plain, { db, config }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const key = bankKey(config.sessionSecret);
  const read = { config: { access: { permission: 'money.read' as const } } };
  const manage = { config: { access: { permission: 'money.manage' as const } } };
  const account = { config: { access: { permission: 'money.account' as const } } };
  const runs = { config: { access: { permission: 'payments.run' as const } } };

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
      const view = await personPayments(db, person(request.access));
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
        const effect = await previewAgreement(db, person(request.access), input);
        return reply.status(200).send({ effect });
      }
      const row = await createAgreement(db, person(request.access), key, input);
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
        const plan = await previewAgreementChange(db, person(request.access), input);
        return reply.status(200).send({ effect: plan.effect });
      }
      const { change, effect } = await changeAgreement(db, person(request.access), input);
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
      const { lines, moneyIn, moneyOut, balance } = await statement(db, person(request.access));
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
        .send(sendReturns(await submitReturns(db, person(request.access), [request.body], 'api'))),
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
        .send(sendReturns(await submitReturns(db, person(request.access), parsed.figures, 'csv')));
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
        await giveView(db, person(request.access), request.params.reviewId, request.body.view),
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
      const result = await decideSurplus(db, person(request.access), request.params.reviewId, request.body);
      return { review: pick(reviewSchema, result.review), explanation: result.explanation };
    },
  );

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
      const { run, created } = await createRun(db, council(request.access), request.body.runDate);
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
    const d = await runDetail(db, access, runId);
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
    async (request) => detail(council(request.access), request.params.runId),
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
      const access = council(request.access);
      const body = request.body;
      await approveAndPost(db, access, request.params.runId, {
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
      const file = await bankFile(
        db,
        council(request.access),
        config.sessionSecret,
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
      const result = await remittances(db, council(request.access), request.params.runId);
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

  // The ledger.
  const ledger = { config: { access: { permission: 'ledger.manage' as const } } };
  app.post(
    '/api/v1/ledger/transfers',
    {
      ...ledger,
      schema: {
        tags: ['ledger'],
        summary: 'Post an adjustment between two accounts (idempotent: the same key posts once)',
        body: z
          .object({
            idempotencyKey: z.string().min(8).max(200),
            debitAccount: z.string().min(3).max(200),
            creditAccount: z.string().min(3).max(200),
            amount: pence.min(1),
            postedOn: isoDate,
            description: z.string().min(1).max(500),
          })
          .strict(),
        response: { 201: transferSchema, 200: transferSchema, ...errorResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { transfer, replayed } = await postAdjustment(db, council(request.access), request.body);
      return reply.status(replayed ? 200 : 201).send(pick(transferSchema, transfer));
    },
  );

  app.post(
    '/api/v1/ledger/transfers/:transferId/reversal',
    {
      ...ledger,
      schema: {
        tags: ['ledger'],
        summary: 'Correct a transfer by posting its mirror (once only; the same key replays)',
        params: z.object({ transferId: z.uuid() }),
        body: z
          .object({ idempotencyKey: z.string().min(8).max(200), reason: z.string().min(1).max(500) })
          .strict(),
        response: { 201: transferSchema, 200: transferSchema, ...errorResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { transfer, replayed } = await reverseTransfer(
        db,
        council(request.access),
        request.params.transferId,
        request.body,
      );
      return reply.status(replayed ? 200 : 201).send(pick(transferSchema, transfer));
    },
  );

  app.get(
    '/api/v1/ledger/balances',
    {
      ...ledger,
      schema: {
        tags: ['ledger'],
        summary: 'Every account’s balance from its entries, and the ledger’s invariant check',
        response: {
          200: z.object({
            accounts: z.array(
              z.object({ account: z.string(), debits: pence, credits: pence, balance: pence }),
            ),
            transfers: z.number().int(),
            problems: z.array(z.string()),
          }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => ledgerBalances(db, council(request.access)),
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
