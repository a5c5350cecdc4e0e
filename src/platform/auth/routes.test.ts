import { describe, expect, it } from 'vitest';
import { type CouncilAccess, may, type PersonAccess, type PlatformAccess } from './access.ts';
import type { Actor } from './actor.ts';
import {
  councilAccess,
  councilRoute,
  type GuardedRequest,
  operatorActor,
  operatorRoute,
  personAccess,
  personRoute,
  publicRoute,
  signedInActor,
} from './routes.ts';
import type { RouteAccess } from './guard.ts';
import {
  AUTHORITY_PERMISSIONS,
  PERSON_PERMISSIONS,
  PLATFORM_PERMISSIONS,
  platformRoleAllows,
  roleAllows,
} from './policy.ts';
import { ROLES, type Role } from './roles.ts';

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
const platform = (): PlatformAccess => ({
  kind: 'platform',
  actor: { ...actor('operator'), authorityId: null },
  permission: 'councils.manage',
  route: 'GET /operator/councils',
});

function request(
  declared: RouteAccess | undefined,
  access: PersonAccess | CouncilAccess | PlatformAccess | null,
) {
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
    expect(operatorRoute('councils.manage')).toEqual({
      config: { access: { permission: 'councils.manage' } },
    });
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

describe('the platform operator', () => {
  it('is read only from a platform decision for the declared permission', () => {
    const decided = platform();
    expect(operatorActor(request({ permission: 'councils.manage' }, decided).fake)).toBe(decided.actor);
    for (const { fake, logged } of [
      request({ permission: 'councils.manage' }, null),
      request({ permission: 'councils.manage' }, council('admin')),
      request({ permission: 'policy.manage' }, council('admin')),
      request('public', decided),
    ]) {
      expect(() => operatorActor(fake)).toThrow(expect.objectContaining({ status: 403 }));
      expect(logged).toHaveLength(1);
    }
    expect(() => councilAccess(request({ permission: 'councils.manage' }, decided).fake)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('holds no council or person permission, and no other role holds a platform one', () => {
    for (const permission of Object.keys(AUTHORITY_PERMISSIONS) as (keyof typeof AUTHORITY_PERMISSIONS)[])
      expect(roleAllows(permission, 'operator')).toBe(false);
    for (const roles of Object.values(PERSON_PERMISSIONS))
      expect(JSON.stringify(roles)).not.toContain('operator');
    for (const permission of Object.keys(PLATFORM_PERMISSIONS) as (keyof typeof PLATFORM_PERMISSIONS)[])
      for (const role of ROLES) expect(platformRoleAllows(permission, role)).toBe(role === 'operator');
    expect(may(platform(), 'record.read')).toBe(false);
    expect(may(platform(), 'users.manage')).toBe(false);
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
