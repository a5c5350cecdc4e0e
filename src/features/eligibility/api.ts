import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, personParams } from '../../platform/http/api-schemas.ts';
import { councilAccess, councilRoute, personAccess, personRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import { CARE_ACT_OUTCOMES, SCOTLAND_BANDS, SCOTLAND_RISK_AREAS, UNABLE_REASONS } from './rules.ts';

const keys = <T extends string>(table: Readonly<Record<T, unknown>>) => Object.keys(table) as [T, ...T[]];
const text = (max: number) => z.string().max(max);

const band = z.enum(keys(SCOTLAND_BANDS));
const areaEntry = z.object({ band, evidence: text(4000) }).strict();
const scotlandAssessment = z
  .object({
    framework: z.literal('scotland'),
    areas: z
      .object(
        Object.fromEntries(keys(SCOTLAND_RISK_AREAS).map((area) => [area, areaEntry])) as Record<
          keyof typeof SCOTLAND_RISK_AREAS,
          typeof areaEntry
        >,
      )
      .strict(),
    statutoryOrder: z
      .object({ kind: z.enum(['court', 'childrens_hearing']), detail: text(2000) })
      .strict()
      .optional(),
  })
  .strict();
const outcomeEntry = z
  .object({ unable: z.array(z.enum(keys(UNABLE_REASONS))).max(4), evidence: text(4000) })
  .strict();
const englandAssessment = z
  .object({
    framework: z.literal('england'),
    impairment: z.object({ met: z.boolean(), evidence: text(4000) }).strict(),
    outcomes: z.partialRecord(z.enum(keys(CARE_ACT_OUTCOMES)), outcomeEntry),
    wellbeing: z.object({ significantImpact: z.boolean(), evidence: text(4000) }).strict(),
  })
  .strict();
export const signpostingSchema = z
  .object({
    text: text(4000),
    links: z.array(z.object({ text: text(200), href: text(500) }).strict()).max(20),
  })
  .strict();

const decisionSchema = z.object({
  id: z.uuid(),
  eligible: z.boolean(),
  result: z
    .string()
    .describe(
      "Scotland: the overall band (or 'eligible' for a statutory order); England: eligible | not_eligible",
    ),
  reasons: z.array(z.string()).describe('Plain words, each naming the area or outcome and the evidence'),
  reviewRoute: z.string(),
  signposting: signpostingSchema.nullable(),
  policyVersionLabel: z.string(),
  decidedByName: z.string(),
  decidedOn: z.string(),
  assessment: z.unknown(),
});

export const eligibilityApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/people/:personId/eligibility',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['eligibility'],
        summary: 'The person’s eligibility decisions, newest first, with reasons and the route to a review',
        params: personParams,
        response: { 200: z.object({ decisions: z.array(decisionSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const record = await services.eligibility.record(personAccess(request));
      return { decisions: record.decisions };
    },
  );

  app.post(
    '/api/v1/people/:personId/eligibility',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['eligibility'],
        summary:
          'Decide eligibility under the policy in force today; not eligible always comes with signposting',
        params: personParams,
        body: z
          .object({
            assessment: z.discriminatedUnion('framework', [scotlandAssessment, englandAssessment]),
            signposting: signpostingSchema.optional(),
          })
          .strict(),
        response: { 201: decisionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const decision = await services.eligibility.recordDecision(personAccess(request), request.body);
      return reply.status(201).send(decision);
    },
  );

  app.post(
    '/api/v1/policies/eligibility',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['policies'],
        summary:
          'Publish a new eligibility policy version from a date (no gaps, no overlaps, never in the past)',
        body: z
          .object({
            policy: z.discriminatedUnion('framework', [
              z
                .object({
                  framework: z.literal('scotland'),
                  versionLabel: text(200),
                  fundedBands: z.array(band).max(5),
                  reviewRoute: text(2000),
                })
                .strict(),
              z
                .object({ framework: z.literal('england'), versionLabel: text(200), reviewRoute: text(2000) })
                .strict(),
            ]),
            effectiveFrom: z.string().max(10),
            signposting: signpostingSchema,
          })
          .strict(),
        response: {
          201: z.object({
            id: z.uuid(),
            versionLabel: z.string(),
            effectiveFrom: z.string(),
            effectiveTo: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const version = await services.eligibility.publishPolicy(councilAccess(request), request.body);
      return reply.status(201).send(version);
    },
  );
};
