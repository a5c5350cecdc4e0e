import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CouncilAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { inTenant, rows } from '../../platform/db/transaction.ts';
import { isIsoDate } from '../../platform/dates.ts';
import { type Explained, formatPence, sumPence } from '../../platform/money/index.ts';
import { Problem } from '../../platform/http/problem.ts';
import { type AgreementRow, toRuleAgreement } from './agreements.ts';
import { accountId } from './ledger.ts';
import { type NewTransfer, postTransfers } from './ledger-store.ts';
import { type PlannedPayment, paymentsDue, planPaymentRun } from './rules.ts';
import { dpAgreementChanges, dpAgreements, dpPayments, paymentRuns } from './schema.ts';

export type RunRow = typeof paymentRuns.$inferSelect;

export interface RunLine extends PlannedPayment {
  personId: string;
  holderName: string;
  /** Surplus taken off this payment by a decided review, and which review. */
  reduction: number;
  reviewId: string | null;
  /** What goes to the bank: amount − reduction. */
  sent: number;
  /** Invoice method: the contribution billed for this period instead of netted off. */
  invoiced: number;
}

export interface RunPlan {
  runDate: string;
  lines: RunLine[];
  count: number;
  total: number;
  totalSent: number;
}

/**
 * Every payment due on a run date, set-based: three queries (agreements, their changes, the
 * periods already paid) and one for surplus reductions still to apply, then the pure rules.
 * Re-planning after a crash gives exactly the payments not yet posted.
 */
export async function planRun(tx: Tx, runDate: string): Promise<RunPlan> {
  const agreements = await tx.select().from(dpAgreements).orderBy(asc(dpAgreements.id));
  const changes = await tx.select().from(dpAgreementChanges);
  const paid = await tx
    .select({ agreementId: dpPayments.agreementId, periodStart: dpPayments.periodStart })
    .from(dpPayments);
  const pendingReductions = await rows<{ id: string; agreement_id: string; decision_amount: string }>(
    tx,
    sql`select r.id, r.agreement_id, r.decision_amount::text from surplus_reviews r
        where r.decision = 'reduce_next_payment'
          and not exists (select 1 from ledger_transfers t where t.idempotency_key = 'surplus-review:' || r.id)
        order by r.decided_at, r.id`,
  );
  const paidBy: Record<string, string[]> = {};
  for (const p of paid) {
    paidBy[p.agreementId] = [...(paidBy[p.agreementId] ?? []), p.periodStart];
  }
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const plan = planPaymentRun(
    agreements.map((a) => toRuleAgreement(a, changes)),
    runDate,
    paidBy,
  );
  const invoices = invoicedAmounts(
    agreements.filter((a) => a.contributionMethod === 'invoice'),
    changes,
    runDate,
    paidBy,
  );
  const reductions = new Map<string, { id: string; amount: number }[]>();
  for (const r of pendingReductions) {
    const list = reductions.get(r.agreement_id) ?? [];
    list.push({ id: r.id, amount: Number(r.decision_amount) });
    reductions.set(r.agreement_id, list);
  }
  const lines: RunLine[] = plan.payments.map((payment) => {
    const agreement = byId.get(payment.agreementId)!;
    // A decided surplus reduction comes off the agreement's first payment in the run, never below £0.
    const pending = reductions.get(payment.agreementId)?.shift();
    const reduction = pending ? Math.min(pending.amount, payment.amount) : 0;
    return {
      ...payment,
      personId: agreement.personId,
      holderName: agreement.holderName,
      reduction,
      reviewId: pending?.id ?? null,
      sent: payment.amount - reduction,
      invoiced: invoices.get(`${payment.agreementId}:${payment.periodStart}`) ?? 0,
    };
  });
  return {
    runDate,
    lines,
    count: lines.length,
    total: plan.total,
    totalSent: sumPence(lines.map((l) => l.sent)),
  };
}

