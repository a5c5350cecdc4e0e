import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { may, type PersonAccess } from '../../../platform/auth/access.ts';
import { personAccess, personRoute } from '../../../platform/auth/routes.ts';
import {
  dateField,
  dateParts,
  datePartsOf,
  field,
  poundsField,
  submitForm,
} from '../../../platform/http/forms.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { formatDate, isIsoDate } from '../../../platform/dates.ts';
import { formatPence } from '../../../platform/money/index.ts';
import type { FeatureDeps } from '../../index.ts';
import type { PaymentFrequency } from '../agreements/rules.ts';
import { type AgreementSetUpEffect, FREQUENCY_WORDS, HOLDER_KINDS } from '../agreements/service.ts';
import { type ContributionEffect, currentChanges } from '../corrections/rules.ts';
import { bankKeys, decryptBankDetails, encryptBankDetails } from '../bank/crypto.ts';
import { acceptMultipart } from '../returns/multipart.ts';
import { MONEY_FIELDS, RETURN_CSV_COLUMNS } from '../returns/service.ts';
import { recoveryOptions } from '../surplus/rules.ts';
import { parseReturnCsv, type ReturnFigures } from '../returns/service.ts';

const PERIOD_WORDS = { weekly: 'each week', four_weekly: 'every 4 weeks', monthly: 'each month' } as const;

/** The set-up answers as the check page lists them (the account masked), each with its Change. */
function setUpAnswers(effect: AgreementSetUpEffect) {
  return [
    { key: 'How often it is paid', value: FREQUENCY_WORDS[effect.frequency], field: 'frequency' },
    { key: 'First day covered', value: formatDate(effect.from), field: 'startDate' },
    {
      key: 'Last day covered',
      value: effect.endDate ? formatDate(effect.endDate) : 'No end date',
      field: 'endDate',
    },
    { key: 'Who holds the bank account', value: HOLDER_KINDS[effect.holderKind], field: 'holderKind' },
    { key: 'Name on the account', value: effect.holderName, field: 'holderName' },
    { key: 'Bank account', value: `Account ending ${effect.maskedAccount}`, field: 'accountNumber' },
  ];
}

/** What setting up pays: each period, the plan's amount, the contribution taken off or invoiced. */
function setUpEffectRows(effect: AgreementSetUpEffect) {
  const contribution =
    effect.contributionMethod === 'net'
      ? `, less the contribution of ${formatPence(effect.contributionPerPeriod)}`
      : `, with the contribution of ${formatPence(effect.contributionPerPeriod)} invoiced separately`;
  return [
    {
      key: `Direct payment ${PERIOD_WORDS[effect.frequency]}`,
      after: effect.netPerPeriod,
      hint: `${formatPence(effect.amountPerPeriod)} from the agreed plan (${formatPence(effect.weeklyAmount)} a week)${contribution}`,
    },
    {
      key: 'From',
      text: effect.endDate
        ? `${formatDate(effect.from)} to ${formatDate(effect.endDate)}`
        : `${formatDate(effect.from)}, with no end date`,
    },
    { key: 'Paid into', text: `Account ending ${effect.maskedAccount}, in the name of ${effect.holderName}` },
  ];
}

/** What a change or correction does to the payment: old → new each period, from which date. */
function changeEffectRows(effect: ContributionEffect) {
  const dp = effect.directPayment;
  return [
    ...(dp
      ? [
          {
            key: `Direct payment ${PERIOD_WORDS[dp.frequency]}`,
            before: dp.netPerPeriod.before,
            after: dp.netPerPeriod.after,
            hint: `${formatPence(dp.amountPerPeriod.after)} from the agreed plan${
              dp.contributionMethod === 'net'
                ? `, less the contribution of ${formatPence(dp.contributionPerPeriod.after)}`
                : ''
            }`,
          },
        ]
      : []),
    { key: 'From', text: formatDate(effect.from) },
  ];
}

type Req = FastifyRequest<{ Params: { personId: string } }>;

/**
 * What the viewer may do on a person's payment pages, asked of the policy: manage the
 * agreement and decide on a surplus, account for the money (returns, a view on a surplus),
 * and whether they work from the case list (so "back" is the staff page, not their own).
 */
export function paymentPolicies(access: PersonAccess) {
  return {
    mayManage: may(access, 'money.manage'),
    mayAccount: may(access, 'money.account'),
    staff: may(access, 'caselist.read'),
  };
}

