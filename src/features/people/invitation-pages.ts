import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { type PersonAccess, may } from '../../platform/auth/access.ts';
import { roleAllows } from '../../platform/auth/policy.ts';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import { field, submitForm } from '../../platform/http/forms.ts';
import {
  type FieldDef,
  type FormValues,
  itemsFrom,
  list,
  type QuestionPage,
  questionFlow,
  readForm,
  showQuestion,
  text,
} from '../../platform/http/question-flow.ts';
import { safeRedirectPath } from '../../platform/http/redirect.ts';
import type { PeopleDeps } from './deps.ts';
import { CHOSEN_SCOPES, INVITATION_KIND_LABELS, type InvitationKind } from './invitation-rules.ts';
import {
  checkInvitationInput,
  type InvitationChoices,
  type InvitationInput,
  POWER_WORDS,
} from './invitations.ts';

/**
 * Inviting the people around a record: choose who (a list of links, so no JavaScript), one
 * question page for that kind, check your answers, then a confirmation page that shows the
 * link and the check code once. The same pages serve the worker and the person or their
 * representative inviting their own circle: what each may choose comes from the policy.
 */
const CHOOSER_WORDS: Record<InvitationKind, { text: string; hint: string }> = {
  self: { text: 'The person themself', hint: 'So they can see their record and sign their plan' },
  representative: {
    text: 'A representative',
    hint: 'They get exactly the powers and dates recorded for them',
  },
  circle_member: {
    text: 'Someone in the circle of support',
    hint: 'They get what the person agreed they may see or add',
  },
  advocate: { text: 'An independent advocate', hint: 'You choose what they may see or add' },
  support_organisation: {
    text: 'A direct-payment support organisation',
    hint: 'You choose what they may see or manage',
  },
  provider: {
    text: 'A provider',
    hint: 'They see only what they need to give the support in the plan',
  },
};

/** Kinds with someone to invite: a representative or circle member without an account yet. */
const available = (choices: InvitationChoices): InvitationKind[] =>
  choices.kinds.filter(
    (k) =>
      (k !== 'representative' || choices.representatives.length > 0) &&
      (k !== 'circle_member' || choices.circle.length > 0),
  );

function fieldsFor(kind: InvitationKind, choices: InvitationChoices): FieldDef[] {
  const fields: FieldDef[] = [];
  if (kind === 'representative')
    fields.push({
      name: 'representativeId',
      label: 'Which representative are you inviting?',
      type: 'radios',
      items: choices.representatives.map((r) => ({ value: r.id, text: r.name, hint: r.powers.join(', ') })),
    });
  if (kind === 'circle_member')
    fields.push({
      name: 'circleMemberId',
      label: 'Who in the circle of support are you inviting?',
      type: 'radios',
      items: choices.circle.map((c) => ({
        value: c.id,
        text: `${c.name} (${c.relationship})`,
        hint: c.powers.length ? c.powers.join(', ') : 'In the circle but sees nothing',
      })),
    });
  if (kind !== 'representative' && kind !== 'circle_member' && kind !== 'self')
    fields.push({
      name: 'name',
      label: 'Their name, or the organisation’s name',
      type: 'text',
      autocomplete: 'off',
    });
  fields.push({
    name: 'email',
    label: 'Their email address',
    hint: 'They will sign in with this. We do not send emails: you give them the link yourself.',
    type: 'text',
    autocomplete: 'off',
    spellcheck: false,
    classes: 'govuk-!-width-two-thirds',
  });
  const scopes = CHOSEN_SCOPES[kind];
  if (scopes)
    fields.push({
      name: 'scope',
      label: 'What may they do?',
      hint: 'Only what the person has agreed to',
      type: 'checkboxes',
      items: itemsFrom(Object.fromEntries(scopes.map((s) => [s, POWER_WORDS[s] ?? s]))),
      optional: true,
    });
  return fields;
}

const inputFrom = (kind: InvitationKind, values: FormValues): InvitationInput => ({
  kind,
  representativeId: text(values, 'representativeId') || null,
  circleMemberId: text(values, 'circleMemberId') || null,
  name: text(values, 'name') || null,
  email: text(values, 'email'),
  scope: list(values, 'scope'),
});

