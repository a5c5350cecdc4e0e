import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { formPost } from '../../../test/support/forms.ts';
import { demoEmail } from '../accounts/index.ts';
import { createApiToken, createSession } from '../../platform/auth/credentials.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { asSystem, rows } from '../../platform/db/transaction.ts';
import { demoPerson } from '../budgets/budgets.fixtures.ts';

/**
 * The council's eligibility policy versions, from the pages (/admin/eligibility) and the API
 * (/api/v1/policies/eligibility): drafts, field errors with nothing written, the check page
 * (old → new, standing decisions decided differently), publishing from a date, history; a
 * worker is refused; an English council sees the Care Act test, not risk bands.
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
  (
    await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from eligibility_policy_versions where authority_id = ${t.authorityId}`,
    )
  )[0]!.n;
const tomorrow = addDays(todayInLondon(), 1);
const signposting = {
  text: 'Community groups near you can help.',
  links: [{ text: 'ALISS', href: 'https://www.aliss.org' }],
};
const draft = (changes: Record<string, unknown> = {}) => ({
  versionLabel: `Criteria ${randomUUID().slice(0, 6)}`,
  effectiveFrom: addDays(todayInLondon(), 60),
  fundedBands: ['critical', 'substantial', 'moderate'],
  reviewRoute: 'Ask your social worker for a review within 28 days.',
  signposting,
  ...changes,
});
const dateBoxes = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return {
    'effectiveFrom-day': String(Number(day)),
    'effectiveFrom-month': String(Number(month)),
    'effectiveFrom-year': year!,
  };
};

describe('a version published from tomorrow', () => {
  it('does not change a decision made today', async () => {
    const morag = (await demoPerson(t, 'Morag Campbell')).id;
    const saved = await post(
      '/api/v1/policies/eligibility/drafts',
      draft({ effectiveFrom: tomorrow, fundedBands: ['critical'] }),
    );
    expect(saved.statusCode).toBe(201);
    expect((await post(`/api/v1/policies/eligibility/${saved.json().id}/publish`, {})).statusCode).toBe(200);
    const areas = (band: string) => ({ band, evidence: 'Seen at the home visit.' });
    const decision = await post(
      `/api/v1/people/${morag}/eligibility`,
      {
        assessment: {
          framework: 'scotland',
          areas: {
            autonomy: areas('low'),
            health_safety: areas('substantial'),
            daily_routines: areas('low'),
            community: areas('none'),
          },
        },
      },
      worker,
    );
    expect(decision.statusCode).toBe(201);
    expect(decision.json()).toMatchObject({
      eligible: true,
      policyVersionLabel: 'Eligibility criteria 2026/27',
    });
    expect((await get('/api/v1/policies/eligibility')).json().inForce.versionLabel).toBe(
      'Eligibility criteria 2026/27',
    );
  });
});

describe('eligibility policy versions over the API', () => {
  it('shows the version in force; a worker may neither read nor draft', async () => {
    const overview = await get('/api/v1/policies/eligibility');
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({
      framework: 'scotland',
      inForce: {
        versionLabel: 'Eligibility criteria 2026/27',
        fundedBands: ['critical', 'substantial'],
        status: 'published',
      },
    });
    expect((await get('/api/v1/policies/eligibility', worker)).statusCode).toBe(403);
    const before = await versions();
    expect((await post('/api/v1/policies/eligibility/drafts', draft(), worker)).statusCode).toBe(403);
    expect(await versions()).toBe(before);
  });

  it('refuses NUL, an odd date, a past date, too many bands and a band with a hole as field errors, writing nothing', async () => {
    const before = await versions();
    const nul = await post('/api/v1/policies/eligibility/drafts', draft({ versionLabel: 'Bad\u0000name' }));
    expect(nul.statusCode).toBe(400);
    const huge = await post('/api/v1/policies/eligibility/drafts', draft({ effectiveFrom: '275760-09-13' }));
    expect(huge.statusCode).toBe(400);
    expect(problem(huge).errors?.[0]?.field).toBe('effectiveFrom');
    const number = await post('/api/v1/policies/eligibility/drafts', draft({ versionLabel: 1e308 }));
    expect(number.statusCode).toBe(400);
    expect(problem(number).errors?.[0]?.field).toBe('versionLabel');
    const odd = await post('/api/v1/policies/eligibility/drafts', draft({ effectiveFrom: '2026-02-30' }));
    expect(odd.statusCode).toBe(400);
    expect(problem(odd).errors?.[0]?.field).toBe('effectiveFrom');
    const past = await post(
      '/api/v1/policies/eligibility/drafts',
      draft({ effectiveFrom: addDays(todayInLondon(), -1) }),
    );
    expect(past.statusCode).toBe(400);
    // Tomorrow's version is published above, so yesterday is refused as an overlap too.
    expect(problem(past).errors?.map((e) => e.field)).toEqual(['effectiveFrom']);
    const many = await post(
      '/api/v1/policies/eligibility/drafts',
      draft({ fundedBands: Array(10_000).fill('low') }),
    );
    expect(many.statusCode).toBe(400);
    expect(problem(many).errors?.[0]?.field).toMatch(/^fundedBands/);
    const hole = await post(
      '/api/v1/policies/eligibility/drafts',
      draft({
        fundedBands: ['critical', 'moderate'],
        reviewRoute: ' ',
        signposting: { text: '', links: [] },
      }),
    );
    expect(hole.statusCode).toBe(400);
    expect(
      problem(hole)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['fundedBands', 'reviewRoute', 'signposting.text']);
    expect(await versions()).toBe(before);
  });

  it('drafts without changing what is in force, counts the decisions it would change, publishes once', async () => {
    const saved = await post('/api/v1/policies/eligibility/drafts', draft());
    expect(saved.statusCode).toBe(201);
    const id = saved.json().id as string;
    expect(saved.json()).toMatchObject({
      status: 'draft',
      createdByName: expect.any(String),
      publishedAt: null,
    });
    expect((await get('/api/v1/policies/eligibility')).json().inForce.fundedBands).toEqual([
      'critical',
      'substantial',
    ]);

    const check = (await get(`/api/v1/policies/eligibility/${id}`)).json();
    expect(check.errors).toEqual([]);
    expect(check.changes.find((c: { key: string }) => c.key === 'Risk bands the council meets')).toEqual({
      key: 'Risk bands the council meets',
      before: 'Critical, Substantial',
      after: 'Critical, Substantial, Moderate',
      changed: true,
    });
    // Every fourth demo person's standing decision is moderate at worst: eligible under the draft.
    expect(check.impact.considered).toBeGreaterThan(0);
    expect(check.impact.becomeEligible).toBeGreaterThan(0);
    expect(check.impact.becomeNotEligible).toBe(0);

    const published = await post(`/api/v1/policies/eligibility/${id}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedByName: expect.any(String) });
    const again = await post(`/api/v1/policies/eligibility/${id}/publish`, {});
    expect(again.statusCode).toBe(409);
    const history = (await get('/api/v1/policies/eligibility')).json();
    expect(history.versions[0]).toMatchObject({ id: published.json().id, effectiveTo: null });
    expect(history.versions.some((v: { id: string }) => v.id === id)).toBe(false);
    expect(history.versions[1].effectiveTo).toBe(addDays(published.json().effectiveFrom, -1));
  });
});

describe('eligibility policy pages', () => {
  it('walks the admin from the list to a draft, the check page and publishing, with history', async () => {
    const list = await page('/admin/eligibility');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('In force today: Eligibility criteria 2026/27');
    expect(list.body).toContain('Risk bands the council meets');
    const form = await page('/admin/eligibility/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Which risk bands does the council meet?');

    const before = await versions();
    const wrong = await formPost(t.app, '/admin/eligibility', adminCookie, {
      versionLabel: '',
      ...dateBoxes('2026-02-30'),
      fundedBands: ['substantial'],
      reviewRoute: 'Ask us.',
      'signposting.text': 'Help near you.',
      'signposting.links': 'No address here',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('href="#effectiveFrom"');
    expect(wrong.body).toContain('href="#versionLabel"');
    expect(wrong.body).toContain('href="#fundedBands"');
    expect(wrong.body).toContain('href="#signposting.links"');
    expect(wrong.body).toContain('Enter a real start date');
    expect(wrong.body).toContain('No address here');
    const withNul = await formPost(t.app, '/admin/eligibility', adminCookie, {
      versionLabel: 'Far away',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '4',
      'effectiveFrom-year': '99999999999999999999',
      fundedBands: ['critical'],
      reviewRoute: 'Ask us.',
      'signposting.text': 'Help near you.\u0000',
    });
    expect(withNul.statusCode).toBe(400);
    const hugeYear = await formPost(t.app, '/admin/eligibility', adminCookie, {
      versionLabel: 'Far away',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '4',
      'effectiveFrom-year': '99999999999999999999',
      fundedBands: ['critical'],
      reviewRoute: 'Ask us.',
      'signposting.text': 'Help near you.',
    });
    expect(hugeYear.statusCode).toBe(400);
    expect(hugeYear.body).toContain('href="#effectiveFrom"');
    const past = await formPost(t.app, '/admin/eligibility', adminCookie, {
      versionLabel: 'From the past',
      ...dateBoxes(addDays(todayInLondon(), -3)),
      fundedBands: ['critical'],
      reviewRoute: 'Ask us.',
      'signposting.text': 'Help near you.',
    });
    expect(past.statusCode).toBe(400);
    // A version from 60 days ahead is published by now, so the past date is also an overlap.
    expect(past.body).toContain('href="#effectiveFrom"');
    expect(past.body).toContain('value="From the past"');
    expect(await versions()).toBe(before);

    const saved = await formPost(t.app, '/admin/eligibility', adminCookie, {
      versionLabel: 'Criteria from the page',
      ...dateBoxes(addDays(todayInLondon(), 400)),
      fundedBands: ['critical', 'substantial'],
      reviewRoute: 'Phone the social work office.',
      'signposting.text': 'Help near you.',
      'signposting.links': 'ALISS | https://www.aliss.org',
    });
    expect(saved.statusCode).toBe(303);
    const checkUrl = String(saved.headers.location);
    const check = await page(checkUrl);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Phone the social work office.');
    expect(check.body).toContain('id="impact"');
    const unconfirmed = await formPost(t.app, `${checkUrl}/publish`, adminCookie, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Confirm you have checked');
    const published = await formPost(t.app, `${checkUrl}/publish`, adminCookie, { confirm: 'yes' });
    expect(published.statusCode).toBe(303);
    const history = await page('/admin/eligibility');
    expect(history.body).toContain('Criteria from the page');
    expect(history.body).toMatch(/Published by [^<]+ on/);
    expect(history.body).toMatch(/drafted by /);
  });

  it('refuses a worker every page and form', async () => {
    expect((await page('/admin/eligibility', workerCookie)).statusCode).toBe(403);
    expect((await page('/admin/eligibility/new', workerCookie)).statusCode).toBe(403);
    const before = await versions();
    const posted = await formPost(t.app, '/admin/eligibility', workerCookie, { versionLabel: 'x' });
    expect(posted.statusCode).toBe(403);
    expect(await versions()).toBe(before);
  });
});

describe('an English council', () => {
  it('sees the Care Act test, drafts without risk bands, and no decision would change', async () => {
    const suffix = randomUUID().slice(0, 8);
    const [council] = await rows<{ id: string }>(
      t.database.db,
      sql`insert into authorities (code, name, nation) values (${`shire-${suffix}`}, 'Shire Borough Council', 'england') returning id`,
    );
    const [user] = await rows<{ id: string }>(
      t.database.db,
      sql`insert into users (authority_id, email, display_name, role)
          values (${council!.id}, ${`admin-${suffix}@shire.example`}, 'Shire admin', 'admin') returning id`,
    );
    const cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
    const token = (await createApiToken(t.database.db, user!.id)).token;

    const empty = await page('/admin/eligibility', cookie);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Care Act 2014');
    expect(empty.body).toContain('No eligibility policy is in force yet');
    const form = await page('/admin/eligibility/new', cookie);
    expect(form.body).toContain('Managing and maintaining nutrition');
    expect(form.body).not.toContain('Which risk bands');

    const answers = {
      versionLabel: 'Care Act eligibility',
      reviewRoute: 'Write to the adult social care complaints team.',
      'signposting.text': 'Your local Healthwatch can help.',
    };
    const past = await formPost(t.app, '/admin/eligibility', cookie, {
      ...answers,
      ...dateBoxes(addDays(todayInLondon(), -1)),
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('The start date must be today or later');
    const saved = await formPost(t.app, '/admin/eligibility', cookie, {
      versionLabel: 'Care Act eligibility',
      ...dateBoxes(todayInLondon()),
      reviewRoute: 'Write to the adult social care complaints team.',
      'signposting.text': 'Your local Healthwatch can help.',
    });
    expect(saved.statusCode).toBe(303);
    const id = String(saved.headers.location).split('/').at(-1)!;
    const check = (
      await t.app.inject({ url: `/api/v1/policies/eligibility/${id}`, headers: bearer(token) })
    ).json();
    expect(check.version).toMatchObject({ framework: 'england', fundedBands: null });
    expect(check.impact).toEqual({ considered: 0, becomeEligible: 0, becomeNotEligible: 0 });
    expect(check.changes.map((c: { key: string }) => c.key)).toContain('Eligibility test');
    const checkPage = await page(`/admin/eligibility/${id}`, cookie);
    expect(checkPage.body).toContain('The Care Act test is the same in every version');
    expect(
      (await formPost(t.app, `/admin/eligibility/${id}/publish`, cookie, { confirm: 'yes' })).statusCode,
    ).toBe(303);
    const overview = (
      await t.app.inject({ url: '/api/v1/policies/eligibility', headers: bearer(token) })
    ).json();
    expect(overview.inForce).toMatchObject({ versionLabel: 'Care Act eligibility', framework: 'england' });
    // The Scottish council's versions are not the English council's.
    expect(overview.versions).toHaveLength(1);
  });
});
