import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import { errorResponses } from '../../platform/http/api-schemas.ts';
import type { FeatureDeps } from '../index.ts';
import { DETAIL_FIELD_NAMES, DETAIL_FIELDS, type DetailField } from './rules.ts';

// Generous limits here: the service's own checks answer anything over 500 characters in words.
const text = z.string().max(5000);

const streamOut = z.object({
  code: z.string(),
  label: z.string(),
  description: z.string(),
  active: z.boolean().describe('False once retired: not offered for new budgets or cost lines'),
  national: z.boolean().describe('One of the national defaults every council starts with'),
});

const detailsShape = Object.fromEntries(
  DETAIL_FIELD_NAMES.map((name) => [name, text.nullable().optional().describe(DETAIL_FIELDS[name])]),
) as Record<DetailField, z.ZodOptional<z.ZodNullable<typeof text>>>;
const detailsIn = z.object(detailsShape).strict();
const detailsOut = z.object(
  Object.fromEntries(DETAIL_FIELD_NAMES.map((name) => [name, z.string().nullable()])) as Record<
    DetailField,
    z.ZodNullable<z.ZodString>
  >,
);

/** The council's funding streams and letter contact details over the API: the same checks as the pages. */
export const councilSettingsApi: FastifyPluginAsync<FeatureDeps> = async (base, { services }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/funding-streams',
    {
      ...councilRoute('funding_streams.read'),
      schema: {
        tags: ['council'],
        summary:
          'The council’s funding streams, retired ones too: the codes a budget’s funding streams and a plan’s cost lines may use',
        response: { 200: z.object({ streams: z.array(streamOut) }), ...errorResponses },
      },
    },
    async (request) => ({ streams: await services.council.fundingStreams(councilAccess(request)) }),
  );

  app.post(
    '/api/v1/funding-streams',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['council'],
        summary: 'Add a local funding stream; its code is made from the label unless given',
        body: z
          .object({
            label: text,
            code: text
              .optional()
              .describe('Small letters, numbers and underscores; made from the label if left out'),
            description: text.default(''),
          })
          .strict(),
        response: { 201: streamOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.council.addFundingStream(councilAccess(request), request.body)),
  );

  app.patch(
    '/api/v1/funding-streams/:code',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['council'],
        summary: 'Rename or describe a funding stream, retire it (active: false) or bring it back',
        params: z.object({ code: z.string().max(100) }),
        body: z
          .object({ label: text.optional(), description: text.optional(), active: z.boolean().optional() })
          .strict(),
        response: { 200: streamOut, ...errorResponses },
      },
    },
    async (request) =>
      services.council.changeFundingStream(councilAccess(request), request.params.code, request.body),
  );

  app.get(
    '/api/v1/council-details',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['council'],
        summary: 'The council’s letter address and contact details, and every change made to them',
        response: {
          200: z.object({
            name: z.string(),
            details: detailsOut,
            history: z.array(
              z.object({
                field: z.string(),
                before: z.string().nullable(),
                after: z.string().nullable(),
                changedAt: z.date(),
                changedByName: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const found = await services.council.details(councilAccess(request));
      return { name: found.name, details: found.details, history: found.history };
    },
  );

  app.put(
    '/api/v1/council-details',
    {
      ...councilRoute('policy.manage'),
      schema: {
        tags: ['council'],
        summary:
          'Replace the letter address and contact details (a field left out is cleared); each change is kept in the history',
        body: detailsIn,
        response: { 200: z.object({ details: detailsOut, changed: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (request) => services.council.saveDetails(councilAccess(request), request.body),
  );
};
