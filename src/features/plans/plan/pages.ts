import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { field, submitForm, wholeNumber } from '../../../platform/http/forms.ts';
import { Problem } from '../../../platform/http/problem.ts';
import type { FeatureDeps } from '../../index.ts';
import { FUNDING_STREAMS, fundingStreamLabel, STATE_LABELS } from './catalogue.ts';
import { PROVIDER_KINDS } from './costs.ts';
import { SDS_OPTION_NAMES } from '../options/rules.ts';
import { type Base, BASES, fixFor, frame, formRowVersion, personAccess } from './page-helpers.ts';
import { renderPlanPdf } from './pdf.ts';
import { decide, startNewVersion } from './decisions.ts';
import { compareVersions, planOverview } from './service.ts';
import { RESTRICTION_REASON_KINDS } from './restrictions.ts';

export const PLAN_WORDS = {
  providerKinds: PROVIDER_KINDS,
  optionNames: SDS_OPTION_NAMES,
  fundingStreams: FUNDING_STREAMS,
  reasonKinds: RESTRICTION_REASON_KINDS,
  states: STATE_LABELS,
};

/** The plan page, its lifecycle buttons, the manager's decision page, version changes and the PDF. */
export const planPages: FastifyPluginAsync<FeatureDeps> = async (app, { db }) => {
  const planPage = async (request: FastifyRequest, base: Base, extra: Record<string, unknown> = {}) => {
    const f = frame(request, base);
    const view = await planOverview(db, personAccess(request));
    const editable = !view.plan || ['draft', 'shared', 'signed', 'returned'].includes(view.plan.state);
    const relationship = personAccess(request).relationship.kind;
    return {
      template: 'plans/plan/views/plan.njk',
      context: {
        title: f.staff ? `${view.personName}’s support plan` : 'Your support plan',
        ...f,
        ...view,
        ...PLAN_WORDS,
        fundingStreamLabel,
        fixFor: (field: string) => fixFor(field, f),
        editable,
        canSign: relationship === 'self' || relationship === 'representative',
        isManager: personAccess(request).actor.role === 'manager',
        saved: (request.query as { saved?: string }).saved,
        backLink: f.staff ? `/people/${f.personId}` : '/my',
        ...extra,
      },
    };
  };

  for (const base of BASES) {
    app.get(
      `${base}/:personId/plan`,
      { config: { access: { permission: 'record.read' } } },
      async (request, reply) => {
        const page = await planPage(request, base);
        return reply.render(page.template, page.context);
      },
    );

    const step = (path: 'share' | 'sign' | 'submit', permission: 'own_words.write' | 'plan.sign') =>
      app.post(
        `${base}/:personId/plan/${path}`,
        { config: { access: { permission } } },
        async (request, reply) => {
          const page = await planPage(request, base);
          return submitForm(reply, { ...page, values: {} }, async () => {
            if (path === 'sign' && field(request.body, 'confirm') !== 'yes') {
              throw Problem.invalid([
                { field: 'confirm', message: 'Tick the box to say you have read the plan and agree with it' },
              ]);
            }
            await decide(db, personAccess(request), formRowVersion(field(request.body, 'rowVersion')) ?? 0, {
              type: path,
            });
            return reply.redirect(`${frame(request, base).base}/plan?saved=${path}`, 303);
          });
        },
      );
    step('share', 'own_words.write');
    step('sign', 'plan.sign');
    step('submit', 'own_words.write');

    app.get(
      `${base}/:personId/plan/changes`,
      { config: { access: { permission: 'record.read' } } },
      async (request, reply) => {
        const f = frame(request, base);
        const query = request.query as { from?: string; to?: string };
        const result = await compareVersions(
          db,
          personAccess(request),
          wholeNumber(query.from),
          wholeNumber(query.to),
        );
        return reply.render('plans/plan/views/changes.njk', {
          title: `What changed between version ${result.from.version} and version ${result.to.version}`,
          ...f,
          ...result,
          backLink: `${f.base}/plan`,
        });
      },
    );

    app.get(
      `${base}/:personId/plan.pdf`,
      { config: { access: { permission: 'record.read' } } },
      async (request, reply) => {
        const pdf = await renderPlanPdf(await planOverview(db, personAccess(request)));
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="support-plan.pdf"')
          .send(pdf);
      },
    );
  }

  // The manager's decision: agree (with a reason when over budget) or return with reasons.
  const decidePage = async (request: FastifyRequest) => {
    const page = await planPage(request, '/people');
    return {
      template: 'plans/plan/views/decide.njk',
      context: {
        ...page.context,
        title: 'Decide on this support plan',
        backLink: `/people/${personAccess(request).personId}/plan`,
      },
    };
  };
  app.get(
    '/people/:personId/plan/decide',
    { config: { access: { permission: 'case.decide' } } },
    async (request, reply) => {
      const page = await decidePage(request);
      return reply.render(page.template, { ...page.context, values: {} });
    },
  );
  app.post(
    '/people/:personId/plan/decide',
    { config: { access: { permission: 'case.decide' } } },
    async (request, reply: FastifyReply) => {
      const decision = field(request.body, 'decision');
      const values = {
        decision,
        reasons: field(request.body, 'reasons'),
        overBudgetReason: field(request.body, 'overBudgetReason'),
      };
      const page = await decidePage(request);
      return submitForm(reply, { ...page, values }, async () => {
        const rowVersion = formRowVersion(field(request.body, 'rowVersion')) ?? 0;
        if (decision === 'agree') {
          await decide(db, personAccess(request), rowVersion, {
            type: 'agree',
            overBudgetReason: values.overBudgetReason,
          });
        } else if (decision === 'return') {
          const reasons = values.reasons
            .split(/\r?\n/)
            .map((r) => r.trim())
            .filter(Boolean);
          await decide(db, personAccess(request), rowVersion, { type: 'return', reasons });
        } else {
          throw Problem.invalid([
            { field: 'decision', message: 'Select whether you agree the plan or send it back' },
          ]);
        }
        return reply.redirect(`/people/${personAccess(request).personId}/plan?saved=${decision}`, 303);
      });
    },
  );

  app.post(
    '/people/:personId/plan/new-version',
    { config: { access: { permission: 'case.write' } } },
    async (request, reply) => {
      await startNewVersion(
        db,
        personAccess(request),
        formRowVersion(field(request.body, 'rowVersion')) ?? 0,
      );
      return reply.redirect(`/people/${personAccess(request).personId}/plan?saved=new-version`, 303);
    },
  );
};
