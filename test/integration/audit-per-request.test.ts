import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../src/features/accounts/demo-users.ts';
import { auditKind, isAuditAction } from '../../src/platform/audit/catalogue.ts';
import { createApiToken, createSession } from '../../src/platform/auth/credentials.ts';
import type { RouteEntry } from '../../src/platform/auth/guard.ts';
import { PERSON_PERMISSIONS } from '../../src/platform/auth/policy.ts';
import { watchQueries } from '../../src/platform/db/client.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { demoPersonId, type TestApp, testApp } from '../support/app.ts';

/**
 * One page view writes one audit row. Every GET in the route table is visited as the first
 * demo role that is allowed it, on the demo person Morag (the richest record), and the audit
 * rows the request wrote are counted: at most one for any request, exactly one for a page of
 * a person's record that answered, about that person, with an action from the catalogue.
 * One page view is also one unit of work: every statement the request sends is heard
 * (`watchQueries`), and a page that answered ran at most one transaction, with its audit
 * row inside it (a page that failed rolls its work back and may write its row in a second).
 */
let t: TestApp;
let morag: string;
const ROLES = ['worker', 'manager', 'person', 'finance', 'admin', 'analyst', 'representative', 'support'];
const credentials = new Map<string, { cookie: string; token: string }>();
/** Real ids for the other path parameters, so pages show something rather than "not found". */
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  morag = await demoPersonId(t);
  for (const role of ROLES) {
    const [user] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = ${demoEmail(role as never)}`,
    );
    if (!user) throw new Error(`no demo ${role}`);
    credentials.set(role, {
      cookie: t.app.signCookie(await createSession(t.database.db, user.id)),
      token: (await createApiToken(t.database.db, user.id)).token,
    });
  }
  const first = async (query: ReturnType<typeof sql>) =>
    (await rows<{ id: string }>(t.database.db, query))[0]?.id ?? randomUUID();
  ids.outcomeId = await first(sql`select id from personal_outcomes where person_id = ${morag} limit 1`);
  ids.conversationId = await first(sql`select id from conversations where person_id = ${morag} limit 1`);
  ids.representativeId = await first(sql`select id from representatives where person_id = ${morag} limit 1`);
  ids.runId = await first(sql`select id from payment_runs limit 1`);
  ids.reviewId = await first(sql`select id from surplus_reviews where person_id = ${morag} limit 1`);
}, 120_000);
afterAll(() => t?.close());

function urlFor(route: RouteEntry): string {
  return route.url
    .replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) =>
      name === 'personId' ? morag : (ids[name] ?? (name === 'index' ? '0' : randomUUID())),
    )
    .replace(/\*$/, 'no-such-file.txt');
}

function refused(response: LightMyRequestResponse): boolean {
  if (response.statusCode === 401 || response.statusCode === 403) return true;
  const location = String(response.headers.location ?? '');
  return (
    response.statusCode === 303 &&
    (location.startsWith('/sign-in') || /^\/people\/[^/]+\/break-glass/.test(location))
  );
}

/** The request's transactions, as the statements sent in each, in order. */
function transactionsOf(statements: string[]): string[][] {
  const found: string[][] = [];
  let open: string[] | null = null;
  for (const statement of statements) {
    if (/^begin\b/i.test(statement)) {
      open = [];
      found.push(open);
    } else if (/^(commit|rollback)\b/i.test(statement)) open = null;
    else open?.push(statement);
  }
  return found;
}
const isAuditInsert = (statement: string) => /^insert into "audit_events"/i.test(statement);

async function lastSeq(): Promise<number> {
  const [row] = await rows<{ seq: number }>(
    t.database.db,
    sql`select coalesce(max(seq), 0)::int as seq from audit_events`,
  );
  return row!.seq;
}

/** A page of a person's record: a person-scoped permission (not, say, the break-glass question). */
const personPage = (route: RouteEntry) =>
  typeof route.access === 'object' && route.access.permission in PERSON_PERMISSIONS;

describe('one request, one audit row', () => {
  it('writes at most one audit row for every GET, exactly one for a page of a person’s record, in the page’s one transaction', async () => {
    const gets = t.app.routeTable.filter(
      (r) => r.method === 'GET' && r.access !== 'public' && r.access !== undefined,
    );
    const tooMany: string[] = [];
    const missing: string[] = [];
    const unknownActions: string[] = [];
    const changes: string[] = [];
    const notOneUnit: string[] = [];
    const failed: string[] = [];
    let visited = 0;
    for (const route of gets) {
      for (const role of ROLES) {
        const before = await lastSeq();
        const { cookie, token } = credentials.get(role)!;
        const statements: string[] = [];
        const stop = watchQueries((statement) => statements.push(statement));
        const response = await t.app
          .inject({
            method: 'GET',
            url: urlFor(route),
            headers: route.url.startsWith('/api/')
              ? { authorization: `Bearer ${token}` }
              : { cookie: `selfdirect_session=${cookie}` },
          })
          .finally(stop);
        const written = await rows<{ action: string; person_id: string | null; outcome: string }>(
          t.database.db,
          sql`select action, person_id, outcome from audit_events where seq > ${before} order by seq`,
        );
        if (refused(response)) continue;
        visited++;
        const label = `GET ${route.url} as ${role} → ${response.statusCode}: ${written.map((w) => w.action).join(', ')}`;
        if (written.length > 1) tooMany.push(label);
        if (response.statusCode >= 500) failed.push(label);
        const transactions = transactionsOf(statements);
        const auditInserts = statements.filter(isAuditInsert).length;
        // A page that reads nothing needs no transaction; one that reads has exactly one, with its row.
        const inOne =
          transactions.length === 0
            ? auditInserts === 0
            : transactions.length === 1 && transactions[0]!.filter(isAuditInsert).length === auditInserts;
        if (response.statusCode < 400 ? !inOne : transactions.length > 2)
          notOneUnit.push(`${label} (${transactions.length} transactions)`);
        if (personPage(route) && response.statusCode < 300) {
          const aboutMorag = written.filter((w) => w.person_id === morag);
          if (aboutMorag.length !== 1) missing.push(label);
        }
        for (const w of written) {
          if (!isAuditAction(w.action)) unknownActions.push(label);
          if (auditKind(w.action, w.outcome) === 'change') changes.push(label);
        }
      }
    }
    expect(visited).toBeGreaterThan(100);
    expect({ tooMany, missing, unknownActions, changes, notOneUnit, failed }).toEqual({
      tooMany: [],
      missing: [],
      unknownActions: [],
      changes: [],
      notOneUnit: [],
      failed: [],
    });
  }, 600_000);

  it('shows no page whose audit row could not be written, and writes nothing it read', async () => {
    // The audit log refuses rows inside the database, as a full disk or a broken chain would.
    await t.database.db.execute(sql`
      create function refuse_audit() returns trigger language plpgsql as $$
        begin raise exception 'the audit log is refusing rows' using errcode = 'XX001'; end $$`);
    await t.database.db.execute(
      sql`create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()`,
    );
    try {
      const { cookie, token } = credentials.get('worker')!;
      const before = await lastSeq();
      const page = await t.app.inject({
        url: `/people/${morag}`,
        headers: { cookie: `selfdirect_session=${cookie}` },
      });
      const api = await t.app.inject({
        url: `/api/v1/people/${morag}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect([page.statusCode, api.statusCode]).toEqual([500, 500]);
      for (const body of [page.body, api.body]) expect(body).not.toMatch(/Morag|Campbell/);
      expect(await lastSeq()).toBe(before);
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_audit on audit_events`);
      await t.database.db.execute(sql`drop function refuse_audit()`);
    }
    const { cookie } = credentials.get('worker')!;
    const again = await t.app.inject({
      url: `/people/${morag}`,
      headers: { cookie: `selfdirect_session=${cookie}` },
    });
    expect(again.statusCode).toBe(200);
    expect(again.body).toMatch(/Morag/);
  });
});
