import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, problem, type TestApp } from '../../../../test/support/app.ts';
import { bearerRequests, financeTestApp } from '../../../../test/support/finance.ts';
import { count } from '../payments.fixtures.ts';

let t: TestApp;
let finance: string;
let approver: string;
let person: string;
let morag: string;
beforeAll(async () => {
  ({ t, finance, approver, person, morag } = await financeTestApp());
});
afterAll(() => t.close());

const { post } = bearerRequests(() => ({ t, token: finance }));

const HEADER =
  'period_start,period_end,opening_balance,payments_in,pa_wages,employer_costs,agency,other,closing_balance';

describe('monitoring returns and surplus', () => {
  it('refuses a CSV with bad rows, naming each row and field, and saves nothing', async () => {
    const before = await count(t.database.db, 'dp_returns');
    const csv = [
      HEADER,
      '2026-04-01,2026-04-28,100.00,1000.00,700.00,100.00,0,50.00,250.00',
      '2026-04-29,2026-05-26,250.00,lots,700.00,100.00,0,50.00,400.00',
      '2026-05-27,2026-05-01,400.00,1000.00,-5,100.00,0,50.00,550.00',
    ].join('\n');
    const response = await post(`/api/v1/people/${morag}/payments/returns/csv`, { csv }, person);
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.map((e) => e.field)).toEqual([
      'row3.payments_in',
      'row4.period_end',
      'row4.pa_wages',
    ]);
    expect(await count(t.database.db, 'dp_returns')).toBe(before);
  });

  it('a return above the threshold opens a surplus review; recovery waits for the person’s view', async () => {
    const csv = [HEADER, '2026-04-01,2026-04-28,100.00,1000.00,700.00,100.00,0,50.00,9250.00'].join('\n');
    const response = await post(`/api/v1/people/${morag}/payments/returns/csv`, { csv }, person);
    expect(response.statusCode).toBe(201);
    const [result] = response.json().returns;
    expect(result.reconciles).toBe(false);
    expect(result.message).toMatch(/£9,000.00 more in the account/);
    const review = result.surplusReview;
    expect(review.status).toBe('awaiting_view');
    expect(review.explanation.lines[1].label).toMatch(/8 weeks ×/);
    expect(review.surplus).toBe(925_000 - review.threshold);

    const url = `/api/v1/people/${morag}/payments/surplus-reviews/${review.id}`;
    const early = await post(
      `${url}/decision`,
      { decision: 'recover_now', reason: 'Too much money held' },
      finance,
    );
    expect(early.statusCode).toBe(400);
    expect(problem(early).errors?.[0]?.field).toBe('decision');
    expect((await post(`${url}/view`, { view: 'x' }, finance)).statusCode).toBe(403);
    const view = await post(
      `${url}/view`,
      { view: 'I am saving for a week away with my PA in July.' },
      person,
    );
    expect(view.json().status).toBe('view_given');

    const balanceBefore = await count(t.database.db, 'ledger_transfers', sql`kind = 'recovery'`);
    const decided = await post(
      `${url}/decision`,
      { decision: 'recover_now', reason: 'Part is not needed for the break' },
      finance,
    );
    expect(decided.statusCode).toBe(200);
    expect(decided.json().review.decisionAmount).toBe(review.surplus);
    expect(await count(t.database.db, 'ledger_transfers', sql`kind = 'recovery'`)).toBe(balanceBefore + 1);
    const again = await post(`${url}/decision`, { decision: 'keep', reason: 'Changed my mind' }, finance);
    expect(again.statusCode).toBe(409);
    const statement = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/people/${morag}/payments/statement`,
        headers: bearer(person),
      })
    ).json();
    expect(statement.lines[0].what).toBe('Surplus paid back to the council');
    expect(statement.moneyOut).toBe(review.surplus);
  });

  it('a reduction of the next payment is applied once by the next payment run', async () => {
    const csv = [HEADER, '2026-05-01,2026-05-28,100.00,1000.00,700.00,100.00,0,50.00,8000.00'].join('\n');
    const review = (await post(`/api/v1/people/${morag}/payments/returns/csv`, { csv }, person)).json()
      .returns[0].surplusReview;
    const url = `/api/v1/people/${morag}/payments/surplus-reviews/${review.id}`;
    await post(`${url}/view`, { view: 'Holiday pay for my PA is due' }, person);
    await post(
      `${url}/decision`,
      { decision: 'reduce_next_payment', reason: 'Spread over the next payment' },
      finance,
    );
    const run = (await post('/api/v1/payments/runs', { runDate: '2099-01-01' }, finance)).json();
    const due = (
      await t.app.inject({ method: 'GET', url: `/api/v1/payments/runs/${run.id}`, headers: bearer(finance) })
    ).json().due;
    const reduced = due.lines.filter((l: { reduction: number }) => l.reduction > 0);
    expect(reduced.length).toBe(1);
    expect(reduced[0].sent).toBe(reduced[0].amount - reduced[0].reduction);
    // Two people: a second finance officer approves the run the first created.
    const approved = await post(
      `/api/v1/payments/runs/${run.id}/approve`,
      { expectedCount: due.count, expectedTotal: due.totalSent },
      approver,
    );
    expect(approved.statusCode).toBe(200);
    expect(
      await count(t.database.db, 'ledger_transfers', sql`idempotency_key = ${`surplus-review:${review.id}`}`),
    ).toBe(1);
  });
});
