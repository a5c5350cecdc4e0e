/**
 * The support plan's life as a pure state machine:
 *
 *   draft → shared → signed → submitted → agreed
 *                                       ↘ returned → (edit) → draft, next round
 *
 * Decisions recorded here:
 * - Editing is allowed in draft, shared and signed. A signature is consent to the exact
 *   words, so any edit after sharing moves the plan back to draft and clears the signature;
 *   it must be shared and signed again.
 * - A submitted plan cannot be edited: the manager is deciding on those words. They return it.
 * - Editing a returned plan opens the next round as a draft.
 * - Only a finished plan moves on (completeness.ts): sharing, signing, submitting and agreeing
 *   are each someone committing to the whole plan, so each is refused with the list of what
 *   is missing. Drafts may be unfinished.
 * - Someone without an account agrees the shared version on paper, verbally, with an advocate
 *   present or through a representative; a worker records it (`record_agreement`,
 *   agreement-rules.ts) and it stands for the signature: shared → signed, as signing does.
 * - An agreed plan never changes. `new_version` starts a new draft with the next version
 *   number, a copy of the content and no signature; the agreed version stays as it was.
 */
import type { Relationship } from '../../../platform/auth/policy.ts';
import type { Role } from '../../../platform/auth/roles.ts';
import type { IsoDate } from '../../../platform/dates.ts';
import type { Pence } from '../../../platform/money/index.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import type { AgreementWay } from './agreement-rules.ts';
import { missingFromPlan } from './completeness.ts';
import type { SupportPlanContent } from './content.ts';
import { checkAgainstBudget, planTotals } from './costs.ts';

export type PlanState = 'draft' | 'shared' | 'signed' | 'submitted' | 'agreed' | 'returned';

/**
 * Who acts on the plan, in the platform's words (platform/auth): the account's role and its
 * relationship to the person, as the guard resolved them (a `PersonAccess`). The person's side
 * acts through that relationship (themselves, or a representative within the powers they
 * hold); professionals act through their role.
 */
export interface PlanActor {
  role: Role;
  relationship: Relationship;
  id?: string;
}

export interface OverBudgetException {
  reason: string;
}

export type PlanEvent = { actor: PlanActor; on?: IsoDate } & (
  | { type: 'share' }
  | { type: 'edit'; content: SupportPlanContent }
  | { type: 'sign' }
  | { type: 'record_agreement'; way: AgreementWay }
  | { type: 'submit' }
  | { type: 'agree'; overBudgetException?: OverBudgetException }
  | { type: 'return'; reasons: readonly string[] }
  | { type: 'new_version' }
);
export type PlanEventType = PlanEvent['type'];

export interface Signature {
  /** Who signed: the person themselves, or their representative (stored with the plan). */
  role: Extract<Role, 'person' | 'representative'>;
  actorId?: string;
  on?: IsoDate;
  /** Set when a worker recorded how the person agreed (agreement-rules.ts), not signed from an account. */
  way?: AgreementWay;
}

export interface SupportPlan {
  version: number;
  /** Rounds within a version: each return and rework is a new round. */
  round: number;
  state: PlanState;
  content: SupportPlanContent;
  /** Weekly agreed budget the plan is checked against. */
  agreedBudget: Pence;
  signature: Signature | null;
  /** Why the plan was last returned, kept so the next round can answer each reason. */
  returnReasons: string[];
  overBudgetException: OverBudgetException | null;
  decidedBy?: string;
  decidedOn?: IsoDate;
}

export type PlanErrorCode =
  | 'wrong_state'
  | 'not_permitted'
  | 'reasons_required'
  | 'not_signed'
  | 'over_budget'
  | 'incomplete_plan';

export interface PlanError {
  code: PlanErrorCode;
  message: string;
  /** For 'incomplete_plan': each missing thing, by its path in the plan's content. */
  missing?: FieldError[];
}

export type TransitionResult = { ok: true; plan: SupportPlan } | { ok: false; error: PlanError };

