import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { may, type PersonAccess } from '../../../platform/auth/access.ts';
import { personAccess, personRoute } from '../../../platform/auth/routes.ts';
import {
  easyReadPdf,
  mayOpenInEasyRead,
  opensInEasyRead,
  presentEasyRead,
} from '../../../platform/easy-read/index.ts';
import { field, submitForm, wholeNumber } from '../../../platform/http/forms.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { letterHeading } from '../../../platform/pdf/index.ts';
import { todayInLondon } from '../../../platform/dates.ts';
import type { FeatureDeps } from '../../index.ts';
import { type FundingStreamView, streamLabel } from '../../council-settings/index.ts';
import { STATE_LABELS } from './catalogue.ts';
import { PROVIDER_KINDS } from './costs.ts';
import { SDS_OPTION_NAMES } from '../options/rules.ts';
import { type Base, BASES, fixFor, frame, formRowVersion } from './page-helpers.ts';
import { RESTRICTION_REASON_KINDS } from './restrictions.ts';
import { AGREEMENT_WAYS } from './agreement-rules.ts';
import { planEasyRead } from './easy-read.ts';

export const PLAN_WORDS = {
  providerKinds: PROVIDER_KINDS,
  optionNames: SDS_OPTION_NAMES,
  reasonKinds: RESTRICTION_REASON_KINDS,
  states: STATE_LABELS,
  agreementWays: AGREEMENT_WAYS,
};

/**
 * The council's own funding streams for the plan's pages: those still in use for a new cost
 * line (code → label), and the label of any stream a line names, retired ones too.
 */
export function streamWords(streams: readonly FundingStreamView[]) {
  return {
    fundingStreams: Object.fromEntries(streams.filter((s) => s.active).map((s) => [s.code, s.label])),
    fundingStreamLabel: (code: string) => streamLabel(code, streams),
  };
}

/**
 * What the viewer may do on the plan page: sign it (the person or their representative; the
 * lifecycle refuses a representative without the power to sign) and, asked of the policy,
 * decide on it (agree or return it).
 */
export function planPolicies(access: PersonAccess) {
  const relationship = access.relationship.kind;
  return {
    canSign: relationship === 'self' || relationship === 'representative',
    mayDecide: may(access, 'case.decide'),
    /** Those holding the case record how someone without an account agreed (agreement-pages.ts). */
    mayRecordAgreement: may(access, 'case.write'),
  };
}

