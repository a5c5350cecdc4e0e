import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../../test/support/app.ts';
import { formPost } from '../../../../test/support/forms.ts';
import { demoEmail } from '../../accounts/index.ts';
import { createSession } from '../../../platform/auth/credentials.ts';
import { addDays, todayInLondon } from '../../../platform/dates.ts';
import { asSystem, rows } from '../../../platform/db/transaction.ts';
import { count, personWithAgreedPlan } from '../payments.fixtures.ts';

/**
 * The council's direct-payment settings: an administrator drafts, checks (old → new) and
 * publishes versions; finance may read them; a published version is never edited; new
 * agreements may use only the frequencies the settings in force offer.
 */
let t: TestApp;
let admin: string;
let finance: string;
let adminCookie: string;
beforeAll(async () => {
  t = await testApp();
  admin = await apiToken(t.app, 'admin');
  finance = await apiToken(t.app, 'finance');
  const [user] = await asSystem(t.database.db, (tx) =>
    rows<{ id: string }>(tx, sql`select id from users where email = ${demoEmail('admin')}`),
  );
  adminCookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
});
afterAll(() => t.close());

const get = (url: string, token = admin) => t.app.inject({ url, headers: bearer(token) });
const post = (url: string, payload: object, token = admin) =>
  t.app.inject({ method: 'POST', url, payload, headers: bearer(token) });
const versions = () => count(t.database.db, 'payment_policy_versions');
const later = addDays(todayInLondon(), 30);
const draft = (changes: Record<string, unknown> = {}) => ({
  versionLabel: 'Direct payments test',
  effectiveFrom: later,
  surplusThresholdWeeks: 12,
  originatorName: 'Demo Council DP',
  originatorSortCode: '80-22-60',
  originatorAccountNumber: '10203040',
  twoPersonApproval: true,
  offeredFrequencies: ['weekly', 'four_weekly', 'monthly'],
  ...changes,
});

