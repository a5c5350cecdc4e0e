/**
 * The council's own settings, as pure checks: its funding streams (the national defaults plus
 * local ones) and the letter address and contact details its letters and public pages show.
 */
import { FUNDING_STREAMS } from '../../platform/funding-streams.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../../platform/http/input.ts';

// ---- Funding streams ----------------------------------------------------------------------

export interface FundingStreamView {
  code: string;
  label: string;
  description: string;
  active: boolean;
  /** One of the national defaults (its code is one every council has). */
  national: boolean;
}

/** The stream that pays the rest of every budget (budgets/funding.ts): renamed, never retired. */
export const COUNCIL_STREAM = 'council_social_care';

export const MAX_STREAM_TEXT = 500;

/** What every council starts with: the national list, all in use. */
export function nationalStreams(): FundingStreamView[] {
  return Object.entries(FUNDING_STREAMS).map(([code, label]) => ({
    code,
    label,
    description: '',
    active: true,
    national: true,
  }));
}

const CODE = /^[a-z][a-z0-9_]{0,59}$/;

/** 'Carers’ short breaks fund' → 'carers_short_breaks_fund': the code a new stream gets unless given one. */
export function codeFromLabel(label: string): string {
  const code = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[_0-9]+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/, '');
  return code;
}

export interface FundingStreamInput {
  label: string;
  /** Only when adding: empty means "make one from the label". */
  code?: string;
  description: string;
}

const textErrors = (field: string, value: string, what: string, required: boolean): FieldError[] => {
  if (hasUnstorableText(value)) return [{ field, message: UNSTORABLE_TEXT_MESSAGE }];
  if (required && value.trim() === '') return [{ field, message: `Enter ${what}` }];
  if (value.length > MAX_STREAM_TEXT)
    return [{ field, message: `${capitalise(what)} must be ${MAX_STREAM_TEXT} characters or fewer` }];
  return [];
};
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A stream's name, code and description, against the council's other streams: a name and a
 * code each used once (names compared ignoring case and spaces). `ownCode` is the stream being
 * renamed, when renaming.
 */
export function fundingStreamErrors(
  input: FundingStreamInput,
  streams: readonly FundingStreamView[],
  ownCode?: string,
): FieldError[] {
  const errors = [
    ...textErrors('label', input.label, 'the funding stream’s name', true),
    ...textErrors('description', input.description, 'the description', false),
  ];
  const others = streams.filter((s) => s.code !== ownCode);
  const label = tidy(input.label);
  if (!errors.some((e) => e.field === 'label') && others.some((s) => tidy(s.label) === label))
    errors.push({
      field: 'label',
      message: `There is already a funding stream called ${input.label.trim()}`,
    });
  if (ownCode === undefined) {
    const given = (input.code ?? '').trim();
    const code = given || codeFromLabel(input.label);
    if (hasUnstorableText(given)) errors.push({ field: 'code', message: UNSTORABLE_TEXT_MESSAGE });
    else if (given && !CODE.test(given))
      errors.push({
        field: 'code',
        message:
          'The code must start with a letter and use only small letters, numbers and underscores, 60 characters or fewer',
      });
    else if (!given && !errors.some((e) => e.field === 'label') && !CODE.test(code))
      errors.push({ field: 'code', message: 'Enter a code: the name has no letters to make one from' });
    else if (streams.some((s) => s.code === code))
      errors.push({ field: 'code', message: `The code ${code} is already used: enter another` });
  }
  return errors;
}

const tidy = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Why a stream cannot be retired, or null. */
export function retireRefusal(stream: FundingStreamView): string | null {
  if (stream.code === COUNCIL_STREAM)
    return `${stream.label} pays the rest of every budget, so it cannot be retired. You can rename it.`;
  return null;
}

/**
 * Whether a stream may be chosen for a new budget or cost line: it must be one of the council's
 * and still in use. Returns the message for the field, or null.
 */
export function streamChoiceError(code: string, streams: readonly FundingStreamView[]): string | null {
  const stream = streams.find((s) => s.code === code);
  if (!stream) return 'Select a funding stream from the list';
  if (!stream.active)
    return `${stream.label} is no longer used for new support: select another funding stream`;
  return null;
}

/** The label a stored code shows: the council's own (retired ones too), else the national one. */
export function streamLabel(code: string, streams: readonly FundingStreamView[]): string {
  return (
    streams.find((s) => s.code === code)?.label ??
    (FUNDING_STREAMS as Record<string, string>)[code] ??
    code.replaceAll('_', ' ')
  );
}

// ---- Letter address and contact details ----------------------------------------------------