export function newPlan(content: SupportPlanContent, agreedBudget: Pence): SupportPlan {
  return {
    version: 1,
    round: 1,
    state: 'draft',
    content,
    agreedBudget,
    signature: null,
    returnReasons: [],
    overBudgetException: null,
  };
}

const fail = (code: PlanErrorCode, message: string): TransitionResult => ({
  ok: false,
  error: { code, message },
});

/** The representative's power each act needs; signing is consent to the exact words. */
const SIGN_POWER = 'sign_support_plan';
const WELFARE_POWER = 'welfare_decisions';

/** The person themselves, or their representative: they act by relationship, never by role. */
function onPersonSide(actor: PlanActor): boolean {
  return actor.relationship.kind === 'self' || actor.relationship.kind === 'representative';
}

/** The person, or a representative holding the power for the act: the people who own the plan. */
function actsForPerson(actor: PlanActor, power: string): boolean {
  const { kind, powers } = actor.relationship;
  return kind === 'self' || (kind === 'representative' && powers.includes(power));
}

/** A professional acting by role (not as the person or their representative). */
function actsAs(actor: PlanActor, role: Role): boolean {
  return !onPersonSide(actor) && actor.role === role;
}

/**
 * Co-production: the person's side and the professionals who help write the plan (the
 * worker, a direct-payment support organisation) may edit it.
 */
function mayEdit(actor: PlanActor): boolean {
  return actsForPerson(actor, WELFARE_POWER) || actsAs(actor, 'worker') || actsAs(actor, 'support');
}

const STATE_WORDS: Record<PlanState, string> = {
  draft: 'a draft',
  shared: 'shared with the person',
  signed: 'signed',
  submitted: 'waiting for a decision',
  agreed: 'agreed',
  returned: 'returned for changes',
};

/** Refuses a step on an unfinished plan, listing everything missing; null when it is finished. */
function unfinished(plan: SupportPlan, what: string): TransitionResult | null {
  const missing = missingFromPlan(plan.content);
  if (missing.length === 0) return null;
  return {
    ok: false,
    error: {
      code: 'incomplete_plan',
      message: `The plan is not finished, so it cannot be ${what} yet: ${missing.map((p) => p.message).join('; ')}`,
      missing,
    },
  };
}

function wrongState(plan: SupportPlan, what: string): TransitionResult {
  return fail('wrong_state', `You cannot ${what} a plan that is ${STATE_WORDS[plan.state]}`);
}

