import type { FastifyPluginAsync } from 'fastify';
import { type CouncilAccess, may } from '../../platform/auth/access.ts';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import { dateField, dateParts, datePartsOf, field, submitForm } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import { formatPence } from '../../platform/money/index.ts';
import { convertAmount } from '../../platform/money/periods.ts';
import type { FeatureDeps } from '../index.ts';
import { formToPolicy, moneyFigures, type PolicyForm, policyToForm } from './policy-form.ts';
import type { ChargingPolicyVersion, ContributionMethod } from './policy-service.ts';
import type { ChargingPolicy } from './policy.ts';

type VersionRoute = { Params: { versionId: string } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE = '/admin/charging';

export const CONTRIBUTION_METHODS: Record<ContributionMethod, string> = {
  net: 'Taken off the direct payment',
  invoice: 'Billed separately',
};

/** One box of the form, in the order the page shows them. */
interface FormField {
  name: string;
  label: string;
  hint?: string;
  kind: 'money' | 'text';
}

/** The figures of the council's own nation: Scotland's thresholds, or England's MIG, capital and tariff. */
function formFields(policy: ChargingPolicy): FormField[] {
  const fields: FormField[] = [];
  for (const figure of moneyFigures(policy)) {
    const band = /^minimumIncomeGuarantee\.(.+)\.weekly$/.exec(figure.field)?.[1];
    if (band)
      fields.push({
        name: `minimumIncomeGuarantee.${band}.label`,
        label: 'Who this minimum income guarantee is for',
        kind: 'text',
      });
    fields.push({
      name: figure.field,
      label: figure.label,
      ...(figure.hint ? { hint: figure.hint } : {}),
      kind: 'money',
    });
  }
  return fields;
}

/** What the form says, as typed: every field the base's form has, and the date's three boxes. */
function formValues(base: ChargingPolicy, body: unknown) {
  const form: PolicyForm = {};
  for (const name of Object.keys(policyToForm(base))) form[name] = field(body, name);
  return {
    form,
    effectiveFrom: dateParts(body, 'effectiveFrom'),
    contributionMethod: field(body, 'contributionMethod'),
  };
}

function requestFrom(body: unknown, form: PolicyForm) {
  const method = field(body, 'contributionMethod');
  return {
    effectiveFrom: dateField(body, 'effectiveFrom'),
    ...(method === 'net' || method === 'invoice' ? { contributionMethod: method as ContributionMethod } : {}),
    edit: (base: ChargingPolicy) => formToPolicy(base, form),
  };
}

/** The council's charging policy: versions, a draft, the check page (old → new and the effect), publishing. */
export const chargingPolicyPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const read = councilRoute('policy.preview');
  const manage = councilRoute('policy.manage');

  app.get(BASE, read, async (request, reply) => {
    const access = councilAccess(request);
    const overview = await services.charging.policyOverview(access);
    const published = field(request.query, 'published');
    return reply.render('charging/views/policies.njk', {
      title: 'Charging policy',
      ...overview,
      methods: CONTRIBUTION_METHODS,
      justPublished: overview.history.find((v) => v.id === published) ?? null,
      mayManage: may(access, 'policy.manage'),
    });
  });

  const draftPage = (version: Pick<ChargingPolicyVersion, 'policy'>, action: string, heading: string) => ({
    template: 'charging/views/policy-draft.njk',
    context: {
      title: heading,
      heading,
      action,
      nation: version.policy.nation,
      fields: formFields(version.policy),
      methodItems: Object.entries(CONTRIBUTION_METHODS).map(([value, text]) => ({ value, text })),
      backLink: BASE,
    },
  });

  // The latest published version (a new one follows it) or, for a council with none, its
  // nation's starting figures (see startChargingDraft).
  const startingPoint = async (access: CouncilAccess) =>
    (await services.charging.policyOverview(access)).startingPoint;

  app.get(`${BASE}/drafts/new`, manage, async (request, reply) => {
    const base = await startingPoint(councilAccess(request));
    const page = draftPage(base, `${BASE}/drafts`, 'Draft a new charging policy version');
    return reply.render(page.template, {
      ...page.context,
      values: {
        form: { ...policyToForm(base.policy), versionLabel: '' },
        effectiveFrom: datePartsOf(null),
        contributionMethod: base.contributionMethod,
      },
    });
  });
  app.post(`${BASE}/drafts`, manage, async (request, reply) => {
    const access = councilAccess(request);
    const base = await startingPoint(access);
    const page = draftPage(base, `${BASE}/drafts`, 'Draft a new charging policy version');
    const values = formValues(base.policy, request.body);
    return submitForm(reply, { ...page, values }, async () => {
      const saved = await services.charging.startDraft(access, requestFrom(request.body, values.form));
      return reply.redirect(`${BASE}/drafts/${saved.id}/check`, 303);
    });
  });

  /** The draft revision to change: only the latest revision of an unpublished draft has a form. */
  const openDraft = async (access: CouncilAccess, versionId: string) => {
    if (!UUID.test(versionId)) throw Problem.notFound('Charging policy draft');
    const { drafts } = await services.charging.policyOverview(access);
    return drafts.find((d) => d.id === versionId) ?? null;
  };

  app.get<VersionRoute>(`${BASE}/drafts/:versionId`, manage, async (request, reply) => {
    const { versionId } = request.params;
    const draft = await openDraft(councilAccess(request), versionId);
    // A replaced or published revision is read on its check page, which says what became of it.
    if (!draft) return reply.redirect(`${BASE}/drafts/${versionId}/check`, 303);
    const page = draftPage(draft, `${BASE}/drafts/${draft.id}`, 'Change the draft');
    return reply.render(page.template, {
      ...page.context,
      values: {
        form: policyToForm(draft.policy),
        effectiveFrom: datePartsOf(draft.effectiveFrom),
        contributionMethod: draft.contributionMethod,
      },
    });
  });
  app.post<VersionRoute>(`${BASE}/drafts/:versionId`, manage, async (request, reply) => {
    const access = councilAccess(request);
    const { versionId } = request.params;
    const draft = await openDraft(access, versionId);
    if (!draft) {
      // Changed or published by someone else since this form was opened.
      await services.charging.checkDraft(access, versionId);
      throw Problem.conflict(
        'Someone changed or published this draft while you were looking at it. Open the latest draft and try again.',
      );
    }
    const page = draftPage(draft, `${BASE}/drafts/${draft.id}`, 'Change the draft');
    const values = formValues(draft.policy, request.body);
    return submitForm(reply, { ...page, values }, async () => {
      const saved = await services.charging.reviseDraft(
        access,
        versionId,
        requestFrom(request.body, values.form),
      );
      return reply.redirect(`${BASE}/drafts/${saved.id}/check`, 303);
    });
  });

  const checkPage = async (access: CouncilAccess, versionId: string) => {
    if (!UUID.test(versionId)) throw Problem.notFound('Charging policy version');
    const check = await services.charging.checkDraft(access, versionId);
    const weekly = check.effect.totalWeeklyChange;
    return {
      template: 'charging/views/policy-check.njk',
      context: {
        title: `Charging policy: ${check.version.versionLabel}`,
        ...check,
        totalChange:
          weekly === 0
            ? 'No change'
            : `${weekly > 0 ? 'Up' : 'Down'} ${formatPence(Math.abs(weekly))} a week in all (about ${formatPence(convertAmount(Math.abs(weekly), 'weekly', 'annual'))} a year)`,
        methods: CONTRIBUTION_METHODS,
        mayManage: may(access, 'policy.manage'),
        backLink: BASE,
      },
    };
  };
  app.get<VersionRoute>(`${BASE}/drafts/:versionId/check`, read, async (request, reply) => {
    const page = await checkPage(councilAccess(request), request.params.versionId);
    return reply.render(page.template, page.context);
  });
  app.post<VersionRoute>(`${BASE}/drafts/:versionId/publish`, manage, async (request, reply) => {
    const access = councilAccess(request);
    const page = await checkPage(access, request.params.versionId);
    return submitForm(reply, { ...page, values: {} }, async () => {
      if (field(request.body, 'confirm') !== 'yes')
        throw Problem.invalid([
          {
            field: 'confirm',
            message:
              'Confirm you have checked each figure and the effect on contributions before publishing.',
          },
        ]);
      const published = await services.charging.publishDraft(access, request.params.versionId);
      return reply.redirect(`${BASE}?published=${published.id}`, 303);
    });
  });
};
