import { ASKED_STAGES, stagesStillToAsk } from './support-stages.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, personParams, problemSchema } from '../../platform/http/api-schemas.ts';
import type { PeopleDeps } from './deps.ts';
import { councilAccess, councilRoute, personAccess, personRoute } from '../../platform/auth/routes.ts';
import {
  caseQuery,
  circleBody,
  circleMemberSchema,
  equalitySchema,
  legalOrderBody,
  legalOrderSchema,
  newPersonFields,
  personBody,
  personPatch,
  personSchema,
  representativeBody,
  representativeChangeBody,
  representativeSchema,
  supportOfferBody,
  supportOfferSchema,
  toPersonFields,
} from './api-schemas.ts';

const created = z.object({ id: z.uuid() });
const withConflict = { ...errorResponses, 409: problemSchema };

/** An interim (crisis) budget not yet regularised: in force today, or past its expiry. */
const interimSchema = z
  .object({ current: z.boolean(), expiredOn: z.string().nullable() })
  .nullable()
  .describe('Interim budget not yet regularised by a full decision; null when there is none');

export const peopleApi: FastifyPluginAsync<PeopleDeps> = async (plain, { services: { people } }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/people',
    {
      ...councilRoute('caselist.read'),
      schema: {
        tags: ['people'],
        summary: 'The case list: search by name or CHI/NHS number, filter, sort and page',
        querystring: caseQuery,
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            people: z.array(
              z.object({
                id: z.uuid(),
                legalName: z.string(),
                preferredName: z.string().nullable(),
                dateOfBirth: z.string(),
                chiNumber: z.string().nullable(),
                nhsNumber: z.string().nullable(),
                clientGroup: z.string(),
                locality: z.string().nullable(),
                crisis: z.boolean(),
                status: z.string(),
                workerId: z.string().nullable(),
                workerName: z.string().nullable(),
                teamName: z.string().nullable(),
                updatedAt: z.date(),
                interim: interimSchema,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { crisis, ...rest } = request.query;
      const result = await people.cases(councilAccess(request), {
        ...rest,
        crisis: crisis === undefined ? undefined : crisis === 'true',
      });
      return { total: result.total, page: rest.page, pageSize: rest.pageSize, people: result.people };
    },
  );

  app.post(
    '/api/v1/people',
    {
      ...councilRoute('people.create'),
      schema: {
        tags: ['people'],
        summary: 'Record a new person (CHI and NHS numbers are checked; duplicates refused)',
        body: personBody,
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.create(councilAccess(request), newPersonFields(request.body))),
  );

  app.get(
    '/api/v1/people/:personId',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['people'],
        summary:
          'A person’s record: details, circle, representatives, support offered, legal orders (non-negotiables)',
        params: personParams,
        response: {
          200: z.object({
            person: personSchema,
            age: z.number().int(),
            transition: z.enum(['not_applicable', 'transition', 'adult']),
            circle: z.array(circleMemberSchema),
            representatives: z.array(representativeSchema),
            supportOffers: z.array(supportOfferSchema),
            supportStillToAsk: z
              .array(z.enum(ASKED_STAGES))
              .describe('Stages whose page still asks whether advocacy or support was offered'),
            legalOrders: z.array(legalOrderSchema),
            timeline: z.array(z.object({ at: z.date(), kind: z.string(), text: z.string() })),
            interim: interimSchema,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const record = await people.record(personAccess(request));
      return { ...record, supportStillToAsk: stagesStillToAsk(record.supportOffers) };
    },
  );

  app.patch(
    '/api/v1/people/:personId',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['people'],
        summary: 'Change details, referral, crisis flag or allocation; send the version you started from',
        params: personParams,
        body: personPatch,
        response: { 200: z.object({ version: z.number().int() }), ...withConflict },
      },
    },
    async (request) =>
      people.update(personAccess(request), toPersonFields(request.body), request.body.version),
  );

  app.get(
    '/api/v1/people/:personId/equality',
    {
      ...personRoute('equality.read'),
      schema: {
        tags: ['people'],
        summary: 'Equality information (only the person and those holding the case)',
        params: personParams,
        response: { 200: equalitySchema, ...errorResponses },
      },
    },
    async (request) => people.equality(personAccess(request)),
  );

  app.put(
    '/api/v1/people/:personId/equality',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['people'],
        summary: 'Record equality answers; each may be "prefer_not_to_say" or null (not asked)',
        params: personParams,
        body: equalitySchema.strict(),
        response: { 200: z.object({ version: z.number().int() }), ...withConflict },
      },
    },
    async (request) => {
      const { version, ...answers } = request.body;
      return people.setEquality(personAccess(request), answers, version);
    },
  );

  app.post(
    '/api/v1/people/:personId/circle',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['people'],
        summary: 'Add someone to the circle of support, with what they may see and consent dates',
        params: personParams,
        body: circleBody,
        response: { 201: created.extend({ linkedAccount: z.boolean() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await people.addCircleMember(personAccess(request), {
          ...request.body,
          consentTo: request.body.consentTo ?? null,
          accountEmail: request.body.accountEmail ?? null,
        }),
      ),
  );

  const memberParams = personParams.extend({ memberId: z.uuid() });
  app.post(
    '/api/v1/people/:personId/circle/:memberId/withdraw',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['people'],
        summary: 'Record that the person withdrew consent; access ends that day',
        params: memberParams,
        body: z.object({ withdrawnOn: z.string().max(10) }).strict(),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await people.withdrawCircleConsent(
        personAccess(request),
        request.params.memberId,
        request.body.withdrawnOn,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/people/:personId/representatives',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['people'],
        summary: 'Record a representative: kind of authority, powers, dates, evidence',
        params: personParams,
        body: representativeBody,
        response: { 201: created.extend({ linkedAccount: z.boolean() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await people.addRepresentative(personAccess(request), {
          ...request.body,
          endDate: request.body.endDate ?? null,
          evidenceReference: request.body.evidenceReference ?? null,
          accountEmail: request.body.accountEmail ?? null,
        }),
      ),
  );

  app.post(
    '/api/v1/people/:personId/representatives/:representativeId/end',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['people'],
        summary: 'End a representative’s authority; their access ends the same day',
        params: personParams.extend({ representativeId: z.uuid() }),
        body: z.object({ endDate: z.string().max(10) }).strict(),
        response: { 200: z.object({ endDate: z.string(), today: z.string() }), ...errorResponses },
      },
    },
    async (request) =>
      people.endRepresentative(personAccess(request), request.params.representativeId, request.body.endDate),
  );

  app.post(
    '/api/v1/people/:personId/representatives/:representativeId/change',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['people'],
        summary:
          'Change a representative’s powers or dates from a day: the current version ends the day before, a new version starts, and access follows at once',
        params: personParams.extend({ representativeId: z.uuid() }),
        body: representativeChangeBody,
        response: {
          201: created.extend({ previousId: z.uuid(), previousEndDate: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await people.changeRepresentative(personAccess(request), request.params.representativeId, {
          ...request.body,
          endDate: request.body.endDate ?? null,
          evidenceReference: request.body.evidenceReference ?? null,
        }),
      ),
  );

  app.post(
    '/api/v1/people/:personId/support-offers',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['people'],
        summary: 'Record independent advocacy or communication support offered at a stage, and the answer',
        params: personParams,
        body: supportOfferBody,
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await people.addSupportOffer(personAccess(request), {
          ...request.body,
          provider: request.body.provider ?? null,
          reason: request.body.reason ?? null,
          notes: request.body.notes ?? null,
        }),
      ),
  );

  app.post(
    '/api/v1/people/:personId/legal-orders',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['people'],
        summary: 'Record a legal order; its conditions are kept as non-negotiables',
        params: personParams,
        body: legalOrderBody,
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await people.addLegalOrder(personAccess(request), {
          ...request.body,
          reference: request.body.reference ?? null,
          madeBy: request.body.madeBy ?? null,
          endDate: request.body.endDate ?? null,
        }),
      ),
  );

  app.get(
    '/api/v1/my/people',
    {
      ...councilRoute('my.records'),
      schema: {
        tags: ['people'],
        summary: 'The people this account may see: themselves, someone they represent or support',
        response: {
          200: z.object({
            people: z.array(
              z.object({
                id: z.uuid(),
                legalName: z.string(),
                preferredName: z.string().nullable(),
                kind: z.string(),
                powers: z.array(z.string()),
                validTo: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ people: await people.mine(councilAccess(request)) }),
  );
};
