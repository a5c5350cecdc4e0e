import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createSession } from '../../src/platform/auth/credentials.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { buildApp } from '../../src/app.ts';
import { bearer, problem, type TestApp, testApp, testConfig } from '../support/app.ts';
import { testDatabase } from '../support/db.ts';

/**
 * Issue 12 item 15: every page names the council it speaks for — the signed-in account's
 * own, or the one a public address names — never the first council in the table.
 */
let t: TestApp;
const DEMO = 'Demo Council';
const OTHER = 'Burnside Council';
const suffix = randomUUID().slice(0, 8);
const otherCode = `burnside-${suffix}`;
let other: { id: string; personId: string; cookies: Map<Role, string>; tokens: Map<Role, string> };

const STAFF: Role[] = ['worker', 'manager', 'finance', 'analyst', 'admin'];

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await rows<T>(t.database.db, query);
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** A second council with its own team, staff of every role and one person held by its worker. */
async function addSecondCouncil() {
  const council = await one<{ id: string }>(
    sql`insert into authorities (code, name, nation) values (${otherCode}, ${OTHER}, 'scotland') returning id`,
  );
  const team = await one<{ id: string }>(
    sql`insert into teams (authority_id, name) values (${council.id}, 'Burnside adults') returning id`,
  );
  const cookies = new Map<Role, string>();
  const tokens = new Map<Role, string>();
  const ids = new Map<Role, string>();
  for (const role of STAFF) {
    const user = await one<{ id: string }>(
      sql`insert into users (authority_id, email, display_name, role, team_id)
          values (${council.id}, ${`${role}-${suffix}@burnside.example`}, ${`Burnside ${role}`}, ${role},
                  ${role === 'worker' || role === 'manager' ? team.id : null})
          returning id`,
    );
    ids.set(role, user.id);
    cookies.set(role, t.app.signCookie(await createSession(t.database.db, user.id)));
    tokens.set(role, (await createApiToken(t.database.db, user.id)).token);
  }
  const person = await one<{ id: string }>(
    sql`insert into people (authority_id, legal_name, date_of_birth, client_group, allocated_team_id, allocated_worker_id)
        values (${council.id}, 'Bea Burnside', '1980-02-02',
                (select client_group from people where authority_id = ${t.authorityId} limit 1),
                ${team.id}, ${ids.get('worker')!})
        returning id`,
  );
  other = { id: council.id, personId: person.id, cookies, tokens };
}

beforeAll(async () => {
  t = await testApp();
}, 120_000);
afterAll(() => t.close());

