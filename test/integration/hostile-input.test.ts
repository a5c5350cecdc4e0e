import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/platform/auth/guard.ts';
import {
  type AccessWorld,
  type Fixture,
  renewCredentials,
  routeWalkSetUp,
} from '../support/access-fixtures.ts';
import { sql } from 'drizzle-orm';
import { demoEmail } from '../../src/features/accounts/demo-users.ts';
import { createSession } from '../../src/platform/auth/credentials.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { apiToken, bearer, demoPersonId, problem, type TestApp } from '../support/app.ts';

/**
 * Hostile input never gives a 5xx (issue 12, items 7 and 8). The walk sends a NUL character and
 * a lone surrogate in every string of every route's body, query and path, as each kind of
 * account; the targeted cases check the answer names the field.
 */
let t: TestApp;
let world: AccessWorld;
let csrf: { cookie: string; token: string };

beforeAll(async () => {
  ({ t, world, csrf } = await routeWalkSetUp());
}, 120_000);
afterAll(() => t.close());

const HOSTILE = { nul: 'Ann\u0000ie', surrogate: 'Ann\ud800ie' } as const;
type Hostile = keyof typeof HOSTILE;
/** The same in a URL or form body: a lone surrogate has no UTF-8, so send the bytes it would have. */
const IN_URL: Record<Hostile, string> = { nul: 'Ann%00ie', surrogate: 'Ann%ED%A0%80ie' };
const formOf = (fields: Iterable<[string, string]>) =>
  [...fields].map(([name, value]) => `${encodeURIComponent(name)}=${value}`).join('&');

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
}

/** A body that would pass the schema, except that every free-text string carries `text`. */
function sample(schema: JsonSchema | undefined, text: string): unknown {
  if (!schema) return text;
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return sample(choices.find((c) => c.type !== 'null') ?? choices[0], text);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(value, text)]),
      );
    case 'array':
      return [sample(schema.items, text)];
    case 'integer':
    case 'number':
      return Math.max(1, (schema.minimum ?? schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return world.personId;
      if (schema.format === 'date') return '2026-04-06';
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.format === 'email') return `a${text}@example.test`;
      return text;
    default:
      return text;
  }
}

interface Operation {
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Every form field name a page template declares, so page posts carry them all. */
function formFieldNames(): string[] {
  const names = new Set(['q', 'next', 'email', 'password', 'reason', 'name']);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.njk')) {
        const source = readFileSync(path, 'utf8');
        for (const match of source.matchAll(/name(?::\s*|=)["']([A-Za-z][\w.[\]-]*)["']/g))
          names.add(match[1]!);
      }
    }
  };
  walk(join(import.meta.dirname, '../../src'));
  return [...names];
}

function concreteUrl(route: RouteEntry, inUrl: string): string {
  const personParam =
    typeof route.access === 'object' && 'personParam' in route.access && route.access.personParam
      ? route.access.personParam
      : 'personId';
  return route.url
    .replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) =>
      name === personParam ? world.personId : /Id$/.test(name) ? randomUUID() : inUrl,
    )
    .replace(/\*$/, inUrl);
}

