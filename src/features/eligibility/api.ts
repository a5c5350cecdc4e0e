import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, isoDate, personParams, uuidParam } from '../../platform/http/api-schemas.ts';
import { councilAccess, councilRoute, personAccess, personRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import { LIMITS } from './policy-rules.ts';
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

  const versionOut = z.object({
    id: z.uuid(),
    status: z.enum(['draft', 'published']),
    framework: z.enum(['scotland', 'england']),
    versionLabel: z.string(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    fundedBands: z
      .array(band)
      .nullable()
      .describe('Scotland: the risk bands the council meets; England: null'),
    reviewRoute: z.string(),
    signposting: signpostingSchema,
    createdByName: z.string().nullable(),
    createdAt: z.date(),
    publishedByName: z.string().nullable(),
    publishedAt: z.date().nullable(),
    publishedAsId: z.uuid().nullable(),
  });

  app.get(
    '/api/v1/policies/eligibility',
    {
      ...councilRoute('policy.preview'),
      schema: {
        tags: ['policies'],
        summary: 'The eligibility policy in force today and every version (drafts too), newest first',
        response: {
          200: z.object({
            framework: z.enum(['scotland', 'england']),
            inForce: versionOut.nullable(),
            versions: z.array(versionOut),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.eligibility.policies(councilAccess(request)),
  );

  app.post(
    '/api/v1/policies/eligibility/drafts',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['policies'],
        summary:
          'Save a draft eligibility policy version (the council’s own framework) after checking it; nothing saved if wrong',
        body: z
          .object({
            versionLabel: text(LIMITS.versionLabel),
            effectiveFrom: isoDate,
            fundedBands: z
              .array(band)
              .max(5)
              .default([])
              .describe('Scotland: the risk bands the council meets, down from critical; England: leave out'),
            reviewRoute: text(LIMITS.reviewRoute),
            signposting: signpostingSchema,
          })
          .strict(),
        response: { 201: versionOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.eligibility.draftPolicy(councilAccess(request), request.body)),
  );

  app.get(
    '/api/v1/policies/eligibility/:versionId',
    {
      ...councilRoute('policy.preview'),
      schema: {
        tags: ['policies'],
        summary:
          'One version with each setting before and after, how many standing decisions a draft would decide differently, and anything stopping it being published',
        params: uuidParam('versionId'),
        response: {
          200: z.object({
            version: versionOut,
            before: versionOut.nullable(),
            changes: z.array(
              z.object({
                key: z.string(),
                before: z.string().nullable(),
                after: z.string(),
                changed: z.boolean(),
              }),
            ),
            impact: z
              .object({
                considered: z.number().int(),
                becomeEligible: z.number().int(),
                becomeNotEligible: z.number().int(),
              })
              .nullable(),
            errors: z.array(z.object({ field: z.string(), message: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const check = await services.eligibility.policyCheck(
        councilAccess(request),
        (request.params as { versionId: string }).versionId,
      );
      return {
        version: check.version,
        before: check.before,
        changes: check.changes,
        impact: check.impact,
        errors: check.errors,
      };
    },
  );

  app.post(
    '/api/v1/policies/eligibility/:versionId/publish',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['policies'],
        summary: 'Publish a draft (checked again); the published version is added, never edited',
        params: uuidParam('versionId'),
        response: { 200: versionOut, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (request) =>
      services.eligibility.publishDraft(
        councilAccess(request),
        (request.params as { versionId: string }).versionId,
      ),
  );
};
