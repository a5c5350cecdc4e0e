import { personLocalityError } from './localities.ts';
import type { FastifyPluginAsync } from 'fastify';
import { todayInLondon } from '../../platform/dates.ts';
import { field, wholeNumber } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import { councilAccess, councilRoute, personAccess, personRoute } from '../../platform/auth/routes.ts';
import type { PeopleDeps } from './deps.ts';
import {
  type FormValues,
  formFrom,
  type QuestionPage,
  questionFlow,
  showQuestion,
  text,
} from '../../platform/http/question-flow.ts';
import { identifierLabel, summaryView } from './summary-view.ts';
import {
  type Choices,
  equalityFields,
  newPersonFields,
  PERSON_PARTS,
  type PersonPart,
  personFieldsFrom,
} from './form-fields.ts';
import { registerRecordParts } from './add-part-pages.ts';
import { registerRepresentativePages } from './representative-pages.ts';
import { registerStageSupportPages } from './stage-support-pages.ts';
import { EMPTY_PERSON } from './service.ts';
import { checkEquality, checkPerson, type EqualityAnswers } from './validate.ts';

/** Staff pages: the case list, a new person, the record summary, and each part's questions. */
export const peoplePages: FastifyPluginAsync<PeopleDeps> = async (app, deps) => {
  const { db, recordOutcomes } = deps;
  const people = deps.services.people;

  app.get('/people', councilRoute('caselist.read'), async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const uuid = (v?: string) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);
    const workerId = query.worker === 'me' ? councilAccess(request).actor.userId : uuid(query.worker);
    const filters = {
      q: query.q?.slice(0, 100) || undefined,
      workerId,
      teamId: uuid(query.team),
      status: (['referred', 'open', 'closed'] as const).find((s) => s === query.status),
      crisis: query.crisis === 'yes' ? true : undefined,
      sort: (['name', 'dateOfBirth', 'updated', 'crisis'] as const).find((s) => s === query.sort) ?? 'name',
      page: Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? '1', 10) || 1)),
      pageSize: 25,
    };
    const result = await people.cases(councilAccess(request), filters);
    const pages = Math.max(1, Math.ceil(result.total / filters.pageSize));
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, page: undefined })) if (v) params.set(k, v);
    const pageLink = (n: number) =>
      `/people?${new URLSearchParams({ ...Object.fromEntries(params), page: String(n) })}`;
    return reply.render('people/views/case-list.njk', {
      title: 'People',
      query,
      filters,
      result,
      rows: result.people.map((p) => ({ ...p, identifier: identifierLabel(p) })),
      pagination: {
        previous: filters.page > 1 ? { href: pageLink(filters.page - 1) } : undefined,
        next: filters.page < pages ? { href: pageLink(filters.page + 1) } : undefined,
        items: Array.from({ length: pages }, (_, i) => i + 1)
          .filter((n) => n === 1 || n === pages || Math.abs(n - filters.page) <= 2)
          .map((n) => ({ number: n, href: pageLink(n), current: n === filters.page })),
      },
      pages,
    });
  });

  const choices = async (authorityId: string): Promise<Choices> => people.formChoices(authorityId);
  const today = () => todayInLondon();

  const newPage = (c: Choices): QuestionPage => ({
    title: 'Record a new person',
    intro: 'Record enough to find them and act. You can add the rest of their record afterwards.',
    action: '/people/new',
    backLink: '/people',
    fields: newPersonFields(c),
    checkTitle: 'Check the new record before you save it',
  });
  app.get('/people/new', councilRoute('people.create'), async (request, reply) => {
    const page = newPage(await choices(councilAccess(request).authorityId));
    return showQuestion(reply, page, formFrom(page.fields, { ...EMPTY_PERSON, referredOn: today() }));
  });
  app.post('/people/new', councilRoute('people.create'), async (request, reply) => {
    const c = await choices(councilAccess(request).authorityId);
    const page = newPage(c);
    const fieldsOf = (values: Record<string, string | string[]>) => ({
      ...EMPTY_PERSON,
      status: 'referred' as const,
      ...personFieldsFrom(page.fields, values),
    });
    return questionFlow(reply, page, request.body, {
      check: (values) => {
        const person = fieldsOf(values);
        const result = checkPerson(person, {
          today: today(),
          clientGroups: c.clientGroups.map((g) => g.code),
        });
        const locality = personLocalityError(person.locality, { localities: c.localities });
        return [...(result.ok ? [] : result.errors), ...(locality ? [locality] : [])];
      },
      save: async (values) => `/people/${(await people.create(councilAccess(request), fieldsOf(values))).id}`,
    });
  });

  app.get<{ Params: { personId: string } }>(
    '/people/:personId',
    personRoute('record.read'),
    async (request, reply) => {
      const record = await people.record(personAccess(request));
      const name = record.person.preferredName ?? record.person.legalName;
      const { areas, ...outcomes } = await recordOutcomes(db, personAccess(request), name);
      return reply.render('people/views/summary.njk', {
        title: name,
        ...summaryView(record),
        ...outcomes,
        areas: Object.fromEntries(areas.map((a) => [a.code, a.label])),
        backLink: '/people',
      });
    },
  );

  // Each part of the record: its question page, check answers, then save with the version.
  app.get<{ Params: { personId: string; part: string } }>(
    '/people/:personId/edit/:part',
    personRoute('case.write'),
    async (request, reply) => {
      const part = partOf(request.params.part);
      if (part === 'allocation') await people.requirePermission(personAccess(request), 'access.grant', part);
      const { person: current, name } = await people.header(personAccess(request), 'person.form.open');
      const page = partPage(
        part,
        { ...(await choices(personAccess(request).authorityId)), currentLocality: current.locality },
        request.params.personId,
        name,
        current.version,
      );
      return showQuestion(reply, page, formFrom(page.fields, current));
    },
  );
  app.post<{ Params: { personId: string; part: string } }>(
    '/people/:personId/edit/:part',
    personRoute('case.write'),
    async (request, reply) => {
      const part = partOf(request.params.part);
      if (part === 'allocation') await people.requirePermission(personAccess(request), 'access.grant', part);
      const version = wholeNumber(field(request.body, 'version')) ?? 0;
      const { person: current, name } = await people.header(personAccess(request), 'person.form.open');
      const c = {
        ...(await choices(personAccess(request).authorityId)),
        currentLocality: current.locality,
      };
      const page = partPage(part, c, request.params.personId, name, version);
      return questionFlow(reply, page, request.body, {
        check: (values) => {
          const merged = { ...current, ...personFieldsFrom(page.fields, values) };
          const result = checkPerson(merged, {
            today: today(),
            clientGroups: c.clientGroups.map((g) => g.code),
          });
          const locality = personLocalityError(merged.locality, {
            localities: c.localities,
            current: current.locality,
          });
          return [...(result.ok ? [] : result.errors), ...(locality ? [locality] : [])];
        },
        save: async (values) => {
          await people.update(personAccess(request), personFieldsFrom(page.fields, values), version);
          return `/people/${request.params.personId}`;
        },
      });
    },
  );

  registerRecordParts(app, people);
  registerRepresentativePages(app, people);
  registerStageSupportPages(app, people);

  app.post<{ Params: { personId: string; memberId: string } }>(
    '/people/:personId/circle/:memberId/withdraw',
    personRoute('case.write'),
    async (request, reply) => {
      if (!/^[0-9a-f-]{36}$/i.test(request.params.memberId)) throw Problem.notFound('Circle member');
      await people.withdrawCircleConsent(personAccess(request), request.params.memberId, today());
      return reply.redirect(`/people/${request.params.personId}#circle`, 303);
    },
  );
};

