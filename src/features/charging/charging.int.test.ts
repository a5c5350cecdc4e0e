import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem, type TestApp } from '../../../test/support/app.ts';
import { bearerRequests, financeTestApp } from '../../../test/support/finance.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { count } from '../payments/test-support.ts';

let t: TestApp;
let finance: string;
let person: string;
let morag: string;
beforeAll(async () => {
  ({ t, finance, person, morag } = await financeTestApp());
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