/** Where a viewer goes back to: the staff record, or the person's own pages. */
const recordHome = (access: PersonAccess) =>
  roleAllows('caselist.read', access.actor.role) ? `/people/${access.personId}` : `/my/${access.personId}`;

export const invitationPages: FastifyPluginAsync<PeopleDeps> = async (app, { services: { people } }) => {
  const kindOf = (request: FastifyRequest, choices: InvitationChoices): InvitationKind | null => {
    const asked = (request.query as { kind?: unknown }).kind;
    const kinds = available(choices);
    const found = kinds.find((k) => k === asked);
    if (found) return found;
    return kinds.length === 1 && choices.kinds.length === 1 ? kinds[0]! : null;
  };
  const questionPage = (
    access: PersonAccess,
    kind: InvitationKind,
    choices: InvitationChoices,
  ): QuestionPage => ({
    title: `Invite ${INVITATION_KIND_LABELS[kind]}`,
    caption: choices.name,
    intro:
      'They get an account that can see this record once they accept. You will get a link and a check code to give them.',
    action: `/people/${access.personId}/invitations/new?kind=${kind}`,
    backLink: recordHome(access),
    fields: fieldsFor(kind, choices),
    checkTitle: 'Check the invitation before you create it',
    saveText: 'Create invitation',
  });

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/invitations/new',
    personRoute('invitations.manage'),
    async (request, reply) => {
      const access = personAccess(request);
      const choices = await people.invitationChoices(access);
      const kind = kindOf(request, choices);
      if (!kind)
        return reply.render('people/views/invitation-choose.njk', {
          title: 'Who are you inviting?',
          name: choices.name,
          personId: access.personId,
          kinds: available(choices).map((k) => ({ kind: k, ...CHOOSER_WORDS[k] })),
          backLink: recordHome(access),
        });
      const values: FormValues = kind === 'self' ? { email: choices.person.email ?? '' } : {};
      return showQuestion(reply, questionPage(access, kind, choices), values);
    },
  );

  app.post<{ Params: { personId: string } }>(
    '/people/:personId/invitations/new',
    personRoute('invitations.manage'),
    async (request, reply) => {
      const access = personAccess(request);
      const choices = await people.invitationChoices(access);
      const kind = kindOf(request, choices);
      if (!kind) return reply.redirect(`/people/${access.personId}/invitations/new`, 303);
      const page = questionPage(access, kind, choices);
      if (field(request.body, '_step') === 'confirm') {
        const values = readForm(page.fields, request.body);
        return submitForm(reply, { template: 'question.njk', context: { ...page }, values }, async () => {
          const created = await people.invite(access, inputFrom(kind, values));
          return reply.render('people/views/invitation-created.njk', {
            title: 'Invitation created',
            created,
            link: `${request.protocol}://${request.host}${created.path}`,
            personId: access.personId,
            backLink: recordHome(access),
          });
        });
      }
      return questionFlow(reply, page, request.body, {
        check: (values) => checkInvitationInput(inputFrom(kind, values), choices),
        save: async () => page.action,
      });
    },
  );

  app.post<{ Params: { personId: string; invitationId: string } }>(
    '/people/:personId/invitations/:invitationId/revoke',
    personRoute('invitations.manage'),
    async (request, reply) => {
      const access = personAccess(request);
      await people.revokeInvitation(access, request.params.invitationId);
      return reply.redirect(safeRedirectPath(field(request.body, 'next'), recordHome(access)), 303);
    },
  );

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/who-can-see',
    personRoute('access.read'),
    async (request, reply) => {
      const access = personAccess(request);
      const seen = await people.whoCanSee(access);
      const self = access.relationship.kind === 'self';
      return reply.render('people/views/who-can-see.njk', {
        title: self ? 'Who can see my record' : `Who can see ${seen.name}’s record`,
        self,
        ...seen,
        personId: access.personId,
        mayInvite: may(access, 'invitations.manage'),
        backLink: recordHome(access),
      });
    },
  );
};
