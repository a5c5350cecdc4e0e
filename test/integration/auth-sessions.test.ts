import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import {
  actorFromSession,
  createSession,
  hashSecret,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from '../../src/platform/auth/credentials.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { apiToken, bearer, problem, TEST_DATA_KEYS, type TestApp, testApp } from '../support/app.ts';
import { csrfFor as csrfOf } from '../support/forms.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const sessionCookie = (response: LightMyRequestResponse) =>
  response.cookies.find((c) => c.name === 'selfdirect_session');

/** A CSRF secret cookie and a token made from it, as a browser gets them from a form page. */
async function csrfFor(cookieHeader = '') {
  const { secret, token } = await csrfOf(t.app, cookieHeader);
  return { cookie: `_csrf=${secret}`, token };
}

async function signIn(email: string, cookieHeader = '') {
  const csrf = await csrfFor(cookieHeader);
  return t.app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: {
      cookie: [csrf.cookie, cookieHeader].filter(Boolean).join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ _csrf: csrf.token, email, password: 'demo-password-1' }).toString(),
  });
}

const account = (session: string) =>
  t.app.inject({ url: '/account', headers: { cookie: `selfdirect_session=${session}` } });

async function userId(email: string) {
  const [row] = await rows<{ id: string }>(t.database.db, sql`select id from users where email = ${email}`);
  return row!.id;
}

describe('sessions', () => {
  it('gives a new session id at sign-in, never the one the browser arrived with (no fixation)', async () => {
    // An attacker plants a well-formed, correctly signed cookie before the victim signs in.
    const planted = t.app.signCookie('attacker-chosen-session-id-000000000000');
    const response = await signIn('worker@demo.selfdirect.test', `selfdirect_session=${planted}`);
    expect(response.statusCode).toBe(303);
    const issued = sessionCookie(response)!;
    expect(issued.value).not.toBe(planted);
    expect((await account(issued.value)).statusCode).toBe(200);
    expect((await account(planted)).statusCode).toBe(303);
    expect(issued.httpOnly).toBe(true);
    expect(issued.sameSite).toBe('Lax');
    expect(issued.secure).toBeFalsy(); // plain-http demo mode; production is Secure (below)
    const [stored] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from sessions where token_hash = ${hashSecret('attacker-chosen-session-id-000000000000')}`,
    );
    expect(stored!.n).toBe(0);
  });

  it('ends the earlier session when someone signs in again on the same browser', async () => {
    const first = sessionCookie(await signIn('worker@demo.selfdirect.test'))!.value;
    const second = await signIn('manager@demo.selfdirect.test', `selfdirect_session=${first}`);
    expect(sessionCookie(second)!.value).not.toBe(first);
    expect((await account(first)).statusCode).toBe(303);
  });

  it('signs out: the session stops working at once', async () => {
    const session = sessionCookie(await signIn('finance@demo.selfdirect.test'))!.value;
    const csrf = await csrfFor();
    const out = await t.app.inject({
      method: 'POST',
      url: '/sign-out',
      headers: {
        cookie: `${csrf.cookie}; selfdirect_session=${session}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `_csrf=${encodeURIComponent(csrf.token)}`,
    });
    expect(out.headers.location).toBe('/signed-out');
    expect((await account(session)).statusCode).toBe(303);
  });

  it('ends a session after 30 idle minutes', async () => {
    const session = sessionCookie(await signIn('analyst@demo.selfdirect.test'))!.value;
    expect((await account(session)).statusCode).toBe(200);
    const token = t.app.unsignCookie(session).value!;
    await t.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '31 minutes' where token_hash = ${hashSecret(token)}`,
    );
    const after = await account(session);
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/sign-in?next=%2Faccount');
  });

  it('ends a session 12 hours after sign-in even when it is used all the time', async () => {
    const start = new Date('2026-03-02T08:00:00Z');
    const token = await createSession(t.database.db, await userId('admin@demo.selfdirect.test'), start);
    const step = 20 * 60_000;
    expect(step).toBeLessThan(SESSION_IDLE_MS);
    let lastValid = start;
    for (let at = start.getTime() + step; at <= start.getTime() + SESSION_ABSOLUTE_MS + step; at += step) {
      const actor = await actorFromSession(t.database.db, token, new Date(at));
      if (!actor) break;
      lastValid = new Date(at);
    }
    expect(lastValid.getTime() - start.getTime()).toBeLessThan(SESSION_ABSOLUTE_MS);
    expect(lastValid.getTime() - start.getTime()).toBeGreaterThanOrEqual(SESSION_ABSOLUTE_MS - step);
    // Through the app too: a session past its absolute expiry is refused however recently used.
    const live = sessionCookie(await signIn('admin@demo.selfdirect.test'))!.value;
    await t.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second', last_seen_at = now()
          where token_hash = ${hashSecret(t.app.unsignCookie(live).value!)}`,
    );
    expect((await account(live)).statusCode).toBe(303);
  });
});

