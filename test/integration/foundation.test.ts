import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, rows } from '../../src/platform/db/transaction.ts';
import { apiToken, bearer, problem, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('health, readiness and the API description', () => {
  it('answers liveness and readiness', async () => {
    expect((await t.app.inject('/health')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/ready')).json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('serves an OpenAPI 3.1 document generated from the Zod schemas, and a readable reference', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(
      document.paths['/api/v1/auth/token'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['email', 'password']);
    expect(Object.keys(document.paths).every((path: string) => path.startsWith('/api/v1/'))).toBe(true);
    const docs = await t.app.inject('/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('POST /api/v1/auth/token');
  });

  it('sends security headers with a strict content security policy', async () => {
    const response = await t.app.inject('/c/demo');
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-request-id']).toBeTruthy();
    expect(response.body).not.toContain('GOV.UK');
  });

  it('answers unknown pages with a styled 404 and unknown API paths with problem+json', async () => {
    const page = await t.app.inject('/no-such-page');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page not found');
    const api = await t.app.inject('/api/v1/no-such-thing');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});

describe('bad input on the API', () => {
  it('rejects malformed JSON, wrong types, unknown fields and oversize bodies with problem+json', async () => {
    const post = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload,
        headers: { 'content-type': 'application/json' },
      });
    const malformed = await post('{"email": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(problem(malformed).title).toBe('Malformed JSON');

    const wrongType = await post(JSON.stringify({ email: 12, password: 'x' }));
    expect(wrongType.statusCode).toBe(400);
    expect(problem(wrongType).errors?.[0]?.field).toBe('email');

    const unknown = await post(JSON.stringify({ email: 'a@b.c', password: 'x', admin: true }));
    expect(unknown.statusCode).toBe(400);
    expect(problem(unknown).errors?.map((e) => e.field)).toContain('admin');

    const huge = await post(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.statusCode).toBe(413);
  });

  it('refuses API calls without a token as 401 problem+json', async () => {
    const response = await t.app.inject('/api/v1/audit/verify');
    expect(response.statusCode).toBe(401);
    expect(problem(response).type).toContain('unauthenticated');
  });
});

describe('tenancy enforced by the database', () => {
  it('shows nothing to the application role without a council setting (row-level security)', async () => {
    const db = t.database.db;
    const [owner] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from people where authority_id = ${t.authorityId}`,
    );
    expect(owner!.n).toBeGreaterThan(0);
    const withoutSetting = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'selfdirect_app', true)`);
      return rows<{ n: number }>(tx, sql`select count(*)::int as n from people`);
    });
    expect(withoutSetting[0]!.n).toBe(0);
    const inCouncil = await inTenant(db, t.authorityId, (tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from people`),
    );
    expect(inCouncil[0]!.n).toBe(owner!.n);
  });

  it('makes cross-council references impossible through composite foreign keys', async () => {
    const db = t.database.db;
    const [other] = await rows<{ id: string }>(
      db,
      sql`insert into authorities (code, name, nation) values ('other', 'Other Council', 'england') returning id`,
    );
    const [worker] = await rows<{ id: string }>(
      db,
      sql`select id from users where email = 'worker@demo.selfdirect.test'`,
    );
    await expect(
      db.execute(
        sql`insert into people (authority_id, legal_name, date_of_birth, client_group, allocated_worker_id)
            values (${other!.id}, 'X', '1990-01-01', 'other', ${worker!.id})`,
      ),
    ).rejects.toThrow();
    await expect(
      inTenant(db, other!.id, (tx) =>
        tx.execute(sql`insert into people (authority_id, legal_name, date_of_birth, client_group)
                       values (${t.authorityId}, 'Y', '1990-01-01', 'other')`),
      ),
    ).rejects.toThrow();
  });

  it('keeps the audit log append-only, even for the database owner', async () => {
    const [person] = await rows<{ id: string }>(
      t.database.db,
      sql`select person_id as id from person_relationships where kind = 'self'`,
    );
    const token = await apiToken(t.app, 'person');
    const looked = await t.app.inject({ url: `/api/v1/people/${person!.id}/audit`, headers: bearer(token) });
    expect(looked.statusCode).toBe(200);
    const [count] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events`,
    );
    expect(count!.n).toBeGreaterThan(0);
    await expect(t.database.db.execute(sql`update audit_events set action = 'changed'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });
});
