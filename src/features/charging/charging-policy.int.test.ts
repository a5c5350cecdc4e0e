import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { formPost } from '../../../test/support/forms.ts';
import { newCouncil } from '../../../test/support/new-council.ts';
import { demoEmail } from '../accounts/index.ts';
import { createSession } from '../../platform/auth/credentials.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { asSystem, rows } from '../../platform/db/transaction.ts';
import { count, demoPersonId } from '../payments/payments.fixtures.ts';
import { policyToForm } from './policy-form.ts';
import { DEMO_ENGLISH_POLICY, DEMO_SCOTTISH_POLICY } from './seed.ts';

/**
 * Charging policy versions: an administrator drafts from the version in force, is refused bad
 * figures field by field with nothing written, checks old → new and the effect on everyone's
 * contribution, and publishes from a date. A contribution is worked out with the version in
 * force on its own start date, so a version from tomorrow leaves today alone.
 *
 * Figures are realistic: Scottish Borders 2025/26 thresholds £170 / £284 a week and a 75 %
 * taper (scotborders.gov.uk, financial assessment for home care charges).
 */

interface Council {
  t: TestApp;
  admin: string;
  finance: string;
  morag: string;
}

async function council(): Promise<Council> {
  const t = await testApp();
  return {
    t,
    admin: await apiToken(t.app, 'admin'),
    finance: await apiToken(t.app, 'finance'),
    morag: await demoPersonId(t.database.db),
  };
}

const today = todayInLondon();
const tomorrow = addDays(today, 1);

/** Morag's income as the demo assessment has it (its weekly amounts in pence). */
const moragIncome = [
  { kind: 'esa', label: 'Employment and Support Allowance', weeklyAmount: 14_000, evidence: 'DWP letter' },
  { kind: 'pip_daily_living', label: 'PIP daily living', weeklyAmount: 10_880, evidence: 'DWP letter' },
  { kind: 'pip_mobility', label: 'PIP mobility', weeklyAmount: 7_740, evidence: 'DWP letter' },
  { kind: 'occupational_pension', label: 'Pension', weeklyAmount: 3_500, evidence: 'Statement' },
];

function requests(c: () => Council) {
  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, token?: string) =>
    c().t.app.inject({
      method,
      url,
      headers: bearer(token ?? c().admin),
      ...(payload ? { payload } : {}),
    });
  return {
    get: (url: string, token?: string) => send('GET', url, undefined, token),
    post: (url: string, payload: object, token?: string) => send('POST', url, payload, token),
    patch: (url: string, payload: object, token?: string) => send('PATCH', url, payload, token),
    /** What the finance officer's preview works out for Morag from a date (nothing saved). */
    contributionFrom: async (from: string) => {
      const response = await send(
        'POST',
        `/api/v1/people/${c().morag}/charging/assessments/preview`,
        { effectiveFrom: from, incomes: moragIncome },
        c().finance,
      );
      expect(response.statusCode).toBe(200);
      return response.json().assessment as { weeklyContribution: number; policyVersion: string };
    },
  };
}

const versions = (c: Council) => count(c.t.database.db, 'charging_policy_versions');