function send(
  route: RouteEntry,
  fixture: Fixture,
  kind: Hostile,
  fields: string[],
): Promise<LightMyRequestResponse> {
  const text = HOSTILE[kind];
  const inUrl = IN_URL[kind];
  const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const hasBody = method !== 'GET';
  if (route.url.startsWith('/api/')) {
    const document = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const openApiPath = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = document.paths[openApiPath]?.[method.toLowerCase()];
    const query: [string, string][] = [];
    for (const parameter of operation?.parameters ?? []) {
      if (parameter.in !== 'query') continue;
      const value = sample(parameter.schema, text);
      query.push([parameter.name, value === text ? inUrl : encodeURIComponent(String(value))]);
    }
    if (!query.length) query.push(['q', inUrl]);
    const schema = operation?.requestBody?.content?.['application/json']?.schema;
    return t.app.inject({
      method,
      url: `${concreteUrl(route, inUrl)}?${formOf(query)}`,
      headers: fixture.token ? bearer(fixture.token) : {},
      ...(hasBody ? { payload: schema ? (sample(schema, text) as object) : { text } } : {}),
    });
  }
  const form = formOf(fields.map((name) => [name, inUrl]));
  const cookies = [`_csrf=${csrf.cookie}`];
  if (fixture.cookie) cookies.push(`selfdirect_session=${fixture.cookie}`);
  if (!hasBody) {
    return t.app.inject({
      method,
      url: `${concreteUrl(route, inUrl)}?${form}`,
      headers: { cookie: cookies.join('; ') },
    });
  }
  return t.app.inject({
    method,
    url: concreteUrl(route, inUrl),
    headers: { cookie: cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    payload: `${form}&_csrf=${encodeURIComponent(csrf.token)}`,
  });
}

const WALKERS = [
  'anonymous',
  'the person themselves',
  'representative in scope',
  'allocated worker',
  'team manager',
  'finance officer',
  'analyst',
  'administrator',
] as const;

describe('hostile text in every field of every route', () => {
  it('never answers 5xx to a NUL character or a lone surrogate, anywhere', async () => {
    const fields = formFieldNames();
    const fixtures = world.fixtures.filter((f) => (WALKERS as readonly string[]).includes(f.name));
    const failures: string[] = [];
    let requests = 0;
    for (const route of t.app.routeTable) {
      for (const fixture of fixtures) {
        for (const kind of Object.keys(HOSTILE) as Hostile[]) {
          const response = await send(route, fixture, kind, fields);
          requests++;
          if (response.statusCode >= 500) {
            failures.push(
              `${route.method} ${route.url} as ${fixture.name} (${kind}) → ${response.statusCode}`,
            );
          }
          if (route.method !== 'GET') await renewCredentials(t.app, t.database.db, fixture);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(t.app.routeTable.length * fixtures.length);
  }, 900_000);
});

describe('each case seen as a 500 is a 400 naming the field', () => {
  let worker: Record<string, string>;
  let finance: Record<string, string>;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  beforeAll(async () => {
    worker = bearer(world.fixtures.find((f) => f.name === 'allocated worker')!.token!);
    finance = bearer(await apiToken(t.app, 'finance'));
    admin = bearer(await apiToken(t.app, 'admin'));
    analyst = bearer(await apiToken(t.app, 'analyst'));
  });

  const fieldsOf = (response: LightMyRequestResponse) => {
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    return (problem(response).errors ?? []).map((e) => e.field);
  };

  it.each(Object.keys(HOSTILE) as Hostile[])('text fields with a %s', async (kind) => {
    const text = HOSTILE[kind];
    const p = world.personId;
    const cases: [string, InjectOptions, string][] = [
      [
        'sign-in e-mail (anonymous)',
        { method: 'POST', url: '/api/v1/auth/token', payload: { email: `a${text}@b.test`, password: 'x' } },
        'email',
      ],
      [
        'a name',
        {
          method: 'POST',
          url: '/api/v1/people',
          headers: worker,
          payload: { legalName: text, dateOfBirth: '1990-01-01', clientGroup: 'older_people' },
        },
        'legalName',
      ],
      [
        'an outcome',
        {
          method: 'POST',
          url: `/api/v1/people/${p}/outcomes`,
          headers: worker,
          payload: { personWords: text, area: 'health' },
        },
        'personWords',
      ],
      [
        'the circle',
        {
          method: 'POST',
          url: `/api/v1/people/${p}/circle`,
          headers: worker,
          payload: { name: text, relationship: 'friend', maySee: [], consentFrom: '2026-01-01' },
        },
        'name',
      ],

      [
        'a ledger description',
        {
          method: 'POST',
          url: '/api/v1/ledger/transfers',
          headers: finance,
          payload: {
            idempotencyKey: randomUUID(),
            debitAccount: 'council:bank',
            creditAccount: 'council:suspense',
            amount: 100,
            postedOn: '2026-04-06',
            description: text,
          },
        },
        'description',
      ],
      [
        'a nested field',
        {
          method: 'POST',
          url: `/api/v1/people/${p}/budget/what-if`,
          headers: worker,
          payload: {
            changedNeeds: [{ outcomeId: randomUUID(), unitCode: 'PA_HOUR', quantityPerWeek: 1, note: text }],
          },
        },
        'changedNeeds[0].note',
      ],
    ];
    for (const [index, [what, request, field]] of cases.entries()) {
      // Each from its own loopback address: the walk above has used up 127.0.0.1's sign-in allowance.
      const response = await t.app.inject({ ...request, remoteAddress: `127.0.${kind.length}.${index + 2}` });
      expect(fieldsOf(response), what).toContain(field);
    }
    // A URL has no way to carry a lone surrogate (its UTF-8 bytes decode to U+FFFD): NUL only.
    if (kind === 'nul') {
      const list = await t.app.inject({ url: '/api/v1/people?q=Ann%00ie', headers: worker });
      expect(fieldsOf(list), 'the case list q').toEqual(['q']);
    }
  });

  it.each(['_%_', '0000-01-01', '9999-12-31', '1899-12-31', '2201-01-01', '2026-02-30'])(
    'the date %s',
    async (date) => {
      const run = await t.app.inject({
        method: 'POST',
        url: '/api/v1/payments/runs',
        headers: finance,
        payload: { runDate: date },
      });
      expect(fieldsOf(run)).toEqual(['runDate']);
      const equity = await t.app.inject({
        url: `/api/v1/reports/equity?asOf=${encodeURIComponent(date)}`,
        headers: analyst,
      });
      expect(fieldsOf(equity)).toEqual(['asOf']);
      const policy = await t.app.inject({
        method: 'POST',
        url: '/api/v1/policies/budget',
        headers: admin,
        payload: {
          versionLabel: 'Hostile',
          effectiveFrom: date,
          supportUnits: [],
          contingencyBasisPoints: 0,
        },
      });
      expect(fieldsOf(policy)).toContain('effectiveFrom');
    },
  );

  it('an integer past the column range', async () => {
    const response = await t.app.inject({
      url: `/api/v1/people/${world.personId}/plan/changes?to=2147483648`,
      headers: worker,
    });
    expect(fieldsOf(response)).toEqual(['to']);
  });

  it('an integer past the column range on a page is not a 500', async () => {
    // Morag has plan versions; her worker is the demo worker.
    const morag = await demoPersonId(t);
    const [user] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = ${demoEmail('worker')}`,
    );
    const cookie = {
      cookie: `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`,
    };
    const changes = await t.app.inject({
      url: `/people/${morag}/plan/changes?from=1&to=2147483648`,
      headers: cookie,
    });
    expect(changes.statusCode).toBeLessThan(500);
    const edit = await t.app.inject({
      url: `/people/${morag}/plan/edit/outcome/99999999999999999999`,
      headers: cookie,
    });
    expect(edit.statusCode).toBeLessThan(500);
  });

  it('pages answer with the GOV.UK error summary: sign-in and the case list', async () => {
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: `_csrf=${csrf.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: 'a\u0000b', password: 'x', _csrf: csrf.token }).toString(),
    });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.headers['content-type']).toMatch(/^text\/html/);
    expect(signIn.body).toContain('govuk-error-summary');
    const manager = world.fixtures.find((f) => f.name === 'team manager')!;
    const list = await t.app.inject({
      url: '/people?q=%00',
      headers: { cookie: `selfdirect_session=${manager.cookie}` },
    });
    expect(list.statusCode).toBe(400);
    expect(list.body).toContain('govuk-error-summary');
  });

  it('a newline in sign-in’s next is not followed (and is no 500)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: `_csrf=${csrf.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        email: 'person@demo.selfdirect.test',
        password: 'demo-password-1',
        next: '/people\r\nSet-Cookie: evil=1',
        _csrf: csrf.token,
      }).toString(),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/my');
  });
});

