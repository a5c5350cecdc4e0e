import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { formPost } from '../../../test/support/forms.ts';
import { rows } from '../../platform/db/transaction.ts';
import { DEMO_OPERATOR } from '../accounts/index.ts';

/**
 * Councils (issue 15 item 1) over HTTP: the platform operator creates a council and its first
 * administrator, refused with field errors and nothing written for bad input; the administrator's
 * one-time link sets a password and opens the new council's set-up; the operator changes its
 * details, and reads no one's records.
 */
let t: TestApp;
let operator: string;
let adminToken: string;

const good = {
  nation: 'england',
  name: 'Testshire County Council',
  code: 'testshire',
  addressLine1: 'County Hall',
  town: 'Testbury',
  postcode: 'ZZ9 9ZZ',
  email: 'adult.care@testshire.example',
  phone: '0113 496 0000',
  website: 'https://testshire.example',
  dataControllerName: 'Testshire County Council',
  dataControllerAddress: 'County Hall\nTestbury\nZZ9 9ZZ',
  dataControllerEmail: 'information@testshire.example',
  dataProtectionOfficerEmail: 'dpo@testshire.example',
  icoRegistrationNumber: 'Z1234567',
  administratorName: 'Tess Tester',
  administratorEmail: 'Tess.Tester@testshire.example',
};
const create = (payload: unknown, token = operator) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/councils',
    headers: bearer(token),
    payload: payload as object,
  });
const counts = async () => {
  const [row] = await rows<{ councils: number; users: number; invitations: number; audit: number }>(
    t.database.db,
    sql`select (select count(*)::int from authorities) as councils, (select count(*)::int from users) as users,
               (select count(*)::int from invitations) as invitations,
               (select count(*)::int from audit_events where action like 'council.%') as audit`,
  );
  return row!;
};

beforeAll(async () => {
  t = await testApp();
  operator = await apiToken(t.app, DEMO_OPERATOR.email);
  adminToken = await apiToken(t.app, 'admin');
});
afterAll(() => t.close());

