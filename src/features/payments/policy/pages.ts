import type { FastifyPluginAsync } from 'fastify';
import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { may } from '../../../platform/auth/access.ts';
import { councilAccess, councilRoute } from '../../../platform/auth/routes.ts';
import {
  dateField,
  dateParts,
  datePartsOf,
  field,
  fieldList,
  submitForm,
  wholeNumber,
} from '../../../platform/http/forms.ts';
import { Problem } from '../../../platform/http/problem.ts';
import type { FeatureDeps } from '../../index.ts';
import type { PaymentFrequency } from '../agreements/rules.ts';
import { PAYMENT_FREQUENCIES } from '../schema.ts';
import { describeSettings, FREQUENCY_NAMES } from './rules.ts';
import type { PaymentSettingsDraft, SettingsVersion } from './service.ts';

type VersionRoute = { Params: { versionId: string } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE = '/admin/direct-payments';

const frequencyItems = PAYMENT_FREQUENCIES.map((value) => ({ value, text: FREQUENCY_NAMES[value] }));

/** A new draft starts as a copy of the settings in force, ready to change. */
function valuesFrom(version: SettingsVersion | null) {
  if (!version) return { offeredFrequencies: [...PAYMENT_FREQUENCIES], twoPersonApproval: 'yes' };
  return {
    versionLabel: '',
    surplusThresholdWeeks: String(version.surplusThresholdWeeks),
    originatorName: version.originatorName,
    originatorSortCode: version.originatorSortCode,
    originatorAccountNumber: version.originatorAccountNumber,
    twoPersonApproval: version.twoPersonApproval ? 'yes' : 'no',
    offeredFrequencies: version.offeredFrequencies,
  };
}

/** What the form says, as typed (shown again with any errors). */
function formValues(body: unknown) {
  return {
    versionLabel: field(body, 'versionLabel'),
    effectiveFrom: dateParts(body, 'effectiveFrom'),
    surplusThresholdWeeks: field(body, 'surplusThresholdWeeks'),
    originatorName: field(body, 'originatorName'),
    originatorSortCode: field(body, 'originatorSortCode'),
    originatorAccountNumber: field(body, 'originatorAccountNumber'),
    twoPersonApproval: field(body, 'twoPersonApproval'),
    offeredFrequencies: fieldList(body, 'offeredFrequencies'),
  };
}

/** The form as a draft: anything not a whole number or a listed frequency is refused by the rules. */
function draftFrom(body: unknown): PaymentSettingsDraft {
  const values = formValues(body);
  const approval = values.twoPersonApproval;
  return {
    versionLabel: values.versionLabel,
    effectiveFrom: dateField(body, 'effectiveFrom'),
    surplusThresholdWeeks: wholeNumber(values.surplusThresholdWeeks) ?? Number.NaN,
    originatorName: values.originatorName,
    originatorSortCode: values.originatorSortCode,
    originatorAccountNumber: values.originatorAccountNumber,
    // Neither answer: not a boolean, so the rules name the field with the others.
    twoPersonApproval: (approval === 'yes' ? true : approval === 'no' ? false : undefined) as boolean,
    offeredFrequencies: values.offeredFrequencies as PaymentFrequency[],
  };
}

/** The council's direct-payment settings: versions, a draft, the check page (old → new), publishing. */
export const paymentSettingsPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const read = councilRoute('payments.settings.read');
  const manage = councilRoute('policy.manage');

  app.get(BASE, read, async (request, reply) => {
    const access = councilAccess(request);
    const overview = await services.payments.settings(access);
    return reply.render('payments/policy/views/settings.njk', {
      title: 'Direct-payment settings',
      ...overview,
      inForceRows: overview.inForce
        ? describeSettings(overview.inForce).map((r) => ({ key: { text: r.key }, value: { text: r.value } }))
        : [],
      mayManage: may(access, 'policy.manage'),
    });
  });

  const draftPage = async (access: CouncilAccess) => ({
    template: 'payments/policy/views/settings-draft.njk',
    context: {
      title: 'Draft new direct-payment settings',
      frequencyItems,
      inForce: (await services.payments.settings(access)).inForce,
      backLink: BASE,
    },
  });
  app.get(`${BASE}/new`, manage, async (request, reply) => {
    const page = await draftPage(councilAccess(request));
    return reply.render(page.template, { ...page.context, values: valuesFrom(page.context.inForce) });
  });
  app.post(BASE, manage, async (request, reply) => {
    const access = councilAccess(request);
    const page = await draftPage(access);
    return submitForm(reply, { ...page, values: formValues(request.body) }, async () => {
      const saved = await services.payments.draftSettings(access, draftFrom(request.body));
      return reply.redirect(`${BASE}/${saved.id}`, 303);
    });
  });

  const checkPage = async (access: CouncilAccess, versionId: string) => {
    if (!UUID.test(versionId)) throw Problem.notFound('Direct-payment settings version');
    const check = await services.payments.settingsCheck(access, versionId);
    return {
      template: 'payments/policy/views/settings-check.njk',
      context: {
        title: `Direct-payment settings: ${check.version.versionLabel}`,
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
      const published = await services.payments.publishSettings(access, request.params.versionId);
      return reply.redirect(`${BASE}/${published.id}`, 303);
    });
  });
};
