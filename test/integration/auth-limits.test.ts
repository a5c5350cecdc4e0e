import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { seedDemo } from '../../src/cli/seed-demo.ts';
import { loadConfig } from '../../src/config.ts';
import { MAX_WAIT_SECONDS } from '../../src/features/accounts/rules.ts';
import { SIGN_IN_REFUSED } from '../../src/features/accounts/service.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { problem, TEST_DATA_KEYS, type TestApp, testApp } from '../support/app.ts';
import { testDatabase } from '../support/db.ts';
import { formPost } from '../support/forms.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** The proxy settings a given environment gives (the rest of the test config kept). */
const loadConfigOf = (env: Record<string, string>) => {
  const { proxyHops, secureTransport } = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/tmp/selfdirect-test-unused',
    ...env,
  });
  return { proxyHops, secureTransport };
};

const tokenRequest = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password }, remoteAddress });

/** A sign-in form post through the page, with a CSRF token as a browser has. */
const formSignIn = (app: App, email: string, password: string) =>
  formPost(app, '/sign-in', '', { email, password });

const without = (body: string) => body.replace(/"instance":"[^"]*"/, '');
/** The wait a refusal asks for: said in words, and in Retry-After for programs. */
const waitOf = (response: LightMyRequestResponse) => {
  const message = problem(response).errors?.[0]?.message ?? '';
  if (!/Try again in \d+ (seconds?|minutes)\./.test(message)) throw new Error(`no wait in: ${message}`);
  return Number(response.headers['retry-after']);
};
/** Each guess from a new address, so only the account's slowdown can be what stops them. */
let address = 0;
const nextAddress = () => `192.0.2.${(address++ % 250) + 1}`;

describe('slowing down repeated wrong passwords (never a lockout)', () => {
  afterEach(() => vi.useRealTimers());

  it('makes the next attempt wait after five wrong ones, in the same words for a known and an unknown account', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const known = 'finance@demo.selfdirect.test';
    const unknown = 'nobody-at-all@demo.selfdirect.test';
    const answers: Record<string, string[]> = { [known]: [], [unknown]: [] };
    for (const email of [known, unknown]) {
      for (let attempt = 1; attempt <= 5; attempt++) {
        const wrong = await tokenRequest(email, `wrong-password-${attempt}`, nextAddress());
        expect(wrong.statusCode).toBe(400);
        expect(problem(wrong).errors![0]!.message).toBe(SIGN_IN_REFUSED);
        answers[email]!.push(without(wrong.body));
      }
      // The next attempt, even with the right password, must wait: said plainly, with Retry-After.
      const waiting = await tokenRequest(email, 'demo-password-1', nextAddress());
      expect(waiting.statusCode).toBe(429);
      expect(waitOf(waiting)).toBe(5);
      expect(problem(waiting).errors![0]!.message).toMatch(/Try again in 5 seconds\.$/);
      answers[email]!.push(without(waiting.body));
    }
    expect(answers[known]).toEqual(answers[unknown]);

    // The page says the same, keeps the e-mail address and starts no session.
    const page = await formSignIn(t.app, known, 'demo-password-1');
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('Try again in 5 seconds');
    expect(page.body).toContain(`value="${known}"`);
    expect(page.cookies.find((c) => c.name === 'selfdirect_session')).toBeUndefined();

    // After the wait, the right password signs in.
    vi.setSystemTime(Date.now() + 5_000);
    expect((await tokenRequest(known, 'demo-password-1', nextAddress())).statusCode).toBe(201);
  });

  it('the right password after the wait signs in, even after many wrong tries by someone else', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const email = 'manager@demo.selfdirect.test';
    const waits: number[] = [];
    // Someone else guesses 30 times, each time as soon as they are let.
    for (let attempt = 1; attempt <= 30; attempt++) {
      const guess = await tokenRequest(email, `guess-${attempt}`, nextAddress());
      if (guess.statusCode === 429) {
        const wait = waitOf(guess);
        waits.push(wait);
        vi.setSystemTime(Date.now() + wait * 1000);
        expect((await tokenRequest(email, `guess-${attempt}`, nextAddress())).statusCode).toBe(400);
      } else expect(guess.statusCode).toBe(400);
    }
    // The waits grow, but never past a few minutes: nobody is locked out.
    expect(waits.length).toBeGreaterThan(10);
    expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_WAIT_SECONDS);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    // The manager comes along: told to wait, waits, and is let in with the right password.
    const told = await tokenRequest(email, 'demo-password-1', nextAddress());
    expect(told.statusCode).toBe(429);
    vi.setSystemTime(Date.now() + waitOf(told) * 1000);
    expect((await tokenRequest(email, 'demo-password-1', nextAddress())).statusCode).toBe(201);
    // And the slate is clean: the next slip does not wait.
    expect((await tokenRequest(email, 'one-slip', nextAddress())).statusCode).toBe(400);
    expect((await tokenRequest(email, 'demo-password-1', nextAddress())).statusCode).toBe(201);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const email = 'analyst@demo.selfdirect.test';
    for (let attempt = 1; attempt < 5; attempt++) await tokenRequest(email, 'nope-nope-nope', nextAddress());
    expect((await tokenRequest(email, 'demo-password-1', nextAddress())).statusCode).toBe(201);
    await tokenRequest(email, 'nope-nope-nope', nextAddress());
    expect((await tokenRequest(email, 'demo-password-1', nextAddress())).statusCode).toBe(201);
  });
});

