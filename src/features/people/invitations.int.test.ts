import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { createSession } from '../../platform/auth/credentials.ts';
import { rows } from '../../platform/db/transaction.ts';

/**
 * Invitations to the people around a record, through the HTTP API as a client would: a worker
 * records a new person and invites them, a representative and a circle member; the invited
 * person passes the check and sets a password; and every refusal: wrong answers (without saying
 * which), five of them, expired, revoked and reused links, another council's person, a role
 * without the permission, and NUL characters.
 */
let t: TestApp;
let worker: string;
let person: string;
const DOB = '1991-04-12';

const post = (url: string, payload: object, token = worker) =>
  t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
const tokenOf = (path: string) => path.replace('/invitation/', '');
const invite = async (payload: object, personId = person) => {
  const response = await post(`/api/v1/people/${personId}/invitations`, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; token: string; path: string; checkCode: string; kind: string };
};
const accept = (token: string, answers: Partial<Record<string, string>> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/invitations/${token}/accept`,
    payload: {
      dateOfBirth: DOB,
      checkCode: '',
      password: 'a long enough password',
      confirmPassword: 'a long enough password',
      ...answers,
    },
  });
let counter = 0;
const email = () => `invited-${Date.now()}-${counter++}@example.test`;

beforeAll(async () => {
  t = await testApp();
  worker = await apiToken(t.app, 'worker');
  const created = await post('/api/v1/people', {
    legalName: 'Jo Bloggs',
    dateOfBirth: DOB,
    clientGroup: 'physical_disability',
  });
  expect(created.statusCode, created.body).toBe(201);
  person = created.json().id;
}, 120_000);
afterAll(() => t.close());

describe('inviting the person themself', () => {
  it('makes an inactive account, shown as pending, that accepting turns on and links to the record', async () => {
    const address = email();
    const created = await invite({ kind: 'self', email: address });
    expect(created.checkCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const [account] = await rows<{ active: boolean; role: string }>(
      t.database.db,
      sql`select active, role from users where email = ${address}`,
    );
    expect(account).toEqual({ active: false, role: 'person' });
    const listed = await t.app.inject({
      url: `/api/v1/people/${person}/invitations`,
      headers: bearer(worker),
    });
    expect(listed.json().invitations[0]).toMatchObject({ id: created.id, state: 'pending', kind: 'self' });

    // Signing in before accepting does not work: the account is not on.
    const early = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: address, password: 'a long enough password' },
    });
    expect(early.statusCode).toBeGreaterThanOrEqual(400);

    const token = tokenOf(created.path);
    const lowerCaseCode = created.checkCode.toLowerCase().replace('-', ' ');
    const accepted = await accept(token, { checkCode: lowerCaseCode });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().home).toBe('/my');

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: address, password: 'a long enough password' },
    });
    expect(signIn.statusCode, signIn.body).toBeLessThan(300);
    const own = await t.app.inject({ url: `/api/v1/people/${person}`, headers: bearer(signIn.json().token) });
    expect(own.statusCode).toBe(200);
    const after = await t.app.inject({
      url: `/api/v1/people/${person}/invitations`,
      headers: bearer(worker),
    });
    expect(after.json().invitations.find((i: { id: string }) => i.id === created.id).state).toBe('accepted');

    // The link is used: a clear 410, never a second account.
    const again = await accept(token, { checkCode: created.checkCode });
    expect(again.statusCode).toBe(410);
    expect(problem(again).title).toMatch(/no longer works/);
  });
});

describe('the check', () => {
  it('refuses a wrong date of birth and a wrong code in the same words, and stops the link after five', async () => {
    const created = await invite({
      kind: 'advocate',
      name: 'Sam Advocate',
      email: email(),
      scope: ['view_record'],
    });
    const token = tokenOf(created.path);
    const wrongDob = await accept(token, { dateOfBirth: '1990-01-01', checkCode: created.checkCode });
    const wrongCode = await accept(token, { checkCode: 'AAAA-AAAA' });
    expect(wrongDob.statusCode).toBe(400);
    expect(wrongCode.statusCode).toBe(400);
    const words = (r: typeof wrongDob) =>
      problem(r).errors?.map((e) => e.message.replace(/\d+ more/, 'N more'));
    expect(words(wrongDob)).toEqual(words(wrongCode));
    expect(problem(wrongCode).errors?.[0]?.message).toMatch(/3 more times/);
    for (let i = 0; i < 2; i++)
      expect((await accept(token, { checkCode: 'AAAA-AAAA' })).statusCode).toBe(400);
    const fifth = await accept(token, { checkCode: 'AAAA-AAAA' });
    expect(fifth.statusCode).toBe(410);
    // Even the right answers no longer work.
    expect((await accept(token, { checkCode: created.checkCode })).statusCode).toBe(410);
    const [state] = await rows<{ failed: number; active: boolean }>(
      t.database.db,
      sql`select i.failed_checks as failed, u.active from invitations i join users u on u.id = i.user_id
           where i.id = ${created.id}`,
    );
    expect(state).toEqual({ failed: 5, active: false });
  });

  it('asks again for a blank or impossible date without counting it', async () => {
    const created = await invite({ kind: 'provider', name: 'Care Co', email: email() });
    const response = await accept(tokenOf(created.path), { dateOfBirth: '2001-02-31', checkCode: '' });
    expect(response.statusCode).toBe(400);
    const [state] = await rows<{ failed: number }>(
      t.database.db,
      sql`select failed_checks as failed from invitations where id = ${created.id}`,
    );
    expect(state!.failed).toBe(0);
  });

  it('gives a mistyped link a clear 404 and an expired one a 410', async () => {
    const mistyped = await accept('not-a-real-link');
    expect(mistyped.statusCode).toBe(404);
    const page = await t.app.inject({ url: '/invitation/not-a-real-link' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('This invitation link is not right');

    const created = await invite({ kind: 'provider', name: 'Late Co', email: email() });
    await t.database.db.execute(
      sql`update invitations set expires_at = now() - interval '1 minute' where id = ${created.id}`,
    );
    expect((await accept(tokenOf(created.path), { checkCode: created.checkCode })).statusCode).toBe(410);
    const expiredPage = await t.app.inject({ url: created.path });
    expect(expiredPage.statusCode).toBe(410);
    expect(expiredPage.body).toContain('expired');
  });

  it('refuses NUL characters with a 4xx, never a 5xx', async () => {
    const created = await invite({ kind: 'provider', name: 'Nul Co', email: email() });
    const response = await accept(tokenOf(created.path), { checkCode: 'AB\u0000CD' });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    const made = await post(`/api/v1/people/${person}/invitations`, {
      kind: 'advocate',
      name: 'Nul\u0000 Name',
      email: email(),
    });
    expect(made.statusCode).toBeGreaterThanOrEqual(400);
    expect(made.statusCode).toBeLessThan(500);
  });
});

describe('a representative and a circle member', () => {
  it('give the account exactly the representative’s powers and dates, and the circle member’s scope', async () => {
    const rep = await post(`/api/v1/people/${person}/representatives`, {
      name: 'Pat Bloggs',
      kind: 'welfare_power_of_attorney',
      powers: ['view_record', 'welfare_decisions'],
      startDate: '2024-01-01',
      endDate: null,
      evidenceReference: 'OPG 123',
    });
    expect(rep.statusCode, rep.body).toBe(201);
    const repInvite = await invite({
      kind: 'representative',
      representativeId: rep.json().id,
      email: email(),
    });
    expect((await accept(tokenOf(repInvite.path), { checkCode: repInvite.checkCode })).statusCode).toBe(200);
    const [linked] = await rows<{ powers: string[]; validFrom: string; kind: string; sameUser: boolean }>(
      t.database.db,
      sql`select r.powers, r.valid_from::text as "validFrom", r.kind, rep.user_id = r.user_id as "sameUser"
            from representatives rep join person_relationships r on r.id = rep.relationship_id
           where rep.id = ${rep.json().id}`,
    );
    expect(linked).toEqual({
      powers: ['view_record', 'welfare_decisions'],
      validFrom: '2024-01-01',
      kind: 'representative',
      sameUser: true,
    });

    const member = await post(`/api/v1/people/${person}/circle`, {
      name: 'Ali Friend',
      relationship: 'friend',
      maySee: ['view_record'],
      consentFrom: '2025-01-01',
    });
    expect(member.statusCode, member.body).toBe(201);
    const circleInvite = await invite({
      kind: 'circle_member',
      circleMemberId: member.json().id,
      email: email(),
    });
    expect((await accept(tokenOf(circleInvite.path), { checkCode: circleInvite.checkCode })).statusCode).toBe(
      200,
    );
    const [circle] = await rows<{ powers: string[]; kind: string }>(
      t.database.db,
      sql`select r.powers, r.kind from circle_members c join person_relationships r on r.id = c.relationship_id
           where c.id = ${member.json().id}`,
    );
    expect(circle).toEqual({ powers: ['view_record'], kind: 'circle_member' });
    // Already linked: they cannot be invited a second time.
    const twice = await post(`/api/v1/people/${person}/invitations`, {
      kind: 'circle_member',
      circleMemberId: member.json().id,
      email: email(),
    });
    expect(twice.statusCode).toBe(400);
    expect(problem(twice).errors?.[0]?.field).toMatch(/circleMemberId/);
  });
});

describe('stopping an invitation and who may invite', () => {
  it('a revoked link gets a clear page and makes no account; revoking twice is a conflict', async () => {
    const created = await invite({ kind: 'provider', name: 'Stopped Co', email: email() });
    const revoked = await post(`/api/v1/people/${person}/invitations/${created.id}/revoke`, {});
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await accept(tokenOf(created.path), { checkCode: created.checkCode })).statusCode).toBe(410);
    expect((await post(`/api/v1/people/${person}/invitations/${created.id}/revoke`, {})).statusCode).toBe(
      409,
    );
    const [audit] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where person_id = ${person} and action = 'invitation.revoke'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('refuses a role without the permission, another council’s person, and field errors by name', async () => {
    const finance = await apiToken(t.app, 'finance');
    const refused = await post(
      `/api/v1/people/${person}/invitations`,
      { kind: 'self', email: email() },
      finance,
    );
    expect(refused.statusCode).toBe(403);
    const [other] = await rows<{ id: string }>(
      t.database.db,
      sql`with a as (insert into authorities (code, name, nation) values (${`other-${Date.now()}`}, 'Other', 'england') returning id)
          insert into people (authority_id, legal_name, date_of_birth, client_group)
          select a.id, 'Elsewhere Person', '1980-01-01', 'physical_disability' from a returning id`,
    );
    const elsewhere = await post(`/api/v1/people/${other!.id}/invitations`, { kind: 'self', email: email() });
    expect([403, 404]).toContain(elsewhere.statusCode);
    const bad = await post(`/api/v1/people/${person}/invitations`, {
      kind: 'advocate',
      email: 'not an email',
    });
    expect(bad.statusCode).toBe(400);
    const fields = problem(bad).errors?.map((e) => e.field) ?? [];
    expect(fields.some((f) => f.includes('name'))).toBe(true);
    expect(fields.some((f) => f.includes('email'))).toBe(true);
    const badKind = await post(`/api/v1/people/${person}/invitations`, { kind: 'landlord', email: email() });
    expect(badKind.statusCode).toBe(400);
  });

  it('the person invites their own circle only, and stops only what they sent', async () => {
    const morag = (
      await rows<{ id: string }>(
        t.database.db,
        sql`select id from people where authority_id = ${t.authorityId} and legal_name = 'Morag Campbell'`,
      )
    )[0]!.id;
    const self = await apiToken(t.app, 'person');
    const notCircle = await post(
      `/api/v1/people/${morag}/invitations`,
      { kind: 'provider', name: 'X', email: email() },
      self,
    );
    expect(notCircle.statusCode).toBe(400);
    expect(problem(notCircle).errors?.[0]?.field).toMatch(/kind/);
    const member = await post(`/api/v1/people/${morag}/circle`, {
      name: 'Neighbour Nan',
      relationship: 'neighbour',
      maySee: ['view_record'],
      consentFrom: '2025-01-01',
    });
    expect(member.statusCode, member.body).toBe(201);
    const mine = await post(
      `/api/v1/people/${morag}/invitations`,
      { kind: 'circle_member', circleMemberId: member.json().id, email: email() },
      self,
    );
    expect(mine.statusCode, mine.body).toBe(201);
    const byWorker = await invite({ kind: 'provider', name: 'Worker Sent Co', email: email() }, morag);
    const notHers = await post(`/api/v1/people/${morag}/invitations/${byWorker.id}/revoke`, {}, self);
    expect(notHers.statusCode).toBe(403);
    const hers = await post(`/api/v1/people/${morag}/invitations/${mine.json().id}/revoke`, {}, self);
    expect(hers.statusCode).toBe(200);
  });

  it('shows the worker who can see the record: representative, circle member and the invitations waiting', async () => {
    await invite({ kind: 'provider', name: 'Waiting Co', email: email() });
    const [w] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = 'worker@demo.selfdirect.test'`,
    );
    const cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, w!.id))}`;
    const page = await t.app.inject({ url: `/people/${person}/who-can-see`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Waiting Co');
    expect(page.body).toContain('Pat Bloggs');
    expect(page.body).toContain('Ali Friend');
  });
});
