import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { formPost } from '../../../test/support/forms.ts';
import { createSession } from '../../platform/auth/credentials.ts';
import { inTenant, rows } from '../../platform/db/transaction.ts';
import { demoPerson } from '../budgets/budgets.fixtures.ts';
import { letterAddressing } from '../people/index.ts';

/**
 * The council's own settings (issue 15 items 2 and 3) over HTTP: funding streams at
 * /admin/funding-streams and /api/v1/funding-streams, checked by budgets and plans; the letter
 * address and contact details at /admin/council with their check page and history; the public
 * privacy notice naming the council and how to contact it.
 */
let t: TestApp;
let adminCookie: string;
let workerCookie: string;
const tokens: Record<string, string> = {};

const cookieFor = async (email: string) => {
  const [u] = await rows<{ id: string }>(t.database.db, sql`select id from users where email = ${email}`);
  return `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, u!.id))}`;
};
const page = (url: string, cookie = adminCookie) => t.app.inject({ url, headers: { cookie } });
const api = (role: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[role]!), payload: payload as object });
const audits = (action: string) =>
  rows<{ detail: Record<string, unknown> | null }>(
    t.database.db,
    sql`select detail from audit_events where action = ${action} order by occurred_at`,
  );
const storedStreams = () =>
  rows<{ code: string; label: string; active: boolean }>(
    t.database.db,
    sql`select code, label, active from funding_streams order by created_at, code`,
  );
const authority = async () =>
  (
    await rows<Record<string, string | null>>(
      t.database.db,
      sql`select phone, postcode, email, website from authorities where id = ${t.authorityId}`,
    )
  )[0]!;
const history = () =>
  rows<{ field: string; before: string | null; after: string | null; changed_by: string | null }>(
    t.database.db,
    sql`select field, before, after, changed_by from council_detail_changes order by changed_at, field`,
  );

beforeAll(async () => {
  t = await testApp();
  adminCookie = await cookieFor('admin@demo.selfdirect.test');
  workerCookie = await cookieFor('worker@demo.selfdirect.test');
  for (const role of ['worker', 'admin']) tokens[role] = await apiToken(t.app, role);
}, 120_000);
afterAll(() => t.close());

