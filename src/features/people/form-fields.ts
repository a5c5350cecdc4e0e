import {
  type FieldDef,
  type FormValues,
  itemsFrom,
  list,
  text,
  yes,
} from '../../platform/http/question-flow.ts';
import {
  CASE_STATUS,
  COMMUNICATION_NEEDS,
  CONSENT_SCOPES,
  EQUALITY_FIELDS,
  LEGAL_ORDER_KINDS,
  REFERRAL_URGENCY,
  SUPPORT_KINDS,
  SUPPORT_RESPONSES,
  SUPPORT_STAGES,
} from './lists.ts';
import { REPRESENTATIVE_KINDS, REPRESENTATIVE_POWERS } from './rules.ts';
import type { PersonFields } from './validate.ts';

/** The question pages of the person record: each part is a short list of related questions. */

export interface Choices {
  clientGroups: { code: string; label: string }[];
  teams: { id: string; name: string }[];
  staff: { id: string; name: string; teamId: string | null }[];
  /** The council's localities: where it has any, the locality is chosen from the active ones. */
  localities: { code: string; name: string; active: boolean }[];
  /** The locality already on the record being changed (an old free-text answer stays offered). */
  currentLocality?: string | null;
}

/** The locality question: a choice of the council's localities, or free text where it has none. */
const localityField = (c: Choices): FieldDef => {
  if (!c.localities.length)
    return {
      name: 'locality',
      label: 'Locality (optional)',
      hint: 'The council area they live in, for example North Locality',
      type: 'text',
      optional: true,
    };
  const items = c.localities.filter((l) => l.active).map((l) => ({ value: l.code, text: l.name }));
  const current = c.currentLocality;
  if (current && !items.some((i) => i.value === current))
    items.push({
      value: current,
      text: `${c.localities.find((l) => l.code === current)?.name ?? current} (as recorded before)`,
    });
  return {
    name: 'locality',
    label: 'Locality (optional)',
    hint: 'The council area they live in',
    type: 'select',
    items,
    optional: true,
  };
};

const about = (c: Choices): FieldDef[] => [
  { name: 'legalName', label: 'Full legal name', type: 'text', autocomplete: 'name', spellcheck: false },
  {
    name: 'preferredName',
    label: 'What they like to be called (optional)',
    type: 'text',
    spellcheck: false,
    optional: true,
  },
  {
    name: 'pronouns',
    label: 'Pronouns (optional)',
    hint: 'For example, she/her, he/him, they/them',
    type: 'text',
    classes: 'govuk-input--width-10',
    optional: true,
  },
  { name: 'dateOfBirth', label: 'Date of birth', type: 'date' },
  {
    name: 'clientGroup',
    label: 'Client group',
    hint: 'The main reason they need support, for planning and equity reports',
    type: 'radios',
    items: c.clientGroups.map((g) => ({ value: g.code, text: g.label })),
  },
];

const contact = (c: Choices): FieldDef[] => [
  {
    name: 'phone',
    label: 'Phone number (optional)',
    type: 'text',
    classes: 'govuk-input--width-20',
    autocomplete: 'tel',
    inputmode: 'tel',
    optional: true,
  },
  {
    name: 'email',
    label: 'Email address (optional)',
    type: 'text',
    autocomplete: 'email',
    spellcheck: false,
    optional: true,
  },
  {
    name: 'addressLine1',
    label: 'Address line 1',
    type: 'text',
    autocomplete: 'address-line1',
    optional: true,
  },
  {
    name: 'addressLine2',
    label: 'Address line 2 (optional)',
    type: 'text',
    autocomplete: 'address-line2',
    optional: true,
  },
  {
    name: 'town',
    label: 'Town or city',
    type: 'text',
    classes: 'govuk-!-width-two-thirds',
    autocomplete: 'address-level2',
    optional: true,
  },
  {
    name: 'postcode',
    label: 'Postcode',
    type: 'text',
    classes: 'govuk-input--width-10',
    autocomplete: 'postal-code',
    optional: true,
  },
  localityField(c),
];

