import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planContent } from './plan-content.fixtures.ts';
import {
  newPlan,
  newVersionFrom,
  type PlanActor,
  type PlanEvent,
  type SupportPlan,
  transition,
} from './rules.ts';
import { missingFromPlan } from './completeness.ts';
import { planTotals } from './costs.ts';
import type { SupportPlanContent } from './content.ts';

const person: PlanActor = { role: 'person', relationship: { kind: 'self', powers: [] }, id: 'sam' };
const worker: PlanActor = {
  role: 'worker',
  relationship: { kind: 'allocated_worker', powers: [] },
  id: 'w1',
};
const manager: PlanActor = { role: 'manager', relationship: { kind: 'team', powers: [] }, id: 'm1' };
/** A representative holding these powers (the platform's names, as people/rules.ts lists them). */
const representative = (...powers: string[]): PlanActor => ({
  role: 'representative',
  relationship: { kind: 'representative', powers },
});
const circleMember: PlanActor = {
  role: 'circle_member',
  relationship: { kind: 'circle_member', powers: ['view_record', 'contribute'] },
};
const BUDGET = 10_000;

const overBudget: SupportPlanContent = {
  ...planContent,
  costLines: planContent.costLines.map((l) => (l.weeklyCost > 0 ? { ...l, weeklyCost: 12_000 } : l)),
};
const unfinished: SupportPlanContent = { ...planContent, contingency: '' };
const outcomeNotWritten: SupportPlanContent = {
  ...planContent,
  outcomes: planContent.outcomes.map((o) => ({ ...o, howMet: '' })),
};
const supportForNoOutcome: SupportPlanContent = {
  ...planContent,
  costLines: [...planContent.costLines, { ...planContent.costLines[0]!, outcomeRef: 'O9' }],
};

/** Applies events in order; throws on the first refusal so a test reads as a story. */
function run(plan: SupportPlan, ...events: PlanEvent[]): SupportPlan {
  return events.reduce((p, e) => {
    const result = transition(p, e);
    if (!result.ok) throw new Error(`${e.type} refused: ${result.error.message}`);
    return result.plan;
  }, plan);
}

const toSubmitted = (content = planContent) =>
  run(
    newPlan(content, BUDGET),
    { type: 'share', actor: worker },
    { type: 'sign', actor: person, on: '2026-03-02' },
    { type: 'submit', actor: worker },
  );

