import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easyReadProblems } from '../../../platform/easy-read/index.ts';
import { CALLUM, MORAG, NESSIE, OTHERS } from '../seed-data.ts';
import { STATE_LABELS } from './catalogue.ts';
import { planEasyRead, type PlanEasyReadInput } from './easy-read.ts';

describe('the support plan summary in Easy Read', () => {
  it('keeps its rules for any plan: any state, outcomes, options, cost and budget', () => {
    fc.assert(
      fc.property(
        fc.option(fc.record({ state: fc.constantFrom(...Object.keys(STATE_LABELS), 'unknown') }), {
          nil: null,
        }),
        fc.array(fc.record({ ref: fc.uuid(), personWords: fc.string() }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.option(fc.record({ weekly: fc.integer({ min: 0, max: 1e9 }) }), { nil: null }),
        fc.constantFrom(1, 2, 3, 4),
        (plan, outcomes, total, budget, option) => {
          const input: PlanEasyReadInput = {
            plan,
            content: { outcomes },
            totals: { weekly: { total } },
            budget,
            optionByOutcome: Object.fromEntries(
              outcomes.filter((_, i) => i % 2 === 0).map((o) => [o.ref, option]),
            ),
          };
          expect(easyReadProblems(planEasyRead(input))).toEqual([]);
        },
      ),
    );
  });

  it('keeps its rules for the demo plans, in the person’s own words', () => {
    const plans = [MORAG, CALLUM, NESSIE, ...OTHERS.map((make) => make('Alex'))];
    for (const [i, plan] of plans.entries()) {
      const outcomes = plan.outcomes.map((o, n) => ({ ref: `o${n}`, personWords: o.words }));
      const total = plan.outcomes.flatMap((o) => o.lines).reduce((sum, l) => sum + l.weeklyCost, 0);
      const lines = planEasyRead({
        plan: { state: i === 1 ? 'shared' : 'agreed' },
        content: { outcomes },
        totals: { weekly: { total } },
        budget: { weekly: total - 100 },
        optionByOutcome: Object.fromEntries(plan.outcomes.map((o, n) => [`o${n}`, o.option])),
      });
      expect(easyReadProblems(lines)).toEqual([]);
      const texts = lines.map((l) => l.text);
      expect(texts).toContain(`You said: “${plan.outcomes[0]!.words}”.`);
      expect(texts).toContain('Your plan costs more than your budget.');
      if (i === 1) expect(texts).toContain('If you agree with it, you can sign it.');
    }
  });
});
