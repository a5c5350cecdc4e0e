import type { FastifyPluginAsync } from 'fastify';
import type { CouncilAccess } from '../../platform/auth/access.ts';
import { may } from '../../platform/auth/access.ts';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import { dateField, dateParts, field, fieldList, submitForm } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { FeatureDeps } from '../index.ts';
import { signpostingFromForm, signpostingLinksText } from './forms.ts';
import type { EligibilityVersion } from './policy-service.ts';
import { CARE_ACT_OUTCOMES, SCOTLAND_BANDS } from './rules.ts';
import {
  describePolicy,
  type EligibilityPolicyDraft,
  FRAMEWORK_NAMES,
  FUNDABLE_BANDS,
} from './policy-rules.ts';

type VersionRoute = { Params: { versionId: string } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE = '/admin/eligibility';

const bandItems = FUNDABLE_BANDS.map((band) => ({
  value: band,
  text: SCOTLAND_BANDS[band].label,
  hint: { text: SCOTLAND_BANDS[band].description },
}));
const outcomes = Object.values(CARE_ACT_OUTCOMES).map((o) => o.label);

/** A new draft starts as a copy of the version in force, ready to change. */
function valuesFrom(version: EligibilityVersion | null) {
  if (!version) return { fundedBands: ['critical', 'substantial'] };
  return {
    versionLabel: '',
    fundedBands: version.fundedBands ?? [],
    reviewRoute: version.reviewRoute,
    'signposting.text': version.signposting.text,
    'signposting.links': signpostingLinksText(version.signposting),
  };
}

/** What the form says, as typed (shown again with any errors). */
function formValues(body: unknown) {
  return {
    versionLabel: field(body, 'versionLabel'),
    effectiveFrom: dateParts(body, 'effectiveFrom'),
    fundedBands: fieldList(body, 'fundedBands'),
    reviewRoute: field(body, 'reviewRoute'),
    'signposting.text': field(body, 'signposting.text'),
    'signposting.links': field(body, 'signposting.links'),
  };
}

function draftFrom(body: unknown): EligibilityPolicyDraft {
  return {
    versionLabel: field(body, 'versionLabel'),
    effectiveFrom: dateField(body, 'effectiveFrom'),
    fundedBands: fieldList(body, 'fundedBands'),
    reviewRoute: field(body, 'reviewRoute'),
    signposting: signpostingFromForm(body),
  };
}

const summaryRows = (version: EligibilityVersion) =>
  describePolicy(version).map((r) => ({ key: { text: r.key }, value: { text: r.value } }));

/**
 * The council's eligibility policy versions: the one in force, a draft (Scotland: the risk bands
 * the council meets; England: the Care Act test, set in law, with the council's review route and
 * signposting), the check page (old → new, decisions it would decide differently), publishing.
 */
export const eligibilityPolicyPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const read = councilRoute('policy.preview');
  const manage = councilRoute('policy.manage');

  app.get(BASE, read, async (request, reply) => {
    const access = councilAccess(request);
    const overview = await services.eligibility.policies(access);
    return reply.render('eligibility/views/policies.njk', {
      title: 'Eligibility policy',
      ...overview,
      frameworkName: FRAMEWORK_NAMES[overview.framework],
      outcomes,
      inForceRows: overview.inForce ? summaryRows(overview.inForce) : [],
      mayManage: may(access, 'policy.manage'),
    });
  });

  const draftPage = async (access: CouncilAccess) => {
    const overview = await services.eligibility.policies(access);
    return {
      template: 'eligibility/views/policy-draft.njk',
      context: {
        title: 'Draft a new eligibility policy version',
        framework: overview.framework,
        frameworkName: FRAMEWORK_NAMES[overview.framework],
        outcomes,
        bandItems,
        inForce: overview.inForce,
        backLink: BASE,
      },
    };
  };
  app.get(`${BASE}/new`, manage, async (request, reply) => {
    const page = await draftPage(councilAccess(request));
    return reply.render(page.template, { ...page.context, values: valuesFrom(page.context.inForce) });
  });
  app.post(BASE, manage, async (request, reply) => {
    const access = councilAccess(request);
    const page = await draftPage(access);
    return submitForm(reply, { ...page, values: formValues(request.body) }, async () => {
      const saved = await services.eligibility.draftPolicy(access, draftFrom(request.body));
      return reply.redirect(`${BASE}/${saved.id}`, 303);
    });
  });

  const checkPage = async (access: CouncilAccess, versionId: string) => {
    if (!UUID.test(versionId)) throw Problem.notFound('Eligibility policy version');
    const check = await services.eligibility.policyCheck(access, versionId);
    return {
      template: 'eligibility/views/policy-check.njk',
      context: {
        title: `Eligibility policy: ${check.version.versionLabel}`,
        ...check,
        mayManage: may(access, 'policy.manage'),
        backLink: BASE,
      },
    };
  };
  app.get<VersionRoute>(`${BASE}/:versionId`, read, async (request, reply) => {
    const page = await checkPage(councilAccess(request), request.params.versionId);
    return reply.render(page.template, page.context);
  });
  app.post<VersionRoute>(`${BASE}/:versionId/publish`, manage, async (request, reply) => {
    const access = councilAccess(request);
    const page = await checkPage(access, request.params.versionId);
    return submitForm(reply, { ...page, values: {} }, async () => {
      if (field(request.body, 'confirm') !== 'yes')
        throw Problem.invalid([
          { field: 'confirm', message: 'Confirm you have checked the changes before publishing.' },
        ]);
      const published = await services.eligibility.publishDraft(access, request.params.versionId);
      return reply.redirect(`${BASE}/${published.id}`, 303);
    });
  });
};
