import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BREAK_GLASS_NEVER,
  mayBreakGlass,
  PERSON_PERMISSIONS,
  type PersonPermission,
  type RelationshipKind,
  relationshipAllows,
} from './policy.ts';
import { ROLES } from './roles.ts';

const KINDS: RelationshipKind[] = [
  'self',
  'representative',
  'circle_member',
  'advocate',
  'support_organisation',
  'provider',
  'allocated_worker',
  'team',
  'break_glass',
  'authority',
  'none',
];
const POWERS = ['view_record', 'welfare_decisions', 'sign_support_plan', 'financial_decisions', 'contribute'];

describe('breaking glass never gives lasting access', () => {
  it('no role with any powers gets a BREAK_GLASS_NEVER permission from a break-glass relationship', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BREAK_GLASS_NEVER),
        fc.constantFrom(...ROLES),
        fc.subarray(POWERS),
        (permission, role, powers) =>
          !relationshipAllows(permission as PersonPermission, role, { kind: 'break_glass', powers }) &&
          !mayBreakGlass(permission as PersonPermission, role),
      ),
    );
  });

  it('changing who holds or may see the record is for the allocated worker, the team and its manager', () => {
    for (const role of ROLES)
      for (const kind of KINDS) {
        const expected = ['worker', 'manager'].includes(role) && ['allocated_worker', 'team'].includes(kind);
        expect(relationshipAllows('access.grant', role, { kind, powers: POWERS }), `${role} ${kind}`).toBe(
          expected,
        );
      }
  });

  it('still lets a worker who broke glass read and work on the record', () => {
    for (const permission of ['record.read', 'case.write', 'own_words.write'] as const)
      expect(relationshipAllows(permission, 'worker', { kind: 'break_glass', powers: [] })).toBe(true);
    expect(Object.keys(PERSON_PERMISSIONS)).toContain('access.grant');
  });
});
