import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { may } from '../../platform/auth/access.ts';
import { formatDate, todayInLondon } from '../../platform/dates.ts';
import { formatPence, penceToDecimalPounds } from '../../platform/money/index.ts';
import {
  dateField,
  dateParts,
  datePartsOf,
  field,
  NOT_A_DATE,
  poundsField,
  submitForm,
} from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import { INCOME_KINDS } from './income-kinds.ts';
import { contributionEasyReadLetter } from './easy-read.ts';
import { contributionLetter } from './letter.ts';
import type { AssessmentInput, AssessmentRow } from './service.ts';

type Req = FastifyRequest<{ Params: { personId: string } }>;
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
      weeklyAmount: poundsField(body, `incomes.${i}.weeklyAmount`),
      evidence: field(body, `incomes.${i}.evidence`),
    });
  }
  const capital = [];
  for (let i = 0; i < CAPITAL_ROWS; i++) {
    if (!field(body, `capital.${i}.amount`).trim() && !field(body, `capital.${i}.label`).trim()) continue;
    capital.push({
      label: field(body, `capital.${i}.label`),
      amount: poundsField(body, `capital.${i}.amount`),
      evidence: field(body, `capital.${i}.evidence`),
    });
  }
  const expenses = [];
  for (let i = 0; i < EXPENSE_ROWS; i++) {
    if (!field(body, `expenses.${i}.weeklyAmount`).trim() && !field(body, `expenses.${i}.label`).trim())
      continue;
    expenses.push({
      label: field(body, `expenses.${i}.label`),
      weeklyAmount: poundsField(body, `expenses.${i}.weeklyAmount`),
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
    noIncome: field(body, 'noIncome') === 'yes',
    supersedes: field(body, 'supersedes') || null,
    reason: field(body, 'reason'),
  };
}

/** The form's answers as posted, to carry through the check-your-answers page in hidden fields. */
function answersOf(body: Record<string, unknown>): [string, string][] {
  return Object.entries(body).filter(
    (entry): entry is [string, string] =>
      typeof entry[1] === 'string' && entry[0] !== '_csrf' && entry[0] !== 'change',
  );
}

/** A stored assessment as the form's answers, so a correction starts from what was recorded. */
function bodyOf(assessment: AssessmentRow, planServices: { label: string }[]): Record<string, string> {
  const body: Record<string, string> = {};
  const { day, month, year } = datePartsOf(assessment.effectiveFrom);
  Object.assign(body, {
    'effectiveFrom-day': day,
    'effectiveFrom-month': month,
    'effectiveFrom-year': year,
    supersedes: assessment.id,
  });
  if (!assessment.incomes.length) body.noIncome = 'yes';
  assessment.incomes.slice(0, INCOME_ROWS).forEach((income, i) => {
    body[`incomes.${i}.kind`] = income.kind;
    body[`incomes.${i}.label`] = income.label;
    body[`incomes.${i}.weeklyAmount`] = penceToDecimalPounds(income.weeklyAmount);
    body[`incomes.${i}.evidence`] = income.evidence;
  });
  assessment.capital.slice(0, CAPITAL_ROWS).forEach((item, i) => {
    body[`capital.${i}.label`] = item.label;
    body[`capital.${i}.amount`] = penceToDecimalPounds(item.amount);
    body[`capital.${i}.evidence`] = item.evidence;
  });
  assessment.expenses.slice(0, EXPENSE_ROWS).forEach((item, i) => {
    body[`expenses.${i}.label`] = item.label;
    body[`expenses.${i}.weeklyAmount`] = penceToDecimalPounds(item.weeklyAmount);
  });
  planServices.forEach((service, i) => {
    if (assessment.services.find((s) => s.label === service.label)?.freePersonalCare)
      body[`free.${i}`] = 'yes';
  });
  body.migBand = assessment.band;
  return body;
}

/** The answers as the check-your-answers page lists them, each with the field its Change goes to. */
function answerRows(input: AssessmentInput, isCorrection: boolean, nation: string | undefined) {
  // A correction keeps the date of the assessment it corrects, so its date has no Change.
  const rows: { key: string; value: string; field: string | null }[] = [
    {
      key: 'The contribution starts on',
      value: formatDate(input.effectiveFrom),
      field: isCorrection ? null : 'effectiveFrom',
    },
  ];
  if (input.noIncome) rows.push({ key: 'Income', value: 'The person has no income', field: 'noIncome' });
  input.incomes.forEach((income, i) => {
    rows.push({
      key: `Income ${i + 1}`,
      value: `${income.label}: ${formatPence(income.weeklyAmount)} a week. Evidence: ${income.evidence}`,
      field: `incomes.${i}.kind`,
    });
  });
  input.capital.forEach((item, i) => {
    rows.push({
      key: `Savings ${i + 1}`,
      value: `${item.label}: ${formatPence(item.amount)}. Evidence: ${item.evidence}`,
      field: `capital.${i}.label`,
    });
  });
  if (!input.capital.length) rows.push({ key: 'Savings', value: 'None', field: 'capital.0.label' });
  input.expenses.forEach((item, i) => {
    rows.push({
      key: `Disability-related cost ${i + 1}`,
      value: `${item.label}: ${formatPence(item.weeklyAmount)} a week`,
      field: `expenses.${i}.label`,
    });
  });
  const free = input.services.filter((s) => s.freePersonalCare).map((s) => s.label);
  // Free personal and nursing care is Scotland's (Community Care and Health (Scotland) Act 2002);
  // an English council charges for all of it, so England is never asked.
  if (input.services.length && nation !== 'england')
    rows.push({
      key: 'Personal or nursing care',
      value: free.length ? free.join('; ') : 'None',
      field: 'free',
    });
  if (isCorrection) rows.push({ key: 'Why it is corrected', value: input.reason ?? '', field: 'reason' });
  return rows;
}

export const chargingPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const read = personRoute('money.read');
  const manage = personRoute('money.manage');
  const account = personRoute('money.account');

  const recordPage = async (request: Req, extra: Record<string, unknown> = {}) => {
    const access = personAccess(request);
    const record = await services.charging.record(access);
    return {
      template: 'charging/views/charging.njk',
      context: {
        title: 'Financial assessment and contribution',
        backLink: may(access, 'caselist.read')
          ? `/people/${request.params.personId}/payments`
          : `/my/${request.params.personId}/payments`,
        personId: request.params.personId,
        ...record,
        mayManage: may(access, 'money.manage'),
        mayAccount: may(access, 'money.account'),
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
        await services.charging.requestReview(personAccess(request), values.reason);
        return reply.redirect(`/people/${request.params.personId}/charging?review=sent`, 303);
      });
    },
  );

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/charging/letter.pdf',
    read,
    async (request, reply) => {
      const { record, addressing } = await services.charging.letter(personAccess(request));
      if (!record.assessment || !record.policy) throw Problem.notFound('Financial assessment');
      const assessmentId = record.assessment.id;
      const pdf = await contributionLetter({
        addressing,
        personName: record.person?.preferredName ?? record.person?.name ?? addressing.to.name,
        assessment: record.assessment,
        assessmentNumber: record.history.length - record.history.findIndex((h) => h.id === assessmentId),
        policy: record.policy,
        today: todayInLondon(),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="contribution-letter.pdf"')
        .send(pdf);
    },
  );

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/charging/letter-easy-read.pdf',
    read,
    async (request, reply) => {
      const { record, addressing } = await services.charging.letter(personAccess(request));
      if (!record.assessment || !record.policy) throw Problem.notFound('Financial assessment');
      const assessmentId = record.assessment.id;
      const pdf = await contributionEasyReadLetter({
        addressing,
        assessmentNumber: record.history.length - record.history.findIndex((h) => h.id === assessmentId),
        personName: record.person?.preferredName ?? record.person?.name ?? '',
        today: todayInLondon(),
        effectiveFrom: record.assessment.effectiveFrom,
        weeklyContribution: record.assessment.weeklyContribution,
        lines: record.assessment.result.explanation.lines,
        policyVersion: record.assessment.result.policyVersion,
        contributionMethod: record.policy.contributionMethod,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="contribution-letter-easy-read.pdf"')
        .send(pdf);
    },
  );

  const formPage = async (request: Req) => {
    const record = await services.charging.record(personAccess(request));
    return {
      template: 'charging/views/assessment-form.njk',
      record,
      context: {
        title: 'Record a financial assessment',
        backLink: `/people/${request.params.personId}/charging`,
        personId: request.params.personId,
        policy: record.policy,
        current: record.assessment,
        planServices: record.planServices,
        incomeKinds: INCOME_KINDS,
        incomeRows: [...Array(INCOME_ROWS).keys()],
        capitalRows: [...Array(CAPITAL_ROWS).keys()],
        expenseRows: [...Array(EXPENSE_ROWS).keys()],
      },
    };
  };
  /** The form's values from a posted body (or a stored assessment's answers): kept as typed. */
  const formValues = (body: Record<string, string>, services: unknown[]) => {
    const free: Record<string, boolean> = {};
    services.forEach((_s, i) => {
      free[i] = body[`free.${i}`] === 'yes';
    });
    return { effectiveFrom: dateParts(body, 'effectiveFrom'), free, body };
  };
  /** The form with the answers as posted, for every step: shown again, checked, or saved. */
  const postedForm = async (request: Req, body: Record<string, string>) => {
    const page = await formPage(request);
    const correcting = Boolean(field(body, 'supersedes'));
    const context = {
      ...page.context,
      correcting,
      title: correcting ? 'Correct the financial assessment' : page.context.title,
    };
    return { ...page, correcting, context, values: formValues(body, page.record.planServices) };
  };
  const showForm = async (request: Req, reply: FastifyReply, body: Record<string, string>, status = 200) => {
    const form = await postedForm(request, body);
    return reply.status(status).render(form.template, { ...form.context, values: form.values });
  };

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/charging/assessment',
    manage,
    async (request, reply) => {
      const page = await formPage(request);
      const free: Record<string, boolean> = {};
      page.record.planServices.forEach((s, i) => {
        free[i] = s.freePersonalCare;
      });
      return reply.render(page.template, {
        ...page.context,
        correcting: false,
        values: { effectiveFrom: datePartsOf(todayInLondon()), free, body: {} },
      });
    },
  );

  // A correction starts from the answers of the current assessment, for the same date.
  app.get<{ Params: { personId: string } }>(
    '/people/:personId/charging/assessment/correct',
    manage,
    async (request, reply) => {
      const page = await formPage(request);
      if (!page.record.assessment) throw Problem.notFound('Financial assessment');
      return showForm(request, reply, bodyOf(page.record.assessment, page.record.planServices));
    },
  );

  // The answers, checked: the same work as saving, shown on the check-your-answers page.
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/charging/assessment',
    manage,
    async (request, reply) => {
      const body = request.body as Record<string, string>;
      const form = await postedForm(request, body);
      return submitForm(reply, form, async () => {
        const input = checkedInput(body, form.record.planServices);
        const plan = await services.charging.previewAssessment(personAccess(request), input);
        return reply.render('charging/views/check-assessment.njk', {
          title: 'Check the assessment before you save it',
          backLink: `/people/${request.params.personId}/charging`,
          personId: request.params.personId,
          correcting: form.correcting,
          answers: answerRows(input, form.correcting, form.record.policy?.policy.nation),
          hidden: answersOf(body),
          result: plan.result,
          current: plan.current,
          effect: plan.effect,
        });
      });
    },
  );

  // Change: back to the form with every answer kept.
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/charging/assessment/change',
    manage,
    async (request, reply) => showForm(request, reply, request.body as Record<string, string>),
  );

  // Save: checked again and recorded, exactly as shown.
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/charging/assessment/confirm',
    manage,
    async (request, reply) => {
      const body = request.body as Record<string, string>;
      const form = await postedForm(request, body);
      return submitForm(reply, form, async () => {
        await services.charging.recordAssessment(
          personAccess(request),
          checkedInput(body, form.record.planServices),
        );
        return reply.redirect(`/people/${request.params.personId}/charging?saved=yes`, 303);
      });
    },
  );
};

function checkedInput(body: Record<string, string>, services: { label: string; weeklyCost: number }[]) {
  const input = readForm(body, services.length, services);
  if (!input.effectiveFrom || input.effectiveFrom === NOT_A_DATE)
    throw Problem.invalid([{ field: 'effectiveFrom', message: 'Enter the date the contribution starts' }]);
  return input;
}
