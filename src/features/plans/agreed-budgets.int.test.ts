import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/support/app.ts';
import { rows } from '../../platform/db/transaction.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('agreed budgets written from the demo plans', () => {
  it('explain each line in plain words and record where the money comes from, stream by stream', async () => {
    const budgets = await rows<{
      id: string;
      weeklyAmount: number;
      explanation: { lines: { label: string; rule: string; amount: number }[] };
      streamTotal: number | null;
      streams: number;
    }>(
      t.database.db,
      sql`select b.id, b.weekly_amount::int as "weeklyAmount", b.explanation,
                 (select sum(s.weekly_amount)::int from budget_funding_streams s where s.budget_id = b.id) as "streamTotal",
                 (select count(*)::int from budget_funding_streams s where s.budget_id = b.id) as streams
            from person_budgets b where b.kind = 'agreed' and b.support_plan_id is not null`,
    );
    expect(budgets.length).toBeGreaterThan(10);
    for (const budget of budgets) {
      for (const line of budget.explanation.lines) {
        expect(line.rule).not.toMatch(UUID);
        expect(line.rule).toMatch(
          / support for (‘.+’|an outcome that is no longer in the plan) \(option [1-4]\)$/,
        );
      }
      if (budget.weeklyAmount > 0) {
        expect(budget.streams).toBeGreaterThan(0);
        expect(budget.streamTotal).toBe(budget.weeklyAmount);
      }
    }
    // Each rule says who gives the support, in words.
    const [line] = budgets[0]!.explanation.lines;
    expect(line!.rule).toMatch(
      /^(Personal assistant|Care provider|Community group or service|Family and friends \(unpaid\)) support for ‘/,
    );
  });
});
