import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { seedDemo } from '../../src/cli/seed-demo.ts';
import { loadConfig } from '../../src/config.ts';
import { MAX_FAILED_SIGN_INS, SIGN_IN_REFUSED } from '../../src/features/accounts/service.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { problem, type TestApp, testApp } from '../support/app.ts';
import { testDatabase } from '../support/db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const tokenRequest = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password } });

describe('lockout after repeated failed sign-ins', () => {
  it('locks the account after 5 failures, with the same words as a wrong password or an unknown account', async () => {
    const email = 'finance@demo.selfdirect.test';
    const messages = new Set<string>();
    for (let attempt = 1; attempt <= MAX_FAILED_SIGN_INS; attempt++) {
      const wrong = await tokenRequest(email, `wrong-password-${attempt}`);
      expect(wrong.statusCode).toBe(400);
      messages.add(problem(wrong).errors![0]!.message);
    }
    const [user] = await rows<{ locked: boolean }>(
      t.database.db,
      sql`select locked_until > now() as locked from users where email = ${email}`,
    );
    expect(user!.locked).toBe(true);

    // Now even the right password is refused, and the answer looks exactly the same.
    const locked = await tokenRequest(email, 'demo-password-1');
    expect(locked.statusCode).toBe(400);
    messages.add(problem(locked).errors![0]!.message);
    const unknown = await tokenRequest('nobody-at-all@demo.selfdirect.test', 'demo-password-1');
    expect(unknown.statusCode).toBe(400);
    messages.add(problem(unknown).errors![0]!.message);
    expect([...messages]).toEqual([SIGN_IN_REFUSED]);
    expect(locked.body.replace(/"instance":"[^"]*"/, '')).toBe(
      unknown.body.replace(/"instance":"[^"]*"/, ''),
    );

    // The page says the same.
    const page = await t.app.inject('/sign-in');
    const secret = page.cookies.find((c) => c.name === '_csrf')!.value;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const form = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: `_csrf=${secret}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, email, password: 'demo-password-1' }).toString(),
    });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain(SIGN_IN_REFUSED.replace("'", '&#39;'));
    expect(form.cookies.find((c) => c.name === 'selfdirect_session')).toBeUndefined();

    // When the lock has run out, the right password works again.
    await t.database.db.execute(
      sql`update users set locked_until = now() - interval '1 second' where email = ${email}`,
    );
    expect((await tokenRequest(email, 'demo-password-1')).statusCode).toBe(201);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const email = 'analyst@demo.selfdirect.test';
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++)
      await tokenRequest(email, 'nope-nope-nope');
    expect((await tokenRequest(email, 'demo-password-1')).statusCode).toBe(201);
    await tokenRequest(email, 'nope-nope-nope');
    expect((await tokenRequest(email, 'demo-password-1')).statusCode).toBe(201);
  });
});

describe('rate limit', () => {
  it('answers 429 after 20 sign-in attempts a minute from one address, as a page and on the API', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'email=x%40example.org&password=y',
      });
      statuses.push(response.statusCode);
    }
    // Earlier tests in this file used a few of this minute's attempts; never more than 20 get through.
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited).toBeGreaterThan(15);
    expect(firstLimited).toBeLessThanOrEqual(20);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
    const api = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      api.push((await tokenRequest('x@example.org', 'y')).statusCode);
    }
    // The lockout tests above used most of this minute's API attempts.
    expect(api.filter((s) => s !== 429).length).toBeLessThan(20);
    expect(api.at(-1)).toBe(429);
    const limited = await tokenRequest('x@example.org', 'y');
    expect(problem(limited).title).toBe('Too many requests');
  });
});

describe('demo accounts', () => {
  it('are never created in production mode, and the sign-in page lists none', async () => {
    const database = await testDatabase();
    try {
      const production = loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 'a-production-secret-of-at-least-32-characters',
        LOG_LEVEL: 'silent',
        DATA_DIR: '/tmp/selfdirect-test-unused',
      });
      expect(production.mode).toBe('production');
      await expect(seedDemo(database.db, production)).rejects.toThrow(/never created in production/);
      const [count] = await rows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from users where email like '%@demo.selfdirect.test'`,
      );
      expect(count!.n).toBe(0);
      const app = await buildApp({ database, config: production });
      const page = await app.inject('/sign-in');
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Demo accounts');
      expect(page.body).not.toContain('demo.selfdirect.test');
      await app.close();
    } finally {
      await database.close();
    }
  });

  it('exist in demo mode, one per role, and are listed on the sign-in page', async () => {
    const page = await t.app.inject('/sign-in');
    for (const role of [
      'person',
      'representative',
      'worker',
      'manager',
      'finance',
      'support',
      'provider',
      'analyst',
      'admin',
    ]) {
      expect(page.body).toContain(`${role}@demo.selfdirect.test`);
    }
  });
});
