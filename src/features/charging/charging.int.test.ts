import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem, type TestApp } from '../../../test/support/app.ts';
import { bearerRequests, financeTestApp } from '../../../test/support/finance.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { asSystem, rows } from '../../platform/db/transaction.ts';
import { count, personWithAgreedPlan } from '../payments/payments.fixtures.ts';

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

describe('financial assessment', () => {
  it('shows the demo contribution with every line of its working', async () => {
    const response = await get(`/api/v1/people/${morag}/charging`, person);
    expect(response.statusCode).toBe(200);
    const { assessment } = response.json();
    const sum = assessment.explanation.lines.reduce((s: number, l: { amount: number }) => s + l.amount, 0);
    expect(sum).toBe(assessment.weeklyContribution);
    expect(assessment.explanation.lines.some((l: { label: string }) => /not counted/.test(l.label))).toBe(
      true,
    );
    expect(assessment.policyVersion).toMatch(/Demo Council/);
  });

  it('refuses items without evidence, field by field, and saves nothing', async () => {
    const before = await count(t.database.db, 'financial_assessments');
    const response = await post(
      `/api/v1/people/${morag}/charging/assessments`,
      {
        effectiveFrom: todayInLondon(),
        incomes: [{ kind: 'esa', label: 'ESA', weeklyAmount: 14_000, evidence: ' ' }],
      },
      finance,
    );
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.map((e) => e.field)).toEqual(['incomes[0].evidence']);
    expect(await count(t.database.db, 'financial_assessments')).toBe(before);
  });

  it('records a reassessment that nets off the direct payment from the first unpaid day', async () => {
    const response = await post(
      `/api/v1/people/${morag}/charging/assessments`,
      {
        effectiveFrom: todayInLondon(),
        incomes: [
          { kind: 'esa', label: 'ESA', weeklyAmount: 20_000, evidence: 'Award letter' },
          { kind: 'war_pension', label: 'War Pension', weeklyAmount: 5_000, evidence: 'Letter' },
        ],
        services: [
          { label: 'Personal care', weeklyCost: 30_000, freePersonalCare: true },
          { label: 'Day opportunities', weeklyCost: 2_000, freePersonalCare: false },
        ],
      },
      finance,
    );
    expect(response.statusCode).toBe(201);
    const { assessment, agreementChangedFrom } = response.json();
    // (£200 − £235 threshold) is below the threshold: nothing to pay.
    expect(assessment.weeklyContribution).toBe(0);
    expect(assessment.steps.find((s: { kind: string }) => s.kind === 'service_free').label).toMatch(/free/);
    expect(agreementChangedFrom).not.toBeNull();
    const changes = await count(t.database.db, 'dp_agreement_changes', sql`person_id = ${morag}`);
    expect(changes).toBe(1);
  });

  it('lets the person ask for a review but not record an assessment', async () => {
    expect(
      (
        await post(
          `/api/v1/people/${morag}/charging/assessments`,
          { effectiveFrom: todayInLondon(), incomes: [] },
          person,
        )
      ).statusCode,
    ).toBe(403);
    const review = await post(
      `/api/v1/people/${morag}/charging/review-requests`,
      { reason: 'My ESA has gone down' },
      person,
    );
    expect(review.statusCode).toBe(201);
  });
});

