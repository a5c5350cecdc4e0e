import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/http/api-schemas.ts';
import { Problem } from '../../platform/http/problem.ts';
import { publicRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import { REFERENCE_LISTS, type ReferenceListName, referenceList } from './lists.ts';

const listSchema = z.object({
  name: z.string(),
  description: z.string(),
  values: z.array(z.object({ value: z.string(), label: z.string() })),
});

/**
 * The fixed code lists, readable by anyone: they hold no personal data, and a client needs
 * them before it can send a valid request (as it needs the OpenAPI, which is public too).
 */
export const referenceListsFeature: FastifyPluginAsync<FeatureDeps> = async (plain) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/reference-lists',
    {
      ...publicRoute(),
      schema: {
        tags: ['reference'],
        summary: 'Every fixed code list the API takes, each code with a plain label',
        security: [],
        response: { 200: z.object({ lists: z.array(listSchema) }) },
      },
    },
    async () => ({
      lists: (Object.keys(REFERENCE_LISTS) as ReferenceListName[]).map(referenceList),
    }),
  );

  app.get(
    '/api/v1/reference-lists/:name',
    {
      ...publicRoute(),
      schema: {
        tags: ['reference'],
        summary: 'One fixed code list, each code with a plain label',
        security: [],
        params: z.object({ name: z.string().max(60).describe(Object.keys(REFERENCE_LISTS).join(', ')) }),
        response: { 200: listSchema, 404: errorResponses[404] },
      },
    },
    async (request) => {
      const { name } = request.params;
      if (!Object.hasOwn(REFERENCE_LISTS, name)) throw Problem.notFound('Reference list');
      return referenceList(name as ReferenceListName);
    },
  );
};
