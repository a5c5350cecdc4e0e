import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { may } from '../../platform/auth/access.ts';
import type { AuditAction } from '../../platform/audit/index.ts';
import { field, wholeNumber } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import {
  formFrom,
  type QuestionPage,
  questionFlow,
  showQuestion,
  text,
} from '../../platform/http/question-flow.ts';
import { byVoice } from './attribution.ts';
import { myEditFields, myOutcomeFields } from './forms.ts';
import { mayChangeWords } from './outcomes.ts';
import { checkOutcome, checkOutcomeAttribution, writerOf } from './rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "What I want": the person (or their representative) adds and changes outcomes in their own words. */
export const myOutcomePages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const areas = (request: FastifyRequest) => services.conversations.outcomeAreas(personAccess(request));
  const whose = async (request: FastifyRequest, action?: AuditAction) => {
    const header = await services.people.header(personAccess(request), action);
    return personAccess(request).relationship.kind === 'self' ? 'you' : header.name;
  };
  /** Words attributed to someone this account may not speak for are never changed by it. */
  const refusedChange = (request: FastifyRequest, outcome: { saidBy: string }) =>
    checkOutcomeAttribution(writerOf(personAccess(request)), outcome.saidBy, outcome.saidBy);

  app.get<{ Params: { personId: string } }>(
    '/my/:personId/outcomes',
    personRoute('record.read'),
    async (request, reply) => {
      const header = await services.people.header(personAccess(request));
      const self = personAccess(request).relationship.kind === 'self';
      const result = await services.conversations.outcomes(personAccess(request));
      const current = result.outcomes
        .filter((o) => o.status !== 'ended')
        .map((o) => ({ ...o, mayChange: mayChangeWords(personAccess(request), o) }));
      return reply.render('conversations/views/my-outcomes.njk', {
        title: self ? 'What I want' : `What ${header.name} wants`,
        self,
        name: header.name,
        personId: request.params.personId,
        outcomes: current,
        ...byVoice(current, header.name),
        areas: Object.fromEntries(result.areas.map((a) => [a.code, a.plainLabel])),
        mayWrite: may(personAccess(request), 'own_words.write'),
        backLink: `/my/${request.params.personId}`,
      });
    },
  );

  /**
   * "What I said": the person's own words from their conversations, and nothing else — never
   * a parent's, a representative's or the worker's words, which stay on the worker's pages.
   * Grouped by conversation, newest first, each with who said it and who typed it.
   */
  app.get<{ Params: { personId: string } }>(
    '/my/:personId/said',
    personRoute('record.read'),
    async (request, reply) => {
      const access = personAccess(request);
      const header = await services.people.header(access);
      const self = access.relationship.kind === 'self';
      const conversations = await services.conversations.list(access);
      const talks = conversations
        .map((c) => ({
          heldOn: c.heldOn,
          place: c.place,
          sections: c.sections
            .map((section) => ({
              label: section.label,
              words: byVoice(
                section.entries.filter((e) => e.ownWords),
                header.name,
              ).own,
            }))
            .filter((section) => section.words.length > 0),
        }))
        .filter((c) => c.sections.length > 0)
        .sort((a, b) => String(b.heldOn).localeCompare(String(a.heldOn)));
      return reply.render('conversations/views/my-said.njk', {
        title: self ? 'What I said' : `What ${header.name} said`,
        self,
        name: header.name,
        talks,
      });
    },
  );

  /** `who` is 'you' on the person's own account, else the person's name. */
  const addPage = (
    personId: string,
    list: { code: string; plainLabel: string }[],
    who: string,
  ): QuestionPage => ({
    title: who === 'you' ? 'Add something you want' : `Add something you think ${who} wants`,
    intro:
      who === 'you'
        ? 'Use your own words. Nobody will change them.'
        : `Use your own words. They show as yours, kept apart from ${who}’s own words.`,
    action: `/my/${personId}/outcomes/new`,
    backLink: `/my/${personId}/outcomes`,
    fields: myOutcomeFields(list, who === 'you' ? null : who),
    checkTitle: 'Is this right?',
  });
  app.get<{ Params: { personId: string } }>(
    '/my/:personId/outcomes/new',
    personRoute('own_words.write'),
    async (request, reply) => {
      const who = await whose(request, 'own_words.form.open');
      return showQuestion(reply, addPage(request.params.personId, await areas(request), who));
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/my/:personId/outcomes/new',
    personRoute('own_words.write'),
    async (request, reply) => {
      const list = await areas(request);
      const who = await whose(request, 'own_words.form.open');
      const values = (v: Record<string, string | string[]>) => ({
        personWords: text(v, 'personWords'),
        area: text(v, 'area'),
      });
      return questionFlow(reply, addPage(request.params.personId, list, who), request.body, {
        check: (v) =>
          checkOutcome(
            {
              ...values(v),
              saidBy: 'person',
              saidByName: null,
              professionalView: null,
              priority: 2,
              status: 'active',
            },
            list.map((a) => a.code),
          ),
        save: async (v) => {
          await services.conversations.createOutcome(personAccess(request), values(v));
          return `/my/${request.params.personId}/outcomes`;
        },
      });
    },
  );

  const editPage = (personId: string, outcomeId: string, version: number): QuestionPage => ({
    title: 'Change what you want',
    action: `/my/${personId}/outcomes/${outcomeId}/edit`,
    backLink: `/my/${personId}/outcomes`,
    fields: myEditFields,
    hidden: { version },
    checkTitle: 'Is this right?',
  });
  app.get<{ Params: { personId: string; outcomeId: string } }>(
    '/my/:personId/outcomes/:outcomeId/edit',
    personRoute('own_words.write'),
    async (request, reply) => {
      if (!UUID.test(request.params.outcomeId)) throw Problem.notFound('Outcome');
      const { outcome } = await services.conversations.outcome(
        personAccess(request),
        request.params.outcomeId,
      );
      const refused = refusedChange(request, outcome);
      if (refused.length) throw Problem.forbidden(refused[0]!.message);
      const page = editPage(request.params.personId, outcome.id, outcome.version);
      return showQuestion(reply, page, formFrom(page.fields, outcome));
    },
  );
  app.post<{ Params: { personId: string; outcomeId: string } }>(
    '/my/:personId/outcomes/:outcomeId/edit',
    personRoute('own_words.write'),
    async (request, reply) => {
      if (!UUID.test(request.params.outcomeId)) throw Problem.notFound('Outcome');
      const version = wholeNumber(field(request.body, 'version')) ?? 0;
      const page = editPage(request.params.personId, request.params.outcomeId, version);
      return questionFlow(reply, page, request.body, {
        check: async (v) => {
          const { outcome } = await services.conversations.outcome(
            personAccess(request),
            request.params.outcomeId,
          );
          const refused = refusedChange(request, outcome);
          if (refused.length) return refused;
          return text(v, 'personWords').trim()
            ? []
            : [{ field: 'personWords', message: 'Write what you want' }];
        },
        save: async (v) => {
          await services.conversations.changeOutcome(
            personAccess(request),
            request.params.outcomeId,
            { personWords: text(v, 'personWords') },
            version,
          );
          return `/my/${request.params.personId}/outcomes`;
        },
      });
    },
  );
};
