import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, personParams } from '../../platform/http/api-schemas.ts';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';

/** The provider's view of a person, as the API gives it: these fields and no others. */
const providerViewSchema = z.object({
  person: z.object({
    name: z.string(),
    legalName: z.string(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.array(z.string()),
    mainLanguage: z.string(),
    interpreterNeeded: z.boolean(),
    communication: z.array(z.string()),
  }),
  plan: z.object({ version: z.number().int(), agreedOn: z.string().nullable() }).nullable(),
  part: z.object({
    lines: z.array(
      z.object({
        description: z.string(),
        frequency: z.string(),
        outcome: z
          .object({ personWords: z.string(), howMet: z.string(), flexibility: z.string().nullable() })
          .nullable(),
      }),
    ),
    contingency: z.string().nullable(),
    restrictions: z.array(z.object({ description: z.string(), reason: z.string(), reviewOn: z.string() })),
    nonNegotiables: z.array(z.object({ description: z.string() })),
    risks: z.array(
      z.object({
        description: z.string(),
        howEnabled: z.string(),
        personView: z.string().nullable(),
        whatAgreed: z.string().nullable(),
      }),
    ),
  }),
});

/** A provider's page and API for a person it supports (`service.read`, see rules.ts). */
export const providerPages: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get<{ Params: { personId: string } }>(
    '/my/:personId/service',
    personRoute('service.read'),
    async (request, reply) => {
      const view = await services.providerView.view(personAccess(request));
      return reply.render('provider-view/views/provider-view.njk', {
        title: `Support you give ${view.person.name}`,
        ...view,
        backLink: '/my',
      });
    },
  );

  app.get(
    '/api/v1/people/:personId/service',
    {
      ...personRoute('service.read'),
      schema: {
        tags: ['people'],
        summary:
          'For a provider: the person’s names, contact and communication needs, and its own part of the agreed plan (no identifiers, conversations, eligibility, budget or payments)',
        params: personParams,
        response: { 200: providerViewSchema, ...errorResponses },
      },
    },
    async (request) => services.providerView.view(personAccess(request)),
  );
};
