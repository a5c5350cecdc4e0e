import { eq, inArray } from 'drizzle-orm';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import { users } from '../../platform/auth/schema.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { authorities } from '../../platform/db/schema.ts';
import { type FieldError, Problem, renameFields } from '../../platform/http/problem.ts';
import { listCurrentOutcomes, type OutcomeSummary } from '../conversations/index.ts';
import { latestDecision } from '../eligibility/index.ts';
import { type FundingStreamInput, splitFunding } from './funding.ts';
import { councilStreams } from '../council-settings/index.ts';
import { letterAddressing, personHeading, stageSupport } from '../people/index.ts';
import { approveInterimBudget, type InterimInput, openInterimBudgets } from './interim-service.ts';
import {
  draftPolicy,
  type PolicyDraftInput,
  policyOverview,
  publicBudgetPolicies,
  publishPolicy,
  repricingPreview,
} from './policy-service.ts';
import { policyInForce } from './policy-store.ts';
import {
  type AssessedNeed,
  type Budget,
  BudgetInputError,
  computeBudget,
  type OneOffCost,
  oneOffsOf,
  whatIf,
} from './rules.ts';
import { budgetFundingStreams } from './schema.ts';
import { addBudgetVersion, budgetHistory } from './versions.ts';

/** A need as a worker or API client gives it: which outcome, which unit, how many a week. */
export interface NeedInput {
  outcomeId: string;
  unitCode: string;
  quantityPerWeek: number;
  note?: string;
}

/** Everything the budget pages, the letter and the API show about one person's budget. */
export async function budgetRecord(db: Db, access: PersonAccess) {
  return audited(db, access, 'budget.read', async (tx) => ({
    ...(await loadRecord(tx, access.personId)),
    stageSupport: await stageSupport(tx, access, 'budget'),
  }));
}

/** The budget record and who its letter is from and to, in one audited read (the letter is the budget). */
export async function budgetLetterRecord(db: Db, access: PersonAccess) {
  return audited(db, access, 'budget.read', async (tx) => ({
    record: await loadRecord(tx, access.personId),
    addressing: await letterAddressing(tx, access.personId),
  }));
}

async function loadRecord(tx: Tx, personId: string) {
  const today = todayInLondon();
  const person = await personHeading(tx, personId);
  const history = await budgetHistory(tx, personId);
  const ids = history.map((b) => b.id);
  const streams = ids.length
    ? await tx.select().from(budgetFundingStreams).where(inArray(budgetFundingStreams.budgetId, ids))
    : [];
  const deciderIds = [...new Set(history.map((b) => b.decidedBy))];
  const names = deciderIds.length
    ? await tx
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, deciderIds))
    : [];
  const versions = history.map((b) => ({
    ...b,
    explanation: b.explanation as Budget,
    needs: b.needs as AssessedNeed[],
    decidedByName: names.find((n) => n.id === b.decidedBy)?.name ?? 'Unknown',
    fundingStreams: streams.filter((s) => s.budgetId === b.id),
    expired: b.kind === 'interim' && b.status === 'current' && !!b.expiresOn && b.expiresOn < today,
  }));
  const current =
    versions.find((v) => v.status === 'current' && v.kind === 'agreed') ??
    versions.find((v) => v.status === 'current' && v.kind === 'indicative') ??
    null;
  const interim = versions.find((v) => v.status === 'current' && v.kind === 'interim') ?? null;
  return {
    person,
    current,
    interim,
    versions,
    policy: (await policyInForce(tx, today)) ?? null,
    outcomes: await listCurrentOutcomes(tx, personId),
    eligibility: await latestDecision(tx, personId),
  };
}

export type BudgetRecord = Awaited<ReturnType<typeof budgetRecord>>;
/** What the budget letter is written from: the record without the page's advocacy question. */
export type BudgetLetterRecord = Awaited<ReturnType<typeof loadRecord>>;

/** Needs named by outcome id become the rules' needs, labelled with the person's own words. */
function toAssessedNeeds(needs: readonly NeedInput[], outcomes: OutcomeSummary[]) {
  const errors: FieldError[] = [];
  const assessed = needs.map((need, i): AssessedNeed => {
    const outcome = outcomes.find((o) => o.id === need.outcomeId);
    if (!outcome)
      errors.push({
        field: `needs[${i}].outcomeId`,
        message: 'Choose one of the person’s current outcomes.',
      });
    return {
      outcomeRef: need.outcomeId,
      outcomeLabel: outcome?.personWords ?? need.outcomeId,
      unitCode: need.unitCode,
      quantityPerWeek: need.quantityPerWeek,
      ...(need.note ? { note: need.note } : {}),
    };
  });
  return { assessed, errors };
}

const rulesErrors = (work: () => Budget) => {
  try {
    return { budget: work(), errors: [] as FieldError[] };
  } catch (error) {
    // The rules' own words for a need's outcome; the request names it outcomeId.
    if (error instanceof BudgetInputError)
      return {
        budget: null,
        errors: renameFields(error.errors, { outcomeRef: 'outcomeId', outcomeLabel: 'outcomeId' }),
      };
    throw error;
  }
};

