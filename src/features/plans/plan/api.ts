import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personAccess, personRoute } from '../../../platform/auth/routes.ts';
import {
  errorResponses,
  explainedSchema,
  personParams,
  problemSchema,
  queryInt4,
} from '../../../platform/http/api-schemas.ts';
import type { FeatureDeps } from '../../index.ts';
import type { SupportPlanContent } from './content.ts';
import type { CostLine } from './costs.ts';
import { planContentInput, planSummary, rowVersionBody, summarise } from './api-schemas.ts';
import type { PlanDecision } from './decisions.ts';
import { applyPersonPart } from './service.ts';
import type { Restriction } from './restrictions.ts';

const conflict = { 409: problemSchema };

/** The API's loose input, typed as plan content; the service checks every field. */
function toContent(input: z.infer<typeof planContentInput>): SupportPlanContent {
  return {
    ...input,
    costLines: input.costLines.map((l) => ({
      ...l,
      sdsOption: (l.sdsOption ?? 0) as CostLine['sdsOption'],
    })) as CostLine[],
    restrictions: input.restrictions as Restriction[],
  };
}

const decisionResult = z.object({
  plan: planSummary,
  budgetVersion: z
    .object({ id: z.uuid(), version: z.number().int(), weeklyAmount: z.number().int() })
    .nullable(),
  directPayment: z
    .object({
      weeklyTotal: z.number().int(),
      frequency: z.string(),
      amountPerPayment: z.number().int(),
      explanation: explainedSchema,
    })
    .nullable(),
});

