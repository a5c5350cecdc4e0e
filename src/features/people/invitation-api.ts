import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import { errorResponses, problemSchema } from '../../platform/http/api-schemas.ts';
import type { PeopleDeps } from './deps.ts';
import { CHOSEN_SCOPES, INVITATION_KINDS } from './invitation-rules.ts';

/**
 * The invitations API: a worker (or the person or their representative, for their circle)
 * lists, creates and stops invitations to accounts linked to a record. The invited person
 * checks and accepts through the link's token in the accounts feature (accounts/api.ts), beside
 * the one accept page.
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

export const invitationApi: FastifyPluginAsync<PeopleDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const { people } = services;

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
};
