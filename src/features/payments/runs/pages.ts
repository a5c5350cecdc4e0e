import type { FastifyPluginAsync } from 'fastify';
import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { councilAccess, councilRoute } from '../../../platform/auth/routes.ts';
import { todayInLondon } from '../../../platform/dates.ts';
import {
  dateField,
  dateParts,
  datePartsOf,
  field,
  NOT_A_DATE,
  submitForm,
} from '../../../platform/http/forms.ts';
import { Problem } from '../../../platform/http/problem.ts';
import type { FeatureDeps } from '../../index.ts';

/** Finance officers: create a run for a date, check the totals, approve, download the bank file. */
export const runPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const access = councilRoute('payments.run');

  const listPage = async (council: CouncilAccess) => ({
    title: 'Direct-payment runs',
    runs: await services.payments.runs(council),
  });

  app.get('/payments/runs', access, async (request, reply) =>
    reply.render('payments/runs/views/runs.njk', {
      ...(await listPage(councilAccess(request))),
      values: { runDate: datePartsOf(todayInLondon()) },
    }),
  );

  app.post('/payments/runs', access, async (request, reply) =>
    submitForm(
      reply,
      {
        template: 'payments/runs/views/runs.njk',
        context: await listPage(councilAccess(request)),
        values: { runDate: dateParts(request.body, 'runDate') },
      },
      async () => {
        const runDate = dateField(request.body, 'runDate');
        if (!runDate || runDate === NOT_A_DATE)
          throw Problem.invalid([{ field: 'runDate', message: 'Enter a real payment date, like 6 4 2026' }]);
        const { run } = await services.payments.createRun(councilAccess(request), runDate);
        return reply.redirect(`/payments/runs/${run.id}`, 303);
      },
    ),
  );

  app.get<{ Params: { runId: string } }>('/payments/runs/:runId', access, async (request, reply) => {
    const detail = await services.payments.runDetail(councilAccess(request), request.params.runId);
    return reply.render('payments/runs/views/run.njk', {
      title: `Payment run for ${detail.run.runDate}`,
      backLink: '/payments/runs',
      ...detail,
    });
  });

  app.post<{ Params: { runId: string } }>('/payments/runs/:runId/approve', access, async (request, reply) => {
    const count = Number(field(request.body, 'expectedCount'));
    const total = Number(field(request.body, 'expectedTotal'));
    try {
      await services.payments.approveAndPost(councilAccess(request), request.params.runId, {
        expected: field(request.body, 'resume') === 'yes' ? undefined : { count, total },
      });
    } catch (error) {
      if (error instanceof Problem && (error.status === 409 || error.status === 403)) {
        const detail = await services.payments.runDetail(councilAccess(request), request.params.runId);
        return reply.status(error.status).render('payments/runs/views/run.njk', {
          title: `Payment run for ${detail.run.runDate}`,
          backLink: '/payments/runs',
          ...detail,
          errors: [{ field: 'approve', message: error.detail ?? error.title }],
        });
      }
      throw error;
    }
    return reply.redirect(`/payments/runs/${request.params.runId}`, 303);
  });

  for (const [suffix, format] of [
    ['bank-file.csv', 'csv'],
    ['bank-file.txt', 'bacs'],
  ] as const) {
    app.get<{ Params: { runId: string } }>(
      `/payments/runs/:runId/${suffix}`,
      access,
      async (request, reply) => {
        const file = await services.payments.bankFile(councilAccess(request), request.params.runId, format);
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
  }

  app.get<{ Params: { runId: string } }>(
    '/payments/runs/:runId/remittances',
    access,
    async (request, reply) => {
      const result = await services.payments.remittances(councilAccess(request), request.params.runId);
      return reply.render('payments/runs/views/remittances.njk', {
        title: `Remittances for ${result.run.runDate}`,
        backLink: `/payments/runs/${request.params.runId}`,
        ...result,
      });
    },
  );
};
