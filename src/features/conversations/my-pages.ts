import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { relationshipAllows } from '../../platform/auth/policy.ts';
import { inTenant } from '../../platform/db/transaction.ts';
import { field, wholeNumber } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { FeatureDeps } from '../index.ts';
import { formFrom, type QuestionPage, questionFlow, showQuestion, text } from '../people/form-flow.ts';
import { personHeader } from '../people/service.ts';
import { myEditFields, myOutcomeFields } from './forms.ts';
import { createOutcome, getOutcome, listOutcomes, outcomeAreaList, updateOutcome } from './outcomes.ts';
import { checkOutcome } from './rules.ts';

const person = (request: FastifyRequest) => request.access as PersonAccess;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "What I want": the person (or their representative) adds and changes outcomes in their own words. */
export const myOutcomePages: FastifyPluginAsync<FeatureDeps> = async (app, { db }) => {
  const areas = (request: FastifyRequest) =>
    inTenant(db, request.actor!.authorityId!, (tx) => outcomeAreaList(tx));
  const whose = async (request: FastifyRequest, action?: string) => {
    const header = await personHeader(db, person(request), action);
    return person(request).relationship.kind === 'self' ? 'you' : header.name;
  };

  app.get<{ Params: { personId: string } }>(
    '/my/:personId/outcomes',
    { config: { access: { permission: 'record.read' } } },
    async (request, reply) => {
      const who = await whose(request);
      const result = await listOutcomes(db, person(request));
      return reply.render('conversations/views/my-outcomes.njk', {
        title: who === 'you' ? 'What I want' : `What ${who} wants`,
        self: who === 'you',
        personId: request.params.personId,
        outcomes: result.outcomes.filter((o) => o.status !== 'ended'),
        areas: Object.fromEntries(result.areas.map((a) => [a.code, a.plainLabel])),
        mayWrite: relationshipAllows('own_words.write', request.actor!.role, person(request).relationship),
        backLink: `/my/${request.params.personId}`,
      });
    },
  );

  const addPage = (personId: string, list: { code: string; plainLabel: string }[]): QuestionPage => ({
    title: 'Add something you want',
    intro: 'Use your own words. Nobody will change them.',
    action: `/my/${personId}/outcomes/new`,
    backLink: `/my/${personId}/outcomes`,
    fields: myOutcomeFields(list),
    checkTitle: 'Is this right?',
  });
  app.get<{ Params: { personId: string } }>(
    '/my/:personId/outcomes/new',
    { config: { access: { permission: 'own_words.write' } } },
    async (request, reply) => {
      await whose(request, 'own_words.write:open_form');
      return showQuestion(reply, addPage(request.params.personId, await areas(request)));
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/my/:personId/outcomes/new',
    { config: { access: { permission: 'own_words.write' } } },
    async (request, reply) => {
      const list = await areas(request);
      const values = (v: Record<string, string | string[]>) => ({
        personWords: text(v, 'personWords'),
        area: text(v, 'area'),
      });
      return questionFlow(reply, addPage(request.params.personId, list), request.body, {
        check: (v) =>
          checkOutcome(
            { ...values(v), saidBy: 'person', professionalView: null, priority: 2, status: 'active' },
            list.map((a) => a.code),
          ),
        save: async (v) => {
          await createOutcome(db, person(request), values(v));
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
    { config: { access: { permission: 'own_words.write' } } },
    async (request, reply) => {
      if (!UUID.test(request.params.outcomeId)) throw Problem.notFound('Outcome');
      const { outcome } = await getOutcome(db, person(request), request.params.outcomeId);
      const page = editPage(request.params.personId, outcome.id, outcome.version);
      return showQuestion(reply, page, formFrom(page.fields, outcome));
    },
  );
  app.post<{ Params: { personId: string; outcomeId: string } }>(
    '/my/:personId/outcomes/:outcomeId/edit',
    { config: { access: { permission: 'own_words.write' } } },
    async (request, reply) => {
      if (!UUID.test(request.params.outcomeId)) throw Problem.notFound('Outcome');
      const version = wholeNumber(field(request.body, 'version')) ?? 0;
      const page = editPage(request.params.personId, request.params.outcomeId, version);
      return questionFlow(reply, page, request.body, {
        check: (v) =>
          text(v, 'personWords').trim() ? [] : [{ field: 'personWords', message: 'Write what you want' }],
        save: async (v) => {
          await updateOutcome(
            db,
            person(request),
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
