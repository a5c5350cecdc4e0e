import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem, type TestApp } from '../../../../test/support/app.ts';
import { bearerRequests, financeTestApp } from '../../../../test/support/finance.ts';
import { demoEmail } from '../../accounts/index.ts';
import { createSession } from '../../../platform/auth/credentials.ts';
import { asSystem, rows } from '../../../platform/db/transaction.ts';
import { count, personWithAgreedPlan } from '../payments.fixtures.ts';
import { formPost as postForm } from '../../../../test/support/forms.ts';

/**
 * Setting up a direct payment, and correcting a change of it, each go through a check page
 * that shows what will be paid before anything is saved; the API's dryRun gives the same.
 */
let t: TestApp;
let finance: string;
let approver: string;
let cookie: string;
beforeAll(async () => {
  ({ t, finance, approver } = await financeTestApp());
  const [user] = await asSystem(t.database.db, (tx) =>
    rows<{ id: string }>(tx, sql`select id from users where email = ${demoEmail('finance')}`),
  );
  cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
});
afterAll(() => t.close());

const { get, post } = bearerRequests(() => ({ t, token: finance }));

/** A page form post as the finance officer, carrying the CSRF token a browser would have. */
const formPost = (url: string, fields: Record<string, string>) => postForm(t.app, url, cookie, fields);
const pageGet = (url: string) => t.app.inject({ url, headers: { cookie } });
/** The hidden fields of the page's form, as a browser would post them back. */
const hiddenFields = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
      .filter((m) => m[1] !== '_csrf')
      .map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"')]),
  );
const written = () =>
  Promise.all(
    ['dp_agreements', 'dp_agreement_changes', 'ledger_transfers'].map((n) => count(t.database.db, n)),
  );

const setUp = {
  frequency: 'monthly',
  startDate: '2026-04-06',
  holderKind: 'managed_account',
  holderName: 'Account Co',
  sortCode: '20 00 00',
  accountNumber: '55779911',
};

