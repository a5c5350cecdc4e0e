import { and, asc, getTableColumns, gt, gte, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { rows } from '../../../platform/db/transaction.ts';
import { type Explained, formatPence, sumPence } from '../../../platform/money/index.ts';
import { type AgreementRow, type ChangeRow, toRuleAgreement } from '../agreements/service.ts';
import { type PlannedPayment, planPaymentRun } from './rules.ts';
import { paymentsDue } from '../agreements/rules.ts';
import { dpAgreementChanges, dpAgreements } from '../schema.ts';

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

/** A slice of the council's agreements, in id order: those after `after`, at most `limit`. */
export interface AgreementSlice {
  after: string | null;
  limit: number;
}

export interface SlicePlan extends RunPlan {
  /** How many agreements the slice held, and the last one (where the next slice starts). */
  agreements: number;
  lastAgreementId: string | null;
}

/**
 * Every payment due on a run date, set-based, for the whole council or one slice of its
 * agreements: one query for the agreements, each with the start of its last paid period
 * (an index probe per agreement, not the whole payment history), one for their changes and
 * one for surplus reductions still to apply; then the pure rules.
 *
 * Only periods after the last paid one can be due: a run pays every due period of an
 * agreement in order, in one transaction, so there is never an unpaid period with money in
 * it before a paid one, and a change of amounts may only start after the last paid period,
 * so an earlier nil period stays nil. Re-planning after a crash gives exactly the payments
 * not yet posted.
 */
export async function planRun(tx: Tx, runDate: string, slice?: AgreementSlice): Promise<SlicePlan> {
  const agreementQuery = tx
    .select({
      ...getTableColumns(dpAgreements),
      // Spelled out: drizzle leaves columns unqualified here, and inside the subquery they would be p's.
      lastPaid: sql<string | null>`(select max(p.period_start)::text from dp_payments p
        where p.authority_id = dp_agreements.authority_id and p.agreement_id = dp_agreements.id)`,
    })
    .from(dpAgreements)
    .where(slice?.after ? gt(dpAgreements.id, slice.after) : undefined)
    .orderBy(asc(dpAgreements.id));
  const agreements = slice ? await agreementQuery.limit(slice.limit) : await agreementQuery;
  const first = agreements[0]?.id;
  const last = agreements.at(-1)?.id ?? null;
  if (!first || !last) return { ...emptyPlan(runDate), agreements: 0, lastAgreementId: null };
  // The slice's changes and reductions only (one statement each, in turn: one connection).
  const sliceOf = (column: typeof dpAgreementChanges.agreementId) =>
    slice ? and(gte(column, first), lte(column, last)) : undefined;
  const changes = await tx.select().from(dpAgreementChanges).where(sliceOf(dpAgreementChanges.agreementId));
  const pendingReductions = await rows<{ id: string; agreement_id: string; decision_amount: string }>(
    tx,
    sql`select r.id, r.agreement_id, r.decision_amount::text from surplus_reviews r
        where r.decision = 'reduce_next_payment'
          ${slice ? sql`and r.agreement_id >= ${first} and r.agreement_id <= ${last}` : sql``}
          and not exists (select 1 from ledger_transfers t
            where t.authority_id = r.authority_id and t.idempotency_key = 'surplus-review:' || r.id)
        order by r.decided_at, r.id`,
  );
  const changesOf = new Map<string, ChangeRow[]>();
  for (const c of changes) changesOf.set(c.agreementId, [...(changesOf.get(c.agreementId) ?? []), c]);
  const settledThrough: Record<string, string> = {};
  for (const a of agreements) if (a.lastPaid) settledThrough[a.id] = a.lastPaid;
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const plan = planPaymentRun(
    agreements.map((a) => toRuleAgreement(a, changesOf.get(a.id) ?? [])),
    runDate,
    {},
    settledThrough,
  );
  const invoices = invoicedAmounts(
    agreements.filter((a) => a.contributionMethod === 'invoice'),
    changesOf,
    runDate,
    settledThrough,
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
    agreements: agreements.length,
    lastAgreementId: last,
  };
}

function emptyPlan(runDate: string): RunPlan {
  return { runDate, lines: [], count: 0, total: 0, totalSent: 0 };
}

/** Invoice method: gross − net for each due period is the contribution billed. */
function invoicedAmounts(
  agreements: AgreementRow[],
  changesOf: Map<string, ChangeRow[]>,
  runDate: string,
  settledThrough: Record<string, string>,
) {
  const result = new Map<string, number>();
  for (const agreement of agreements) {
    const changes = changesOf.get(agreement.id) ?? [];
    const netted = toRuleAgreement({ ...agreement, contributionMethod: 'net' }, changes);
    const gross = toRuleAgreement(agreement, changes, true);
    const from = settledThrough[agreement.id];
    const net = new Map(paymentsDue(netted, runDate, [], from).map((d) => [d.periodStart, d.amount]));
    for (const due of paymentsDue(gross, runDate, [], from)) {
      const billed = due.amount - (net.get(due.periodStart) ?? 0);
      if (billed > 0) result.set(`${agreement.id}:${due.periodStart}`, billed);
    }
  }
  return result;
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
