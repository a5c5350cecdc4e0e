import type { Actor } from './actor.ts';
import {
  type AuthorityPermission,
  isPersonPermission,
  type PersonPermission,
  type PlatformPermission,
  type Relationship,
  relationshipAllows,
  roleAllows,
} from './policy.ts';

/**
 * Proof that the guard allowed this actor this permission on this person's record.
 * Services take it instead of raw ids, so a service cannot be reached without a decision.
 */
export interface PersonAccess {
  kind: 'person';
  actor: Actor;
  authorityId: string;
  personId: string;
  permission: PersonPermission;
  relationship: Relationship;
  /** Set when a worker opened the record outside their relationship, stating why. */
  breakGlassReason: string | null;
  route: string;
  /**
   * The person's preferred name (else their legal name), from the relationship lookup: the
   * layout says "You are acting for …" with it on every page of the record (views/index.ts).
   */
  personName?: string;
}

/** Proof that the guard allowed a council-wide permission (case list, policies, payment runs). */
export interface CouncilAccess {
  kind: 'council';
  actor: Actor;
  authorityId: string;
  permission: AuthorityPermission | 'signed_in';
  route: string;
}

/** Proof that the guard allowed a platform permission (setting up councils) to an account of no council. */
export interface PlatformAccess {
  kind: 'platform';
  actor: Actor;
  permission: PlatformPermission;
  route: string;
}

export type Access = PersonAccess | CouncilAccess | PlatformAccess;

/**
 * Resolves an actor's relationship to a person, with the person's name when they exist;
 * supplied by the people feature.
 */
export type RelationshipResolver = (
  actor: Actor,
  authorityId: string,
  personId: string,
) => Promise<Relationship & { personName?: string }>;

/**
 * May the viewer behind this access do this? Asks the same policy the guard does: a person
 * permission by role and relationship to the person (never on a council-wide access, which
 * knows no relationship), a council permission by role. Pages work out what the viewer may
 * do from this in one presenter, never by listing roles.
 */
export function may(access: Access, permission: PersonPermission | AuthorityPermission): boolean {
  if (!isPersonPermission(permission)) return roleAllows(permission, access.actor.role);
  return access.kind === 'person' && relationshipAllows(permission, access.actor.role, access.relationship);
}

/**
 * The same access for a further permission, when the policy gives this viewer that too; else
 * null. A page that shows several parts of a record (the "My support" home) reads each part
 * only with an access that proves the viewer may see it.
 */
export function asPermission(access: PersonAccess, permission: PersonPermission): PersonAccess | null {
  return relationshipAllows(permission, access.actor.role, access.relationship)
    ? { ...access, permission }
    : null;
}