export function transition(plan: SupportPlan, event: PlanEvent): TransitionResult {
  const { actor } = event;
  switch (event.type) {
    case 'edit': {
      if (!['draft', 'shared', 'signed', 'returned'].includes(plan.state)) return wrongState(plan, 'change');
      if (!mayEdit(actor))
        return fail(
          'not_permitted',
          'Only the person, their representative or their worker can change the plan',
        );
      const nextRound = plan.state === 'returned' ? plan.round + 1 : plan.round;
      return {
        ok: true,
        plan: { ...plan, state: 'draft', round: nextRound, content: event.content, signature: null },
      };
    }
    case 'share': {
      if (plan.state !== 'draft') return wrongState(plan, 'share');
      if (!mayEdit(actor))
        return fail(
          'not_permitted',
          'Only the person, their representative or their worker can share the plan',
        );
      const missing = unfinished(plan, 'shared');
      if (missing) return missing;
      return { ok: true, plan: { ...plan, state: 'shared' } };
    }
    case 'sign': {
      if (plan.state !== 'shared') return wrongState(plan, 'sign');
      if (!actsForPerson(actor, SIGN_POWER)) {
        return fail(
          'not_permitted',
          'Only the person, or a representative with the power to sign, can sign the plan',
        );
      }
      const missing = unfinished(plan, 'signed');
      if (missing) return missing;
      const signature: Signature = {
        role: actor.relationship.kind === 'self' ? 'person' : 'representative',
        actorId: actor.id,
        on: event.on,
      };
      return { ok: true, plan: { ...plan, state: 'signed', signature } };
    }
    case 'record_agreement': {
      // For someone who has no account: a worker holding the case writes down how they agreed.
      if (plan.state !== 'shared') return wrongState(plan, 'record an agreement to');
      if (!actsAs(actor, 'worker') && !actsAs(actor, 'manager'))
        return fail(
          'not_permitted',
          'Only a worker or manager holding the case can record how the person agreed the plan',
        );
      const missing = unfinished(plan, 'agreed by the person');
      if (missing) return missing;
      const signature: Signature = {
        role: event.way === 'representative' ? 'representative' : 'person',
        actorId: actor.id,
        on: event.on,
        way: event.way,
      };
      return { ok: true, plan: { ...plan, state: 'signed', signature } };
    }
    case 'submit': {
      if (plan.state !== 'signed') return wrongState(plan, 'submit');
      if (!mayEdit(actor))
        return fail(
          'not_permitted',
          'Only the person, their representative or their worker can submit the plan',
        );
      const missing = unfinished(plan, 'submitted');
      if (missing) return missing;
      return { ok: true, plan: { ...plan, state: 'submitted' } };
    }
    case 'agree':
      return agree(plan, event.actor, event.overBudgetException, event.on);
    case 'return': {
      if (plan.state !== 'submitted') return wrongState(plan, 'return');
      if (!actsAs(actor, 'manager')) return fail('not_permitted', 'Only a manager can return a plan');
      const reasons = event.reasons.map((r) => r.trim()).filter((r) => r !== '');
      if (reasons.length === 0)
        return fail('reasons_required', 'Give at least one reason for returning the plan');
      return {
        ok: true,
        plan: {
          ...plan,
          state: 'returned',
          returnReasons: reasons,
          decidedBy: actor.id,
          decidedOn: event.on,
        },
      };
    }
    case 'new_version':
      return newVersionFrom(plan, actor);
  }
}

function agree(
  plan: SupportPlan,
  actor: PlanActor,
  exception: OverBudgetException | undefined,
  on: IsoDate | undefined,
): TransitionResult {
  if (plan.state !== 'submitted') return wrongState(plan, 'agree');
  if (!actsAs(actor, 'manager')) return fail('not_permitted', 'Only a manager can agree a plan');
  if (plan.signature === null) return fail('not_signed', 'The plan must be signed before it is agreed');
  const missing = unfinished(plan, 'agreed');
  if (missing) return missing;
  const check = checkAgainstBudget(planTotals(plan.content.costLines).weekly.total, plan.agreedBudget);
  const reason = exception?.reason.trim() ?? '';
  if (!check.withinBudget && reason === '') {
    return fail('over_budget', `${check.explanation} Give a reason to agree it over budget.`);
  }
  const overBudgetException = check.withinBudget ? null : { reason };
  return {
    ok: true,
    plan: {
      ...plan,
      state: 'agreed',
      returnReasons: [],
      overBudgetException,
      decidedBy: actor.id,
      decidedOn: on,
    },
  };
}

/**
 * Starts the next version from an agreed plan, e.g. at review. Anyone who may edit the plan,
 * or a manager, can start one. The agreed plan itself is untouched.
 */
export function newVersionFrom(
  agreed: SupportPlan,
  actor: PlanActor = { role: 'worker', relationship: { kind: 'allocated_worker', powers: [] } },
): TransitionResult {
  if (agreed.state !== 'agreed') return wrongState(agreed, 'start a new version of');
  if (!mayEdit(actor) && !actsAs(actor, 'manager')) {
    return fail(
      'not_permitted',
      'Only the person, their representative, their worker or a manager can start a new version',
    );
  }
  return {
    ok: true,
    plan: {
      version: agreed.version + 1,
      round: 1,
      state: 'draft',
      content: structuredClone(agreed.content),
      agreedBudget: agreed.agreedBudget,
      signature: null,
      returnReasons: [],
      overBudgetException: null,
    },
  };
}