export interface IndicativeInput {
  needs: NeedInput[];
  oneOffs?: OneOffCost[];
  fundingStreams?: FundingStreamInput[];
  reason: string;
}

/**
 * Cost the person's assessed needs under the policy in force today and save the result as
 * a new indicative version, with its explanation and funding streams. Needs an eligible
 * decision first. Any bad input: field errors, nothing saved.
 */
export async function costIndicativeBudget(db: Db, access: PersonAccess, input: IndicativeInput) {
  return audited(db, access, 'budget.indicative.create', async (tx) => {
    const record = await loadRecord(tx, access.personId);
    if (!record.eligibility?.eligible)
      throw Problem.invalid([
        {
          field: 'needs',
          message: record.eligibility
            ? 'The latest eligibility decision says the person is not eligible, so there is no indicative budget to work out.'
            : 'Decide eligibility first: an indicative budget follows an eligible decision.',
        },
      ]);
    if (!record.policy)
      throw Problem.invalid([
        {
          field: 'needs',
          message: 'No budget policy is in force today. Ask an administrator to publish one.',
        },
      ]);
    const errors: FieldError[] = [];
    if (!input.reason.trim())
      errors.push({
        field: 'reason',
        message: 'Say why this budget is being worked out, e.g. “First assessment”.',
      });
    if (input.needs.length === 0) errors.push({ field: 'needs', message: 'Cost at least one need.' });
    const { assessed, errors: outcomeErrors } = toAssessedNeeds(input.needs, record.outcomes);
    const { budget, errors: ruleErrors } = rulesErrors(() =>
      computeBudget(record.policy!.content, assessed, input.oneOffs ?? []),
    );
    errors.push(...outcomeErrors, ...ruleErrors);
    const funding = budget
      ? splitFunding(
          budget.weekly,
          input.fundingStreams ?? [],
          await councilName(tx, access.authorityId),
          await councilStreams(tx),
        )
      : null;
    if (funding) errors.push(...funding.errors);
    if (errors.length || !budget || !funding) throw Problem.invalid(errors);
    return addBudgetVersion(tx, {
      authorityId: access.authorityId,
      personId: access.personId,
      kind: 'indicative',
      weeklyAmount: budget.weekly,
      annualAmount: budget.annual,
      oneOffTotal: budget.oneOffTotal,
      needs: assessed,
      explanation: budget,
      policyVersionId: record.policy.id,
      reason: input.reason.trim(),
      decidedBy: access.actor.userId,
      fundingStreams: funding.streams,
    });
  });
}

/**
 * How the current budget would change if needs changed, under the policy in force today.
 * Nothing is saved; the read is audited like any other.
 */
export async function budgetWhatIf(db: Db, access: PersonAccess, changed: NeedInput[]) {
  return audited(db, access, 'budget.what_if.read', async (tx) => {
    const record = await loadRecord(tx, access.personId);
    if (!record.current || !record.policy)
      throw Problem.invalid([
        { field: 'changedNeeds', message: 'There is no budget worked out yet to compare with.' },
      ]);
    const { assessed, errors } = toAssessedNeeds(changed, record.outcomes);
    errors.forEach((e) => {
      e.field = e.field.replace(/^needs/, 'changedNeeds');
    });
    if (errors.length) throw Problem.invalid(errors);
    try {
      return {
        record,
        result: whatIf(
          record.policy.content,
          record.current.needs,
          assessed,
          oneOffsOf(record.current.explanation),
        ),
      };
    } catch (error) {
      if (error instanceof BudgetInputError) throw Problem.invalid(error.errors);
      throw error;
    }
  });
}

export async function councilName(tx: Tx, authorityId: string): Promise<string> {
  const [row] = await tx
    .select({ name: authorities.name })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  return row?.name ?? 'The council';
}

/**
 * The budgets feature's services, bound to the database once (src/features/services.ts).
 * Pages and the API call these; route tests pass fakes of the same shape.
 */
export const budgetServices = (db: Db) => ({
  record: (access: PersonAccess) => budgetRecord(db, access),
  letter: (access: PersonAccess) => budgetLetterRecord(db, access),
  whatIf: (access: PersonAccess, changed: NeedInput[]) => budgetWhatIf(db, access, changed),
  costIndicative: (access: PersonAccess, input: IndicativeInput) => costIndicativeBudget(db, access, input),
  approveInterim: (access: PersonAccess, input: InterimInput) => approveInterimBudget(db, access, input),
  openInterims: (access: CouncilAccess) => openInterimBudgets(db, access),
  policyOverview: (access: CouncilAccess) => policyOverview(db, access),
  draftPolicy: (access: CouncilAccess, draft: PolicyDraftInput) => draftPolicy(db, access, draft),
  repricingPreview: (access: CouncilAccess, policyId: string) => repricingPreview(db, access, policyId),
  publishPolicy: (access: CouncilAccess, policyId: string) => publishPolicy(db, access, policyId),
  publicPolicies: (authorityId: string) => publicBudgetPolicies(db, authorityId),
});