describe('answers Fastify makes itself carry problem+json and our security headers', () => {
  async function normalHeaders() {
    const response = await t.app.inject('/api/v1/no-such-thing');
    return response.headers;
  }
  const SECURITY = [
    'content-security-policy',
    'x-content-type-options',
    'x-frame-options',
    'referrer-policy',
  ];

  it.each([
    ['/api/v1/people/%ff', 400],
    [`/api/v1/people/${'a'.repeat(500)}`, 414],
  ])('%s', async (url, status) => {
    const expected = await normalHeaders();
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem(response).status).toBe(status);
    for (const header of SECURITY) expect(response.headers[header], header).toBe(expected[header]);
  });

  it('a page address badly encoded gets the error page', async () => {
    const expected = await normalHeaders();
    const response = await t.app.inject('/people/%ff');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('This address is not valid');
    for (const header of SECURITY) expect(response.headers[header], header).toBe(expected[header]);
  });

  it('oversized headers, straight from the HTTP parser', async () => {
    const expected = await normalHeaders();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`GET /api/v1/people HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk.toString();
      });
      socket.on('end', () => resolve(data));
      socket.on('error', (error) => (data ? resolve(data) : reject(error)));
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    for (const header of SECURITY) {
      expect(head!.toLowerCase(), header).toContain(`${header}: ${expected[header]}`.toLowerCase());
    }
    expect(JSON.parse(body!).status).toBe(431);
  });
});
