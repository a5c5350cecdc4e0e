/**
 * The conversations feature's file of a caseload import (issue 15): personal outcomes in the
 * person's own words, who said them, and the worker's view beside them. Checked with the same
 * rules as the outcome form (rules.ts `checkOutcome`). Each imported outcome gets its first
 * history row, as one made on the form does, naming the administrator who imported it.
 */
import { randomUUID } from 'node:crypto';
import { cellReader, problemsFromFieldErrors } from '../../platform/import/cells.ts';
import type { ImportProblem, ImportSection } from '../../platform/import/section.ts';
import { OUTCOME_AREAS, OUTCOME_STATUS, SAID_BY, type SaidBy } from './lists.ts';
import { changedFields, checkOutcome, type OutcomeFields } from './rules.ts';
import { personalOutcomeChanges, personalOutcomes } from './schema.ts';

const OUTCOMES_FILE = 'outcomes.csv';
const PERSON_KIND = 'person';
const WRITE_BATCH = 500;
const PRIORITY_WORDS: Record<string, number> = { '1': 1, '2': 2, '3': 3, high: 1, medium: 2, low: 3 };

export interface ImportedOutcome extends OutcomeFields {
  personReference: string;
  /** Who typed the words in the old system, when it says. */
  typedByName: string | null;
}

const COLUMN_OF: Record<string, string> = {
  personWords: 'person_words',
  saidBy: 'said_by',
  saidByName: 'said_by_name',
  professionalView: 'professional_view',
  area: 'area',
  priority: 'priority',
  status: 'status',
};

const codesOf = (list: Record<string, string>) => Object.keys(list).join(', ');

