import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easyReadProblems } from '../../../platform/easy-read/index.ts';
import { CALLUM, MORAG, NESSIE, OTHERS } from '../seed-data.ts';
import { AGREEMENT_WAYS } from './agreement-rules.ts';
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
        fc.option(
          fc.record({
            way: fc.constantFrom(...Object.keys(AGREEMENT_WAYS)),
            agreedOn: fc.constantFrom('2026-01-31', '2026-12-02', '2028-02-29'),
          }),
          { nil: null },
        ),
        (plan, outcomes, total, budget, option, agreement) => {
          const input: PlanEasyReadInput = {
            plan,
            content: { outcomes },
            totals: { weekly: { total } },
            budget,
            optionByOutcome: Object.fromEntries(
              outcomes.filter((_, i) => i % 2 === 0).map((o) => [o.ref, option]),
            ),
            agreement,
          };
          const lines = planEasyRead(input);
          expect(easyReadProblems(lines)).toEqual([]);
          // Said once: a recorded agreement replaces the state's own "You signed your plan".
          expect(
            lines.filter((l) => l.picture === 'sign' && l.text.startsWith('You signed')).length,
          ).toBeLessThan(2);
        },
      ),
    );
  });

  it('says how the person agreed, when a worker recorded it', () => {
    const lines = planEasyRead({
      plan: { state: 'signed' },
      content: { outcomes: [] },
      totals: { weekly: { total: 0 } },
      budget: null,
      optionByOutcome: {},
      agreement: { way: 'paper', agreedOn: '2026-12-02' },
    }).map((l) => l.text);
    expect(lines).toContain('You signed your plan on paper on 2 December 2026.');
    expect(lines).not.toContain('You signed your plan.');
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