describe('behind a proxy (TRUST_PROXY=true)', () => {
  let proxied: App;
  beforeAll(async () => {
    proxied = await buildApp({
      database: t.database,
      config: { ...t.config, ...loadConfigOf({ TRUST_PROXY: 'true' }) },
    });
  });
  afterAll(() => proxied.close());

  const fromAddress = (forwardedFor: string, email: string, password = 'wrong-password') =>
    proxied.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email, password },
    });

  it('rotating X-Forwarded-For does not reset the account’s slowdown', async () => {
    const email = 'support@demo.selfdirect.test';
    for (let attempt = 1; attempt <= 5; attempt++)
      expect((await fromAddress(`198.51.100.${attempt}`, email)).statusCode).toBe(400);
    const sixth = await fromAddress('198.51.100.77', email, 'demo-password-1');
    expect(sixth.statusCode).toBe(429);
    expect(waitOf(sixth)).toBe(5);
  });

  it('an address the client wrote into X-Forwarded-For does not escape the address limit', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      // The client forges the first entry; our proxy appends the address it really saw.
      const response = await fromAddress(`10.9.${attempt}.1, 203.0.113.9`, `someone-${attempt}@example.org`);
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Another real address has its own allowance.
    expect((await fromAddress('10.9.99.1, 203.0.113.10', 'someone-else@example.org')).statusCode).toBe(400);
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
    // A different e-mail address each time, so only the address limit applies.
    const api = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      api.push((await tokenRequest(`x${attempt}@example.org`, 'y')).statusCode);
    }
    expect(api.slice(0, 20).every((s) => s === 400)).toBe(true);
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
        DATA_KEYS: TEST_DATA_KEYS,
        LOG_LEVEL: 'silent',
        DATA_DIR: '/tmp/selfdirect-test-unused',
      });
      expect(production.mode).toBe('production');
      await expect(seedDemo(database.db, production)).rejects.toThrow(/never created in production/);
      const [count] = await rows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from users
            where email like '%@demo.selfdirect.test' or email = 'operator@selfdirect.test'`,
      );
      expect(count!.n).toBe(0);
      const app = await buildApp({ database, config: production });
      const page = await app.inject('/sign-in');
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Demo accounts');
      expect(page.body).not.toContain('demo.selfdirect.test');
      expect(page.body).not.toContain('operator@selfdirect.test');
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
    // The platform operator belongs to no council, so not to the demo council's domain either.
    expect(page.body).toContain('operator@selfdirect.test');
  });
});
