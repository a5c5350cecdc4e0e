import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, demoPersonId, type TestApp, testApp } from '../../../../test/support/app.ts';
import { inTenant, rows } from '../../../platform/db/transaction.ts';
import { addBudgetVersion } from '../../budgets/index.ts';

/**
 * A plan's concurrency token must never be valid again once the plan has changed, across
 * versions as well as within one: a token read from an older version is refused (409) by
 * every write and every decision, and nothing is written.
 */
let t: TestApp;
let morag: string;
const tokens: Record<string, string> = {};

const api = (role: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[role]!), payload: payload as object });
const current = async () => (await api('worker', 'GET', `/people/${morag}/plan`)).json().plan;
const ok = async (response: Awaited<ReturnType<typeof api>>, status = 200) => {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  return status === 201 ? body : body.plan;
};

async function agreedBudgetsFor(planId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from person_budgets where support_plan_id = ${planId}`,
  );
  return row!.n;
}

beforeAll(async () => {
  t = await testApp();
  morag = await demoPersonId(t);
  for (const role of ['person', 'worker', 'manager']) tokens[role] = await apiToken(t.app, role);
  // A budget the plan fits within, so agreeing needs no over-budget reason.
  const [manager] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from users where email = 'manager@demo.selfdirect.test'`,
  );
  await inTenant(t.database.db, t.authorityId, (tx) =>
    addBudgetVersion(tx, {
      authorityId: t.authorityId,
      personId: morag,
      kind: 'indicative',
      weeklyAmount: 10_000_000,
      annualAmount: 520_000_000,
      explanation: { total: 10_000_000, lines: [], notes: [] },
      reason: 'Set by the plan token test',
      decidedBy: manager!.id,
    }),
  );
  const agreed = await current();
  await ok(
    await api('worker', 'POST', `/people/${morag}/plan/new-version`, { rowVersion: agreed.rowVersion }),
    201,
  );
});
afterAll(() => t.close());

describe('a token read from an older plan version', () => {
  it('cannot save over a newer draft', async () => {
    const read = await current();
    const edited = structuredClone(read.content);
    edited.contingency = 'Written by the first worker';
    const newer = await ok(
      await api('worker', 'PUT', `/people/${morag}/plan`, { rowVersion: read.rowVersion, content: edited }),
      201,
    );
    expect(newer.version).toBe(read.version + 1);

    const stale = structuredClone(read.content);
    stale.contingency = 'Written by a second worker who never saw the first change';
    const response = await api('worker', 'PUT', `/people/${morag}/plan`, {
      rowVersion: read.rowVersion,
      content: stale,
    });
    expect(response.statusCode).toBe(409);
    const now = await current();
    expect(now.version).toBe(newer.version);
    expect(now.content.contingency).toBe('Written by the first worker');
  });

  it('cannot sign a version the signer never read', async () => {
    const draft = await current();
    const read = await ok(
      await api('worker', 'POST', `/people/${morag}/plan/share`, { rowVersion: draft.rowVersion }),
    );
    // The person reads the shared version; meanwhile the worker changes it and shares the new version.
    const changed = structuredClone(read.content);
    changed.contingency = 'Changed after the person read the plan';
    const newer = await ok(
      await api('worker', 'PUT', `/people/${morag}/plan`, { rowVersion: read.rowVersion, content: changed }),
      201,
    );
    const sharedAgain = await ok(
      await api('worker', 'POST', `/people/${morag}/plan/share`, { rowVersion: newer.rowVersion }),
    );
    expect(sharedAgain.version).toBe(read.version + 1);

    const response = await api('person', 'POST', `/people/${morag}/plan/sign`, {
      rowVersion: read.rowVersion,
    });
    expect(response.statusCode).toBe(409);
    const now = await current();
    expect(now).toMatchObject({ version: sharedAgain.version, state: 'shared', signature: null });
  });

  it('cannot agree a resubmitted version the manager never read, and writes no agreed budget', async () => {
    const shared = await current();
    const signed = await ok(
      await api('person', 'POST', `/people/${morag}/plan/sign`, { rowVersion: shared.rowVersion }),
    );
    const read = await ok(
      await api('worker', 'POST', `/people/${morag}/plan/submit`, { rowVersion: signed.rowVersion }),
    );
    expect(read.state).toBe('submitted');
    // The manager reads the submitted plan. It is returned (by someone else), reworked and resubmitted.
    const returned = await ok(
      await api('manager', 'POST', `/people/${morag}/plan/return`, {
        rowVersion: read.rowVersion,
        reasons: ['Say who covers the weekend'],
      }),
    );
    const reworked = structuredClone(returned.content);
    reworked.contingency = 'Reworked after the return';
    let next = await ok(
      await api('worker', 'PUT', `/people/${morag}/plan`, {
        rowVersion: returned.rowVersion,
        content: reworked,
      }),
      201,
    );
    next = await ok(
      await api('worker', 'POST', `/people/${morag}/plan/share`, { rowVersion: next.rowVersion }),
    );
    next = await ok(
      await api('person', 'POST', `/people/${morag}/plan/sign`, { rowVersion: next.rowVersion }),
    );
    next = await ok(
      await api('worker', 'POST', `/people/${morag}/plan/submit`, { rowVersion: next.rowVersion }),
    );
    expect(next).toMatchObject({ state: 'submitted', version: read.version + 1 });

    const response = await api('manager', 'POST', `/people/${morag}/plan/agree`, {
      rowVersion: read.rowVersion,
    });
    expect(response.statusCode).toBe(409);
    expect(await agreedBudgetsFor(next.id)).toBe(0);
    expect((await current()).state).toBe('submitted');

    // With the token of the version they read, the manager's decision goes through.
    const agreed = await ok(
      await api('manager', 'POST', `/people/${morag}/plan/agree`, { rowVersion: next.rowVersion }),
    );
    expect(agreed.state).toBe('agreed');
    expect(await agreedBudgetsFor(next.id)).toBe(1);
  });

  it('is never the token of a later version, whatever happened in between', async () => {
    const seen = await rows<{ version: number; row_version: number }>(
      t.database.db,
      sql`select version, row_version from support_plans where person_id = ${morag} order by version`,
    );
    // The current version's token is above every token an earlier version could have handed out.
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]!.row_version).toBeGreaterThan(seen[i - 1]!.row_version);
  });
});

