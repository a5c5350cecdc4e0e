import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';

/** Pages anyone can read without signing in: what Selfdirect is, and the legal pages. */
export const publicFeature: FastifyPluginAsync<FeatureDeps> = async (app, { config }) => {
  const page = (url: string, template: string, title: string) =>
    app.get(url, { config: { access: 'public' } }, async (_request, reply) =>
      reply.render(template, { title, demoPassword: config.mode === 'demo' ? config.demoPassword : null }),
    );
  page('/', 'public/views/start.njk', 'Plan your support, your way');
  page('/accessibility', 'public/views/accessibility.njk', 'Accessibility statement');
  page('/privacy', 'public/views/privacy.njk', 'Privacy notice');
  page('/cookies', 'public/views/cookies.njk', 'Cookies');
};
