/**
 * Checks of what a worker or an API client sends about a person, before anything is saved.
 * Pure: today, the nation and the reference codes are passed in. Every message says what
 * to do (GOV.UK error style) and names the field it belongs to.
 */
import { compareDates, type IsoDate, isIsoDate } from '../../platform/dates.ts';
import { validateChiNumber, validateNhsNumber } from './identifiers.ts';
import {
  CASE_STATUS,
  COMMUNICATION_NEEDS,
  CONSENT_SCOPES,
  EQUALITY_FIELDS,
  type EqualityField,
  LEGAL_ORDER_KINDS,
  REFERRAL_URGENCY,
  SUPPORT_KINDS,
  SUPPORT_RESPONSES,
  SUPPORT_STAGES,
} from './lists.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { validateConsentDates, validateDateOfBirth } from './rules.ts';

export interface PersonFields {
  legalName: string;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: string;
  phone: string | null;
  email: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  locality: string | null;
  chiNumber: string | null;
  nhsNumber: string | null;
  mainLanguage: string;
  interpreterNeeded: boolean;
  communicationNeeds: string[];
  communicationOther: string | null;
  clientGroup: string;
  status: 'referred' | 'open' | 'closed';
  referredBy: string | null;
  referralReason: string | null;
  referralUrgency: 'routine' | 'soon' | 'urgent' | null;
  referredOn: string | null;
  crisis: boolean;
  crisisReason: string | null;
  allocatedTeamId: string | null;
  allocatedWorkerId: string | null;
}

export const PERSON_FIELD_NAMES = [
  'legalName',
  'preferredName',
  'pronouns',
  'dateOfBirth',
  'phone',
  'email',
  'addressLine1',
  'addressLine2',
  'town',
  'postcode',
  'locality',
  'chiNumber',
  'nhsNumber',
  'mainLanguage',
  'interpreterNeeded',
  'communicationNeeds',
  'communicationOther',
  'clientGroup',
  'status',
  'referredBy',
  'referralReason',
  'referralUrgency',
  'referredOn',
  'crisis',
  'crisisReason',
  'allocatedTeamId',
  'allocatedWorkerId',
] as const satisfies readonly (keyof PersonFields)[];

/** Blank text is "no answer": stored as null, never as ''. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;

/** 'eh11 2aa' → 'EH11 2AA'; anything that is not a UK postcode is returned as typed. */
export function normalisePostcode(text: string): string {
  const upper = text.trim().toUpperCase().replace(/\s+/g, ' ');
  const match = POSTCODE.exec(upper);
  return match ? `${match[1]} ${match[2]}` : upper;
}

const hasCode = (list: Record<string, string>, code: string | null | undefined) =>
  typeof code === 'string' && Object.hasOwn(list, code);

/**
 * Checks a whole person record. Identifiers are checked with their check digit; a CHI
 * number must agree with the date of birth. Returns the record with identifiers stored as
 * digits and the postcode in capitals, or the field errors.
 */
export function checkPerson(
  input: PersonFields,
  context: { today: IsoDate; clientGroups: readonly string[] },
): { ok: true; value: PersonFields } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value: PersonFields = { ...input };
  if (!input.legalName?.trim()) errors.push({ field: 'legalName', message: 'Enter their full legal name' });
  else if (input.legalName.length > 200)
    errors.push({ field: 'legalName', message: 'Legal name must be 200 characters or fewer' });
  const dobErrors = validateDateOfBirth(input.dateOfBirth ?? '', context.today);
  errors.push(...dobErrors);
  if (input.chiNumber) {
    const chi = validateChiNumber(input.chiNumber, dobErrors.length ? undefined : input.dateOfBirth);
    if (chi.ok) value.chiNumber = chi.value;
    else errors.push({ field: 'chiNumber', message: chi.message });
  }
  if (input.nhsNumber) {
    const nhs = validateNhsNumber(input.nhsNumber);
    if (nhs.ok) value.nhsNumber = nhs.value;
    else errors.push({ field: 'nhsNumber', message: nhs.message });
  }
  if (input.postcode) {
    value.postcode = normalisePostcode(input.postcode);
    if (!POSTCODE.test(value.postcode))
      errors.push({ field: 'postcode', message: 'Enter a real postcode, like EH1 1YZ' });
  }
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
    errors.push({
      field: 'email',
      message: 'Enter an email address in the correct format, like name@example.org',
    });
  if (input.phone && !/^[+\d][\d\s()-]{5,24}$/.test(input.phone))
    errors.push({ field: 'phone', message: 'Enter a phone number, like 0131 496 0000 or +44 7700 900 982' });
  if (!input.mainLanguage?.trim())
    errors.push({ field: 'mainLanguage', message: 'Enter the language they speak best' });
  for (const need of input.communicationNeeds ?? []) {
    if (!hasCode(COMMUNICATION_NEEDS, need))
      errors.push({
        field: 'communicationNeeds',
        message: `"${need}" is not a communication need on the list`,
      });
  }
  if (input.communicationNeeds?.includes('other') && !input.communicationOther)
    errors.push({
      field: 'communicationOther',
      message: 'Describe the other communication support they need',
    });
  if (!context.clientGroups.includes(input.clientGroup))
    errors.push({ field: 'clientGroup', message: 'Select a client group' });
  if (!hasCode(CASE_STATUS, input.status)) errors.push({ field: 'status', message: 'Select a status' });
  if (input.referralUrgency !== null && !hasCode(REFERRAL_URGENCY, input.referralUrgency))
    errors.push({ field: 'referralUrgency', message: 'Select how urgent the referral is' });
  if (input.referredOn) {
    if (!isIsoDate(input.referredOn))
      errors.push({ field: 'referredOn', message: 'Date of referral must be a real date' });
    else if (compareDates(input.referredOn, context.today) > 0)
      errors.push({ field: 'referredOn', message: 'Date of referral must be today or in the past' });
  }
  if (input.crisis && !input.crisisReason)
    errors.push({
      field: 'crisisReason',
      message: 'Say why this is a crisis, so others know why it is fast-tracked',
    });
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

