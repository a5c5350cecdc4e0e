import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { versionInForce } from '../../platform/policy-dates.ts';
import { eligibilityDecisions, eligibilityPolicyVersions } from './schema.ts';

export type EligibilityPolicyVersion = typeof eligibilityPolicyVersions.$inferSelect;
export type EligibilityDecisionRow = typeof eligibilityDecisions.$inferSelect;

/** Every published version, oldest first (the council's own, under row-level security). */
export function eligibilityPolicyVersionsOf(tx: Executor): Promise<EligibilityPolicyVersion[]> {
  return tx.select().from(eligibilityPolicyVersions).orderBy(asc(eligibilityPolicyVersions.effectiveFrom));
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
