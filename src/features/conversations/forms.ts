import { type FieldDef, type FormValues, itemsFrom, text, yes } from '../../platform/http/question-flow.ts';
import {
  CHILD_ONLY_SECTIONS,
  OUTCOME_STATUS,
  PRIORITY,
  SAID_BY,
  type SaidBy,
  SECTIONS,
  type Section,
} from './lists.ts';
import { allowedSaidBy, type EntryInput, recordsForOthers, type Writer } from './rules.ts';

/** Question pages of conversations and outcomes. */

/** "Who said it", offering only whom the signed-in account may say said it. */
function whoSaidFields(writer: Writer): FieldDef[] {
  const allowed: readonly SaidBy[] = allowedSaidBy(writer);
  return [
    {
      name: 'saidBy',
      label: 'Who said it',
      hint: recordsForOthers(writer)
        ? 'You are writing down what they said. The record shows you typed it.'
        : 'You can only add what you said yourself.',
      type: 'radios',
      items: allowed.map((value) => ({ value, text: SAID_BY[value] })),
    },
    ...(recordsForOthers(writer)
      ? [
          {
            name: 'saidByName',
            label: 'Their name (optional)',
            hint: 'For example, “Mum (Fiona)”',
            type: 'text' as const,
            optional: true,
          },
        ]
      : []),
  ];
}

export function entryFields(child: boolean, writer: Writer): FieldDef[] {
  const sections = Object.entries(SECTIONS)
    .filter(([code]) => child || !CHILD_ONLY_SECTIONS.includes(code as Section))
    .map(([value, label]) => ({ value, text: label }));
  return [
    {
      name: 'text',
      label: 'What was said',
      hint: 'Write it the way it was said. If these are the person’s own words, do not tidy them up.',
      type: 'textarea',
    },
    {
      name: 'section',
      label: 'What it is about',
      hint: child ? 'For a child, keep their own views apart from their parents’ views.' : undefined,
      type: 'radios',
      items: sections,
    },
    ...whoSaidFields(writer),
    { name: 'ownWords', label: 'Is this written in the person’s own words?', type: 'yesno' },
  ];
}

export const conversationFields = (child: boolean, writer: Writer): FieldDef[] => [
  { name: 'heldOn', label: 'Date of the conversation', type: 'date' },
  {
    name: 'place',
    label: 'Where (optional)',
    hint: 'For example, “at home” or “at the day centre”',
    type: 'text',
    optional: true,
  },
  { name: 'whoWasThere', label: 'Who was there (optional)', type: 'text', optional: true },
  ...entryFields(child, writer),
];

export const entryFrom = (v: FormValues): EntryInput => ({
  section: text(v, 'section'),
  text: text(v, 'text'),
  saidBy: text(v, 'saidBy'),
  saidByName: text(v, 'saidByName').trim() || null,
  ownWords: yes(v, 'ownWords'),
});

export const outcomeFields = (areas: { code: string; label: string }[], writer: Writer): FieldDef[] => [
  {
    name: 'personWords',
    label: 'The outcome in the person’s own words',
    hint: 'Write what they said, as they said it. For example, “I want to get back to the bowling club on a Tuesday.”',
    type: 'textarea',
  },
  ...whoSaidFields(writer),
  {
    name: 'area',
    label: 'What it is about',
    type: 'radios',
    items: areas.map((a) => ({ value: a.code, text: a.label })),
  },
  {
    name: 'professionalView',
    label: 'Your professional view (optional)',
    hint: 'This sits beside their words. It never replaces them.',
    type: 'textarea',
    optional: true,
  },
  {
    name: 'priority',
    label: 'Priority',
    type: 'radios',
    items: Object.entries(PRIORITY).map(([value, label]) => ({ value, text: label })),
  },
  { name: 'status', label: 'Status', type: 'radios', items: itemsFrom(OUTCOME_STATUS) },
];

/**
 * The person's own page asks only for their words and what it is about, in plain words.
 * Someone else (a parent, a circle member) is asked what they think: their words show as theirs.
 */
export const myOutcomeFields = (
  areas: { code: string; plainLabel: string }[],
  forName: string | null = null,
): FieldDef[] => [
  forName
    ? {
        name: 'personWords',
        label: `What do you think ${forName} wants?`,
        hint: `Say it your way. It will show as what you said, apart from ${forName}’s own words.`,
        type: 'textarea',
      }
    : {
        name: 'personWords',
        label: 'What do you want?',
        hint: 'Say it your way. For example: “I want to see my grandchildren more.”',
        type: 'textarea',
      },
  {
    name: 'area',
    label: 'What is it about?',
    type: 'radios',
    items: areas.map((a) => ({ value: a.code, text: a.plainLabel })),
  },
];

export const myEditFields: FieldDef[] = [
  {
    name: 'personWords',
    label: 'What do you want?',
    hint: 'Change the words so they say what you mean.',
    type: 'textarea',
  },
];
