import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { rows } from '../../platform/db/transaction.ts';
import { DEMO_BUDGET_POLICY } from './seed.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await testApp();
  admin = await apiToken(t.app, 'admin');
});
afterAll(() => t.close());

const from = addDays(todayInLondon(), 14);
/** The demo policy with personal care 10% dearer and PA hours 10% cheaper. */
const draft = (changes: Record<string, unknown> = {}) => ({
  versionLabel: 'Budget policy 2027 test',
  effectiveFrom: from,
  contingencyBasisPoints: 500,
  supportUnits: DEMO_BUDGET_POLICY.supportUnits.map((u) => ({
    ...u,
    ratePence:
      u.code === 'personal_care_hour'
        ? Math.round(u.ratePence * 1.1)
        : u.code === 'pa_hour'
          ? Math.round(u.ratePence * 0.9)
          : u.ratePence,
  })),
  ...changes,
});
const save = (token: string, body: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/policies/budget', headers: bearer(token), payload: body });
const versionCount = async () =>
  (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from budget_policy_versions`))[0]!
    .n;

describe('budget policies', () => {
  it('publishes the policy in force to anyone, without signing in', async () => {
    // The demo has two councils: without a code the API asks which, naming the field.
    const unnamed = await t.app.inject('/api/v1/policies/budget');
    expect(unnamed.statusCode).toBe(400);
    expect(problem(unnamed).errors?.map((e) => e.field)).toEqual(['council']);
    const response = await t.app.inject('/api/v1/policies/budget?council=demo');
    expect(response.statusCode).toBe(200);
    expect(response.json().current.versionLabel).toBe('Budget policy 2026/27');
    const page = await t.app.inject('/c/demo/how-budgets-work');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('£25.62');
  });

  it('refuses negative and absurd rates, overlapping dates and a dropped unit still in use, saving nothing', async () => {
    const before = await versionCount();
    const units = draft().supportUnits;
    const bad = await save(
      admin,
      draft({
        effectiveFrom: '2026-05-01',
        supportUnits: [
          { ...units[0]!, ratePence: -100 },
          { ...units[1]!, ratePence: 9_000_000 },
          ...units.slice(2),
        ],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['supportUnits[0].ratePence', 'supportUnits[1].ratePence', 'effectiveFrom']),
    );
    const dropped = await save(
      admin,
      draft({ supportUnits: units.filter((u) => u.code !== 'personal_care_hour') }),
    );
    expect(problem(dropped).errors).toEqual([
      { field: 'supportUnits', message: expect.stringContaining('personal_care_hour') },
    ]);
    expect(await versionCount()).toBe(before);
    expect((await save(await apiToken(t.app, 'manager'), draft())).statusCode).toBe(403);
  });

  it('previews the re-pricing of every current budget by group, then publishes and closes the old version', async () => {
    const saved = await save(admin, draft());
    expect(saved.statusCode).toBe(201);
    const id = saved.json().id;
    const preview = await t.app.inject({
      url: `/api/v1/policies/budget/${id}/repricing`,
      headers: bearer(await apiToken(t.app, 'manager')),
    });
    expect(preview.statusCode).toBe(200);
    const { summary, notCosted } = preview.json().report;
    const [current] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(distinct person_id)::int as n from person_budgets
          where status = 'current' and kind <> 'interim' and authority_id = ${t.authorityId}`,
    );
    expect(summary.count + notCosted).toBe(current!.n);
    expect(summary.up + summary.down + summary.unchanged).toBe(summary.count);
    expect(summary.totalUp + summary.totalDown).toBe(summary.totalChange);
    expect(Object.keys(summary.byGroup).sort()).toEqual(['Age band', 'Client group', 'Ethnicity']);
    for (const tallies of Object.values(summary.byGroup) as { count: number }[][])
      expect(tallies.reduce((s, g) => s + g.count, 0)).toBe(summary.count);

    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/policies/budget/${id}/publish`,
      headers: bearer(admin),
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/policies/budget/${id}/publish`,
      headers: bearer(admin),
    });
    expect(again.statusCode).toBe(409);
    const versions = (await t.app.inject('/api/v1/policies/budget?council=demo')).json().versions;
    expect(versions.map((v: { effectiveTo: string | null }) => v.effectiveTo)).toEqual([
      null,
      addDays(from, -1),
    ]);
    expect(versions[0].repricing.summary.count).toBe(summary.count);
  });
});