describe('the plan page', () => {
  /** Signs in through the sign-in form, as a browser does; returns the cookies to send. */
  async function browserSession(email: string) {
    const form = await t.app.inject({ url: '/sign-in' });
    const csrf = form.cookies.find((c) => c.name === '_csrf')!.value;
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: `_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, email, password: 'demo-password-1' }).toString(),
    });
    const session = signedIn.cookies.find((c) => c.name === 'selfdirect_session')!.value;
    return `_csrf=${csrf}; selfdirect_session=${session}`;
  }

  it('refuses a signature sent from a page showing an older version, and signs nothing', async () => {
    // Whatever the earlier tests left, bring the plan to a shared version the person can read.
    let readable = await current();
    if (readable.state === 'agreed')
      readable = await ok(
        await api('worker', 'POST', `/people/${morag}/plan/new-version`, { rowVersion: readable.rowVersion }),
        201,
      );
    if (readable.state === 'draft')
      readable = await ok(
        await api('worker', 'POST', `/people/${morag}/plan/share`, { rowVersion: readable.rowVersion }),
      );
    expect(readable.state).toBe('shared');
    const cookie = await browserSession('person@demo.selfdirect.test');
    const page = await t.app.inject({ url: `/my/${morag}/plan`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const form =
      /action="[^"]*\/plan\/sign"[\s\S]*?name="_csrf" value="([^"]+)"[\s\S]*?name="rowVersion" value="(\d+)"/.exec(
        page.body,
      )!;
    expect(Number(form[2])).toBe(readable.rowVersion);

    // While the page is open, the worker changes the plan and shares the new version.
    const changed = structuredClone(readable.content);
    changed.contingency = 'Changed while the person had the page open';
    const newer = await ok(
      await api('worker', 'PUT', `/people/${morag}/plan`, {
        rowVersion: readable.rowVersion,
        content: changed,
      }),
      201,
    );
    await ok(await api('worker', 'POST', `/people/${morag}/plan/share`, { rowVersion: newer.rowVersion }));

    const signed = await t.app.inject({
      method: 'POST',
      url: `/my/${morag}/plan/sign`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: form[1]!, rowVersion: form[2]!, confirm: 'yes' }).toString(),
    });
    expect(signed.statusCode).toBe(409);
    expect(signed.body).toContain('Someone else changed or decided on this plan');
    expect(signed.body).toContain('govuk-error-summary');
    expect(await current()).toMatchObject({ version: newer.version, state: 'shared', signature: null });
  });
});
