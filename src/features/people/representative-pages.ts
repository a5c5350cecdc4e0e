import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatDate, todayInLondon } from '../../platform/dates.ts';
import { field } from '../../platform/http/forms.ts';
import { Problem } from '../../platform/http/problem.ts';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import {
  type FieldDef,
  type FormValues,
  formFrom,
  itemsFrom,
  list,
  type QuestionPage,
  questionFlow,
  showQuestion,
  text,
} from '../../platform/http/question-flow.ts';
import { changedUnderYou, checkChange, checkEnd } from './representative-changes.ts';
import type { PeopleServices } from './service.ts';
import type { RepresentativeRow } from './representative-history.ts';
import { REPRESENTATIVE_KINDS, REPRESENTATIVE_POWERS } from './rules.ts';

/**
 * Staff pages to change or end a representative's authority: a question page, check your
 * answers, then save. The form carries the end date it was opened with, so a save that
 * crosses someone else's change is refused instead of building on an old version.
 */
const changeFields: FieldDef[] = [
  {
    name: 'powers',
    label: 'What the authority lets them do from the change',
    hint: 'Select all that the legal document now gives them',
    type: 'checkboxes',
    items: itemsFrom(REPRESENTATIVE_POWERS),
  },
  {
    name: 'changeFrom',
    label: 'The change starts on',
    hint: 'The current powers stop the day before. For example, 27 3 2026',
    type: 'date',
  },
  {
    name: 'endDate',
    label: 'Authority ends on',
    hint: 'Leave blank if it has no end date. A parent’s authority ends when the child turns 16 in Scotland, 18 in England.',
    type: 'date',
    optional: true,
  },
  {
    name: 'evidenceReference',
    label: 'Evidence for the change',
    hint: 'For example, the court reference for a varied order, or the Office of the Public Guardian reference',
    type: 'text',
  },
];

const endFields: FieldDef[] = [
  {
    name: 'endDate',
    label: 'Last day they can act',
    hint: 'They lose access to the record after this day. For example, 31 3 2026',
    type: 'date',
  },
];

const changeInput = (v: FormValues) => ({
  powers: list(v, 'powers'),
  changeFrom: text(v, 'changeFrom'),
  endDate: text(v, 'endDate').trim() || null,
  evidenceReference: text(v, 'evidenceReference').trim() || null,
});

const describeRep = (r: RepresentativeRow) =>
  `${r.name}, ${(REPRESENTATIVE_KINDS as Record<string, string>)[r.kind]?.toLowerCase() ?? r.kind}`;

type Params = { personId: string; representativeId: string };
type FoundRepresentative = Awaited<ReturnType<PeopleServices['representative']>>;

/** Someone else changed or ended it since the form was opened: say so rather than check stale answers. */
function stillAsSeen(found: FoundRepresentative, seenEndDate: string) {
  if (!found.changeable || (found.representative.endDate ?? '') !== seenEndDate) throw changedUnderYou();
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerRepresentativePages(app: FastifyInstance, people: PeopleServices) {
  const access = (request: FastifyRequest) => personAccess(request);
  const config = personRoute('case.write');

  /**
   * The representative as stored now. A form is only opened on the current version; a post
   * goes on to the save, whose checks refuse a replaced version inside the form's error summary.
   */
  async function load(request: FastifyRequest<{ Params: Params }>, opening = false) {
    if (!UUID.test(request.params.representativeId)) throw Problem.notFound('Representative');
    const found = await people.representative(access(request), request.params.representativeId);
    if (opening && !found.changeable)
      throw Problem.conflict(
        'This authority has ended or has been replaced by a change. Open the record again to see the current version.',
      );
    return found;
  }

  const changePage = (p: Params, found: FoundRepresentative, seenEndDate: string): QuestionPage => ({
    title: `Change what ${found.representative.name} can do`,
    caption: found.person.name,
    intro: `${describeRep(found.representative)}, from ${formatDate(found.representative.startDate)}. Their current powers are kept in the record’s history and stop the day before the change starts.`,
    action: `/people/${p.personId}/representatives/${p.representativeId}/change`,
    backLink: `/people/${p.personId}#representatives`,
    fields: changeFields,
    hidden: { seenEndDate },
    checkTitle: 'Check the change before you save it',
    saveText: 'Save the change',
  });

  app.get<{ Params: Params }>(
    '/people/:personId/representatives/:representativeId/change',
    config,
    async (request, reply) => {
      const found = await load(request, true);
      const r = found.representative;
      return showQuestion(
        reply,
        changePage(request.params, found, r.endDate ?? ''),
        formFrom(changeFields, {
          powers: r.powers,
          changeFrom: todayInLondon(),
          endDate: r.endDate,
          evidenceReference: r.evidenceReference,
        }),
      );
    },
  );
  app.post<{ Params: Params }>(
    '/people/:personId/representatives/:representativeId/change',
    config,
    async (request, reply) => {
      const found = await load(request);
      const seenEndDate = field(request.body, 'seenEndDate');
      return questionFlow(reply, changePage(request.params, found, seenEndDate), request.body, {
        check: (values) => {
          stillAsSeen(found, seenEndDate);
          return checkChange(found.representative, changeInput(values), {
            dateOfBirth: found.person.dateOfBirth,
            nation: found.nation,
          });
        },
        save: async (values) => {
          await people.changeRepresentative(
            access(request),
            request.params.representativeId,
            changeInput(values),
            seenEndDate,
          );
          return `/people/${request.params.personId}#representatives`;
        },
      });
    },
  );

  const endPage = (p: Params, found: FoundRepresentative, seenEndDate: string): QuestionPage => ({
    title: `End ${found.representative.name}’s authority`,
    caption: found.person.name,
    intro: `${describeRep(found.representative)}, from ${formatDate(found.representative.startDate)}. After the last day they can no longer act for ${found.person.name} or see their record here. The record keeps what they could do and when.`,
    action: `/people/${p.personId}/representatives/${p.representativeId}/end`,
    backLink: `/people/${p.personId}#representatives`,
    fields: endFields,
    hidden: { seenEndDate },
    checkTitle: 'Check before you end this authority',
    saveText: 'End the authority',
  });

  app.get<{ Params: Params }>(
    '/people/:personId/representatives/:representativeId/end',
    config,
    async (request, reply) => {
      const found = await load(request, true);
      return showQuestion(
        reply,
        endPage(request.params, found, found.representative.endDate ?? ''),
        formFrom(endFields, { endDate: todayInLondon() }),
      );
    },
  );
  app.post<{ Params: Params }>(
    '/people/:personId/representatives/:representativeId/end',
    config,
    async (request, reply) => {
      const found = await load(request);
      const seenEndDate = field(request.body, 'seenEndDate');
      return questionFlow(reply, endPage(request.params, found, seenEndDate), request.body, {
        check: (values) => {
          stillAsSeen(found, seenEndDate);
          return checkEnd(found.representative, text(values, 'endDate'));
        },
        save: async (values) => {
          await people.endRepresentative(
            access(request),
            request.params.representativeId,
            text(values, 'endDate'),
            seenEndDate,
          );
          return `/people/${request.params.personId}#representatives`;
        },
      });
    },
  );
}
