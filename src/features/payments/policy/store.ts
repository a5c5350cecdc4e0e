import { desc, lte } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { paymentPolicyVersions } from '../schema.ts';

/**
 * The direct-payment policy in force on a date: surplus threshold, the council's paying
 * account and whether a payment run needs two people. The council's payment settings are
 * versions of this policy, so changing one is a new version, never an edit.
 */
export async function paymentPolicyOn(tx: Tx, on: string) {
  const [row] = await tx
    .select()
    .from(paymentPolicyVersions)
    .where(lte(paymentPolicyVersions.effectiveFrom, on))
    .orderBy(desc(paymentPolicyVersions.effectiveFrom), desc(paymentPolicyVersions.createdAt))
    .limit(1);
  return row ?? null;
}
