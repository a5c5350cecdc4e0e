import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { PersonAccess } from '../../../platform/auth/access.ts';
import { personAccess, personRoute } from '../../../platform/auth/routes.ts';
import { mayOpenInEasyRead, opensInEasyRead, presentEasyRead } from '../../../platform/easy-read/index.ts';
import { field, submitForm } from '../../../platform/http/forms.ts';
import { Problem } from '../../../platform/http/problem.ts';
import type { FeatureDeps } from '../../index.ts';
import { type Base, BASES, frame } from '../plan/page-helpers.ts';
import { optionsEasyRead } from './easy-read.ts';

/** SDS options per outcome: an overview, then one question page per outcome that explains before it asks. */
export const optionsPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  /** The four options and the person's choices in Easy Read (platform/easy-read). */
  const easyReadPage = async (reply: FastifyReply, access: PersonAccess, base: Base) => {
    const f = frame(access, base);
    const overview = await services.plans.options(access);
    return reply.render('easy-read-page.njk', {
      title: 'How you want your support arranged (Easy Read)',
      heading: 'How you want your support arranged',
      lines: presentEasyRead(optionsEasyRead(overview)),
      standardHref: `${f.base}/options?version=standard`,
      links: [{ text: 'See your support plan in Easy Read', href: `${f.base}/plan/easy-read` }],
      backLink: f.staff ? `/people/${f.personId}` : '/my',
    });
  };

  for (const base of BASES) {
    app.get<{ Params: { personId: string } }>(
      `${base}/:personId/options/easy-read`,
      personRoute('record.read'),
      (request, reply) => easyReadPage(reply, personAccess(request), base),
    );

    app.get<{ Params: { personId: string } }>(
      `${base}/:personId/options`,
      personRoute('record.read'),
      async (request, reply) => {
        const access = personAccess(request);
        // The person's recorded need for Easy Read opens it here; the standard version is one click away.
        if (mayOpenInEasyRead(access.relationship.kind, request.query)) {
          const { person } = await services.people.header(access);
          if (opensInEasyRead(person.communicationNeeds, access.relationship.kind, request.query))
            return easyReadPage(reply, access, base);
        }
        const f = frame(access, base);
        const overview = await services.plans.options(access);
        return reply.render('plans/options/views/options.njk', {
          title: f.staff ? 'How support is arranged' : 'How you want your support arranged',
          ...f,
          ...overview,
          backLink: f.staff ? `/people/${f.personId}` : '/my',
        });
      },
    );

    const choosePage = async (access: PersonAccess, outcomeId: string) => {
      const f = frame(access, base);
      const overview = await services.plans.options(access);
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
      personRoute('record.read'),
      async (request, reply) => {
        const page = await choosePage(personAccess(request), request.params.outcomeId);
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
      personRoute('own_words.write'),
      async (request, reply) => {
        const access = personAccess(request);
        const values = { choice: field(request.body, 'choice'), helpedBy: field(request.body, 'helpedBy') };
        const page = await choosePage(access, request.params.outcomeId);
        return submitForm(reply, { ...page, values }, async () => {
          await services.plans.chooseOption(access, { outcomeId: request.params.outcomeId, ...values });
          return reply.redirect(`${frame(access, base).base}/options?saved=1`, 303);
        });
      },
    );
  }
};