describe('a single-council install', () => {
  // The demo seeds two councils, so this install is made by hand: migrated, one council.
  it('sends the older public addresses to the council’s own', async () => {
    const database = await testDatabase();
    await database.db.execute(
      sql`insert into authorities (code, name, nation) values ('demo', ${DEMO}, 'scotland')`,
    );
    const app = await buildApp({ database, config: { ...testConfig(), mode: 'demo' } });
    const single = { app };
    try {
      for (const [from, to] of [
        ['/', '/c/demo'],
        ['/privacy', '/c/demo/privacy'],
        ['/accessibility', '/c/demo/accessibility'],
        ['/how-budgets-work', '/c/demo/how-budgets-work'],
      ] as const) {
        const response = await single.app.inject(from);
        expect(response.statusCode, from).toBe(303);
        expect(response.headers.location, from).toBe(to);
      }
      const page = await single.app.inject('/c/demo/privacy');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`${DEMO} is responsible for your information in this service`);
      const policies = await single.app.inject('/api/v1/policies/budget');
      expect(policies.statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('two councils', () => {
  beforeAll(addSecondCouncil, 60_000);

  it('names the council a public address names', async () => {
    for (const path of ['', '/privacy', '/accessibility', '/how-budgets-work']) {
      const burnside = await t.app.inject(`/c/${otherCode}${path}`);
      expect(burnside.statusCode, path).toBe(200);
      expect(burnside.body, path).toContain(OTHER);
      expect(burnside.body, path).not.toContain(DEMO);
      const demo = await t.app.inject(`/c/demo${path}`);
      expect(demo.statusCode, path).toBe(200);
      expect(demo.body, path).toContain(DEMO);
      expect(demo.body, path).not.toContain(OTHER);
    }
    expect((await t.app.inject(`/c/${otherCode}/privacy`)).body).toContain(
      `${OTHER} is responsible for your information in this service`,
    );
    expect((await t.app.inject('/c/no-such-council/privacy')).statusCode).toBe(404);
  });

  it('asks which council at an older address, and leads staff to their own', async () => {
    const choose = await t.app.inject('/privacy');
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toContain('Choose your council');
    expect(choose.body).toContain(`href="/c/${otherCode}/privacy"`);
    expect(choose.body).toContain('href="/c/demo/privacy"');
    const staff = await t.app.inject({
      url: '/how-budgets-work',
      headers: { cookie: `selfdirect_session=${other.cookies.get('worker')}` },
    });
    expect(staff.statusCode).toBe(303);
    expect(staff.headers.location).toBe(`/c/${otherCode}/how-budgets-work`);
  });

  it('asks which council the public budget policy API means when there are several', async () => {
    const unnamed = await t.app.inject('/api/v1/policies/budget');
    expect(unnamed.statusCode).toBe(400);
    expect(problem(unnamed).errors?.map((e) => e.field)).toEqual(['council']);
    expect((await t.app.inject('/api/v1/policies/budget?council=demo')).json().current.versionLabel).toBe(
      'Budget policy 2026/27',
    );
    expect((await t.app.inject(`/api/v1/policies/budget?council=${otherCode}`)).json().current).toBeNull();
    expect((await t.app.inject('/api/v1/policies/budget?council=nowhere')).statusCode).toBe(404);
    const ownCouncil = await t.app.inject({
      url: '/api/v1/policies/budget',
      headers: bearer(other.tokens.get('admin')!),
    });
    expect(ownCouncil.statusCode).toBe(200);
    expect(ownCouncil.json().current).toBeNull();
  });

  it('shows staff of the second council their own council’s name on every page they can reach', async () => {
    const pages = t.app.routeTable.filter(
      (r) =>
        r.method === 'GET' &&
        !r.url.startsWith('/api/') &&
        !r.url.startsWith('/c/') &&
        !['/assets/', '/govuk/', '/public/', '/health'].some((prefix) => r.url.startsWith(prefix)) &&
        // In demo mode the sign-in page lists every demo council's accounts under its name.
        r.url !== '/sign-in',
    );
    const wrong: string[] = [];
    let shown = 0;
    for (const role of STAFF) {
      for (const route of pages) {
        const url = route.url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) =>
          name === 'personId' ? other.personId : randomUUID(),
        );
        const response = await t.app.inject({
          url,
          headers: { cookie: `selfdirect_session=${other.cookies.get(role)}` },
        });
        if (!String(response.headers['content-type']).startsWith('text/html')) continue;
        shown++;
        if (!response.body.includes(OTHER) || response.body.includes(DEMO))
          wrong.push(`${role} ${url} → ${response.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(shown).toBeGreaterThan(100);
  }, 300_000);

  it('names the person’s own council in the printed plan and the copy of their record', async () => {
    const plan = await t.app.inject({
      url: `/api/v1/people/${other.personId}/plan/pdf`,
      headers: bearer(other.tokens.get('worker')!),
    });
    const copy = await t.app.inject({
      url: `/people/${other.personId}/export.pdf`,
      headers: { cookie: `selfdirect_session=${other.cookies.get('worker')}` },
    });
    for (const pdf of [plan, copy]) {
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      // PDFKit writes the document's author (the council) as a plain string in its info.
      const text = pdf.rawPayload.toString('latin1');
      expect(text).toContain(`(${OTHER})`);
      expect(text).not.toContain(DEMO);
    }
  });
});
