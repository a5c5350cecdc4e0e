import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { problem, type TestApp } from '../../../test/support/app.ts';
import { bearerRequests, financeTestApp } from '../../../test/support/finance.ts';
import { asSystem, rows } from '../../platform/db/transaction.ts';
import { count, personWithAgreedPlan } from './payments.fixtures.ts';

let t: TestApp;
let finance: string;
let approver: string;
let person: string;
let morag: string;
beforeAll(async () => {
  ({ t, finance, approver, person, morag } = await financeTestApp());
});
afterAll(() => t.close());

const { get, post } = bearerRequests(() => ({ t, token: finance }));

describe('the demo direct payment', () => {
  it('has an agreement from Morag’s agreed plan, two paid cycles and a sound ledger', async () => {
    const view = (await get(`/api/v1/people/${morag}/payments`)).json();
    expect(view.agreement.frequency).toBe('four_weekly');
    expect(view.agreement.maskedAccount).toBe('****6819');
    expect(view.payments.length).toBe(2);
    expect(view.balance).toBe(view.payments.reduce((s: number, p: { amount: number }) => s + p.amount, 0));
    const ledger = (await get('/api/v1/ledger/balances')).json();
    expect(ledger.problems).toEqual([]);
    expect(ledger.accounts.reduce((s: number, a: { balance: number }) => s + a.balance, 0)).toBe(0);
  });

  it('lets Morag read her statement but not run payments or see the ledger', async () => {
    const statement = await get(`/api/v1/people/${morag}/payments/statement`, person);
    expect(statement.statusCode).toBe(200);
    expect(statement.json().lines[0].what).toMatch(/Direct payment from the council/);
    expect((await post('/api/v1/payments/runs', { runDate: todayInLondon() }, person)).statusCode).toBe(403);
    expect((await get('/api/v1/ledger/balances', person)).statusCode).toBe(403);
  });
});

describe('agreements', () => {
  it('refuses bad bank details field by field and saves nothing', async () => {
    const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Ann Bad-Bank', [20_000]);
    const response = await post(`/api/v1/people/${id}/payments/agreement`, {
      frequency: 'weekly',
      startDate: '2026-04-06',
      holderKind: 'person',
      holderName: 'Ann',
      sortCode: '12-34-5',
      accountNumber: '1234567',
    });
    expect(response.statusCode).toBe(400);
    expect(
      problem(response)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['accountNumber', 'sortCode']);
    expect(await count(t.database.db, 'dp_agreements', sql`person_id = ${id}`)).toBe(0);
  });

  it('creates an agreement from option 1 lines, stores the account encrypted and shows it masked', async () => {
    const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Bea Weekly', [15_000, 5_050]);
    const response = await post(`/api/v1/people/${id}/payments/agreement`, {
      frequency: 'monthly',
      startDate: '2026-04-06',
      holderKind: 'managed_account',
      holderName: 'Account Co',
      sortCode: '20 00 00',
      accountNumber: '55779911',
    });
    expect(response.statusCode).toBe(201);
    const view = await get(`/api/v1/people/${id}/payments`);
    expect(view.json().agreement.weeklyAmount).toBe(20_050);
    expect(view.json().agreement.amountPerPeriod).toBe(86_883); // £200.50 × 52 ÷ 12, rounded half up
    expect(view.json().agreement.maskedAccount).toBe('****9911');
    expect(view.body).not.toContain('55779911');
    const [stored] = (
      (await t.database.db.execute(
        sql`select bank_details from dp_agreements where person_id = ${id}`,
      )) as unknown as {
        rows: { bank_details: string }[];
      }
    ).rows;
    expect(stored!.bank_details).toMatch(/^v2:test-1:/);
    expect(stored!.bank_details).not.toContain('55779911');
  });

  it('applies a change from a date with the part period paid pro rata and explained', async () => {
    const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Cal Change', [14_000]);
    const start = addDays(todayInLondon(), 7);
    await post(`/api/v1/people/${id}/payments/agreement`, {
      frequency: 'weekly',
      startDate: start,
      holderKind: 'person',
      holderName: 'Cal',
      sortCode: '200000',
      accountNumber: '12345678',
    });
    const change = await post(`/api/v1/people/${id}/payments/agreement/changes`, {
      effectiveFrom: addDays(start, 3),
      reason: 'Reassessed contribution',
    });
    expect(change.statusCode).toBe(201);
    const next = (await get(`/api/v1/people/${id}/payments`)).json().agreement.nextPayment;
    expect(next.explanation.lines[0].label).toMatch(/3 of 7 days/);
    expect(next.explanation.lines[1].label).toMatch(/4 of 7 days/);
    expect(next.amount).toBe(14_000);
  });
});

