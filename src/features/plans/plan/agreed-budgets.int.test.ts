import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, demoPersonId, type TestApp, testApp } from '../../../../test/support/app.ts';
import { rows } from '../../../platform/db/transaction.ts';

/**
 * An agreed budget is explained like an indicative one, whatever made it (the demo seed or a
 * manager's agreement): every line is a quantity × a published rate under the policy version
 * that priced it, then the contingency, and only a plan agreed over budget has one more line
 * saying who agreed the extra and why.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await testApp();
  for (const role of ['worker', 'manager', 'representative', 'person', 'admin'])
    tokens[role] = await apiToken(t.app, role);
});
afterAll(() => t.close());

const get = (role: string, url: string) =>
  t.app.inject({ url: `/api/v1${url}`, headers: bearer(tokens[role]!) });
const post = (role: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(tokens[role]!), payload });

interface Line {
  label: string;
  rule: string;
  amount: number;
  policyVersion: string;
  quantity?: number;
  unitRate?: number;
}
const POLICY = 'Budget policy 2026/27';
const isContingency = (l: Line) => l.rule.startsWith('Contingency:');
const isOverBudget = (l: Line) => l.rule.startsWith('Agreed over budget by ');

/** Every line priced by the published policy: quantity × rate, or the contingency, or the one over-budget line. */
function expectExplainedByPolicy(explanation: { total: number; lines: Line[] }, weekly: number) {
  expect(explanation.lines.length).toBeGreaterThan(1);
  expect(explanation.lines.reduce((s, l) => s + l.amount, 0)).toBe(weekly);
  expect(explanation.total).toBe(weekly);
  expect(explanation.lines.filter(isOverBudget).length).toBeLessThanOrEqual(1);
  for (const line of explanation.lines) {
    expect(line.policyVersion).toContain(POLICY);
    expect(line.rule).not.toMatch(/Support plan version/);
    if (isContingency(line) || isOverBudget(line)) continue;
    expect(line.quantity, line.label).toBeGreaterThan(0);
    expect(line.unitRate, line.label).toBeGreaterThan(0);
    expect(line.label).toContain('×');
  }
}

describe('agreed budgets written from the demo plans', () => {
  it('explain every line by quantity × rate × published policy version, with funding streams that add up', async () => {
    const budgets = await rows<{
      weeklyAmount: number;
      explanation: { total: number; lines: Line[] };
      needs: unknown[];
      policy: string | null;
      streamTotal: number | null;
    }>(
      t.database.db,
      sql`select b.weekly_amount::int as "weeklyAmount", b.explanation, b.needs, b.policy_version_id as policy,
                 (select sum(s.weekly_amount)::int from budget_funding_streams s where s.budget_id = b.id) as "streamTotal"
            from person_budgets b
           where b.kind = 'agreed' and b.support_plan_id is not null and b.authority_id = ${t.authorityId}`,
    );
    expect(budgets.length).toBeGreaterThan(10);
    for (const budget of budgets) {
      expect(budget.needs.length).toBeGreaterThan(0);
      expect(budget.policy).not.toBeNull();
      expectExplainedByPolicy(budget.explanation, budget.weeklyAmount);
      expect(budget.streamTotal).toBe(budget.weeklyAmount);
    }
  });

  it('are shown through the API, with a what-if that starts from the current budget', async () => {
    const morag = await demoPersonId(t);
    const record = (await get('person', `/people/${morag}/budget`)).json();
    expect(record.current.kind).toBe('agreed');
    expectExplainedByPolicy(record.current.explanation, record.current.weeklyAmount);

    const [needs] = await rows<{
      needs: { outcomeRef: string; unitCode: string; quantityPerWeek: number }[];
    }>(t.database.db, sql`select needs from person_budgets where id = ${record.current.id}`);
    const first = needs!.needs[0];
    const whatIf = await post('person', `/people/${morag}/budget/what-if`, {
      changedNeeds: [
        {
          outcomeId: first!.outcomeRef,
          unitCode: first!.unitCode,
          quantityPerWeek: first!.quantityPerWeek + 1,
        },
      ],
    });
    expect(whatIf.statusCode, whatIf.body).toBe(200);
    const overBudget = record.current.explanation.lines.filter(isOverBudget)[0]?.amount ?? 0;
    expect(whatIf.json().current.total).toBe(record.current.weeklyAmount - overBudget);
    expect(whatIf.json().weeklyChange).toBeGreaterThan(0);
  });

  it('are re-priced by a draft policy like any other budget', async () => {
    const policies = (await get('admin', '/policies/budget')).json();
    const inForce = policies.inForce ?? policies.versions[0];
    const draft = await post('admin', '/policies/budget', {
      ...inForce.content,
      versionLabel: 'Budget policy 2027/28 (draft)',
      effectiveFrom: '2027-04-01',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const preview = (await get('manager', `/policies/budget/${draft.json().id}/repricing`)).json();
    expect(preview.report.notCosted).toBe(0);
    const [current] = await rows<{ n: number; agreed: number }>(
      t.database.db,
      sql`select count(distinct person_id)::int as n,
                 count(distinct person_id) filter (where kind = 'agreed')::int as agreed
            from person_budgets where status = 'current' and kind <> 'interim' and authority_id = ${t.authorityId}`,
    );
    expect(current!.agreed).toBeGreaterThan(10);
    expect(preview.report.summary.count).toBe(current!.n);
    // Same rates, same needs: nobody's budget moves, agreed or indicative.
    expect(preview.report.summary.unchanged).toBe(current!.n);
  });
});

describe('a plan a manager agrees', () => {
  it('writes an agreed budget priced from the needs the plan was checked against, and the plan shows one budget figure', async () => {
    const [callum] = await rows<{ id: string }>(
      t.database.db,
      sql`select person_id as id from person_relationships where kind = 'representative'`,
    );
    const id = callum!.id;
    const before = (await get('worker', `/people/${id}/budget`)).json().current;
    expect(before.kind).toBe('indicative');
    let plan = (await get('worker', `/people/${id}/plan`)).json().plan;
    plan = (await post('representative', `/people/${id}/plan/sign`, { rowVersion: plan.rowVersion })).json()
      .plan;
    plan = (await post('worker', `/people/${id}/plan/submit`, { rowVersion: plan.rowVersion })).json().plan;
    const agreed = await post('manager', `/people/${id}/plan/agree`, {
      rowVersion: plan.rowVersion,
      overBudgetReason: 'Short breaks keep the family together',
    });
    expect(agreed.statusCode, agreed.body).toBe(200);

    const record = (await get('representative', `/people/${id}/budget`)).json();
    expect(record.current).toMatchObject({ kind: 'agreed', version: before.version + 1 });
    expectExplainedByPolicy(record.current.explanation, record.current.weeklyAmount);
    const priced = record.current.explanation.lines.filter((l: Line) => !isOverBudget(l));
    expect(priced).toEqual(before.explanation.lines);

    const view = (await get('representative', `/people/${id}/plan`)).json();
    expect(view.budget.weekly).toBe(record.current.weeklyAmount);
    expect(view.budgetCheck.withinBudget).toBe(true);
    expect(view.budgetCheck.explanation).toContain(
      `the agreed budget of £${(record.current.weeklyAmount / 100).toFixed(2)}`,
    );
  });
});
