import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../../platform/dates.ts';
import { inTenant, rows } from '../../../platform/db/transaction.ts';
import { setBudget as setBudgetFor } from '../../budgets/budgets.fixtures.ts';
import { updatePlanIfUnchanged } from './store.ts';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../../test/support/app.ts';

let t: TestApp;
let morag: string;
let callum: string;
const tokens: Record<string, string> = {};

const api = (role: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[role]!), payload: payload as object });

const setBudget = (personId: string, weekly: number) =>
  setBudgetFor(t, personId, weekly, 'Set by the plans test');

const plan = async (personId: string, role = 'worker') =>
  (await api(role, 'GET', `/people/${personId}/plan`)).json();

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  [{ id: morag }] = (await rows<{ id: string }>(
    db,
    sql`select person_id as id from person_relationships where kind = 'self'`,
  )) as [{ id: string }];
  [{ id: callum }] = (await rows<{ id: string }>(
    db,
    sql`select person_id as id from person_relationships where kind = 'representative'`,
  )) as [{ id: string }];
  // A second manager in the same team, so two managers can decide at once.
  await db.execute(sql`insert into users (authority_id, email, display_name, role, team_id, password_hash)
    select authority_id, 'manager2@demo.selfdirect.test', 'Second Manager', 'manager', team_id, password_hash
    from users where email = 'manager@demo.selfdirect.test'`);
  for (const role of ['person', 'representative', 'worker', 'manager', 'admin'])
    tokens[role] = await apiToken(t.app, role);
  tokens.manager2 = await apiToken(t.app, 'manager2@demo.selfdirect.test');
});
afterAll(() => t.close());

describe('the demo plans', () => {
  it('gives Morag an agreed plan with direct-payment lines and Callum a plan shared with his mother', async () => {
    const moragPlan = await plan(morag, 'person');
    expect(moragPlan.plan.state).toBe('agreed');
    expect(moragPlan.directPayment.weeklyTotal).toBeGreaterThan(0);
    const callumPlan = await plan(callum, 'representative');
    expect(callumPlan.plan.state).toBe('shared');
    const [options] = await rows<{ used: number[] }>(
      t.database.db,
      sql`select array_agg(distinct sds_option order by sds_option)::int[] as used from support_plan_cost_lines`,
    );
    expect(options!.used).toEqual([1, 2, 3]);
  });
});