describe('setting up a direct payment through the API with dryRun', () => {
  it('answers what would be paid and writes nothing', async () => {
    const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Ida Dry', [15_000, 5_050]);
    const before = await written();
    const response = await post(`/api/v1/people/${id}/payments/agreement`, { ...setUp, dryRun: true });
    expect(response.statusCode).toBe(200);
    expect(response.json().effect).toEqual({
      from: '2026-04-06',
      endDate: null,
      frequency: 'monthly',
      weeklyAmount: 20_050,
      amountPerPeriod: 86_883,
      contributionPerPeriod: 0,
      contributionMethod: 'net',
      netPerPeriod: 86_883,
      holderKind: 'managed_account',
      holderName: 'Account Co',
      maskedAccount: '****9911',
    });
    expect(response.body).not.toContain('55779911');
    expect(await written()).toEqual(before);
    // Bad input is refused the same way as a real save, field by field.
    const bad = await post(`/api/v1/people/${id}/payments/agreement`, {
      ...setUp,
      accountNumber: '123',
      dryRun: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.map((e) => e.field)).toEqual(['accountNumber']);
    expect(await written()).toEqual(before);
  });
});

describe('setting up a direct payment on the page', () => {
  const fields = {
    frequency: 'monthly',
    'startDate-day': '6',
    'startDate-month': '4',
    'startDate-year': '2026',
    'endDate-day': '',
    'endDate-month': '',
    'endDate-year': '',
    holderKind: 'managed_account',
    holderName: 'Account Co',
    sortCode: '20 00 00',
    accountNumber: '55779911',
  };

  it('shows a check page with the payment and the account masked, keeps the answers on Change, then saves', async () => {
    const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Jo Check', [15_000, 5_050]);
    const url = `/people/${id}/payments/agreement`;
    const before = await written();
    const check = await formPost(url, fields);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check the direct payment before you save it');
    expect(check.body).toContain('£868.83');
    expect(check.body).toContain('****9911');
    expect(check.body).not.toContain('55779911');
    expect(await written()).toEqual(before);

    const answers = hiddenFields(check.body);
    const edit = await formPost(`${url}/edit`, answers);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="Account Co"');
    expect(edit.body).toContain('value="55779911"');
    expect(edit.body).toMatch(/value="managed_account" checked/);

    // A tampered account is refused with a field error, never a 500, and nothing is saved.
    const tampered = await formPost(`${url}/confirm`, { ...answers, bankDetails: 'v1:bad:bad:bad' });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('There is a problem');
    expect(await written()).toEqual(before);

    const saved = await formPost(`${url}/confirm`, answers);
    expect(saved.statusCode).toBe(303);
    const view = (await get(`/api/v1/people/${id}/payments`)).json();
    expect(view.agreement).toMatchObject({ amountPerPeriod: 86_883, maskedAccount: '****9911' });
  });

  it('re-shows the form with the errors and the answers kept when something is missing', async () => {
    const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Kit Missing', [10_000]);
    const response = await formPost(`/people/${id}/payments/agreement`, { ...fields, holderName: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter the name on the account');
    expect(response.body).toContain('value="55779911"');
    expect(await count(t.database.db, 'dp_agreements', sql`person_id = ${id}`)).toBe(0);
  });
});

describe('correcting a change of the payment on the page', () => {
  it('opens the change with its answers, needs a reason, shows the paid periods to put right, then supersedes it', async () => {
    const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Lou Correct', [10_000]);
    await post(`/api/v1/people/${id}/payments/agreement`, {
      ...setUp,
      frequency: 'weekly',
      startDate: '2026-01-05',
      accountNumber: '12345678',
    });
    const change = await post(`/api/v1/people/${id}/payments/agreement/changes`, {
      effectiveFrom: '2026-01-19',
      reason: 'Plan reviewed',
    });
    expect(change.statusCode).toBe(201);
    const changeId: string = change.json().id;
    const runId = (await post('/api/v1/payments/runs', { runDate: '2026-02-02' })).json().id;
    const due = (await get(`/api/v1/payments/runs/${runId}`)).json().due;
    const approved = await post(
      `/api/v1/payments/runs/${runId}/approve`,
      { expectedCount: due.count, expectedTotal: due.totalSent },
      approver,
    );
    expect(approved.statusCode).toBe(200);
    // The plan was agreed at £120 a week, but the change was worked out from £100.
    await asSystem(t.database.db, (tx) =>
      tx.execute(sql`update support_plan_cost_lines set weekly_cost = 12000 where person_id = ${id}`),
    );

    const payments = await pageGet(`/people/${id}/payments`);
    expect(payments.body).toContain(`/people/${id}/payments/agreement?correct=${changeId}`);
    expect(payments.body).toContain('Correct this change');
    const form = await pageGet(`/people/${id}/payments/agreement?correct=${changeId}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Correct the change');
    const answers = hiddenFields(form.body);
    expect(answers).toMatchObject({
      supersedes: changeId,
      'effectiveFrom-day': '19',
      'effectiveFrom-month': '1',
      'effectiveFrom-year': '2026',
    });
    expect((await pageGet(`/people/${id}/payments/agreement?correct=not-a-change`)).statusCode).toBe(404);

    const before = await written();
    const noReason = await formPost(`/people/${id}/payments/agreement/changes`, { ...answers, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say why the change is being corrected');
    expect(noReason.body).toContain(`value="${changeId}"`);

    const reason = 'The plan was agreed at £120 a week';
    const check = await formPost(`/people/${id}/payments/agreement/changes`, { ...answers, reason });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('£100.00 → <strong>£120.00</strong>');
    expect(check.body).toContain('Payments already made that will be put right');
    expect(await written()).toEqual(before);

    const saved = await formPost(
      `/people/${id}/payments/agreement/changes/confirm`,
      hiddenFields(check.body),
    );
    expect(saved.statusCode).toBe(303);
    const changes = await asSystem(t.database.db, (tx) =>
      rows<{ version: number; supersedes: string | null; reason: string }>(
        tx,
        sql`select version, supersedes_change_id as supersedes, reason from dp_agreement_changes
            where person_id = ${id} order by version`,
      ),
    );
    expect(changes).toEqual([
      { version: 1, supersedes: null, reason: 'Plan reviewed' },
      { version: 2, supersedes: changeId, reason },
    ]);
    expect(await count(t.database.db, 'dp_payment_corrections', sql`person_id = ${id}`)).toBeGreaterThan(0);
    // The superseded change has no Correct link any more; the current one has.
    const after = await pageGet(`/people/${id}/payments`);
    expect(after.body).not.toContain(`?correct=${changeId}`);
    expect(after.body.match(/Correct this change/g)?.length).toBe(1);
  });
});
