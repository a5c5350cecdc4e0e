import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import {
  enumOf,
  errorResponses,
  int4,
  personParams,
  problemSchema,
} from '../../platform/http/api-schemas.ts';
import { OUTCOME_AREAS, SAID_BY, SECTIONS } from './lists.ts';
import type { FeatureDeps } from '../index.ts';

/**
 * Who said the words. Who may be named depends on who is signed in (rules.ts
 * `allowedSaidBy`): a worker holding the case anyone; everyone else only themselves.
 */
const saidByEnum = enumOf(SAID_BY).describe(
  'Who said it. A worker holding the case may record anyone’s words; the person only their own (person), a representative only theirs (representative), a circle member family, an advocate advocate.',
);

/** Who typed the words: the signed-in account, recorded by the server (never sent). */
const typedBySchema = z
  .object({ name: z.string(), role: z.string() })
  .nullable()
  .describe(
    'The account that typed the words, as it was then; null for words typed before this was recorded',
  );

const entryBody = z
  .object({
    section: enumOf(SECTIONS),
    text: z.string().max(5000),
    saidBy: saidByEnum,
    saidByName: z
      .string()
      .max(200)
      .nullable()
      .optional()
      .describe('Whom a worker wrote down; anyone else speaks in their own name'),
    ownWords: z.boolean(),
  })
  .strict();

const entrySchema = z.object({
  id: z.uuid(),
  section: z.string(),
  text: z.string(),
  saidBy: z.string(),
  saidByName: z.string().nullable(),
  typedBy: typedBySchema,
  ownWords: z.boolean(),
  createdAt: z.date(),
});

const conversationSchema = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  place: z.string().nullable(),
  whoWasThere: z.string().nullable(),
  transition: z.boolean().describe('The person was 14 to 17: transition to adult services is being planned'),
  sections: z.array(z.object({ code: z.string(), label: z.string(), entries: z.array(entrySchema) })),
});

const outcomeSchema = z.object({
  id: z.uuid(),
  personWords: z.string(),
  saidBy: z.string(),
  saidByName: z.string().nullable(),
  typedBy: typedBySchema,
  professionalView: z.string().nullable(),
  area: z.string(),
  priority: z.number().int(),
  status: z.string(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const outcomeFields = {
  // Checked here as well as in the rules, so a blank outcome and a wrong area are named together.
  personWords: z
    .string()
    .max(2000)
    .refine((words) => words.trim() !== '', { error: 'Enter the outcome in the person’s own words' }),
  saidBy: saidByEnum.optional(),
  saidByName: z.string().max(200).nullable().optional(),
  professionalView: z.string().max(4000).nullable().optional(),
  area: enumOf(OUTCOME_AREAS),
  priority: int4.min(1).max(3).optional(),
  status: z.enum(['active', 'achieved', 'paused', 'ended']).optional(),
};

const outcomeParams = personParams.extend({ outcomeId: z.uuid() });

export const conversationsApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/people/:personId/conversations',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['conversations'],
        summary: 'Good conversations, newest first, each entry saying who said it',
        params: personParams,
        response: { 200: z.object({ conversations: z.array(conversationSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ conversations: await services.conversations.list(personAccess(request)) }),
  );

  app.post(
    '/api/v1/people/:personId/conversations',
    {
      ...personRoute('own_words.write'),
      schema: {
        tags: ['conversations'],
        summary:
          'Record a good conversation with what was said; for a child, their views apart from their parents’',
        params: personParams,
        body: z
          .object({
            heldOn: z.string().max(10),
            place: z.string().max(200).nullable().optional(),
            whoWasThere: z.string().max(500).nullable().optional(),
            entries: z.array(entryBody).max(50).default([]),
          })
          .strict(),
        response: {
          201: z.object({ id: z.uuid(), transition: z.boolean(), child: z.boolean() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await services.conversations.create(personAccess(request), {
          ...request.body,
          place: request.body.place ?? null,
          whoWasThere: request.body.whoWasThere ?? null,
          entries: request.body.entries.map((e) => ({ ...e, saidByName: e.saidByName ?? null })),
        }),
      ),
  );

  app.post(
    '/api/v1/people/:personId/conversations/:conversationId/entries',
    {
      ...personRoute('own_words.write'),
      schema: {
        tags: ['conversations'],
        summary: 'Add one thing said to a conversation',
        params: personParams.extend({ conversationId: z.uuid() }),
        body: entryBody,
        response: { 201: z.object({ id: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await services.conversations.addEntry(personAccess(request), request.params.conversationId, {
          ...request.body,
          saidByName: request.body.saidByName ?? null,
        }),
      ),
  );

  app.get(
    '/api/v1/people/:personId/outcomes',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['outcomes'],
        summary: 'Personal outcomes: the person’s words, with the worker’s view beside them',
        params: personParams,
        response: { 200: z.object({ outcomes: z.array(outcomeSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      outcomes: (await services.conversations.outcomes(personAccess(request))).outcomes,
    }),
  );

  app.post(
    '/api/v1/people/:personId/outcomes',
    {
      ...personRoute('own_words.write'),
      schema: {
        tags: ['outcomes'],
        summary:
          'Add an outcome in the person’s words (professional view, priority and status: case holders only)',
        params: personParams,
        body: z.object(outcomeFields).strict(),
        response: { 201: z.object({ id: z.uuid(), version: z.number().int() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.conversations.createOutcome(personAccess(request), request.body)),
  );

  app.get(
    '/api/v1/people/:personId/outcomes/:outcomeId',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['outcomes'],
        summary: 'One outcome with the history of every change',
        params: outcomeParams,
        response: {
          200: z.object({
            outcome: outcomeSchema,
            history: z.array(
              z.object({
                version: z.number().int(),
                changedByName: z.string(),
                changedByRole: z.string(),
                changedAt: z.date(),
                changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { outcome, history } = await services.conversations.outcome(
        personAccess(request),
        request.params.outcomeId,
      );
      return { outcome, history };
    },
  );

  app.patch(
    '/api/v1/people/:personId/outcomes/:outcomeId',
    {
      ...personRoute('own_words.write'),
      schema: {
        tags: ['outcomes'],
        summary: 'Change an outcome; send the version you started from (409 if someone else saved first)',
        params: outcomeParams,
        body: z
          .object({ ...outcomeFields, version: int4.positive() })
          .partial()
          .required({ version: true })
          .strict(),
        response: {
          200: z.object({ id: z.uuid(), version: z.number().int() }),
          ...errorResponses,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return services.conversations.changeOutcome(
        personAccess(request),
        request.params.outcomeId,
        changes,
        version,
      );
    },
  );
};
