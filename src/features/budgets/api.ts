import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorResponses,
  explainedSchema as explanation,
  isoDate,
  pence,
  personParams,
  uuidParam,
} from '../../platform/http/api-schemas.ts';
import {
  councilAccess,
  councilRoute,
  personAccess,
  personRoute,
  publicRoute,
} from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';

const need = z
  .object({
    outcomeId: z.uuid(),
    unitCode: z.string().max(100),
    quantityPerWeek: z.number(),
    note: z.string().max(500).optional(),
  })
  .strict();
const version = z.object({
  id: z.uuid(),
  version: z.number().int(),
  kind: z.enum(['indicative', 'agreed', 'interim']),
  status: z.string(),
  weeklyAmount: pence,
  annualAmount: pence,
  oneOffTotal: pence,
  explanation,
  reason: z.string(),
  decidedByName: z.string(),
  createdAt: z.date(),
  expiresOn: z.string().nullable(),
  expired: z.boolean(),
  fundingStreams: z.array(
    z.object({
      stream: z.string(),
      source: z.string(),
      weeklyAmount: pence,
      conditions: z.string().nullable(),
      contact: z.string().nullable(),
    }),
  ),
});
const created = z.object({
  id: z.uuid(),
  version: z.number().int(),
  kind: z.string(),
  weeklyAmount: pence,
  annualAmount: pence,
  explanation,
});
const unit = z
  .object({
    code: z.string().max(50),
    name: z.string().max(200),
    unit: z.string().max(50),
    ratePence: z.number(),
    description: z.string().max(500).optional(),
  })
  .strict();
const policyDraft = z
  .object({
    versionLabel: z.string().max(200),
    effectiveFrom: isoDate,
    supportUnits: z.array(unit).max(100),
    contingencyBasisPoints: z.number(),
    bands: z
      .array(
        z.object({ code: z.string().max(50), label: z.string().max(200), weeklyAmount: z.number() }).strict(),
      )
      .max(20)
      .optional(),
    coProducedWith: z.string().max(500).nullable().optional(),
  })
  .strict();
const policyOut = z.object({
  id: z.uuid(),
  versionLabel: z.string(),
  status: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  content: z.unknown(),
  repricing: z.unknown(),
});
const tally = {
  count: z.number(),
  up: z.number(),
  down: z.number(),
  unchanged: z.number(),
  totalCurrent: pence,
  totalProposed: pence,
  totalChange: pence,
  totalUp: pence,
  totalDown: pence,
};
const repricing = z.object({
  summary: z.object({
    ...tally,
    byGroup: z.record(z.string(), z.array(z.object({ value: z.string(), ...tally }))),
  }),
  notCosted: z.number(),
});