/** Invoice method: gross − net for each due period is the contribution billed. */
function invoicedAmounts(
  agreements: AgreementRow[],
  changes: (typeof dpAgreementChanges.$inferSelect)[],
  runDate: string,
  paidBy: Record<string, string[]>,
) {
  const result = new Map<string, number>();
  for (const agreement of agreements) {
    const netted = toRuleAgreement({ ...agreement, contributionMethod: 'net' }, changes);
    const gross = toRuleAgreement(agreement, changes, true);
    const net = new Map(
      paymentsDue(netted, runDate, paidBy[agreement.id] ?? []).map((d) => [d.periodStart, d.amount]),
    );
    for (const due of paymentsDue(gross, runDate, paidBy[agreement.id] ?? [])) {
      const billed = due.amount - (net.get(due.periodStart) ?? 0);
      if (billed > 0) result.set(`${agreement.id}:${due.periodStart}`, billed);
    }
  }
  return result;
}

/** Creates the run for a date once; asking again for the same date returns the same run. */
export async function createRun(db: Db, access: CouncilAccess, runDate: string) {
  if (!isIsoDate(runDate))
    throw Problem.invalid([{ field: 'runDate', message: 'Enter a real payment date' }]);
  return audited(
    db,
    access,
    'payments.run.create',
    async (tx) => {
      const [existing] = await tx.select().from(paymentRuns).where(eq(paymentRuns.runDate, runDate));
      if (existing) return { run: existing, created: false };
      const plan = await planRun(tx, runDate);
      const inserted = await tx
        .insert(paymentRuns)
        .values({
          authorityId: access.authorityId,
          runDate,
          plannedCount: plan.count,
          plannedTotal: plan.totalSent,
          createdBy: access.actor.userId,
        })
        .onConflictDoNothing()
        .returning();
      if (inserted[0]) return { run: inserted[0], created: true };
      const [raced] = await tx.select().from(paymentRuns).where(eq(paymentRuns.runDate, runDate));
      return { run: raced!, created: false };
    },
    { runDate },
  );
}

export async function getRun(tx: Tx, runId: string): Promise<RunRow> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) throw Problem.notFound('Payment run');
  const [run] = await tx.select().from(paymentRuns).where(eq(paymentRuns.id, runId));
  if (!run) throw Problem.notFound('Payment run');
  return run;
}

export async function listRuns(db: Db, access: CouncilAccess) {
  return audited(db, access, 'payments.run.list', (tx) =>
    tx.select().from(paymentRuns).orderBy(desc(paymentRuns.runDate)).limit(50),
  );
}

/** A run as shown: the live plan while not yet posted, and what has been posted so far. */
export async function runDetail(db: Db, access: CouncilAccess, runId: string) {
  return audited(db, access, 'payments.run.read', async (tx) => {
    const run = await getRun(tx, runId);
    const posted = await postedPayments(tx, runId);
    const plan = run.status === 'posted' ? null : await planRun(tx, run.runDate);
    return {
      run,
      posted,
      postedCount: posted.length,
      postedTotal: sumPence(posted.map((p) => p.amount - p.reduction)),
      plan,
    };
  });
}

export async function postedPayments(tx: Tx, runId: string) {
  return tx
    .select({
      id: dpPayments.id,
      personId: dpPayments.personId,
      agreementId: dpPayments.agreementId,
      periodStart: dpPayments.periodStart,
      periodEnd: dpPayments.periodEnd,
      amount: dpPayments.amount,
      reduction: dpPayments.reduction,
      explanation: dpPayments.explanation,
      holderName: dpAgreements.holderName,
      accountLast4: dpAgreements.accountLast4,
      bankDetails: dpAgreements.bankDetails,
    })
    .from(dpPayments)
    .innerJoin(
      dpAgreements,
      and(eq(dpAgreements.authorityId, dpPayments.authorityId), eq(dpAgreements.id, dpPayments.agreementId)),
    )
    .where(eq(dpPayments.runId, runId))
    .orderBy(asc(dpPayments.agreementId), asc(dpPayments.periodStart));
}

export interface PostOptions {
  batchSize?: number;
  /** Called after each committed batch; the fault test uses it to report progress. */
  afterBatch?: (batch: number, posted: number) => Promise<void> | void;
  /** The totals the officer saw; refused if the plan has changed since (not checked on resume). */
  expected?: { count: number; total: number };
}

/**
 * Approves a run and posts it in batches, each batch one transaction holding the council's
 * payment lock: the transfers, the paid-period rows and, for decided surplus reviews, the
 * recovery, all land together or not at all. If the process dies part-way, calling this
 * again re-plans (paid periods drop out) and posts only what is missing; re-running a posted
 * run does nothing.
 */
