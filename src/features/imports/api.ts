import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import { errorResponses, problemSchema } from '../../platform/http/api-schemas.ts';
import type { FeatureDeps } from '../index.ts';
import { acceptImportUploads, uploadedFiles } from './uploads.ts';

const problem = z.object({
  file: z.string(),
  row: z
    .number()
    .int()
    .nullable()
    .describe('1 = the first row under the heading row; null for the whole file'),
  column: z.string().nullable(),
  message: z.string(),
});

const report = z.object({
  id: z.uuid(),
  status: z.enum(['dry_run', 'committed', 'failed']),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() })),
  counts: z.array(
    z.object({
      file: z.string(),
      title: z.string(),
      rows: z.number().int(),
      new: z.number().int(),
      alreadyImported: z.number().int(),
      problems: z.number().int(),
    }),
  ),
  problems: z.array(problem),
  written: z.number().int().nullable(),
  createdAt: z.date(),
  committedAt: z.date().nullable(),
  canCommit: z.boolean(),
});

const importParams = z.object({ importId: z.uuid() });

/** Caseload import for API clients: a dry run of the files, its report, the commit. */
export const importsApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  await acceptImportUploads(plain);
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/imports',
    {
      ...councilRoute('caseload.import'),
      schema: {
        tags: ['imports'],
        summary:
          'Dry run: check CSV files of an existing caseload (multipart/form-data, one file part per file, each named as its template: people.csv, representatives.csv, circle.csv, outcomes.csv). Nothing of the caseload is written; every problem is reported with file, row and column.',
        consumes: ['multipart/form-data'],
        response: { 201: report, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { createdByName: _name, ...result } = await services.imports.dryRun(
        councilAccess(request),
        uploadedFiles(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/imports/:importId',
    {
      ...councilRoute('caseload.import'),
      schema: {
        tags: ['imports'],
        summary: 'The report of an import: counts per file, every problem, and what a commit wrote',
        params: importParams,
        response: { 200: report, ...errorResponses },
      },
    },
    async (request) => {
      const { createdByName: _name, ...result } = await services.imports.report(
        councilAccess(request),
        request.params.importId,
      );
      return result;
    },
  );

  app.post(
    '/api/v1/imports/:importId/commit',
    {
      ...councilRoute('caseload.import'),
      schema: {
        tags: ['imports'],
        summary:
          'Commit a dry run with no problems: every file’s new rows in one transaction (references imported before are left as they are). If the records changed since the dry run, nothing is written and the import is marked failed with the problems.',
        params: importParams,
        response: { 200: report, ...errorResponses, 409: problemSchema },
      },
    },
    async (request) => {
      const { createdByName: _name, ...result } = await services.imports.commit(
        councilAccess(request),
        request.params.importId,
      );
      return result;
    },
  );
};
