import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { todayInLondon } from '../../platform/dates.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import {
  type FieldDef,
  type FormValues,
  formFrom,
  list,
  type QuestionPage,
  questionFlow,
  showQuestion,
  text,
} from '../../platform/http/question-flow.ts';
import { circleFields, legalOrderFields, representativeFields, supportOfferFields } from './form-fields.ts';
import { type Nation, validateRepresentative, type RepresentativeKind } from './rules.ts';
import type { PeopleServices } from './service.ts';
import { checkCircleMember, checkLegalOrder, checkSupportOffer, linesOf } from './validate.ts';

/**
 * The "add" parts of a record (circle member, representative, support offered, legal
 * order): each a question page, a check page and a save, under /people/:personId/<part>/new.
 */
interface Header {
  person: { dateOfBirth: string };
  nation: Nation;
}

interface PartDef {
  title: string;
  fields: FieldDef[];
  initial?: () => Record<string, unknown>;
  check: (values: FormValues, header: Header) => FieldError[];
  save: (people: PeopleServices, access: PersonAccess, values: FormValues) => Promise<unknown>;
  anchor: string;
}

const nullable = (values: FormValues, name: string) => text(values, name).trim() || null;

const circleInput = (v: FormValues) => ({
  name: text(v, 'name'),
  relationship: text(v, 'relationship'),
  maySee: list(v, 'maySee'),
  consentFrom: text(v, 'consentFrom'),
  consentTo: nullable(v, 'consentTo'),
  accountEmail: nullable(v, 'accountEmail'),
});

const representativeInput = (v: FormValues) => ({
  name: text(v, 'name'),
  kind: text(v, 'kind'),
  powers: list(v, 'powers'),
  startDate: text(v, 'startDate'),
  endDate: nullable(v, 'endDate'),
  evidenceReference: nullable(v, 'evidenceReference'),
  accountEmail: nullable(v, 'accountEmail'),
});

const offerInput = (v: FormValues) => ({
  kind: text(v, 'kind'),
  stage: text(v, 'stage'),
  response: text(v, 'response'),
  provider: nullable(v, 'provider'),
  offeredOn: text(v, 'offeredOn'),
  reason: nullable(v, 'reason'),
  notes: nullable(v, 'notes'),
});

const orderInput = (v: FormValues) => ({
  kind: text(v, 'kind'),
  reference: nullable(v, 'reference'),
  madeBy: nullable(v, 'madeBy'),
  startDate: text(v, 'startDate'),
  endDate: nullable(v, 'endDate'),
  nonNegotiables: linesOf(text(v, 'nonNegotiables')),
});

const PARTS: Record<string, PartDef> = {
  circle: {
    title: 'Add someone to the circle of support',
    fields: circleFields,
    initial: () => ({ consentFrom: todayInLondon() }),
    check: (v) => checkCircleMember(circleInput(v)),
    save: (people, access, v) => people.addCircleMember(access, circleInput(v)),
    anchor: 'circle',
  },
  representatives: {
    title: 'Record a representative',
    fields: representativeFields,
    check: (v, header) => {
      const input = representativeInput(v);
      const errors = validateRepresentative(
        { ...input, kind: input.kind as RepresentativeKind },
        { dateOfBirth: header.person.dateOfBirth, nation: header.nation },
      );
      if (!input.name.trim()) errors.unshift({ field: 'name', message: 'Enter the representative’s name' });
      if (!input.evidenceReference)
        errors.push({
          field: 'evidenceReference',
          message: 'Enter where the evidence is, like the Office of the Public Guardian reference',
        });
      return errors;
    },
    save: (people, access, v) => people.addRepresentative(access, representativeInput(v)),
    anchor: 'representatives',
  },
  'support-offers': {
    title: 'Record advocacy or communication support offered',
    fields: supportOfferFields,
    initial: () => ({ offeredOn: todayInLondon() }),
    check: (v) => checkSupportOffer(offerInput(v), todayInLondon()),
    save: (people, access, v) => people.addSupportOffer(access, offerInput(v)),
    anchor: 'support',
  },
  'legal-orders': {
    title: 'Record a legal order and its non-negotiables',
    fields: legalOrderFields,
    check: (v) => checkLegalOrder(orderInput(v)),
    save: (people, access, v) => people.addLegalOrder(access, orderInput(v)),
    anchor: 'legal',
  },
};

export function registerRecordParts(app: FastifyInstance, people: PeopleServices) {
  for (const [slug, part] of Object.entries(PARTS)) {
    const url = `/people/:personId/${slug}/new`;
    const page = (personId: string, name: string): QuestionPage => ({
      title: part.title,
      caption: name,
      action: `/people/${personId}/${slug}/new`,
      backLink: `/people/${personId}#${part.anchor}`,
      fields: part.fields,
    });
    const access = (request: FastifyRequest) => personAccess(request);
    app.get<{ Params: { personId: string } }>(url, personRoute('case.write'), async (request, reply) => {
      const header = await people.header(access(request), 'person.form.open');
      return showQuestion(
        reply,
        page(request.params.personId, header.name),
        formFrom(part.fields, part.initial?.() ?? {}),
      );
    });
    app.post<{ Params: { personId: string } }>(url, personRoute('case.write'), async (request, reply) => {
      const header = await people.header(access(request), 'person.form.open');
      return questionFlow(reply, page(request.params.personId, header.name), request.body, {
        check: (values) => part.check(values, header),
        save: async (values) => {
          await part.save(people, access(request), values);
          return `/people/${request.params.personId}#${part.anchor}`;
        },
      });
    });
  }
}
