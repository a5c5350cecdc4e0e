import { z } from 'zod';
import { enumOf, int4 } from '../../platform/http/api-schemas.ts';
import { CLIENT_GROUPS } from './client-groups.ts';
import { SUPPORT_KINDS, SUPPORT_RESPONSES, SUPPORT_STAGES } from './lists.ts';
import { REPRESENTATIVE_KINDS, REPRESENTATIVE_POWERS } from './rules.ts';
import { blankToNull, type PersonFields } from './validate.ts';
import { EMPTY_PERSON } from './service.ts';

/** Zod shapes of the people API: what clients send and what they get back (and the OpenAPI). */

const text = (max: number) => z.string().max(max).nullable().optional();
const isoDate = z.string().max(10).describe('ISO date, YYYY-MM-DD');

export const personBody = z
  .object({
    legalName: z.string().max(200),
    preferredName: text(100),
    pronouns: text(40),
    dateOfBirth: isoDate,
    phone: text(30),
    email: text(320),
    addressLine1: text(200),
    addressLine2: text(200),
    town: text(100),
    postcode: text(10),
    locality: text(100),
    chiNumber: text(14).describe('Scotland’s CHI number; spaces allowed; checked with its check digit'),
    nhsNumber: text(14).describe('England’s NHS number; spaces allowed; checked with its check digit'),
    mainLanguage: z.string().max(60).optional(),
    interpreterNeeded: z.boolean().optional(),
    communicationNeeds: z.array(z.string().max(40)).max(10).optional(),
    communicationOther: text(500),
    clientGroup: enumOf(CLIENT_GROUPS),
    status: z.enum(['referred', 'open', 'closed']).optional(),
    referredBy: text(200),
    referralReason: text(2000),
    referralUrgency: z.enum(['routine', 'soon', 'urgent']).nullable().optional(),
    referredOn: isoDate.nullable().optional(),
    crisis: z.boolean().optional(),
    crisisReason: text(1000),
    allocatedTeamId: z.uuid().nullable().optional(),
    allocatedWorkerId: z.uuid().nullable().optional(),
  })
  .strict();

export const personPatch = personBody.partial().extend({ version: int4.positive() }).strict();

const TEXT_FIELDS = new Set([
  'preferredName',
  'pronouns',
  'phone',
  'email',
  'addressLine1',
  'addressLine2',
  'town',
  'postcode',
  'locality',
  'chiNumber',
  'nhsNumber',
  'communicationOther',
  'referredBy',
  'referralReason',
  'referredOn',
  'crisisReason',
]);

/** Blank optional text is "no answer"; fields not sent keep their value (patch) or default (create). */
export function toPersonFields(body: Partial<z.infer<typeof personBody>>): Partial<PersonFields> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'version' || value === undefined) continue;
    out[key] = TEXT_FIELDS.has(key) ? blankToNull(value as string | null) : value;
  }
  return out as Partial<PersonFields>;
}

export const newPersonFields = (body: z.infer<typeof personBody>): PersonFields => ({
  ...EMPTY_PERSON,
  ...toPersonFields(body),
});

export const personSchema = z.object({
  id: z.uuid(),
  legalName: z.string(),
  preferredName: z.string().nullable(),
  pronouns: z.string().nullable(),
  dateOfBirth: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  locality: z.string().nullable(),
  chiNumber: z.string().nullable(),
  nhsNumber: z.string().nullable(),
  mainLanguage: z.string(),
  interpreterNeeded: z.boolean(),
  communicationNeeds: z.array(z.string()),
  communicationOther: z.string().nullable(),
  clientGroup: z.string(),
  status: z.string(),
  referredBy: z.string().nullable(),
  referralReason: z.string().nullable(),
  referralUrgency: z.string().nullable(),
  referredOn: z.string().nullable(),
  crisis: z.boolean(),
  crisisReason: z.string().nullable(),
  allocatedTeamId: z.string().nullable(),
  allocatedWorkerId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const circleMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  relationship: z.string(),
  maySee: z.array(z.string()),
  consentFrom: z.string(),
  consentTo: z.string().nullable(),
  consentWithdrawnOn: z.string().nullable(),
  userId: z.string().nullable(),
});

