import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../../test/support/app.ts';
import { formPost } from '../../../../test/support/forms.ts';
import { demoEmail } from '../../accounts/index.ts';
import { createApiToken, createSession } from '../../../platform/auth/credentials.ts';
import { addDays, todayInLondon } from '../../../platform/dates.ts';
import { asSystem, rows } from '../../../platform/db/transaction.ts';

/**
 * The council's SDS options settings (/admin/options, /api/v1/options/settings): a Scottish
 * council sees the four options, always offered, and sets only the support organisation; an
 * English council chooses its deployment routes. Drafts, field errors with nothing written, the
 * check page (old → new), publishing from a date, history; a worker is refused.
 */
let t: TestApp;
let admin: string;
let worker: string;
let adminCookie: string;
let workerCookie: string;
beforeAll(async () => {
  t = await testApp();
  admin = await apiToken(t.app, 'admin');
  worker = await apiToken(t.app, 'worker');
  adminCookie = await cookieFor('admin');
  workerCookie = await cookieFor('worker');
});
afterAll(() => t.close());

async function cookieFor(role: 'admin' | 'worker') {
  const [user] = await asSystem(t.database.db, (tx) =>
    rows<{ id: string }>(tx, sql`select id from users where email = ${demoEmail(role)}`),
  );
  return `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
}

const get = (url: string, token = admin) => t.app.inject({ url, headers: bearer(token) });
const post = (url: string, payload: object, token = admin) =>
  t.app.inject({ method: 'POST', url, payload, headers: bearer(token) });
const page = (url: string, cookie = adminCookie) => t.app.inject({ url, headers: { cookie } });
const versions = async () =>
  (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from sds_options_versions`))[0]!.n;
const dateBoxes = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return {
    'effectiveFrom-day': String(Number(day)),
    'effectiveFrom-month': String(Number(month)),
    'effectiveFrom-year': year!,
  };
};
const later = addDays(todayInLondon(), 30);

