import type { FieldError } from '../../platform/http/problem.ts';

/**
 * What a council is set up with, checked as plain functions (no I/O): the same checks for the
 * operator's pages and the API. Each returns every problem at once, each naming its field.
 */

/** Which nation's law and guidance apply; fixed once the council is created. */
export const NATIONS = ['scotland', 'england'] as const;
export type Nation = (typeof NATIONS)[number];
export const NATION_LABELS: Record<Nation, string> = { scotland: 'Scotland', england: 'England' };

/** The details a council keeps, and may change: its letters' address and contact, its data controller. */
export const DETAIL_FIELDS = [
  'name',
  'addressLine1',
  'addressLine2',
  'town',
  'postcode',
  'phone',
  'email',
  'website',
  'howToContact',
  'dataControllerName',
  'dataControllerAddress',
  'dataControllerEmail',
  'dataProtectionOfficerEmail',
  'dataProtectionOfficerPhone',
  'icoRegistrationNumber',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
/** As typed: '' for an answer left blank. */
export type CouncilDetails = Record<DetailField, string>;

/** A new council: its details, its fixed nation and code, and its first administrator. */
export interface NewCouncil extends CouncilDetails {
  nation: string;
  code: string;
  administratorName: string;
  administratorEmail: string;
}

/** A council's code: its public addresses (`/c/{code}/…`) use it, so lower case, digits and dashes. */
export const CODE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
const PHONE = /^\+?[0-9][0-9 ()-]{5,22}[0-9]$/;
/** The ICO's register of fee payers: Z and seven digits, or Z, a letter and six digits. */
const ICO_NUMBER = /^Z[A-Z0-9][0-9]{6}$/;
const WEBSITE = /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i;

/** Plain labels, used in messages and on the check-your-answers page. */
export const FIELD_LABELS: Record<
  DetailField | 'nation' | 'code' | 'administratorName' | 'administratorEmail',
  string
> = {
  nation: 'Nation',
  name: 'Council name',
  code: 'Code',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  town: 'Town or city',
  postcode: 'Postcode',
  phone: 'Phone number',
  email: 'Email address for the public',
  website: 'Website',
  howToContact: 'How to contact the council',
  dataControllerName: 'Data controller',
  dataControllerAddress: 'Data controller’s address',
  dataControllerEmail: 'Data controller’s email address',
  dataProtectionOfficerEmail: 'Data protection officer’s email address',
  dataProtectionOfficerPhone: 'Data protection officer’s phone number',
  icoRegistrationNumber: 'ICO registration number',
  administratorName: 'First administrator’s full name',
  administratorEmail: 'First administrator’s email address',
};

const REQUIRED: Partial<Record<DetailField, string>> = {
  name: 'Enter the council’s name',
  addressLine1: 'Enter the first line of the council’s address',
  town: 'Enter the town or city',
  postcode: 'Enter the postcode',
  email: 'Enter an email address people can write to',
  dataControllerName: 'Enter who the data controller is (usually the council itself)',
  dataControllerAddress: 'Enter the data controller’s address',
  dataControllerEmail: 'Enter the data controller’s email address',
  dataProtectionOfficerEmail: 'Enter the data protection officer’s email address',
  icoRegistrationNumber: 'Enter the ICO registration number',
};

const MAX_LENGTH: Record<DetailField, number> = {
  name: 120,
  addressLine1: 120,
  addressLine2: 120,
  town: 80,
  postcode: 10,
  phone: 30,
  email: 254,
  website: 200,
  howToContact: 600,
  dataControllerName: 120,
  dataControllerAddress: 400,
  dataControllerEmail: 254,
  dataProtectionOfficerEmail: 254,
  dataProtectionOfficerPhone: 30,
  icoRegistrationNumber: 8,
};

const FORMAT: Partial<Record<DetailField, { test: (value: string) => boolean; message: string }>> = {
  postcode: { test: (v) => POSTCODE.test(v), message: 'Enter a real postcode, like EH1 1YZ' },
  phone: { test: (v) => PHONE.test(v), message: 'Enter a phone number, like 0131 496 0123' },
  email: {
    test: (v) => EMAIL.test(v),
    message: 'Enter an email address in the correct format, like name@example.org',
  },
  website: { test: (v) => WEBSITE.test(v), message: 'Enter the website’s full address, starting https://' },
  dataControllerEmail: {
    test: (v) => EMAIL.test(v),
    message: 'Enter an email address in the correct format, like name@example.org',
  },
  dataProtectionOfficerEmail: {
    test: (v) => EMAIL.test(v),
    message: 'Enter an email address in the correct format, like name@example.org',
  },
  dataProtectionOfficerPhone: {
    test: (v) => PHONE.test(v),
    message: 'Enter a phone number, like 0131 496 0123',
  },
  icoRegistrationNumber: {
    test: (v) => ICO_NUMBER.test(v),
    message: 'Enter the ICO registration number as it is on the register, like Z1234567 or ZA123456',
  },
};

/** Details trimmed, postcode and ICO number in capitals: what is stored. */
export function tidyDetails(details: CouncilDetails): CouncilDetails {
  const tidy = Object.fromEntries(DETAIL_FIELDS.map((f) => [f, (details[f] ?? '').trim()])) as CouncilDetails;
  tidy.postcode = tidy.postcode.toUpperCase();
  tidy.icoRegistrationNumber = tidy.icoRegistrationNumber.toUpperCase();
  return tidy;
}

/** Every problem with a council's details (required answers, lengths, formats). */
export function detailErrors(details: CouncilDetails): FieldError[] {
  const tidy = tidyDetails(details);
  const errors: FieldError[] = [];
  for (const field of DETAIL_FIELDS) {
    const value = tidy[field];
    if (!value) {
      const required = REQUIRED[field];
      if (required) errors.push({ field, message: required });
      continue;
    }
    if (value.length > MAX_LENGTH[field]) {
      errors.push({
        field,
        message: `${FIELD_LABELS[field]} must be ${MAX_LENGTH[field]} characters or fewer`,
      });
      continue;
    }
    const format = FORMAT[field];
    if (format && !format.test(value)) errors.push({ field, message: format.message });
  }
  return errors;
}

/** The problem with a proposed code, or null. Whether another council has it is the service's question. */
export function codeError(code: string): FieldError | null {
  const value = code.trim();
  if (!value) return { field: 'code', message: 'Enter a code for the council’s web addresses' };
  if (value.length > 40) return { field: 'code', message: 'Code must be 40 characters or fewer' };
  if (!CODE_PATTERN.test(value))
    return {
      field: 'code',
      message:
        'Code must use only lower-case letters, numbers and dashes, and start and end with a letter or number',
    };
  return null;
}

export const isNation = (value: string): value is Nation => (NATIONS as readonly string[]).includes(value);

/** Every problem with a new council, at once (but not a code or e-mail already in use). */
export function newCouncilErrors(council: NewCouncil): FieldError[] {
  const errors: FieldError[] = [];
  if (!isNation(council.nation)) errors.push({ field: 'nation', message: 'Select Scotland or England' });
  errors.push(...detailErrors(council).filter((e) => e.field === 'name'));
  const code = codeError(council.code);
  if (code) errors.push(code);
  errors.push(...detailErrors(council).filter((e) => e.field !== 'name'));
  const name = council.administratorName.trim();
  if (!name)
    errors.push({ field: 'administratorName', message: 'Enter the first administrator’s full name' });
  else if (name.length > 120)
    errors.push({ field: 'administratorName', message: 'Full name must be 120 characters or fewer' });
  const email = council.administratorEmail.trim();
  if (!email)
    errors.push({ field: 'administratorEmail', message: 'Enter the first administrator’s email address' });
  else if (email.length > 254 || !EMAIL.test(email))
    errors.push({
      field: 'administratorEmail',
      message: 'Enter an email address in the correct format, like name@example.org',
    });
  return errors;
}
