import { describe, expect, it } from 'vitest';
import type { PersonAccess } from '../auth/access.ts';
import type { RelationshipKind } from '../auth/policy.ts';
import { mySupportContext } from './index.ts';

const PERSON = '00000000-0000-4000-8000-000000000001';
const access = (kind: RelationshipKind): PersonAccess => ({
  kind: 'person',
  actor: {
    userId: 'u',
    authorityId: 'a',
    role: 'representative',
    teamId: null,
    displayName: 'Fiona Reid',
    email: 'f@example.test',
    via: 'session',
    credentialHash: 'h',
  },
  authorityId: 'a',
  personId: PERSON,
  permission: 'record.read',
  relationship: { kind, powers: [] },
  breakGlassReason: null,
  route: 'GET /my/:personId/plan',
  personName: 'Callum',
});

describe('the layout’s "My support" context', () => {
  it('names the person for whoever acts for them, and links home', () => {
    expect(mySupportContext(access('representative'))).toEqual({
      home: `/my/${PERSON}`,
      name: 'Callum',
      self: false,
    });
    expect(mySupportContext(access('self'))?.self).toBe(true);
  });

  it('is not shown to staff, a provider, or on a page that is not one person’s record', () => {
    for (const kind of ['allocated_worker', 'team', 'break_glass', 'authority', 'provider'] as const)
      expect(mySupportContext(access(kind))).toBeNull();
    expect(mySupportContext(null)).toBeNull();
  });
});
