import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import { isStaff } from '../../platform/auth/roles.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { dateField, field, submitForm } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import { poundsOrError } from '../../platform/money/index.ts';
import type { FeatureDeps } from '../index.ts';
import { formValues, indicativeFromForm, NEED_ROWS_SPARE, needsFromForm, remapErrors } from './forms.ts';
import { FUNDING_STREAMS } from './funding.ts';
import { approveInterimBudget, MAX_INTERIM_DAYS, openInterimBudgets } from './interim-service.ts';
import { budgetLetter } from './letter.ts';
import { type BudgetRecord, budgetRecord, budgetWhatIf, costIndicativeBudget } from './service.ts';

type PersonRoute = { Params: { personId: string } };

const fundingStreamItems = Object.entries(FUNDING_STREAMS)
  .filter(([code]) => code !== 'council_social_care')
  .map(([value, text]) => ({ value, text }));

/** The rows the needs form shows: the current needs, then spare blank rows. */
function needValues(record: BudgetRecord, prefix: string) {
  const values: Record<string, string> = {};
  (record.current?.needs ?? []).forEach((need, i) => {
    values[`${prefix}[${i}].outcomeId`] = need.outcomeRef;
    values[`${prefix}[${i}].unitCode`] = need.unitCode;
    values[`${prefix}[${i}].quantityPerWeek`] = String(need.quantityPerWeek);
  });
  return values;
}
const rowsFor = (record: BudgetRecord) =>
  Array.from({ length: (record.current?.needs.length ?? 0) + NEED_ROWS_SPARE }, (_, i) => i);

/** Problems from the service name the k-th need given; put them on the form row it came from. */
async function withRows<T>(rows: number[], prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Problem && error.errors.length)
      throw Problem.invalid(remapErrors(error.errors, prefix, rows), error.detail);
    throw error;
  }
}

