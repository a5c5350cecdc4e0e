import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfTagging, pdfText } from '../../../test/support/pdf-text.ts';
import { TEST_ADDRESSING } from '../../platform/pdf/pdf.fixtures.ts';
import { easyReadProblems } from '../../platform/easy-read/index.ts';
import { DEMO_PEOPLE, SAID } from '../people/index.ts';
import { budgetEasyRead, budgetEasyReadLetter, type BudgetEasyReadInput } from './easy-read.ts';
import { computeBudget } from './rules.ts';
import { DEMO_BUDGET_POLICY } from './seed.ts';

const UNITS = DEMO_BUDGET_POLICY.supportUnits.map((u) => u.code);

const budgetFor = (
  needs: { words: string; unit: string; quarters: number }[],
  oneOffs: { label: string; amount: number }[],
  extra: Partial<NonNullable<BudgetEasyReadInput['budget']>> = {},
): BudgetEasyReadInput => {
  const explained = computeBudget(
    DEMO_BUDGET_POLICY,
    needs.map((n, i) => ({
      outcomeRef: `o${i}`,
      outcomeLabel: n.words,
      unitCode: n.unit,
      quantityPerWeek: n.quarters / 4,
    })),
    oneOffs.map((o) => ({ ...o, reason: 'Needed once' })),
  );
  return {
    budget: {
      kind: 'indicative',
      weeklyAmount: explained.weekly,
      annualAmount: explained.annual,
      createdAt: new Date('2026-10-02T10:00:00Z'),
      decidedByName: 'Sam Okafor',
      explanation: explained,
      fundingStreams: [{ source: 'Demo Council social care', weeklyAmount: explained.weekly }],
      ...extra,
    },
  };
};

describe('the budget in Easy Read', () => {
  it('says each explained line, the total and the policy version in short sentences beside pictures', () => {
    const lines = budgetEasyRead(
      budgetFor([{ words: 'I want to get dressed', unit: 'personal_care_hour', quarters: 28 }], []),
    );
    expect(easyReadProblems(lines)).toEqual([]);
    const texts = lines.map((l) => l.text);
    expect(texts).toContain('7 hours a week of “personal care at home”. That costs £179.34 a week.');
    expect(texts.some((t) => t.includes(`“${DEMO_BUDGET_POLICY.versionLabel}”`))).toBe(true);
    expect(texts[0]).toMatch(/^Your budget is £[\d,.]+ a week\.$/);
  });

  it('keeps its rules for any budget: any needs, one-offs, kinds, funders and names', () => {
    const need = fc.record({
      words: fc.string({ maxLength: 200 }).filter((s) => s.trim() !== ''),
      unit: fc.constantFrom(...UNITS),
      quarters: fc.integer({ min: 1, max: 400 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(need, { minLength: 1, maxLength: 6, selector: (n) => `${n.words}|${n.unit}` }),
        fc.array(
          fc.record({
            label: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
            amount: fc.integer({ min: 1, max: 1e8 }),
          }),
          { maxLength: 3 },
        ),
        fc.constantFrom('indicative', 'agreed', 'interim'),
        fc.option(fc.constant('2027-01-31'), { nil: null }),
        fc.array(fc.record({ source: fc.string(), weeklyAmount: fc.integer({ min: 0, max: 1e7 }) }), {
          maxLength: 3,
        }),
        fc.string(),
        (needs, oneOffs, kind, expiresOn, fundingStreams, decidedByName) => {
          const input = budgetFor(needs, oneOffs, { kind, expiresOn, fundingStreams, decidedByName });
          expect(easyReadProblems(budgetEasyRead(input))).toEqual([]);
        },
      ),
    );
    expect(easyReadProblems(budgetEasyRead({ budget: null }))).toEqual([]);
  });

  it('keeps its rules for the demo people’s budgets, costed from their own words', () => {
    for (const person of DEMO_PEOPLE) {
      const said = SAID[person.group]?.[0];
      const needs = (said?.outcomes ?? []).map((o, i) => ({
        words: o.words,
        unit: UNITS[i % UNITS.length]!,
        quarters: 4 * (i + 2),
      }));
      if (!needs.length) continue;
      expect(easyReadProblems(budgetEasyRead(budgetFor(needs, []))), person.name).toEqual([]);
    }
  });

  it('prints the same lines in the Easy Read letter', async () => {
    const input = budgetFor([{ words: 'I want to see friends', unit: 'pa_hour', quarters: 16 }], []);
    const pdf = await budgetEasyReadLetter(
      { current: input.budget as never, interim: null, person: { legalName: 'Callum Reid' } as never },
      TEST_ADDRESSING,
      '2026-12-02',
    );
    const text = pdfText(pdf);
    // The council's usual letter heading, and every picture tagged with its words for a screen reader.
    expect(text).toContain('Fake Council');
    expect(text).toMatch(/Our reference[\s\S]*SD-11111111\/BUDGET-EASY-READ/);
    expect(pdfTagging(pdf).tags).toContain('Figure');
    expect(text).toContain('Your budget');
    expect(text).toContain('Callum Reid');
    expect(text).toContain('We wrote it on 2 December 2026.');
    expect(text).toContain('Tell your social worker.');
  });
});
