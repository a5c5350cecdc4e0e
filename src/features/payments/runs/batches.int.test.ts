import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { asSystem, inTenant, rows } from '../../../platform/db/transaction.ts';
import { type TestApp, testApp, testConfig } from '../../../../test/support/app.ts';
import { toRuleAgreement } from '../agreements/service.ts';
import { bankKeys, encryptBankDetails } from '../bank/crypto.ts';
import { checkLedger } from '../ledger/store.ts';
import { planPaymentRun } from './rules.ts';
import { approveAndPost, createRun } from './service.ts';
import { planRun } from './planning.ts';
import { dpAgreementChanges, dpAgreements } from '../schema.ts';
import { SECOND_FINANCE_EMAIL } from '../seed.ts';
import { financeAccess, personWithAgreedPlan } from '../payments.fixtures.ts';

/**
 * Posting in slices of agreements: a run stopped after some committed slices and resumed
 * (even with another slice size) ends with exactly the payments of the plan, each once; and
 * planning from each agreement's last paid period gives the same as the full paid history.
 */
let t: TestApp;
let access: CouncilAccess;
let approver: CouncilAccess;
let authorityId: string;

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  // Two people: one finance officer creates each run, the second approves it.
  access = await financeAccess(db, 'finance@demo.selfdirect.test', 'run-batches test');
  approver = await financeAccess(db, SECOND_FINANCE_EMAIL, 'run-batches test');
  authorityId = access.authorityId;
  const key = bankKeys(testConfig());
  // Seven agreements: every frequency, a contribution above the payment (nil periods), an
  // end date, a change of amounts part-way through a period.
  for (let i = 0; i < 7; i++) {
    const weekly = 9_000 + i * 211;
    const personId = await personWithAgreedPlan(db, authorityId, `Batch Person ${i}`, [weekly]);
    await asSystem(db, async (tx) => {
      const frequency = (['weekly', 'four_weekly', 'monthly'] as const)[i % 3]!;
      const perPeriod = weekly * (frequency === 'weekly' ? 1 : 4);
      const [plan] = await rows<{ id: string }>(
        tx,
        sql`select id from support_plans where person_id = ${personId}`,
      );
      const [agreement] = await tx
        .insert(dpAgreements)
        .values({
          authorityId,
          personId,
          planId: plan!.id,
          weeklyAmount: weekly,
          amountPerPeriod: perPeriod,
          frequency,
          startDate: `2026-01-${String(3 + i * 3).padStart(2, '0')}`,
          endDate: i === 5 ? '2026-04-20' : null,
          contributionPerPeriod: i === 3 ? perPeriod + 500 : i % 2 ? 1_250 : 0,
          contributionMethod: i === 4 ? 'invoice' : 'net',
          holderKind: 'person',
          holderName: `Batch Person ${i}`,
          bankDetails: encryptBankDetails(
            { sortCode: '200000', accountNumber: `${20_000_000 + i}`, accountName: `Batch Person ${i}` },
            key,
          ),
          accountLast4: String(20_000_000 + i).slice(-4),
          createdBy: access.actor.userId,
        })
        .returning();
      if (i % 3 === 1) {
        await tx.insert(dpAgreementChanges).values({
          authorityId,
          agreementId: agreement!.id,
          personId,
          effectiveFrom: '2026-03-11',
          amountPerPeriod: perPeriod + 3_001,
          contributionPerPeriod: i === 3 ? 0 : 1_250,
          reason: 'New plan version',
          createdBy: access.actor.userId,
        });
      }
    });
  }
}, 60_000);
afterAll(() => t.close());

const paymentsOfRun = (runId: string) =>
  asSystem(t.database.db, (tx) =>
    rows<{ line: string }>(
      tx,
      sql`select agreement_id || ' ' || period_start::text || ' ' || amount::text as line
          from dp_payments where run_id = ${runId} order by 1`,
    ),
  ).then((r) => r.map((x) => x.line));

const batchEvents = (runId: string) =>
  asSystem(t.database.db, (tx) =>
    rows<{ detail: { batch: number; agreements: number; payments: number } }>(
      tx,
      sql`select detail from audit_events where action = 'payments.run.batch' and detail->>'runId' = ${runId} order by seq`,
    ),
  ).then((r) => r.map((x) => x.detail));

describe('a payment run posted in slices of agreements', () => {
  it('stopped after a committed slice and resumed, pays exactly the plan, once', async () => {
    const runDate = '2026-03-16';
    const planned = await inTenant(t.database.db, authorityId, (tx) => planRun(tx, runDate));
    const expected = planned.lines.map((l) => `${l.agreementId} ${l.periodStart} ${l.amount}`).sort();
    expect(expected.length).toBeGreaterThan(14);

    const { run } = await createRun(t.database.db, access, runDate);
    const crash = new Error('process stopped');
    // Stop after the first slice that posted something. (Slices go by agreement id, and a slice
    // whose agreements owe nothing on this date posts nothing and is not reported, so "after
    // slice 1" never came when slice 1 happened to be empty: the run then finished.)
    await expect(
      approveAndPost(t.database.db, approver, run.id, {
        batchSize: 2,
        afterBatch: () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const partial = await paymentsOfRun(run.id);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(expected.length);
    expect(partial.every((p) => expected.includes(p))).toBe(true);

    const resumed = await approveAndPost(t.database.db, approver, run.id, { batchSize: 3 });
    expect(resumed.posted).toBe(expected.length - partial.length);
    expect(await paymentsOfRun(run.id)).toEqual(expected);

    // Running the same date again creates nothing.
    expect((await createRun(t.database.db, access, runDate)).created).toBe(false);
    expect(await approveAndPost(t.database.db, approver, run.id)).toEqual({ posted: 0, alreadyPosted: true });
    expect(await paymentsOfRun(run.id)).toEqual(expected);

    // One audit event per batch, about the run, whose counts add up to what was posted.
    const events = await batchEvents(run.id);
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.reduce((sum, e) => sum + e.payments, 0)).toBe(expected.length);
    const check = await inTenant(t.database.db, authorityId, (tx) => checkLedger(tx));
    expect(check.problems).toEqual([]);
  });

  it('plans a later run from each last paid period exactly as from the whole paid history', async () => {
    const db = t.database.db;
    for (const runDate of ['2026-04-13', '2026-05-11', '2026-06-29']) {
      const paid = await asSystem(db, (tx) =>
        rows<{ agreement_id: string; period_start: string }>(
          tx,
          sql`select agreement_id, period_start::text from dp_payments`,
        ),
      );
      const history: Record<string, string[]> = {};
      for (const p of paid) history[p.agreement_id] = [...(history[p.agreement_id] ?? []), p.period_start];
      const agreements = await asSystem(db, (tx) => tx.select().from(dpAgreements));
      const changes = await asSystem(db, (tx) => tx.select().from(dpAgreementChanges));
      const fromHistory = planPaymentRun(
        agreements.map((a) => toRuleAgreement(a, changes)),
        runDate,
        history,
      );
      const plan = await inTenant(db, authorityId, (tx) => planRun(tx, runDate));
      expect(plan.lines.map((l) => [l.idempotencyKey, l.amount, l.explanation])).toEqual(
        fromHistory.payments.map((p) => [p.idempotencyKey, p.amount, p.explanation]),
      );
      expect(plan.count).toBeGreaterThan(0);
      const { run } = await createRun(db, access, runDate);
      const posted = await approveAndPost(db, approver, run.id, { batchSize: 4 });
      expect(posted.posted).toBe(plan.count);
    }
  });
});
