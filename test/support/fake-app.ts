import { drizzle } from 'drizzle-orm/pg-proxy';
import type { FastifyRequest } from 'fastify';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Services } from '../../src/features/services.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Relationship } from '../../src/platform/auth/policy.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { ROLES } from '../../src/platform/auth/roles.ts';

/**
 * The whole app (guard, views, error pages, every route) with fake services and no database,
 * for route tests in the unit project (hmpps' `appWithAllRoutes({ services })`). Who is
 * signed in comes from the `x-fake-actor` header (a role named in `actors`), their relationship
 * to a person from `relationship`. Anything that reaches for the database fails the test.
 */
export const FAKE_COUNCIL = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'fake',
  name: 'Fake Council',
};

export function fakeActor(role: Role): Actor {
  return {
    userId: `00000000-0000-4000-8000-0000000000${String(ROLE_NUMBERS[role]).padStart(2, '0')}`,
    // The platform operator belongs to no council.
    authorityId: role === 'operator' ? null : FAKE_COUNCIL.id,
    role,
    teamId: null,
    displayName: `Fake ${role}`,
    email: `${role}@fake.test`,
    via: 'session',
    credentialHash: `fake-${role}`,
    council: role === 'operator' ? null : { code: FAKE_COUNCIL.code, name: FAKE_COUNCIL.name },
  };
}
const ROLE_NUMBERS: Record<Role, number> = {
  person: 1,
  representative: 2,
  circle_member: 3,
  advocate: 4,
  worker: 5,
  manager: 6,
  finance: 7,
  support: 8,
  provider: 9,
  analyst: 10,
  admin: 11,
  national_admin: 12,
  operator: 13,
};

/** A stand-in for a service the test did not fake: calling it fails the request (a 500). */
export const notFaked = (): never => {
  throw new Error('route test called a service it did not fake');
};

type Overrides = { [K in keyof Services]?: Partial<Services[K]> };

/**
 * Every service unfaked, with the test's own fakes laid over: a feature or function the test
 * did not give answers `notFaked`, so a new service never needs a line here.
 */
export function fakeServices(overrides: Overrides = {}): Services {
  const feature = (given: object = {}) =>
    new Proxy(given, {
      get: (target, key) => (key in target ? Reflect.get(target, key) : notFaked),
    });
  return new Proxy(overrides, {
    get: (target, key) => feature(Reflect.get(target, key) as object | undefined),
  }) as Services;
}

/** A database whose every use throws: the proof that a route test needed none. */
const noDatabase: Database = {
  db: drizzle(async () => {
    throw new Error('route test reached for the database');
  }),
  kind: 'pglite',
  location: 'none (route test with fake services)',
  close: async () => {},
};

export async function fakeApp(options: {
  services: Services;
  /** The signed-in viewer's relationship to any person (default: none). */
  relationship?: (actor: Actor, personId: string) => Relationship;
}): Promise<App> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/tmp/selfdirect-test-unused',
  });
  return buildApp({
    database: noDatabase,
    config,
    services: options.services,
    authenticate: async (request: FastifyRequest) => {
      const role = ROLES.find((r) => r === request.headers['x-fake-actor']);
      return role ? fakeActor(role) : null;
    },
    resolveRelationship: async (actor, _authorityId, personId) =>
      options.relationship?.(actor, personId) ?? { kind: 'none', powers: [] },
  });
}
