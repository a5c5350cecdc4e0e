import type { Actor } from './actor.ts';
import type { AuthorityPermission, PersonPermission, Relationship } from './policy.ts';

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
}

/** Proof that the guard allowed a council-wide permission (case list, policies, payment runs). */
export interface CouncilAccess {
  kind: 'council';
  actor: Actor;
  authorityId: string;
  permission: AuthorityPermission | 'signed_in';
  route: string;
}

export type Access = PersonAccess | CouncilAccess;

/** Resolves an actor's relationship to a person; supplied by the people feature. */
export type RelationshipResolver = (
  actor: Actor,
  authorityId: string,
  personId: string,
) => Promise<Relationship>;
