import type { FastifyPluginAsync } from 'fastify';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';

export const reportPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  app.get('/reports/equity', councilRoute('reports.aggregate'), async (request, reply) => {
    const report = await services.reports.equity(councilAccess(request));
    return reply.render('reports/views/equity.njk', {
      title: 'Who gets which option, and how much',
      report,
    });
  });

  app.get('/reports/advocacy', councilRoute('reports.aggregate'), async (request, reply) => {
    const report = await services.reports.advocacy(councilAccess(request));
    return reply.render('reports/views/advocacy.njk', {
      title: 'Advocacy and support offered at each stage',
      report,
    });
  });
};