const communication: FieldDef[] = [
  {
    name: 'chiNumber',
    label: 'CHI number (optional)',
    hint: 'Scotland: 10 digits, starting with their date of birth. For example, 120345 6786',
    type: 'text',
    classes: 'govuk-input--width-10',
    inputmode: 'numeric',
    spellcheck: false,
    optional: true,
  },
  {
    name: 'nhsNumber',
    label: 'NHS number (optional)',
    hint: 'England: 10 digits. For example, 943 476 5919',
    type: 'text',
    classes: 'govuk-input--width-10',
    inputmode: 'numeric',
    spellcheck: false,
    optional: true,
  },
  { name: 'mainLanguage', label: 'Language they speak best', type: 'text', classes: 'govuk-input--width-20' },
  { name: 'interpreterNeeded', label: 'Do they need an interpreter?', type: 'yesno' },
  {
    name: 'communicationNeeds',
    label: 'Communication support they need',
    hint: 'Select all that apply',
    type: 'checkboxes',
    items: itemsFrom(COMMUNICATION_NEEDS),
  },
  {
    name: 'communicationOther',
    label: 'Other communication support (optional)',
    type: 'text',
    optional: true,
  },
];

const referral: FieldDef[] = [
  {
    name: 'referredBy',
    label: 'Who made contact',
    hint: 'Their name and how they know the person, for example “Dr Shah, GP” or “self”',
    type: 'text',
  },
  { name: 'referredOn', label: 'Date of contact', type: 'date' },
  { name: 'referralReason', label: 'Why they made contact', type: 'textarea' },
  { name: 'referralUrgency', label: 'How urgent is it?', type: 'radios', items: itemsFrom(REFERRAL_URGENCY) },
  {
    name: 'crisis',
    label: 'Is this a crisis?',
    hint: 'A crisis is fast-tracked: support can start before the full process is finished',
    type: 'yesno',
  },
  { name: 'crisisReason', label: 'If it is a crisis, say why', type: 'textarea', optional: true },
];

const allocation = (c: Choices): FieldDef[] => [
  {
    name: 'allocatedTeamId',
    label: 'Team',
    type: 'select',
    items: c.teams.map((t) => ({ value: t.id, text: t.name })),
  },
  {
    name: 'allocatedWorkerId',
    label: 'Worker (optional)',
    hint: 'Leave blank to hold the case in the team',
    type: 'select',
    items: c.staff.map((s) => ({
      value: s.id,
      text: `${s.name} – ${c.teams.find((t) => t.id === s.teamId)?.name ?? 'no team'}`,
    })),
    optional: true,
  },
  { name: 'status', label: 'Status', type: 'radios', items: itemsFrom(CASE_STATUS) },
];

export const PERSON_PARTS = {
  about: { title: 'About the person', fields: about },
  contact: { title: 'Contact details and address', fields: contact },
  communication: { title: 'Identifiers, language and communication', fields: () => communication },
  referral: { title: 'Contact, referral and crisis', fields: () => referral },
  allocation: { title: 'Who holds the case', fields: allocation },
} as const;
export type PersonPart = keyof typeof PERSON_PARTS;

/** The questions asked when a person is first recorded: enough to find them and act. */
export const newPersonFields = (c: Choices): FieldDef[] => [
  ...about(c),
  communication[0]!,
  communication[1]!,
  ...referral,
];

const BOOLEAN_FIELDS = new Set(['interpreterNeeded', 'crisis']);

/** Form answers of some person fields → those fields, typed. */
export function personFieldsFrom(fields: FieldDef[], values: FormValues): Partial<PersonFields> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.type === 'checkboxes') out[f.name] = list(values, f.name);
    else if (BOOLEAN_FIELDS.has(f.name)) out[f.name] = yes(values, f.name);
    else {
      const v = text(values, f.name).trim();
      out[f.name] = v === '' ? null : v;
    }
  }
  if (out.legalName === null) out.legalName = '';
  if (out.dateOfBirth === null) out.dateOfBirth = '';
  if (out.clientGroup === null) out.clientGroup = '';
  if (out.mainLanguage === null) out.mainLanguage = '';
  if ('status' in out && out.status === null) out.status = '';
  return out as Partial<PersonFields>;
}

export const equalityFields: FieldDef[] = Object.entries(EQUALITY_FIELDS).map(
  ([name, { label, options }]) => ({
    name,
    label,
    type: 'radios',
    items: itemsFrom(options),
    optional: true,
  }),
);

