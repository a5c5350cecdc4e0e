import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SupportPlanContent } from './content.ts';
import { diffPlanVersions } from './diff.ts';
import { planContent } from './plan-content.fixtures.ts';

const clone = (): SupportPlanContent => structuredClone(planContent);

describe('diffPlanVersions', () => {
  it('finds nothing when nothing changed, even if lists were reordered', () => {
    expect(diffPlanVersions(planContent, clone())).toEqual([]);
    const reordered = clone();
    reordered.costLines.reverse();
    expect(diffPlanVersions(planContent, reordered)).toEqual([]);
  });

  it('describes a changed cost in plain words, with the new total', () => {
    const next = clone();
    next.costLines[0]!.weeklyCost = 10_700;
    next.costLines[0]!.sdsOption = 2;
    expect(diffPlanVersions(planContent, next)).toEqual([
      {
        section: 'Costs',
        field: '"Personal assistant for swimming": cost',
        before: '£85.60 a week',
        after: '£107.00 a week',
      },
      {
        section: 'Costs',
        field: '"Personal assistant for swimming": how it is arranged',
        before: 'Option 1: a direct payment',
        after: 'Option 2: you choose, someone else arranges',
      },
      { section: 'Costs', field: 'Total cost', before: '£85.60 a week', after: '£107.00 a week' },
    ]);
  });

  it("reports the person's own sections: about me, flexibility and their view of a risk", () => {
    const next = clone();
    next.aboutMe = 'I am Sam. I love the water.';
    next.outcomes[0]!.flexibility = 'I can swap a swim for a walk';
    next.risks[0]!.personView = 'Swimming outside makes me feel free';
    expect(diffPlanVersions(planContent, next)).toEqual([
      { section: 'About me', field: 'About me', before: '', after: 'I am Sam. I love the water.' },
      {
        section: 'Outcomes',
        field: 'outcome "I want to go swimming with my friends again": how it can change',
        before: '',
        after: 'I can swap a swim for a walk',
      },
      {
        section: 'Risks the person chooses to take',
        field: 'risk "Swimming in open water in summer": the person\'s view',
        before: '',
        after: 'Swimming outside makes me feel free',
      },
    ]);
  });

  it('reports added and removed items', () => {
    const next = clone();
    next.risks = [];
    next.outcomes.push({
      ref: 'O2',
      personWords: 'Cook my own tea',
      workerView: '',
      howMet: 'Cooking class',
    });
    expect(diffPlanVersions(planContent, next)).toEqual([
      {
        section: 'Outcomes',
        field: 'Added: outcome "Cook my own tea"',
        before: null,
        after: 'Cook my own tea',
      },
      {
        section: 'Risks the person chooses to take',
        field: 'Removed: risk "Swimming in open water in summer"',
        before: 'Swimming in open water in summer — Only with a lifeguard on duty',
        after: null,
      },
    ]);
  });

  it("keeps the person's words and the worker's view as separate changes", () => {
    const next = clone();
    next.outcomes[0]!.workerView = 'Needs a hoist at the pool';
    const changes = diffPlanVersions(planContent, next);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.field).toBe('outcome "I want to go swimming with my friends again": worker\'s view');
  });

  it('shows restriction dates as people write them', () => {
    const restriction = {
      description: 'No alcohol',
      reasonKind: 'policy_clause' as const,
      reasonDetail: 'Clause 4.2',
      decidedBy: 'Panel',
      decidedOn: '2026-01-10',
      reviewOn: '2026-07-10',
    };
    const before = { ...clone(), restrictions: [restriction] };
    const after = {
      ...clone(),
      restrictions: [{ ...restriction, reviewOn: '2026-10-10' }],
      contingency: 'Call Jo',
    };
    expect(diffPlanVersions(before, after)).toEqual([
      {
        section: 'If things go wrong',
        field: 'What will happen',
        before: planContent.contingency,
        after: 'Call Jo',
      },
      {
        section: 'Restrictions on the money',
        field: 'restriction "No alcohol": review date',
        before: '10 July 2026',
        after: '10 October 2026',
      },
    ]);
  });

  it('reports a change exactly when the two versions differ', () => {
    const edit = fc.record({
      cost: fc.option(fc.nat(100_000), { nil: undefined }),
      contingency: fc.option(fc.string(), { nil: undefined }),
      howMet: fc.option(fc.string(), { nil: undefined }),
    });
    fc.assert(
      fc.property(edit, ({ cost, contingency, howMet }) => {
        const next = clone();
        if (cost !== undefined) next.costLines[0]!.weeklyCost = cost;
        if (contingency !== undefined) next.contingency = contingency;
        if (howMet !== undefined) next.outcomes[0]!.howMet = howMet;
        const changes = diffPlanVersions(planContent, next);
        const differs = JSON.stringify(next) !== JSON.stringify(planContent);
        expect(changes.length > 0).toBe(differs);
        expect(diffPlanVersions(next, next)).toEqual([]);
        // Read backwards, the same changes appear with before and after swapped.
        const back = diffPlanVersions(next, planContent);
        expect(back.map((c) => [c.field, c.before, c.after])).toEqual(
          changes.map((c) => [c.field, c.after, c.before]),
        );
      }),
    );
  });
});