export const budgetApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/people/:personId/budget',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['budgets'],
        summary:
          'The current budget, any interim budget and every version, each with its explanation and funding streams',
        params: personParams,
        response: {
          200: z.object({
            current: version.nullable(),
            interim: version.nullable(),
            versions: z.array(version),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const record = await services.budgets.record(personAccess(request));
      return { current: record.current, interim: record.interim, versions: record.versions };
    },
  );

  app.post(
    '/api/v1/people/:personId/budget/indicative',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['budgets'],
        summary: 'Cost assessed needs per outcome under the policy in force and save an indicative version',
        params: personParams,
        body: z
          .object({
            needs: z.array(need).max(100),
            oneOffs: z
              .array(
                z
                  .object({ label: z.string().max(200), amount: z.number(), reason: z.string().max(500) })
                  .strict(),
              )
              .max(20)
              .optional(),
            fundingStreams: z
              .array(
                z
                  .object({
                    stream: z
                      .string()
                      .max(100)
                      .describe(
                        'A code from the council’s funding streams in use (GET /api/v1/funding-streams)',
                      ),
                    source: z.string().max(200),
                    weeklyAmount: z.number(),
                    conditions: z.string().max(1000).nullable().optional(),
                    contact: z.string().max(500).nullable().optional(),
                  })
                  .strict(),
              )
              .max(10)
              .optional()
              .describe('Other streams paying part of the budget; council social care pays the rest'),
            reason: z.string().max(1000),
          })
          .strict(),
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.budgets.costIndicative(personAccess(request), request.body)),
  );

  app.post(
    '/api/v1/people/:personId/budget/what-if',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['budgets'],
        summary: 'How the budget would change if needs changed; nothing is saved',
        params: personParams,
        body: z.object({ changedNeeds: z.array(need).min(1).max(100) }).strict(),
        response: {
          200: z.object({
            current: explanation,
            proposed: explanation,
            weeklyChange: pence,
            annualChange: pence,
            change: explanation,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      (await services.budgets.whatIf(personAccess(request), request.body.changedNeeds)).result,
  );

  app.post(
    '/api/v1/people/:personId/budget/interim',
    {
      ...personRoute('case.decide'),
      schema: {
        tags: ['budgets'],
        summary: 'A team manager approves an interim budget the same day for a person in crisis',
        params: personParams,
        body: z
          .object({ weeklyAmount: z.number(), reason: z.string().max(1000), expiresOn: z.string().max(10) })
          .strict(),
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.budgets.approveInterim(personAccess(request), request.body)),
  );

  app.get(
    '/api/v1/budgets/interim',
    {
      ...councilRoute('crisis.approve'),
      schema: {
        tags: ['budgets'],
        summary: 'Interim budgets not yet regularised, soonest expiry first, expired ones marked',
        response: {
          200: z.object({
            interims: z.array(
              z.object({
                budgetId: z.uuid(),
                personId: z.uuid(),
                legalName: z.string(),
                weeklyAmount: pence,
                reason: z.string(),
                expiresOn: z.string().nullable(),
                approvedOn: z.date(),
                approvedBy: z.string().nullable(),
                expired: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ interims: await services.budgets.openInterims(councilAccess(request)) }),
  );

  app.get(
    '/api/v1/policies/budget',
    {
      ...publicRoute(),
      schema: {
        tags: ['policies'],
        summary: 'Published budget policy versions, newest first, and the one in force (no sign-in needed)',
        description:
          'Whose policies: the council named by `council`; without it, the signed-in account’s council, ' +
          'or the only council there is (400 when there are several).',
        security: [],
        querystring: z
          .object({ council: z.string().max(63).optional().describe('The council’s code, as in /c/{code}') })
          .strict(),
        response: {
          200: z.object({ current: policyOut.nullable(), versions: z.array(policyOut) }),
          400: errorResponses[400],
          404: errorResponses[404],
        },
      },
    },
    async (request) => {
      const council = await services.councils.named(request, request.query.council);
      return services.budgets.publicPolicies(council.id);
    },
  );

  app.post(
    '/api/v1/policies/budget',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['policies'],
        summary:
          'Save a draft version after checking rates, contingency, bands and dates (nothing saved if wrong)',
        body: policyDraft,
        response: { 201: policyOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.budgets.draftPolicy(councilAccess(request), request.body)),
  );

  app.get(
    '/api/v1/policies/budget/:policyId/repricing',
    {
      ...councilRoute('policy.preview'),
      schema: {
        tags: ['policies'],
        summary:
          'What a draft would do to every current budget: up, down, unchanged, rises and cuts, by group',
        params: uuidParam('policyId'),
        response: {
          200: z.object({
            version: policyOut,
            report: repricing.nullable(),
            errors: z.array(z.object({ field: z.string(), message: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const preview = await services.budgets.repricingPreview(
        councilAccess(request),
        (request.params as { policyId: string }).policyId,
      );
      return { version: preview.version, report: preview.report, errors: preview.errors };
    },
  );

  app.post(
    '/api/v1/policies/budget/:policyId/publish',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['policies'],
        summary: 'Publish a draft: checked again, its re-pricing report kept, the previous version closed',
        params: uuidParam('policyId'),
        response: { 200: policyOut, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (request) =>
      services.budgets.publishPolicy(
        councilAccess(request),
        (request.params as { policyId: string }).policyId,
      ),
  );
};
