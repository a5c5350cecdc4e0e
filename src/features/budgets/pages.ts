import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { may, type PersonAccess } from '../../platform/auth/access.ts';
import { councilAccess, councilRoute, personAccess, personRoute } from '../../platform/auth/routes.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { opensInEasyRead, presentEasyRead } from '../../platform/easy-read/index.ts';
import { dateField, field, submitForm } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import { poundsOrError } from '../../platform/money/index.ts';
import type { FeatureDeps } from '../index.ts';
import { formValues, indicativeFromForm, NEED_ROWS_SPARE, needsFromForm, remapErrors } from './forms.ts';
import { MAX_INTERIM_DAYS } from './interim-service.ts';
import { budgetEasyRead, budgetEasyReadLetter, easyReadInput } from './easy-read.ts';
import { budgetLetter } from './letter.ts';
import type { BudgetRecord } from './service.ts';

type PersonRoute = { Params: { personId: string } };

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

/**
 * What the viewer may do on the budget page, asked of the policy: work out a budget (the
 * case's professional work) and approve an interim budget (a decision on the case).
 */
export function budgetPolicies(access: PersonAccess) {
  return { mayCost: may(access, 'case.write'), mayApproveInterim: may(access, 'case.decide') };
}

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

export const budgetPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  app.get<PersonRoute>('/people/:personId/budget', personRoute('record.read'), async (request, reply) => {
    const access = personAccess(request);
    // The case view is for those who work from the case list; everyone else has their own page.
    if (!may(access, 'caselist.read')) return reply.redirect(`/my/${access.personId}/budget`, 303);
    const record = await services.budgets.record(access);
    return reply.render('budgets/views/budget.njk', {
      title: `Budget: ${record.person.name}`,
      ...record,
      ...budgetPolicies(access),
      backLink: `/people/${access.personId}`,
    });
  });

  /** The budget in Easy Read (platform/easy-read), from the same record the standard page shows. */
  const easyReadPage = (reply: FastifyReply, access: PersonAccess, record: BudgetRecord) =>
    reply.render('easy-read-page.njk', {
      title: 'Your budget (Easy Read)',
      heading: 'Your budget',
      lines: presentEasyRead(budgetEasyRead(easyReadInput(record))),
      standardHref: may(access, 'caselist.read')
        ? `/people/${access.personId}/budget`
        : `/my/${access.personId}/budget?version=standard`,
      links: [
        {
          text: 'Get your budget letter in Easy Read to print (PDF)',
          href: `/people/${access.personId}/budget/letter-easy-read.pdf`,
        },
      ],
      backLink: may(access, 'caselist.read') ? `/people/${access.personId}` : '/my',
    });

  app.get<PersonRoute>(
    '/people/:personId/budget/easy-read',
    personRoute('record.read'),
    async (request, reply) => {
      const access = personAccess(request);
      return easyReadPage(reply, access, await services.budgets.record(access));
    },
  );

  app.get<PersonRoute>('/my/:personId/budget', personRoute('record.read'), async (request, reply) => {
    const access = personAccess(request);
    const record = await services.budgets.record(access);
    // The person's recorded need for Easy Read opens it here; the standard version is one click away.
    if (opensInEasyRead(record.person.communicationNeeds, access.relationship.kind, request.query))
      return easyReadPage(reply, access, record);
    return reply.render('budgets/views/my-budget.njk', {
      title: 'Your budget',
      ...record,
      backLink: '/my',
    });
  });

  const indicativePage = async (access: PersonAccess) => {
    const record = await services.budgets.record(access);
    return {
      template: 'budgets/views/indicative.njk',
      context: {
        title: `Work out an indicative budget: ${record.person.name}`,
        ...record,
        needRows: rowsFor(record),
        // The council's streams in use, but its own social care: that pays the rest of the budget.
        fundingStreamItems: (await services.council.fundingStreamChoices(access.authorityId))
          .filter((s) => s.active && s.code !== 'council_social_care')
          .map((s) => ({ value: s.code, text: s.label })),
        backLink: `/people/${access.personId}/budget`,
      },
      record,
    };
  };
  app.get<PersonRoute>('/people/:personId/budget/new', personRoute('case.write'), async (request, reply) => {
    const page = await indicativePage(personAccess(request));
    return reply.render(page.template, { ...page.context, values: needValues(page.record, 'needs') });
  });
  app.post<PersonRoute>('/people/:personId/budget', personRoute('case.write'), async (request, reply) => {
    const access = personAccess(request);
    const page = await indicativePage(access);
    return submitForm(reply, { ...page, values: formValues(request.body) }, async () => {
      const { input, rows } = indicativeFromForm(request.body);
      await withRows(rows, 'needs', () => services.budgets.costIndicative(access, input));
      return reply.redirect(`/people/${access.personId}/budget`, 303);
    });
  });

  // What-if: the worker and the person alike can try a change without saving anything.
  const whatIfPage = async (access: PersonAccess, mine: boolean) => {
    const record = await services.budgets.record(access);
    const base = mine ? `/my/${access.personId}/budget` : `/people/${access.personId}/budget`;
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
    app.get<PersonRoute>(url, personRoute('record.read'), async (request, reply) => {
      const page = await whatIfPage(personAccess(request), mine);
      return reply.render(page.template, {
        ...page.context,
        values: needValues(page.record, 'changedNeeds'),
      });
    });
    app.post<PersonRoute>(url, personRoute('record.read'), async (request, reply) => {
      const page = await whatIfPage(personAccess(request), mine);
      return submitForm(reply, { ...page, values: formValues(request.body) }, async () => {
        const { needs, rows } = needsFromForm(request.body, 'changedNeeds');
        const { result } = await withRows(rows, 'changedNeeds', () =>
          services.budgets.whatIf(personAccess(request), needs),
        );
        return reply.render(page.template, { ...page.context, values: formValues(request.body), result });
      });
    });
  }

  app.get<PersonRoute>(
    '/people/:personId/budget/letter.pdf',
    personRoute('record.read'),
    async (request, reply) => {
      const { record, addressing } = await services.budgets.letter(personAccess(request));
      const pdf = await budgetLetter(record, addressing, todayInLondon());
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="budget-${request.params.personId}.pdf"`)
        .send(pdf);
    },
  );

  app.get<PersonRoute>(
    '/people/:personId/budget/letter-easy-read.pdf',
    personRoute('record.read'),
    async (request, reply) => {
      const { record, addressing } = await services.budgets.letter(personAccess(request));
      const pdf = await budgetEasyReadLetter(record, addressing, todayInLondon());
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="budget-easy-read-${request.params.personId}.pdf"`)
        .send(pdf);
    },
  );

  const interimPage = async (access: PersonAccess) => {
    const record = await services.budgets.record(access);
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
    personRoute('case.decide'),
    async (request, reply) => {
      const page = await interimPage(personAccess(request));
      const [year, month, day] = addDays(todayInLondon(), 28).split('-');
      return reply.render(page.template, {
        ...page.context,
        values: { 'expiresOn-day': day, 'expiresOn-month': month, 'expiresOn-year': year },
      });
    },
  );
  app.post<PersonRoute>(
    '/people/:personId/budget/interim',
    personRoute('case.decide'),
    async (request, reply) => {
      const access = personAccess(request);
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
        await services.budgets.approveInterim(access, {
          weeklyAmount,
          reason: field(request.body, 'reason'),
          expiresOn: dateField(request.body, 'expiresOn'),
        });
        return reply.redirect(`/people/${access.personId}/budget`, 303);
      });
    },
  );

  app.get('/budgets/interim', councilRoute('crisis.approve'), async (request, reply: FastifyReply) => {
    const interims = await services.budgets.openInterims(councilAccess(request));
    return reply.render('budgets/views/interim-list.njk', {
      title: 'Interim budgets to regularise',
      interims,
      expiredCount: interims.filter((i) => i.expired).length,
    });
  });
};