describe('a Scottish council’s options settings', () => {
  it('refuses bad input as field errors and saves nothing; a worker may not read or draft', async () => {
    const before = await versions();
    const draft = (changes: object) => ({
      versionLabel: 'Options 2027',
      effectiveFrom: later,
      supportOrganisationFunded: true,
      ...changes,
    });
    const nul = await post('/api/v1/options/settings', draft({ versionLabel: 'Bad\u0000' }));
    expect(nul.statusCode).toBe(400);
    const odd = await post('/api/v1/options/settings', draft({ effectiveFrom: '2026-02-30' }));
    expect(odd.statusCode).toBe(400);
    expect(problem(odd).errors?.[0]?.field).toBe('effectiveFrom');
    const past = await post(
      '/api/v1/options/settings',
      draft({ effectiveFrom: addDays(todayInLondon(), -1) }),
    );
    expect(problem(past).errors?.find((e) => e.field === 'effectiveFrom')?.message).toMatch(/today or later/);
    const huge = await post('/api/v1/options/settings', draft({ routesEnabled: Array(1000).fill('x') }));
    expect(huge.statusCode).toBe(400);
    expect(problem(huge).errors?.[0]?.field).toMatch(/^routesEnabled/);
    const off = await post('/api/v1/options/settings', draft({ routesEnabled: ['direct_payment'] }));
    expect(problem(off).errors?.map((e) => e.field)).toEqual(['routesEnabled']);
    expect((await post('/api/v1/options/settings', draft({}), worker)).statusCode).toBe(403);
    expect((await get('/api/v1/options/settings', worker)).statusCode).toBe(403);
    expect(await versions()).toBe(before);
    expect((await page('/admin/options', workerCookie)).statusCode).toBe(403);
    const posted = await formPost(t.app, '/admin/options', workerCookie, { versionLabel: 'x' });
    expect(posted.statusCode).toBe(403);
    expect(await versions()).toBe(before);
  });

  it('shows the four options on the page; drafts, checks, publishes once and shows history', async () => {
    const list = await page('/admin/options');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('SDS options settings');
    expect(list.body).toContain('Option 4: a mix of options');
    expect(list.body).not.toContain('Managed account');
    const form = await page('/admin/options/new');
    expect(form.body).not.toContain('name="routesEnabled"');

    const before = await versions();
    const wrong = await formPost(t.app, '/admin/options', adminCookie, {
      versionLabel: '',
      ...dateBoxes('2026-02-30'),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#versionLabel"');
    expect(wrong.body).toContain('href="#effectiveFrom"');
    expect(wrong.body).toContain('href="#supportOrganisationFunded"');
    expect(await versions()).toBe(before);

    const saved = await formPost(t.app, '/admin/options', adminCookie, {
      versionLabel: 'No support organisation',
      ...dateBoxes(later),
      supportOrganisationFunded: 'no',
    });
    expect(saved.statusCode).toBe(303);
    const checkUrl = String(saved.headers.location);
    const id = checkUrl.split('/').at(-1)!;
    const check = (await get(`/api/v1/options/settings/${id}`)).json();
    expect(check.errors).toEqual([]);
    expect(check.withdrawn).toBeNull();
    expect(
      check.changes.find((c: { key: string }) => c.key === 'Independent support organisation'),
    ).toMatchObject({
      before: expect.stringMatching(/^Funded/),
      after: 'Not funded by the council',
      changed: true,
    });
    // Not in force until its date: today's offer still names the support organisation.
    expect((await get('/api/v1/options/configuration')).json().supportOrganisationFunded).toBe(true);
    const checkPage = await page(checkUrl);
    expect(checkPage.body).toContain('Not funded by the council');
    const unconfirmed = await formPost(t.app, `${checkUrl}/publish`, adminCookie, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect((await formPost(t.app, `${checkUrl}/publish`, adminCookie, { confirm: 'yes' })).statusCode).toBe(
      303,
    );
    expect((await post(`/api/v1/options/settings/${id}/publish`, {})).statusCode).toBe(409);
    const history = await page('/admin/options');
    expect(history.body).toContain('No support organisation');
    expect(history.body).toMatch(/Published by [^<]+ on [^<]+; drafted by /);
    expect((await get('/api/v1/options/configuration')).json().supportOrganisationFunded).toBe(true);
  });
});

describe('an English council’s deployment routes', () => {
  it('shows only the routes, keeps direct payment and council-managed always on, and applies from today', async () => {
    const suffix = randomUUID().slice(0, 8);
    const [council] = await rows<{ id: string }>(
      t.database.db,
      sql`insert into authorities (code, name, nation) values (${`vale-${suffix}`}, 'Vale District Council', 'england') returning id`,
    );
    const [user] = await rows<{ id: string }>(
      t.database.db,
      sql`insert into users (authority_id, email, display_name, role)
          values (${council!.id}, ${`admin-${suffix}@vale.example`}, 'Vale admin', 'admin') returning id`,
    );
    const cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
    const token = (await createApiToken(t.database.db, user!.id)).token;

    const list = await page('/admin/options', cookie);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Deployment routes');
    expect(list.body).toContain('Individual service fund');
    expect(list.body).not.toContain('Option 4: a mix of options');
    const form = await page('/admin/options/new', cookie);
    expect(form.body).toContain('name="routesEnabled" type="checkbox" value="managed_account"');
    expect(form.body).not.toContain('value="direct_payment"');

    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/options/settings',
      headers: bearer(token),
      payload: {
        versionLabel: 'Routes',
        effectiveFrom: todayInLondon(),
        routesEnabled: ['cash_in_hand'],
        supportOrganisationFunded: true,
      },
    });
    expect(problem(unknown).errors?.map((e) => e.field)).toEqual(['routesEnabled']);

    const saved = await formPost(t.app, '/admin/options', cookie, {
      versionLabel: 'Vale routes from today',
      ...dateBoxes(todayInLondon()),
      routesEnabled: ['individual_service_fund'],
      supportOrganisationFunded: 'yes',
    });
    expect(saved.statusCode).toBe(303);
    const checkUrl = String(saved.headers.location);
    const check = (
      await t.app.inject({
        url: `/api/v1/options/settings/${checkUrl.split('/').at(-1)}`,
        headers: bearer(token),
      })
    ).json();
    expect(check.version.routesEnabled).toEqual([
      'direct_payment',
      'individual_service_fund',
      'council_managed',
    ]);
    expect(check.withdrawn).toEqual({ routes: ['managed_account', 'third_party_trust'], outcomes: 0 });
    const checkPage = await page(checkUrl, cookie);
    expect(checkPage.body).toContain(
      'This stops offering Managed account and Trust or someone acting for you',
    );
    expect((await formPost(t.app, `${checkUrl}/publish`, cookie, { confirm: 'yes' })).statusCode).toBe(303);

    const offer = (
      await t.app.inject({ url: '/api/v1/options/configuration', headers: bearer(token) })
    ).json();
    expect(offer.choices.map((c: { key: string }) => c.key)).toEqual([
      'direct_payment',
      'individual_service_fund',
      'council_managed',
      'mix',
    ]);
    // The Scottish council's settings are its own.
    const overview = (await t.app.inject({ url: '/api/v1/options/settings', headers: bearer(token) })).json();
    expect(overview.versions).toHaveLength(1);
    expect(overview.nation).toBe('england');
  });
});
