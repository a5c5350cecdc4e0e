import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import { errorResponses, isoDate, pence, uuidParam } from '../../platform/http/api-schemas.ts';
import type { FeatureDeps } from '../index.ts';
import { applyPolicyPatch, type PolicyPatch } from './policy-patch.ts';
import { MAX_POLICY_PENCE } from './policy.ts';

const figure = z
  .number()
  .describe(`whole pence, 0 to ${MAX_POLICY_PENCE}; anything else is refused by field with the rules' words`);

/**
 * Any of a policy's own figures. The council's nation fixes which apply: Scotland's
 * thresholds, or England's minimum income guarantee, capital limits and tariff income. A
 * figure not sent is kept from the version the draft starts from.
 */
const figures = {
  versionLabel: z.string().max(10_000).optional().describe('200 characters or fewer'),
  contributionMethod: z
    .enum(['net', 'invoice'])
    .optional()
    .describe('net: taken off the direct payment; invoice: billed separately'),
  taperBasisPoints: z
    .number()
    .optional()
    .describe('share of income above the threshold (MIG) that may be charged: 7000 = 70%; 0 to 10000'),
  disregardedIncomeKinds: z.array(z.string().max(10_000)).max(50).optional(),
  thresholdWeekly: z
    .object({ under_pension_age: figure.optional(), pension_age: figure.optional() })
    .strict()
    .optional()
    .describe('Scotland: weekly income the person always keeps, by age group'),
  minimumIncomeGuarantee: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'Use lower-case letters, digits and _ for a band code'),
      z.object({ label: z.string().max(10_000), weekly: figure }).strict(),
    )
    .optional()
    .describe('England: every minimum income guarantee band, replacing those of the base'),
  capitalUpperLimit: figure.optional().describe('England: above this the person pays the full cost'),
  capitalLowerLimit: figure.optional().describe('England: capital up to this is not counted'),
  tariffIncomePerStep: figure.optional().describe('England: tariff income a week for each step'),
  tariffCapitalStep: figure.optional().describe('England: the step of capital, above zero'),
};

const draftBody = z
  .object({
    effectiveFrom: isoDate.describe('When it comes into force: today or later, after the latest start'),
    ...figures,
  })
  .strict();
const patchBody = z.object({ effectiveFrom: isoDate.optional(), ...figures }).strict();

const versionOut = z.object({
  id: z
    .uuid()
    .describe(
      'This revision. For a draft it is also the concurrency token: every change adds a revision with a new id, and a change or publish sent with an older id is refused (409)',
    ),
  status: z.enum(['draft', 'published']),
  versionLabel: z.string(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  contributionMethod: z.enum(['net', 'invoice']),
  policy: z.record(z.string(), z.unknown()),
  draftedByName: z.string().nullable(),
  publishedByName: z.string().nullable(),
  publishedAt: z.date().nullable(),
  createdAt: z.date(),
  publishedAsId: z.uuid().nullable().describe('A draft revision: the published version made from it'),
  replacedById: z.uuid().nullable().describe('A draft revision: the later revision that replaced it'),
});

type Version = z.input<typeof versionOut>;
const out = (v: { policy: object } & Omit<Version, 'policy'>): Version => ({
  ...v,
  policy: v.policy as Record<string, unknown>,
});

const fieldErrors = z.array(z.object({ field: z.string(), message: z.string() }));

/** The figures of the body, as a patch over the base the service reads. */
function patchOf(body: z.infer<typeof patchBody>): PolicyPatch {
  const { effectiveFrom: _from, contributionMethod: _method, ...patch } = body;
  return patch as PolicyPatch;
}

/** Charging policy versions over the API: the same checks, versions and effect as the pages. */
export const chargingPolicyApi: FastifyPluginAsync<FeatureDeps> = async (base, { services }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  type VersionParams = { versionId: string };

  app.get(
    '/api/v1/charging-policies',
    {
      ...councilRoute('policy.preview'),
      schema: {
        tags: ['charging'],
        summary:
          'Charging policy versions: the one in force today, any published to start later, drafts, and every published version, newest first',
        response: {
          200: z.object({
            inForce: versionOut.nullable(),
            upcoming: z.array(versionOut),
            drafts: z.array(versionOut),
            versions: z.array(versionOut),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const overview = await services.charging.policyOverview(councilAccess(request));
      return {
        inForce: overview.inForce ? out(overview.inForce) : null,
        upcoming: overview.upcoming.map(out),
        drafts: overview.drafts.map(out),
        versions: overview.history.map(out),
      };
    },
  );

  app.post(
    '/api/v1/charging-policies',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['charging'],
        summary:
          'Start a draft from the version in force, with the figures sent changed; checked field by field, nothing saved if wrong',
        body: draftBody,
        response: { 201: versionOut, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await services.charging.startDraft(councilAccess(request), {
        effectiveFrom: request.body.effectiveFrom,
        contributionMethod: request.body.contributionMethod,
        edit: (policy) => applyPolicyPatch(policy, patchOf(request.body)),
      });
      return reply.status(201).send(out(saved));
    },
  );

  app.get(
    '/api/v1/charging-policies/:versionId',
    {
      ...councilRoute('policy.preview'),
      schema: {
        tags: ['charging'],
        summary:
          'One version with each figure old → new, the effect on everyone’s current contribution, and anything stopping a draft being published',
        params: uuidParam('versionId'),
        response: {
          200: z.object({
            version: versionOut,
            before: versionOut.nullable(),
            changes: z.array(
              z.object({
                field: z.string(),
                label: z.string(),
                from: z.string(),
                to: z.string(),
                changed: z.boolean(),
              }),
            ),
            effect: z.object({
              assessed: z.number().int(),
              increased: z.number().int(),
              decreased: z.number().int(),
              unchanged: z.number().int(),
              notRecomputed: z
                .number()
                .int()
                .describe('current assessments the version cannot work out (a band it no longer has)'),
              totalWeeklyChange: pence.describe('sum of new − old weekly contributions'),
            }),
            errors: fieldErrors,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const check = await services.charging.checkDraft(
        councilAccess(request),
        (request.params as VersionParams).versionId,
      );
      return {
        version: out(check.version),
        before: check.before ? out(check.before) : null,
        changes: check.changes,
        effect: check.effect,
        errors: check.errors,
      };
    },
  );

  app.patch(
    '/api/v1/charging-policies/:versionId',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['charging'],
        summary:
          'Change a draft: the figures sent over its latest revision, checked again; answers the new revision (a new id)',
        description:
          'The table is append-only, so a change adds the draft’s next revision. The id in the address is the concurrency token: if the draft has changed or been published since it was read, the change is refused with 409.',
        params: uuidParam('versionId'),
        body: patchBody,
        response: { 200: versionOut, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (request) =>
      out(
        await services.charging.reviseDraft(
          councilAccess(request),
          (request.params as VersionParams).versionId,
          {
            effectiveFrom: request.body.effectiveFrom,
            contributionMethod: request.body.contributionMethod,
            edit: (policy) => applyPolicyPatch(policy, patchOf(request.body)),
          },
        ),
      ),
  );

  app.post(
    '/api/v1/charging-policies/:versionId/publish',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['charging'],
        summary:
          'Publish a draft from its start date (checked again: not in the past); the published version is added, never edited',
        params: uuidParam('versionId'),
        response: { 200: versionOut, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (request) =>
      out(
        await services.charging.publishDraft(
          councilAccess(request),
          (request.params as VersionParams).versionId,
        ),
      ),
  );
};
