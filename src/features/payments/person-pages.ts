import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { type PersonPermission, relationshipAllows } from '../../platform/auth/policy.ts';
import { audited } from '../../platform/audit/index.ts';
import { field, submitForm } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { FeatureDeps } from '../index.ts';
import { FREQUENCY_WORDS, HOLDER_KINDS } from './agreements.ts';
import { bankKey } from './crypto.ts';
import { dateField, dateParts, moneyField } from './form-helpers.ts';
import { acceptMultipart } from './multipart.ts';
import { findReview } from './returns.ts';
import { RETURN_CSV_COLUMNS } from './returns.ts';
import { recoveryOptions } from './rules.ts';
import {
  changeAgreement,
  createAgreement,
  decideSurplus,
  giveView,
  parseReturnCsv,
  personPayments,
  previewAgreementChange,
  statement,
  submitReturns,
} from './service.ts';

type Req = FastifyRequest<{ Params: { personId: string } }>;
const person = (request: { access: unknown }) => request.access as PersonAccess;
const may = (request: Req, permission: PersonPermission) =>
  relationshipAllows(permission, request.actor!.role, person(request).relationship);

/** The person's direct payment: the staff page, the agreement, returns, surplus reviews, statement. */
export const personPaymentPages: FastifyPluginAsync<FeatureDeps> = async (app, { db, config }) => {
  const key = bankKey(config.sessionSecret);
  acceptMultipart(app);
  const read = { config: { access: { permission: 'money.read' as const } } };
  const manage = { config: { access: { permission: 'money.manage' as const } } };
  const account = { config: { access: { permission: 'money.account' as const } } };
  const base = (request: Req) => `/people/${request.params.personId}/payments`;

  app.get<{ Params: { personId: string } }>('/people/:personId/payments', read, async (request, reply) => {
    const view = await personPayments(db, person(request));
    return reply.render('payments/views/person.njk', {
      title: `Direct payment: ${view.person.preferredName ?? view.person.legalName}`,
      ...view,
      personId: request.params.personId,
      mayManage: may(request, 'money.manage'),
      mayAccount: may(request, 'money.account'),
    });
  });

  // The agreement: created once from the agreed plan, then changed from dates.
  const agreementPage = async (request: Req, extra: Record<string, unknown> = {}) => {
    const view = await personPayments(db, person(request));
    return {
      template: 'payments/views/agreement.njk',
      context: {
        title: view.agreement ? 'Change the direct payment' : 'Set up the direct payment',
        backLink: base(request),
        personId: request.params.personId,
        agreement: view.agreement,
        personName: view.person.preferredName ?? view.person.legalName,
        holderKinds: HOLDER_KINDS,
        frequencies: FREQUENCY_WORDS,
        ...extra,
      },
    };
  };
  app.get<{ Params: { personId: string } }>(
    '/people/:personId/payments/agreement',
    manage,
    async (request, reply) => {
      const page = await agreementPage(request);
      return reply.render(page.template, { ...page.context, values: {} });
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/agreement',
    manage,
    async (request, reply) => {
      const body = request.body;
      const values = {
        frequency: field(body, 'frequency'),
        holderKind: field(body, 'holderKind'),
        holderName: field(body, 'holderName'),
        sortCode: field(body, 'sortCode'),
        accountNumber: field(body, 'accountNumber'),
        startDate: dateParts(body, 'startDate'),
        endDate: dateParts(body, 'endDate'),
      };
      return submitForm(reply, { ...(await agreementPage(request)), values }, async () => {
        const endDate = dateField(body, 'endDate');
        await createAgreement(db, person(request), key, {
          frequency: values.frequency,
          holderKind: values.holderKind,
          holderName: values.holderName,
          sortCode: values.sortCode,
          accountNumber: values.accountNumber,
          startDate: dateField(body, 'startDate'),
          endDate: endDate === '' ? null : endDate,
        });
        return reply.redirect(base(request), 303);
      });
    },
  );
  // A change from a date: worked out and shown (old → new payment) before anything is saved.
  const changeValues = (body: unknown) => ({
    effectiveFrom: dateParts(body, 'effectiveFrom'),
    reason: field(body, 'reason'),
  });
  const changeInput = (body: unknown) => ({
    effectiveFrom: dateField(body, 'effectiveFrom'),
    reason: field(body, 'reason'),
  });
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/agreement/changes',
    manage,
    async (request, reply) => {
      const values = changeValues(request.body);
      return submitForm(reply, { ...(await agreementPage(request)), values }, async () => {
        const input = changeInput(request.body);
        const plan = await previewAgreementChange(db, person(request), input);
        return reply.render('payments/views/check-change.njk', {
          title: 'Check the change before you save it',
          backLink: base(request),
          personId: request.params.personId,
          input,
          values,
          effect: plan.effect,
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
        await changeAgreement(db, person(request), changeInput(request.body));
        return reply.redirect(base(request), 303);
      });
    },
  );

  // Returns: typed on the page, or a CSV file uploaded from the same page.
  const returnsPage = async (request: Req) => {
    const view = await personPayments(db, person(request));
    return {
      template: 'payments/views/returns.njk',
      context: {
        title: 'Send a direct-payment return',
        backLink:
          may(request, 'money.manage') || request.actor!.role === 'worker'
            ? base(request)
            : `/my/${request.params.personId}/payments`,
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
  const MONEY = [
    'openingBalance',
    'paymentsIn',
    'paWages',
    'employerCosts',
    'agency',
    'other',
    'closingBalance',
  ] as const;
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/payments/returns',
    account,
    async (request, reply) => {
      const body = request.body;
      const values: Record<string, unknown> = {
        periodStart: dateParts(body, 'periodStart'),
        periodEnd: dateParts(body, 'periodEnd'),
      };
      for (const name of MONEY) values[name] = field(body, name);
      return submitForm(reply, { ...(await returnsPage(request)), values }, async () => {
        const figures = {
          periodStart: dateField(body, 'periodStart'),
          periodEnd: dateField(body, 'periodEnd'),
          ...Object.fromEntries(MONEY.map((name) => [name, moneyField(body, name)])),
        } as Parameters<typeof submitReturns>[2][number];
        const [result] = await submitReturns(db, person(request), [figures], 'page');
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
        const results = await submitReturns(db, person(request), parsed.figures, 'csv');
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
    const access = person(request);
    const review = await audited(db, access, 'payments.surplus.read', (tx) =>
      findReview(tx, access.personId, request.params.reviewId),
    );
    const view = await personPayments(db, access);
    const nextPayment = view.agreement?.netPerPeriod ?? 0;
    return {
      template: 'payments/views/surplus.njk',
      context: {
        title: 'Money building up in the account',
        backLink: may(request as unknown as Req, 'money.manage')
          ? base(request as unknown as Req)
          : `/my/${request.params.personId}/payments`,
        personId: request.params.personId,
        review,
        options: recoveryOptions({
          surplus: review.surplus,
          nextPayment,
          policyVersion: review.policyVersion,
        }),
        mayAccount: may(request as unknown as Req, 'money.account'),
        mayManage: may(request as unknown as Req, 'money.manage'),
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
        await giveView(db, person(request), request.params.reviewId, values.view);
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
        await decideSurplus(db, person(request), request.params.reviewId, values);
        return reply.redirect(
          `/people/${request.params.personId}/payments/surplus/${request.params.reviewId}`,
          303,
        );
      });
    },
  );

  // The person's own statement, in plain words.
  app.get<{ Params: { personId: string } }>('/my/:personId/payments', read, async (request, reply) => {
    const view = await statement(db, person(request));
    return reply.render('payments/views/statement.njk', {
      title: 'Your direct payment',
      backLink: '/my',
      personId: request.params.personId,
      mayAccount: may(request, 'money.account'),
      ...view,
    });
  });
};