describe('direct-payment settings over the API', () => {
  it('lets finance read the settings in force but not change them; a worker may not read them', async () => {
    const read = await get('/api/v1/payment-settings', finance);
    expect(read.statusCode).toBe(200);
    expect(read.json().inForce).toMatchObject({
      surplusThresholdWeeks: 8,
      originatorName: 'Demo Council',
      status: 'published',
      offeredFrequencies: ['weekly', 'four_weekly', 'monthly'],
    });
    expect((await post('/api/v1/payment-settings', draft(), finance)).statusCode).toBe(403);
    const worker = await apiToken(t.app, 'worker');
    expect((await get('/api/v1/payment-settings', worker)).statusCode).toBe(403);
  });

  it('names every wrong answer at once and saves nothing', async () => {
    const before = await versions();
    const response = await post(
      '/api/v1/payment-settings',
      draft({
        versionLabel: ' ',
        effectiveFrom: addDays(todayInLondon(), -1),
        surplusThresholdWeeks: 0,
        originatorName: 'A name far too long for the bank file',
        originatorSortCode: '12-34-5',
        originatorAccountNumber: '1234567',
        offeredFrequencies: [],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(
      problem(response)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual([
      'effectiveFrom',
      'offeredFrequencies',
      'originatorAccountNumber',
      'originatorName',
      'originatorSortCode',
      'surplusThresholdWeeks',
      'versionLabel',
    ]);
    expect(problem(response).errors?.find((e) => e.field === 'effectiveFrom')?.message).toMatch(
      /today or later/,
    );
    expect(await versions()).toBe(before);
  });

  it('refuses a frequency not in the list, and huge numbers, as 4xx field errors', async () => {
    const before = await versions();
    const odd = await post('/api/v1/payment-settings', draft({ offeredFrequencies: ['fortnightly'] }));
    expect(odd.statusCode).toBe(400);
    expect(problem(odd).errors?.[0]?.field).toMatch(/^offeredFrequencies/);
    const huge = await post('/api/v1/payment-settings', draft({ surplusThresholdWeeks: 1e12 }));
    expect(huge.statusCode).toBe(400);
    expect(problem(huge).errors?.[0]?.field).toBe('surplusThresholdWeeks');
    expect(await versions()).toBe(before);
  });

  it('drafts without changing what is in force, shows old → new, publishes once, never edits', async () => {
    const saved = await post('/api/v1/payment-settings', draft({ originatorSortCode: '20 00 00' }));
    expect(saved.statusCode).toBe(201);
    const id = saved.json().id as string;
    expect(saved.json()).toMatchObject({ status: 'draft', originatorSortCode: '200000' });
    expect((await get('/api/v1/payment-settings')).json().inForce.surplusThresholdWeeks).toBe(8);

    const check = (await get(`/api/v1/payment-settings/${id}`, finance)).json();
    expect(check.errors).toEqual([]);
    expect(check.before.originatorName).toBe('Demo Council');
    expect(check.changes.find((c: { key: string }) => c.key === 'Surplus threshold')).toEqual({
      key: 'Surplus threshold',
      before: '8 weeks of payments',
      after: '12 weeks of payments',
      changed: true,
    });
    expect(
      check.changes.find((c: { key: string }) => c.key === 'Two people for each payment run').changed,
    ).toBe(false);

    expect((await post(`/api/v1/payment-settings/${id}/publish`, {}, finance)).statusCode).toBe(403);
    const published = await post(`/api/v1/payment-settings/${id}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      effectiveFrom: later,
      publishedByName: expect.any(String),
      createdByName: expect.any(String),
    });
    const again = await post(`/api/v1/payment-settings/${id}/publish`, {});
    expect(again.statusCode).toBe(409);

    const list = (await get('/api/v1/payment-settings')).json();
    expect(list.versions[0]).toMatchObject({ id: published.json().id, status: 'published' });
    // The draft is shown by the version made from it, not twice.
    expect(list.versions.some((v: { id: string }) => v.id === id)).toBe(false);
    // The version in force until then now runs to the day before.
    expect(list.versions[1]).toMatchObject({ effectiveTo: addDays(later, -1) });

    // The database refuses any edit of a version, whoever asks.
    await expect(
      asSystem(t.database.db, (tx) =>
        tx.execute(
          sql`update payment_policy_versions set surplus_threshold_weeks = 1 where id = ${published.json().id}`,
        ),
      ),
    ).rejects.toThrow();

    // Another version for the same day overlaps it.
    const overlap = await post('/api/v1/payment-settings', draft({ versionLabel: 'Overlap' }));
    expect(overlap.statusCode).toBe(400);
    expect(problem(overlap).errors?.[0]).toMatchObject({ field: 'effectiveFrom' });
    // And the name is taken.
    const taken = await post('/api/v1/payment-settings', draft({ effectiveFrom: addDays(later, 10) }));
    expect(problem(taken).errors?.map((e) => e.field)).toEqual(['versionLabel']);
  });
});

describe('direct-payment settings pages', () => {
  const page = (url: string) => t.app.inject({ url, headers: { cookie: adminCookie } });

  it('are linked from Council set-up, and keep the answers with inline errors when wrong', async () => {
    const home = await page('/admin');
    expect(home.body).toContain('href="/admin/direct-payments"');
    const list = await page('/admin/direct-payments');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('In force today');
    expect(list.body).toContain('href="/admin/direct-payments/new"');
    const form = await page('/admin/direct-payments/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Demo Council"');

    const before = await versions();
    const wrong = await formPost(t.app, '/admin/direct-payments', adminCookie, {
      versionLabel: 'Page draft',
      'effectiveFrom-day': '31',
      'effectiveFrom-month': '2',
      'effectiveFrom-year': '2030',
      surplusThresholdWeeks: 'eight',
      originatorName: 'Demo Council',
      originatorSortCode: '80-22-6',
      originatorAccountNumber: '10203040',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    for (const field of [
      'effectiveFrom',
      'surplusThresholdWeeks',
      'originatorSortCode',
      'twoPersonApproval',
      'offeredFrequencies',
    ])
      expect(wrong.body).toContain(`href="#${field}`);
    expect(wrong.body).toContain('value="80-22-6"');
    expect(await versions()).toBe(before);
  });

  it('saves a draft, shows each setting before and after, and publishes only when confirmed', async () => {
    const from = addDays(todayInLondon(), 200);
    const [y, m, d] = from.split('-');
    const saved = await formPost(t.app, '/admin/direct-payments', adminCookie, {
      versionLabel: 'Page draft',
      'effectiveFrom-day': String(Number(d)),
      'effectiveFrom-month': String(Number(m)),
      'effectiveFrom-year': y!,
      surplusThresholdWeeks: '10',
      originatorName: 'Demo Council',
      originatorSortCode: '80-22-60',
      originatorAccountNumber: '10203040',
      twoPersonApproval: 'no',
      offeredFrequencies: ['four_weekly', 'monthly'],
    });
    expect(saved.statusCode).toBe(303);
    const url = saved.headers.location as string;
    const check = await page(url);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('<strong>10 weeks of payments</strong>');
    expect(check.body).toContain('<strong>Every four weeks, Monthly</strong>');
    const unconfirmed = await formPost(t.app, `${url}/publish`, adminCookie, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('href="#confirm"');
    const published = await formPost(t.app, `${url}/publish`, adminCookie, { confirm: 'yes' });
    expect(published.statusCode).toBe(303);
    expect((await page(published.headers.location as string)).body).toContain('Published by');
  });
});

describe('frequencies offered', () => {
  // A council of its own: the versions published above start later than today.
  let own: TestApp;
  beforeAll(async () => {
    own = await testApp();
  });
  afterAll(() => own.close());

  it('refuse a new agreement paid at a frequency the settings in force do not offer', async () => {
    const admin = await apiToken(own.app, 'admin');
    const finance = await apiToken(own.app, 'finance');
    const post = (url: string, payload: object, token = admin) =>
      own.app.inject({ method: 'POST', url, payload, headers: bearer(token) });
    const today = todayInLondon();
    const saved = await post(
      '/api/v1/payment-settings',
      draft({ versionLabel: 'Weekly only', effectiveFrom: today, offeredFrequencies: ['weekly'] }),
    );
    expect(saved.statusCode).toBe(201);
    expect((await post(`/api/v1/payment-settings/${saved.json().id}/publish`, {})).statusCode).toBe(200);

    const id = await personWithAgreedPlan(own.database.db, own.authorityId, 'Fay Frequency', [20_000]);
    const agreement = {
      frequency: 'monthly',
      startDate: addDays(today, 7),
      holderKind: 'person',
      holderName: 'Fay Frequency',
      sortCode: '20-00-00',
      accountNumber: '55779911',
    };
    const refused = await post(`/api/v1/people/${id}/payments/agreement`, agreement, finance);
    expect(refused.statusCode).toBe(400);
    expect(problem(refused).errors).toEqual([
      { field: 'frequency', message: expect.stringMatching(/weekly only/) },
    ]);
    expect(await count(own.database.db, 'dp_agreements', sql`person_id = ${id}`)).toBe(0);
    const weekly = await post(
      `/api/v1/people/${id}/payments/agreement`,
      { ...agreement, frequency: 'weekly' },
      finance,
    );
    expect(weekly.statusCode).toBe(201);
  });
});
