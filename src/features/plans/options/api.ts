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
import { errorResponses, personParams } from '../../../platform/http/api-schemas.ts';
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

  app.put(
    '/api/v1/options/configuration',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['options'],
        summary:
          'Switch England’s deployment routes on or off (direct payment and council-managed are always on)',
        body: z
          .object({
            routesEnabled: z.array(z.string().max(60)).max(10),
            supportOrganisationFunded: z.boolean().default(true),
          })
          .strict(),
        response: { 200: offerSchema, ...errorResponses },
      },
    },
    async (request) => toOffer(await services.plans.configureOptions(councilAccess(request), request.body)),
  );
};
