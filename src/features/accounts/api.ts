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

/** The invited person's check and acceptance through the link's token (same service as `/invitation/:token`). */
const tokenParams = z.object({ token: z.string().min(1).max(200) });
const checkBody = z
  .object({
    dateOfBirth: z.string().max(10).describe('Date of birth of the person whose record it is, YYYY-MM-DD'),
    checkCode: z.string().max(20).describe('The code the inviter gave'),
  })
  .strict();
const acceptBody = checkBody
  .extend({ password: z.string().max(200), confirmPassword: z.string().max(200) })
  .strict();
const gone = { 404: problemSchema, 410: problemSchema };

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

  app.post(
    '/api/v1/invitations/:token/check',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['invitations'],
        summary:
          'The invited person’s check: date of birth on the record and the check code. Five wrong answers stop the link.',
        params: tokenParams,
        body: checkBody,
        response: { 200: z.object({ passed: z.literal(true) }), ...errorResponses, ...gone },
      },
    },
    async (request) => {
      await services.accounts.checkInvitation(request.params.token, request.body);
      return { passed: true as const };
    },
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['invitations'],
        summary:
          'Accept an invitation: the check and the new password in one call. The account is then turned on.',
        params: tokenParams,
        body: acceptBody,
        response: { 200: z.object({ userId: z.uuid(), home: z.string() }), ...errorResponses, ...gone },
      },
    },
    async (request) => {
      const { token } = request.params;
      const checked = await services.accounts.checkInvitation(token, request.body);
      const accepted = await services.accounts.acceptInvitation(
        token,
        request.body.password,
        request.body.confirmPassword,
        checked.invitationId,
      );
      return { userId: accepted.userId, home: accepted.record ? '/my' : '/sign-in' };
    },
  );
};
