import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, problemSchema } from '../../platform/http/api-schemas.ts';
import { operatorAccess, operatorRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import { type CouncilDetails, DETAIL_FIELDS, FIELD_LABELS, NATIONS } from './rules.ts';
import type { CouncilRow } from './store.ts';

/** Any text the forms take; the service checks each field's own length and format. */
const text = (field: keyof typeof FIELD_LABELS) => z.string().max(2000).describe(FIELD_LABELS[field]);
const optionalDetails = Object.fromEntries(DETAIL_FIELDS.map((f) => [f, text(f).optional()])) as Record<
  (typeof DETAIL_FIELDS)[number],
  z.ZodOptional<z.ZodString>
>;

const createBody = z
  .object({
    nation: z.enum(NATIONS).describe('Which nation’s law applies; fixed once created'),
    code: text('code').describe('Lower-case letters, numbers and dashes; unique; fixed once created'),
    ...optionalDetails,
    name: text('name'),
    administratorName: text('administratorName'),
    administratorEmail: text('administratorEmail'),
  })
  .strict();
const patchBody = z.object(optionalDetails).strict();

const councilSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nation: z.enum(NATIONS),
  createdAt: z.iso.datetime(),
  staffAccounts: z.number().int().describe('How many staff accounts it has (never who)'),
});
const councilSchema = councilSummary.extend(
  Object.fromEntries(
    DETAIL_FIELDS.filter((f) => f !== 'name').map((f) => [f, z.string().nullable()]),
  ) as Record<Exclude<(typeof DETAIL_FIELDS)[number], 'name'>, z.ZodNullable<z.ZodString>>,
);
const councilParams = z.object({ councilId: z.uuid() });

const summaryOf = (c: Omit<z.infer<typeof councilSummary>, 'createdAt'> & { createdAt: Date }) => ({
  id: c.id,
  code: c.code,
  name: c.name,
  nation: c.nation,
  createdAt: c.createdAt.toISOString(),
  staffAccounts: c.staffAccounts,
});
const councilOf = (c: CouncilRow) =>
  ({
    ...summaryOf(c),
    ...Object.fromEntries(DETAIL_FIELDS.filter((f) => f !== 'name').map((f) => [f, c[f]])),
  }) as z.infer<typeof councilSchema>;

/** The platform operator's API: councils, never anyone's records. */
export const councilApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/councils',
    {
      ...operatorRoute('councils.manage'),
      schema: {
        tags: ['councils'],
        summary: 'Every council, with how many staff accounts each has (platform operator only)',
        response: {
          200: z.object({ councils: z.array(councilSummary) }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => ({
      councils: (await services.councilAdmin.list(operatorAccess(request))).map(summaryOf),
    }),
  );

  app.post(
    '/api/v1/councils',
    {
      ...operatorRoute('councils.manage'),
      schema: {
        tags: ['councils'],
        summary:
          'Create a council and invite its first administrator; the one-time invitation link is in the answer, once',
        body: createBody,
        response: {
          201: z.object({
            council: councilSchema,
            invitationPath: z.string().describe('The first administrator’s one-time link; not shown again'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const access = operatorAccess(request);
      const body = request.body;
      const details = Object.fromEntries(DETAIL_FIELDS.map((f) => [f, body[f] ?? ''])) as CouncilDetails;
      const created = await services.councilAdmin.create(access, {
        ...details,
        nation: body.nation,
        code: body.code,
        administratorName: body.administratorName,
        administratorEmail: body.administratorEmail,
      });
      const council = await services.councilAdmin.council(access, created.councilId);
      return reply
        .status(201)
        .header('location', `/api/v1/councils/${created.councilId}`)
        .send({ council: councilOf(council), invitationPath: created.invitationPath });
    },
  );

  app.get(
    '/api/v1/councils/:councilId',
    {
      ...operatorRoute('councils.manage'),
      schema: {
        tags: ['councils'],
        summary: 'One council’s details: address, contact and data controller',
        params: councilParams,
        response: { 200: councilSchema, ...errorResponses },
      },
    },
    async (request) =>
      councilOf(await services.councilAdmin.council(operatorAccess(request), request.params.councilId)),
  );

  app.patch(
    '/api/v1/councils/:councilId',
    {
      ...operatorRoute('councils.manage'),
      schema: {
        tags: ['councils'],
        summary:
          'Change a council’s name, address, contact or data controller details (the fields sent; code and nation are fixed)',
        params: councilParams,
        body: patchBody,
        response: { 200: councilSchema, ...errorResponses },
      },
    },
    async (request) => {
      const access = operatorAccess(request);
      const { councilId } = request.params;
      const current = await services.councilAdmin.council(access, councilId);
      const details = Object.fromEntries(
        DETAIL_FIELDS.map((f) => [f, request.body[f] ?? current[f] ?? '']),
      ) as CouncilDetails;
      return councilOf(await services.councilAdmin.change(access, councilId, details));
    },
  );
};
