/**
 * Rules of conversations and outcomes. Pure: dates are passed in.
 */
import { type Relationship, type RelationshipKind, relationshipAllows } from '../../platform/auth/policy.ts';
import type { PersonAccess } from '../../platform/auth/access.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { isIsoDate, type IsoDate } from '../../platform/dates.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { isChild, transitionStatus } from '../people/index.ts';
import {
  CHILD_ONLY_SECTIONS,
  OUTCOME_STATUS,
  PRIORITY,
  SAID_BY,
  SAID_BY_CODES,
  type SaidBy,
  SECTIONS,
  type Section,
} from './lists.ts';

export interface EntryInput {
  section: string;
  text: string;
  saidBy: string;
  saidByName: string | null;
  ownWords: boolean;
}

const has = (list: Record<string, string>, code: unknown) =>
  typeof code === 'string' && Object.hasOwn(list, code);

/** Who is writing: the signed-in account's role and its relationship to the person. */
export interface Writer {
  role: Role;
  relationship: Relationship;
}

/** The one voice in which someone not holding the case speaks: their own. */
const OWN_VOICE: Partial<Record<RelationshipKind, SaidBy>> = {
  self: 'person',
  representative: 'representative',
  circle_member: 'family',
  advocate: 'advocate',
};

/** A worker holding the case writes down what anyone said during a conversation. */
export const recordsForOthers = (writer: Writer) =>
  relationshipAllows('case.write', writer.role, writer.relationship);

/**
 * Whom this account may say said the words it types. A worker holding the case may record
 * what the person, a parent or anyone else said (typed by the worker); everyone else only
 * their own words: the person as the person, a representative as the representative (never
 * the child's own words, never the worker's), a circle member as family, an advocate as the
 * advocate. Anyone else may attribute nothing.
 */
export function allowedSaidBy(writer: Writer): readonly SaidBy[] {
  if (recordsForOthers(writer)) return SAID_BY_CODES;
  const own = OWN_VOICE[writer.relationship.kind];
  return own ? [own] : [];
}

/** Who said it when the writer does not say: the writer's own voice, or the person for a worker. */
export function defaultSaidBy(writer: Writer): SaidBy | null {
  return recordsForOthers(writer) ? 'person' : (OWN_VOICE[writer.relationship.kind] ?? null);
}

const mayAttribute = (writer: Writer, saidBy: string) =>
  (allowedSaidBy(writer) as readonly string[]).includes(saidBy);

function attributionError(writer: Writer, saidBy: string, field: string): FieldError[] {
  if (mayAttribute(writer, saidBy)) return [];
  if (!has(SAID_BY, saidBy)) return [{ field, message: 'Select who said it' }];
  return [
    {
      field,
      message: allowedSaidBy(writer).length
        ? 'You can only add what you said yourself. Only a worker can write down what someone else said.'
        : 'You cannot add words to this record',
    },
  ];
}

/**
 * One thing said. Only the person's words can be marked as their own words, and the writer
 * may attribute them only to someone they may speak for (`allowedSaidBy`). For a child, their
 * own views are said by the child, and what a parent, carer or family member says goes under
 * their parents' views, so the two never mix; adults have neither section.
 */
export function checkEntry(entry: EntryInput, child: boolean, writer: Writer, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const f = (name: string) => `${prefix}${name}`;
  if (!has(SECTIONS, entry.section))
    errors.push({ field: f('section'), message: 'Select what this is about' });
  else if (!child && CHILD_ONLY_SECTIONS.includes(entry.section as Section))
    errors.push({ field: f('section'), message: 'This section is only for children – choose another' });
  else if (
    child &&
    ['family', 'representative'].includes(entry.saidBy) &&
    !CHILD_ONLY_SECTIONS.includes(entry.section as Section)
  )
    errors.push({
      field: f('section'),
      message:
        'For a child, what a parent, carer or family member says goes under ‘Parents’ or carers’ views’',
    });
  if (!entry.text?.trim()) errors.push({ field: f('text'), message: 'Enter what was said' });
  else if (entry.text.length > 5000)
    errors.push({ field: f('text'), message: 'What was said must be 5,000 characters or fewer' });
  errors.push(...attributionError(writer, entry.saidBy, f('saidBy')));
  if (entry.ownWords && entry.saidBy !== 'person')
    errors.push({
      field: f('ownWords'),
      message: 'Only what the person said themselves can be marked as their own words',
    });
  const saidByChecked = errors.some((e) => e.field === f('saidBy'));
  if (!saidByChecked && entry.section === 'child_views' && entry.saidBy !== 'person')
    errors.push({ field: f('saidBy'), message: 'The child’s own views must be said by the child' });
  if (
    !saidByChecked &&
    entry.section === 'parent_views' &&
    !['family', 'representative'].includes(entry.saidBy)
  )
    errors.push({
      field: f('saidBy'),
      message: 'Parents’ views must be said by a parent, carer or representative',
    });
  return errors;
}