/** The person's direct payment: the staff page, the agreement, returns, surplus reviews, statement. */
export const personPaymentPages: FastifyPluginAsync<FeatureDeps> = async (app, { config, services }) => {
  // Seals the bank details carried through the check page (the service stores them with its own).
  const key = bankKeys(config);
  acceptMultipart(app);
  const read = personRoute('money.read');
  const manage = personRoute('money.manage');
  const account = personRoute('money.account');
  const base = (request: { params: { personId: string } }) => `/people/${request.params.personId}/payments`;

  app.get<{ Params: { personId: string } }>('/people/:personId/payments', read, async (request, reply) => {
    const access = personAccess(request);
    const view = await services.payments.forPerson(access);
    const { mayManage, mayAccount } = paymentPolicies(access);
    return reply.render('payments/person/views/person.njk', {
      title: `Direct payment: ${view.person.preferredName ?? view.person.legalName}`,
      ...view,
      currentChangeIds: currentChanges(view.agreement?.changes ?? []).map((c) => c.id),
      personId: request.params.personId,
      mayManage,
      mayAccount,
    });
  });

  // The agreement: created once from the agreed plan, then changed from dates.
  const agreementPage = async (request: Req, extra: Record<string, unknown> = {}) => {
    const view = await services.payments.forPerson(personAccess(request));
    return {
      template: 'payments/person/views/agreement.njk',
      context: {
        title: view.agreement ? 'Change the direct payment' : 'Set up the direct payment',
        backLink: base(request),
        personId: request.params.personId,
        agreement: view.agreement,
        personName: view.person.preferredName ?? view.person.legalName,
        holderKinds: HOLDER_KINDS,
        // A new agreement offers only the council's frequencies; a change keeps the agreement's.
        frequencies: Object.fromEntries(
          Object.entries(FREQUENCY_WORDS).filter(
            ([f]) => !view.offeredFrequencies || view.offeredFrequencies.includes(f as PaymentFrequency),
          ),
        ),
        // A correction's date is fixed: the date of the change it corrects.
        correctingFrom:
          field(request.body, 'supersedes') && isIsoDate(dateField(request.body, 'effectiveFrom'))
            ? dateField(request.body, 'effectiveFrom')
            : null,
        ...extra,
      },
    };
  };
  app.get<{ Params: { personId: string } }>(
    '/people/:personId/payments/agreement',
    manage,
    async (request, reply) => {
      const page = await agreementPage(request);
      // "Correct this change": the change form with the current change's date, asking why.
      const correct = (request.query as { correct?: unknown }).correct;
      if (correct === undefined) return reply.render(page.template, { ...page.context, values: {} });
      const agreement = page.context.agreement;
      const change = agreement && currentChanges(agreement.changes).find((c) => c.id === correct);
      if (!change) throw Problem.notFound('Change of the direct payment');
      return reply.render(page.template, {
        ...page.context,
        title: 'Correct the change',
        correctingFrom: change.effectiveFrom,
        values: { effectiveFrom: datePartsOf(change.effectiveFrom), reason: '', supersedes: change.id },
      });
    },
  );
  // Setting up: the answers checked and what will be paid shown before anything is saved. The
  // account number is carried through the check page sealed (encrypted), never as written.
  const setUpValues = (body: unknown) => {
    let sortCode = field(body, 'sortCode');
    let accountNumber = field(body, 'accountNumber');
    const sealed = field(body, 'bankDetails');
    if (sealed && !sortCode && !accountNumber) {
      try {
        ({ sortCode, accountNumber } = decryptBankDetails(sealed, key));
      } catch {
        // Unreadable (tampered or the key changed): asked again, with the fields' errors.
      }
    }
    return {
      frequency: field(body, 'frequency'),
      holderKind: field(body, 'holderKind'),
      holderName: field(body, 'holderName'),
      sortCode,
      accountNumber,
      startDate: dateParts(body, 'startDate'),
      endDate: dateParts(body, 'endDate'),
    };
  };
  const setUpInput = (body: unknown, values: ReturnType<typeof setUpValues>) => {
    const endDate = dateField(body, 'endDate');
    return {
      frequency: values.frequency,
      holderKind: values.holderKind,
      holderName: values.holderName,
      sortCode: values.sortCode,
      accountNumber: values.accountNumber,
      startDate: dateField(body, 'startDate'),
      endDate: endDate === '' ? null : endDate,
    };
  };
  const datePairs = (name: string, parts: { day: string; month: string; year: string }) =>
    (['day', 'month', 'year'] as const).map((part): [string, string] => [`${name}-${part}`, parts[part]]);
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/agreement',
    manage,
    async (request, reply) => {
      const values = setUpValues(request.body);
      return submitForm(reply, { ...(await agreementPage(request)), values }, async () => {
        const input = setUpInput(request.body, values);
        const effect = await services.payments.previewAgreement(personAccess(request), input);
        const sealed = encryptBankDetails(
          { sortCode: values.sortCode, accountNumber: values.accountNumber, accountName: '' },
          key,
        );
        return reply.render('payments/person/views/check.njk', {
          title: 'Check the direct payment before you save it',
          backLink: base(request),
          action: `${base(request)}/agreement/confirm`,
          changeAction: `${base(request)}/agreement/edit`,
          hidden: [
            ['frequency', values.frequency],
            ...datePairs('startDate', values.startDate),
            ...datePairs('endDate', values.endDate),
            ['holderKind', values.holderKind],
            ['holderName', values.holderName],
            ['bankDetails', sealed],
          ],
          answers: setUpAnswers(effect),
          effectHeading: 'What will be paid',
          effectRows: setUpEffectRows(effect),
          effect,
          saveText: 'Set up the direct payment',
        });
      });
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/agreement/edit',
    manage,
    async (request, reply) => {
      const page = await agreementPage(request);
      return reply.render(page.template, { ...page.context, values: setUpValues(request.body) });
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/agreement/confirm',
    manage,
    async (request, reply) => {
      const values = setUpValues(request.body);
      return submitForm(reply, { ...(await agreementPage(request)), values }, async () => {
        await services.payments.createAgreement(personAccess(request), setUpInput(request.body, values));
        return reply.redirect(base(request), 303);
      });
    },
  );

  // A change from a date: worked out and shown (old → new payment) before anything is saved.
  // A correction supersedes the current change from its date, with a reason: its date is kept.
  const changeValues = (body: unknown) => ({
    effectiveFrom: dateParts(body, 'effectiveFrom'),
    reason: field(body, 'reason'),
    supersedes: field(body, 'supersedes'),
  });
  const changeInput = (body: unknown) => ({
    effectiveFrom: dateField(body, 'effectiveFrom'),
    reason: field(body, 'reason'),
    supersedes: field(body, 'supersedes') || null,
  });
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/agreement/changes',
    manage,
    async (request, reply) => {
      const values = changeValues(request.body);
      return submitForm(reply, { ...(await agreementPage(request)), values }, async () => {
        const input = changeInput(request.body);
        const plan = await services.payments.previewChange(personAccess(request), input);
        const correcting = Boolean(input.supersedes);
        return reply.render('payments/person/views/check.njk', {
          title: correcting
            ? 'Check the correction before you save it'
            : 'Check the change before you save it',
          backLink: base(request),
          action: `${base(request)}/agreement/changes/confirm`,
          changeAction: `${base(request)}/agreement/changes/edit`,
          hidden: [
            ...datePairs('effectiveFrom', values.effectiveFrom),
            ['reason', values.reason],
            ...(correcting ? [['supersedes', values.supersedes]] : []),
          ],
          answers: [
            // A correction keeps the date of the change it corrects, so its date has no Change.
            {
              key: 'New amounts start on',
              value: formatDate(input.effectiveFrom),
              field: correcting ? null : 'effectiveFrom',
            },
            {
              key: correcting ? 'Why the change is corrected' : 'Why the payment is changing',
              value: input.reason,
              field: 'reason',
            },
          ],
          effectHeading: 'What this changes',
          effectRows: changeEffectRows(plan.effect),
          notes: plan.effect.directPayment
            ? [
                'The period that includes this date is paid part at the old amount and part at the new, by days.',
              ]
            : [],
          effect: plan.effect,
          correcting,
          saveText: correcting ? 'Save the correction' : 'Save the change',
        });
      });
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/agreement/changes/edit',
    manage,
    async (request, reply) => {
      const page = await agreementPage(request);
      return reply.render(page.template, { ...page.context, values: changeValues(request.body) });
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/agreement/changes/confirm',
    manage,
    async (request, reply) => {
      const values = changeValues(request.body);
      return submitForm(reply, { ...(await agreementPage(request)), values }, async () => {
        await services.payments.changeAgreement(personAccess(request), changeInput(request.body));
        return reply.redirect(base(request), 303);
      });
    },
  );

  // Returns: typed on the page, or a CSV file uploaded from the same page.
  const returnsPage = async (request: Req) => {
    const access = personAccess(request);
    const view = await services.payments.forPerson(access);
    const { mayManage, staff } = paymentPolicies(access);
    return {
      template: 'payments/person/views/returns.njk',
      context: {
        title: 'Send a direct-payment return',
        backLink: mayManage || staff ? base(request) : `/my/${request.params.personId}/payments`,
        personId: request.params.personId,
        agreement: view.agreement,
        returns: view.returns,
        columns: RETURN_CSV_COLUMNS,
      },
    };
  };
  app.get<{ Params: { personId: string } }>(
    '/people/:personId/payments/returns',
    account,
    async (request, reply) => {
      const page = await returnsPage(request);
      return reply.render(page.template, { ...page.context, values: {} });
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/returns',
    account,
    async (request, reply) => {
      const body = request.body;
      const values: Record<string, unknown> = {
        periodStart: dateParts(body, 'periodStart'),
        periodEnd: dateParts(body, 'periodEnd'),
      };
      for (const name of MONEY_FIELDS) values[name] = field(body, name);
      return submitForm(reply, { ...(await returnsPage(request)), values }, async () => {
        const figures = {
          periodStart: dateField(body, 'periodStart'),
          periodEnd: dateField(body, 'periodEnd'),
          ...Object.fromEntries(MONEY_FIELDS.map((name) => [name, poundsField(body, name)])),
        } as ReturnFigures;
        const [result] = await services.payments.submitReturns(personAccess(request), [figures], 'page');
        return reply.redirect(
          result?.review ? `${base(request)}/surplus/${result.review.id}` : `${base(request)}/returns?sent=1`,
          303,
        );
      });
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/returns/upload',
    account,
    async (request, reply) => {
      return submitForm(reply, { ...(await returnsPage(request)), values: {} }, async () => {
        const parsed = parseReturnCsv(field(request.body, 'csv'));
        // Every row's message is listed in the summary; each links to the file input.
        if (parsed.errors.length)
          throw Problem.invalid(
            parsed.errors.map((e) => ({ field: 'csv', message: e.message })),
            'Some rows of the file need correcting. Nothing was saved.',
          );
        const results = await services.payments.submitReturns(personAccess(request), parsed.figures, 'csv');
        const review = results.find((r) => r.review)?.review;
        return reply.redirect(
          review
            ? `${base(request)}/surplus/${review.id}`
            : `${base(request)}/returns?sent=${results.length}`,
          303,
        );
      });
    },
  );

  // Surplus reviews: the person's view first, then the council's decision.
  const reviewPage = async (request: FastifyRequest<{ Params: { personId: string; reviewId: string } }>) => {
    const access = personAccess(request);
    const review = await services.payments.surplusReview(access, request.params.reviewId);
    const view = await services.payments.forPerson(access);
    const nextPayment = view.agreement?.netPerPeriod ?? 0;
    const { mayManage, mayAccount } = paymentPolicies(access);
    return {
      template: 'payments/person/views/surplus.njk',
      context: {
        title: 'Money building up in the account',
        backLink: mayManage ? base(request) : `/my/${request.params.personId}/payments`,
        personId: request.params.personId,
        review,
        options: recoveryOptions({
          surplus: review.surplus,
          nextPayment,
          policyVersion: review.policyVersion,
        }),
        mayAccount,
        mayManage,
      },
    };
  };
  type ReviewReq = { Params: { personId: string; reviewId: string } };
  app.get<ReviewReq>('/people/:personId/payments/surplus/:reviewId', read, async (request, reply) => {
    const page = await reviewPage(request);
    return reply.render(page.template, { ...page.context, values: {} });
  });
  app.post<ReviewReq>(
    '/people/:personId/payments/surplus/:reviewId/view',
    account,
    async (request, reply) => {
      const values = { view: field(request.body, 'view') };
      return submitForm(reply, { ...(await reviewPage(request)), values }, async () => {
        await services.payments.giveView(personAccess(request), request.params.reviewId, values.view);
        return reply.redirect(
          `/people/${request.params.personId}/payments/surplus/${request.params.reviewId}`,
          303,
        );
      });
    },
  );
  app.post<ReviewReq>(
    '/people/:personId/payments/surplus/:reviewId/decision',
    manage,
    async (request, reply) => {
      const values = { decision: field(request.body, 'decision'), reason: field(request.body, 'reason') };
      return submitForm(reply, { ...(await reviewPage(request)), values }, async () => {
        await services.payments.decideSurplus(personAccess(request), request.params.reviewId, values);
        return reply.redirect(
          `/people/${request.params.personId}/payments/surplus/${request.params.reviewId}`,
          303,
        );
      });
    },
  );

  // The person's own statement, in plain words.
  app.get<{ Params: { personId: string } }>('/my/:personId/payments', read, async (request, reply) => {
    const access = personAccess(request);
    const view = await services.payments.statement(access);
    return reply.render('payments/person/views/statement.njk', {
      title: 'Your direct payment',
      backLink: '/my',
      personId: request.params.personId,
      mayAccount: paymentPolicies(access).mayAccount,
      ...view,
    });
  });
};