describe('creating a council', () => {
  it('refuses bad input with field errors naming the request’s fields, writing nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, name: undefined }, 'name'],
      [{ ...good, name: '   ' }, 'name'],
      [{ ...good, code: 'Not A Code!' }, 'code'],
      [{ ...good, code: 'demo' }, 'code'],
      [{ ...good, nation: 'wales' }, 'nation'],
      [{ ...good, name: 'Nul\u0000Council' }, 'name'],
      [{ ...good, name: 'x'.repeat(10_000) }, 'name'],
      [{ ...good, icoRegistrationNumber: '12345' }, 'icoRegistrationNumber'],
      [{ ...good, dataProtectionOfficerEmail: '' }, 'dataProtectionOfficerEmail'],
      [{ ...good, administratorEmail: 'admin@demo.selfdirect.test' }, 'administratorEmail'],
    ];
    for (const [payload, field] of cases) {
      const answer = await create(payload);
      expect([field, answer.statusCode]).toEqual([field, 400]);
      expect(problem(answer).errors?.map((e) => e.field)).toContain(field);
    }
    const taken = await create({ ...good, code: 'demo' });
    expect(problem(taken).errors).toContainEqual({
      field: 'code',
      message: 'Another council already has this code. Choose a different one',
    });
    // Every problem at once.
    const many = await create({ ...good, name: '', code: '-', postcode: 'nope', administratorName: '' });
    expect(problem(many).errors?.map((e) => e.field)).toEqual([
      'name',
      'code',
      'postcode',
      'administratorName',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses every council account, even the administrator’s', async () => {
    const before = await counts();
    expect((await create(good, adminToken)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/councils', headers: bearer(adminToken) })).statusCode).toBe(
      403,
    );
    expect(await counts()).toEqual(before);
  });

  it('creates the council, its invited first administrator and the audit row, in one go', async () => {
    const before = await counts();
    const answer = await create(good);
    expect(answer.statusCode).toBe(201);
    const { council, invitationPath } = answer.json() as {
      council: {
        id: string;
        code: string;
        nation: string;
        staffAccounts: number;
        icoRegistrationNumber: string;
      };
      invitationPath: string;
    };
    expect(council).toMatchObject({ code: 'testshire', nation: 'england', staffAccounts: 1 });
    expect(invitationPath).toMatch(/^\/invitation\/[\w-]+$/);
    expect(await counts()).toEqual({
      councils: before.councils + 1,
      users: before.users + 1,
      invitations: before.invitations + 1,
      audit: before.audit + 1,
    });
    const [audit] = await rows<{ authority_id: string; actor_role: string; detail: { code: string } }>(
      t.database.db,
      sql`select authority_id, actor_role, detail from audit_events where action = 'council.create'`,
    );
    expect(audit).toMatchObject({
      authority_id: council.id,
      actor_role: 'operator',
      detail: { code: 'testshire' },
    });
    const [admin] = await rows<{
      role: string;
      authority_id: string;
      active: boolean;
      password_hash: string | null;
    }>(
      t.database.db,
      sql`select role, authority_id, active, password_hash from users where email = 'tess.tester@testshire.example'`,
    );
    expect(admin).toEqual({ role: 'admin', authority_id: council.id, active: true, password_hash: null });

    // The same code again is a field error, not a second council.
    const again = await create({ ...good, administratorEmail: 'someone.else@testshire.example' });
    expect(problem(again).errors?.map((e) => e.field)).toEqual(['code']);

    // The link sets the first administrator's password; they sign in and see their own council.
    const token = invitationPath.split('/').pop()!;
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: {
        dateOfBirth: '',
        checkCode: '',
        password: 'a-long-new-password-1',
        confirmPassword: 'a-long-new-password-1',
      },
    });
    expect(accepted.statusCode).toBe(200);
    const signIn = await formPost(t.app, '/sign-in', '', {
      email: 'tess.tester@testshire.example',
      password: 'a-long-new-password-1',
    });
    expect(signIn.headers.location).toBe('/admin');
    const session = signIn.cookies.find((c) => c.name === 'selfdirect_session')!;
    const cookie = `selfdirect_session=${session.value}`;
    const home = await t.app.inject({ url: '/admin', headers: { cookie } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Testshire County Council');
    expect(home.body).not.toContain('Demo Council');
    // A council with nothing set up yet (no teams, policies or settings) opens every set-up page
    // linked from its home, and the administrator's other pages.
    const links = [...home.body.matchAll(/href="(\/admin\/[^"#?]+)"/g)].map((m) => m[1]!);
    expect(links).toContain('/admin/teams');
    const opened = [];
    for (const url of [...new Set(links), '/audit', '/reports/equity'])
      opened.push([url, (await t.app.inject({ url, headers: { cookie } })).statusCode]);
    expect(opened).toEqual(opened.map(([url]) => [url, 200]));
  });
});

describe('a council’s details', () => {
  it('lists councils with counts, shows and changes one (audited), code and nation fixed', async () => {
    const list = await t.app.inject({ url: '/api/v1/councils', headers: bearer(operator) });
    const councils = list.json().councils as { id: string; code: string; staffAccounts: number }[];
    const demo = councils.find((c) => c.code === 'demo')!;
    expect(demo.staffAccounts).toBeGreaterThan(0);
    expect(list.body).not.toContain('Ruth Douglas'); // the demo administrator: counted, never named

    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/councils/${demo.id}`,
      headers: bearer(operator),
      payload: { postcode: 'not a postcode', code: 'changed' },
    });
    expect(bad.statusCode).toBe(400);
    const badPostcode = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/councils/${demo.id}`,
      headers: bearer(operator),
      payload: { postcode: 'not a postcode' },
    });
    expect(problem(badPostcode).errors?.map((e) => e.field)).toEqual(['postcode']);

    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/councils/${demo.id}`,
      headers: bearer(operator),
      payload: { dataProtectionOfficerEmail: 'new.dpo@demo-council.example' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      code: 'demo',
      dataProtectionOfficerEmail: 'new.dpo@demo-council.example',
    });
    const [audit] = await rows<{ detail: { changed: string[] } }>(
      t.database.db,
      sql`select detail from audit_events where action = 'council.change' and authority_id = ${demo.id}`,
    );
    expect(audit!.detail.changed).toEqual(['dataProtectionOfficerEmail']);

    const missing = await t.app.inject({
      url: '/api/v1/councils/00000000-0000-4000-8000-000000000000',
      headers: bearer(operator),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps the operator out of every council’s pages and people', async () => {
    const signIn = await formPost(t.app, '/sign-in', '', {
      email: DEMO_OPERATOR.email,
      password: 'demo-password-1',
    });
    expect(signIn.headers.location).toBe('/operator/councils');
    const cookie = `selfdirect_session=${signIn.cookies.find((c) => c.name === 'selfdirect_session')!.value}`;
    const councils = await t.app.inject({ url: '/operator/councils', headers: { cookie } });
    expect(councils.statusCode).toBe(200);
    expect(councils.body).toContain('Demo Council');
    expect(councils.body).not.toContain('href="/account"');
    for (const url of ['/people', '/admin', '/my', '/audit', '/account'])
      expect([url, (await t.app.inject({ url, headers: { cookie } })).statusCode]).toEqual([url, 403]);
    const people = await t.app.inject({ url: '/api/v1/people', headers: bearer(operator) });
    expect(people.statusCode).toBe(403);
  });
});

describe('the operator’s pages', () => {
  const pageValues = {
    ...good,
    name: 'Pageford Council',
    code: 'pageford',
    administratorEmail: 'pat.page@pageford.example',
  };
  let cookie: string;
  beforeAll(async () => {
    const signIn = await formPost(t.app, '/sign-in', '', {
      email: DEMO_OPERATOR.email,
      password: 'demo-password-1',
    });
    cookie = `selfdirect_session=${signIn.cookies.find((c) => c.name === 'selfdirect_session')!.value}`;
  });

  it('asks, shows the answers to check, and creates only when confirmed', async () => {
    const before = await counts();
    const bad = await formPost(t.app, '/operator/councils/new', cookie, { ...pageValues, code: 'Page Ford' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#code"');
    expect(bad.body).toContain('value="Pageford Council"'); // the answers are kept

    const check = await formPost(t.app, '/operator/councils/new', cookie, pageValues);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check the new council before you create it');
    expect(check.body).toContain('pat.page@pageford.example');
    const change = await formPost(t.app, '/operator/councils/new', cookie, {
      ...pageValues,
      _step: 'change',
    });
    expect(change.body).toContain('value="pageford"');
    expect(await counts()).toEqual(before);

    const created = await formPost(t.app, '/operator/councils/new', cookie, {
      ...pageValues,
      _step: 'confirm',
    });
    expect(created.statusCode).toBe(200);
    expect(created.body).toMatch(/id="invitation-link">\/invitation\/[\w-]+</);
    expect((await counts()).councils).toBe(before.councils + 1);
    // Confirming the same answers again makes no second council: the code is taken.
    const twice = await formPost(t.app, '/operator/councils/new', cookie, {
      ...pageValues,
      _step: 'confirm',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Another council already has this code');
    expect((await counts()).councils).toBe(before.councils + 1);

    const list = await t.app.inject({ url: '/operator/councils', headers: { cookie } });
    expect(list.body).toContain('Pageford Council');
    expect(list.body).not.toContain('Pat Page'); // staff counted, never named
  });

  it('changes a council’s details with field errors, and keeps its code and nation', async () => {
    const [row] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from authorities where code = 'pageford'`,
    );
    const url = `/operator/councils/${row!.id}`;
    const view = await t.app.inject({ url, headers: { cookie } });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('The code and the nation are fixed once a council is created');
    const bad = await formPost(t.app, url, cookie, { ...pageValues, website: 'pageford' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#website"');
    const saved = await formPost(t.app, url, cookie, { ...pageValues, town: 'New Pageford', code: 'hacked' });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('The council’s details have been saved.');
    const [after] = await rows<{ town: string; code: string; nation: string }>(
      t.database.db,
      sql`select town, code, nation from authorities where id = ${row!.id}`,
    );
    expect(after).toEqual({ town: 'New Pageford', code: 'pageford', nation: 'england' });
    const adminCookie = `selfdirect_session=${
      (
        await formPost(t.app, '/sign-in', '', {
          email: 'admin@demo.selfdirect.test',
          password: 'demo-password-1',
        })
      ).cookies.find((c) => c.name === 'selfdirect_session')!.value
    }`;
    for (const page of ['/operator/councils', '/operator/councils/new', url])
      expect([
        page,
        (await t.app.inject({ url: page, headers: { cookie: adminCookie } })).statusCode,
      ]).toEqual([page, 403]);
    expect((await formPost(t.app, url, adminCookie, { ...pageValues, town: 'Admin town' })).statusCode).toBe(
      403,
    );
  });
});

describe('what the database and the API document promise', () => {
  it('lets only the platform operator be of no council', async () => {
    const db = t.database.db;
    await expect(
      db.execute(
        sql`insert into users (email, display_name, role) values ('nobody@x.test', 'No council', 'admin')`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(
        sql`insert into users (authority_id, email, display_name, role)
            values (${t.authorityId}, 'op2@x.test', 'Council operator', 'operator')`,
      ),
    ).rejects.toThrow();
    const [operatorRow] = await rows<{ authority_id: string | null }>(
      db,
      sql`select authority_id from users where email = ${DEMO_OPERATOR.email}`,
    );
    expect(operatorRow).toEqual({ authority_id: null });
  });

  it('documents the councils API, nation as an enum', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    expect(Object.keys(document.paths['/api/v1/councils'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/api/v1/councils/{councilId}'] ?? {}).sort()).toEqual([
      'get',
      'patch',
    ]);
    const schema = document.paths['/api/v1/councils']!.post!.requestBody!.content['application/json']!
      .schema as {
      properties: { nation: { enum: string[] } };
    };
    expect(schema.properties.nation.enum).toEqual(['scotland', 'england']);
  });
});
