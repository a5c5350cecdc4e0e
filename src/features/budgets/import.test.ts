import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportReferences } from '../../platform/import/section.ts';
import { formatPence } from '../../platform/money/index.ts';
import { budgetsSection, importedExplanation, MAX_WEEKLY_PENCE, weeklyPence } from './import.ts';

const context = { today: '2026-12-02', nation: 'scotland' as const };
const budget = {
  budget_reference: 'BUD-1',
  person_reference: 'OLD-1',
  weekly_amount: '245.50',
  funding_stream: '',
  start_date: '2026-04-01',
  policy_version: '',
};
const references = (people: string[]): ImportReferences => ({
  has: (kind, reference) => kind === 'person' && people.includes(reference),
  idOf: () => undefined,
  valueOf: () => undefined,
});

describe('budgets.csv', () => {
  it('reads pounds as whole pence, the council’s stream when blank, and the start date', () => {
    expect(budgetsSection.parse(budget, 1, context)).toEqual({
      ok: true,
      reference: 'BUD-1',
      value: {
        personReference: 'OLD-1',
        weeklyAmount: 24550,
        fundingStream: 'council_social_care',
        startDate: '2026-04-01',
        policyVersion: null,
      },
    });
  });
  it('any amount in pounds and pence up to the limit becomes exactly that many pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_WEEKLY_PENCE }), (pence) => {
        const pounds = `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
        expect(weeklyPence(pounds)).toBe(pence);
        expect(weeklyPence(formatPence(pence))).toBe(pence);
      }),
    );
  });
  it('refuses a negative, zero, huge or unreadable amount and a date that does not exist, each in its column', () => {
    for (const amount of ['-10.00', '0', '1e20', '100000.01', '12.345', 'ten pounds']) {
      const parsed = budgetsSection.parse({ ...budget, weekly_amount: amount }, 4, context);
      expect(!parsed.ok && parsed.problems.map((p) => [p.file, p.row, p.column])).toEqual([
        ['budgets.csv', 4, 'weekly_amount'],
      ]);
    }
    const date = budgetsSection.parse({ ...budget, start_date: '2026-02-30' }, 2, context);
    expect(!date.ok && date.problems[0]).toMatchObject({ column: 'start_date', row: 2 });
    expect(!date.ok && date.problems[0]!.message).toContain('not a real date');
  });
  it('needs the references, the amount and the start date', () => {
    const parsed = budgetsSection.parse({}, 1, context);
    expect(!parsed.ok && parsed.problems.map((p) => p.column)).toEqual([
      'budget_reference',
      'person_reference',
      'weekly_amount',
      'start_date',
    ]);
  });
  it('finds a person not in the files and a second budget for the same person', () => {
    const value = (personReference: string) => ({
      personReference,
      weeklyAmount: 100,
      fundingStream: 'council_social_care',
      startDate: '2026-04-01',
      policyVersion: null,
    });
    const problems = budgetsSection.check(
      [
        { row: 1, reference: 'B1', value: value('OLD-1') },
        { row: 2, reference: 'B2', value: value('OLD-9') },
        { row: 3, reference: 'B3', value: value('OLD-1') },
      ],
      references(['OLD-1']),
      context,
    );
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'person_reference'],
      [3, 'person_reference'],
    ]);
    expect(problems[0]!.message).toContain('“OLD-9”');
    expect(problems[1]!.message).toContain('row 1');
  });
  it('explains an imported budget by one line naming the old reference, adding up to the budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_WEEKLY_PENCE }), (weekly) => {
        const explained = importedExplanation('BUD-7', weekly, 'Budget policy 2026/27', '2026-04-01');
        expect(explained.total).toBe(weekly);
        expect(explained.lines.reduce((s, l) => s + l.amount, 0)).toBe(weekly);
        expect(explained.lines[0]!.label).toBe('Imported from the council’s previous system reference BUD-7');
      }),
    );
  });
});
