import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personAccess, personRoute } from '../../../platform/auth/routes.ts';
import {
  enumOf,
  errorResponses,
  isoDate,
  personParams,
  problemSchema,
  queryInt4,
} from '../../../platform/http/api-schemas.ts';
import { Problem } from '../../../platform/http/problem.ts';
import type { FeatureDeps } from '../../index.ts';
import { AGREEMENT_WAYS, MAX_SCAN_BYTES, SCAN_TYPES, TEXT_LIMITS } from './agreement-rules.ts';
import { planSummary, summarise } from './api-schemas.ts';
import { acceptScanUploads, uploadedScan } from './uploads.ts';

/**
 * The API for agreement recorded for someone without an account (agreement.ts). The POST takes
 * multipart/form-data (the fields below as text parts, and the scanned copy as a file part
 * named `scan`) or application/json (the same fields, no scan). Numbers are read from text, so
 * one schema serves both.
 */
const wholeNumber = z.coerce.number().int().min(1).max(2_147_483_647);

const agreementBody = z
  .object({
    rowVersion: wholeNumber.describe('The plan’s concurrency token (rowVersion) as you read it'),
    version: wholeNumber.describe('The plan version the person agreed: the version shared with them'),
    way: enumOf(AGREEMENT_WAYS).describe(
      Object.entries(AGREEMENT_WAYS)
        .map(([code, label]) => `${code}: ${label}`)
        .join('; '),
    ),
    agreedOn: isoDate.describe('The day they agreed: not in the future, not before the version was shared'),
    representativeId: z
      .union([z.uuid(), z.literal('')])
      .optional()
      .describe(
        'For way=representative: one of the record’s representatives with the power to sign the plan',
      ),
    witnessName: z
      .string()
      .max(TEXT_LIMITS.witnessName)
      .optional()
      .describe('Required for verbal and advocate'),
    witnessRole: z
      .string()
      .max(TEXT_LIMITS.witnessRole)
      .optional()
      .describe('Required with a witness’s name'),
    notes: z.string().max(TEXT_LIMITS.notes).optional(),
    scan: z
      .unknown()
      .optional()
      .describe(
        `multipart/form-data only: the scanned copy as a file part, PDF, PNG or JPEG (known by its content), at most ${MAX_SCAN_BYTES / (1024 * 1024)} MB`,
      ),
  })
  .strict();

const agreementSchema = z.object({
  id: z.uuid(),
  planVersion: z.number().int(),
  way: enumOf(AGREEMENT_WAYS),
  agreedByName: z.string(),
  representativeId: z.uuid().nullable(),
  agreedOn: z.string(),
  witnessName: z.string().nullable(),
  witnessRole: z.string().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.date(),
  scan: z
    .object({
      type: enumOf(Object.fromEntries(Object.entries(SCAN_TYPES).map(([k, v]) => [k, v.label]))),
      mediaType: z.string(),
      bytes: z.number().int(),
      sha256: z.string(),
    })
    .nullable()
    .describe('The kept scanned copy; download it from …/plan/agreement/scan'),
  sentence: z.string().describe('How the plan was agreed, in the words the plan page and PDF use'),
});

const versionQuery = z.object({
  version: queryInt4.min(1).optional().describe('A plan version; default the current one'),
});

export const agreementApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  await acceptScanUploads(plain);
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/people/:personId/plan/agreement',
    {
      ...personRoute('case.write'),
      schema: {
        tags: ['plans'],
        summary:
          'Record how the person agreed the shared plan without an account: on paper, verbally, with an advocate present, or through a representative (workers). The plan becomes signed, ready to send for a decision.',
        consumes: ['multipart/form-data', 'application/json'],
        params: personParams,
        body: agreementBody,
        response: {
          201: z.object({ plan: planSummary, agreement: agreementSchema }),
          ...errorResponses,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { scan } = uploadedScan(request);
      // A scan is a file part; text in its place (a JSON string, a multipart text field) is refused.
      if (request.body.scan !== undefined && !Buffer.isBuffer(request.body.scan))
        throw Problem.invalid([
          { field: 'scan', message: 'Send the scanned copy as a file part of a multipart/form-data request' },
        ]);
      const body = request.body;
      const result = await services.plans.recordAgreement(
        personAccess(request),
        {
          rowVersion: body.rowVersion,
          version: body.version,
          way: body.way,
          agreedOn: body.agreedOn,
          representativeId: body.representativeId ?? '',
          witnessName: body.witnessName ?? '',
          witnessRole: body.witnessRole ?? '',
          notes: body.notes ?? '',
        },
        scan,
      );
      return reply.status(201).send({ plan: summarise(result.plan), agreement: result.agreement });
    },
  );

  app.get(
    '/api/v1/people/:personId/plan/agreement',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['plans'],
        summary:
          'How the person agreed a plan version, when a worker recorded it (404 when none was recorded)',
        params: personParams,
        querystring: versionQuery,
        response: { 200: agreementSchema, ...errorResponses },
      },
    },
    async (request) => services.plans.agreement(personAccess(request), request.query.version),
  );

  app.get(
    '/api/v1/people/:personId/plan/agreement/scan',
    {
      ...personRoute('record.read'),
      schema: {
        tags: ['plans'],
        summary: 'The scanned copy of a recorded agreement, as it was uploaded (checked against its SHA-256)',
        params: personParams,
        querystring: versionQuery,
        produces: ['application/pdf', 'image/png', 'image/jpeg'],
      },
    },
    async (request, reply) => {
      const scan = await services.plans.agreementScan(personAccess(request), request.query.version);
      return reply
        .type(scan.mediaType)
        .header('content-disposition', `attachment; filename="${scan.filename}"`)
        .send(scan.bytes);
    },
  );
};
