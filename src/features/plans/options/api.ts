import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  councilAccess,
  councilRoute,
  personAccess,
  personRoute,
  publicRoute,
} from '../../../platform/auth/routes.ts';
import { errorResponses, isoDate, personParams, uuidParam } from '../../../platform/http/api-schemas.ts';
import type { FeatureDeps } from '../../index.ts';
import type { CouncilOffer } from './service.ts';
import { ENGLAND_DEPLOYMENT_ROUTES, SDS_OPTIONS } from './rules.ts';

const offerSchema = z.object({
  nation: z.enum(['scotland', 'england']),
  choices: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      sdsOption: z.number().int(),
      explanation: z.string(),
      route: z.string().optional(),
    }),
  ),
  routesEnabled: z.array(z.string()).nullable(),
  supportOrganisationFunded: z.boolean(),
});
const toOffer = (offer: CouncilOffer) => ({
  ...offer,
  options: undefined,
});

export const optionsApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/options',
    {
      ...publicRoute(),
      schema: {
        tags: ['options'],
        summary: 'The four SDS options and England’s deployment routes, explained in plain words',
        security: [],
        response: {
          200: z.object({
            options: z.array(
              z.object({
                option: z.number().int(),
                name: z.string(),
                summary: z.string(),
                whatYouDo: z.string(),
                helpAvailable: z.string(),
                whatChanges: z.string(),
              }),
            ),
            englandRoutes: z.array(
              z.object({
                route: z.string(),
                label: z.string(),
                sdsOption: z.number().int(),
                explanation: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ options: [...SDS_OPTIONS], englandRoutes: [...ENGLAND_DEPLOYMENT_ROUTES] }),
  );

  app.get(
    '/api/v1/people/:personId/options',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['options'],
        summary: 'What this council offers, and each outcome’s chosen option with its history',
        params: personParams,
        response: {
          200: z.object({
            offer: offerSchema,
            outcomes: z.array(
              z.object({
                id: z.string(),
                personWords: z.string(),
                current: z.unknown().nullable(),
                history: z.array(
                  z.object({
                    version: z.number().int(),
                    sdsOption: z.number().int(),
                    deploymentRoute: z.string().nullable(),
                    label: z.string(),
                    helpedBy: z.string(),
                    chosenOn: z.string(),
                    recordedBy: z.string(),
                    recordedAt: z.date(),
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
      const overview = await services.plans.options(personAccess(request));
      return { offer: toOffer(overview.offer), outcomes: overview.outcomes };
    },
  );

  app.post(
    '/api/v1/people/:personId/options',
    {
      ...personRoute('own_words.write'),
      schema: {
        tags: ['options'],
        summary:
          'Choose how the support for one outcome is arranged (a new version; earlier choices are kept)',
        params: personParams,
        body: z
          .object({
            outcomeId: z.uuid(),
            choice: z.string().max(60).describe('A key from offer.choices, e.g. option_1 or managed_account'),
            helpedBy: z
              .string()
              .max(500)
              .describe('Who helped to choose: a name, an organisation, or “nobody”'),
            chosenOn: z.string().max(10).optional().describe('YYYY-MM-DD; today when left out'),
          })
          .strict(),
        response: {
          201: z.object({
            id: z.uuid(),
            version: z.number().int(),
            sdsOption: z.number().int(),
            deploymentRoute: z.string().nullable(),
            label: z.string(),
            helpedBy: z.string().nullable(),
            chosenOn: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const row = await services.plans.chooseOption(personAccess(request), request.body);
      return reply.status(201).send(row);
    },
  );

  app.get(
    '/api/v1/options/configuration',
    {
      ...councilRoute('policy.preview'),
      schema: {
        tags: ['options'],
        summary: 'How this council offers the options (England: which deployment routes are switched on)',
        response: { 200: offerSchema, ...errorResponses },
      },
    },
    async (request) => toOffer(await services.plans.optionsConfiguration(councilAccess(request))),
  );

  const settingsVersion = z.object({
    id: z.uuid(),
    status: z.enum(['draft', 'published']),
    versionLabel: z.string(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    routesEnabled: z.array(z.string()),
    supportOrganisationFunded: z.boolean(),
    createdByName: z.string().nullable(),
    createdAt: z.date(),
    publishedByName: z.string().nullable(),
    publishedAt: z.date().nullable(),
    publishedAsId: z.uuid().nullable(),
  });

  app.get(
    '/api/v1/options/settings',
    {
      ...councilRoute('policy.preview'),
      schema: {
        tags: ['options'],
        summary: 'The council’s options settings in force today and every version (drafts too), newest first',
        response: {
          200: z.object({
            nation: z.enum(['scotland', 'england']),
            inForce: z.object({
              version: settingsVersion.nullable(),
              routesEnabled: z.array(z.string()).nullable().describe('null: every route offered'),
              supportOrganisationFunded: z.boolean(),
            }),
            versions: z.array(settingsVersion),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.plans.optionsSettings(councilAccess(request)),
  );

  app.post(
    '/api/v1/options/settings',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['options'],
        summary:
          'Save a draft of the options settings (England: deployment routes; direct payment and council-managed are always on) from a date, never the past; nothing saved if wrong',
        body: z
          .object({
            versionLabel: z.string().max(200),
            effectiveFrom: isoDate,
            routesEnabled: z
              .array(z.string().max(60))
              .max(10)
              .default([])
              .describe(
                'England: DeploymentRoute keys offered. Scotland: leave out (all four options always)',
              ),
            supportOrganisationFunded: z.boolean(),
          })
          .strict(),
        response: { 201: settingsVersion, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.plans.draftOptionsSettings(councilAccess(request), request.body)),
  );

  app.get(
    '/api/v1/options/settings/:versionId',
    {
      ...councilRoute('policy.preview'),
      schema: {
        tags: ['options'],
        summary:
          'One version with each setting before and after, the current choices a draft’s withdrawn routes would leave, and anything stopping it being published',
        params: uuidParam('versionId'),
        response: {
          200: z.object({
            nation: z.enum(['scotland', 'england']),
            version: settingsVersion,
            changes: z.array(
              z.object({
                key: z.string(),
                before: z.string().nullable(),
                after: z.string(),
                changed: z.boolean(),
              }),
            ),
            withdrawn: z.object({ routes: z.array(z.string()), outcomes: z.number().int() }).nullable(),
            errors: z.array(z.object({ field: z.string(), message: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const check = await services.plans.optionsSettingsCheck(
        councilAccess(request),
        (request.params as { versionId: string }).versionId,
      );
      return {
        nation: check.nation,
        version: check.version,
        changes: check.changes,
        withdrawn: check.withdrawn,
        errors: check.errors,
      };
    },
  );

  app.post(
    '/api/v1/options/settings/:versionId/publish',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['options'],
        summary: 'Publish a draft (checked again); the published version is added, never edited',
        params: uuidParam('versionId'),
        response: { 200: settingsVersion, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (request) =>
      services.plans.publishOptionsSettings(
        councilAccess(request),
        (request.params as { versionId: string }).versionId,
      ),
  );
};
