import { describe, expect, it } from 'vitest';
import { type CouncilAccess, may, type PersonAccess } from './access.ts';
import type { Actor } from './actor.ts';
import {
  councilAccess,
  councilRoute,
  type GuardedRequest,
  personAccess,
  personRoute,
  publicRoute,
  signedInActor,
} from './routes.ts';
import type { RouteAccess } from './guard.ts';
import type { Role } from './roles.ts';

const actor = (role: Role): Actor => ({
  userId: 'u-1',
  authorityId: 'a-1',
  role,
  teamId: null,
  displayName: 'A',
  email: 'a@example.test',
  via: 'session',
  credentialHash: 'h',
});
const person = (role: Role, kind: PersonAccess['relationship']['kind']): PersonAccess => ({
  kind: 'person',
  actor: actor(role),
  authorityId: 'a-1',
  personId: 'p-1',
  permission: 'record.read',
  relationship: { kind, powers: [] },
  breakGlassReason: null,
  route: 'GET /people/:personId/budget',
});
const council = (role: Role): CouncilAccess => ({
  kind: 'council',
  actor: actor(role),
  authorityId: 'a-1',
  permission: 'crisis.approve',
  route: 'GET /budgets/interim',
});

/** Just what the readers look at on a request. */
function request(declared: RouteAccess | undefined, access: PersonAccess | CouncilAccess | null) {
  const logged: unknown[] = [];
  const fake: GuardedRequest = {
    access,
    actor: access?.actor ?? null,
    method: 'GET',
    routeOptions: { url: '/x', config: { access: declared } },
    log: { error: (details, message) => logged.push([details, message]) },
  };
  return { fake, logged };
}

describe('route declarations', () => {
  it('set config.access as the guard and the access matrix read it', () => {
    expect(personRoute('record.read')).toEqual({ config: { access: { permission: 'record.read' } } });
    expect(personRoute('case.write', { personParam: 'id' })).toEqual({
      config: { access: { permission: 'case.write', personParam: 'id' } },
    });
    expect(councilRoute('policy.manage')).toEqual({ config: { access: { permission: 'policy.manage' } } });
    expect(publicRoute()).toEqual({ config: { access: 'public' } });
  });
});

describe('access readers fail closed', () => {
  it('hand over the decision of the kind and permission the route declared', () => {
    const access = person('worker', 'allocated_worker');
    expect(personAccess(request({ permission: 'record.read' }, access).fake)).toBe(access);
    const decided = council('manager');
    expect(councilAccess(request({ permission: 'crisis.approve' }, decided).fake)).toBe(decided);
    expect(signedInActor(request({ permission: 'crisis.approve' }, decided).fake)).toBe(decided.actor);
  });

  it('refuse (403, logged) when the decision is missing, of the other kind, or for another permission', () => {
    const cases = [
      request({ permission: 'record.read' }, null),
      request(undefined, person('worker', 'allocated_worker')),
      request('public', person('worker', 'allocated_worker')),
      request({ permission: 'case.write' }, person('worker', 'allocated_worker')),
    ];
    for (const { fake, logged } of cases) {
      expect(() => personAccess(fake)).toThrow(expect.objectContaining({ status: 403 }));
      expect(logged).toHaveLength(1);
    }
    expect(() => councilAccess(request({ permission: 'record.read' }, council('manager')).fake)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => councilAccess(request({ permission: 'crisis.approve' }, null).fake)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => signedInActor(request('public', null).fake)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });
});

describe('may', () => {
  it('asks the policy: person permissions by role and relationship, council permissions by role', () => {
    expect(may(person('worker', 'allocated_worker'), 'case.write')).toBe(true);
    expect(may(person('worker', 'allocated_worker'), 'case.decide')).toBe(false);
    expect(may(person('manager', 'team'), 'case.decide')).toBe(true);
    expect(may(person('worker', 'break_glass'), 'access.grant')).toBe(false);
    expect(may(person('person', 'self'), 'caselist.read')).toBe(false);
    expect(may(person('finance', 'authority'), 'caselist.read')).toBe(true);
    expect(may(council('admin'), 'policy.manage')).toBe(true);
    expect(may(council('manager'), 'policy.manage')).toBe(false);
    // A council-wide access knows no relationship, so no person permission follows from it.
    expect(may(council('manager'), 'record.read')).toBe(false);
  });
});
