import type { FastifyPluginAsync } from 'fastify';
import type { CouncilAccess } from '../../platform/auth/access.ts';
import type { FeatureDeps } from '../index.ts';
import { equityReport } from './service.ts';

export const reportPages: FastifyPluginAsync<FeatureDeps> = async (app, { db }) => {
  app.get(
    '/reports/equity',
    { config: { access: { permission: 'reports.aggregate' } } },
    async (request, reply) => {
      const report = await equityReport(db, request.access as CouncilAccess);
      return reply.render('reports/views/equity.njk', {
        title: 'Who gets which option, and how much',
        report,
      });
    },
  );
};