export const budgetPages: FastifyPluginAsync<FeatureDeps> = async (app, { db }) => {
  app.get<PersonRoute>(
    '/people/:personId/budget',
    { config: { access: { permission: 'record.read' } } },
    async (request, reply) => {
      const access = request.access as PersonAccess;
      if (!isStaff(request.actor!.role)) return reply.redirect(`/my/${access.personId}/budget`, 303);
      const record = await budgetRecord(db, access);
      return reply.render('budgets/views/budget.njk', {
        title: `Budget: ${record.person.name}`,
        ...record,
        mayCost: ['worker', 'manager'].includes(request.actor!.role),
        mayApproveInterim: request.actor!.role === 'manager',
        backLink: `/people/${access.personId}`,
      });
    },
  );

  app.get<PersonRoute>(
    '/my/:personId/budget',
    { config: { access: { permission: 'record.read' } } },
    async (request, reply) => {
      const record = await budgetRecord(db, request.access as PersonAccess);
      return reply.render('budgets/views/my-budget.njk', {
        title: 'Your budget',
        ...record,
        backLink: '/my',
      });
    },
  );

  const indicativePage = async (access: PersonAccess) => {
    const record = await budgetRecord(db, access);
    return {
      template: 'budgets/views/indicative.njk',
      context: {
        title: `Work out an indicative budget: ${record.person.name}`,
        ...record,
        needRows: rowsFor(record),
        fundingStreamItems,
        backLink: `/people/${access.personId}/budget`,
      },
      record,
    };
  };
  app.get<PersonRoute>(
    '/people/:personId/budget/new',
    { config: { access: { permission: 'case.write' } } },
    async (request, reply) => {
      const page = await indicativePage(request.access as PersonAccess);
      return reply.render(page.template, { ...page.context, values: needValues(page.record, 'needs') });
    },
  );
  app.post<PersonRoute>(
    '/people/:personId/budget',
    { config: { access: { permission: 'case.write' } } },
    async (request, reply) => {
      const access = request.access as PersonAccess;
      const page = await indicativePage(access);
      return submitForm(reply, { ...page, values: formValues(request.body) }, async () => {
        const { input, rows } = indicativeFromForm(request.body);
        await withRows(rows, 'needs', () => costIndicativeBudget(db, access, input));
        return reply.redirect(`/people/${access.personId}/budget`, 303);
      });
    },
  );

  // What-if: the worker and the person alike can try a change without saving anything.
  const whatIfPage = async (
    request: { access: unknown; actor: unknown; params: { personId: string } },
    mine: boolean,
  ) => {
    const record = await budgetRecord(db, request.access as PersonAccess);
    const base = mine ? `/my/${request.params.personId}/budget` : `/people/${request.params.personId}/budget`;
    return {
      template: 'budgets/views/what-if.njk',
      context: {
        title: mine ? 'What if my needs changed?' : `What if: ${record.person.name}`,
        ...record,
        mine,
        action: `${base}/what-if`,
        needRows: rowsFor(record),
        backLink: base,
      },
      record,
    };
  };
  for (const mine of [false, true]) {
    const url = mine ? '/my/:personId/budget/what-if' : '/people/:personId/budget/what-if';
    app.get<PersonRoute>(
      url,
      { config: { access: { permission: 'record.read' } } },
      async (request, reply) => {
        const page = await whatIfPage(request, mine);
        return reply.render(page.template, {
          ...page.context,
          values: needValues(page.record, 'changedNeeds'),
        });
      },
    );
    app.post<PersonRoute>(
      url,
      { config: { access: { permission: 'record.read' } } },
      async (request, reply) => {
        const page = await whatIfPage(request, mine);
        return submitForm(reply, { ...page, values: formValues(request.body) }, async () => {
          const { needs, rows } = needsFromForm(request.body, 'changedNeeds');
          const { result } = await withRows(rows, 'changedNeeds', () =>
            budgetWhatIf(db, request.access as PersonAccess, needs),
          );
          return reply.render(page.template, { ...page.context, values: formValues(request.body), result });
        });
      },
    );
  }

  app.get<PersonRoute>(
    '/people/:personId/budget/letter.pdf',
    { config: { access: { permission: 'record.read' } } },
    async (request, reply) => {
      const record = await budgetRecord(db, request.access as PersonAccess);
      const pdf = await budgetLetter(record, todayInLondon());
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="budget-${request.params.personId}.pdf"`)
        .send(pdf);
    },
  );

  const interimPage = async (access: PersonAccess) => {
    const record = await budgetRecord(db, access);
    return {
      template: 'budgets/views/interim.njk',
      context: {
        title: `Approve an interim budget: ${record.person.name}`,
        ...record,
        maxDays: MAX_INTERIM_DAYS,
        backLink: `/people/${access.personId}/budget`,
      },
    };
  };
  app.get<PersonRoute>(
    '/people/:personId/budget/interim',
    { config: { access: { permission: 'case.decide' } } },
    async (request, reply) => {
      const page = await interimPage(request.access as PersonAccess);
      const [year, month, day] = addDays(todayInLondon(), 28).split('-');
      return reply.render(page.template, {
        ...page.context,
        values: { 'expiresOn-day': day, 'expiresOn-month': month, 'expiresOn-year': year },
      });
    },
  );
  app.post<PersonRoute>(
    '/people/:personId/budget/interim',
    { config: { access: { permission: 'case.decide' } } },
    async (request, reply) => {
      const access = request.access as PersonAccess;
      const page = await interimPage(access);
      return submitForm(reply, { ...page, values: formValues(request.body) }, async () => {
        const errors: { field: string; message: string }[] = [];
        const weeklyAmount = poundsOrError(
          field(request.body, 'weeklyAmount'),
          'weeklyAmount',
          errors,
          'the amount a week',
        );
        if (errors.length) throw Problem.invalid(errors);
        await approveInterimBudget(db, access, {
          weeklyAmount,
          reason: field(request.body, 'reason'),
          expiresOn: dateField(request.body, 'expiresOn'),
        });
        return reply.redirect(`/people/${access.personId}/budget`, 303);
      });
    },
  );

  app.get(
    '/budgets/interim',
    { config: { access: { permission: 'crisis.approve' } } },
    async (request, reply: FastifyReply) => {
      const interims = await openInterimBudgets(db, request.access as CouncilAccess);
      return reply.render('budgets/views/interim-list.njk', {
        title: 'Interim budgets to regularise',
        interims,
        expiredCount: interims.filter((i) => i.expired).length,
      });
    },
  );
};
