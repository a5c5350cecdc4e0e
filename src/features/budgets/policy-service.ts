import { and, eq, isNull, ne } from 'drizzle-orm';
import type { CouncilAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import { ageBand } from '../../platform/age-bands.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { inTenant } from '../../platform/db/transaction.ts';
import { addDays, ageOn, todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { effectiveDateErrors } from '../eligibility/index.ts';
import { ETHNICITY } from '../people/index.ts';
import {
  type AssessedNeed,
  type BudgetPolicy,
  computeBudget,
  type RepricingRow,
  type RepricingSummary,
  summariseRepricing,
  validateBudgetPolicy,
} from './rules.ts';
import {
  allPolicyVersions,
  currentCostedBudgets,
  type PolicyVersion,
  policyInForce,
  policyVersion,
  publishedPolicyVersions,
  unitsInUse,
} from './policy-store.ts';
import { budgetPolicyVersions } from './schema.ts';

export interface PolicyDraftInput extends BudgetPolicy {
  effectiveFrom: string;
  coProducedWith?: string | null;
}

/** The administrator's list: every version, drafts included, and the one in force today. */
export async function policyOverview(db: Db, access: CouncilAccess) {
  return audited(db, access, 'policy.budget.list', async (tx) => ({
    versions: await allPolicyVersions(tx),
    inForce: (await policyInForce(tx, todayInLondon())) ?? null,
  }));
}

/**
 * Everything wrong with a draft, as field errors: the policy's own rules (rates, contingency,
 * bands), its dates against the published versions, a name already used, and any support unit
 * dropped while current budgets still cost it (that would be a cut nobody could see).
 */
async function draftErrors(tx: Tx, draft: PolicyDraftInput, ignoreId?: string): Promise<FieldError[]> {
  const errors = validateBudgetPolicy(draft);
  const all = await allPolicyVersions(tx);
  const published = all.filter((v) => v.status === 'published' && v.id !== ignoreId);
  errors.push(...effectiveDateErrors(published, draft.effectiveFrom));
  if (all.some((v) => v.id !== ignoreId && v.versionLabel.trim() === draft.versionLabel.trim()))
    errors.push({
      field: 'versionLabel',
      message: `“${draft.versionLabel}” is already used: give this version its own name.`,
    });
  const codes = new Set(draft.supportUnits.map((u) => u.code));
  for (const [code, budgets] of await unitsInUse(tx))
    if (!codes.has(code))
      errors.push({
        field: 'supportUnits',
        message: `${budgets} current ${budgets === 1 ? 'budget uses' : 'budgets use'} the unit “${code}”. Keep it in this version.`,
      });
  return errors;
}

/** Save a draft after checking it; nothing is saved when anything is wrong. */
export async function draftPolicy(
  db: Db,
  access: CouncilAccess,
  draft: PolicyDraftInput,
): Promise<PolicyVersion> {
  return audited(db, access, 'policy.budget.draft', async (tx) => {
    const errors = await draftErrors(tx, draft);
    if (errors.length) throw Problem.invalid(errors);
    const { effectiveFrom, coProducedWith, ...content } = draft;
    const [row] = await tx
      .insert(budgetPolicyVersions)
      .values({
        authorityId: access.authorityId,
        versionLabel: draft.versionLabel.trim(),
        effectiveFrom,
        status: 'draft',
        content: { ...content, versionLabel: draft.versionLabel.trim() },
        coProducedWith: coProducedWith?.trim() || null,
        createdBy: access.actor.userId,
      })
      .returning();
    return { ...row!, content: row!.content as BudgetPolicy };
  });
}

export interface RepricingReport {
  summary: RepricingSummary;
  /** Current budgets not costed from support units (agreed from a plan when no costed budget came before it). */
  notCosted: number;
}

/**
 * What a policy version would do to every current budget: one query for all budgets and
 * the people's groups, then each re-costed in memory with the same rules that cost it.
 */
async function reprice(tx: Tx, policy: PolicyVersion): Promise<RepricingReport> {
  const budgets = await currentCostedBudgets(tx);
  const rows: RepricingRow[] = [];
  let notCosted = 0;
  for (const budget of budgets) {
    const needs = budget.needs as AssessedNeed[];
    if (needs.length === 0) {
      notCosted += 1;
      continue;
    }
    rows.push({
      personRef: budget.personId,
      groups: {
        'Client group': budget.clientGroup ?? '',
        'Age band': ageBand(Math.max(0, ageOn(budget.dateOfBirth, policy.effectiveFrom))),
        Ethnicity: budget.ethnicity
          ? (ETHNICITY[budget.ethnicity as keyof typeof ETHNICITY] ?? budget.ethnicity)
          : '',
      },
      currentWeekly: Number(budget.weeklyAmount),
      // An amount agreed over budget was not priced by a rate, so a new policy leaves it as it is.
      proposedWeekly: computeBudget(policy.content, needs).weekly + Number(budget.overBudgetWeekly),
    });
  }
  return { summary: summariseRepricing(rows), notCosted };
}

export async function repricingPreview(db: Db, access: CouncilAccess, id: string) {
  return audited(
    db,
    access,
    'policy.budget.preview',
    async (tx) => {
      const version = await policyVersion(tx, id);
      if (!version) throw Problem.notFound('Policy version');
      const inForce = (await policyInForce(tx, todayInLondon())) ?? null;
      const report = version.status === 'draft' ? await reprice(tx, version) : null;
      const errors =
        version.status === 'draft'
          ? await draftErrors(tx, { ...version.content, effectiveFrom: version.effectiveFrom }, version.id)
          : [];
      return { version, inForce, report: report ?? (version.repricing as RepricingReport | null), errors };
    },
    { policyVersionId: id },
  );
}

/**
 * Publish a draft: checked again (another version may have been published since), the
 * re-pricing report kept with it for the public, and the version before it closed the day
 * before it starts. One transaction.
 */
export async function publishPolicy(db: Db, access: CouncilAccess, id: string): Promise<PolicyVersion> {
  return audited(
    db,
    access,
    'policy.budget.publish',
    async (tx) => {
      const version = await policyVersion(tx, id);
      if (!version) throw Problem.notFound('Policy version');
      if (version.status !== 'draft') throw Problem.conflict('This version has already been published.');
      const errors = await draftErrors(
        tx,
        { ...version.content, effectiveFrom: version.effectiveFrom },
        version.id,
      );
      if (errors.length)
        throw Problem.invalid(errors, 'This draft cannot be published until these are put right.');
      const report = await reprice(tx, version);
      await tx
        .update(budgetPolicyVersions)
        .set({ effectiveTo: addDays(version.effectiveFrom, -1) })
        .where(
          and(
            eq(budgetPolicyVersions.status, 'published'),
            isNull(budgetPolicyVersions.effectiveTo),
            ne(budgetPolicyVersions.id, id),
          ),
        );
      const [row] = await tx
        .update(budgetPolicyVersions)
        .set({
          status: 'published',
          publishedBy: access.actor.userId,
          publishedAt: new Date(),
          repricing: report,
        })
        .where(eq(budgetPolicyVersions.id, id))
        .returning();
      return { ...row!, content: row!.content as BudgetPolicy };
    },
    { policyVersionId: id },
  );
}

/** For "How we work out budgets": published versions only, readable without signing in. */
export async function publicBudgetPolicies(db: Db, authorityId: string) {
  return inTenant(db, authorityId, async (tx) => {
    const versions = await publishedPolicyVersions(tx);
    return {
      current: (await policyInForce(tx, todayInLondon())) ?? null,
      versions: [...versions].reverse(),
    };
  });
}