export type EqualityAnswers = Record<EqualityField, string | null>;

/** Each answer is from its list (which always includes "prefer not to say") or not yet asked (null). */
export function checkEquality(input: EqualityAnswers): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, { label, options }] of Object.entries(EQUALITY_FIELDS)) {
    const answer = input[field as EqualityField];
    if (answer !== null && !hasCode(options, answer))
      errors.push({ field, message: `Select an answer for ${label.toLowerCase()}, or "Prefer not to say"` });
  }
  return errors;
}

export interface CircleMemberInput {
  name: string;
  relationship: string;
  maySee: string[];
  consentFrom: string;
  consentTo: string | null;
  accountEmail: string | null;
}

export function checkCircleMember(input: CircleMemberInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.name?.trim()) errors.push({ field: 'name', message: 'Enter their name' });
  if (!input.relationship?.trim())
    errors.push({ field: 'relationship', message: 'Enter how they know the person, like “my sister”' });
  for (const scope of input.maySee) {
    if (!hasCode(CONSENT_SCOPES, scope))
      errors.push({ field: 'maySee', message: `"${scope}" is not something consent can cover` });
  }
  const dates = validateConsentDates(input.consentFrom, input.consentTo).map((e) => ({
    field: e.field === 'startDate' ? 'consentFrom' : 'consentTo',
    message: e.message.replace('End date', 'The date consent ends'),
  }));
  errors.push(...dates);
  return errors;
}

export interface SupportOfferInput {
  kind: string;
  stage: string;
  response: string;
  provider: string | null;
  offeredOn: string;
  /** Why it was not offered: needed when the response is 'not_offered', refused otherwise. */
  reason?: string | null;
  notes: string | null;
}

/**
 * An offer of advocacy or communication support, or a record that none was offered and why.
 * Who provides it is optional (the person may not have chosen yet); the date is the day it was
 * offered or, when it was not, the day that was decided; never in the future.
 */
export function checkSupportOffer(input: SupportOfferInput, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  if (!hasCode(SUPPORT_KINDS, input.kind))
    errors.push({ field: 'kind', message: 'Select the kind of support' });
  if (!hasCode(SUPPORT_STAGES, input.stage)) errors.push({ field: 'stage', message: 'Select the stage' });
  if (!hasCode(SUPPORT_RESPONSES, input.response))
    errors.push({
      field: 'response',
      message: 'Select whether it was accepted or declined, or that it was not offered',
    });
  const reason = input.reason?.trim() ?? '';
  if (input.response === 'not_offered' && !reason)
    errors.push({ field: 'reason', message: 'Enter why independent advocacy or support was not offered' });
  if (input.response !== 'not_offered' && reason)
    errors.push({ field: 'reason', message: 'Only give a reason when it was not offered' });
  if (reason.length > 2000)
    errors.push({ field: 'reason', message: 'The reason must be 2,000 characters or fewer' });
  if ((input.provider ?? '').length > 200)
    errors.push({ field: 'provider', message: 'Who provides it must be 200 characters or fewer' });
  if (!isIsoDate(input.offeredOn ?? ''))
    errors.push({ field: 'offeredOn', message: 'Enter the date it was offered' });
  else if (compareDates(input.offeredOn, today) > 0)
    errors.push({ field: 'offeredOn', message: 'The date it was offered must be today or in the past' });
  return errors;
}

export interface LegalOrderInput {
  kind: string;
  reference: string | null;
  madeBy: string | null;
  startDate: string;
  endDate: string | null;
  nonNegotiables: string[];
}

export function checkLegalOrder(input: LegalOrderInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!hasCode(LEGAL_ORDER_KINDS, input.kind))
    errors.push({ field: 'kind', message: 'Select the kind of order' });
  if (!input.nonNegotiables.length)
    errors.push({
      field: 'nonNegotiables',
      message: 'Enter the conditions of the order – one per line – so they are shown as non-negotiables',
    });
  const dates = validateConsentDates(input.startDate, input.endDate).map((e) => ({
    field: e.field,
    message: e.field === 'startDate' ? 'Enter the date the order starts' : e.message,
  }));
  errors.push(...dates);
  return errors;
}

/** A textarea with one condition per line → the list of conditions, blank lines dropped. */
export function linesOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