/** The columns of `authorities` an administrator edits, in the order the form asks them. */
export const DETAIL_FIELDS = {
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  town: 'Town or city',
  postcode: 'Postcode',
  phone: 'Phone number',
  email: 'Email address',
  website: 'Website',
  howToContact: 'How to contact the council',
} as const;
export type DetailField = keyof typeof DETAIL_FIELDS;
export const DETAIL_FIELD_NAMES = Object.keys(DETAIL_FIELDS) as DetailField[];

export type CouncilDetails = Record<DetailField, string | null>;

const MAX_LINE = 200;
const MAX_HOW_TO_CONTACT = 1000;
const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim().replace(/\s+/g, ' ') ?? '';
  return trimmed === '' ? null : trimmed;
};

/** 'www.x.gov.uk' → 'https://www.x.gov.uk'; anything with a scheme is left as typed. */
function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`;
}

/** Trimmed, blanks as null, the postcode in capitals with its space, a website with https://. */
export function normaliseDetails(
  input: Partial<Record<DetailField, string | null | undefined>>,
): CouncilDetails {
  const out = {} as CouncilDetails;
  for (const name of DETAIL_FIELD_NAMES) {
    // How to contact may run to a few lines; the others are single lines.
    const value =
      name === 'howToContact'
        ? (input[name] ?? '').trim() === ''
          ? null
          : (input[name] ?? '').trim()
        : blankToNull(input[name]);
    out[name] = value;
  }
  if (out.postcode) {
    const upper = out.postcode.toUpperCase();
    const match = POSTCODE.exec(upper);
    out.postcode = match ? `${match[1]} ${match[2]}` : upper;
  }
  if (out.website) out.website = withScheme(out.website);
  return out;
}

/** A UK phone number: 10 or 11 digits from 0, or +44 and 9 or 10 digits; spaces, brackets and dashes allowed. */
export function isUkPhone(text: string): boolean {
  if (!/^[+\d][\d\s()-]*$/.test(text)) return false;
  const digits = text.replace(/[\s()-]/g, '');
  return /^0\d{9,10}$/.test(digits) || /^\+44\d{9,10}$/.test(digits);
}

export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(withScheme(text));
    return (url.protocol === 'https:' || url.protocol === 'http:') && /\.[a-z]{2,}$/i.test(url.hostname);
  } catch {
    return false;
  }
}

/** Field errors for the details as typed (before normalising): formats, lengths, hidden characters. */
export function councilDetailsErrors(
  input: Partial<Record<DetailField, string | null | undefined>>,
): FieldError[] {
  const errors: FieldError[] = [];
  const value = normaliseDetails(input);
  for (const name of DETAIL_FIELD_NAMES) {
    const raw = input[name] ?? '';
    const max = name === 'howToContact' ? MAX_HOW_TO_CONTACT : MAX_LINE;
    if (hasUnstorableText(raw)) errors.push({ field: name, message: UNSTORABLE_TEXT_MESSAGE });
    else if (raw.length > max)
      errors.push({ field: name, message: `${DETAIL_FIELDS[name]} must be ${max} characters or fewer` });
  }
  const bad = (name: DetailField) => errors.some((e) => e.field === name);
  if (value.postcode && !bad('postcode') && !POSTCODE.test(value.postcode))
    errors.push({ field: 'postcode', message: 'Enter a real postcode, like EH1 1YJ' });
  if (value.phone && !bad('phone') && !isUkPhone(value.phone))
    errors.push({
      field: 'phone',
      message: 'Enter a UK phone number, like 0131 200 2000 or +44 131 200 2000',
    });
  if (value.email && !bad('email') && !EMAIL.test(value.email))
    errors.push({
      field: 'email',
      message: 'Enter an email address in the correct format, like name@example.gov.uk',
    });
  if (value.website && !bad('website') && !isWebAddress(value.website))
    errors.push({ field: 'website', message: 'Enter a web address, like www.example.gov.uk' });
  if (!value.addressLine1 && (value.town || value.postcode) && !bad('addressLine1'))
    errors.push({ field: 'addressLine1', message: 'Enter the first line of the address' });
  return errors;
}

export interface DetailChange {
  field: DetailField;
  label: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

/** Each field before and after, in the form's order. */
export function detailChanges(before: CouncilDetails, after: CouncilDetails): DetailChange[] {
  return DETAIL_FIELD_NAMES.map((field) => ({
    field,
    label: DETAIL_FIELDS[field],
    before: before[field],
    after: after[field],
    changed: before[field] !== after[field],
  }));
}