/** The plan page, its lifecycle buttons, the manager's decision page, version changes and the PDF. */
export const planPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const planPage = async (request: FastifyRequest, base: Base, extra: Record<string, unknown> = {}) => {
    const access = personAccess(request);
    const f = frame(access, base);
    const view = await services.plans.overview(access);
    const editable = !view.plan || ['draft', 'shared', 'signed', 'returned'].includes(view.plan.state);
    return {
      template: 'plans/plan/views/plan.njk',
      context: {
        title: f.staff ? `${view.personName}’s support plan` : 'Your support plan',
        ...f,
        ...view,
        ...PLAN_WORDS,
        ...streamWords(view.councilFundingStreams),
        fixFor: (field: string) => fixFor(field, f),
        editable,
        ...planPolicies(access),
        saved: (request.query as { saved?: string }).saved,
        backLink: f.staff ? `/people/${f.personId}` : '/my',
        ...extra,
      },
    };
  };

  /** The plan's summary in Easy Read (platform/easy-read), from the overview the plan page shows. */
  const easyReadPage = async (request: FastifyRequest, reply: FastifyReply, base: Base) => {
    const access = personAccess(request);
    const f = frame(access, base);
    const view = await services.plans.overview(access);
    return reply.render('easy-read-page.njk', {
      title: 'Your support plan (Easy Read)',
      heading: 'Your support plan',
      lines: presentEasyRead(planEasyRead(view)),
      standardHref: `${f.base}/plan?version=standard`,
      links: [
        // Signing is on the standard page, with the whole plan: one form, read in full before signing.
        ...(view.plan?.state === 'shared' && planPolicies(access).canSign
          ? [{ text: 'Read the whole plan and sign it', href: `${f.base}/plan?version=standard` }]
          : []),
        { text: 'Get your plan in Easy Read to print (PDF)', href: `${f.base}/plan-easy-read.pdf` },
        { text: 'See the 4 ways to get your support', href: `${f.base}/options/easy-read` },
      ],
      backLink: f.staff ? `/people/${f.personId}` : '/my',
    });
  };

  for (const base of BASES) {
    app.get(`${base}/:personId/plan`, personRoute('record.read'), async (request, reply) => {
      const access = personAccess(request);
      // The person's recorded need for Easy Read opens it here; the standard version is one click away.
      if (mayOpenInEasyRead(access.relationship.kind, request.query)) {
        const { person } = await services.people.header(access);
        if (opensInEasyRead(person.communicationNeeds, access.relationship.kind, request.query))
          return easyReadPage(request, reply, base);
      }
      const page = await planPage(request, base);
      return reply.render(page.template, page.context);
    });

    app.get(`${base}/:personId/plan/easy-read`, personRoute('record.read'), (request, reply) =>
      easyReadPage(request, reply, base),
    );

    app.get(`${base}/:personId/plan-easy-read.pdf`, personRoute('record.read'), async (request, reply) => {
      const { view, addressing } = await services.plans.letterRecord(personAccess(request));
      const heading = letterHeading(addressing, {
        date: todayInLondon(),
        kind: 'plan-easy-read',
        version: view.plan?.version,
      });
      const pdf = await easyReadPdf(
        { title: `Your support plan (Easy Read) – ${view.personName}`, heading },
        'Your support plan',
        planEasyRead(view),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="support-plan-easy-read.pdf"')
        .send(pdf);
    });

    const step = (path: 'share' | 'sign' | 'submit', permission: 'own_words.write' | 'plan.sign') =>
      app.post(`${base}/:personId/plan/${path}`, personRoute(permission), async (request, reply) => {
        const page = await planPage(request, base);
        return submitForm(reply, { ...page, values: {} }, async () => {
          if (path === 'sign' && field(request.body, 'confirm') !== 'yes') {
            throw Problem.invalid([
              { field: 'confirm', message: 'Tick the box to say you have read the plan and agree with it' },
            ]);
          }
          const access = personAccess(request);
          await services.plans.decide(access, formRowVersion(field(request.body, 'rowVersion')) ?? 0, {
            type: path,
          });
          return reply.redirect(`${frame(access, base).base}/plan?saved=${path}`, 303);
        });
      });
    step('share', 'own_words.write');
    step('sign', 'plan.sign');
    step('submit', 'own_words.write');

    app.get(`${base}/:personId/plan/changes`, personRoute('record.read'), async (request, reply) => {
      const access = personAccess(request);
      const f = frame(access, base);
      const query = request.query as { from?: string; to?: string };
      const result = await services.plans.compareVersions(
        access,
        wholeNumber(query.from),
        wholeNumber(query.to),
      );
      return reply.render('plans/plan/views/changes.njk', {
        title: `What changed between version ${result.from.version} and version ${result.to.version}`,
        ...f,
        ...result,
        backLink: `${f.base}/plan`,
      });
    });

    app.get(`${base}/:personId/plan.pdf`, personRoute('record.read'), async (request, reply) => {
      const pdf = await services.plans.pdf(personAccess(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="support-plan.pdf"')
        .send(pdf);
    });
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
  app.get('/people/:personId/plan/decide', personRoute('case.decide'), async (request, reply) => {
    const page = await decidePage(request);
    return reply.render(page.template, { ...page.context, values: {} });
  });
  app.post(
    '/people/:personId/plan/decide',
    personRoute('case.decide'),
    async (request, reply: FastifyReply) => {
      const decision = field(request.body, 'decision');
      const values = {
        decision,
        reasons: field(request.body, 'reasons'),
        overBudgetReason: field(request.body, 'overBudgetReason'),
      };
      const access = personAccess(request);
      const page = await decidePage(request);
      return submitForm(reply, { ...page, values }, async () => {
        const rowVersion = formRowVersion(field(request.body, 'rowVersion')) ?? 0;
        if (decision === 'agree') {
          await services.plans.decide(access, rowVersion, {
            type: 'agree',
            overBudgetReason: values.overBudgetReason,
          });
        } else if (decision === 'return') {
          const reasons = values.reasons
            .split(/\r?\n/)
            .map((r) => r.trim())
            .filter(Boolean);
          await services.plans.decide(access, rowVersion, { type: 'return', reasons });
        } else {
          throw Problem.invalid([
            { field: 'decision', message: 'Select whether you agree the plan or send it back' },
          ]);
        }
        return reply.redirect(`/people/${access.personId}/plan?saved=${decision}`, 303);
      });
    },
  );

  app.post('/people/:personId/plan/new-version', personRoute('case.write'), async (request, reply) => {
    const access = personAccess(request);
    await services.plans.startNewVersion(access, formRowVersion(field(request.body, 'rowVersion')) ?? 0);
    return reply.redirect(`/people/${access.personId}/plan?saved=new-version`, 303);
  });
};
