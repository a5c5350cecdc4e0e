import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../platform/auth/guard.ts';
import { SESSION_ABSOLUTE_MS } from '../../platform/auth/credentials.ts';
import { roleAllows } from '../../platform/auth/policy.ts';
import { ROLES, type Role } from '../../platform/auth/roles.ts';
import { dateField, field, submitForm } from '../../platform/http/forms.ts';
import { safeRedirectPath } from '../../platform/http/redirect.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { FeatureDeps } from '../index.ts';
import { demoAccounts } from './demo-users.ts';
import { type CouncilAccess, may } from '../../platform/auth/access.ts';
import {
  councilAccess,
  councilRoute,
  publicRoute,
  signedInActor,
  signedInRoute,
} from '../../platform/auth/routes.ts';
import { type InvitationLookup, invitationGone, SignInRefused } from './service.ts';
import { COUNCIL_SETUP_PAGES } from './council-setup.ts';
import { TEAM_REQUIRED_ROLES } from './team-rules.ts';

export function homeFor(role: Role): string {
  if (role === 'operator') return '/operator/councils';
  if (role === 'admin') return '/admin';
  if (role === 'analyst') return '/account';
  return roleAllows('caselist.read', role) ? '/people' : '/my';
}

export const accountPages: FastifyPluginAsync<FeatureDeps> = async (app, { config, services }) => {
  const demoUsers = config.mode === 'demo' ? demoAccounts() : [];
  const signInPage = {
    template: 'accounts/views/sign-in.njk',
    context: { title: 'Sign in', demoUsers, demoPassword: config.demoPassword },
  };

  const setSession = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureTransport,
      signed: true,
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });

  app.get('/sign-in', publicRoute(), async (request, reply) =>
    reply.render(signInPage.template, {
      ...signInPage.context,
      next: safeRedirectPath((request.query as { next?: unknown }).next, ''),
    }),
  );

  app.post(
    '/sign-in',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const email = field(request.body, 'email');
      const next = safeRedirectPath(field(request.body, 'next'), '');
      const values = { email };
      return submitForm(
        reply,
        { ...signInPage, context: { ...signInPage.context, next }, values },
        async () => {
          const errors = [];
          if (!email.trim()) errors.push({ field: 'email', message: 'Enter your email address' });
          if (!field(request.body, 'password'))
            errors.push({ field: 'password', message: 'Enter your password' });
          if (errors.length) throw Problem.invalid(errors);
          const token = await services.accounts
            .signIn(email, field(request.body, 'password'))
            .catch((error: unknown) => {
              // Too soon after wrong attempts: the same page, saying how long to wait.
              if (error instanceof SignInRefused && error.waitSeconds > 0) return error;
              throw error;
            });
          if (token instanceof SignInRefused)
            return reply
              .status(429)
              .header('retry-after', String(token.waitSeconds))
              .render(signInPage.template, { ...signInPage.context, next, values, errors: token.errors });
          if (request.actor) await services.accounts.endSession(request.actor.credentialHash);
          const actor = await services.accounts.sessionActor(token);
          setSession(reply, token);
          return reply.redirect(next || homeFor(actor!.role), 303);
        },
      );
    },
  );

  // Public, so every account can sign out, the platform operator (of no council) too: it ends
  // only the session the request itself carries, if any (and the CSRF check still applies).
  app.post('/sign-out', publicRoute(), async (request, reply) => {
    if (request.actor) await services.accounts.endSession(request.actor.credentialHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/signed-out', 303);
  });
  app.get('/signed-out', publicRoute(), async (_request, reply) =>
    reply.render('accounts/views/signed-out.njk', { title: 'You have signed out' }),
  );

  // The account page is where a person or representative finds "who has looked at my record".
  const accountPage = async (access: CouncilAccess, notice?: string) => ({
    title: 'Your account',
    home: homeFor(access.actor.role),
    records: await services.accounts.linkedRecords(access),
    notice,
  });
  app.get('/account', signedInRoute(), async (request, reply) =>
    reply.render('accounts/views/account.njk', await accountPage(councilAccess(request))),
  );

  const passwordPage = {
    template: 'accounts/views/change-password.njk',
    context: { title: 'Change your password', backLink: '/account' },
  };
  app.get('/account/password', signedInRoute(), async (_request, reply) =>
    reply.render(passwordPage.template, passwordPage.context),
  );
  app.post('/account/password', signedInRoute(), async (request, reply) =>
    submitForm(reply, { ...passwordPage, values: {} }, async () => {
      await services.accounts.changePassword(
        signedInActor(request),
        field(request.body, 'currentPassword'),
        field(request.body, 'newPassword'),
        field(request.body, 'confirmPassword'),
      );
      return reply.render(
        'accounts/views/account.njk',
        await accountPage(
          councilAccess(request),
          'Your password has been changed. Any other devices signed in to your account have been signed out.',
        ),
      );
    }),
  );

  // Staff administration: invite with a one-time link, deactivate, reactivate.
  const staffPage = async (request: { actor: unknown }, extra: Record<string, unknown> = {}) => ({
    title: 'Staff accounts',
    staff: await services.accounts.staff(request.actor as never),
    roles: ROLES.filter(
      (r) => !['person', 'representative', 'circle_member', 'advocate', 'national_admin'].includes(r),
    ),
    teams: await services.accounts.teamChoices(request.actor as never),
    backLink: '/admin',
    ...extra,
  });
  // The administrator's home: every set-up page the viewer may use, each a link.
  app.get('/admin', councilRoute('policy.preview'), async (request, reply) => {
    const access = councilAccess(request);
    return reply.render('accounts/views/council-setup.njk', {
      title: 'Council set-up',
      pages: COUNCIL_SETUP_PAGES.filter((page) => may(access, page.permission)),
    });
  });
  app.get('/admin/users', councilRoute('users.manage'), async (request, reply) =>
    reply.render('accounts/views/staff.njk', await staffPage(request)),
  );
  app.post('/admin/users', councilRoute('users.manage'), async (request, reply) => {
    const values = {
      email: field(request.body, 'email'),
      displayName: field(request.body, 'displayName'),
      role: field(request.body, 'role') as Role,
      teamId: field(request.body, 'teamId'),
    };
    return submitForm(
      reply,
      { template: 'accounts/views/staff.njk', context: await staffPage(request), values },
      async () => {
        const invitation = await services.accounts.invite(signedInActor(request), {
          ...values,
          teamId: values.teamId || null,
        });
        return reply.render(
          'accounts/views/staff.njk',
          await staffPage(request, { invitation, invitedEmail: values.email }),
        );
      },
    );
  });
  app.post<{ Params: { userId: string } }>(
    '/admin/users/:userId/active',
    councilRoute('users.manage'),
    async (request, reply) => {
      await services.accounts.setActive(
        signedInActor(request),
        request.params.userId,
        field(request.body, 'active') === 'true',
      );
      return reply.redirect('/admin/users', 303);
    },
  );

  // Moving an account to another team: choose, check, then save (audited).
  const movePage = async (request: FastifyRequest<{ Params: { userId: string } }>) => {
    const { user, teams } = await services.accounts.staffMember(
      signedInActor(request),
      request.params.userId,
    );
    return {
      template: 'accounts/views/staff-team.njk',
      context: {
        title: `Change ${user.displayName}’s team`,
        backLink: '/admin/users',
        user,
        teams,
        teamRequired: TEAM_REQUIRED_ROLES.includes(user.role),
      },
    };
  };
  app.get<{ Params: { userId: string } }>(
    '/admin/users/:userId/team',
    councilRoute('users.manage'),
    async (request, reply) => {
      const page = await movePage(request);
      return reply.render(page.template, { ...page.context, values: { teamId: page.context.user.teamId } });
    },
  );
  app.post<{ Params: { userId: string } }>(
    '/admin/users/:userId/team',
    councilRoute('users.manage'),
    async (request, reply) => {
      const page = await movePage(request);
      const values = { teamId: field(request.body, 'teamId') };
      const teamId = values.teamId || null;
      return submitForm(reply, { ...page, values }, async () => {
        const { user, teams } = page.context;
        if (teamId && !teams.some((t) => t.id === teamId))
          throw Problem.invalid([{ field: 'teamId', message: 'Select a team from the list' }]);
        if (!teamId && page.context.teamRequired)
          throw Problem.invalid([{ field: 'teamId', message: 'Select their team' }]);
        if (field(request.body, '_step') !== 'confirm')
          return reply.render(page.template, {
            ...page.context,
            title: 'Check the move before you save it',
            check: true,
            values,
            newTeamName: teams.find((t) => t.id === teamId)?.name ?? null,
          });
        await services.accounts.moveStaff(signedInActor(request), user.id, teamId);
        return reply.redirect('/admin/users', 303);
      });
    },
  );

  // The one accept page for every invitation. A record invitation first asks the check only the
  // invited person can answer; passing it is remembered for 30 minutes in a signed cookie naming
  // the invitation, then the password is set, the account turned on, linked and signed in.
  const CHECKED_COOKIE = 'selfdirect_invitation_check';
  const CHECKED_MS = 30 * 60_000;
  const checkedInvitation = (request: FastifyRequest): string | null => {
    const raw = request.cookies[CHECKED_COOKIE];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return null;
    const [id, until] = unsigned.value.split('.');
    return id && Number(until) > Date.now() ? id : null;
  };
  /** The invitation, or null once its "this link does not work" page (404 or 410) is sent. */
  const lookUp = async (token: string, reply: FastifyReply) => {
    const invitee = await services.accounts.invitation(token);
    const gone = !invitee
      ? invitationGone('unknown')
      : invitee.state !== 'pending'
        ? invitationGone(invitee.state)
        : null;
    if (!gone) return invitee;
    await reply
      .status(gone.status)
      .render('accounts/views/invitation-gone.njk', { title: gone.title, problem: gone });
    return null;
  };
  const checkPage = (token: string, invitee: InvitationLookup) => ({
    template: 'accounts/views/invitation-check.njk',
    context: { title: 'Check it is you', token, invitee },
  });
  const invitationPage = (token: string, invitee: InvitationLookup) => ({
    template: 'accounts/views/invitation.njk',
    context: { title: 'Set your password', token, invitee },
  });
  app.get<{ Params: { token: string } }>('/invitation/:token', publicRoute(), async (request, reply) => {
    const invitee = await lookUp(request.params.token, reply);
    if (!invitee) return reply;
    const page =
      invitee.record && checkedInvitation(request) !== invitee.id
        ? checkPage(request.params.token, invitee)
        : invitationPage(request.params.token, invitee);
    return reply.render(page.template, { ...page.context, values: {} });
  });
  app.post<{ Params: { token: string } }>(
    '/invitation/:token',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { token } = request.params;
      const invitee = await lookUp(token, reply);
      if (!invitee) return reply;
      if (field(request.body, '_step') === 'check') {
        const values = {
          'dateOfBirth-day': field(request.body, 'dateOfBirth-day'),
          'dateOfBirth-month': field(request.body, 'dateOfBirth-month'),
          'dateOfBirth-year': field(request.body, 'dateOfBirth-year'),
          checkCode: field(request.body, 'checkCode'),
        };
        return submitForm(reply, { ...checkPage(token, invitee), values }, async () => {
          const dateOfBirth = dateField(request.body, 'dateOfBirth');
          const checked = await services.accounts.checkInvitation(token, {
            dateOfBirth,
            checkCode: values.checkCode,
          });
          reply.setCookie(CHECKED_COOKIE, `${checked.invitationId}.${Date.now() + CHECKED_MS}`, {
            path: '/invitation',
            httpOnly: true,
            sameSite: 'lax',
            secure: config.secureTransport,
            signed: true,
            maxAge: CHECKED_MS / 1000,
          });
          return reply.redirect(`/invitation/${encodeURIComponent(token)}`, 303);
        });
      }
      if (invitee.record && checkedInvitation(request) !== invitee.id)
        return reply.redirect(`/invitation/${encodeURIComponent(token)}`, 303);
      return submitForm(reply, { ...invitationPage(token, invitee), values: {} }, async () => {
        const accepted = await services.accounts.acceptInvitation(
          token,
          field(request.body, 'password'),
          field(request.body, 'confirmPassword'),
          checkedInvitation(request),
        );
        if (!accepted.record) return reply.redirect('/sign-in', 303);
        reply.clearCookie(CHECKED_COOKIE, { path: '/invitation' });
        setSession(reply, await services.accounts.startSession(accepted.userId));
        return reply.redirect('/my', 303);
      });
    },
  );

  // Break glass: open a record outside your relationship, stating why.
  const breakGlassPage = (personId: string, next: string) => ({
    template: 'accounts/views/break-glass.njk',
    context: { title: 'You are not allocated to this person', personId, next },
  });
  app.get<{ Params: { personId: string }; Querystring: { next?: string } }>(
    '/people/:personId/break-glass',
    councilRoute('break_glass.request'),
    async (request, reply) => {
      const page = breakGlassPage(
        request.params.personId,
        safeRedirectPath(request.query.next, `/people/${request.params.personId}`),
      );
      return reply.render(page.template, page.context);
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/break-glass',
    councilRoute('break_glass.request'),
    async (request, reply) => {
      const next = safeRedirectPath(field(request.body, 'next'), `/people/${request.params.personId}`);
      const reason = field(request.body, 'reason');
      return submitForm(
        reply,
        { ...breakGlassPage(request.params.personId, next), values: { reason } },
        async () => {
          await services.accounts.breakGlass(
            signedInActor(request),
            request.params.personId,
            reason,
            'POST /people/:personId/break-glass',
          );
          return reply.redirect(next, 303);
        },
      );
    },
  );
};
