import type { FastifyPluginAsync } from 'fastify';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import { field, submitForm } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { FeatureDeps } from '../index.ts';
import { type CouncilDetails, DETAIL_FIELD_NAMES } from './rules.ts';
import type { DetailsInput } from './service.ts';

type Request = Parameters<typeof councilAccess>[0];
type StreamRoute = { Params: { code: string } };
const STREAMS = '/admin/funding-streams';
const DETAILS = '/admin/council';

const detailsFrom = (body: unknown): DetailsInput =>
  Object.fromEntries(DETAIL_FIELD_NAMES.map((name) => [name, field(body, name)])) as DetailsInput;
const valuesOf = (details: CouncilDetails) =>
  Object.fromEntries(DETAIL_FIELD_NAMES.map((name) => [name, details[name] ?? '']));

/**
 * The council's own settings, for its administrator: funding streams (list, add, rename,
 * retire, bring back) and the letter address and contact details (form, check old → new, save,
 * history).
 */
export const councilSettingsPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const manage = councilRoute('policy.manage');
  const council = services.council;

  const listPage = async (request: Request, extra: Record<string, unknown> = {}) => ({
    template: 'council-settings/views/funding-streams.njk',
    context: {
      title: 'Funding streams',
      backLink: '/admin',
      streams: await council.fundingStreams(councilAccess(request)),
      ...extra,
    },
  });
  app.get(STREAMS, manage, async (request, reply) => {
    const page = await listPage(request);
    return reply.render(page.template, { ...page.context, values: {} });
  });
  app.post(STREAMS, manage, async (request, reply) => {
    const values = {
      label: field(request.body, 'label'),
      code: field(request.body, 'code'),
      description: field(request.body, 'description'),
    };
    return submitForm(reply, { ...(await listPage(request)), values }, async () => {
      const added = await council.addFundingStream(councilAccess(request), values);
      const page = await listPage(request, { notice: `${added.label} has been added.` });
      return reply.render(page.template, { ...page.context, values: {} });
    });
  });

  const streamPage = async (request: Request, code: string) => {
    const stream = (await council.fundingStreams(councilAccess(request))).find((s) => s.code === code);
    if (!stream) throw Problem.notFound('Funding stream');
    return {
      template: 'council-settings/views/funding-stream.njk',
      context: { title: `Change ${stream.label}`, backLink: STREAMS, stream },
    };
  };
  app.get<StreamRoute>(`${STREAMS}/:code`, manage, async (request, reply) => {
    const page = await streamPage(request, request.params.code);
    const { stream } = page.context;
    return reply.render(page.template, {
      ...page.context,
      values: { label: stream.label, description: stream.description },
    });
  });
  app.post<StreamRoute>(`${STREAMS}/:code`, manage, async (request, reply) => {
    const page = await streamPage(request, request.params.code);
    const values = { label: field(request.body, 'label'), description: field(request.body, 'description') };
    return submitForm(reply, { ...page, values }, async () => {
      await council.changeFundingStream(councilAccess(request), request.params.code, values);
      return reply.redirect(STREAMS, 303);
    });
  });
  app.post<StreamRoute>(`${STREAMS}/:code/active`, manage, async (request, reply) => {
    const active = field(request.body, 'active') === 'true';
    const page = await listPage(request);
    return submitForm(reply, { ...page, values: {} }, async () => {
      const stream = await council.changeFundingStream(councilAccess(request), request.params.code, {
        active,
      });
      const done = await listPage(request, {
        notice: active ? `${stream.label} is in use again.` : `${stream.label} has been retired.`,
      });
      return reply.render(done.template, { ...done.context, values: {} });
    });
  });

  // ---- Letter address and contact details ----

  const formPage = async (request: Request, extra: Record<string, unknown> = {}) => {
    const found = await council.details(councilAccess(request));
    return {
      template: 'council-settings/views/council-details.njk',
      context: { title: 'Council details', backLink: '/admin', ...found, ...extra },
      found,
    };
  };
  app.get<{ Querystring: { saved?: string } }>(DETAILS, manage, async (request, reply) => {
    const page = await formPage(request, {
      notice: request.query.saved ? 'The council’s details have been saved.' : null,
    });
    return reply.render(page.template, { ...page.context, values: valuesOf(page.found.details) });
  });
  // "Change them" from the check page: the form again with what was typed.
  app.post(`${DETAILS}/edit`, manage, async (request, reply) => {
    const page = await formPage(request);
    return reply.render(page.template, { ...page.context, values: detailsFrom(request.body) });
  });
  app.post(`${DETAILS}/check`, manage, async (request, reply) => {
    const input = detailsFrom(request.body);
    const page = await formPage(request);
    return submitForm(reply, { ...page, values: input }, async () => {
      const check = await council.checkDetails(councilAccess(request), input);
      return reply.render('council-settings/views/council-details-check.njk', {
        title: 'Check the council’s details',
        backLink: DETAILS,
        ...check,
        values: valuesOf(check.after),
        anyChange: check.changes.some((c) => c.changed),
      });
    });
  });
  app.post(DETAILS, manage, async (request, reply) => {
    const input = detailsFrom(request.body);
    const page = await formPage(request);
    return submitForm(reply, { ...page, values: input }, async () => {
      await council.saveDetails(councilAccess(request), input);
      return reply.redirect(`${DETAILS}?saved=1`, 303);
    });
  });
};
