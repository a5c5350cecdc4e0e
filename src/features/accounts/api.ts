import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, personParams, problemSchema } from '../../platform/http/api-schemas.ts';
import {
  councilAccess,
  councilRoute,
  personRoute,
  signedInActor,
  signedInRoute,
} from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import { machineExport } from './export.ts';
import { SignInRefused } from './service.ts';

export const accountApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/auth/token',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Exchange an email address and password for a bearer token',
        security: [],
        body: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) }).strict(),
        response: {
          201: z.object({ token: z.string(), tokenType: z.literal('Bearer'), expiresAt: z.iso.datetime() }),
          400: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const issued = await services.accounts
        .issueToken(request.body.email, request.body.password)
        .catch((error: unknown) => {
          // Too soon after wrong attempts: say when to come back, for people and programs.
          if (error instanceof SignInRefused && error.waitSeconds > 0)
            reply.header('retry-after', String(error.waitSeconds));
          throw error;
        });
      return reply.status(201).send({
        token: issued.token,
        tokenType: 'Bearer' as const,
        expiresAt: issued.expiresAt.toISOString(),
      });
    },
  );

  app.delete(
    '/api/v1/auth/token',
    {
      ...signedInRoute(),
      schema: {
        tags: ['auth'],
        summary: 'Revoke the token used for this request',
        response: { 204: z.null(), 401: problemSchema },
      },
    },
    async (request, reply) => {
      await services.accounts.revokeToken(signedInActor(request).credentialHash);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/people/:personId/audit',
    {
      ...personRoute('audit.own'),
      schema: {
        tags: ['audit'],
        summary: 'Who has looked at this person’s record, newest first',
        params: personParams,
        response: {
          200: z.object({
            events: z.array(
              z.object({
                when: z.date(),
                who: z.string(),
                role: z.string(),
                what: z.string(),
                action: z.string(),
                breakGlass: z.boolean(),
                reason: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ events: await services.accounts.whoLooked(request.access as never) }),
  );

  app.get(
    '/api/v1/people/:personId/export',
    {
      ...personRoute('audit.own'),
      schema: {
        tags: ['audit'],
        summary: 'Subject access export: everything held about the person, with its audit',
        params: personParams,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (request) => {
      return machineExport(await services.accounts.exportRecord(request.access as never));
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      ...councilRoute('audit.search'),
      schema: {
        tags: ['audit'],
        summary: 'Recompute the council’s audit hash chain and report the first broken link',
        response: {
          200: z.object({
            authorityId: z.string(),
            checked: z.number().int(),
            brokenAt: z.number().int().nullable(),
          }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => services.accounts.verifyChain(councilAccess(request)),
  );
};
