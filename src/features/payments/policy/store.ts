import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import { paymentPolicyVersions } from '../schema.ts';

export type PaymentPolicyRow = typeof paymentPolicyVersions.$inferSelect;

/**
 * The direct-payment policy in force on a date: surplus threshold, the council's paying
 * account, whether a payment run needs two people and the frequencies offered. The council's
 * payment settings are versions of this policy, so changing one is a new version, never an
 * edit; drafts never apply.
 */
export async function paymentPolicyOn(tx: Tx, on: string): Promise<PaymentPolicyRow | null> {
  const [row] = await tx
    .select()
    .from(paymentPolicyVersions)
    .where(and(eq(paymentPolicyVersions.status, 'published'), lte(paymentPolicyVersions.effectiveFrom, on)))
    .orderBy(desc(paymentPolicyVersions.effectiveFrom), desc(paymentPolicyVersions.createdAt))
    .limit(1);
  return row ?? null;
}

/** Every version, drafts included, oldest first. */
export async function allPaymentPolicyVersions(tx: Executor): Promise<PaymentPolicyRow[]> {
  return tx
    .select()
    .from(paymentPolicyVersions)
    .orderBy(asc(paymentPolicyVersions.effectiveFrom), asc(paymentPolicyVersions.createdAt));
}

export async function paymentPolicyVersion(tx: Executor, id: string): Promise<PaymentPolicyRow | undefined> {
  const [row] = await tx.select().from(paymentPolicyVersions).where(eq(paymentPolicyVersions.id, id));
  return row;
}