describe('CSRF protection on every form', () => {
  it('refuses a page POST without a token, with a token from another browser, and accepts a good one', async () => {
    const session = sessionCookie(await signIn('worker@demo.selfdirect.test'))!.value;
    const post = (cookie: string, body: string) =>
      t.app.inject({
        method: 'POST',
        url: '/account/password',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
    const mine = await csrfFor();
    const theirs = await csrfFor();

    const none = await post(`${mine.cookie}; selfdirect_session=${session}`, 'currentPassword=x');
    expect(none.statusCode).toBe(403);
    expect(none.body).toContain('This form has expired');

    const foreign = await post(
      `${mine.cookie}; selfdirect_session=${session}`,
      `_csrf=${encodeURIComponent(theirs.token)}&currentPassword=x`,
    );
    expect(foreign.statusCode).toBe(403);

    const noSecret = await post(
      `selfdirect_session=${session}`,
      `_csrf=${encodeURIComponent(mine.token)}&currentPassword=x`,
    );
    expect(noSecret.statusCode).toBe(403);

    const good = await post(
      `${mine.cookie}; selfdirect_session=${session}`,
      `_csrf=${encodeURIComponent(mine.token)}&currentPassword=wrong`,
    );
    expect(good.statusCode).toBe(400);
    expect(good.body).toContain('Your current password is not correct');
  });

  it('refuses the sign-in form itself without a token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=worker%40demo.selfdirect.test&password=demo-password-1',
    });
    expect(response.statusCode).toBe(403);
    expect(sessionCookie(response)).toBeUndefined();
  });
});

describe('API tokens', () => {
  it('stores only a hash of the token', async () => {
    const token = await apiToken(t.app, 'manager');
    const [row] = await rows<{ token_hash: string }>(
      t.database.db,
      sql`select token_hash from api_tokens where token_hash = ${hashSecret(token)}`,
    );
    expect(row!.token_hash).not.toContain(token);
    const [plain] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from api_tokens where token_hash = ${token}`,
    );
    expect(plain!.n).toBe(0);
  });

  it('stops working once revoked', async () => {
    const token = await apiToken(t.app, 'manager');
    expect((await t.app.inject({ url: '/api/v1/audit/verify', headers: bearer(token) })).statusCode).toBe(
      200,
    );
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/auth/token',
      headers: bearer(token),
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/audit/verify', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(problem(after).type).toContain('unauthenticated');
    const again = await t.app.inject({ method: 'DELETE', url: '/api/v1/auth/token', headers: bearer(token) });
    expect(again.statusCode).toBe(401);
  });

  it('stops working once expired, and carries its expiry', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: 'manager@demo.selfdirect.test', password: 'demo-password-1' },
    });
    const { token, expiresAt } = response.json() as { token: string; expiresAt: string };
    const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    expect((await t.app.inject({ url: '/api/v1/audit/verify', headers: bearer(token) })).statusCode).toBe(
      200,
    );
    await t.database.db.execute(
      sql`update api_tokens set expires_at = now() - interval '1 second' where token_hash = ${hashSecret(token)}`,
    );
    expect((await t.app.inject({ url: '/api/v1/audit/verify', headers: bearer(token) })).statusCode).toBe(
      401,
    );
  });

  it('does not accept a session cookie on the API, nor a token on pages', async () => {
    const session = sessionCookie(await signIn('manager@demo.selfdirect.test'))!.value;
    const api = await t.app.inject({
      url: '/api/v1/audit/verify',
      headers: { cookie: `selfdirect_session=${session}` },
    });
    expect(api.statusCode).toBe(401);
    const token = await apiToken(t.app, 'manager');
    const page = await t.app.inject({ url: '/audit', headers: bearer(token) });
    expect(page.statusCode).toBe(303);
  });
});

describe('transport security', () => {
  const production = {
    DATA_KEYS: TEST_DATA_KEYS,
    NODE_ENV: 'production',
    SESSION_SECRET: 'a-production-secret-of-at-least-32-characters',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/tmp/selfdirect-test-unused',
  };

  /** Signs in on the given app through the page; returns the sign-in answer and a later page. */
  async function signInOn(app: App) {
    const page = await app.inject('/sign-in');
    const secret = page.cookies.find((c) => c.name === '_csrf')!;
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const answer = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: `_csrf=${secret.value}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: token,
        email: 'worker@demo.selfdirect.test',
        password: 'demo-password-1',
      }).toString(),
    });
    return { page, csrfCookie: secret, answer };
  }

  it('in production, without TRUST_PROXY, marks cookies Secure and sends HSTS', async () => {
    const app = await buildApp({ database: t.database, config: loadConfig(production) });
    try {
      const { page, csrfCookie, answer } = await signInOn(app);
      expect(answer.statusCode).toBe(303);
      expect(sessionCookie(answer)!.secure).toBe(true);
      expect(String(answer.headers['set-cookie'])).toMatch(/selfdirect_session=[^;]+;.*Secure/);
      expect(csrfCookie.secure).toBe(true);
      expect(page.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(answer.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    } finally {
      await app.close();
    }
  });

  it('in production with ALLOW_INSECURE_HTTP=true (plain-http local use), neither', async () => {
    const config = loadConfig({ ...production, ALLOW_INSECURE_HTTP: 'true' });
    const app = await buildApp({ database: t.database, config });
    try {
      const { page, csrfCookie, answer } = await signInOn(app);
      expect(answer.statusCode).toBe(303);
      expect(sessionCookie(answer)!.secure).toBeFalsy();
      expect(csrfCookie.secure).toBeFalsy();
      expect(page.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
