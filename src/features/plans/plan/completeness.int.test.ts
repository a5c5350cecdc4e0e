import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiToken,
  bearer,
  demoPersonId,
  problem,
  type TestApp,
  testApp,
} from '../../../../test/support/app.ts';
import { asSystem, rows } from '../../../platform/db/transaction.ts';
import { missingFromPlan } from './completeness.ts';
import type { SupportPlanContent } from './content.ts';

/**
 * An unfinished plan (an outcome not written yet, support for no outcome of the plan) is
 * never shared, signed, submitted or agreed: each step answers 400 with every missing thing
 * named by its path in the plan's content, and writes nothing.
 */
let t: TestApp;
let morag: string;
const tokens: Record<string, string> = {};

const api = (role: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[role]!), payload: payload as object });
const current = async () => (await api('worker', 'GET', `/people/${morag}/plan`)).json().plan;

/** Stands in for a plan stored before these checks: its content changed under the lifecycle. */
async function storedAs(state: string, change: (c: SupportPlanContent) => void) {
  const plan = await current();
  const content = structuredClone(plan.content) as SupportPlanContent;
  change(content);
  await asSystem(t.database.db, (tx) =>
    tx.execute(
      sql`update support_plans set content = ${JSON.stringify(content)}::jsonb, state = ${state},
          signature = coalesce(signature, '{"role":"person","name":"Morag"}'::jsonb)
          where id = ${plan.id}`,
    ),
  );
  return current();
}

async function refusedWithNothingWritten(role: string, step: string, fields: string[]) {
  const before = await current();
  const response = await api(role, 'POST', `/people/${morag}/plan/${step}`, {
    rowVersion: before.rowVersion,
  });
  expect(response.statusCode, response.body).toBe(400);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(problem(response).errors!.map((e) => e.field)).toEqual(fields);
  const after = await current();
  expect({ state: after.state, rowVersion: after.rowVersion }).toEqual({
    state: before.state,
    rowVersion: before.rowVersion,
  });
}

beforeAll(async () => {
  t = await testApp();
  morag = await demoPersonId(t);
  for (const role of ['person', 'worker', 'manager']) tokens[role] = await apiToken(t.app, role);
  const agreed = await current();
  const started = await api('worker', 'POST', `/people/${morag}/plan/new-version`, {
    rowVersion: agreed.rowVersion,
  });
  expect(started.statusCode).toBe(201);
});
afterAll(() => t.close());

describe('the demo plans', () => {
  it('are all finished, so every agreed and shared demo plan could have been agreed and shared', async () => {
    const plans = await rows<{ content: SupportPlanContent; state: string }>(
      t.database.db,
      sql`select content, state from support_plans where state in ('agreed', 'shared', 'superseded')`,
    );
    expect(plans.length).toBeGreaterThan(10);
    for (const plan of plans) expect(missingFromPlan(plan.content)).toEqual([]);
  });
});

describe('an unfinished plan', () => {
  it('is saved as a draft but not shared while an outcome is not written yet', async () => {
    const draft = await current();
    const content = structuredClone(draft.content);
    content.outcomes[0].howMet = '';
    const saved = await api('worker', 'PUT', `/people/${morag}/plan`, {
      rowVersion: draft.rowVersion,
      content,
    });
    expect(saved.statusCode).toBe(201);
    await refusedWithNothingWritten('worker', 'share', ['content.outcomes[0].howMet']);
  });

  it('is not shared with support for no outcome of the plan, and lists everything missing at once', async () => {
    await storedAs('draft', (c) => {
      c.costLines.push({ ...c.costLines[0]!, outcomeRef: 'an-ended-outcome' });
    });
    const lines = (await current()).content.costLines.length;
    await refusedWithNothingWritten('worker', 'share', [
      'content.outcomes[0].howMet',
      `content.costLines[${lines - 1}].outcomeRef`,
    ]);
  });

  it('is not signed', async () => {
    await storedAs('shared', (c) => {
      c.costLines.pop();
    });
    await refusedWithNothingWritten('person', 'sign', ['content.outcomes[0].howMet']);
  });

  it('is not submitted', async () => {
    await storedAs('signed', (c) => {
      c.contingency = ' ';
    });
    await refusedWithNothingWritten('worker', 'submit', [
      'content.outcomes[0].howMet',
      'content.contingency',
    ]);
  });

  it('is not agreed, and no agreed budget is written', async () => {
    const submitted = await storedAs('submitted', () => {});
    await refusedWithNothingWritten('manager', 'agree', [
      'content.outcomes[0].howMet',
      'content.contingency',
    ]);
    const [count] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from person_budgets where support_plan_id = ${submitted.id}`,
    );
    expect(count!.n).toBe(0);
  });
});