describe('an assessment that changes money', () => {
  it('refuses an empty assessment, field by field, and saves nothing', async () => {
    const before = await count(t.database.db, 'financial_assessments');
    const changes = await count(t.database.db, 'dp_agreement_changes');
    const empty = await post(`/api/v1/people/${morag}/charging/assessments`, {
      effectiveFrom: todayInLondon(),
      incomes: [],
    });
    expect(empty.statusCode).toBe(400);
    expect(problem(empty).errors?.map((e) => e.field)).toEqual(['incomes']);
    const both = await post(`/api/v1/people/${morag}/charging/assessments/preview`, {
      effectiveFrom: todayInLondon(),
      noIncome: true,
      incomes: [{ kind: 'esa', label: 'ESA', weeklyAmount: 100, evidence: 'Letter' }],
    });
    expect(both.statusCode).toBe(400);
    expect(problem(both).errors?.map((e) => e.field)).toEqual(['noIncome']);
    expect(await count(t.database.db, 'financial_assessments')).toBe(before);
    expect(await count(t.database.db, 'dp_agreement_changes')).toBe(changes);
  });

  it('previews, then corrects a wrong contribution and puts the paid period right in the ledger, once', async () => {
    // Flora's direct payment: £686.00 every four weeks, less £117.12 contribution = £568.88.
    const flora = await personWithAgreedPlan(t.database.db, t.authorityId, 'Flora Fix', [17_150]);
    const esa = [{ kind: 'esa', label: 'ESA', weeklyAmount: 28_380, evidence: 'DWP award letter' }];
    const first = await post(`/api/v1/people/${flora}/charging/assessments`, {
      effectiveFrom: '2026-01-05',
      incomes: esa,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().assessment.weeklyContribution).toBe(2_928);
    await post(`/api/v1/people/${flora}/payments/agreement`, {
      frequency: 'four_weekly',
      startDate: '2026-01-05',
      holderKind: 'person',
      holderName: 'Flora',
      sortCode: '200000',
      accountNumber: '12345678',
    });
    const pay = async (runDate: string) => {
      const run = (await post('/api/v1/payments/runs', { runDate })).json();
      const due = (await get(`/api/v1/payments/runs/${run.id}`)).json().due;
      const approved = await post(
        `/api/v1/payments/runs/${run.id}/approve`,
        { expectedCount: due.count, expectedTotal: due.totalSent },
        approver,
      );
      expect(approved.statusCode).toBe(200);
    };
    await pay('2026-01-05');

    // The mistake: recorded as no income, a £0 contribution, so the next payment goes up to £686.
    const wrong = await post(`/api/v1/people/${flora}/charging/assessments`, {
      effectiveFrom: '2026-02-02',
      incomes: [],
      noIncome: true,
    });
    expect(wrong.statusCode).toBe(201);
    expect(wrong.json().effect.directPayment.netPerPeriod).toEqual({ before: 56_888, after: 68_600 });
    expect(wrong.json().agreementChangedFrom).toBe('2026-02-02');
    await pay('2026-02-02');
    const wrongId = wrong.json().assessment.id;

    // Entering the right figures again for that date is not a new assessment: it is a correction.
    const again = await post(`/api/v1/people/${flora}/charging/assessments`, {
      effectiveFrom: '2026-02-02',
      incomes: esa,
    });
    expect(again.statusCode).toBe(409);
    expect(problem(again).errors?.map((e) => e.field)).toEqual(['effectiveFrom']);

    const correction = { effectiveFrom: '2026-02-02', incomes: esa, supersedes: wrongId };
    expect(problem(await post(`/api/v1/people/${flora}/charging/assessments`, correction)).errors).toEqual([
      { field: 'reason', message: 'Say why the assessment is being corrected' },
    ]);
    const reason = 'Income was left out by mistake: ESA award letter seen';
    const transfers = await count(t.database.db, 'ledger_transfers');
    const preview = await post(`/api/v1/people/${flora}/charging/assessments/preview`, {
      ...correction,
      reason,
    });
    expect(preview.statusCode).toBe(200);
    const { effect } = preview.json();
    expect(effect.from).toBe('2026-02-02');
    expect(effect.weeklyContribution).toEqual({ before: 0, after: 2_928 });
    expect(effect.directPayment.netPerPeriod).toEqual({ before: 68_600, after: 56_888 });
    expect(effect.corrections).toMatchObject([
      { periodStart: '2026-02-02', periodEnd: '2026-03-01', paid: 68_600, due: 56_888, amount: -11_712 },
    ]);
    expect(effect.correctionTotal).toBe(-11_712);
    expect(await count(t.database.db, 'ledger_transfers')).toBe(transfers);

    // A token from an older version never matches the current one.
    const stale = await post(`/api/v1/people/${flora}/charging/assessments`, {
      ...correction,
      supersedes: first.json().assessment.id,
      effectiveFrom: '2026-01-05',
      reason,
    });
    expect(stale.statusCode).toBe(409);

    const corrected = await post(`/api/v1/people/${flora}/charging/assessments`, { ...correction, reason });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json().assessment.supersedesId).toBe(wrongId);
    expect(corrected.json().effect).toEqual(effect);
    expect(await count(t.database.db, 'ledger_transfers')).toBe(transfers + 1);
    const view = (await get(`/api/v1/people/${flora}/payments`)).json();
    expect(view.balance).toBe(2 * 56_888);
    expect(view.agreement.nextPayment.amount).toBe(56_888);
    const versions = await asSystem(t.database.db, (tx) =>
      rows<{ version: number; contribution: string }>(
        tx,
        sql`select version, contribution_per_period::text as contribution from dp_agreement_changes
            where person_id = ${flora} order by version`,
      ),
    );
    expect(versions).toEqual([
      { version: 1, contribution: '0' },
      { version: 2, contribution: '11712' },
    ]);
    // The mistaken assessment is kept, never edited.
    expect(await count(t.database.db, 'financial_assessments', sql`person_id = ${flora}`)).toBe(3);

    // Applying the same correction twice changes nothing: the stale token is refused, and a
    // further correction with the same figures finds nothing left to put right.
    expect(
      (await post(`/api/v1/people/${flora}/charging/assessments`, { ...correction, reason })).statusCode,
    ).toBe(409);
    const same = await post(`/api/v1/people/${flora}/charging/assessments`, {
      ...correction,
      supersedes: corrected.json().assessment.id,
      reason: 'Checked again: the same figures',
    });
    expect(same.statusCode).toBe(201);
    expect(same.json().effect.corrections).toEqual([]);
    expect(await count(t.database.db, 'ledger_transfers')).toBe(transfers + 1);
    expect((await get(`/api/v1/people/${flora}/payments`)).json().balance).toBe(2 * 56_888);
    expect((await get('/api/v1/ledger/balances')).json().problems).toEqual([]);
  });

  describe('an assessment from on or before the direct payment starts', () => {
    const esa = [{ kind: 'esa', label: 'ESA', weeklyAmount: 28_380, evidence: 'DWP award letter' }];
    const setUpAgreement = async (personId: string, startDate: string) => {
      const made = await post(`/api/v1/people/${personId}/payments/agreement`, {
        frequency: 'four_weekly',
        startDate,
        holderKind: 'person',
        holderName: 'Holder',
        sortCode: '200000',
        accountNumber: '12345678',
      });
      expect(made.statusCode).toBe(201);
      // No assessment yet: the agreement is set up with no contribution.
      expect((await get(`/api/v1/people/${personId}/payments`)).json().agreement.contributionPerPeriod).toBe(
        0,
      );
    };
    const pay = async (runDate: string) => {
      const run = (await post('/api/v1/payments/runs', { runDate })).json();
      const due = (await get(`/api/v1/payments/runs/${run.id}`)).json().due;
      const approved = await post(
        `/api/v1/payments/runs/${run.id}/approve`,
        { expectedCount: due.count, expectedTotal: due.totalSent },
        approver,
      );
      expect(approved.statusCode).toBe(200);
    };
    const ledgerSound = async () => {
      const ledger = (await get('/api/v1/ledger/balances')).json();
      expect(ledger.problems).toEqual([]);
      expect(ledger.accounts.reduce((s: number, a: { balance: number }) => s + a.balance, 0)).toBe(0);
    };

    it('nets the contribution off from the agreement’s first day when recorded the day it starts', async () => {
      // £686.00 every four weeks; ESA £283.80 gives £29.28 a week, £117.12 every four weeks.
      const ailsa = await personWithAgreedPlan(t.database.db, t.authorityId, 'Ailsa Sameday', [17_150]);
      const today = todayInLondon();
      await setUpAgreement(ailsa, today);
      const recorded = await post(`/api/v1/people/${ailsa}/charging/assessments`, {
        effectiveFrom: today,
        incomes: esa,
      });
      expect(recorded.statusCode).toBe(201);
      expect(recorded.json().agreementChangedFrom).toBe(today);
      expect(recorded.json().effect.directPayment.netPerPeriod).toEqual({ before: 68_600, after: 56_888 });
      expect(recorded.json().effect.corrections).toEqual([]);

      const view = (await get(`/api/v1/people/${ailsa}/payments`)).json();
      expect(view.agreement.nextPayment).toMatchObject({ periodStart: today, amount: 56_888 });
      await pay(today);
      const after = (await get(`/api/v1/people/${ailsa}/payments`)).json();
      expect(after.payments.map((p: { amount: number }) => p.amount)).toEqual([56_888]);
      expect(after.balance).toBe(56_888);
      // The agreement row is history and is not edited; the change from its first day supersedes it.
      const changes = await asSystem(t.database.db, (tx) =>
        rows<{ effective_from: string; contribution: string }>(
          tx,
          sql`select effective_from::text, contribution_per_period::text as contribution
              from dp_agreement_changes where person_id = ${ailsa}`,
        ),
      );
      expect(changes).toEqual([{ effective_from: today, contribution: '11712' }]);
      await ledgerSound();
    });

    it('takes the contribution back for a period already paid when the assessment is dated before the start', async () => {
      const bruce = await personWithAgreedPlan(t.database.db, t.authorityId, 'Bruce Backdated', [17_150]);
      await setUpAgreement(bruce, '2026-03-02');
      await pay('2026-03-02');
      expect((await get(`/api/v1/people/${bruce}/payments`)).json().balance).toBe(68_600);

      const assessment = { effectiveFrom: '2026-02-16', incomes: esa };
      const transfers = await count(t.database.db, 'ledger_transfers');
      const preview = await post(`/api/v1/people/${bruce}/charging/assessments/preview`, assessment);
      expect(preview.statusCode).toBe(200);
      expect(preview.json().effect.from).toBe('2026-03-02');
      expect(preview.json().effect.corrections).toMatchObject([
        { periodStart: '2026-03-02', periodEnd: '2026-03-29', paid: 68_600, due: 56_888, amount: -11_712 },
      ]);
      expect(await count(t.database.db, 'ledger_transfers')).toBe(transfers);

      const recorded = await post(`/api/v1/people/${bruce}/charging/assessments`, assessment);
      expect(recorded.statusCode).toBe(201);
      expect(recorded.json().agreementChangedFrom).toBe('2026-03-02');
      expect(recorded.json().effect).toEqual(preview.json().effect);
      expect(await count(t.database.db, 'ledger_transfers')).toBe(transfers + 1);
      // The payment itself is kept as it was; the correction is added beside it.
      const corrections = await asSystem(t.database.db, (tx) =>
        rows<{ amount: string }>(
          tx,
          sql`select amount::text from dp_payment_corrections where person_id = ${bruce}`,
        ),
      );
      expect(corrections).toEqual([{ amount: '-11712' }]);
      expect((await get(`/api/v1/people/${bruce}/payments`)).json().balance).toBe(56_888);

      // The next period is paid net, and asking for the same date's run again pays nothing twice.
      await pay('2026-03-30');
      expect((await post('/api/v1/payments/runs', { runDate: '2026-03-30' })).statusCode).toBe(200);
      const view = (await get(`/api/v1/people/${bruce}/payments`)).json();
      expect(view.payments.map((p: { amount: number }) => p.amount).sort()).toEqual([56_888, 68_600]);
      expect(view.balance).toBe(2 * 56_888);
      await ledgerSound();
    });
  });
});