describe('charging policy versions over the API', () => {
  let c: Council;
  beforeAll(async () => {
    c = await council();
  });
  afterAll(() => c.t.close());
  const api = requests(() => c);

  it('lets an administrator and a manager read the versions; a worker and finance may not', async () => {
    const read = await api.get('/api/v1/charging-policies');
    expect(read.statusCode).toBe(200);
    expect(read.json().inForce).toMatchObject({
      status: 'published',
      effectiveFrom: '2024-04-01',
      policy: { nation: 'scotland', thresholdWeekly: { under_pension_age: 23_500 } },
    });
    expect(read.json().drafts).toEqual([]);
    const manager = await apiToken(c.t.app, 'manager');
    expect((await api.get('/api/v1/charging-policies', manager)).statusCode).toBe(200);
    const worker = await apiToken(c.t.app, 'worker');
    expect((await api.get('/api/v1/charging-policies', worker)).statusCode).toBe(403);
    expect((await api.get('/api/v1/charging-policies', c.finance)).statusCode).toBe(403);
    expect(
      (await api.post('/api/v1/charging-policies', { effectiveFrom: tomorrow }, worker)).statusCode,
    ).toBe(403);
    expect(
      (await api.post('/api/v1/charging-policies', { effectiveFrom: tomorrow }, manager)).statusCode,
    ).toBe(403);
  });

  it('names each bad figure and writes nothing: negative, huge, not numbers, NUL, odd dates, the other nation', async () => {
    const before = await versions(c);
    const bad = await api.post('/api/v1/charging-policies', {
      effectiveFrom: tomorrow,
      versionLabel: 'Bad figures',
      taperBasisPoints: 12_000,
      thresholdWeekly: { under_pension_age: -100, pension_age: 1e20 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      problem(bad)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['taperBasisPoints', 'thresholdWeekly.pension_age', 'thresholdWeekly.under_pension_age']);

    const words = await api.post('/api/v1/charging-policies', {
      effectiveFrom: tomorrow,
      thresholdWeekly: { under_pension_age: '170' },
    });
    expect(words.statusCode).toBe(400);
    expect(problem(words).errors?.[0]?.field).toBe('thresholdWeekly.under_pension_age');

    const nul = await api.post('/api/v1/charging-policies', {
      effectiveFrom: tomorrow,
      versionLabel: 'Charging\u0000 2027',
    });
    expect(nul.statusCode).toBe(400);
    expect(problem(nul).errors?.[0]?.field).toBe('versionLabel');

    for (const effectiveFrom of ['2026-02-30', '2027-13-01', 'tomorrow', addDays(today, -1)]) {
      const odd = await api.post('/api/v1/charging-policies', { effectiveFrom, versionLabel: 'Odd date' });
      expect(odd.statusCode, effectiveFrom).toBe(400);
      expect(problem(odd).errors?.map((e) => e.field)).toEqual(['effectiveFrom']);
    }

    const england = await api.post('/api/v1/charging-policies', {
      effectiveFrom: tomorrow,
      versionLabel: 'English figures',
      capitalUpperLimit: 2_325_000,
    });
    expect(england.statusCode).toBe(400);
    expect(problem(england).errors?.map((e) => e.field)).toEqual(['capitalUpperLimit']);

    // The copied name is the version in force's: a new version needs its own.
    const unnamed = await api.post('/api/v1/charging-policies', { effectiveFrom: tomorrow });
    expect(problem(unnamed).errors?.map((e) => e.field)).toEqual(['versionLabel']);

    const stray = await api.post('/api/v1/charging-policies', { effectiveFrom: tomorrow, colour: 'red' });
    expect(stray.statusCode).toBe(400);
    expect(await versions(c)).toBe(before);
  });

  it('drafts, changes the draft (a new token each time), checks the effect, and publishes from tomorrow without changing today', async () => {
    const todayBefore = await api.contributionFrom(today);

    const saved = await api.post('/api/v1/charging-policies', {
      effectiveFrom: tomorrow,
      versionLabel: 'Charging 2027 draft',
      thresholdWeekly: { under_pension_age: 17_000 },
    });
    expect(saved.statusCode).toBe(201);
    const first = saved.json();
    expect(first).toMatchObject({
      status: 'draft',
      draftedByName: expect.any(String),
      policy: { thresholdWeekly: { under_pension_age: 17_000, pension_age: 31_000 } },
    });
    expect(
      (await api.get('/api/v1/charging-policies')).json().drafts.map((d: { id: string }) => d.id),
    ).toEqual([first.id]);

    // Changing the draft adds a revision with a new id: the id read before is now stale.
    const changed = await api.patch(`/api/v1/charging-policies/${first.id}`, {
      taperBasisPoints: 7_500,
      thresholdWeekly: { pension_age: 28_400 },
    });
    expect(changed.statusCode).toBe(200);
    const second = changed.json();
    expect(second.id).not.toBe(first.id);
    expect(second.policy).toMatchObject({
      taperBasisPoints: 7_500,
      thresholdWeekly: { under_pension_age: 17_000, pension_age: 28_400 },
    });
    const stale = await api.patch(`/api/v1/charging-policies/${first.id}`, { taperBasisPoints: 7_000 });
    expect(stale.statusCode).toBe(409);
    expect((await api.post(`/api/v1/charging-policies/${first.id}/publish`, {})).statusCode).toBe(409);
    const badPatch = await api.patch(`/api/v1/charging-policies/${second.id}`, {
      effectiveFrom: '2026-02-30',
      taperBasisPoints: -1,
    });
    expect(badPatch.statusCode).toBe(400);
    expect(
      problem(badPatch)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['effectiveFrom']);

    const check = (await api.get(`/api/v1/charging-policies/${second.id}`)).json();
    expect(check.errors).toEqual([]);
    expect(check.changes.find((row: { field: string }) => row.field === 'taperPercent')).toEqual({
      field: 'taperPercent',
      label: 'Taper',
      from: '60%',
      to: '75%',
      changed: true,
    });
    // A lower threshold and a higher taper: Morag (and anyone else above the threshold) pays more.
    expect(check.effect.increased).toBeGreaterThanOrEqual(1);
    expect(check.effect.decreased).toBe(0);
    expect(check.effect.totalWeeklyChange).toBeGreaterThan(0);
    expect(check.effect.increased + check.effect.unchanged + check.effect.notRecomputed).toBe(
      check.effect.assessed,
    );

    const worker = await apiToken(c.t.app, 'worker');
    expect((await api.post(`/api/v1/charging-policies/${second.id}/publish`, {}, worker)).statusCode).toBe(
      403,
    );
    const published = await api.post(`/api/v1/charging-policies/${second.id}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      effectiveFrom: tomorrow,
      publishedByName: expect.any(String),
      draftedByName: expect.any(String),
    });
    expect((await api.post(`/api/v1/charging-policies/${second.id}/publish`, {})).statusCode).toBe(409);

    // Today's contribution is worked out as before; from tomorrow, with the new figures.
    expect(await api.contributionFrom(today)).toEqual(todayBefore);
    const fromTomorrow = await api.contributionFrom(tomorrow);
    expect(fromTomorrow.policyVersion).toBe('Charging policy Charging 2027 draft');
    expect(fromTomorrow.weeklyContribution).toBeGreaterThan(todayBefore.weeklyContribution);

    const list = (await api.get('/api/v1/charging-policies')).json();
    expect(list.inForce.effectiveFrom).toBe('2024-04-01');
    expect(list.inForce.effectiveTo).toBe(today);
    expect(list.upcoming.map((v: { id: string }) => v.id)).toEqual([published.json().id]);
    expect(list.drafts).toEqual([]);
    expect(list.versions[0]).toMatchObject({ id: published.json().id, publishedByName: expect.any(String) });

    // The database refuses any edit of a version, whoever asks.
    await expect(
      asSystem(c.t.database.db, (tx) =>
        tx.execute(
          sql`update charging_policy_versions set effective_from = ${today} where id = ${published.json().id}`,
        ),
      ),
    ).rejects.toThrow();

    // A new draft starts from, and is compared with, the version published from tomorrow.
    const next = await api.post('/api/v1/charging-policies', {
      effectiveFrom: addDays(today, 30),
      versionLabel: 'After tomorrow',
    });
    expect(next.statusCode).toBe(201);
    expect(next.json().policy).toMatchObject({ taperBasisPoints: 7_500 });
    const nextCheck = (await api.get(`/api/v1/charging-policies/${next.json().id}`)).json();
    expect(nextCheck.before.id).toBe(published.json().id);
    expect(
      nextCheck.changes.filter((r: { changed: boolean }) => r.changed).map((r: { field: string }) => r.field),
    ).toEqual(['versionLabel']);

    // A version from the same day as the latest overlaps it.
    const overlap = await api.post('/api/v1/charging-policies', {
      effectiveFrom: tomorrow,
      versionLabel: 'Overlap',
    });
    expect(problem(overlap).errors?.map((e) => e.field)).toEqual(['effectiveFrom']);
  });

  it('saves one of two changes sent at once with the same token, and refuses the other as stale', async () => {
    const saved = await api.post('/api/v1/charging-policies', {
      effectiveFrom: addDays(today, 60),
      versionLabel: 'Race',
    });
    expect(saved.statusCode).toBe(201);
    const before = await versions(c);
    const answers = await Promise.all([
      api.patch(`/api/v1/charging-policies/${saved.json().id}`, { taperBasisPoints: 6_500 }),
      api.patch(`/api/v1/charging-policies/${saved.json().id}`, { taperBasisPoints: 7_000 }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(await versions(c)).toBe(before + 1);
  });

  it('refuses a draft of an unknown id as not found', async () => {
    const missing = await api.patch('/api/v1/charging-policies/00000000-0000-4000-8000-000000000000', {
      taperBasisPoints: 7_000,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('a version published from today', () => {
  let c: Council;
  beforeAll(async () => {
    c = await council();
  });
  afterAll(() => c.t.close());
  const api = requests(() => c);

  it('changes the contribution worked out for today', async () => {
    const before = await api.contributionFrom(today);
    const saved = await api.post('/api/v1/charging-policies', {
      effectiveFrom: today,
      versionLabel: 'From today',
      thresholdWeekly: { under_pension_age: 17_000 },
    });
    expect(saved.statusCode).toBe(201);
    expect((await api.post(`/api/v1/charging-policies/${saved.json().id}/publish`, {})).statusCode).toBe(200);
    const after = await api.contributionFrom(today);
    expect(after.policyVersion).toBe('Charging policy From today');
    expect(after.weeklyContribution).toBeGreaterThan(before.weeklyContribution);
    expect((await api.get('/api/v1/charging-policies')).json().inForce.versionLabel).toBe('From today');
  });
});

describe('charging policy pages', () => {
  let c: Council;
  let cookie: string;
  beforeAll(async () => {
    c = await council();
    const [user] = await asSystem(c.t.database.db, (tx) =>
      rows<{ id: string }>(tx, sql`select id from users where email = ${demoEmail('admin')}`),
    );
    cookie = `selfdirect_session=${c.t.app.signCookie(await createSession(c.t.database.db, user!.id))}`;
  });
  afterAll(() => c.t.close());
  const page = (url: string) => c.t.app.inject({ url, headers: { cookie } });
  const [y, m, d] = tomorrow.split('-');
  const date = {
    'effectiveFrom-day': String(Number(d)),
    'effectiveFrom-month': String(Number(m)),
    'effectiveFrom-year': y!,
  };

  /** The form as the new-draft page fills it in: the demo council's figures in force. */
  async function draftForm(): Promise<Record<string, string>> {
    const form = await page('/admin/charging/drafts/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="235.00"');
    return { ...policyToForm(DEMO_SCOTTISH_POLICY), contributionMethod: 'net' };
  }

  it('are linked from Council set-up and explain the figures in force', async () => {
    expect((await page('/admin')).body).toContain('href="/admin/charging"');
    const list = await page('/admin/charging');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('In force today');
    expect(list.body).toContain('£235.00');
    expect(list.body).toContain('COSLA');
    expect(list.body).toContain('href="/admin/charging/drafts/new"');
    expect(list.body).toContain('Published when the council was set up');
  });

  it('shows field errors with the answers kept, and saves nothing', async () => {
    const before = await versions(c);
    const wrong = await formPost(c.t.app, '/admin/charging/drafts', cookie, {
      ...(await draftForm()),
      versionLabel: 'Page draft',
      'effectiveFrom-day': '30',
      'effectiveFrom-month': '2',
      'effectiveFrom-year': '2026',
      'thresholdWeekly.under_pension_age': '-5',
      'thresholdWeekly.pension_age': 'lots',
      taperPercent: '1e20',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    for (const field of [
      'effectiveFrom',
      'thresholdWeekly.under_pension_age',
      'thresholdWeekly.pension_age',
      'taperPercent',
    ])
      expect(wrong.body).toContain(`href="#${field}"`);
    expect(wrong.body).toContain('value="lots"');
    const huge = await formPost(c.t.app, '/admin/charging/drafts', cookie, {
      ...(await draftForm()),
      ...date,
      versionLabel: 'Huge',
      'thresholdWeekly.under_pension_age': '100000000000000000000',
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain('href="#thresholdWeekly.under_pension_age"');
    const nul = await formPost(c.t.app, '/admin/charging/drafts', cookie, {
      ...(await draftForm()),
      ...date,
      versionLabel: 'Nul\u0000',
    });
    expect(nul.statusCode).toBe(400);
    expect(await versions(c)).toBe(before);
  });

  it('saves a draft, changes it, shows the effect before publishing, publishes when confirmed, and shows who in history', async () => {
    const saved = await formPost(c.t.app, '/admin/charging/drafts', cookie, {
      ...(await draftForm()),
      ...date,
      versionLabel: 'Page draft',
      'thresholdWeekly.under_pension_age': '170.00',
    });
    expect(saved.statusCode).toBe(303);
    const checkUrl = saved.headers.location as string;
    const firstId = /drafts\/([^/]+)\/check/.exec(checkUrl)![1]!;
    const check = await page(checkUrl);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('<strong>£170.00</strong>');
    expect(check.body).toMatch(/Would pay more\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*[1-9]/);
    expect(check.body).toMatch(/Up £[\d,.]+ a week in all/);

    const edit = await page(`/admin/charging/drafts/${firstId}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="170.00"');
    const changed = await formPost(c.t.app, `/admin/charging/drafts/${firstId}`, cookie, {
      ...(await draftForm()),
      ...date,
      versionLabel: 'Page draft',
      'thresholdWeekly.under_pension_age': '170.00',
      taperPercent: '75',
    });
    expect(changed.statusCode).toBe(303);
    const url = changed.headers.location as string;
    expect(url).not.toContain(firstId);
    // The old form is stale now.
    const stale = await formPost(c.t.app, `/admin/charging/drafts/${firstId}`, cookie, {
      ...(await draftForm()),
      ...date,
      versionLabel: 'Page draft',
    });
    expect(stale.statusCode).toBe(409);
    expect((await page(`/admin/charging/drafts/${firstId}`)).headers.location).toBe(
      `/admin/charging/drafts/${firstId}/check`,
    );
    expect((await page(`/admin/charging/drafts/${firstId}/check`)).body).toContain('See the latest draft');

    const publishUrl = url.replace(/\/check$/, '/publish');
    const unconfirmed = await formPost(c.t.app, publishUrl, cookie, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('href="#confirm"');
    const published = await formPost(c.t.app, publishUrl, cookie, { confirm: 'yes' });
    expect(published.statusCode).toBe(303);
    const list = await page(published.headers.location as string);
    expect(list.body).toContain('Published to start later');
    expect(list.body).toMatch(/Published by [^<;]+ on [^<;]+; drafted by /);
  });

  it('refuses a worker the pages', async () => {
    const [worker] = await asSystem(c.t.database.db, (tx) =>
      rows<{ id: string }>(tx, sql`select id from users where email = ${demoEmail('worker')}`),
    );
    const workerCookie = `selfdirect_session=${c.t.app.signCookie(await createSession(c.t.database.db, worker!.id))}`;
    const list = await c.t.app.inject({ url: '/admin/charging', headers: { cookie: workerCookie } });
    expect(list.statusCode).toBe(403);
    const before = await versions(c);
    const post = await formPost(c.t.app, '/admin/charging/drafts', workerCookie, { versionLabel: 'x' });
    expect(post.statusCode).toBe(403);
    expect(await versions(c)).toBe(before);
  });
});

describe('an English council’s charging policy', () => {
  let c: Council;
  let cookie: string;
  beforeAll(async () => {
    c = await council();
    // The demo council, moved to England with an English version in force (DHSC circular
    // 2024/25 capital limits £14,250 / £23,250, £1 a week per £250).
    await asSystem(c.t.database.db, async (tx) => {
      await tx.execute(sql`update authorities set nation = 'england' where id = ${c.t.authorityId}`);
      await tx.execute(
        sql`insert into charging_policy_versions (authority_id, version_label, effective_from, policy, contribution_method)
            values (${c.t.authorityId}, ${DEMO_ENGLISH_POLICY.versionLabel}, '2025-04-01', ${JSON.stringify(DEMO_ENGLISH_POLICY)}::jsonb, 'net')`,
      );
    });
    const [user] = await asSystem(c.t.database.db, (tx) =>
      rows<{ id: string }>(tx, sql`select id from users where email = ${demoEmail('admin')}`),
    );
    cookie = `selfdirect_session=${c.t.app.signCookie(await createSession(c.t.database.db, user!.id))}`;
  });
  afterAll(() => c.t.close());
  const api = requests(() => c);
  const page = (url: string) => c.t.app.inject({ url, headers: { cookie } });

  it('shows England’s figures on the form and the overview, not Scotland’s', async () => {
    const overview = await page('/admin/charging');
    expect(overview.body).toContain('Upper capital limit');
    expect(overview.body).toContain('£23,250.00');
    expect(overview.body).toContain('Disability-related expenditure');
    const form = await page('/admin/charging/drafts/new');
    expect(form.statusCode).toBe(200);
    for (const name of [
      'minimumIncomeGuarantee.single_25_to_pension_age.weekly',
      'minimumIncomeGuarantee.pension_age.label',
      'capitalLowerLimit',
      'capitalUpperLimit',
      'tariffIncomePerStep',
      'tariffCapitalStep',
    ])
      expect(form.body).toContain(`name="${name}"`);
    expect(form.body).not.toContain('name="thresholdWeekly.under_pension_age"');
  });

  it('refuses Scotland’s figures and checks England’s, counting assessments it cannot work out', async () => {
    const scottish = await api.post('/api/v1/charging-policies', {
      effectiveFrom: tomorrow,
      versionLabel: 'England 2027',
      thresholdWeekly: { under_pension_age: 17_000 },
    });
    expect(problem(scottish).errors?.map((e) => e.field)).toEqual(['thresholdWeekly']);
    const limits = await api.post('/api/v1/charging-policies', {
      effectiveFrom: tomorrow,
      versionLabel: 'England 2027',
      capitalLowerLimit: 3_000_000,
    });
    expect(problem(limits).errors?.map((e) => e.field)).toEqual(['capitalLowerLimit']);
    const saved = await api.post('/api/v1/charging-policies', {
      effectiveFrom: tomorrow,
      versionLabel: 'England 2027',
      minimumIncomeGuarantee: {
        single_25_to_pension_age: { label: 'single, aged 25 to State Pension age', weekly: 11_250 },
        pension_age: { label: 'State Pension age or over', weekly: 23_000 },
      },
    });
    expect(saved.statusCode).toBe(201);
    const check = (await api.get(`/api/v1/charging-policies/${saved.json().id}`)).json();
    expect(check.errors).toEqual([]);
    expect(
      check.changes.find((r: { field: string }) => r.field === 'minimumIncomeGuarantee.pension_age.weekly'),
      // From the 2025/26 figure in force (£228.70, LAC(DHSC)(2025)1) to a made-up £230.00.
    ).toMatchObject({ from: '£228.70', to: '£230.00', changed: true });
    // Morag was assessed under Scotland's rules: her band is not one of England's.
    expect(check.effect.notRecomputed).toBeGreaterThanOrEqual(1);
  });
});

describe('a council created from nothing', () => {
  it('drafts its first charging policy from its nation’s figures, by API and page, and publishes it', async () => {
    const t = await testApp();
    try {
      const fresh = await newCouncil(t, { nation: 'england', code: 'chargeshire' });
      const headers = bearer(fresh.adminToken);
      const overview = await t.app.inject({ url: '/api/v1/charging-policies', headers });
      expect(overview.json()).toMatchObject({ inForce: null, versions: [] });
      // The page's draft form opens with England's national figures (it was a 409 before).
      const signIn = await formPost(t.app, '/sign-in', '', {
        email: fresh.adminEmail,
        password: 'a-long-new-password-1',
      });
      const session = signIn.cookies.find((c) => c.name === 'selfdirect_session')!;
      const form = await t.app.inject({
        url: '/admin/charging/drafts/new',
        headers: { cookie: `selfdirect_session=${session.value}` },
      });
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('value="14250.00"');
      const saved = await t.app.inject({
        method: 'POST',
        url: '/api/v1/charging-policies',
        headers,
        payload: { effectiveFrom: tomorrow, versionLabel: 'Chargeshire charging 2026/27' },
      });
      expect(saved.statusCode).toBe(201);
      expect(saved.json().policy).toMatchObject({
        nation: 'england',
        capitalUpperLimit: 2_325_000,
        capitalLowerLimit: 1_425_000,
      });
      const published = await t.app.inject({
        method: 'POST',
        url: `/api/v1/charging-policies/${saved.json().id}/publish`,
        headers,
        payload: {},
      });
      expect(published.statusCode).toBe(200);
      const after = (await t.app.inject({ url: '/api/v1/charging-policies', headers })).json();
      expect(after.versions.map((v: { versionLabel: string }) => v.versionLabel)).toEqual([
        'Chargeshire charging 2026/27',
      ]);
      // The demo council's versions are not this council's.
      expect(after.upcoming).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
