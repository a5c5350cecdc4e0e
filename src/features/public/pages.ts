import type { FastifyPluginAsync } from 'fastify';
import { COUNCIL_PARAM } from '../../platform/views/council.ts';
import { publicRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';

/**
 * Pages anyone can read without signing in: what Selfdirect is, and the legal pages. Each
 * council has its own at `/c/{code}/…`, naming that council; the older addresses without a
 * code lead to the council meant (the account's own, or the only one) or ask which.
 */
export const publicFeature: FastifyPluginAsync<FeatureDeps> = async (app, { services, config }) => {
  const demoPassword = config.mode === 'demo' ? config.demoPassword : null;
  const page = (suffix: string, template: string, title: string) => {
    app.get(`/c/:${COUNCIL_PARAM}${suffix}`, publicRoute(), async (request, reply) => {
      await services.councils.requested(request);
      return reply.render(template, { title, demoPassword });
    });
    app.get(suffix || '/', publicRoute(), (request, reply) =>
      services.councils.toCouncilPage(request, reply, suffix, title),
    );
  };
  page('', 'public/views/start.njk', 'Plan your support, your way');
  page('/accessibility', 'public/views/accessibility.njk', 'Accessibility statement');
  page('/privacy', 'public/views/privacy.njk', 'Privacy notice');
  // About this service's own cookies, the same for every council.
  app.get('/cookies', publicRoute(), async (_request, reply) =>
    reply.render('public/views/cookies.njk', { title: 'Cookies', demoPassword }),
  );
};
