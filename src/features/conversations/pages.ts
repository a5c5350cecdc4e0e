import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { todayInLondon } from '../../platform/dates.ts';
import { field, wholeNumber } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { FeatureDeps } from '../index.ts';
import {
  type FormValues,
  formFrom,
  type QuestionPage,
  questionFlow,
  showQuestion,
  text,
} from '../../platform/http/question-flow.ts';
import { attributionLine, byVoice } from './attribution.ts';
import { conversationFields, entryFields, entryFrom, outcomeFields } from './forms.ts';
import { OUTCOME_STATUS, PRIORITY, SAID_BY } from './lists.ts';
import { checkEntry, checkHeldOn, checkOutcome, conversationFacts, writerOf } from './rules.ts';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';

const writer = (request: FastifyRequest) => writerOf(personAccess(request));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOrNotFound = (id: string, what: string) => {
  if (!UUID.test(id)) throw Problem.notFound(what);
  return id;
};

/** Staff pages for good conversations and personal outcomes. */
export const conversationPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const areas = (request: FastifyRequest) => services.conversations.outcomeAreas(personAccess(request));

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/conversations',
    personRoute('record.read'),
    async (request, reply) => {
      const header = await services.people.header(personAccess(request));
      const conversations = (await services.conversations.list(personAccess(request))).map((c) => ({
        ...c,
        sections: c.sections.map((s) => ({
          ...s,
          entries: s.entries.map((e) => ({ ...e, attribution: attributionLine(e, header.name) })),
        })),
      }));
      return reply.render('conversations/views/conversations.njk', {
        title: 'Good conversations',
        name: header.name,
        personId: request.params.personId,
        conversations,
        backLink: `/people/${request.params.personId}`,
      });
    },
  );

  const newConversation = (
    request: FastifyRequest,
    personId: string,
    name: string,
    child: boolean,
  ): QuestionPage => ({
    title: 'Record a good conversation',
    caption: name,
    intro: 'Start with what was said. You can add more things said afterwards, one at a time.',
    action: `/people/${personId}/conversations/new`,
    backLink: `/people/${personId}/conversations`,
    fields: conversationFields(child, writer(request)),
  });
  app.get<{ Params: { personId: string } }>(
    '/people/:personId/conversations/new',
    personRoute('own_words.write'),
    async (request, reply) => {
      const { person: p, name } = await services.people.header(personAccess(request), 'own_words.form.open');
      const page = newConversation(
        request,
        request.params.personId,
        name,
        conversationFacts(p.dateOfBirth, todayInLondon()).child,
      );
      return showQuestion(reply, page, formFrom(page.fields, { heldOn: todayInLondon(), saidBy: 'person' }));
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/conversations/new',
    personRoute('own_words.write'),
    async (request, reply) => {
      const { person: p, name } = await services.people.header(personAccess(request), 'own_words.form.open');
      const child = conversationFacts(p.dateOfBirth, todayInLondon()).child;
      const page = newConversation(request, request.params.personId, name, child);
      return questionFlow(reply, page, request.body, {
        check: (v) => [
          ...checkHeldOn(text(v, 'heldOn'), p.dateOfBirth, todayInLondon()),
          ...checkEntry(entryFrom(v), child, writer(request)),
        ],
        save: async (v) => {
          const saved = await services.conversations.create(personAccess(request), {
            heldOn: text(v, 'heldOn'),
            place: text(v, 'place'),
            whoWasThere: text(v, 'whoWasThere'),
            entries: [entryFrom(v)],
          });
          return `/people/${request.params.personId}/conversations#conversation-${saved.id}`;
        },
      });
    },
  );

  const entryPage = (
    request: FastifyRequest,
    personId: string,
    conversationId: string,
    name: string,
    child: boolean,
  ): QuestionPage => ({
    title: 'Add something that was said',
    caption: name,
    action: `/people/${personId}/conversations/${conversationId}/entries/new`,
    backLink: `/people/${personId}/conversations#conversation-${conversationId}`,
    fields: entryFields(child, writer(request)),
  });
  app.get<{ Params: { personId: string; conversationId: string } }>(
    '/people/:personId/conversations/:conversationId/entries/new',
    personRoute('own_words.write'),
    async (request, reply) => {
      const conversationId = idOrNotFound(request.params.conversationId, 'Conversation');
      const { person: p, name } = await services.people.header(personAccess(request), 'own_words.form.open');
      const page = entryPage(
        request,
        request.params.personId,
        conversationId,
        name,
        conversationFacts(p.dateOfBirth, todayInLondon()).child,
      );
      return showQuestion(reply, page, formFrom(page.fields, { saidBy: 'person' }));
    },
  );
  app.post<{ Params: { personId: string; conversationId: string } }>(
    '/people/:personId/conversations/:conversationId/entries/new',
    personRoute('own_words.write'),
    async (request, reply) => {
      const conversationId = idOrNotFound(request.params.conversationId, 'Conversation');
      const { person: p, name } = await services.people.header(personAccess(request), 'own_words.form.open');
      const child = conversationFacts(p.dateOfBirth, todayInLondon()).child;
      return questionFlow(
        reply,
        entryPage(request, request.params.personId, conversationId, name, child),
        request.body,
        {
          check: (v) => checkEntry(entryFrom(v), child, writer(request)),
          save: async (v) => {
            await services.conversations.addEntry(personAccess(request), conversationId, entryFrom(v));
            return `/people/${request.params.personId}/conversations#conversation-${conversationId}`;
          },
        },
      );
    },
  );

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/outcomes',
    personRoute('record.read'),
    async (request, reply) => {
      const header = await services.people.header(personAccess(request));
      const result = await services.conversations.outcomes(personAccess(request));
      return reply.render('conversations/views/outcomes.njk', {
        title: 'Personal outcomes',
        name: header.name,
        personId: request.params.personId,
        ...result,
        ...byVoice(result.outcomes, header.name),
        areaLabels: Object.fromEntries(result.areas.map((a) => [a.code, a.label])),
        statusLabels: OUTCOME_STATUS,
        priorityLabels: PRIORITY,
        saidBy: SAID_BY,
        backLink: `/people/${request.params.personId}`,
      });
    },
  );

  const outcomeValues = (v: FormValues) => ({
    personWords: text(v, 'personWords'),
    saidBy: text(v, 'saidBy'),
    saidByName: text(v, 'saidByName').trim() || null,
    area: text(v, 'area'),
    professionalView: text(v, 'professionalView').trim() || null,
    priority: Number(text(v, 'priority')) || 0,
    status: text(v, 'status'),
  });
  const outcomePage = (
    request: FastifyRequest,
    personId: string,
    name: string,
    list: { code: string; label: string }[],
    outcomeId?: string,
    version?: number,
  ): QuestionPage => ({
    title: outcomeId ? 'Change an outcome' : 'Add an outcome',
    caption: name,
    intro: 'The person’s words come first. Your view goes beside them.',
    action: outcomeId ? `/people/${personId}/outcomes/${outcomeId}/edit` : `/people/${personId}/outcomes/new`,
    backLink: outcomeId ? `/people/${personId}/outcomes/${outcomeId}` : `/people/${personId}/outcomes`,
    fields: outcomeFields(list, writer(request)),
    hidden: version === undefined ? undefined : { version },
  });

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/outcomes/new',
    personRoute('case.write'),
    async (request, reply) => {
      const { name } = await services.people.header(personAccess(request), 'person.form.open');
      const page = outcomePage(request, request.params.personId, name, await areas(request));
      return showQuestion(
        reply,
        page,
        formFrom(page.fields, { saidBy: 'person', priority: 2, status: 'active' }),
      );
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/outcomes/new',
    personRoute('case.write'),
    async (request, reply) => {
      const { name } = await services.people.header(personAccess(request), 'person.form.open');
      const list = await areas(request);
      return questionFlow(reply, outcomePage(request, request.params.personId, name, list), request.body, {
        check: (v) =>
          checkOutcome(
            outcomeValues(v),
            list.map((a) => a.code),
          ),
        save: async (v) => {
          const saved = await services.conversations.createOutcome(personAccess(request), outcomeValues(v));
          return `/people/${request.params.personId}/outcomes/${saved.id}`;
        },
      });
    },
  );

  app.get<{ Params: { personId: string; outcomeId: string } }>(
    '/people/:personId/outcomes/:outcomeId',
    personRoute('record.read'),
    async (request, reply) => {
      const outcomeId = idOrNotFound(request.params.outcomeId, 'Outcome');
      const { name } = await services.people.header(personAccess(request));
      const result = await services.conversations.outcome(personAccess(request), outcomeId);
      return reply.render('conversations/views/outcome.njk', {
        title: 'Outcome',
        name,
        personId: request.params.personId,
        ...result,
        attribution: attributionLine(result.outcome, name),
        ownWords: result.outcome.saidBy === 'person',
        areaLabels: Object.fromEntries(result.areas.map((a) => [a.code, a.label])),
        statusLabels: OUTCOME_STATUS,
        priorityLabels: PRIORITY,
        saidBy: SAID_BY,
        fieldLabels: {
          personWords: 'Their words',
          saidBy: 'Who said it',
          saidByName: 'Their name',
          professionalView: 'Worker’s view',
          area: 'Area',
          priority: 'Priority',
          status: 'Status',
        },
        backLink: `/people/${request.params.personId}/outcomes`,
      });
    },
  );

  app.get<{ Params: { personId: string; outcomeId: string } }>(
    '/people/:personId/outcomes/:outcomeId/edit',
    personRoute('case.write'),
    async (request, reply) => {
      const outcomeId = idOrNotFound(request.params.outcomeId, 'Outcome');
      const { outcome, areas: list } = await services.conversations.outcome(personAccess(request), outcomeId);
      const { name } = await services.people.header(personAccess(request));
      const page = outcomePage(request, request.params.personId, name, list, outcomeId, outcome.version);
      return showQuestion(reply, page, formFrom(page.fields, outcome));
    },
  );
  app.post<{ Params: { personId: string; outcomeId: string } }>(
    '/people/:personId/outcomes/:outcomeId/edit',
    personRoute('case.write'),
    async (request, reply) => {
      const outcomeId = idOrNotFound(request.params.outcomeId, 'Outcome');
      const { name } = await services.people.header(personAccess(request), 'person.form.open');
      const list = await areas(request);
      const version = wholeNumber(field(request.body, 'version')) ?? 0;
      return questionFlow(
        reply,
        outcomePage(request, request.params.personId, name, list, outcomeId, version),
        request.body,
        {
          check: (v) =>
            checkOutcome(
              outcomeValues(v),
              list.map((a) => a.code),
            ),
          save: async (v) => {
            await services.conversations.changeOutcome(
              personAccess(request),
              outcomeId,
              outcomeValues(v),
              version,
            );
            return `/people/${request.params.personId}/outcomes/${outcomeId}`;
          },
        },
      );
    },
  );
};
