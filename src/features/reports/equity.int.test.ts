import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { generateSynthetic } from '../../cli/generate/index.ts';
import { createApiToken, createSession } from '../../platform/auth/credentials.ts';
import { SESSION_COOKIE } from '../../platform/auth/guard.ts';
import { rows } from '../../platform/db/transaction.ts';
import { SMALL_CELL } from './service.ts';

const AS_OF = '2026-04-01';
let t: TestApp;
let syntheticId: string;
let analystToken: string;

beforeAll(async () => {
  t = await testApp();
  const generated = await generateSynthetic(t.database.db, {
    scale: 'tiny',
    seed: 3,
    people: 150,
    asOf: AS_OF,
  });
  syntheticId = generated.authorityId;
  const [analyst] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from users where authority_id = ${syntheticId} and role = 'analyst'`,
  );
  analystToken = (await createApiToken(t.database.db, analyst!.id)).token;
});
afterAll(() => t.close());

const report = (token: string, query = `?asOf=${AS_OF}`) =>
  t.app.inject({ url: `/api/v1/reports/equity${query}`, headers: bearer(token) });

describe('equity report', () => {
  it('gives the same figures as counting the council’s agreed plans by hand', async () => {
    const response = await report(analystToken);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const [expected] = await rows<{ people: number; option1: number; spend: number }>(
      t.database.db,
      sql`with latest as (select distinct on (person_id) id, person_id from support_plans
                          where authority_id = ${syntheticId} and state = 'agreed' order by person_id, version desc)
          select count(distinct l.person_id)::int as people,
                 count(distinct l.person_id) filter (where c.sds_option = 1)::int as option1,
                 sum(c.weekly_cost)::int as spend
          from latest l join support_plan_cost_lines c on c.authority_id = ${syntheticId} and c.plan_id = l.id`,
    );
    expect(body.total.people).toBe(expected!.people);
    expect(body.total.options['1']).toBe(expected!.option1);
    expect(body.total.weeklySpend).toBe(expected!.spend);
    expect(body.dimensions.map((d: { dimension: string }) => d.dimension)).toEqual([
      'client_group',
      'age_band',
      'ethnicity',
      'sex',
      'locality',
    ]);
    // Every dimension splits the same people: shown groups never add up to more than everyone.
    for (const dimension of body.dimensions) {
      const shown = dimension.rows.reduce(
        (sum: number, r: { people: number | null }) => sum + (r.people ?? 0),
        0,
      );
      expect(shown).toBeLessThanOrEqual(expected!.people);
    }
  });

  it('hides every figure behind fewer than 5 people and gives no person-level data', async () => {
    const body = (await report(analystToken)).json();
    const rowsShown = body.dimensions.flatMap((d: { rows: unknown[] }) => d.rows);
    for (const row of rowsShown) {
      if (row.people === null) {
        expect(row.suppressed).toBe(true);
        expect(row.weeklySpend).toBeNull();
        expect(Object.values(row.options)).toEqual([null, null, null, null]);
      } else {
        expect(row.people).toBeGreaterThanOrEqual(SMALL_CELL);
        for (const count of Object.values(row.options) as (number | null)[])
          expect(count === null || count === 0 || count >= SMALL_CELL).toBe(true);
      }
    }
    // Ethnic groups are many and small in 150 people: some must be hidden.
    const ethnicity = body.dimensions.find((d: { dimension: string }) => d.dimension === 'ethnicity');
    expect(ethnicity.rows.some((r: { suppressed: boolean }) => r.suppressed)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('stays inside the council: the demo council’s manager sees only the demo council', async () => {
    const manager = await apiToken(t.app, 'manager');
    const body = (await report(manager)).json();
    const [demo] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(distinct person_id)::int as n from support_plans where authority_id = ${t.authorityId} and state = 'agreed'`,
    );
    expect(body.total.people).toBe(demo!.n < 5 ? null : demo!.n);
    const synthetic = (await report(analystToken)).json();
    expect(synthetic.total.people).toBeGreaterThan(demo!.n);
  });

  it('is refused to workers and people, and audited for analysts', async () => {
    expect((await report(await apiToken(t.app, 'worker'))).statusCode).toBe(403);
    expect((await report(await apiToken(t.app, 'person'))).statusCode).toBe(403);
    const [audit] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where authority_id = ${syntheticId} and action = 'reports.equity.read' and actor_role = 'analyst'`,
    );
    expect(audit!.n).toBeGreaterThanOrEqual(2);
  });

  it('refuses a bad date or an unknown parameter with the field named', async () => {
    const bad = await report(analystToken, '?asOf=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.map((e) => e.field)).toContain('asOf');
    const unknown = await report(analystToken, '?personId=x');
    expect(unknown.statusCode).toBe(400);
  });

  it('shows the report page with every table, for an analyst signed in with a session', async () => {
    const response = await t.app.inject({
      url: '/reports/equity',
      headers: { cookie: await sessionCookie() },
    });
    expect(response.statusCode).toBe(200);
    for (const caption of ['By client group', 'By age', 'By ethnic group', 'By sex', 'By area'])
      expect(response.body).toContain(caption);
    expect(response.body).toContain('fewer than 5');
  });
});

async function sessionCookie(): Promise<string> {
  const [analyst] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from users where authority_id = ${syntheticId} and role = 'analyst'`,
  );
  const token = await createSession(t.database.db, analyst!.id);
  return `${SESSION_COOKIE}=${t.app.signCookie(token)}`;
}
