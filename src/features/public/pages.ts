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
  const page = (
    suffix: string,
    template: string,
    title: string,
    extra: (councilId: string) => Promise<Record<string, unknown>> = async () => ({}),
  ) => {
    app.get(`/c/:${COUNCIL_PARAM}${suffix}`, publicRoute(), async (request, reply) => {
      const council = await services.councils.requested(request);
      return reply.render(template, { title, demoPassword, ...(await extra(council.id)) });
    });
    app.get(suffix || '/', publicRoute(), (request, reply) =>
      services.councils.toCouncilPage(request, reply, suffix, title),
    );
  };
  page('', 'public/views/start.njk', 'Plan your support, your way');
  page('/accessibility', 'public/views/accessibility.njk', 'Accessibility statement');
  // The privacy notice names the council as data controller, with its contact details.
  page('/privacy', 'public/views/privacy.njk', 'Privacy notice', async (councilId) => {
    const { details, dataController } = await services.council.publicContact(councilId);
    return {
      dataController: {
        ...dataController,
        addressLines: (dataController?.address ?? '').split('\n').filter(Boolean),
      },
      controller: {
        addressLines: [details.addressLine1, details.addressLine2, details.town, details.postcode].filter(
          Boolean,
        ),
        phone: details.phone,
        email: details.email,
        website: details.website,
        howToContact: details.howToContact,
      },
    };
  });
  // About this service's own cookies, the same for every council.
  app.get('/cookies', publicRoute(), async (_request, reply) =>
    reply.render('public/views/cookies.njk', { title: 'Cookies', demoPassword }),
  );
};
