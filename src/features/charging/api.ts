import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { effectSchema } from './api-schemas.ts';
import {
  errorResponses,
  explainedSchema,
  isoDate,
  pence,
  personParams,
  problemSchema,
} from '../../platform/http/api-schemas.ts';
import { councilAccess, personAccess, personRoute, signedInRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import type { chargingRecord } from './service.ts';

const assessmentSchema = z.object({
  id: z.uuid(),
  effectiveFrom: isoDate,
  band: z.string(),
  weeklyContribution: pence,
  policyVersion: z.string(),
  explanation: explainedSchema,
  steps: z.array(z.object({ kind: z.string(), label: z.string(), amount: pence, rule: z.string() })),
  incomes: z.array(
    z.object({ kind: z.string(), label: z.string(), weeklyAmount: pence, evidence: z.string() }),
  ),
  capital: z.array(z.object({ label: z.string(), amount: pence, evidence: z.string() })),
  services: z.array(z.object({ label: z.string(), weeklyCost: pence, freePersonalCare: z.boolean() })),
  supersedesId: z.uuid().nullable().describe('The assessment this one corrects (same date), if any'),
  reason: z.string().nullable().describe('Why it was corrected'),
});

function assessmentView(a: NonNullable<Awaited<ReturnType<typeof chargingRecord>>['assessment']>) {
  return {
    id: a.id,
    effectiveFrom: a.effectiveFrom,
    band: a.band,
    weeklyContribution: a.weeklyContribution,
    policyVersion: a.result.policyVersion,
    explanation: a.result.explanation,
    steps: a.result.steps,
    incomes: a.incomes,
    capital: a.capital,
    services: a.services,
    supersedesId: a.supersedesId,
    reason: a.reason,
  };
}

const money = pence.min(0);
const assessmentBody = z
  .object({
    effectiveFrom: isoDate,
    incomes: z
      .array(
        z
          .object({
            kind: z.string().min(1).max(60),
            label: z.string().min(1).max(200),
            weeklyAmount: money,
            evidence: z.string().min(1).max(500),
          })
          .strict(),
      )
      .max(30),
    capital: z
      .array(
        z
          .object({
            label: z.string().min(1).max(200),
            amount: money,
            evidence: z.string().min(1).max(500),
          })
          .strict(),
      )
      .max(30)
      .default([]),
    expenses: z
      .array(z.object({ label: z.string().min(1).max(200), weeklyAmount: money }).strict())
      .max(30)
      .default([]),
    services: z
      .array(
        z
          .object({
            label: z.string().min(1).max(200),
            weeklyCost: money,
            freePersonalCare: z.boolean(),
          })
          .strict(),
      )
      .max(50)
      .default([]),
    migBand: z.string().max(60).optional(),
    noIncome: z
      .boolean()
      .default(false)
      .describe('The explicit answer that the person has no income; otherwise incomes must not be empty'),
    supersedes: z
      .uuid()
      .optional()
      .describe(
        'To correct: the id of the current assessment (same effectiveFrom); refused with 409 if not current',
      ),
    reason: z.string().max(1000).optional().describe('Why it is corrected; required with supersedes'),
  })
  .strict();

export const chargingApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/charging/policies',
    {
      ...signedInRoute(),
      schema: {
        tags: ['charging'],
        summary:
          'The council’s published charging policy versions (thresholds, taper, disregards, MIG, capital limits)',
        response: {
          200: z.object({
            policies: z.array(
              z.object({
                versionLabel: z.string(),
                effectiveFrom: isoDate,
                contributionMethod: z.enum(['net', 'invoice']),
                policy: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
          401: problemSchema,
        },
      },
    },
    async (request) => {
      const policies = await services.charging.policies(councilAccess(request));
      return {
        policies: policies.map((p) => ({
          versionLabel: p.versionLabel,
          effectiveFrom: p.effectiveFrom,
          contributionMethod: p.contributionMethod,
          policy: p.policy as unknown as Record<string, unknown>,
        })),
      };
    },
  );

  app.get(
    '/api/v1/people/:personId/charging',
    {
      ...personRoute('money.read'),
      schema: {
        tags: ['charging'],
        summary: 'The person’s financial assessment: the weekly contribution and every line of its working',
        params: personParams,
        response: {
          200: z.object({
            assessment: assessmentSchema.nullable(),
            reviewRequests: z.array(z.object({ reason: z.string(), requestedOn: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const record = await services.charging.record(personAccess(request));
      return {
        assessment: record.assessment ? assessmentView(record.assessment) : null,
        reviewRequests: record.reviews.map((r) => ({
          reason: r.reason,
          requestedOn: r.createdAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/v1/people/:personId/charging/assessments',
    {
      ...personRoute('money.manage'),
      schema: {
        tags: ['charging'],
        summary:
          'Record a financial assessment (income and capital with evidence) and work out the contribution',
        description:
          'Services default to the agreed support plan’s lines (personal care marked free in Scotland). A direct-payment agreement takes the new contribution from the first unpaid day on or after effectiveFrom.',
        params: personParams,
        body: assessmentBody,
        response: {
          201: z.object({
            assessment: assessmentSchema,
            agreementChangedFrom: isoDate.nullable(),
            effect: effectSchema,
          }),
          409: problemSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await services.charging.recordAssessment(personAccess(request), request.body);
      return reply.status(201).send({
        assessment: assessmentView(result.assessment),
        agreementChangedFrom: result.agreementChangedFrom,
        effect: result.effect,
      });
    },
  );

  app.post(
    '/api/v1/people/:personId/charging/assessments/preview',
    {
      ...personRoute('money.manage'),
      schema: {
        tags: ['charging'],
        summary: 'Work out an assessment and what it would change, without saving anything',
        description:
          'The same body and checks as recording it. Answers the contribution with its working and the effect: old → new weekly contribution, the direct payment per period before and after, from which date, and any paid period a correction puts right in the ledger.',
        params: personParams,
        body: assessmentBody,
        response: {
          200: z.object({
            assessment: z.object({
              band: z.string(),
              weeklyContribution: pence,
              policyVersion: z.string(),
              explanation: explainedSchema,
              steps: assessmentSchema.shape.steps,
            }),
            effect: effectSchema,
          }),
          409: problemSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const plan = await services.charging.previewAssessment(personAccess(request), request.body);
      return {
        assessment: {
          band: plan.band,
          weeklyContribution: plan.result.weeklyContribution,
          policyVersion: plan.result.policyVersion,
          explanation: plan.result.explanation,
          steps: plan.result.steps,
        },
        effect: plan.effect,
      };
    },
  );

  app.post(
    '/api/v1/people/:personId/charging/review-requests',
    {
      ...personRoute('money.account'),
      schema: {
        tags: ['charging'],
        summary: 'The person asks for their financial assessment to be looked at again',
        params: personParams,
        body: z.object({ reason: z.string().min(1).max(4000) }).strict(),
        response: { 201: z.object({ id: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await services.charging.requestReview(personAccess(request), request.body.reason);
      return reply.status(201).send({ id: row.id });
    },
  );
};