export const outcomesSection: ImportSection<ImportedOutcome> = {
  kind: 'outcome',
  file: OUTCOMES_FILE,
  title: 'Personal outcomes',
  description:
    'What each person wants, in their own words exactly as they were said, who said them, and the worker’s view beside them.',
  optional: true,
  columns: [
    {
      name: 'outcome_reference',
      required: true,
      description: 'This outcome’s reference in the old system, different on every row.',
      example: 'OUT-301',
    },
    {
      name: 'person_reference',
      required: true,
      description: 'The person’s reference in the old system, as in people.csv (or an earlier import).',
      example: 'OLD-1001',
    },
    {
      name: 'person_words',
      required: true,
      description: 'The outcome exactly as it was said: never reworded.',
      example: 'I want to get to the allotment on Saturdays again',
    },
    {
      name: 'said_by',
      required: false,
      description: `Who said it: ${codesOf(SAID_BY)}. Blank: person.`,
      example: 'person',
    },
    {
      name: 'said_by_name',
      required: false,
      description: 'The name of whoever said it, when it was not the person.',
      example: '',
    },
    {
      name: 'typed_by',
      required: false,
      description: 'Who typed the words into the old system, if it records it (their name).',
      example: 'Sam Okafor',
    },
    {
      name: 'professional_view',
      required: false,
      description: 'The worker’s view, kept beside the person’s words.',
      example: 'Needs help with transport; a PA two mornings a week would do it.',
    },
    {
      name: 'area',
      required: true,
      description: `What it is about: ${codesOf(OUTCOME_AREAS)}.`,
      example: 'things_i_do',
    },
    {
      name: 'priority',
      required: false,
      description: 'high, medium or low (or 1, 2, 3). Blank: medium.',
      example: 'high',
    },
    {
      name: 'status',
      required: false,
      description: `${codesOf(OUTCOME_STATUS)}. Blank: active.`,
      example: 'active',
    },
  ],
  parse(record, row) {
    const cells = cellReader(OUTCOMES_FILE, row, record);
    const reference = cells.text('outcome_reference', {
      required: 'Enter the outcome’s reference in the old system',
      max: 100,
    });
    const personReference = cells.text('person_reference', {
      required: 'Enter the person’s reference',
      max: 100,
    });
    const personWords = cells.text('person_words', {
      required: 'Enter the outcome in the person’s own words',
      max: 2000,
    });
    const saidBy: SaidBy = cells.code('said_by', SAID_BY) ?? 'person';
    const saidByName = cells.text('said_by_name');
    const typedByName = cells.text('typed_by');
    const professionalView = cells.text('professional_view', { max: 4000 });
    const area = cells.code('area', OUTCOME_AREAS, { required: 'Enter what the outcome is about' });
    const priorityText = (cells.text('priority', { max: 10 }) ?? '2').toLowerCase();
    const priority = PRIORITY_WORDS[priorityText];
    if (priority === undefined) cells.problem('priority', 'Write high, medium or low (or 1, 2 or 3)');
    const status = cells.code('status', OUTCOME_STATUS) ?? 'active';
    if (saidBy !== 'person' && !saidByName)
      cells.problem('said_by_name', 'Enter the name of whoever said it, as it was not the person');
    const problems: ImportProblem[] = [...cells.problems];
    const value: ImportedOutcome = {
      personReference: personReference ?? '',
      personWords: personWords ?? '',
      saidBy,
      saidByName: saidBy === 'person' ? null : saidByName,
      typedByName,
      professionalView,
      area: area ?? '',
      priority: priority ?? 2,
      status,
    };
    const already = new Set(problems.map((p) => p.column));
    problems.push(
      ...problemsFromFieldErrors(
        OUTCOMES_FILE,
        row,
        checkOutcome(value, Object.keys(OUTCOME_AREAS)),
        COLUMN_OF,
      ).filter((p) => !already.has(p.column)),
    );
    if (problems.length || !reference) return { ok: false, problems };
    return { ok: true, reference, value };
  },
  check(rows, references) {
    return rows.flatMap(({ row, value }) =>
      references.has(PERSON_KIND, value.personReference)
        ? []
        : [
            {
              file: OUTCOMES_FILE,
              row,
              column: 'person_reference',
              message: `No person has the reference “${value.personReference}” in people.csv, nor in an earlier import`,
            },
          ],
    );
  },
  async write(tx, rows, context) {
    const ids = new Map<string, string>();
    const outcomes = rows.map(({ reference, value }) => {
      const id = randomUUID();
      ids.set(reference, id);
      return {
        id,
        authorityId: context.authorityId,
        personId: context.references.idOf(PERSON_KIND, value.personReference)!,
        personWords: value.personWords,
        saidBy: value.saidBy,
        saidByName: value.saidByName,
        // Typed in the old system: by whoever it names, never by the administrator importing it.
        wordsTypedBy: null,
        wordsTypedByName: value.typedByName,
        wordsTypedByRole: null,
        professionalView: value.professionalView,
        area: value.area,
        priority: value.priority,
        status: value.status as keyof typeof OUTCOME_STATUS,
        createdBy: context.actorId,
        updatedBy: context.actorId,
      };
    });
    const history = outcomes.map((o) => ({
      authorityId: context.authorityId,
      outcomeId: o.id,
      personId: o.personId,
      version: 1,
      changedBy: context.actorId,
      changedByName: context.actorName,
      changedByRole: context.actorRole,
      changes: {
        imported: { from: null, to: 'from the council’s previous system' },
        ...changedFields({} as OutcomeFields, {
          personWords: o.personWords,
          saidBy: o.saidBy,
          saidByName: o.saidByName,
          professionalView: o.professionalView,
          area: o.area,
          priority: o.priority,
          status: o.status,
        }),
      },
    }));
    for (let start = 0; start < outcomes.length; start += WRITE_BATCH) {
      await tx.insert(personalOutcomes).values(outcomes.slice(start, start + WRITE_BATCH));
      await tx.insert(personalOutcomeChanges).values(history.slice(start, start + WRITE_BATCH));
    }
    return ids;
  },
};
