import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { relationshipAllows } from '../../platform/auth/policy.ts';
import { isStaff } from '../../platform/auth/roles.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { field, submitForm } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { FeatureDeps } from '../index.ts';
import { dateField, dateParts, moneyField, partsOf } from '../payments/form-helpers.ts';
import { INCOME_KINDS } from './income-kinds.ts';
import { contributionLetter } from './letter.ts';
import { type AssessmentInput, chargingRecord, recordAssessment, requestReview } from './service.ts';

type Req = FastifyRequest<{ Params: { personId: string } }>;
const person = (request: { access: unknown }) => request.access as PersonAccess;
const INCOME_ROWS = 5;
const CAPITAL_ROWS = 2;
const EXPENSE_ROWS = 3;

/** Reads the repeated rows of the assessment form; empty rows are left out. */
function readForm(
  body: unknown,
  serviceCount: number,
  planServices: { label: string; weeklyCost: number }[],
): AssessmentInput {
  const incomes = [];
  for (let i = 0; i < INCOME_ROWS; i++) {
    const amount = field(body, `incomes.${i}.weeklyAmount`);
    const label = field(body, `incomes.${i}.label`);
    if (!amount.trim() && !label.trim()) continue;
    const kind = field(body, `incomes.${i}.kind`);
    incomes.push({
      kind: kind || 'other',
      label: label.trim() || INCOME_KINDS[kind] || '',
      weeklyAmount: moneyField(body, `incomes.${i}.weeklyAmount`),
      evidence: field(body, `incomes.${i}.evidence`),
    });
  }
  const capital = [];
  for (let i = 0; i < CAPITAL_ROWS; i++) {
    if (!field(body, `capital.${i}.amount`).trim() && !field(body, `capital.${i}.label`).trim()) continue;
    capital.push({
      label: field(body, `capital.${i}.label`),
      amount: moneyField(body, `capital.${i}.amount`),
      evidence: field(body, `capital.${i}.evidence`),
    });
  }
  const expenses = [];
  for (let i = 0; i < EXPENSE_ROWS; i++) {
    if (!field(body, `expenses.${i}.weeklyAmount`).trim() && !field(body, `expenses.${i}.label`).trim())
      continue;
    expenses.push({
      label: field(body, `expenses.${i}.label`),
      weeklyAmount: moneyField(body, `expenses.${i}.weeklyAmount`),
    });
  }
  const free = new Set(
    Object.entries(body as Record<string, unknown>)
      .filter(([k, v]) => k.startsWith('free.') && v === 'yes')
      .map(([k]) => Number(k.slice(5))),
  );
  const services = planServices
    .slice(0, serviceCount)
    .map((s, i) => ({ ...s, freePersonalCare: free.has(i) }));
  const effective = dateField(body, 'effectiveFrom');
  return {
    effectiveFrom: effective,
    incomes,
    capital,
    expenses,
    services,
    migBand: field(body, 'migBand') || undefined,
  };
}

export const chargingPages: FastifyPluginAsync<FeatureDeps> = async (app, { db }) => {
  const read = { config: { access: { permission: 'money.read' as const } } };
  const manage = { config: { access: { permission: 'money.manage' as const } } };
  const account = { config: { access: { permission: 'money.account' as const } } };

  const recordPage = async (request: Req, extra: Record<string, unknown> = {}) => {
    const record = await chargingRecord(db, person(request));
    const relationship = person(request).relationship;
    return {
      template: 'charging/views/charging.njk',
      context: {
        title: 'Financial assessment and contribution',
        backLink: isStaff(request.actor!.role)
          ? `/people/${request.params.personId}/payments`
          : `/my/${request.params.personId}/payments`,
        personId: request.params.personId,
        ...record,
        mayManage: relationshipAllows('money.manage', request.actor!.role, relationship),
        mayAccount: relationshipAllows('money.account', request.actor!.role, relationship),
        ...extra,
      },
    };
  };

  app.get<{ Params: { personId: string } }>('/people/:personId/charging', read, async (request, reply) => {
    const page = await recordPage(request);
    return reply.render(page.template, { ...page.context, values: {} });
  });

  app.post<{ Params: { personId: string } }>(
    '/people/:personId/charging/review',
    account,
    async (request, reply) => {
      const values = { reason: field(request.body, 'reason') };
      return submitForm(reply, { ...(await recordPage(request)), values }, async () => {
        await requestReview(db, person(request), values.reason);
        return reply.redirect(`/people/${request.params.personId}/charging?review=sent`, 303);
      });
    },
  );

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/charging/letter.pdf',
    read,
    async (request, reply) => {
      const record = await chargingRecord(db, person(request));
      if (!record.assessment || !record.policy) throw Problem.notFound('Financial assessment');
      const pdf = await contributionLetter({
        councilName: record.council?.name ?? 'Your council',
        personName: record.person?.preferredName ?? record.person?.name ?? '',
        assessment: record.assessment,
        policy: record.policy,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="contribution-letter.pdf"')
        .send(pdf);
    },
  );

  const formPage = async (request: Req) => {
    const record = await chargingRecord(db, person(request));
    return {
      template: 'charging/views/assessment-form.njk',
      context: {
        title: 'Record a financial assessment',
        backLink: `/people/${request.params.personId}/charging`,
        personId: request.params.personId,
        policy: record.policy,
        planServices: record.planServices,
        incomeKinds: INCOME_KINDS,
        incomeRows: [...Array(INCOME_ROWS).keys()],
        capitalRows: [...Array(CAPITAL_ROWS).keys()],
        expenseRows: [...Array(EXPENSE_ROWS).keys()],
      },
    };
  };
  app.get<{ Params: { personId: string } }>(
    '/people/:personId/charging/assessment',
    manage,
    async (request, reply) => {
      const page = await formPage(request);
      const free: Record<string, boolean> = {};
      (page.context.planServices as { freePersonalCare: boolean }[]).forEach((s, i) => {
        free[i] = s.freePersonalCare;
      });
      return reply.render(page.template, {
        ...page.context,
        values: { effectiveFrom: partsOf(todayInLondon()), free, body: {} },
      });
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/charging/assessment',
    manage,
    async (request, reply) => {
      const page = await formPage(request);
      const services = page.context.planServices as { label: string; weeklyCost: number }[];
      const body = request.body as Record<string, string>;
      const free: Record<string, boolean> = {};
      services.forEach((_s, i) => {
        free[i] = body[`free.${i}`] === 'yes';
      });
      return submitForm(
        reply,
        { ...page, values: { effectiveFrom: dateParts(body, 'effectiveFrom'), free, body } },
        async () => {
          const input = readForm(body, services.length, services);
          if (!input.effectiveFrom || input.effectiveFrom === 'invalid')
            throw Problem.invalid([
              { field: 'effectiveFrom', message: 'Enter the date the contribution starts' },
            ]);
          await recordAssessment(db, person(request), input);
          return reply.redirect(`/people/${request.params.personId}/charging`, 303);
        },
      );
    },
  );
};
