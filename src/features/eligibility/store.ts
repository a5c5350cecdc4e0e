import { and, asc, desc, eq } from 'drizzle-orm';
import { authorities } from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { versionInForce } from '../../platform/policy-dates.ts';
import { eligibilityDecisions, eligibilityPolicyVersions } from './schema.ts';

export type EligibilityPolicyVersion = typeof eligibilityPolicyVersions.$inferSelect;
export type EligibilityDecisionRow = typeof eligibilityDecisions.$inferSelect;

/** Every published version, oldest first (the council's own, under row-level security); drafts never apply. */
export function eligibilityPolicyVersionsOf(tx: Executor): Promise<EligibilityPolicyVersion[]> {
  return tx
    .select()
    .from(eligibilityPolicyVersions)
    .where(eq(eligibilityPolicyVersions.status, 'published'))
    .orderBy(asc(eligibilityPolicyVersions.effectiveFrom));
}

/** Every version, drafts included, oldest first. */
export function allEligibilityPolicyVersions(tx: Executor): Promise<EligibilityPolicyVersion[]> {
  return tx
    .select()
    .from(eligibilityPolicyVersions)
    .orderBy(asc(eligibilityPolicyVersions.effectiveFrom), asc(eligibilityPolicyVersions.createdAt));
}

/** Which national rules the council decides under: its nation's. */
export async function councilFramework(tx: Tx, authorityId: string): Promise<'scotland' | 'england'> {
  const [row] = await tx
    .select({ nation: authorities.nation })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  return row?.nation ?? 'scotland';
}

/** Each person's latest decision's assessment (the decision that stands), for a draft's check page. */
export async function standingAssessments(tx: Executor) {
  return tx
    .selectDistinctOn([eligibilityDecisions.personId], {
      personId: eligibilityDecisions.personId,
      assessment: eligibilityDecisions.assessment,
    })
    .from(eligibilityDecisions)
    .orderBy(eligibilityDecisions.personId, desc(eligibilityDecisions.createdAt));
}

/** Marks the published version ending the day before its successor starts (its only change). */
export async function endVersion(tx: Tx, id: string, effectiveTo: IsoDate) {
  await tx
    .update(eligibilityPolicyVersions)
    .set({ effectiveTo })
    .where(and(eq(eligibilityPolicyVersions.id, id), eq(eligibilityPolicyVersions.status, 'published')));
}

export async function eligibilityPolicyInForce(
  tx: Executor,
  on: IsoDate,
): Promise<EligibilityPolicyVersion | undefined> {
  return versionInForce(await eligibilityPolicyVersionsOf(tx), on);
}

/** A person's decisions, newest first. */
export function decisionsFor(tx: Executor, personId: string): Promise<EligibilityDecisionRow[]> {
  return tx
    .select()
    .from(eligibilityDecisions)
    .where(eq(eligibilityDecisions.personId, personId))
    .orderBy(desc(eligibilityDecisions.createdAt));
}

/** The decision that stands now (the newest), for budgets: an indicative budget needs one. */
export async function latestDecision(tx: Executor, personId: string): Promise<EligibilityDecisionRow | null> {
  const [row] = await tx
    .select()
    .from(eligibilityDecisions)
    .where(eq(eligibilityDecisions.personId, personId))
    .orderBy(desc(eligibilityDecisions.createdAt))
    .limit(1);
  return row ?? null;
}