describe('a plan from shared to agreed, with a return on the way', () => {
  it('is signed by the representative, returned with reasons, reworked, signed again and agreed over budget with a reason', async () => {
    let current = (await plan(callum)).plan;
    const signed = await api('representative', 'POST', `/people/${callum}/plan/sign`, {
      rowVersion: current.rowVersion,
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().plan.signature).toMatchObject({ role: 'representative', name: 'Fiona Reid' });

    const submitted = await api('worker', 'POST', `/people/${callum}/plan/submit`, {
      rowVersion: signed.json().plan.rowVersion,
    });
    expect(submitted.json().plan.state).toBe('submitted');
    current = submitted.json().plan;

    const noEdit = await api('representative', 'PATCH', `/people/${callum}/plan/my-part`, {
      rowVersion: current.rowVersion,
      aboutMe: 'x',
    });
    expect(noEdit.statusCode).toBe(409);

    const noReasons = await api('manager', 'POST', `/people/${callum}/plan/return`, {
      rowVersion: current.rowVersion,
      reasons: [' '],
    });
    expect(noReasons.statusCode).toBe(400);
    expect(problem(noReasons).errors?.[0]?.field).toBe('reasons');
    const returned = await api('manager', 'POST', `/people/${callum}/plan/return`, {
      rowVersion: current.rowVersion,
      reasons: ['Say what happens if the short break is cancelled'],
    });
    expect(returned.json().plan.state).toBe('returned');

    // The representative answers in their own words: a new version, the next round.
    const reworked = await api('representative', 'PATCH', `/people/${callum}/plan/my-part`, {
      rowVersion: returned.json().plan.rowVersion,
      contingency: 'If Hillview cancels, Gran has me for the weekend.',
    });
    expect(reworked.statusCode).toBe(201);
    expect(reworked.json()).toMatchObject({ state: 'draft', round: 2, version: current.version + 1 });

    const changes = (await api('representative', 'GET', `/people/${callum}/plan/changes`)).json();
    expect(changes.changes).toContainEqual(
      expect.objectContaining({
        section: 'If things go wrong',
        after: 'If Hillview cancels, Gran has me for the weekend.',
      }),
    );

    const shared = await api('worker', 'POST', `/people/${callum}/plan/share`, {
      rowVersion: reworked.json().rowVersion,
    });
    const signedAgain = await api('representative', 'POST', `/people/${callum}/plan/sign`, {
      rowVersion: shared.json().plan.rowVersion,
    });
    const resubmitted = await api('worker', 'POST', `/people/${callum}/plan/submit`, {
      rowVersion: signedAgain.json().plan.rowVersion,
    });
    current = resubmitted.json().plan;
    expect(current.state).toBe('submitted');

    const total: number = current.totalWeekly;
    const option1 = current.content.costLines
      .filter((l: { sdsOption: number }) => l.sdsOption === 1)
      .reduce((sum: number, l: { weeklyCost: number }) => sum + l.weeklyCost, 0);
    expect(total).toBeGreaterThanOrEqual(option1);
    expect(option1).toBeGreaterThan(0);
    await setBudget(callum, total - 100);
    const refused = await api('manager', 'POST', `/people/${callum}/plan/agree`, {
      rowVersion: current.rowVersion,
    });
    expect(refused.statusCode).toBe(400);
    expect(problem(refused).errors?.[0]).toMatchObject({ field: 'overBudgetReason' });
    expect(problem(refused).errors?.[0]?.message).toContain('£1.00 more than the agreed budget');

    const agreed = await api('manager', 'POST', `/people/${callum}/plan/agree`, {
      rowVersion: current.rowVersion,
      overBudgetReason: 'Short breaks keep the family together; panel agreed 12 November',
    });
    expect(agreed.statusCode).toBe(200);
    const body = agreed.json();
    expect(body.plan).toMatchObject({
      state: 'agreed',
      overBudgetException: 'Short breaks keep the family together; panel agreed 12 November',
    });
    expect(body.budgetVersion.weeklyAmount).toBe(total);
    expect(body.directPayment).toMatchObject({
      weeklyTotal: option1,
      frequency: 'four_weekly',
      amountPerPayment: option1 * 4,
    });
    const [budget] = await rows<{ kind: string; status: string; support_plan_id: string }>(
      t.database.db,
      sql`select kind, status, support_plan_id from person_budgets where person_id = ${callum} order by version desc limit 1`,
    );
    expect(budget).toEqual({ kind: 'agreed', status: 'current', support_plan_id: body.plan.id });

    const noChange = await api('worker', 'PUT', `/people/${callum}/plan`, {
      rowVersion: body.plan.rowVersion,
      content: body.plan.content,
    });
    expect(noChange.statusCode).toBe(409);
  });
});

describe('bad input', () => {
  it('names the fields of a cost line with no stream or option and a restriction with no reason, and writes nothing', async () => {
    const before = (await plan(morag)).versions.length;
    const current = (await plan(morag)).plan;
    const content = structuredClone(current.content);
    content.costLines.push({
      outcomeRef: content.outcomes[0].ref,
      description: 'Taxi',
      providerKind: 'provider',
      frequency: 'weekly',
      weeklyCost: 1000,
    });
    content.restrictions.push({
      description: 'No alcohol',
      decidedBy: 'Priya Nair',
      decidedOn: '2026-01-01',
      reviewOn: '2027-01-01',
    });
    const started = await api('worker', 'POST', `/people/${morag}/plan/new-version`, {
      rowVersion: current.rowVersion,
    });
    expect(started.statusCode).toBe(201);
    const response = await api('worker', 'PUT', `/people/${morag}/plan`, {
      rowVersion: started.json().rowVersion,
      content,
    });
    expect(response.statusCode).toBe(400);
    const fields = problem(response).errors!.map((e) => e.field);
    const line = content.costLines.length - 1;
    expect(fields).toEqual(
      expect.arrayContaining([
        `content.costLines[${line}].fundingStream`,
        `content.costLines[${line}].sdsOption`,
        'content.restrictions[1].reasonKind',
      ]),
    );
    expect((await plan(morag)).versions.length).toBe(before + 1);
  });

  it('refuses a signature from anyone but the person or an in-scope representative', async () => {
    const current = (await plan(morag)).plan;
    await api('worker', 'POST', `/people/${morag}/plan/share`, { rowVersion: current.rowVersion });
    const shared = (await plan(morag)).plan;
    expect(shared.state).toBe('shared');
    for (const role of ['worker', 'manager', 'representative']) {
      const response = await api(role, 'POST', `/people/${morag}/plan/sign`, {
        rowVersion: shared.rowVersion,
      });
      expect(response.statusCode, role).toBe(403);
    }
    // Callum's mother, once her authority has ended, cannot sign for him either.
    await t.database.db.execute(
      sql`update person_relationships set valid_to = '2020-01-01' where kind = 'representative'`,
    );
    const callumPlan = (await plan(callum)).plan;
    const lapsed = await api('representative', 'POST', `/people/${callum}/plan/sign`, {
      rowVersion: callumPlan.rowVersion,
    });
    expect(lapsed.statusCode).toBe(403);
    await t.database.db.execute(
      sql`update person_relationships set valid_to = '2027-06-01' where kind = 'representative'`,
    );
    expect((await plan(morag)).plan.state).toBe('shared');
  });

  it('lets exactly one of two managers agreeing at once win', async () => {
    const shared = (await plan(morag)).plan;
    const signed = await api('person', 'POST', `/people/${morag}/plan/sign`, {
      rowVersion: shared.rowVersion,
    });
    expect(signed.statusCode).toBe(200);
    const submitted = await api('person', 'POST', `/people/${morag}/plan/submit`, {
      rowVersion: signed.json().plan.rowVersion,
    });
    const rowVersion = submitted.json().plan.rowVersion;
    await setBudget(morag, 50_000);
    const results = await Promise.all(
      ['manager', 'manager2'].map((role) => api(role, 'POST', `/people/${morag}/plan/agree`, { rowVersion })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const [count] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from person_budgets where support_plan_id = ${winner.plan.id}`,
    );
    expect(count!.n).toBe(1);
    const states = (await plan(morag)).versions.map((v: { state: string }) => v.state);
    expect(states.filter((s: string) => s === 'agreed')).toHaveLength(1);
  });
});

describe('compare-and-set on a real PostgreSQL', () => {
  it.runIf(process.env.TEST_DB === 'postgres')(
    'lets only the first of two overlapping transactions change a version; the second waits, then finds it changed',
    async () => {
      const db = t.database.db;
      const [row] = await rows<{ id: string; row_version: number }>(
        db,
        sql`select id, row_version from support_plans where person_id = ${callum} order by version desc limit 1`,
      );
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let updated!: () => void;
      const firstUpdated = new Promise<void>((resolve) => {
        updated = resolve;
      });
      const first = inTenant(db, t.authorityId, async (tx) => {
        const result = await updatePlanIfUnchanged(tx, row!.id, row!.row_version, {});
        updated();
        await held;
        return result;
      });
      await firstUpdated;
      const second = inTenant(db, t.authorityId, (tx) =>
        updatePlanIfUnchanged(tx, row!.id, row!.row_version, {}),
      );
      // The second UPDATE is now blocked on the first one's row lock.
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      expect((await first)?.rowVersion).toBe(row!.row_version + 1);
      expect(await second).toBeNull();
    },
  );
});

describe('SDS options', () => {
  let outcomeId: string;
  beforeAll(async () => {
    const [row] = await rows<{ id: string }>(
      t.database.db,
      sql`insert into personal_outcomes (authority_id, person_id, person_words, area)
          values (${t.authorityId}, ${morag}, 'I want to cook for my friends again', 'things_i_do') returning id`,
    );
    outcomeId = row!.id;
  });

  it('explains all four options in Scotland and records each choice as a new version with who helped', async () => {
    const overview = (await api('person', 'GET', `/people/${morag}/options`)).json();
    expect(overview.offer.choices.map((c: { key: string }) => c.key)).toEqual([
      'option_1',
      'option_2',
      'option_3',
      'option_4',
    ]);
    const first = await api('person', 'POST', `/people/${morag}/options`, {
      outcomeId,
      choice: 'option_1',
      helpedBy: 'Kirsty Bell',
    });
    expect(first.statusCode).toBe(201);
    const second = await api('worker', 'POST', `/people/${morag}/options`, {
      outcomeId,
      choice: 'option_2',
      helpedBy: 'Morag and her sister',
    });
    expect(second.json()).toMatchObject({ version: 2, sdsOption: 2 });
    const after = (await api('person', 'GET', `/people/${morag}/options`)).json();
    const outcome = after.outcomes.find((o: { id: string }) => o.id === outcomeId);
    expect(
      outcome.history.map((h: { sdsOption: number; helpedBy: string }) => [h.sdsOption, h.helpedBy]),
    ).toEqual([
      [2, 'Morag and her sister'],
      [1, 'Kirsty Bell'],
    ]);
    const noHelper = await api('person', 'POST', `/people/${morag}/options`, {
      outcomeId,
      choice: 'option_3',
      helpedBy: ' ',
    });
    expect(problem(noHelper).errors?.map((e) => e.field)).toEqual(['helpedBy']);
  });

  it('refuses an option the council does not offer, for a choice and for a cost line', async () => {
    const scottish = await api('person', 'POST', `/people/${morag}/options`, {
      outcomeId,
      choice: 'managed_account',
      helpedBy: 'nobody',
    });
    expect(scottish.statusCode).toBe(400);
    expect(problem(scottish).errors?.[0]?.field).toBe('choice');
    const keepAll = await api('admin', 'POST', '/options/settings', {
      versionLabel: 'Fewer options',
      effectiveFrom: todayInLondon(),
      routesEnabled: ['direct_payment'],
      supportOrganisationFunded: true,
    });
    expect(problem(keepAll).errors?.[0]?.field).toBe('routesEnabled');

    await t.database.db.execute(sql`update authorities set nation = 'england' where id = ${t.authorityId}`);
    try {
      const drafted = await api('admin', 'POST', '/options/settings', {
        versionLabel: 'Routes from today',
        effectiveFrom: todayInLondon(),
        routesEnabled: ['direct_payment', 'managed_account'],
        supportOrganisationFunded: true,
      });
      expect(drafted.statusCode).toBe(201);
      const published = await api('admin', 'POST', `/options/settings/${drafted.json().id}/publish`, {});
      expect(published.statusCode).toBe(200);
      const configured = await api('admin', 'GET', '/options/configuration');
      expect(configured.json().choices.map((c: { key: string }) => c.key)).toEqual([
        'direct_payment',
        'managed_account',
        'council_managed',
        'mix',
      ]);
      const isf = await api('person', 'POST', `/people/${morag}/options`, {
        outcomeId,
        choice: 'individual_service_fund',
        helpedBy: 'nobody',
      });
      expect(isf.statusCode).toBe(400);
      expect(problem(isf).errors?.[0]?.message).toContain('does not offer that choice');
      const managed = await api('person', 'POST', `/people/${morag}/options`, {
        outcomeId,
        choice: 'managed_account',
        helpedBy: 'nobody',
      });
      expect(managed.json()).toMatchObject({ sdsOption: 1, deploymentRoute: 'managed_account' });
      // A draft that withdraws the managed account names it and counts the choice made through it.
      const withdrawing = await api('admin', 'POST', '/options/settings', {
        versionLabel: 'No managed accounts',
        effectiveFrom: addDays(todayInLondon(), 1),
        routesEnabled: ['direct_payment'],
        supportOrganisationFunded: true,
      });
      expect(withdrawing.statusCode).toBe(201);
      const withdrawn = (await api('admin', 'GET', `/options/settings/${withdrawing.json().id}`)).json()
        .withdrawn;
      expect(withdrawn.routes).toEqual(['managed_account']);
      expect(withdrawn.outcomes).toBeGreaterThanOrEqual(1);

      const current = (await plan(morag)).plan;
      const started = await api('worker', 'POST', `/people/${morag}/plan/new-version`, {
        rowVersion: current.rowVersion,
      });
      const content = started.json().content;
      content.costLines[0].sdsOption = 2;
      const line = await api('worker', 'PUT', `/people/${morag}/plan`, {
        rowVersion: started.json().rowVersion,
        content,
      });
      expect(line.statusCode).toBe(400);
      expect(problem(line).errors).toContainEqual({
        field: 'content.costLines[0].sdsOption',
        message: 'This council does not offer option 2',
      });
    } finally {
      await t.database.db.execute(
        sql`update authorities set nation = 'scotland' where id = ${t.authorityId}`,
      );
    }
  });
});

describe('the printed plan', () => {
  it('is a PDF', async () => {
    const response = await api('person', 'GET', `/people/${morag}/plan/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