export const circleFields: FieldDef[] = [
  { name: 'name', label: 'Their name', type: 'text', spellcheck: false },
  {
    name: 'relationship',
    label: 'Who they are to the person',
    hint: 'In the person’s words, for example “my sister” or “my neighbour Jean”',
    type: 'text',
  },
  {
    name: 'maySee',
    label: 'What the person agrees they may do',
    hint: 'Select all that the person has agreed to. Leave both empty if they are in the circle but should not see the record.',
    type: 'checkboxes',
    items: itemsFrom(CONSENT_SCOPES),
  },
  { name: 'consentFrom', label: 'Consent starts on', type: 'date' },
  {
    name: 'consentTo',
    label: 'Consent ends on (optional)',
    hint: 'Leave blank if it lasts until the person withdraws it',
    type: 'date',
    optional: true,
  },
  {
    name: 'accountEmail',
    label: 'Their account email (optional)',
    hint: 'Only if they have a Selfdirect account. Their access then follows this consent.',
    type: 'text',
    spellcheck: false,
    autocomplete: 'off',
    optional: true,
  },
];

export const representativeFields: FieldDef[] = [
  { name: 'name', label: 'Representative’s name', type: 'text', spellcheck: false },
  { name: 'kind', label: 'Kind of legal authority', type: 'radios', items: itemsFrom(REPRESENTATIVE_KINDS) },
  {
    name: 'powers',
    label: 'What the authority lets them do',
    hint: 'Select all that the legal document gives them',
    type: 'checkboxes',
    items: itemsFrom(REPRESENTATIVE_POWERS),
  },
  { name: 'startDate', label: 'Authority starts on', type: 'date' },
  {
    name: 'endDate',
    label: 'Authority ends on',
    hint: 'Leave blank if it has no end date. A parent’s authority ends when the child turns 16 in Scotland, 18 in England.',
    type: 'date',
    optional: true,
  },
  {
    name: 'evidenceReference',
    label: 'Evidence reference',
    hint: 'For example, the Office of the Public Guardian registration number or the court reference',
    type: 'text',
  },
  {
    name: 'accountEmail',
    label: 'Their account email (optional)',
    hint: 'Only if they have a Selfdirect account. Their access then follows these powers and dates.',
    type: 'text',
    spellcheck: false,
    autocomplete: 'off',
    optional: true,
  },
];

export const supportOfferFields: FieldDef[] = [
  { name: 'kind', label: 'What was offered', type: 'radios', items: itemsFrom(SUPPORT_KINDS) },
  { name: 'stage', label: 'At which stage', type: 'radios', items: itemsFrom(SUPPORT_STAGES) },
  { name: 'response', label: 'What the person said', type: 'radios', items: itemsFrom(SUPPORT_RESPONSES) },
  {
    name: 'provider',
    label: 'Who provides it',
    hint: 'For example, the local independent advocacy service, or “BSL interpreter – Deaf Action”',
    type: 'text',
    optional: true,
  },
  {
    name: 'offeredOn',
    label: 'Date offered',
    hint: 'Or, if it was not offered, the day that was decided',
    type: 'date',
  },
  {
    name: 'reason',
    label: 'Why it was not offered',
    hint: 'Only if you chose “Not offered”',
    type: 'textarea',
    optional: true,
  },
  { name: 'notes', label: 'Notes (optional)', type: 'textarea', optional: true },
];

export const legalOrderFields: FieldDef[] = [
  { name: 'kind', label: 'Kind of order', type: 'radios', items: itemsFrom(LEGAL_ORDER_KINDS) },
  {
    name: 'reference',
    label: 'Order reference (optional)',
    type: 'text',
    classes: 'govuk-input--width-20',
    optional: true,
  },
  {
    name: 'madeBy',
    label: 'Made by (optional)',
    hint: 'For example, the Mental Health Tribunal or the Sheriff Court',
    type: 'text',
    optional: true,
  },
  { name: 'startDate', label: 'Order starts on', type: 'date' },
  { name: 'endDate', label: 'Order ends on (optional)', type: 'date', optional: true },
  {
    name: 'nonNegotiables',
    label: 'Conditions of the order – one per line',
    hint: 'These are shown as non-negotiables, apart from the person’s own choices. For example, “Must live at the address agreed by the tribunal”.',
    type: 'textarea',
  },
];
