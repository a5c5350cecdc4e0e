import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import { errorResponses, problemSchema } from '../../platform/http/api-schemas.ts';
import type { PeopleDeps } from './deps.ts';
import { CHOSEN_SCOPES, INVITATION_KINDS } from './invitation-rules.ts';

/**
 * The invitations API: a worker (or the person or their representative, for their circle)
 * lists, creates and stops invitations to accounts linked to a record; the invited person
 * checks and accepts through the link's token (the same service as the one accept page).
 */
const kind = z.enum(INVITATION_KINDS).describe('Who is invited, in relation to the person');
const scopes = [...new Set(Object.values(CHOSEN_SCOPES).flat())] as [string, ...string[]];
const state = z.enum(['pending', 'accepted', 'revoked', 'expired', 'stopped']);

const invitationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  kind,
  kindLabel: z.string(),
  powers: z.array(z.string()).describe('What the account may do, in words'),
  state,
  stateWords: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  invitedByName: z.string(),
  mayRevoke: z.boolean(),
});

const createBody = z
  .object({
    kind,
    representativeId: z.uuid().nullable().optional().describe('For a representative: which one'),
    circleMemberId: z.uuid().nullable().optional().describe('For a circle member: which one'),
    name: z.string().max(200).nullable().optional().describe('For an advocate, organisation or provider'),
    email: z.string().max(254),
    scope: z
      .array(z.enum(scopes))
      .max(4)
      .optional()
      .describe('For an advocate or support organisation: what they may do'),
  })
  .strict();

const tokenParams = z.object({ token: z.string().min(1).max(200) });
const isoDate = z.string().max(10).describe('ISO date, YYYY-MM-DD');
const checkBody = z
  .object({
    dateOfBirth: isoDate.describe('Date of birth of the person whose record it is'),
    checkCode: z.string().max(20).describe('The code the inviter gave'),
  })
  .strict();
const acceptBody = checkBody
  .extend({ password: z.string().max(200), confirmPassword: z.string().max(200) })
  .strict();
const gone = { 404: problemSchema, 410: problemSchema };

export const invitationApi: FastifyPluginAsync<PeopleDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const { people, accounts } = services;

  app.get(
    '/api/v1/people/:personId/invitations',
    {
      ...personRoute('invitations.manage'),
      schema: {
        tags: ['invitations'],
        summary: 'The invitations to accounts linked to this record, newest first',
        params: z.object({ personId: z.uuid() }),
        response: { 200: z.object({ invitations: z.array(invitationSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ invitations: await people.invitations(personAccess(request)) }),
  );

  app.post(
    '/api/v1/people/:personId/invitations',
    {
      ...personRoute('invitations.manage'),
      schema: {
        tags: ['invitations'],
        summary:
          'Invite someone to an account linked to this record. The link and check code are returned once only; there is no email.',
        params: z.object({ personId: z.uuid() }),
        body: createBody,
        response: {
          201: z.object({
            id: z.uuid(),
            path: z.string(),
            token: z.string(),
            checkCode: z.string(),
            name: z.string(),
            email: z.string(),
            kind,
            kindLabel: z.string(),
            powers: z.array(z.string()),
            expiresAt: z.date(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const created = await people.invite(personAccess(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/v1/people/:personId/invitations/:invitationId/revoke',
    {
      ...personRoute('invitations.manage'),
      schema: {
        tags: ['invitations'],
        summary: 'Stop an invitation that is still waiting',
        params: z.object({ personId: z.uuid(), invitationId: z.uuid() }),
        response: { 200: z.object({ id: z.uuid(), state }), ...errorResponses, 409: problemSchema },
      },
    },
    async (request) => people.revokeInvitation(personAccess(request), request.params.invitationId),
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
      await accounts.checkInvitation(request.params.token, request.body);
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
      const checked = await accounts.checkInvitation(token, request.body);
      const accepted = await accounts.acceptInvitation(
        token,
        request.body.password,
        request.body.confirmPassword,
        checked.invitationId,
      );
      return { userId: accepted.userId, home: accepted.record ? '/my' : '/sign-in' };
    },
  );
};
