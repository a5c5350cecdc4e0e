import { sql } from 'drizzle-orm';
import { accountId } from '../src/features/payments/ledger/account-ids.ts';
import { approveAndPost, createRun } from '../src/features/payments/runs/service.ts';
import { planRun } from '../src/features/payments/runs/planning.ts';
import { addDays } from '../src/platform/dates.ts';
import { inTenant, rows } from '../src/platform/db/transaction.ts';
import { ratioOf, type ScenarioResult } from './measure.ts';
import { councilAccess, type BenchDatabase } from './setup.ts';

class RolledBack extends Error {}

/**
 * A payment run for every agreement (the run date a month after the last run, so every
 * agreement has a period due) through the payments service: plan, approve, post in batches.
 * The baseline inserts the same transfers and payment rows with two raw INSERTs in one
 * transaction, then rolls back so the ledger keeps only the real run.
 */
export async function paymentRunScenario(bench: BenchDatabase): Promise<ScenarioResult | null> {
  const db = bench.database.db;
  const finance = councilAccess(bench.staff.finance, 'payments.run', 'bench');
  const approver = councilAccess(bench.staff.financeApprover, 'payments.run', 'bench');
  const [last] = await rows<{ run_date: string | null; agreements: number }>(
    db,
    sql`select max(run_date)::text as run_date, (select count(*)::int from dp_agreements where authority_id = ${bench.authorityId}) as agreements
        from payment_runs where authority_id = ${bench.authorityId}`,
  );
  if (!last?.run_date || last.agreements === 0) return null;
  const runDate = addDays(last.run_date, 31);
  const plan = await inTenant(db, bench.authorityId, (tx) => planRun(tx, runDate));
  const fund = accountId('council_dp_fund', bench.authorityId);

  const baselineStarted = performance.now();
  await db
    .transaction(async (tx) => {
      const [run] = await rows<{ id: string }>(
        tx,
        sql`insert into payment_runs (authority_id, run_date, planned_count, planned_total, created_by)
            values (${bench.authorityId}, ${runDate}, ${plan.count}, ${plan.totalSent}, ${bench.staff.finance.userId}) returning id`,
      );
      const transfers = plan.lines.map((line) => ({
        key: `baseline:${runDate}:${line.agreementId}:${line.periodStart}`,
        credit: accountId('person_dp_account', line.personId),
        amount: line.sent,
        description: `Direct payment ${line.periodStart} to ${line.periodEnd}`,
        person: line.personId,
        agreement: line.agreementId,
        start: line.periodStart,
        end: line.periodEnd,
        explanation: line.explanation,
      }));
      await tx.execute(sql`
        with t as (
          insert into ledger_transfers (authority_id, idempotency_key, debit_account, credit_account, amount, kind, posted_on, description, person_id, run_id)
          select ${bench.authorityId}, key, ${fund}, credit, amount, 'payment', ${runDate}, description, person, ${run!.id}
          from json_to_recordset(${JSON.stringify(transfers)}::json) as x(key text, credit text, amount bigint, description text, person uuid)
          returning id, idempotency_key)
        insert into dp_payments (authority_id, run_id, agreement_id, person_id, period_start, period_end, amount, transfer_id, explanation)
        select ${bench.authorityId}, ${run!.id}, x.agreement, x.person, x.start, x."end", x.amount, t.id, x.explanation
        from json_to_recordset(${JSON.stringify(transfers)}::json) as x(key text, agreement uuid, person uuid, start date, "end" date, amount bigint, explanation jsonb)
        join t on t.idempotency_key = x.key`);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  const baselineMs = performance.now() - baselineStarted;

  const appStarted = performance.now();
  const { run } = await createRun(db, finance, runDate);
  const posted = await approveAndPost(db, approver, run.id);
  const appMs = performance.now() - appStarted;
  const ratio = ratioOf(appMs, baselineMs);
  return {
    scenario: `payment run: ${posted.posted} payments, ${last.agreements} agreements`,
    app: 'createRun + approveAndPost: plan with the rules, post audited batches of 1,000 agreements (set-based)',
    baseline: 'two raw INSERTs of the same transfers and payment rows, one transaction',
    unit: 'ms',
    appValue: appMs,
    baselineValue: baselineMs,
    ratio,
    target: 'none set (report)',
    meetsTarget: null,
    detail: { runDate, payments: posted.posted, agreements: last.agreements },
  };
}