describe('funding streams', () => {
  it('starts every council with the national list, read by staff and changed only by an administrator', async () => {
    const listed = await api('worker', 'GET', '/funding-streams');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().streams.map((s: { code: string }) => s.code)).toContain('council_social_care');
    expect(
      listed.json().streams.every((s: { national: boolean; active: boolean }) => s.national && s.active),
    ).toBe(true);
    expect((await page('/admin')).body).toContain('href="/admin/funding-streams"');
    expect((await page('/admin/funding-streams')).body).toContain('NHS or joint health funding');
    expect((await page('/admin/funding-streams', workerCookie)).statusCode).toBe(403);
    expect((await api('worker', 'POST', '/funding-streams', { label: 'Sneaky fund' })).statusCode).toBe(403);
    const refused = await formPost(t.app, '/admin/funding-streams', workerCookie, { label: 'Sneaky fund' });
    expect(refused.statusCode).toBe(403);
    expect(await storedStreams()).toEqual([]);
  });

  it('refuses an empty, duplicate, over-long or hidden-character name and a bad code, writing nothing', async () => {
    const cases: [object, string][] = [
      [{ label: '  ' }, 'label'],
      [{ label: 'housing  support' }, 'label'],
      [{ label: 'x'.repeat(501) }, 'label'],
      [{ label: 'Fund', description: 'y'.repeat(501) }, 'description'],
      [{ label: 'Fund', code: 'Not A Code' }, 'code'],
      [{ label: 'Fund', code: 'health' }, 'code'],
    ];
    for (const [payload, field] of cases) {
      const response = await api('admin', 'POST', '/funding-streams', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 40)).toBe(400);
      expect(problem(response).errors?.map((e) => e.field)).toContain(field);
    }
    const nul = await api('admin', 'POST', '/funding-streams', { label: 'Fund\u0000' });
    expect(nul.statusCode).toBe(400);
    expect(problem(nul).errors?.[0]?.field).toBe('label');
    const onPage = await formPost(t.app, '/admin/funding-streams', adminCookie, { label: '' });
    expect(onPage.statusCode).toBe(400);
    expect(onPage.body).toContain('govuk-error-summary');
    expect(onPage.body).toContain('Enter the funding stream’s name');
    // Not even the national defaults were written by the refused first change.
    expect(await storedStreams()).toEqual([]);
    expect(await audits('funding_stream.add')).toHaveLength(0);
  });

  it('adds a local stream from a page, renames one over the API and retires one, each audited', async () => {
    const added = await formPost(t.app, '/admin/funding-streams', adminCookie, {
      label: 'Carers’ short breaks fund',
      description: 'Breaks for unpaid carers',
    });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('Carers’ short breaks fund has been added.');
    const stored = await storedStreams();
    expect(stored).toHaveLength(8);
    expect(stored.find((s) => s.code === 'carers_short_breaks_fund')).toEqual({
      code: 'carers_short_breaks_fund',
      label: 'Carers’ short breaks fund',
      active: true,
    });

    const renamed = await api('admin', 'PATCH', '/funding-streams/health', { label: 'NHS funding' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      code: 'health',
      label: 'NHS funding',
      active: true,
      national: true,
    });
    expect((await api('admin', 'PATCH', '/funding-streams/nope', { label: 'X' })).statusCode).toBe(404);
    const clash = await api('admin', 'PATCH', '/funding-streams/health', { label: 'Housing support' });
    expect(problem(clash).errors).toEqual([
      { field: 'label', message: 'There is already a funding stream called Housing support' },
    ]);

    const retired = await formPost(t.app, '/admin/funding-streams/equipment/active', adminCookie, {
      active: 'false',
    });
    expect(retired.statusCode).toBe(200);
    expect(retired.body).toContain('Community equipment has been retired.');
    const never = await api('admin', 'PATCH', '/funding-streams/council_social_care', { active: false });
    expect(never.statusCode).toBe(400);
    expect(problem(never).errors?.[0]?.field).toBe('active');
    expect((await storedStreams()).find((s) => s.code === 'equipment')?.active).toBe(false);
    expect((await storedStreams()).find((s) => s.code === 'council_social_care')?.active).toBe(true);

    expect(await audits('funding_stream.add')).toHaveLength(1);
    expect((await audits('funding_stream.change')).map((a) => a.detail?.fundingStream)).toEqual(['health']);
    expect((await audits('funding_stream.retire')).map((a) => a.detail?.fundingStream)).toEqual([
      'equipment',
    ]);
  });

  it('lets a budget use a local stream and refuses a retired one with a field error, saving nothing', async () => {
    const morag = await demoPerson(t, 'Morag Campbell');
    const budgets = async () =>
      (
        await rows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from person_budgets where person_id = ${morag.id}`,
        )
      )[0]!.n;
    const before = await budgets();
    const body = (stream: string) => ({
      needs: [{ outcomeId: morag.outcomes[0]!.id, unitCode: 'pa_hour', quantityPerWeek: 6 }],
      fundingStreams: [{ stream, source: 'Somebody', weeklyAmount: 1000 }],
      reason: 'Review',
    });
    for (const [stream, message] of [
      ['equipment', 'Community equipment is no longer used for new support: select another funding stream'],
      ['lottery', 'Select a funding stream from the list'],
    ] as const) {
      const refused = await api('worker', 'POST', `/people/${morag.id}/budget/indicative`, body(stream));
      expect(refused.statusCode).toBe(400);
      expect(problem(refused).errors).toEqual([{ field: 'fundingStreams[0].stream', message }]);
    }
    expect(await budgets()).toBe(before);
    const form = await page(`/people/${morag.id}/budget/new`, workerCookie);
    expect(form.body).toContain('Carers’ short breaks fund');
    expect(form.body).not.toContain('Community equipment');
    const ok = await api(
      'worker',
      'POST',
      `/people/${morag.id}/budget/indicative`,
      body('carers_short_breaks_fund'),
    );
    expect(ok.statusCode).toBe(201);
    expect(await budgets()).toBe(before + 1);
  });

  it('refuses a retired stream on a new cost line, naming the field, and shows the council’s labels', async () => {
    const morag = (await demoPerson(t, 'Morag Campbell')).id;
    let current = (await api('worker', 'GET', `/people/${morag}/plan`)).json().plan;
    if (!['draft', 'shared', 'signed', 'returned'].includes(current.state)) {
      const started = await api('worker', 'POST', `/people/${morag}/plan/new-version`, {
        rowVersion: current.rowVersion,
      });
      expect(started.statusCode).toBe(201);
      current = (await api('worker', 'GET', `/people/${morag}/plan`)).json().plan;
    }
    const versions = async () =>
      (
        await rows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from support_plans where person_id = ${morag}`,
        )
      )[0]!.n;
    const before = await versions();
    const withLine = (fundingStream: string) => {
      const content = structuredClone(current.content);
      content.costLines.push({
        outcomeRef: content.outcomes[0].ref,
        description: 'Grab rail',
        providerKind: 'provider',
        frequency: 'once',
        weeklyCost: 500,
        fundingStream,
        sdsOption: 3,
      });
      return { rowVersion: current.rowVersion, content };
    };
    const refused = await api('worker', 'PUT', `/people/${morag}/plan`, withLine('equipment'));
    expect(refused.statusCode).toBe(400);
    const line = current.content.costLines.length;
    expect(problem(refused).errors).toEqual([
      {
        field: `content.costLines[${line}].fundingStream`,
        message: 'Community equipment is no longer used for new support: select another funding stream',
      },
    ]);
    expect(await versions()).toBe(before);
    const saved = await api('worker', 'PUT', `/people/${morag}/plan`, withLine('carers_short_breaks_fund'));
    expect(saved.statusCode).toBe(201);
    const planPage = await page(`/people/${morag}/plan`, workerCookie);
    expect(planPage.body).toContain('paid from Carers’ short breaks fund');
    const linePage = await page(`/people/${morag}/plan/edit/cost-line`, workerCookie);
    expect(linePage.body).toContain('NHS funding');
    expect(linePage.body).not.toContain('Community equipment');
  });
});