function partOf(name: string): PersonPart {
  if (!Object.hasOwn(PERSON_PARTS, name)) throw Problem.notFound('Page');
  return name as PersonPart;
}

function partPage(
  part: PersonPart,
  c: Choices,
  personId: string,
  name: string,
  version: number,
): QuestionPage {
  return {
    title: PERSON_PARTS[part].title,
    caption: name,
    action: `/people/${personId}/edit/${part}`,
    backLink: `/people/${personId}`,
    fields: PERSON_PARTS[part].fields(c),
    hidden: { version },
  };
}

/** Equality information: its own page, read only with `equality.read`, saved with its version. */
export const equalityPages: FastifyPluginAsync<PeopleDeps> = async (app, { services: { people } }) => {
  const page = (personId: string, name: string, version: number): QuestionPage => ({
    title: 'Equality information',
    caption: name,
    intro:
      'We ask these questions to check that support is fair for everyone. Each answer can be “Prefer not to say”. Only the person and the workers holding their case can see the answers.',
    action: `/people/${personId}/equality`,
    backLink: `/people/${personId}`,
    fields: equalityFields,
    hidden: { version },
  });
  app.get<{ Params: { personId: string } }>(
    '/people/:personId/equality',
    personRoute('equality.read'),
    async (request, reply) => {
      const answers = await people.equality(personAccess(request));
      const { name } = await people.header(personAccess(request));
      return showQuestion(
        reply,
        page(request.params.personId, name, answers.version),
        formFrom(equalityFields, answers),
      );
    },
  );
  app.post<{ Params: { personId: string } }>(
    '/people/:personId/equality',
    personRoute('case.write'),
    async (request, reply) => {
      const { name } = await people.header(personAccess(request), 'person.form.open');
      const version = wholeNumber(field(request.body, 'version')) ?? 0;
      const answersOf = (values: FormValues) =>
        Object.fromEntries(
          equalityFields.map((f) => [f.name, text(values, f.name) || null]),
        ) as EqualityAnswers;
      return questionFlow(reply, page(request.params.personId, name, version), request.body, {
        check: (values) => checkEquality(answersOf(values)),
        save: async (values) => {
          await people.setEquality(personAccess(request), answersOf(values), version);
          return `/people/${request.params.personId}#equality`;
        },
      });
    },
  );
};
