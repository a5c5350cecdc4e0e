import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { supportPlanCostLines, supportPlans } from '../schema.ts';

/**
 * What other features need from agreed plans (payments builds direct-payment agreements
 * from option 1 lines; reports count option uptake). Runs in the caller's transaction.
 */
export type AgreedCostLine = typeof supportPlanCostLines.$inferSelect;

export async function latestAgreedPlan(tx: Tx, personId: string) {
  const [plan] = await tx
    .select()
    .from(supportPlans)
    .where(and(eq(supportPlans.personId, personId), eq(supportPlans.state, 'agreed')))
    .orderBy(desc(supportPlans.version))
    .limit(1);
  return plan ?? null;
}

/** The agreed plan's cost lines for one SDS option (1 = direct payment), or all lines. */
export async function agreedCostLines(
  tx: Tx,
  personId: string,
  sdsOption?: 1 | 2 | 3,
): Promise<AgreedCostLine[]> {
  const plan = await latestAgreedPlan(tx, personId);
  if (!plan) return [];
  const lines = await tx.select().from(supportPlanCostLines).where(eq(supportPlanCostLines.planId, plan.id));
  return sdsOption ? lines.filter((line) => line.sdsOption === sdsOption) : lines;
}
