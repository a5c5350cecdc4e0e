import type { FastifyPluginAsync } from 'fastify';
import { operatorAccess, operatorRoute } from '../../platform/auth/routes.ts';
import { field, submitForm } from '../../platform/http/forms.ts';
import type { FeatureDeps } from '../index.ts';
import {
  type CouncilDetails,
  DETAIL_FIELDS,
  FIELD_LABELS,
  isNation,
  NATION_LABELS,
  NATIONS,
  type NewCouncil,
} from './rules.ts';

const nationItems = NATIONS.map((value) => ({ value, text: NATION_LABELS[value] }));
const NEW_FIELDS = ['nation', 'code', ...DETAIL_FIELDS, 'administratorName', 'administratorEmail'] as const;

const detailsFrom = (body: unknown): CouncilDetails =>
  Object.fromEntries(DETAIL_FIELDS.map((name) => [name, field(body, name)])) as CouncilDetails;
const newCouncilFrom = (body: unknown): NewCouncil =>
  Object.fromEntries(NEW_FIELDS.map((name) => [name, field(body, name)])) as unknown as NewCouncil;

/**
 * The platform operator's pages: the councils, a new council (questions, check your answers,
 * create with the first administrator's one-time link shown once), and a council's details.
 */
export const councilPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  app.get('/operator/councils', operatorRoute('councils.manage'), async (request, reply) => {
    const councils = await services.councilAdmin.list(operatorAccess(request));
    return reply.render('councils/views/councils.njk', {
      title: 'Councils',
      councils: councils.map((c) => ({ ...c, nationLabel: NATION_LABELS[c.nation] })),
    });
  });

  const newPage = {
    template: 'councils/views/new.njk',
    context: { title: 'Create a council', backLink: '/operator/councils', nationItems },
  };
  app.get('/operator/councils/new', operatorRoute('councils.manage'), async (_request, reply) =>
    reply.render(newPage.template, { ...newPage.context, values: {} }),
  );
  app.post('/operator/councils/new', operatorRoute('councils.manage'), async (request, reply) => {
    const values = newCouncilFrom(request.body);
    const step = field(request.body, '_step');
    return submitForm(reply, { ...newPage, values }, async () => {
      if (step === 'change') return reply.render(newPage.template, { ...newPage.context, values });
      if (step !== 'confirm') {
        await services.councilAdmin.check(values);
        return reply.render('check-answers.njk', {
          title: 'Check the new council before you create it',
          action: '/operator/councils/new',
          backLink: '/operator/councils',
          hidden: {},
          carried: NEW_FIELDS.map((name) => ({ name, value: values[name] })),
          rows: NEW_FIELDS.filter((name) => values[name].trim() || name === 'nation').map((name) => ({
            key: FIELD_LABELS[name],
            value: name === 'nation' && isNation(values.nation) ? NATION_LABELS[values.nation] : values[name],
          })),
          saveText: 'Create the council',
        });
      }
      const created = await services.councilAdmin.create(operatorAccess(request), values);
      return reply.render('councils/views/created.njk', {
        title: 'Council created',
        created,
        administratorEmail: values.administratorEmail.trim().toLowerCase(),
      });
    });
  });

  const councilPage = async (request: Parameters<typeof operatorAccess>[0], councilId: string) => {
    const council = await services.councilAdmin.council(operatorAccess(request), councilId);
    return {
      template: 'councils/views/council.njk',
      context: {
        title: council.name,
        backLink: '/operator/councils',
        council,
        nationLabel: NATION_LABELS[council.nation],
      },
      council,
    };
  };
  const storedValues = (council: Record<string, unknown>) =>
    Object.fromEntries(DETAIL_FIELDS.map((name) => [name, council[name] ?? '']));

  app.get<{ Params: { councilId: string } }>(
    '/operator/councils/:councilId',
    operatorRoute('councils.manage'),
    async (request, reply) => {
      const page = await councilPage(request, request.params.councilId);
      return reply.render(page.template, { ...page.context, values: storedValues(page.council) });
    },
  );
  app.post<{ Params: { councilId: string } }>(
    '/operator/councils/:councilId',
    operatorRoute('councils.manage'),
    async (request, reply) => {
      const page = await councilPage(request, request.params.councilId);
      const values = detailsFrom(request.body);
      return submitForm(reply, { ...page, values }, async () => {
        const council = await services.councilAdmin.change(
          operatorAccess(request),
          request.params.councilId,
          values,
        );
        return reply.render(page.template, {
          ...page.context,
          title: council.name,
          council,
          values: storedValues(council),
          notice: 'The council’s details have been saved.',
        });
      });
    },
  );
};
