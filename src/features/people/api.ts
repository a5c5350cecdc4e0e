import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import { errorResponses, personParams, problemSchema } from '../../platform/http/api-schemas.ts';
import type { PeopleDeps } from './deps.ts';
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
import { addCircleMember, addRepresentative, withdrawCircleConsent } from './circle.ts';
import { changeRepresentative, endRepresentative } from './representative-changes.ts';
import { addLegalOrder, addSupportOffer } from './safeguards.ts';
import {
  createPerson,
  getEquality,
  getPersonRecord,
  listCases,
  myPeople,
  setEquality,
  updatePerson,
} from './service.ts';

const created = z.object({ id: z.uuid() });
const withConflict = { ...errorResponses, 409: problemSchema };
const person = (request: { access: unknown }) => request.access as PersonAccess;
const council = (request: { access: unknown }) => request.access as CouncilAccess;

/** An interim (crisis) budget not yet regularised: in force today, or past its expiry. */
const interimSchema = z
  .object({ current: z.boolean(), expiredOn: z.string().nullable() })
  .nullable()
  .describe('Interim budget not yet regularised by a full decision; null when there is none');

export const peopleApi: FastifyPluginAsync<PeopleDeps> = async (plain, { db, interimStatusFor }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/people',
    {
      config: { access: { permission: 'caselist.read' } },
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
      const result = await listCases(
        db,
        council(request),
        {
          ...rest,
          crisis: crisis === undefined ? undefined : crisis === 'true',
        },
        interimStatusFor,
      );
      return { total: result.total, page: rest.page, pageSize: rest.pageSize, people: result.people };
    },
  );

  app.post(
    '/api/v1/people',
    {
      config: { access: { permission: 'people.create' } },
      schema: {
        tags: ['people'],
        summary: 'Record a new person (CHI and NHS numbers are checked; duplicates refused)',
        body: personBody,
        response: { 201: created, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPerson(db, council(request), newPersonFields(request.body))),
  );

  app.get(
    '/api/v1/people/:personId',
    {
      config: { access: { permission: 'record.read' } },
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
            legalOrders: z.array(legalOrderSchema),
            timeline: z.array(z.object({ at: z.date(), kind: z.string(), text: z.string() })),
            interim: interimSchema,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => getPersonRecord(db, person(request), interimStatusFor),
  );

  app.patch(
    '/api/v1/people/:personId',
    {
      config: { access: { permission: 'case.write' } },
      schema: {
        tags: ['people'],
        summary: 'Change details, referral, crisis flag or allocation; send the version you started from',
        params: personParams,
        body: personPatch,
        response: { 200: z.object({ version: z.number().int() }), ...withConflict },
      },
    },
    async (request) => updatePerson(db, person(request), toPersonFields(request.body), request.body.version),
  );

  app.get(
    '/api/v1/people/:personId/equality',
    {
      config: { access: { permission: 'equality.read' } },
      schema: {
        tags: ['people'],
        summary: 'Equality information (only the person and those holding the case)',
        params: personParams,
        response: { 200: equalitySchema, ...errorResponses },
      },
    },
    async (request) => getEquality(db, person(request)),
  );

  app.put(
    '/api/v1/people/:personId/equality',
    {
      config: { access: { permission: 'case.write' } },
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
      return setEquality(db, person(request), answers, version);
    },
  );

  app.post(
    '/api/v1/people/:personId/circle',
    {
      config: { access: { permission: 'case.write' } },
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
        await addCircleMember(db, person(request), {
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
      config: { access: { permission: 'case.write' } },
      schema: {
        tags: ['people'],
        summary: 'Record that the person withdrew consent; access ends that day',
        params: memberParams,
        body: z.object({ withdrawnOn: z.string().max(10) }).strict(),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withdrawCircleConsent(db, person(request), request.params.memberId, request.body.withdrawnOn);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/people/:personId/representatives',
    {
      config: { access: { permission: 'case.write' } },
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
        await addRepresentative(db, person(request), {
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
      config: { access: { permission: 'case.write' } },
      schema: {
        tags: ['people'],
        summary: 'End a representative’s authority; their access ends the same day',
        params: personParams.extend({ representativeId: z.uuid() }),
        body: z.object({ endDate: z.string().max(10) }).strict(),
        response: { 200: z.object({ endDate: z.string(), today: z.string() }), ...errorResponses },
      },
    },
    async (request) =>
      endRepresentative(db, person(request), request.params.representativeId, request.body.endDate),
  );

  app.post(
    '/api/v1/people/:personId/representatives/:representativeId/change',
    {
      config: { access: { permission: 'case.write' } },
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
        await changeRepresentative(db, person(request), request.params.representativeId, {
          ...request.body,
          endDate: request.body.endDate ?? null,
          evidenceReference: request.body.evidenceReference ?? null,
        }),
      ),
  );

  app.post(
    '/api/v1/people/:personId/support-offers',
    {
      config: { access: { permission: 'case.write' } },
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
        await addSupportOffer(db, person(request), {
          ...request.body,
          provider: request.body.provider ?? null,
          notes: request.body.notes ?? null,
        }),
      ),
  );

  app.post(
    '/api/v1/people/:personId/legal-orders',
    {
      config: { access: { permission: 'case.write' } },
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
        await addLegalOrder(db, person(request), {
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
      config: { access: { permission: 'my.records' } },
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
    async (request) => ({ people: await myPeople(db, council(request)) }),
  );
};
