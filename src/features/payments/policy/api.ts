import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { councilAccess, councilRoute } from '../../../platform/auth/routes.ts';
import { errorResponses, int4, isoDate, uuidParam } from '../../../platform/http/api-schemas.ts';
import type { FeatureDeps } from '../../index.ts';
import { PAYMENT_FREQUENCIES } from '../schema.ts';

const frequency = z.enum(PAYMENT_FREQUENCIES);

const settingsDraft = z
  .object({
    versionLabel: z.string().max(200),
    effectiveFrom: isoDate,
    surplusThresholdWeeks: int4.describe('weeks of payments a balance may reach before a surplus review'),
    originatorName: z.string().max(200),
    originatorSortCode: z.string().max(20).describe('6 digits, written 123456, 12-34-56 or 12 34 56'),
    originatorAccountNumber: z.string().max(20).describe('8 digits'),
    twoPersonApproval: z.boolean(),
    offeredFrequencies: z.array(frequency).max(PAYMENT_FREQUENCIES.length),
  })
  .strict();

const versionOut = z.object({
  id: z.uuid(),
  status: z.enum(['draft', 'published']),
  versionLabel: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  surplusThresholdWeeks: z.number().int(),
  originatorName: z.string(),
  originatorSortCode: z.string(),
  originatorAccountNumber: z.string(),
  twoPersonApproval: z.boolean(),
  offeredFrequencies: z.array(frequency),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  publishedByName: z.string().nullable(),
  publishedAt: z.date().nullable(),
  publishedAsId: z.uuid().nullable(),
});

const fieldErrors = z.array(z.object({ field: z.string(), message: z.string() }));

/** The council's direct-payment settings over the API: the same checks and versions as the pages. */
export const paymentSettingsApi: FastifyPluginAsync<FeatureDeps> = async (base, { services }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/payment-settings',
    {
      ...councilRoute('payments.settings.read'),
      schema: {
        tags: ['payments'],
        summary: 'The direct-payment settings in force today and every version, newest first',
        response: {
          200: z.object({ inForce: versionOut.nullable(), versions: z.array(versionOut) }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.payments.settings(councilAccess(request)),
  );

  app.post(
    '/api/v1/payment-settings',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['payments'],
        summary:
          'Save a draft version after checking its answers and start date (never in the past); nothing saved if wrong',
        body: settingsDraft,
        response: { 201: versionOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.payments.draftSettings(councilAccess(request), request.body)),
  );

  app.get(
    '/api/v1/payment-settings/:versionId',
    {
      ...councilRoute('payments.settings.read'),
      schema: {
        tags: ['payments'],
        summary:
          'One version with each setting before and after, and anything stopping a draft being published',
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
            errors: fieldErrors,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const check = await services.payments.settingsCheck(
        councilAccess(request),
        (request.params as { versionId: string }).versionId,
      );
      return { version: check.version, before: check.before, changes: check.changes, errors: check.errors };
    },
  );

  app.post(
    '/api/v1/payment-settings/:versionId/publish',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['payments'],
        summary: 'Publish a draft (checked again); the published version is added, never edited',
        params: uuidParam('versionId'),
        response: { 200: versionOut, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (request) =>
      services.payments.publishSettings(
        councilAccess(request),
        (request.params as { versionId: string }).versionId,
      ),
  );
};
