import type { PersonAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/client.ts';
import { todayInLondon } from '../../../platform/dates.ts';
import { addAgreedBudgetVersion } from '../../budgets/index.ts';
import { councilStreams, streamLabel } from '../../council-settings/index.ts';
import { fundingStreamTotals, planTotals } from './costs.ts';
import { directPaymentNeeds } from './direct-payment.ts';
import { type PlanEvent, transition } from './rules.ts';
import {
  lifecycleActor,
  loadPlanContext,
  refused,
  requirePlan,
  staleWrite,
  toMachine,
  withNewOutcomes,
} from './context.ts';
import { insertPlanVersion, supersedeOlderAgreed, updatePlanIfUnchanged } from './store.ts';

export type PlanDecision =
  | { type: 'share' }
  | { type: 'sign' }
  | { type: 'submit' }
  | { type: 'return'; reasons: string[] }
  | { type: 'agree'; overBudgetReason?: string };

/**
 * Moves the current version along its lifecycle. The version acted on must be the one the
 * actor saw (row_version), and the change is one compare-and-set UPDATE, so of two people
 * deciding at once exactly one wins and the other is told to look again.
 */
export async function decide(db: Db, access: PersonAccess, rowVersion: number, decision: PlanDecision) {
  return audited(
    db,
    access,
    `plan.${decision.type}`,
    async (tx) => {
      const context = await loadPlanContext(tx, access);
      const plan = requirePlan(context.plan);
      if (plan.rowVersion !== rowVersion) staleWrite();
      const actor = lifecycleActor(access);
      const on = todayInLondon();
      const event: PlanEvent =
        decision.type === 'agree'
          ? {
              type: 'agree',
              actor,
              on,
              overBudgetException: decision.overBudgetReason?.trim()
                ? { reason: decision.overBudgetReason }
                : undefined,
            }
          : decision.type === 'return'
            ? { type: 'return', actor, on, reasons: decision.reasons }
            : { type: decision.type, actor, on };
      // An open plan is checked as it is shown: with any outcome agreed since it was written.
      const machine = toMachine(plan, context.budgetWeekly);
      if (decision.type === 'share' || decision.type === 'sign' || decision.type === 'submit')
        machine.content = withNewOutcomes(plan.content, context.outcomes);
      const result = transition(machine, event);
      if (!result.ok) refused(result.error);
      const next = result.plan;
      const updated = await updatePlanIfUnchanged(tx, plan.id, rowVersion, {
        state: next.state,
        signature:
          decision.type === 'sign'
            ? { ...next.signature, name: access.actor.displayName, relationship: access.relationship.kind }
            : next.signature,
        returnReasons: next.returnReasons,
        overBudgetException: next.overBudgetException?.reason ?? null,
        decidedBy:
          decision.type === 'agree' || decision.type === 'return' ? access.actor.userId : plan.decidedBy,
        decidedOn: decision.type === 'agree' || decision.type === 'return' ? on : plan.decidedOn,
        agreedBudgetWeekly: decision.type === 'agree' ? context.budgetWeekly : plan.agreedBudgetWeekly,
        // The day the person was given these words: a recorded agreement cannot be older.
        ...(decision.type === 'share' ? { sharedOn: on } : {}),
      });
      if (!updated) staleWrite();
      if (decision.type !== 'agree') return { plan: updated, budgetVersion: null, directPayment: null };

      // Agreement: the older agreed plan steps aside, and the agreed budget follows this plan.
      await supersedeOlderAgreed(tx, access.personId, updated.version);
      const source = `Support plan version ${updated.version}`;
      const streams = await councilStreams(tx);
      const label = (code: string) => streamLabel(code, streams);
      const totals = planTotals(updated.content.costLines, source, updated.content.outcomes, label);
      const exception = updated.overBudgetException;
      const budgetVersion = await addAgreedBudgetVersion(tx, {
        authorityId: access.authorityId,
        personId: access.personId,
        basis: context.budget,
        planWeekly: totals.weekly.total,
        planExplanation: totals.weekly,
        planFundingStreams: fundingStreamTotals(updated.content.costLines, label),
        overBudget: exception ? { reason: exception, agreedBy: access.actor.displayName } : undefined,
        reason: `${source} agreed by ${access.actor.displayName}${exception ? ` over budget: ${exception}` : ''}`,
        decidedBy: access.actor.userId,
        supportPlanId: updated.id,
      });
      return {
        plan: updated,
        budgetVersion,
        directPayment: directPaymentNeeds(updated.content.costLines, source, label),
      };
    },
    { rowVersion, decision: decision.type },
  );
}

/** Starts the next version from the agreed plan (for example at review); the agreed one stays in force. */
export async function startNewVersion(db: Db, access: PersonAccess, rowVersion: number) {
  return audited(db, access, 'plan.new_version', async (tx) => {
    const context = await loadPlanContext(tx, access);
    const plan = requirePlan(context.plan);
    if (plan.rowVersion !== rowVersion) staleWrite();
    const result = transition(toMachine(plan, context.budgetWeekly), {
      type: 'new_version',
      actor: lifecycleActor(access),
    });
    if (!result.ok) refused(result.error);
    // Touch the agreed row so two people starting a new version at once cannot both succeed.
    if (!(await updatePlanIfUnchanged(tx, plan.id, rowVersion, {}))) staleWrite();
    return insertPlanVersion(tx, {
      authorityId: access.authorityId,
      personId: access.personId,
      version: result.plan.version,
      round: 1,
      content: result.plan.content,
      agreedBudgetWeekly: context.budget?.weeklyAmount ?? null,
      createdBy: access.actor.userId,
      outcomeIds: new Set(context.outcomes.map((o) => o.id)),
    });
  });
}