export async function approveAndPost(
  db: Db,
  access: CouncilAccess,
  runId: string,
  options: PostOptions = {},
) {
  const batchSize = options.batchSize ?? 50;
  const run = await audited(db, access, 'payments.run.approve', async (tx) => {
    const found = await getRun(tx, runId);
    if (found.status === 'planned') {
      if (options.expected) {
        const plan = await planRun(tx, found.runDate);
        if (plan.count !== options.expected.count || plan.totalSent !== options.expected.total) {
          throw Problem.conflict(
            `The payments due have changed since you looked (now ${plan.count} payments, ${formatPence(plan.totalSent)}). Check the new totals and approve again.`,
          );
        }
      }
      await tx
        .update(paymentRuns)
        .set({ status: 'approved', approvedBy: access.actor.userId, approvedAt: new Date() })
        .where(and(eq(paymentRuns.id, runId), eq(paymentRuns.status, 'planned')));
    }
    return found;
  });
  if (run.status === 'posted') return { posted: 0, alreadyPosted: true };
  let posted = 0;
  for (let batch = 0; ; batch++) {
    const poster = { authorityId: access.authorityId, userId: access.actor.userId };
    const count = await inTenant(db, access.authorityId, (tx) => postBatch(tx, poster, run, batchSize));
    if (count === 0) break;
    posted += count;
    await options.afterBatch?.(batch, posted);
  }
  await audited(
    db,
    access,
    'payments.run.posted',
    async (tx) => {
      await tx
        .update(paymentRuns)
        .set({ status: 'posted', postedAt: new Date() })
        .where(and(eq(paymentRuns.id, runId), inArray(paymentRuns.status, ['planned', 'approved'])));
    },
    { runId, runDate: run.runDate, postedNow: posted },
  );
  return { posted, alreadyPosted: false };
}

export async function postBatch(
  tx: Tx,
  access: { authorityId: string; userId: string },
  run: RunRow,
  batchSize: number,
): Promise<number> {
  // One poster at a time per council, so "plan, then post what is unpaid" cannot race another run.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('selfdirect-payments:' || ${access.authorityId}))`,
  );
  const plan = await planRun(tx, run.runDate);
  const batch = plan.lines.slice(0, batchSize);
  if (!batch.length) return 0;
  const fund = accountId('council_dp_fund', access.authorityId);
  const transfers: NewTransfer[] = [];
  for (const line of batch) {
    const person = accountId('person_dp_account', line.personId);
    const base = { postedOn: run.runDate, runId: run.id, postedBy: access.userId, personId: line.personId };
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
        creditAccount: accountId('recovered_surplus', access.authorityId),
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
  const { posted, alreadyPosted } = await postTransfers(tx, access.authorityId, transfers);
  const transferIdByKey = new Map([...posted, ...alreadyPosted].map((t) => [t.idempotencyKey, t.id]));
  await tx.insert(dpPayments).values(
    batch.map((line) => ({
      authorityId: access.authorityId,
      runId: run.id,
      agreementId: line.agreementId,
      personId: line.personId,
      periodStart: line.periodStart,
      periodEnd: line.periodEnd,
      amount: line.amount,
      reduction: line.reduction,
      transferId: transferIdByKey.get(line.idempotencyKey) ?? null,
      explanation: withReduction(line.explanation, line.reduction, line.invoiced),
    })),
  );
  return batch.length;
}

/** The payment's explanation, plus the surplus taken off it and any contribution invoiced. */
export function withReduction(explanation: Explained, reduction: number, invoiced: number): Explained {
  const notes = [...explanation.notes];
  if (invoiced > 0)
    notes.push(`Your contribution of ${formatPence(invoiced)} for this period is invoiced separately.`);
  if (reduction === 0) return { ...explanation, notes };
  return {
    total: explanation.total - reduction,
    lines: [
      ...explanation.lines,
      {
        label: 'Less surplus agreed after your surplus review',
        amount: -reduction,
        rule: 'Recovery by reducing the next payment',
        policyVersion: 'Surplus review decision',
      },
    ],
    notes,
  };
}
