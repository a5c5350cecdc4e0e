import type { FastifyPluginAsync } from 'fastify';
import { field, submitForm } from '../../../platform/http/forms.ts';
import { Problem } from '../../../platform/http/problem.ts';
import type { FeatureDeps } from '../../index.ts';
import { chooseOption, optionsOverview } from './service.ts';
import { BASES, frame, personAccess } from '../plan/page-helpers.ts';

/** SDS options per outcome: an overview, then one question page per outcome that explains before it asks. */
export const optionsPages: FastifyPluginAsync<FeatureDeps> = async (app, { db }) => {
  for (const base of BASES) {
    app.get<{ Params: { personId: string } }>(
      `${base}/:personId/options`,
      { config: { access: { permission: 'record.read' } } },
      async (request, reply) => {
        const f = frame(request, base);
        const overview = await optionsOverview(db, personAccess(request));
        return reply.render('plans/options/views/options.njk', {
          title: f.staff ? 'How support is arranged' : 'How you want your support arranged',
          ...f,
          ...overview,
          backLink: f.staff ? `/people/${f.personId}` : '/my',
        });
      },
    );

    const choosePage = async (request: Parameters<typeof frame>[0], outcomeId: string) => {
      const f = frame(request, base);
      const overview = await optionsOverview(db, personAccess(request));
      const outcome = overview.outcomes.find((o) => o.id === outcomeId);
      if (!outcome) throw Problem.notFound('Outcome');
      return {
        template: 'plans/options/views/option-choose.njk',
        context: {
          title: 'Choose how this support is arranged',
          ...f,
          ...overview,
          outcome,
          backLink: `${f.base}/options`,
        },
      };
    };

    app.get<{ Params: { personId: string; outcomeId: string } }>(
      `${base}/:personId/options/:outcomeId`,
      { config: { access: { permission: 'record.read' } } },
      async (request, reply) => {
        const page = await choosePage(request, request.params.outcomeId);
        const current = (
          page.context.outcome as { current: { deploymentRoute: string | null; sdsOption: number } | null }
        ).current;
        const key = current
          ? (current.deploymentRoute ??
            (page.context.offer.nation === 'england' && current.sdsOption === 4
              ? 'mix'
              : `option_${current.sdsOption}`))
          : '';
        return reply.render(page.template, { ...page.context, values: { choice: key } });
      },
    );

    app.post<{ Params: { personId: string; outcomeId: string } }>(
      `${base}/:personId/options/:outcomeId`,
      { config: { access: { permission: 'own_words.write' } } },
      async (request, reply) => {
        const values = { choice: field(request.body, 'choice'), helpedBy: field(request.body, 'helpedBy') };
        const page = await choosePage(request, request.params.outcomeId);
        return submitForm(reply, { ...page, values }, async () => {
          await chooseOption(db, personAccess(request), { outcomeId: request.params.outcomeId, ...values });
          return reply.redirect(`${frame(request, base).base}/options?saved=1`, 303);
        });
      },
    );
  }
};
