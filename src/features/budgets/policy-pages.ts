import type { FastifyPluginAsync } from 'fastify';
import { type CouncilAccess, may } from '../../platform/auth/access.ts';
import { councilAccess, councilRoute, publicRoute } from '../../platform/auth/routes.ts';
import { field, submitForm } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import { COUNCIL_PARAM } from '../../platform/views/council.ts';
import { SCOTLAND_BANDS } from '../eligibility/rules.ts';
import type { FeatureDeps } from '../index.ts';
import { formValues, policyDraftFromForm, remapErrors, UNIT_ROWS_SPARE } from './forms.ts';
import type { policyOverview } from './policy-service.ts';

type PolicyRoute = { Params: { policyId: string } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A draft starts as a copy of the version in force, rates in pounds, ready to change. */
function valuesFrom(policy: Awaited<ReturnType<typeof policyOverview>>['inForce']) {
  const values: Record<string, string> = {};
  if (!policy) return values;
  values.contingencyBasisPoints = String(policy.content.contingencyBasisPoints / 100);
  policy.content.supportUnits.forEach((u, i) => {
    values[`supportUnits[${i}].code`] = u.code;
    values[`supportUnits[${i}].name`] = u.name;
    values[`supportUnits[${i}].unit`] = u.unit;
    values[`supportUnits[${i}].ratePence`] = (u.ratePence / 100).toFixed(2);
    values[`supportUnits[${i}].description`] = u.description ?? '';
  });
  (policy.content.bands ?? []).forEach((b, i) => {
    values[`bands[${i}].code`] = b.code;
    values[`bands[${i}].label`] = b.label;
    values[`bands[${i}].weeklyAmount`] = (b.weeklyAmount / 100).toFixed(2);
  });
  return values;
}

export const policyPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  // Readable by anyone, signed in or not: the council's working, published.
  // The council's own address names the council; the older one leads there (or asks which).
  app.get('/how-budgets-work', publicRoute(), (request, reply) =>
    services.councils.toCouncilPage(request, reply, '/how-budgets-work', 'How we work out budgets'),
  );
  app.get(`/c/:${COUNCIL_PARAM}/how-budgets-work`, publicRoute(), async (request, reply) => {
    const council = await services.councils.requested(request);
    const budgets = await services.budgets.publicPolicies(council.id);
    const eligibility = await services.eligibility.publicPolicy(council.id);
    return reply.render('budgets/views/how-budgets-work.njk', {
      title: 'How we work out budgets',
      ...budgets,
      eligibility,
      bandLabels: SCOTLAND_BANDS,
    });
  });

  app.get('/admin/policies', councilRoute('policy.preview'), async (request, reply) => {
    const overview = await services.budgets.policyOverview(councilAccess(request));
    return reply.render('budgets/views/policies.njk', {
      title: 'Budget policies',
      ...overview,
      mayManage: may(councilAccess(request), 'policy.manage'),
    });
  });

  const draftPage = async (access: CouncilAccess, unitRows: number) => ({
    template: 'budgets/views/policy-draft.njk',
    context: {
      title: 'Draft a new budget policy version',
      unitRows: Array.from({ length: unitRows }, (_, i) => i),
      bandRows: [0, 1, 2, 3],
      inForce: (await services.budgets.policyOverview(access)).inForce,
      backLink: '/admin/policies',
    },
  });
  app.get('/admin/policies/new', councilRoute('policy.manage'), async (request, reply) => {
    const page = await draftPage(councilAccess(request), 0);
    const values = valuesFrom(page.context.inForce);
    const count = (page.context.inForce?.content.supportUnits.length ?? 0) + UNIT_ROWS_SPARE;
    return reply.render(page.template, {
      ...(await draftPage(councilAccess(request), count)).context,
      values,
    });
  });
  app.post('/admin/policies', councilRoute('policy.manage'), async (request, reply) => {
    const access = councilAccess(request);
    const posted =
      Object.keys((request.body as object) ?? {}).filter((k) => k.startsWith('supportUnits[')).length / 5;
    const page = await draftPage(access, Math.max(Math.ceil(posted), UNIT_ROWS_SPARE));
    return submitForm(reply, { ...page, values: formValues(request.body) }, async () => {
      const { draft, unitRows, bandRows } = policyDraftFromForm(request.body);
      try {
        const saved = await services.budgets.draftPolicy(access, draft);
        return reply.redirect(`/admin/policies/${saved.id}`, 303);
      } catch (error) {
        if (error instanceof Problem && error.errors.length)
          throw Problem.invalid(
            remapErrors(remapErrors(error.errors, 'supportUnits', unitRows), 'bands', bandRows),
          );
        throw error;
      }
    });
  });

  const previewPage = async (access: CouncilAccess, policyId: string) => {
    if (!UUID.test(policyId)) throw Problem.notFound('Policy version');
    const preview = await services.budgets.repricingPreview(access, policyId);
    return {
      template: 'budgets/views/policy-preview.njk',
      context: {
        title: `Budget policy: ${preview.version.versionLabel}`,
        ...preview,
        backLink: '/admin/policies',
      },
    };
  };
  app.get<PolicyRoute>(
    '/admin/policies/:policyId',
    councilRoute('policy.preview'),
    async (request, reply) => {
      const page = await previewPage(councilAccess(request), request.params.policyId);
      return reply.render(page.template, {
        ...page.context,
        errors: page.context.errors,
        mayManage: may(councilAccess(request), 'policy.manage'),
      });
    },
  );
  app.post<PolicyRoute>(
    '/admin/policies/:policyId/publish',
    councilRoute('policy.manage'),
    async (request, reply) => {
      const access = councilAccess(request);
      const page = await previewPage(access, request.params.policyId);
      return submitForm(
        reply,
        { ...page, context: { ...page.context, mayManage: true }, values: {} },
        async () => {
          if (field(request.body, 'confirm') !== 'yes')
            throw Problem.invalid([
              { field: 'confirm', message: 'Confirm you have read the re-pricing report before publishing.' },
            ]);
          await services.budgets.publishPolicy(access, request.params.policyId);
          return reply.redirect(`/admin/policies/${request.params.policyId}`, 303);
        },
      );
    },
  );
};
