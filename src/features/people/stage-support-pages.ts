import type { FastifyInstance } from 'fastify';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { dateField, dateParts, field } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import { labelOf, SUPPORT_STAGES } from './lists.ts';
import type { PeopleServices } from './service.ts';
import { type AskedStage, isAskedStage, STAGE_PAGE_PATHS, type StageSupport } from './support-stages.ts';

/**
 * The stage pages' inset question (people/views/stage-support.njk) posts here: one route for
 * the eligibility, budget, options and plan pages, so the form and its rules live once, in the
 * feature that owns support offers. Saved: back to the stage's page, which now shows the
 * answer. Refused: this page shows the same inset with the GOV.UK error summary and the
 * answers kept (the stage page's own content belongs to features people may not import).
 * The save is one audited transaction; the refusal's page reads the person's name after the
 * service refused, so a POST never holds two transactions.
 */
export function registerStageSupportPages(app: FastifyInstance, people: PeopleServices) {
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/support-offers/stage',
    personRoute('case.write'),
    async (request, reply) => {
      const access = personAccess(request);
      const body = request.body;
      const stage = field(body, 'stage');
      const values = {
        stage,
        kind: field(body, 'kind'),
        response: field(body, 'response'),
        reason: field(body, 'reason'),
        provider: field(body, 'provider'),
        ...Object.fromEntries(
          Object.entries(dateParts(body, 'offeredOn')).map(([part, v]) => [`offeredOn-${part}`, v]),
        ),
      };
      try {
        if (!isAskedStage(stage))
          throw Problem.invalid([{ field: 'stage', message: 'Open this question from a stage’s page' }]);
        await people.addSupportOffer(access, {
          kind: values.kind,
          stage,
          response: values.response,
          reason: values.reason,
          provider: values.provider,
          offeredOn: dateField(body, 'offeredOn'),
          notes: null,
        });
        return reply.redirect(`/people/${access.personId}/${STAGE_PAGE_PATHS[stage]}#support-offered`, 303);
      } catch (error) {
        if (!(error instanceof Problem) || error.status !== 400 || !error.errors.length) throw error;
        const header = await people.header(access, 'person.form.open');
        const known: AskedStage | null = isAskedStage(stage) ? stage : null;
        const stageSupport: StageSupport = {
          stage: known ?? 'eligibility',
          stageLabel: known ? labelOf(SUPPORT_STAGES, known) : 'this stage',
          offers: [],
          ask: true,
          mayRecord: true,
          action: `/people/${access.personId}/support-offers/stage`,
          today: todayInLondon(),
        };
        return reply.status(400).render('people/views/stage-support-page.njk', {
          title: `Advocacy and support: ${stageSupport.stageLabel.toLowerCase()}`,
          caption: header.name,
          stageSupport,
          stageValues: values,
          errors: error.errors,
          backLink: `/people/${access.personId}${known ? `/${STAGE_PAGE_PATHS[known]}` : ''}`,
        });
      }
    },
  );
}