describe('the council’s letter address and contact details', () => {
  const demo = {
    addressLine1: 'Demo Council Offices',
    addressLine2: '1 Example Square',
    town: 'Demotown',
    postcode: 'ZZ1 1ZZ',
    phone: '0131 496 0123',
    email: 'socialcare@demo-council.example',
    website: 'https://demo-council.example',
    howToContact: 'Phone us.',
  };

  it('shows the form to an administrator only, linked from Council set-up', async () => {
    expect((await page('/admin')).body).toContain('href="/admin/council"');
    const form = await page('/admin/council');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="0131 496 0123"');
    expect((await page('/admin/council', workerCookie)).statusCode).toBe(403);
    const refused = await formPost(t.app, '/admin/council', workerCookie, {
      ...demo,
      phone: '0131 000 0000',
    });
    expect(refused.statusCode).toBe(403);
    expect((await api('worker', 'PUT', '/council-details', demo)).statusCode).toBe(403);
    expect((await authority()).phone).toBe('0131 496 0123');
  });

  it('names each field in the wrong format on the check page and the API, writing nothing', async () => {
    const bad = { ...demo, postcode: 'nowhere', phone: '12', email: 'no-at-sign', website: 'not a site' };
    const checked = await formPost(t.app, '/admin/council/check', adminCookie, bad);
    expect(checked.statusCode).toBe(400);
    expect(checked.body).toContain('govuk-error-summary');
    for (const message of [
      'Enter a real postcode',
      'Enter a UK phone number',
      'Enter an email address',
      'Enter a web address',
    ])
      expect(checked.body).toContain(message);
    expect(checked.body).toContain('value="nowhere"');
    const saved = await formPost(t.app, '/admin/council', adminCookie, bad);
    expect(saved.statusCode).toBe(400);
    const viaApi = await api('admin', 'PUT', '/council-details', {
      ...demo,
      howToContact: 'z'.repeat(1001),
      website: 'x',
    });
    expect(
      problem(viaApi)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['howToContact', 'website']);
    expect(await authority()).toMatchObject({ phone: '0131 496 0123', postcode: 'ZZ1 1ZZ' });
    expect(await history()).toEqual([]);
    expect(await audits('council_details.change')).toHaveLength(0);
  });

  it('checks old → new, saves, keeps the history, and the privacy notice and letters use the new details', async () => {
    const change = { ...demo, phone: '0131 496 0999', postcode: 'zz1 1zz' };
    const checked = await formPost(t.app, '/admin/council/check', adminCookie, change);
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain('0131 496 0123');
    expect(checked.body).toContain('<strong>0131 496 0999</strong>');
    expect(checked.body).toContain('ZZ1 1ZZ (unchanged)');
    expect((await authority()).phone).toBe('0131 496 0123');

    const saved = await formPost(t.app, '/admin/council', adminCookie, change);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/council?saved=1');
    expect((await authority()).phone).toBe('0131 496 0999');
    const [admin] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = 'admin@demo.selfdirect.test'`,
    );
    // How to contact was 'Phone us…' in the demo; the test's shorter text is a change too.
    expect((await history()).map((h) => h.field).sort()).toEqual(['howToContact', 'phone']);
    expect((await history()).find((h) => h.field === 'phone')).toEqual({
      field: 'phone',
      before: '0131 496 0123',
      after: '0131 496 0999',
      changed_by: admin!.id,
    });
    expect(await audits('council_details.change')).toHaveLength(1);
    const after = await page('/admin/council?saved=1');
    expect(after.body).toContain('The council’s details have been saved.');
    expect(after.body).toMatch(
      /Ruth Douglas<\/td>[\s\S]*?Phone number<\/td>[\s\S]*?0131 496 0123<\/td>[\s\S]*?0131 496 0999<\/td>/,
    );

    // Saving the same again changes nothing and adds no history.
    await formPost(t.app, '/admin/council', adminCookie, change);
    expect(await history()).toHaveLength(2);

    const viaApi = (await api('admin', 'GET', '/council-details')).json();
    expect(viaApi.details.phone).toBe('0131 496 0999');
    expect(viaApi.history).toHaveLength(2);

    const privacy = await t.app.inject('/c/demo/privacy');
    expect(privacy.statusCode).toBe(200);
    expect(privacy.body).toContain('Who is responsible for your data');
    expect(privacy.body).toContain('Demo Council is responsible for your information');
    expect(privacy.body).toContain('0131 496 0999');
    expect(privacy.body).toContain('Demo Council Offices, 1 Example Square, Demotown, ZZ1 1ZZ');
    // The data controller's details the operator records (UK GDPR Art. 13(1)(a) and (b)).
    expect(privacy.body).toContain('dpo@demo-council.example');
    expect(privacy.body).toContain('Registration number Z0000000');

    // Every letter's heading and "how to contact us" read the council's row when the letter is made.
    const morag = await demoPerson(t, 'Morag Campbell');
    const letter = await inTenant(t.database.db, t.authorityId, (tx) => letterAddressing(tx, morag.id));
    expect(letter.council).toMatchObject({ phone: '0131 496 0999', howToContact: 'Phone us.' });
    expect(letter.council.addressLines).toEqual([
      'Demo Council Offices',
      '1 Example Square',
      'Demotown',
      'ZZ1 1ZZ',
    ]);
  });
});