export const circleBody = z
  .object({
    name: z.string().max(200),
    relationship: z.string().max(200),
    maySee: z.array(z.string().max(40)).max(5),
    consentFrom: isoDate,
    consentTo: isoDate.nullable().optional(),
    accountEmail: z.string().max(320).nullable().optional().describe('Links their account, if they have one'),
  })
  .strict();

export const representativeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  powers: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string().nullable(),
  evidenceReference: z.string().nullable(),
  userId: z.string().nullable(),
});

export const representativeBody = z
  .object({
    name: z.string().max(200),
    kind: z.string().max(60).describe(Object.keys(REPRESENTATIVE_KINDS).join(', ')),
    powers: z.array(z.string().max(40)).max(10).describe(Object.keys(REPRESENTATIVE_POWERS).join(', ')),
    startDate: isoDate,
    endDate: isoDate.nullable().optional(),
    evidenceReference: z.string().max(200).nullable().optional(),
    accountEmail: z.string().max(320).nullable().optional(),
  })
  .strict();

export const representativeChangeBody = z
  .object({
    powers: z.array(z.string().max(40)).max(10).describe(Object.keys(REPRESENTATIVE_POWERS).join(', ')),
    changeFrom: isoDate.describe('The first day the new powers and dates apply'),
    endDate: isoDate.nullable().optional(),
    evidenceReference: z.string().max(200).nullable().optional(),
  })
  .strict();

export const supportOfferSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  stage: z.string(),
  response: z.string(),
  provider: z.string().nullable(),
  offeredOn: z.string(),
  reason: z.string().nullable(),
  notes: z.string().nullable(),
});

export const supportOfferBody = z
  .object({
    kind: enumOf(SUPPORT_KINDS),
    stage: enumOf(SUPPORT_STAGES).describe(
      'Where in the journey. The eligibility, budget, options and plan pages ask until one is recorded for eligibility, budget, options and planning.',
    ),
    response: enumOf(SUPPORT_RESPONSES).describe(
      "What the person said; 'not_offered' when it was not offered (then give the reason)",
    ),
    provider: z.string().max(200).nullable().optional().describe('Who provides it; optional'),
    offeredOn: isoDate.describe('The day it was offered (or it was decided not to); never in the future'),
    reason: z
      .string()
      .max(2000)
      .nullable()
      .optional()
      .describe("Why it was not offered: required with 'not_offered', refused otherwise"),
    notes: z.string().max(2000).nullable().optional(),
  })
  .strict();

export const legalOrderSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  reference: z.string().nullable(),
  madeBy: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  nonNegotiables: z.array(z.string()),
});

export const legalOrderBody = z
  .object({
    kind: z.string().max(40),
    reference: z.string().max(100).nullable().optional(),
    madeBy: z.string().max(200).nullable().optional(),
    startDate: isoDate,
    endDate: isoDate.nullable().optional(),
    nonNegotiables: z.array(z.string().max(1000)).max(30),
  })
  .strict();

export const equalitySchema = z.object({
  ethnicity: z.string().nullable(),
  disability: z.string().nullable(),
  sex: z.string().nullable(),
  genderIdentity: z.string().nullable(),
  religion: z.string().nullable(),
  version: z.number().int().describe('0 when nothing has been recorded yet'),
});

export const caseQuery = z.object({
  q: z.string().max(100).optional().describe('Name, or the start of a CHI or NHS number'),
  workerId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  status: z.enum(['referred', 'open', 'closed']).optional(),
  crisis: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'dateOfBirth', 'updated', 'crisis']).default('name'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