describe('transition: the usual journey', () => {
  it('goes from draft to agreed', () => {
    const agreed = run(toSubmitted(), { type: 'agree', actor: manager, on: '2026-03-09' });
    expect(agreed.state).toBe('agreed');
    expect(agreed.signature).toEqual({ role: 'person', actorId: 'sam', on: '2026-03-02' });
    expect(agreed.decidedOn).toBe('2026-03-09');
    expect(agreed.overBudgetException).toBeNull();
  });

  it('lets an in-scope representative sign, but not one without the power', () => {
    const shared = run(newPlan(planContent, BUDGET), { type: 'share', actor: worker });
    expect(transition(shared, { type: 'sign', actor: representative('sign_support_plan') }).ok).toBe(true);
    const refused = transition(shared, { type: 'sign', actor: representative('welfare_decisions') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
    expect(transition(shared, { type: 'sign', actor: worker })).toMatchObject({ ok: false });
  });

  it('cannot be signed before it is shared', () => {
    const result = transition(newPlan(planContent, BUDGET), { type: 'sign', actor: person });
    expect(result).toEqual({
      ok: false,
      error: { code: 'wrong_state', message: 'You cannot sign a plan that is a draft' },
    });
  });

  it('moves a shared or signed plan back to draft on edit, clearing the signature', () => {
    const signed = run(
      newPlan(planContent, BUDGET),
      { type: 'share', actor: worker },
      { type: 'sign', actor: person },
    );
    const edited = run(signed, { type: 'edit', actor: worker, content: overBudget });
    expect(edited.state).toBe('draft');
    expect(edited.signature).toBeNull();
    expect(edited.content).toBe(overBudget);
  });

  it('cannot be edited while waiting for a decision', () => {
    expect(transition(toSubmitted(), { type: 'edit', actor: worker, content: planContent })).toMatchObject({
      ok: false,
      error: { code: 'wrong_state' },
    });
  });

  it('is not shared, signed, submitted or agreed while unfinished, and says what is missing', () => {
    const draft = newPlan(unfinished, BUDGET);
    const shared = transition(draft, { type: 'share', actor: worker });
    expect(shared).toMatchObject({ ok: false, error: { code: 'incomplete_plan' } });
    if (!shared.ok) {
      expect(shared.error.message).toMatch(/Say what will happen if things go wrong/);
      expect(shared.error.missing).toEqual([
        { field: 'contingency', message: 'Say what will happen if things go wrong' },
      ]);
    }
    // A plan that became unfinished at a later step (e.g. stored before this rule) is stopped there too.
    const at = (state: SupportPlan['state']): SupportPlan => ({
      ...draft,
      state,
      signature: state === 'shared' ? null : { role: 'person', actorId: 'sam' },
    });
    for (const [state, e] of [
      ['shared', { type: 'sign', actor: person }],
      ['signed', { type: 'submit', actor: worker }],
      ['submitted', { type: 'agree', actor: manager }],
    ] as const) {
      expect(transition(at(state), e), state).toMatchObject({
        ok: false,
        error: { code: 'incomplete_plan' },
      });
    }
  });

  it('only a manager can agree or return', () => {
    const submitted = toSubmitted();
    expect(transition(submitted, { type: 'agree', actor: worker })).toMatchObject({
      ok: false,
      error: { code: 'not_permitted' },
    });
    expect(transition(submitted, { type: 'return', actor: person, reasons: ['x'] })).toMatchObject({
      ok: false,
    });
  });

  it('returns with reasons, then starts the next round on edit', () => {
    const submitted = toSubmitted();
    expect(transition(submitted, { type: 'return', actor: manager, reasons: ['  '] })).toMatchObject({
      ok: false,
      error: { code: 'reasons_required' },
    });
    const returned = run(submitted, {
      type: 'return',
      actor: manager,
      reasons: [' Add a contingency for winter '],
    });
    expect(returned.state).toBe('returned');
    expect(returned.returnReasons).toEqual(['Add a contingency for winter']);
    expect(transition(returned, { type: 'share', actor: worker }).ok).toBe(false);
    const reworked = run(returned, { type: 'edit', actor: person, content: planContent });
    expect(reworked).toMatchObject({ state: 'draft', round: 2, signature: null, version: 1 });
  });

  it('agrees an over-budget plan only with a written reason', () => {
    const submitted = toSubmitted(overBudget);
    const refused = transition(submitted, { type: 'agree', actor: manager });
    expect(refused).toMatchObject({ ok: false, error: { code: 'over_budget' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/£20\.00 more than the agreed budget/);
    expect(
      transition(submitted, { type: 'agree', actor: manager, overBudgetException: { reason: ' ' } }).ok,
    ).toBe(false);
    const agreed = run(submitted, {
      type: 'agree',
      actor: manager,
      overBudgetException: { reason: 'Extra hours for 6 weeks after hospital' },
    });
    expect(agreed.overBudgetException).toEqual({ reason: 'Extra hours for 6 weeks after hospital' });
  });

  it('does not record an exception that was not needed', () => {
    const agreed = run(toSubmitted(), {
      type: 'agree',
      actor: manager,
      overBudgetException: { reason: 'just in case' },
    });
    expect(agreed.overBudgetException).toBeNull();
  });

  it('starts a new version from an agreed plan and leaves the agreed one alone', () => {
    const agreed = run(toSubmitted(), { type: 'agree', actor: manager });
    const next = newVersionFrom(agreed, person);
    expect(next).toMatchObject({ ok: true, plan: { version: 2, round: 1, state: 'draft', signature: null } });
    if (next.ok) {
      expect(next.plan.content).toEqual(agreed.content);
      expect(next.plan.content).not.toBe(agreed.content);
    }
    expect(agreed.state).toBe('agreed');
    expect(transition(agreed, { type: 'new_version', actor: circleMember }).ok).toBe(false);
    expect(newVersionFrom(toSubmitted()).ok).toBe(false);
  });
});

describe('transition: properties over any sequence of events', () => {
  const actor = fc.oneof(
    fc.constantFrom<PlanActor>(
      person,
      worker,
      manager,
      {
        role: 'support',
        relationship: { kind: 'support_organisation', powers: ['view_record', 'manage_direct_payment'] },
      },
      circleMember,
      { role: 'finance', relationship: { kind: 'authority', powers: [] } },
    ),
    fc
      .subarray(['view_record', 'welfare_decisions', 'sign_support_plan', 'financial_decisions'])
      .map((powers) => representative(...powers)),
  );
  const content = fc.constantFrom(
    planContent,
    overBudget,
    unfinished,
    outcomeNotWritten,
    supportForNoOutcome,
  );
  const exception = fc.option(
    fc.constantFrom({ reason: '' }, { reason: 'Agreed at panel: short-term need' }),
    {
      nil: undefined,
    },
  );
  const event: fc.Arbitrary<PlanEvent> = fc.oneof(
    fc.record({ type: fc.constant('share' as const), actor }),
    fc.record({ type: fc.constant('edit' as const), actor, content }),
    fc.record({ type: fc.constant('sign' as const), actor }),
    fc.record({ type: fc.constant('submit' as const), actor }),
    fc.record({ type: fc.constant('agree' as const), actor, overBudgetException: exception }),
    fc.record({
      type: fc.constant('return' as const),
      actor,
      reasons: fc.constantFrom([], [' '], ['Too costly']),
    }),
    fc.record({ type: fc.constant('new_version' as const), actor }),
  );
  /** Mostly the right people doing the next step, so random runs often reach a decision. */
  const likely = (right: PlanActor) =>
    fc.oneof({ arbitrary: fc.constant(right), weight: 4 }, { arbitrary: actor, weight: 1 });
  const journey: fc.Arbitrary<PlanEvent[]> = fc.tuple(
    fc.record({ type: fc.constant('share' as const), actor: likely(worker) }),
    fc.record({ type: fc.constant('sign' as const), actor: likely(person) }),
    fc.record({ type: fc.constant('submit' as const), actor: likely(worker) }),
    fc.record({
      type: fc.constant('agree' as const),
      actor: likely(manager),
      overBudgetException: exception,
    }),
  );
  const events = fc
    .array(
      fc.oneof(
        event.map((e) => [e]),
        journey,
      ),
      { maxLength: 25 },
    )
    .map((chunks) => chunks.flat());
  const start = content.map((c) => newPlan(c, BUDGET));
  let agreements = 0;
  let overBudgetAgreements = 0;

  it('keeps every rule, whatever happens', () => {
    fc.assert(
      fc.property(start, events, (initial, sequence) => {
        let plan = initial;
        let validSignature = false;
        const agreedSnapshots = new Map<number, { plan: SupportPlan; copy: SupportPlan }>();
        let highestVersion = plan.version;

        for (const e of sequence) {
          const before = plan;
          const result = transition(plan, e);

          // No edit is accepted after agreement.
          if (before.state === 'agreed' && e.type === 'edit') expect(result.ok).toBe(false);
          if (!result.ok) continue;
          plan = result.plan;

          // Nothing unfinished is ever shared, signed, submitted or agreed.
          if (['share', 'sign', 'submit', 'agree'].includes(e.type))
            expect(missingFromPlan(plan.content)).toEqual([]);

          if (e.type === 'sign') {
            const { kind, powers } = e.actor.relationship;
            expect(
              kind === 'self' || (kind === 'representative' && powers.includes('sign_support_plan')),
            ).toBe(true);
            validSignature = true;
          }
          if (e.type === 'edit' || e.type === 'new_version') validSignature = false;

          if (e.type === 'agree') {
            agreements++;
            // No path agrees an unsigned plan.
            expect(validSignature).toBe(true);
            expect(plan.signature).not.toBeNull();
            expect(e.actor.role).toBe('manager');
            expect(['self', 'representative']).not.toContain(e.actor.relationship.kind);
            // Over-budget plans only agree with an exception.
            const total = planTotals(plan.content.costLines).weekly.total;
            if (total > plan.agreedBudget) {
              overBudgetAgreements++;
              expect(e.overBudgetException?.reason.trim()).toBeTruthy();
              expect(plan.overBudgetException?.reason).toBeTruthy();
            }
            agreedSnapshots.set(plan.version, { plan, copy: structuredClone(plan) });
          }

          if (e.type === 'new_version') {
            // A new version always has a number never used before.
            expect(before.state).toBe('agreed');
            expect(plan.version).toBe(highestVersion + 1);
            expect(plan.state).toBe('draft');
          }
          highestVersion = Math.max(highestVersion, plan.version);

          // An agreed plan's content never changes except through a new version.
          const agreed = agreedSnapshots.get(plan.version);
          if (agreed) expect(plan.content).toEqual(agreed.copy.content);
        }
        // Nothing reached back into an agreed plan object after it was agreed.
        for (const { plan: p, copy } of agreedSnapshots.values()) expect(p).toEqual(copy);
      }),
      { numRuns: 500 },
    );
    // The sequences must actually reach agreement, or the properties above prove nothing.
    expect(agreements).toBeGreaterThan(0);
    expect(overBudgetAgreements).toBeGreaterThan(0);
  });
});
