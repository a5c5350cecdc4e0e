import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { sumPence } from '../../../platform/money/index.ts';
import { accountId } from '../ledger/account-ids.ts';
import { postTransferBatch } from '../ledger/batch-store.ts';
import type { NewTransfer } from '../ledger/store.ts';
import { type AgreementSlice, planRun, type RunLine, withReduction } from './planning.ts';
import type { paymentRuns } from '../schema.ts';

type RunRow = typeof paymentRuns.$inferSelect;
export interface Poster {
  authorityId: string;
  userId: string;
}

export interface SliceResult {
  /** Agreements looked at (0: none left after the slice's start). */
  agreements: number;
  lastAgreementId: string | null;
  /** Payments posted now, and what they send to the bank. */
  posted: number;
  sent: number;
}

/**
 * Posts what is still due for one slice of agreements, inside the caller's transaction and
 * holding the council's payment lock: the transfers, the paid-period rows and, for decided
 * surplus reviews, the recovery, all land together or not at all. Each agreement's due
 * periods are all in the same slice, so an agreement is never left half paid.
 *
 * A handful of statements whatever the slice's size: the lock, three planning queries, the
 * accounts, the transfers (INSERT … ON CONFLICT (authority_id, idempotency_key) DO NOTHING
 * RETURNING) and the payment rows. The payment rows are inserted without ON CONFLICT on
 * purpose: under the lock a period already paid cannot be planned again, so a clash would
 * mean a bug, and the unique index then rolls the whole slice back rather than leave a
 * transfer without its payment row.
 */
export async function postSlice(
  tx: Tx,
  poster: Poster,
  run: RunRow,
  slice: AgreementSlice,
): Promise<SliceResult> {
  // One poster at a time per council, so "plan, then post what is unpaid" cannot race another run.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('selfdirect-payments:' || ${poster.authorityId}))`,
  );
  const plan = await planRun(tx, run.runDate, slice);
  const result = {
    agreements: plan.agreements,
    lastAgreementId: plan.lastAgreementId,
    posted: plan.lines.length,
    sent: plan.totalSent,
  };
  if (!plan.lines.length) return result;
  const transferIds = await postTransferBatch(tx, poster.authorityId, runTransfers(poster, run, plan.lines));
  const payments = plan.lines.map((line) => ({
    agreement_id: line.agreementId,
    person_id: line.personId,
    period_start: line.periodStart,
    period_end: line.periodEnd,
    amount: line.amount,
    reduction: line.reduction,
    transfer_id: transferIds.get(line.idempotencyKey) ?? null,
    explanation: withReduction(line.explanation, line.reduction, line.invoiced),
  }));
  await tx.execute(
    sql`insert into dp_payments (authority_id, run_id, agreement_id, person_id, period_start, period_end,
          amount, reduction, transfer_id, explanation)
        select ${poster.authorityId}, ${run.id}, x.agreement_id, x.person_id, x.period_start, x.period_end,
          x.amount, x.reduction, x.transfer_id, x.explanation
        from json_to_recordset(${JSON.stringify(payments)}::json) as x(agreement_id uuid, person_id uuid,
          period_start date, period_end date, amount bigint, reduction bigint, transfer_id uuid, explanation jsonb)`,
  );
  return { ...result, sent: sumPence(plan.lines.map((l) => l.sent)) };
}

/** The ledger transfers for planned lines: the payment, a surplus recovery, an invoiced contribution. */
function runTransfers(poster: Poster, run: RunRow, lines: readonly RunLine[]): NewTransfer[] {
  const fund = accountId('council_dp_fund', poster.authorityId);
  const transfers: NewTransfer[] = [];
  for (const line of lines) {
    const person = accountId('person_dp_account', line.personId);
    const base = { postedOn: run.runDate, runId: run.id, postedBy: poster.userId, personId: line.personId };
    transfers.push({
      ...base,
      idempotencyKey: line.idempotencyKey,
      debitAccount: fund,
      creditAccount: person,
      amount: line.amount,
      kind: 'payment',
      description: `Direct payment ${line.periodStart} to ${line.periodEnd}`,
    });
    if (line.reduction > 0 && line.reviewId) {
      transfers.push({
        ...base,
        idempotencyKey: `surplus-review:${line.reviewId}`,
        debitAccount: person,
        creditAccount: accountId('recovered_surplus', poster.authorityId),
        amount: line.reduction,
        kind: 'recovery',
        description: `Surplus taken off the payment for ${line.periodStart} (agreed after a surplus review)`,
      });
    }
    if (line.invoiced > 0) {
      transfers.push({
        ...base,
        idempotencyKey: `contribution:${line.idempotencyKey}`,
        debitAccount: accountId('contributions_receivable', line.personId),
        creditAccount: fund,
        amount: line.invoiced,
        kind: 'contribution',
        description: `Contribution invoiced for ${line.periodStart} to ${line.periodEnd}`,
      });
    }
  }
  return transfers;
}

/** Posts a whole run inside the caller's transaction, slice after slice (the demo seed's use). */
export async function postRunIn(tx: Tx, poster: Poster, run: RunRow, batchSize = 1000): Promise<number> {
  let posted = 0;
  let after: string | null = null;
  for (;;) {
    const slice = await postSlice(tx, poster, run, { after, limit: batchSize });
    posted += slice.posted;
    if (slice.agreements < batchSize) return posted;
    after = slice.lastAgreementId;
  }
}
