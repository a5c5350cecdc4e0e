import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingFromPlan, missingPart } from './completeness.ts';
import { emptyPlanContent, type SupportPlanContent } from './content.ts';
import type { CostLine } from './costs.ts';
import { planContent } from './plan-content.fixtures.ts';

describe('missingFromPlan', () => {
  it('finds nothing missing in a finished plan', () => {
    expect(missingFromPlan(planContent)).toEqual([]);
  });
  it('needs outcomes and a contingency', () => {
    expect(missingFromPlan(emptyPlanContent()).map((e) => e.field)).toEqual(['outcomes', 'contingency']);
  });
  it("needs each outcome in the person's own words, saying how it will happen", () => {
    const outcomes = [
      { ...planContent.outcomes[0]!, personWords: ' ' },
      { ...planContent.outcomes[0]!, ref: 'O2', howMet: '' },
    ];
    expect(missingFromPlan({ ...planContent, outcomes })).toEqual([
      { field: 'outcomes[0].personWords', message: 'Write outcome 1 in the words of the person' },
      {
        field: 'outcomes[1].howMet',
        message: 'Say how ‘I want to go swimming with my friends again’ will happen',
      },
    ]);
  });
  it('points at the cost line that is wrong, and at support for no outcome of the plan', () => {
    const costLines = [
      planContent.costLines[0]!,
      { ...planContent.costLines[1]!, weeklyCost: 500, outcomeRef: 'O9' },
      { ...planContent.costLines[0]!, outcomeRef: ' ' },
    ];
    expect(missingFromPlan({ ...planContent, costLines }).map((e) => e.field)).toEqual([
      'costLines[1].weeklyCost',
      'costLines[1].outcomeRef',
      'costLines[2].outcomeRef',
    ]);
  });
  it('checks risks, restrictions and legal requirements', () => {
    const errors = missingFromPlan({
      ...planContent,
      risks: [{ description: 'Cooking alone', howEnabled: '' }],
      restrictions: [
        {
          description: 'No gambling',
          reasonKind: 'policy_clause',
          reasonDetail: '',
          decidedBy: 'Panel',
          decidedOn: '2026-01-01',
          reviewOn: '2026-06-01',
        },
      ],
      nonNegotiables: [{ description: 'Attend weekly appointment', legalOrder: '' }],
    });
    expect(errors.map((e) => e.field)).toEqual([
      'risks[0].howEnabled',
      'restrictions[0].reasonDetail',
      'nonNegotiables[0].legalOrder',
    ]);
  });
});

/** Plans built from finished parts, with some parts left unwritten. */
const text = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ minLength: 1, maxLength: 12 }));
const outcome = fc.record({
  ref: fc.constantFrom('O1', 'O2', 'O3'),
  personWords: text,
  workerView: fc.constant(''),
  howMet: text,
});
const plans: fc.Arbitrary<SupportPlanContent> = fc
  .record({
    outcomes: fc.uniqueArray(outcome, { selector: (o) => o.ref, maxLength: 3 }),
    lineRefs: fc.array(fc.constantFrom('O1', 'O2', 'O3', 'O9', ''), { maxLength: 4 }),
    contingency: text,
  })
  .map(({ outcomes, lineRefs, contingency }) => ({
    ...planContent,
    outcomes,
    contingency,
    costLines: lineRefs.map((outcomeRef): CostLine => ({ ...planContent.costLines[0]!, outcomeRef })),
  }));
const written = (s: string) => s.trim() !== '';

describe('missingFromPlan, whatever the plan', () => {
  it('finds nothing missing exactly when every outcome is written, every line is for one of them and the contingency is written', () => {
    fc.assert(
      fc.property(plans, (content) => {
        const refs = new Set(content.outcomes.map((o) => o.ref));
        const finished =
          content.outcomes.length > 0 &&
          content.outcomes.every((o) => written(o.personWords) && written(o.howMet)) &&
          content.costLines.every((l) => refs.has(l.outcomeRef)) &&
          written(content.contingency);
        expect(missingFromPlan(content).length === 0).toBe(finished);
      }),
    );
  });

  it('names every missing thing by a path that exists in the plan, with words to say what to do', () => {
    fc.assert(
      fc.property(plans, (content) => {
        for (const e of missingFromPlan(content)) {
          expect(e.message.trim()).not.toBe('');
          const { list, index, key } = missingPart(e.field);
          const part = (content as unknown as Record<string, unknown>)[list];
          expect(part, e.field).toBeDefined();
          if (index !== null) {
            const item = (part as Record<string, unknown>[])[index];
            expect(item, e.field).toBeDefined();
            if (key !== null) expect(Object.hasOwn(item!, key), e.field).toBe(true);
          }
        }
      }),
    );
  });

  it('reports each unwritten outcome and each line for no outcome at its own place', () => {
    fc.assert(
      fc.property(plans, (content) => {
        const fields = new Set(missingFromPlan(content).map((e) => e.field));
        const refs = new Set(content.outcomes.map((o) => o.ref));
        content.outcomes.forEach((o, i) => {
          expect(fields.has(`outcomes[${i}].howMet`)).toBe(!written(o.howMet));
          expect(fields.has(`outcomes[${i}].personWords`)).toBe(!written(o.personWords));
        });
        content.costLines.forEach((l, i) => {
          expect(fields.has(`costLines[${i}].outcomeRef`)).toBe(!refs.has(l.outcomeRef));
        });
      }),
    );
  });
});