describe('changing the payment from a date', () => {
  it('previews a change without saving it, refuses a second one for the date, and corrects it once', async () => {
    const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Gus Preview', [12_000]);
    const start = addDays(todayInLondon(), 7);
    await post(`/api/v1/people/${id}/payments/agreement`, {
      frequency: 'weekly',
      startDate: start,
      holderKind: 'person',
      holderName: 'Gus',
      sortCode: '200000',
      accountNumber: '12345678',
    });
    const url = `/api/v1/people/${id}/payments/agreement/changes`;
    const effectiveFrom = addDays(start, 14);
    const changes = () => count(t.database.db, 'dp_agreement_changes', sql`person_id = ${id}`);
    const preview = await post(url, { effectiveFrom, reason: 'Plan reviewed', dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().effect).toMatchObject({
      from: effectiveFrom,
      directPayment: { frequency: 'weekly', netPerPeriod: { before: 12_000, after: 12_000 } },
      corrections: [],
    });
    expect(await changes()).toBe(0);
    const first = await post(url, { effectiveFrom, reason: 'Plan reviewed' });
    expect(first.statusCode).toBe(201);
    const second = await post(url, { effectiveFrom, reason: 'Again' });
    expect(second.statusCode).toBe(409);
    expect(problem(second).errors?.map((e) => e.field)).toEqual(['effectiveFrom']);
    const corrected = await post(url, {
      effectiveFrom,
      reason: 'The review date was keyed twice',
      supersedes: first.json().id,
    });
    expect(corrected.statusCode).toBe(201);
    // The id of the superseded version no longer matches: the same correction again is refused.
    expect(
      (await post(url, { effectiveFrom, reason: 'Again', supersedes: first.json().id })).statusCode,
    ).toBe(409);
    expect(await changes()).toBe(2);
    const shown = (await get(`/api/v1/people/${id}/payments`)).json().agreement.changes;
    expect(shown.map((c: { reason: string }) => c.reason)).toEqual([
      'Plan reviewed',
      'The review date was keyed twice',
    ]);
  });
});

describe('payment runs', () => {
  it('runs a date once: re-running creates nothing, and the bank file carries each payment', async () => {
    const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Dee Run', [10_000]);
    await post(`/api/v1/people/${id}/payments/agreement`, {
      frequency: 'weekly',
      startDate: '2026-01-05',
      holderKind: 'person',
      holderName: "Dee O'Run",
      sortCode: '11-22-33',
      accountNumber: '44556677',
    });
    const runDate = '2026-01-19';
    const created = await post('/api/v1/payments/runs', { runDate });
    expect(created.statusCode).toBe(201);
    const again = await post('/api/v1/payments/runs', { runDate });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(created.json().id);
    const runId = created.json().id;
    const due = (await get(`/api/v1/payments/runs/${runId}`)).json().due;
    const dee = due.lines.filter((l: { personId: string }) => l.personId === id);
    expect(dee.map((l: { periodStart: string }) => l.periodStart)).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
    ]);

    const stale = await post(
      `/api/v1/payments/runs/${runId}/approve`,
      { expectedCount: due.count + 1, expectedTotal: due.totalSent },
      approver,
    );
    expect(stale.statusCode).toBe(409);
    const approved = await post(
      `/api/v1/payments/runs/${runId}/approve`,
      { expectedCount: due.count, expectedTotal: due.totalSent },
      approver,
    );
    expect(approved.statusCode).toBe(200);
    expect(approved.json().run.status).toBe('posted');
    expect(approved.json().postedTotal).toBe(due.totalSent);
    const before = await count(t.database.db, 'ledger_transfers');
    await post(`/api/v1/payments/runs/${runId}/approve`, undefined);
    expect((await post('/api/v1/payments/runs', { runDate })).statusCode).toBe(200);
    expect(await count(t.database.db, 'ledger_transfers')).toBe(before);

    const csv = await get(`/api/v1/payments/runs/${runId}/bank-file?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('112233,44556677,DEE ORUN,300.00,');
    const bacs = await get(`/api/v1/payments/runs/${runId}/bank-file?format=bacs`);
    const lines = bacs.body.split('\r\n').filter(Boolean);
    expect(lines.every((l) => l.length === 100)).toBe(true);
    expect(lines.some((l) => l.startsWith('1122334455667709980226010203040    00000030000'))).toBe(true);
    const remit = (await get(`/api/v1/payments/runs/${runId}/remittances`)).json();
    expect(remit.remittances.find((r: { personId: string }) => r.personId === id).total).toBe(30_000);
  });
});

describe('two people for a payment run', () => {
  const audits = (runId: string) =>
    asSystem(t.database.db, (tx) =>
      rows<{ outcome: string; actor_role: string; reason: string | null }>(
        tx,
        sql`select outcome, actor_role, reason from audit_events
            where action = 'payments.run.approve' and detail->>'runId' = ${runId} order by seq`,
      ),
    );

  it('refuses the officer who created the run, and lets a second officer approve it', async () => {
    const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Eve Twice', [9_000]);
    await post(`/api/v1/people/${id}/payments/agreement`, {
      frequency: 'weekly',
      startDate: '2026-02-02',
      holderKind: 'person',
      holderName: 'Eve',
      sortCode: '200000',
      accountNumber: '12345678',
    });
    const runId = (await post('/api/v1/payments/runs', { runDate: '2026-02-09' })).json().id;
    const due = (await get(`/api/v1/payments/runs/${runId}`)).json().due;
    const transfers = await count(t.database.db, 'ledger_transfers');

    const refused = await post(`/api/v1/payments/runs/${runId}/approve`, {
      expectedCount: due.count,
      expectedTotal: due.totalSent,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toMatch(/You created this payment run, so you cannot approve it too/);
    expect((await get(`/api/v1/payments/runs/${runId}`)).json().run.status).toBe('planned');
    expect(await count(t.database.db, 'ledger_transfers')).toBe(transfers);
    expect(await audits(runId)).toEqual([
      { outcome: 'denied', actor_role: 'finance', reason: expect.stringMatching(/Another finance officer/) },
    ]);

    const approved = await post(
      `/api/v1/payments/runs/${runId}/approve`,
      { expectedCount: due.count, expectedTotal: due.totalSent },
      approver,
    );
    expect(approved.statusCode).toBe(200);
    const { run } = approved.json();
    expect(run.status).toBe('posted');
    expect(run.createdByName).toBe('Alan Murray');
    expect(run.approvedByName).toBe('Neil Brodie');
    expect(run.approvedBy).not.toBe(run.createdBy);
    expect(run.twoPersonApproval).toBe(true);
    expect((await audits(runId)).map((a) => a.outcome)).toEqual(['denied', 'allowed']);
  });

  it('lets one officer create and approve when the council has turned the setting off', async () => {
    await asSystem(t.database.db, (tx) =>
      tx.execute(sql`insert into payment_policy_versions (authority_id, version_label, effective_from,
            surplus_threshold_weeks, originator_name, originator_sort_code, originator_account_number,
            two_person_approval)
          values (${t.authorityId}, 'Demo Council direct payments 2026/27 v2 (one person)', '2024-04-02',
            8, 'Demo Council', '80-22-60', '10203040', false)`),
    );
    const runId = (await post('/api/v1/payments/runs', { runDate: '2026-02-16' })).json().id;
    const due = (await get(`/api/v1/payments/runs/${runId}`)).json().due;
    const approved = await post(`/api/v1/payments/runs/${runId}/approve`, {
      expectedCount: due.count,
      expectedTotal: due.totalSent,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().run.twoPersonApproval).toBe(false);
    expect(approved.json().run.approvedByName).toBe('Alan Murray');
  });
});

describe('the ledger API', () => {
  const accounts = () => ({
    debitAccount: `council_dp_fund:${t.authorityId}`,
    creditAccount: `person_dp_account:${morag}`,
  });

  it('posts an adjustment once however often the request is replayed', async () => {
    const body = {
      idempotencyKey: 'adjust-test-0001',
      ...accounts(),
      amount: 1_234,
      postedOn: '2026-05-01',
      description: 'Late invoice refund',
    };
    const first = await post('/api/v1/ledger/transfers', body);
    expect(first.statusCode).toBe(201);
    const balances = (await get('/api/v1/ledger/balances')).json();
    const replay = await post('/api/v1/ledger/transfers', body);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(first.json().id);
    expect((await get('/api/v1/ledger/balances')).json()).toEqual(balances);
    const conflict = await post('/api/v1/ledger/transfers', { ...body, amount: 9_999 });
    expect(conflict.statusCode).toBe(409);
    expect(problem(conflict).errors?.[0]?.field).toBe('idempotencyKey');
  });

  it('corrects with a reversal once only, and balances return to where they were', async () => {
    const before = (await get('/api/v1/ledger/balances')).json();
    const posted = await post('/api/v1/ledger/transfers', {
      idempotencyKey: 'adjust-test-0002',
      ...accounts(),
      amount: 500,
      postedOn: todayInLondon(),
      description: 'Keyed in error',
    });
    const reversal = await post(`/api/v1/ledger/transfers/${posted.json().id}/reversal`, {
      idempotencyKey: 'reverse-test-0002',
      reason: 'Keyed in error',
    });
    expect(reversal.statusCode).toBe(201);
    expect(reversal.json().reversesTransferId).toBe(posted.json().id);
    expect(
      (
        await post(`/api/v1/ledger/transfers/${posted.json().id}/reversal`, {
          idempotencyKey: 'reverse-test-0002',
          reason: 'Keyed in error',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await post(`/api/v1/ledger/transfers/${posted.json().id}/reversal`, {
          idempotencyKey: 'reverse-test-0003',
          reason: 'Again',
        })
      ).statusCode,
    ).toBe(409);
    const after = (await get('/api/v1/ledger/balances')).json();
    const net = (list: { account: string; balance: number }[]) => list.map((a) => [a.account, a.balance]);
    expect(net(after.accounts)).toEqual(net(before.accounts));
    expect(after.problems).toEqual([]);
  });

  it('refuses to change or delete history, even as the database owner', async () => {
    const refusal = (query: ReturnType<typeof sql>) =>
      t.database.db.execute(query).then(
        () => 'allowed',
        (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message),
      );
    expect(await refusal(sql`update ledger_transfers set amount = 1`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from dp_payments`)).toMatch(/append-only/);
  });
});
