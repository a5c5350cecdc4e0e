import type { FastifyPluginAsync } from 'fastify';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import { field, submitForm } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { PeopleDeps } from './deps.ts';

/** The council's localities: the list, add, rename, retire and bring back. */
export const localityPages: FastifyPluginAsync<PeopleDeps> = async (app, { services }) => {
  const people = services.people;
  const listPage = async (
    request: Parameters<typeof councilAccess>[0],
    extra: Record<string, unknown> = {},
  ) => ({
    template: 'people/views/localities.njk',
    context: {
      title: 'Localities',
      backLink: '/admin',
      localities: await people.localities(councilAccess(request)),
      ...extra,
    },
  });
  app.get('/admin/localities', councilRoute('users.manage'), async (request, reply) => {
    const page = await listPage(request);
    return reply.render(page.template, { ...page.context, values: {} });
  });
  app.post('/admin/localities', councilRoute('users.manage'), async (request, reply) => {
    const values = { name: field(request.body, 'name') };
    return submitForm(reply, { ...(await listPage(request)), values }, async () => {
      const added = await people.addLocality(councilAccess(request), values.name);
      const page = await listPage(request, { notice: `${added.name} has been added.` });
      return reply.render(page.template, { ...page.context, values: {} });
    });
  });

  const renamePage = async (request: Parameters<typeof councilAccess>[0], localityId: string) => {
    const all = await people.localities(councilAccess(request));
    const locality = all.find((l) => l.id === localityId);
    if (!locality) throw Problem.notFound('Locality');
    return {
      template: 'people/views/locality.njk',
      context: { title: `Change ${locality.name}`, backLink: '/admin/localities', locality },
    };
  };
  app.get<{ Params: { localityId: string } }>(
    '/admin/localities/:localityId',
    councilRoute('users.manage'),
    async (request, reply) => {
      const page = await renamePage(request, request.params.localityId);
      return reply.render(page.template, { ...page.context, values: { name: page.context.locality.name } });
    },
  );
  app.post<{ Params: { localityId: string } }>(
    '/admin/localities/:localityId',
    councilRoute('users.manage'),
    async (request, reply) => {
      const page = await renamePage(request, request.params.localityId);
      const values = { name: field(request.body, 'name') };
      return submitForm(reply, { ...page, values }, async () => {
        await people.renameLocality(councilAccess(request), request.params.localityId, values.name);
        return reply.redirect('/admin/localities', 303);
      });
    },
  );
  app.post<{ Params: { localityId: string } }>(
    '/admin/localities/:localityId/active',
    councilRoute('users.manage'),
    async (request, reply) => {
      await people.setLocalityActive(
        councilAccess(request),
        request.params.localityId,
        field(request.body, 'active') === 'true',
      );
      return reply.redirect('/admin/localities', 303);
    },
  );
};
