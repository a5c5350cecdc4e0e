/**
 * Rules of conversations and outcomes. Pure: dates are passed in.
 */
import { isIsoDate, type IsoDate } from '../../platform/dates.ts';
import type { FieldError } from '../people/rules.ts';
import { isChild, transitionStatus } from '../people/rules.ts';
import { CHILD_ONLY_SECTIONS, OUTCOME_STATUS, PRIORITY, SAID_BY, SECTIONS, type Section } from './lists.ts';

export interface EntryInput {
  section: string;
  text: string;
  saidBy: string;
  saidByName: string | null;
  ownWords: boolean;
}

const has = (list: Record<string, string>, code: unknown) =>
  typeof code === 'string' && Object.hasOwn(list, code);

/**
 * One thing said. Only the person's words can be marked as their own words. For a child,
 * their own views are said by the child, and their parents' views by a parent or
 * representative, so the two never mix; adults have neither section.
 */
export function checkEntry(entry: EntryInput, child: boolean, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const f = (name: string) => `${prefix}${name}`;
  if (!has(SECTIONS, entry.section))
    errors.push({ field: f('section'), message: 'Select what this is about' });
  else if (!child && CHILD_ONLY_SECTIONS.includes(entry.section as Section))
    errors.push({ field: f('section'), message: 'This section is only for children – choose another' });
  if (!entry.text?.trim()) errors.push({ field: f('text'), message: 'Enter what was said' });
  else if (entry.text.length > 5000)
    errors.push({ field: f('text'), message: 'What was said must be 5,000 characters or fewer' });
  if (!has(SAID_BY, entry.saidBy)) errors.push({ field: f('saidBy'), message: 'Select who said it' });
  if (entry.ownWords && entry.saidBy !== 'person')
    errors.push({
      field: f('ownWords'),
      message: 'Only what the person said themselves can be marked as their own words',
    });
  if (entry.section === 'child_views' && entry.saidBy !== 'person')
    errors.push({ field: f('saidBy'), message: 'The child’s own views must be said by the child' });
  if (entry.section === 'parent_views' && !['family', 'representative'].includes(entry.saidBy))
    errors.push({
      field: f('saidBy'),
      message: 'Parents’ views must be said by a parent, carer or representative',
    });
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
