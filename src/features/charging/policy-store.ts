import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { rows } from '../../platform/db/transaction.ts';
import type { StoredAssessment } from './policy-change.ts';
import { chargingPolicyVersions } from './schema.ts';

export type PolicyRow = typeof chargingPolicyVersions.$inferSelect;

/**
 * The published version in force on a date: the latest published one that has started. Drafts
 * never apply, and a version published from a later date does not change an earlier day.
 */
export async function publishedPolicyOn(tx: Executor, on: IsoDate): Promise<PolicyRow | null> {
  const [row] = await tx
    .select()
    .from(chargingPolicyVersions)
    .where(and(eq(chargingPolicyVersions.status, 'published'), lte(chargingPolicyVersions.effectiveFrom, on)))
    .orderBy(desc(chargingPolicyVersions.effectiveFrom), desc(chargingPolicyVersions.createdAt))
    .limit(1);
  return row ?? null;
}

/** Every row, drafts and their revisions included, oldest first. */
export async function allPolicyRows(tx: Executor): Promise<PolicyRow[]> {
  return tx
    .select()
    .from(chargingPolicyVersions)
    .orderBy(asc(chargingPolicyVersions.effectiveFrom), asc(chargingPolicyVersions.createdAt));
}

export async function policyRow(tx: Executor, id: string): Promise<PolicyRow | undefined> {
  const [row] = await tx.select().from(chargingPolicyVersions).where(eq(chargingPolicyVersions.id, id));
  return row;
}

/**
 * Everyone's current financial assessment (their latest), with the inputs it was worked out
 * from, in one query: what a new version is tried against before it is published.
 */
export async function currentAssessments(tx: Executor): Promise<StoredAssessment[]> {
  return rows<StoredAssessment>(
    tx,
    sql`select distinct on (person_id)
          person_id as "personId", band, incomes, capital, expenses, services,
          weekly_contribution::float8 as "weeklyContribution"
        from financial_assessments
        order by person_id, created_at desc, id desc`,
  );
}
