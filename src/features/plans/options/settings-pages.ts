import type { FastifyPluginAsync } from 'fastify';
import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { may } from '../../../platform/auth/access.ts';
import { councilAccess, councilRoute } from '../../../platform/auth/routes.ts';
import { dateField, dateParts, field, fieldList, submitForm } from '../../../platform/http/forms.ts';
import { Problem } from '../../../platform/http/problem.ts';
import type { FeatureDeps } from '../../index.ts';
import { ENGLAND_DEPLOYMENT_ROUTES, ENGLAND_ROUTES_ALWAYS_OFFERED, SDS_OPTIONS } from './rules.ts';
import type { OptionsSettingsDraft } from './settings-service.ts';
import { describeOptionsSettings, SWITCHABLE_ROUTES } from './settings-rules.ts';

type VersionRoute = { Params: { versionId: string } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE = '/admin/options';

const routeItems = SWITCHABLE_ROUTES.map((r) => ({
  value: r.route,
  text: r.label,
  hint: { text: r.explanation },
}));
const alwaysOffered = ENGLAND_DEPLOYMENT_ROUTES.filter((r) =>
  ENGLAND_ROUTES_ALWAYS_OFFERED.includes(r.route),
);

/** What the form says, as typed (shown again with any errors). */
function formValues(body: unknown) {
  return {
    versionLabel: field(body, 'versionLabel'),
    effectiveFrom: dateParts(body, 'effectiveFrom'),
    routesEnabled: fieldList(body, 'routesEnabled'),
    supportOrganisationFunded: field(body, 'supportOrganisationFunded'),
  };
}

function draftFrom(body: unknown): OptionsSettingsDraft {
  const funded = field(body, 'supportOrganisationFunded');
  return {
    versionLabel: field(body, 'versionLabel'),
    effectiveFrom: dateField(body, 'effectiveFrom'),
    routesEnabled: fieldList(body, 'routesEnabled'),
    // Neither answer: not a boolean, so the rules name the field with the others.
    supportOrganisationFunded: (funded === 'yes' ? true : funded === 'no' ? false : undefined) as boolean,
  };
}

/**
 * The council's SDS options settings: only what fits its nation (Scotland: the four options of the
 * 2013 Act, always offered; England: the deployment routes it runs), whether it funds a support
 * organisation, and the same draft → check (old → new) → publish from a date as its other policies.
 */
export const optionsSettingsPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const read = councilRoute('policy.preview');
  const manage = councilRoute('policy.manage');

  app.get(BASE, read, async (request, reply) => {
    const access = councilAccess(request);
    const overview = await services.plans.optionsSettings(access);
    const inForce = {
      routesEnabled: overview.inForce.routesEnabled ?? ENGLAND_DEPLOYMENT_ROUTES.map((r) => r.route),
      supportOrganisationFunded: overview.inForce.supportOrganisationFunded,
    };
    return reply.render('plans/options/views/settings.njk', {
      title: overview.nation === 'scotland' ? 'SDS options settings' : 'Deployment routes',
      ...overview,
      inForceRows: describeOptionsSettings(overview.nation, inForce).map((r) => ({
        key: { text: r.key },
        value: { text: r.value },
      })),
      mayManage: may(access, 'policy.manage'),
    });
  });

  const draftPage = async (access: CouncilAccess) => {
    const overview = await services.plans.optionsSettings(access);
    return {
      template: 'plans/options/views/settings-draft.njk',
      context: {
        title:
          overview.nation === 'scotland' ? 'Draft new SDS options settings' : 'Draft new deployment routes',
        nation: overview.nation,
        options: SDS_OPTIONS,
        alwaysOffered,
        routeItems,
        inForce: overview.inForce,
        backLink: BASE,
      },
    };
  };
  app.get(`${BASE}/new`, manage, async (request, reply) => {
    const page = await draftPage(councilAccess(request));
    const inForce = page.context.inForce;
    return reply.render(page.template, {
      ...page.context,
      values: {
        routesEnabled: inForce.routesEnabled ?? SWITCHABLE_ROUTES.map((r) => r.route),
        supportOrganisationFunded: inForce.supportOrganisationFunded ? 'yes' : 'no',
      },
    });
  });
  app.post(BASE, manage, async (request, reply) => {
    const access = councilAccess(request);
    const page = await draftPage(access);
    return submitForm(reply, { ...page, values: formValues(request.body) }, async () => {
      const saved = await services.plans.draftOptionsSettings(access, draftFrom(request.body));
      return reply.redirect(`${BASE}/${saved.id}`, 303);
    });
  });

  const checkPage = async (access: CouncilAccess, versionId: string) => {
    if (!UUID.test(versionId)) throw Problem.notFound('Options settings version');
    const check = await services.plans.optionsSettingsCheck(access, versionId);
    return {
      template: 'plans/options/views/settings-check.njk',
      context: {
        title: `Options settings: ${check.version.versionLabel}`,
        ...check,
        withdrawnNames: (check.withdrawn?.routes ?? []).map(
          (r) => ENGLAND_DEPLOYMENT_ROUTES.find((d) => d.route === r)?.label ?? r,
        ),
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
      const published = await services.plans.publishOptionsSettings(access, request.params.versionId);
      return reply.redirect(`${BASE}/${published.id}`, 303);
    });
  });
};
