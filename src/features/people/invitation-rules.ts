import type { RelationshipKind } from '../../platform/auth/policy.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { compareDates, type IsoDate } from '../../platform/dates.ts';

/**
 * Invitations to the people around a record (issue 14 item 1), as pure rules: who may invite
 * whom, which role and powers an accepted invitation gives, when a link stops working, and the
 * check code's shape. The service (invitations.ts) does the I/O.
 *
 * Decisions:
 * - A representative's account gets exactly that representative's powers and dates, and a
 *   circle member's the consent scope the person chose, read again on acceptance, so a change
 *   made while the invitation waited is what the account gets.
 * - A record invitation lasts 14 days (a staff one still lasts 7): people around a record may
 *   not open a link the same week.
 * - The check (date of birth of the person whose record it is, plus the code the inviter gave)
 *   stops the link after five wrong answers; the answer never says which part was wrong.
 */
export const INVITATION_KINDS = [
  'self',
  'representative',
  'circle_member',
  'advocate',
  'support_organisation',
  'provider',
] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

export const RECORD_INVITATION_DAYS = 14;
export const MAX_FAILED_CHECKS = 5;

/** In words, finishing "Invited Jo Bloggs to see this record as …". */
export const INVITATION_KIND_LABELS: Record<InvitationKind, string> = {
  self: 'the person themself',
  representative: 'their representative',
  circle_member: 'a circle member',
  advocate: 'their independent advocate',
  support_organisation: 'their direct-payment support organisation',
  provider: 'a provider of their support',
};

/** The account each kind of invitation makes. */
export const ROLE_FOR_KIND: Record<InvitationKind, Role> = {
  self: 'person',
  representative: 'representative',
  circle_member: 'circle_member',
  advocate: 'advocate',
  support_organisation: 'support',
  provider: 'provider',
};

/** What an inviter may choose that an advocate or a support organisation may do. */
export const CHOSEN_SCOPES: Partial<Record<InvitationKind, readonly string[]>> = {
  advocate: ['view_record', 'contribute'],
  support_organisation: ['view_record', 'manage_direct_payment'],
};

/** Which kinds this relationship to the record may invite: the case holders anyone; the person or a representative their circle. */
export function kindsInvitableBy(relationship: RelationshipKind): readonly InvitationKind[] {
  if (relationship === 'allocated_worker' || relationship === 'team') return INVITATION_KINDS;
  if (relationship === 'self' || relationship === 'representative') return ['circle_member'];
  return [];
}

/** May this viewer stop this invitation? Case holders any; the person or a representative only what they sent. */
export function mayRevoke(relationship: RelationshipKind, viewerId: string, invitedBy: string): boolean {
  if (relationship === 'allocated_worker' || relationship === 'team') return true;
  return (relationship === 'self' || relationship === 'representative') && viewerId === invitedBy;
}

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired' | 'stopped';

export interface InvitationTimes {
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  failedChecks: number;
}

/** Where an invitation stands now. Accepted and revoked are final; then too many wrong checks; then expiry. */
export function invitationState(invitation: InvitationTimes, now: Date): InvitationState {
  if (invitation.usedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.failedChecks >= MAX_FAILED_CHECKS) return 'stopped';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

/** What a link that no longer works says, in plain words (never which check part was wrong). */
export const STATE_WORDS: Record<InvitationState, string> = {
  pending: 'Waiting to be accepted',
  accepted: 'Accepted',
  revoked: 'Stopped by the council or the person',
  expired: 'Expired',
  stopped: 'Stopped after too many wrong answers',
};

export const recordInvitationExpiry = (now: Date): Date =>
  new Date(now.getTime() + RECORD_INVITATION_DAYS * 86_400_000);

/** Tries left after this many wrong answers. */
export const triesLeft = (failedChecks: number): number => Math.max(0, MAX_FAILED_CHECKS - failedChecks);

/** The check code as typed: letters and digits only, upper case ("abcd 2345" → "ABCD2345"). */
export function normaliseCheckCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The code's letters: no 0/O, 1/I/L, so it can be read out over the phone. */
export const CHECK_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CHECK_CODE_LENGTH = 8;

/** A code from random bytes, shown as two groups of four ("ABCD-2345"). */
export function checkCodeFrom(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < CHECK_CODE_LENGTH; i++)
    code += CHECK_CODE_ALPHABET[(bytes[i] ?? 0) % CHECK_CODE_ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export interface RepresentativeTerms {
  powers: readonly string[];
  startDate: IsoDate;
  endDate: IsoDate | null;
}
export interface CircleTerms {
  maySee: readonly string[];
  consentFrom: IsoDate;
  consentTo: IsoDate | null;
  consentWithdrawnOn: IsoDate | null;
}

export interface Grant {
  powers: string[];
  validFrom: IsoDate;
  validTo: IsoDate | null;
  consentWithdrawnOn: IsoDate | null;
}

/**
 * The person_relationships row an accepted invitation makes: a representative's exact powers
 * and dates; a circle member's consent scope and dates; an advocate's or support organisation's
 * chosen scope (only what that kind may be given); nothing extra for the person or a provider.
 */
export function grantFor(
  kind: InvitationKind,
  terms: { representative?: RepresentativeTerms; circleMember?: CircleTerms; chosen?: readonly string[] },
  today: IsoDate,
): Grant {
  if (kind === 'representative') {
    const r = terms.representative;
    if (!r) throw new Error('a representative invitation names its representative');
    return { powers: [...r.powers], validFrom: r.startDate, validTo: r.endDate, consentWithdrawnOn: null };
  }
  if (kind === 'circle_member') {
    const c = terms.circleMember;
    if (!c) throw new Error('a circle invitation names its circle member');
    return {
      powers: [...c.maySee],
      validFrom: c.consentFrom,
      validTo: c.consentTo,
      consentWithdrawnOn: c.consentWithdrawnOn,
    };
  }
  const allowed = CHOSEN_SCOPES[kind] ?? [];
  const powers = allowed.filter((p) => terms.chosen?.includes(p));
  return { powers, validFrom: today, validTo: null, consentWithdrawnOn: null };
}

/** Is a grant in force on this day (the same test the access rules make)? */
export function grantInForce(grant: Grant, today: IsoDate): boolean {
  return (
    compareDates(grant.validFrom, today) <= 0 &&
    (grant.validTo === null || compareDates(grant.validTo, today) >= 0) &&
    (grant.consentWithdrawnOn === null || compareDates(grant.consentWithdrawnOn, today) > 0)
  );
}
