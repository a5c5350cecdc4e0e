import type { FastifyPluginAsync } from 'fastify';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import { equityReport } from './service.ts';

export const reportPages: FastifyPluginAsync<FeatureDeps> = async (app, { db }) => {
  app.get('/reports/equity', councilRoute('reports.aggregate'), async (request, reply) => {
    const report = await equityReport(db, councilAccess(request));
    return reply.render('reports/views/equity.njk', {
      title: 'Who gets which option, and how much',
      report,
    });
  });
};