export const plansApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/people/:personId/plan',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['plans'],
        summary: 'The current support plan with its costs, budget check and every version',
        params: personParams,
        response: {
          200: z.object({
            plan: planSummary.nullable(),
            howAgreed: z
              .string()
              .nullable()
              .describe(
                'How the person agreed the current version, in plain words: signed from an account, or as a worker recorded it (on paper, verbally, …)',
              ),
            content: z.unknown(),
            outcomeWords: z
              .record(z.string(), z.object({ own: z.boolean(), attribution: z.string() }))
              .describe(
                'By outcome ref: whether the words are the person’s own, and who said and typed them',
              ),
            totals: z.object({
              weekly: explainedSchema,
              byOption: explainedSchema,
              byFundingStream: explainedSchema,
            }),
            budget: z
              .object({ weekly: z.number().int(), kind: z.string(), version: z.number().int() })
              .nullable(),
            budgetCheck: z.object({
              withinBudget: z.boolean(),
              difference: z.number().int(),
              explanation: z.string(),
            }),
            directPayment: decisionResult.shape.directPayment,
            versions: z.array(
              z.object({
                version: z.number().int(),
                round: z.number().int(),
                state: z.string(),
                howAgreed: z.string().nullable(),
                createdAt: z.date(),
                createdBy: z.string(),
                decidedBy: z.string(),
                decidedOn: z.string().nullable(),
                returnReasons: z.array(z.string()),
                overBudgetException: z.string().nullable(),
                totalWeekly: z.number().int(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const view = await services.plans.overview(personAccess(request));
      return { ...view, plan: view.plan ? summarise(view.plan) : null };
    },
  );

  app.put(
    '/api/v1/people/:personId/plan',
    {
      config: { ...personRoute('case.write').config, errorFieldsUnder: 'content' },
      schema: {
        tags: ['plans'],
        summary: 'Save the whole plan as a new version (workers). The first save starts the plan.',
        params: personParams,
        body: z
          .object({
            rowVersion: z
              .number()
              .int()
              .nullable()
              .describe('The version row you started from; null for a new plan'),
            content: planContentInput,
          })
          .strict(),
        response: { 201: planSummary, ...errorResponses, ...conflict },
      },
    },
    async (request, reply) => {
      const content = toContent(request.body.content);
      const saved = await services.plans.edit(
        personAccess(request),
        request.body.rowVersion,
        () => content,
        'plan.edit',
      );
      return reply.status(201).send(summarise(saved));
    },
  );

  app.patch(
    '/api/v1/people/:personId/plan/my-part',
    {
      ...personRoute('own_words.write'),
      schema: {
        tags: ['plans'],
        summary:
          'The person (or representative) writes their own sections: about me, how outcomes are met, contingency, risks they choose',
        params: personParams,
        body: z
          .object({
            rowVersion: z.number().int().nullable(),
            aboutMe: z.string().max(5000).optional(),
            contingency: z.string().max(3000).optional(),
            outcomes: z
              .array(
                z
                  .object({
                    ref: z.string().max(100),
                    howMet: z.string().max(3000).optional(),
                    flexibility: z.string().max(2000).optional(),
                  })
                  .strict(),
              )
              .optional(),
            addRisk: z
              .object({ description: z.string().max(1000), personView: z.string().max(2000) })
              .strict()
              .optional(),
          })
          .strict(),
        response: { 201: planSummary, ...errorResponses, ...conflict },
      },
    },
    async (request, reply) => {
      const { rowVersion, ...part } = request.body;
      const saved = await services.plans.edit(
        personAccess(request),
        rowVersion,
        (c) => applyPersonPart(c, part),
        'plan.edit_own_words',
      );
      return reply.status(201).send(summarise(saved));
    },
  );

  const step = (
    path: string,
    permission: 'own_words.write' | 'plan.sign' | 'case.decide',
    summary: string,
    body: z.ZodObject,
    toDecision: (body: never) => PlanDecision,
  ) =>
    app.post(
      `/api/v1/people/:personId/plan/${path}`,
      {
        ...personRoute(permission),
        schema: {
          tags: ['plans'],
          summary,
          params: personParams,
          body,
          response: { 200: decisionResult, ...errorResponses, ...conflict },
        },
      },
      async (request) => {
        const result = await services.plans.decide(
          personAccess(request),
          (request.body as { rowVersion: number }).rowVersion,
          toDecision(request.body as never),
        );
        return {
          plan: summarise(result.plan),
          budgetVersion: result.budgetVersion,
          directPayment: result.directPayment,
        };
      },
    );

  step(
    'share',
    'own_words.write',
    'Share the draft with the person to read and sign',
    rowVersionBody,
    () => ({ type: 'share' }),
  );
  step(
    'sign',
    'plan.sign',
    'Sign the shared plan (the person, or a representative with the power to sign)',
    rowVersionBody,
    () => ({ type: 'sign' }),
  );
  step(
    'submit',
    'own_words.write',
    'Send the signed plan to a manager for a decision',
    rowVersionBody,
    () => ({ type: 'submit' }),
  );
  step(
    'return',
    'case.decide',
    'Return the plan with reasons (managers)',
    z.object({ rowVersion: z.number().int(), reasons: z.array(z.string().max(1000)).max(20) }).strict(),
    (body: { reasons: string[] }) => ({ type: 'return', reasons: body.reasons }),
  );
  step(
    'agree',
    'case.decide',
    'Agree the plan (managers). Writes the agreed budget version and says what the direct-payment agreement needs.',
    z
      .object({
        rowVersion: z.number().int(),
        overBudgetReason: z
          .string()
          .max(2000)
          .optional()
          .describe('Needed only when the plan costs more than the budget'),
      })
      .strict(),
    (body: { overBudgetReason?: string }) => ({ type: 'agree', overBudgetReason: body.overBudgetReason }),
  );

  app.post(
    '/api/v1/people/:personId/plan/new-version',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['plans'],
        summary:
          'Start a new draft version from the agreed plan (the agreed plan stays in force until the new one is agreed)',
        params: personParams,
        body: rowVersionBody,
        response: { 201: planSummary, ...errorResponses, ...conflict },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          summarise(await services.plans.startNewVersion(personAccess(request), request.body.rowVersion)),
        ),
  );

  app.get(
    '/api/v1/people/:personId/plan/changes',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['plans'],
        summary:
          'What changed between two versions, in plain words (defaults: the latest and the one before)',
        params: personParams,
        querystring: z.object({
          from: queryInt4.min(1).optional(),
          to: queryInt4.min(1).optional(),
        }),
        response: {
          200: z.object({
            from: z.number().int(),
            to: z.number().int(),
            changes: z.array(
              z.object({
                section: z.string(),
                field: z.string(),
                before: z.string().nullable(),
                after: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const result = await services.plans.compareVersions(
        personAccess(request),
        request.query.from,
        request.query.to,
      );
      return { from: result.from.version, to: result.to.version, changes: result.changes };
    },
  );

  app.get(
    '/api/v1/people/:personId/plan/pdf',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['plans'],
        summary: 'The plan as a printable PDF in plain language',
        params: personParams,
      },
    },
    async (request, reply) => {
      const pdf = await services.plans.pdf(personAccess(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="support-plan.pdf"')
        .send(pdf);
    },
  );
};