/**
 * The name kept with the words. A worker names whom they wrote down (optional); anyone
 * else speaks only as themselves, so their own account's name is kept (none for the
 * person, whose name is the record's) and naming someone else is refused.
 */
export function speakerName(
  writer: Writer,
  saidBy: string,
  requested: string | null | undefined,
  ownName: string,
  field = 'saidByName',
): { name: string | null; errors: FieldError[] } {
  const asked = requested?.trim() || null;
  if (asked && asked.length > 200)
    return { name: null, errors: [{ field, message: 'Their name must be 200 characters or fewer' }] };
  if (recordsForOthers(writer)) return { name: asked, errors: [] };
  if (asked && asked !== ownName.trim())
    return { name: null, errors: [{ field, message: 'You can only add words in your own name' }] };
  return { name: saidBy === 'person' ? null : ownName.trim(), errors: [] };
}

/**
 * Adding or changing an outcome's words: the new words must be attributed to someone the
 * writer may speak for, and words now attributed to someone else (a child's own words, a
 * parent's) can be changed only by someone who may speak for them: the person themselves,
 * or a worker writing down what they said. `current` is null for a new outcome.
 */
export function checkOutcomeAttribution(writer: Writer, current: string | null, next: string): FieldError[] {
  const errors: FieldError[] = [];
  if (current !== null && !mayAttribute(writer, current))
    errors.push({
      field: 'personWords',
      message:
        current === 'person'
          ? 'These are the person’s own words. Only they, or a worker writing down what they said, can change them.'
          : 'These are someone else’s words. Only they, or a worker writing down what they said, can change them.',
    });
  // Unchanged attribution of words they may not change: said once, on the words.
  if (!(errors.length && next === current)) errors.push(...attributionError(writer, next, 'saidBy'));
  return errors;
}

export interface ConversationFacts {
  child: boolean;
  /** Aged 14 to 17 on the day: their move to adult services is planned from now. */
  transition: boolean;
}

export function conversationFacts(dateOfBirth: IsoDate, heldOn: IsoDate): ConversationFacts {
  return {
    child: isChild(dateOfBirth, heldOn),
    transition: transitionStatus(dateOfBirth, heldOn) === 'transition',
  };
}

export function checkHeldOn(heldOn: string, dateOfBirth: IsoDate, today: IsoDate): FieldError[] {
  if (!isIsoDate(heldOn ?? '')) return [{ field: 'heldOn', message: 'Enter the date of the conversation' }];
  if (heldOn > today)
    return [{ field: 'heldOn', message: 'The date of the conversation must be today or in the past' }];
  if (heldOn < dateOfBirth)
    return [{ field: 'heldOn', message: 'The date of the conversation must be after their date of birth' }];
  return [];
}

export interface OutcomeFields {
  personWords: string;
  saidBy: string;
  saidByName: string | null;
  professionalView: string | null;
  area: string;
  priority: number;
  status: string;
}

export function checkOutcome(outcome: OutcomeFields, areas: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!outcome.personWords?.trim())
    errors.push({ field: 'personWords', message: 'Enter the outcome in the person’s own words' });
  else if (outcome.personWords.length > 2000)
    errors.push({ field: 'personWords', message: 'The outcome must be 2,000 characters or fewer' });
  if (!has(SAID_BY, outcome.saidBy)) errors.push({ field: 'saidBy', message: 'Select who said it' });
  if ((outcome.saidByName ?? '').length > 200)
    errors.push({ field: 'saidByName', message: 'Their name must be 200 characters or fewer' });
  if (!areas.includes(outcome.area))
    errors.push({ field: 'area', message: 'Select what this outcome is about' });
  if (!has(PRIORITY, String(outcome.priority)))
    errors.push({ field: 'priority', message: 'Select a priority' });
  if (!has(OUTCOME_STATUS, outcome.status)) errors.push({ field: 'status', message: 'Select a status' });
  if ((outcome.professionalView ?? '').length > 4000)
    errors.push({ field: 'professionalView', message: 'Your view must be 4,000 characters or fewer' });
  return errors;
}

/** The fields that differ, with their values before and after, for the history table. */
export function changedFields<T extends object>(
  before: T,
  after: T,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (before[key] !== after[key])
      changes[key as string] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

/** The signed-in account as a writer of words: its role and relationship to the person. */
export const writerOf = (access: PersonAccess): Writer => ({
  role: access.actor.role,
  relationship: access.relationship,
});

/** Who typed it, as the API and pages show it; null for words typed before this was recorded. */
export const typedBy = (name: string | null, role: string | null) =>
  name ? { name, role: role ?? 'unknown' } : null;
