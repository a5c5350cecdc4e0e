import type { FastifyPluginAsync } from 'fastify';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import { field, fieldList, submitForm } from '../../platform/http/forms.ts';
import type { FeatureDeps } from '../index.ts';
import { TEAM_SERVES_LABELS } from './team-rules.ts';

const servesItems = Object.entries(TEAM_SERVES_LABELS).map(([value, text]) => ({ value, text }));

/** The council's teams: the list with counts, add, change (rename, who it serves, localities), close. */
export const teamPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const teamsInput = (body: unknown) => ({
    name: field(body, 'name'),
    serves: field(body, 'serves'),
    localityCodes: fieldList(body, 'localityCodes'),
  });

  const listPage = async (
    request: Parameters<typeof councilAccess>[0],
    extra: Record<string, unknown> = {},
  ) => {
    const { teams, localities } = await services.accounts.teams(councilAccess(request));
    return {
      template: 'accounts/views/teams.njk',
      context: {
        title: 'Teams',
        backLink: '/admin',
        teams: teams.map((t) => ({ ...t, servesLabel: TEAM_SERVES_LABELS[t.serves] })),
        localities,
        servesItems,
        ...extra,
      },
    };
  };

  app.get('/admin/teams', councilRoute('users.manage'), async (request, reply) => {
    const page = await listPage(request);
    return reply.render(page.template, {
      ...page.context,
      values: { serves: 'all_ages', localityCodes: [] },
    });
  });
  app.post('/admin/teams', councilRoute('users.manage'), async (request, reply) => {
    const values = teamsInput(request.body);
    return submitForm(reply, { ...(await listPage(request)), values }, async () => {
      const team = await services.accounts.addTeam(councilAccess(request), values);
      const page = await listPage(request, { notice: `${team.name} has been added.` });
      return reply.render(page.template, {
        ...page.context,
        values: { serves: 'all_ages', localityCodes: [] },
      });
    });
  });

  const editPage = async (request: Parameters<typeof councilAccess>[0], teamId: string) => {
    const { team, localities } = await services.accounts.team(councilAccess(request), teamId);
    return {
      template: 'accounts/views/team.njk',
      context: { title: `Change ${team.name}`, backLink: '/admin/teams', team, localities, servesItems },
    };
  };
  app.get<{ Params: { teamId: string } }>(
    '/admin/teams/:teamId',
    councilRoute('users.manage'),
    async (request, reply) => {
      const page = await editPage(request, request.params.teamId);
      const { team } = page.context;
      return reply.render(page.template, {
        ...page.context,
        values: { name: team.name, serves: team.serves, localityCodes: team.localityCodes },
      });
    },
  );
  app.post<{ Params: { teamId: string } }>(
    '/admin/teams/:teamId',
    councilRoute('users.manage'),
    async (request, reply) => {
      const page = await editPage(request, request.params.teamId);
      const values = teamsInput(request.body);
      return submitForm(reply, { ...page, values }, async () => {
        await services.accounts.changeTeam(councilAccess(request), request.params.teamId, values);
        return reply.redirect('/admin/teams', 303);
      });
    },
  );
  app.post<{ Params: { teamId: string } }>(
    '/admin/teams/:teamId/close',
    councilRoute('users.manage'),
    async (request, reply) => {
      const page = await editPage(request, request.params.teamId);
      const { team } = page.context;
      const values = { name: team.name, serves: team.serves, localityCodes: team.localityCodes };
      return submitForm(reply, { ...page, values }, async () => {
        await services.accounts.closeTeam(councilAccess(request), request.params.teamId);
        return reply.redirect('/admin/teams', 303);
      });
    },
  );
};
