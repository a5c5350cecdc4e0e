import type { PersonAccess } from '../../../platform/auth/access.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { currentBudget } from '../../budgets/index.ts';
import { aboutMeConversation } from '../../conversations/index.ts';
import { listCurrentOutcomes, type OutcomeSummary } from '../../conversations/index.ts';
import { aboutMeFromConversation } from './about-me.ts';
import type { PlanOutcome, SupportPlanContent } from './content.ts';
import type { PlanActor, PlanError, Signature, SupportPlan } from './rules.ts';
import { councilOffer } from '../options/service.ts';
import { currentPlan, type PlanRow } from './store.ts';

/** Everything a plan action needs, read once inside its transaction. */
export async function loadPlanContext(tx: Tx, access: PersonAccess) {
  const [plan, outcomes, budget, offer, conversation] = [
    await currentPlan(tx, access.personId),
    await listCurrentOutcomes(tx, access.personId),
    await currentBudget(tx, access.personId),
    await councilOffer(tx, access.authorityId),
    await aboutMeConversation(tx, access.personId),
  ];
  return {
    plan,
    outcomes,
    budget,
    offer,
    budgetWeekly: budget?.weeklyAmount ?? 0,
    /** "About me" as the good conversation has it, for a plan that has none yet. */
    aboutMeStarter: aboutMeFromConversation(conversation),
  };
}
export type PlanContext = Awaited<ReturnType<typeof loadPlanContext>>;

/** A first draft starts from the person's agreed outcomes, in their words. */
export function outcomesForPlan(outcomes: readonly OutcomeSummary[]): PlanOutcome[] {
  return outcomes.map((o) => ({
    ref: o.id,
    personWords: o.personWords,
    workerView: o.professionalView ?? '',
    howMet: '',
    flexibility: '',
  }));
}

/** Whose words one of the plan's outcomes holds, as the plan page and the printed plan show it. */
export interface PlanWords {
  /** Said by the person themselves (as recorded now); everything else is shown apart from these. */
  own: boolean;
  attribution: string;
}

/**
 * Who said and who typed each of the plan's outcome words, by outcome ref: the recorded
 * outcome's attribution while the plan holds its words exactly as recorded. Words that are
 * no longer the recorded ones (changed since, or never recorded) are not claimed as anyone's.
 */
export function planWords(
  planOutcomes: readonly PlanOutcome[],
  recorded: readonly OutcomeSummary[],
): Record<string, PlanWords> {
  return Object.fromEntries(
    planOutcomes.map((o) => {
      const found = recorded.find((r) => r.id === o.ref && r.personWords.trim() === o.personWords.trim());
      return [
        o.ref,
        found
          ? { own: found.saidBy === 'person', attribution: found.attribution }
          : { own: false, attribution: WORDS_NOT_RECORDED },
      ];
    }),
  );
}

export const WORDS_NOT_RECORDED = 'Who said these words and who typed them was not recorded';

/** Outcomes agreed since the plan was started are added to the draft, so none is left out. */
export function withNewOutcomes(content: SupportPlanContent, outcomes: readonly OutcomeSummary[]) {
  const known = new Set(content.outcomes.map((o) => o.ref));
  const added = outcomesForPlan(outcomes.filter((o) => !known.has(o.id)));
  return added.length ? { ...content, outcomes: [...content.outcomes, ...added] } : content;
}

export function toMachine(row: PlanRow, agreedBudget: number): SupportPlan {
  return {
    version: row.version,
    round: row.round,
    // Only older versions are ever superseded; the current one never is.
    state: row.state === 'superseded' ? 'agreed' : row.state,
    content: row.content,
    agreedBudget,
    signature: (row.signature as Signature | null) ?? null,
    returnReasons: row.returnReasons ?? [],
    overBudgetException: row.overBudgetException ? { reason: row.overBudgetException } : null,
  };
}

/**
 * Who is acting, as the lifecycle takes it: the platform's role and the relationship the
 * guard resolved (which powers a representative holds today). The guard has already checked
 * the route's permission; the lifecycle decides what this actor may do to the plan.
 */
export function lifecycleActor(access: PersonAccess): PlanActor {
  return { role: access.actor.role, relationship: access.relationship, id: access.actor.userId };
}

/** A refused transition as the right HTTP problem. */
export function refused(error: PlanError): never {
  switch (error.code) {
    case 'not_permitted':
      throw Problem.forbidden(error.message);
    case 'reasons_required':
      throw Problem.invalid([{ field: 'reasons', message: error.message }]);
    case 'over_budget':
      throw Problem.invalid([{ field: 'overBudgetReason', message: error.message }]);
    case 'incomplete_plan':
      // Each missing thing by its path in the plan's content, as GET …/plan returns it.
      throw Problem.invalid(
        (error.missing ?? [{ field: 'plan', message: error.message }]).map((e) => ({
          field: e.field === 'plan' ? e.field : `content.${e.field}`,
          message: e.message,
        })),
        'The plan is not finished. Put right everything listed, then try again.',
      );
    default:
      throw new Problem(409, 'This cannot be done now', error.message);
  }
}

export function staleWrite(): never {
  throw Problem.conflict(
    'Someone else changed or decided on this plan while you were looking at it. Look at the plan again and try again.',
  );
}

export function requirePlan(plan: PlanRow | null): PlanRow {
  if (!plan) throw Problem.notFound('Support plan');
  return plan;
}
