import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { FeatureDeps } from '../index.ts';
import { templateCsv } from './rules.ts';
import { IMPORT_SECTIONS, sectionForFile } from './sections.ts';
import { acceptImportUploads, uploadedFiles } from './uploads.ts';

const STATUS_TEXT = {
  dry_run: 'Checked, not imported yet',
  committed: 'Imported',
  failed: 'Not imported: the records changed since the check',
} as const;

/** The administrator's pages: upload and check, the report, the commit, templates and their guide. */
export const importPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  await acceptImportUploads(app);

  const startPage = async (request: FastifyRequest) => ({
    title: 'Import an existing caseload',
    backLink: '/admin',
    sections: IMPORT_SECTIONS.map((s) => ({ file: s.file, title: s.title, optional: s.optional })),
    imports: (await services.imports.list(councilAccess(request))).map((i) => ({
      ...i,
      statusText: STATUS_TEXT[i.status],
    })),
  });

  app.get('/admin/import', councilRoute('caseload.import'), async (request, reply) =>
    reply.render('imports/views/start.njk', await startPage(request)),
  );

  app.post('/admin/import', councilRoute('caseload.import'), async (request, reply) => {
    try {
      const result = await services.imports.dryRun(councilAccess(request), uploadedFiles(request));
      return reply.redirect(`/admin/import/${result.id}`, 303);
    } catch (error) {
      if (error instanceof Problem && error.status === 400 && error.errors.length)
        return reply
          .status(400)
          .render('imports/views/start.njk', { ...(await startPage(request)), errors: error.errors });
      throw error;
    }
  });

  app.get('/admin/import/templates', councilRoute('caseload.import'), async (_request, reply) =>
    reply.render('imports/views/templates.njk', {
      title: 'Import templates and what each column means',
      backLink: '/admin/import',
      sections: IMPORT_SECTIONS.map((s) => ({
        file: s.file,
        title: s.title,
        description: s.description,
        optional: s.optional,
        columns: s.columns,
      })),
    }),
  );

  app.get<{ Params: { file: string } }>(
    '/admin/import/templates/:file',
    councilRoute('caseload.import'),
    async (request, reply) => {
      const section = sectionForFile(request.params.file);
      if (!section) throw Problem.notFound('Template');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${section.file}"`)
        .send(templateCsv(section));
    },
  );

  app.get<{ Params: { importId: string } }>(
    '/admin/import/:importId',
    councilRoute('caseload.import'),
    async (request, reply) => {
      const report = await services.imports.report(councilAccess(request), request.params.importId);
      return reply.render('imports/views/report.njk', {
        title: report.status === 'committed' ? 'Caseload imported' : 'Import check',
        backLink: '/admin/import',
        report,
        statusText: STATUS_TEXT[report.status],
        // A very long list is cut short on the page; the API gives every problem.
        shownProblems: report.problems.slice(0, 1000),
      });
    },
  );

  app.post<{ Params: { importId: string } }>(
    '/admin/import/:importId/commit',
    councilRoute('caseload.import'),
    async (request, reply) => {
      await services.imports.commit(councilAccess(request), request.params.importId);
      return reply.redirect(`/admin/import/${request.params.importId}`, 303);
    },
  );
};
