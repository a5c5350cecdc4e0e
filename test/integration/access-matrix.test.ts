import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/platform/auth/guard.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import {
  type AccessWorld,
  credentialsEnded,
  EXPECTED_FOR_COUNCIL,
  EXPECTED_FOR_PERSON,
  type Fixture,
  renewCredentials,
  routeWalkSetUp,
} from '../support/access-fixtures.ts';
import type { TestApp } from '../support/app.ts';

/**
 * Every route the app has (from the guard's route table, so a new page is covered the day it
 * lands) × every role and relationship, against an expectation table written independently
 * of the policy. One app, one database, credentials made once.
 */
let t: TestApp;
let world: AccessWorld;
let csrf: { cookie: string; token: string };

beforeAll(async () => {
  ({ t, world, csrf } = await routeWalkSetUp());
}, 120_000);
afterAll(() => t.close());

const isApi = (route: RouteEntry) => route.url.startsWith('/api/');
const personScoped = (route: RouteEntry) =>
  typeof route.access === 'object' && route.access.permission in EXPECTED_FOR_PERSON;

function concreteUrl(route: RouteEntry): string {
  const personParam =
    typeof route.access === 'object' && 'personParam' in route.access && route.access.personParam
      ? route.access.personParam
      : 'personId';
  return route.url
    .replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) =>
      name === personParam ? world.personId : randomUUID(),
    )
    .replace(/\*$/, 'no-such-file.txt');
}

function send(route: RouteEntry, fixture: Fixture): Promise<LightMyRequestResponse> {
  const url = concreteUrl(route);
  const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const hasBody = method !== 'GET';
  if (isApi(route)) {
    return t.app.inject({
      method,
      url,
      headers: fixture.token ? { authorization: `Bearer ${fixture.token}` } : {},
      ...(hasBody ? { payload: {} } : {}),
    });
  }
  const cookies = [`_csrf=${csrf.cookie}`];
  if (fixture.cookie) cookies.push(`selfdirect_session=${fixture.cookie}`);
  return t.app.inject({
    method,
    url,
    headers: {
      cookie: cookies.join('; '),
      ...(hasBody ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(hasBody ? { payload: `_csrf=${encodeURIComponent(csrf.token)}` } : {}),
  });
}

/** Refused: 401/403, or sent to sign in, or sent to the break-glass question. */
function refused(response: LightMyRequestResponse): boolean {
  if (response.statusCode === 401 || response.statusCode === 403) return true;
  const location = String(response.headers.location ?? '');
  return (
    response.statusCode === 303 &&
    (location.startsWith('/sign-in') || /^\/people\/[^/]+\/break-glass/.test(location))
  );
}

function expectedAllowed(route: RouteEntry, fixture: Fixture): boolean {
  const access = route.access;
  if (access === 'public') return true;
  if (!access || !fixture.role) return false;
  const forPerson = EXPECTED_FOR_PERSON[access.permission];
  if (forPerson) return forPerson.includes(fixture.name);
  const forCouncil = EXPECTED_FOR_COUNCIL[access.permission];
  if (!forCouncil) throw new Error(`no expectation written for permission '${access.permission}'`);
  return forCouncil.includes(fixture.role);
}

async function auditCount(): Promise<number> {
  const [row] = await rows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from audit_events where authority_id = ${world.authorityId}
          and person_id = ${world.personId}`,
  );
  return row!.n;
}

describe('the access matrix', () => {
  it('has an access rule on every route, and a person in the path of every person-scoped route', () => {
    const undeclared = t.app.routeTable.filter((r) => r.access === undefined);
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const unknown = t.app.routeTable.filter(
      (r) =>
        typeof r.access === 'object' &&
        !(r.access.permission in EXPECTED_FOR_PERSON) &&
        !(r.access.permission in EXPECTED_FOR_COUNCIL),
    );
    expect(unknown.map((r) => `${r.method} ${r.url}: ${JSON.stringify(r.access)}`)).toEqual([]);
    const missingPerson = t.app.routeTable.filter((r) => {
      if (!personScoped(r) || typeof r.access !== 'object') return false;
      const param = 'personParam' in r.access && r.access.personParam ? r.access.personParam : 'personId';
      return !r.url.includes(`:${param}`);
    });
    expect(missingPerson.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('allows and refuses exactly as expected for every route × role × relationship, auditing every personal read', async () => {
    const routes = t.app.routeTable;
    const unexpectedAllows: string[] = [];
    const unexpectedRefusals: string[] = [];
    const unaudited: string[] = [];
    let requests = 0;
    for (const route of routes) {
      for (const fixture of world.fixtures) {
        const before = personScoped(route) ? await auditCount() : 0;
        const response = await send(route, fixture);
        requests++;
        const label = `${route.method} ${route.url} as ${fixture.name} → ${response.statusCode}`;
        const allowed = !refused(response);
        const expected = expectedAllowed(route, fixture);
        if (allowed && !expected) unexpectedAllows.push(label);
        if (!allowed && expected) unexpectedRefusals.push(`${label} ${response.body.slice(0, 160)}`);
        if (allowed && personScoped(route) && response.statusCode < 300 && (await auditCount()) <= before) {
          unaudited.push(label);
        }
        if (route.method !== 'GET' && (await credentialsEnded(t.database.db, fixture))) {
          await renewCredentials(t.app, t.database.db, fixture);
        }
      }
    }
    console.log(
      `Access matrix: ${routes.length} routes × ${world.fixtures.length} fixtures (roles × relationships) = ${requests} requests`,
    );
    // One assertion, so a failure shows all three lists at once.
    expect({ unexpectedAllows, unexpectedRefusals, unaudited }).toEqual({
      unexpectedAllows: [],
      unexpectedRefusals: [],
      unaudited: [],
    });
    expect(requests).toBe(routes.length * world.fixtures.length);
  }, 600_000);

  it('can fail: a refusal is not mistaken for an allow', async () => {
    const whoLooked = t.app.routeTable.find(
      (r) => r.method === 'GET' && r.url === '/people/:personId/who-looked',
    )!;
    const outsider = world.fixtures.find((f) => f.name === 'worker of another council')!;
    const response = await send(whoLooked, outsider);
    expect(refused(response)).toBe(true);
    expect(expectedAllowed(whoLooked, outsider)).toBe(false);
  });
});
