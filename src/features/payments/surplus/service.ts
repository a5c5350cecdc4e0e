import { and, eq } from 'drizzle-orm';
import type { PersonAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/client.ts';
import { todayInLondon } from '../../../platform/dates.ts';
import { type FieldError, Problem } from '../../../platform/http/problem.ts';
import { agreementOf } from '../agreements/service.ts';
import { accountId } from '../ledger/account-ids.ts';
import { postTransfers } from '../ledger/store.ts';
import { findReview } from '../returns/service.ts';
import { recoveryOptions } from './rules.ts';
import { surplusReviews } from '../schema.ts';

export type Decision = 'keep' | 'recover_now' | 'reduce_next_payment';

/**
 * The council's decision on a surplus. Recovery is refused until the person has given their
 * view; keeping the money with the person is always allowed. Recovering now is a ledger
 * transfer; reducing the next payment is applied by the next payment run.
 */
export async function decideSurplus(
  db: Db,
  access: PersonAccess,
  reviewId: string,
  input: { decision: string; reason: string },
) {
  const errors: FieldError[] = [];
  if (!['keep', 'recover_now', 'reduce_next_payment'].includes(input.decision))
    errors.push({ field: 'decision', message: 'Choose what happens to the surplus' });
  if (input.reason.trim().length < 5)
    errors.push({
      field: 'reason',
      message: 'Give the reason for the decision, in words the person will read',
    });
  if (errors.length) throw Problem.invalid(errors);
  const decision = input.decision as Decision;
  return audited(
    db,
    access,
    'payments.surplus.decide',
    async (tx) => {
      const review = await findReview(tx, access.personId, reviewId);
      if (review.status === 'decided')
        throw Problem.conflict('This surplus review has already been decided.');
      if (decision !== 'keep' && review.status !== 'view_given') {
        throw Problem.invalid([
          {
            field: 'decision',
            message: 'The person has not given their view yet. Nothing can be recovered until they have.',
          },
        ]);
      }
      const agreement = await agreementOf(tx, access.personId);
      const nextPayment = agreement
        ? Math.max(
            0,
            agreement.amountPerPeriod -
              (agreement.contributionMethod === 'net' ? agreement.contributionPerPeriod : 0),
          )
        : 0;
      const options = recoveryOptions({
        surplus: review.surplus,
        nextPayment,
        policyVersion: review.policyVersion,
      });
      const chosen = options.find((o) => o.kind === decision);
      const amount =
        chosen?.kind === 'recover_now'
          ? chosen.amount
          : chosen?.kind === 'reduce_next_payment'
            ? chosen.reduction
            : 0;
      const updated = await tx
        .update(surplusReviews)
        .set({
          status: 'decided',
          decision,
          decisionAmount: amount,
          decisionReason: input.reason.trim(),
          decidedBy: access.actor.userId,
          decidedAt: new Date(),
          rowVersion: review.rowVersion + 1,
        })
        .where(and(eq(surplusReviews.id, reviewId), eq(surplusReviews.rowVersion, review.rowVersion)))
        .returning();
      if (!updated.length) throw Problem.conflict('Someone else changed this surplus review. Look again.');
      if (decision === 'recover_now' && amount > 0) {
        await postTransfers(tx, access.authorityId, [
          {
            idempotencyKey: `surplus-review:${reviewId}`,
            debitAccount: accountId('person_dp_account', access.personId),
            creditAccount: accountId('recovered_surplus', access.authorityId),
            amount,
            kind: 'recovery',
            postedOn: todayInLondon(),
            description: 'Surplus paid back to the council after a surplus review',
            postedBy: access.actor.userId,
          },
        ]);
      }
      return { review: updated[0]!, explanation: chosen?.explanation ?? null };
    },
    { reviewId, decision },
  );
}
