import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../src/features/accounts/demo-users.ts';
import { auditKind, isAuditAction } from '../../src/platform/audit/catalogue.ts';
import { createApiToken, createSession } from '../../src/platform/auth/credentials.ts';
import type { RouteEntry } from '../../src/platform/auth/guard.ts';
import { PERSON_PERMISSIONS } from '../../src/platform/auth/policy.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { demoPersonId, type TestApp, testApp } from '../support/app.ts';

/**
 * One page view writes one audit row. Every GET in the route table is visited as the first
 * demo role that is allowed it, on the demo person Morag (the richest record), and the audit
 * rows the request wrote are counted: at most one for any request, exactly one for a page of
 * a person's record that answered, about that person, with an action from the catalogue.
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
  it('writes at most one audit row for every GET, and exactly one for a page of a person’s record', async () => {
    const gets = t.app.routeTable.filter(
      (r) => r.method === 'GET' && r.access !== 'public' && r.access !== undefined,
    );
    const tooMany: string[] = [];
    const missing: string[] = [];
    const unknownActions: string[] = [];
    const changes: string[] = [];
    let visited = 0;
    for (const route of gets) {
      for (const role of ROLES) {
        const before = await lastSeq();
        const { cookie, token } = credentials.get(role)!;
        const response = await t.app.inject({
          method: 'GET',
          url: urlFor(route),
          headers: route.url.startsWith('/api/')
            ? { authorization: `Bearer ${token}` }
            : { cookie: `selfdirect_session=${cookie}` },
        });
        const written = await rows<{ action: string; person_id: string | null; outcome: string }>(
          t.database.db,
          sql`select action, person_id, outcome from audit_events where seq > ${before} order by seq`,
        );
        if (refused(response)) continue;
        visited++;
        const label = `GET ${route.url} as ${role} → ${response.statusCode}: ${written.map((w) => w.action).join(', ')}`;
        if (written.length > 1) tooMany.push(label);
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
    expect({ tooMany, missing, unknownActions, changes }).toEqual({
      tooMany: [],
      missing: [],
      unknownActions: [],
      changes: [],
    });
  }, 600_000);
});
