import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { rows } from '../../platform/db/transaction.ts';
import { budgetCount, demoPerson, setCrisis } from './budgets.fixtures.ts';

let t: TestApp;
let morag: Awaited<ReturnType<typeof demoPerson>>;
let worker: string;
beforeAll(async () => {
  t = await testApp();
  morag = await demoPerson(t, 'Morag Campbell');
  worker = await apiToken(t.app, 'worker');
});
afterAll(() => t.close());

const post = (token: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
const sum = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

describe('indicative budgets with their explanation', () => {
  it('costs needs per outcome into lines that sum exactly to the total, with funding streams that add up', async () => {
    const [first, second] = morag.outcomes;
    const response = await post(worker, `/api/v1/people/${morag.id}/budget/indicative`, {
      needs: [
        { outcomeId: first!.id, unitCode: 'personal_care_hour', quantityPerWeek: 10.5 },
        { outcomeId: second!.id, unitCode: 'pa_hour', quantityPerWeek: 6 },
      ],
      fundingStreams: [
        { stream: 'independent_living_fund', source: 'Independent Living Fund Scotland', weeklyAmount: 5000 },
      ],
      reason: 'Review after a fall',
    });
    expect(response.statusCode).toBe(201);
    const budget = response.json();
    // 10.5 × £25.62 + 6 × £19.85 = £268.01 + £119.10 = £387.11; 5% contingency £19.36 (rounded half up).
    expect(budget.explanation.lines.map((l: { amount: number }) => l.amount)).toEqual([26901, 11910, 1941]);
    expect(sum(budget.explanation.lines)).toBe(budget.weeklyAmount);
    expect(budget.annualAmount).toBe(budget.weeklyAmount * 52);
    expect(budget.explanation.lines[0].label).toContain(first!.personWords);

    const read = (
      await t.app.inject({ url: `/api/v1/people/${morag.id}/budget`, headers: bearer(worker) })
    ).json();
    expect(read.current.id).toBe(budget.id);
    expect(read.current.decidedByName).toBe('Sam Okafor');
    expect(read.current.reason).toBe('Review after a fall');
    expect(
      sum(read.current.fundingStreams.map((s: { weeklyAmount: number }) => ({ amount: s.weeklyAmount }))),
    ).toBe(budget.weeklyAmount);
    expect(read.versions[1].status).toBe('superseded');
  });

  it('refuses an outcome costed twice, an unknown outcome and a silly quantity, saving nothing', async () => {
    const before = await budgetCount(t, morag.id);
    const [first] = morag.outcomes;
    const twice = await post(worker, `/api/v1/people/${morag.id}/budget/indicative`, {
      needs: [
        { outcomeId: first!.id, unitCode: 'pa_hour', quantityPerWeek: 3 },
        { outcomeId: first!.id, unitCode: 'pa_hour', quantityPerWeek: 4 },
      ],
      reason: 'Typed twice',
    });
    expect(twice.statusCode).toBe(400);
    expect(problem(twice).errors).toEqual([
      { field: 'needs[1].unitCode', message: expect.stringContaining('already has') },
    ]);
    const unknown = await post(worker, `/api/v1/people/${morag.id}/budget/indicative`, {
      needs: [
        { outcomeId: '00000000-0000-4000-8000-000000000000', unitCode: 'pa_hour', quantityPerWeek: 400 },
      ],
      reason: '',
    });
    expect(
      problem(unknown)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['needs[0].outcomeId', 'needs[0].quantityPerWeek', 'reason']);
    expect(await budgetCount(t, morag.id)).toBe(before);
  });

  it('shows the person what-if without saving, in lines that sum to the change', async () => {
    const before = await budgetCount(t, morag.id);
    const [first] = morag.outcomes;
    const response = await post(
      await apiToken(t.app, 'person'),
      `/api/v1/people/${morag.id}/budget/what-if`,
      {
        changedNeeds: [{ outcomeId: first!.id, unitCode: 'personal_care_hour', quantityPerWeek: 14 }],
      },
    );
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.weeklyChange).toBeGreaterThan(0);
    expect(sum(result.change.lines)).toBe(result.weeklyChange);
    expect(result.proposed.total - result.current.total).toBe(result.weeklyChange);
    expect(await budgetCount(t, morag.id)).toBe(before);
  });

  it('lets only case holders cost a budget', async () => {
    for (const role of ['person', 'finance', 'admin'] as const) {
      const response = await post(
        await apiToken(t.app, role),
        `/api/v1/people/${morag.id}/budget/indicative`,
        { needs: [], reason: 'x' },
      );
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('interim budgets in a crisis', () => {
  const interim = (weeklyAmount: number, expiresOn = addDays(todayInLondon(), 28)) => ({
    weeklyAmount,
    reason: 'Main carer admitted to hospital today',
    expiresOn,
  });

  it('is approved only by a manager, only in a crisis, and is listed until regularised', async () => {
    const manager = await apiToken(t.app, 'manager');
    const url = `/api/v1/people/${morag.id}/budget/interim`;
    expect((await post(worker, url, interim(35000))).statusCode).toBe(403);
    const notInCrisis = await post(manager, url, interim(35000));
    expect(notInCrisis.statusCode).toBe(400);
    expect(problem(notInCrisis).errors?.[0]?.message).toContain('not flagged as in crisis');

    await setCrisis(t, morag.id, true);
    const tooLong = await post(manager, url, interim(-5, addDays(todayInLondon(), 200)));
    expect(
      problem(tooLong)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['expiresOn', 'weeklyAmount']);
    const approved = await post(manager, url, interim(35000));
    expect(approved.statusCode).toBe(201);
    expect(approved.json()).toMatchObject({ kind: 'interim', weeklyAmount: 35000, annualAmount: 35000 * 52 });
    expect(sum(approved.json().explanation.lines)).toBe(35000);

    const listed = await t.app.inject({ url: '/api/v1/budgets/interim', headers: bearer(manager) });
    expect(listed.json().interims).toEqual([
      expect.objectContaining({ personId: morag.id, expired: false, approvedBy: 'Priya Nair' }),
    ]);
    expect((await t.app.inject({ url: '/api/v1/budgets/interim', headers: bearer(worker) })).statusCode).toBe(
      403,
    );

    await post(worker, `/api/v1/people/${morag.id}/budget/indicative`, {
      needs: [{ outcomeId: morag.outcomes[0]!.id, unitCode: 'personal_care_hour', quantityPerWeek: 12 }],
      reason: 'Full assessment after the crisis',
    });
    expect(
      (await t.app.inject({ url: '/api/v1/budgets/interim', headers: bearer(manager) })).json().interims,
    ).toEqual([]);
    const [row] = await rows<{ status: string }>(
      t.database.db,
      sql`select status from person_budgets where id = ${approved.json().id}`,
    );
    expect(row!.status).toBe('regularised');
    await setCrisis(t, morag.id, false);
  });
});
