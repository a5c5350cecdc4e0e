import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type PersonAccess, may } from '../../platform/auth/access.ts';
import { hashSecret, newSecret } from '../../platform/auth/credentials.ts';
import { invitations, teams, users } from '../../platform/auth/schema.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import {
  CHOSEN_SCOPES,
  checkCodeFrom,
  grantFor,
  grantInForce,
  INVITATION_KIND_LABELS,
  INVITATION_KINDS,
  type InvitationKind,
  invitationState,
  kindsInvitableBy,
  mayRevoke,
  normaliseCheckCode,
  ROLE_FOR_KIND,
  recordInvitationExpiry,
  STATE_WORDS,
} from './invitation-rules.ts';
import { CONSENT_SCOPES } from './lists.ts';
import { REPRESENTATIVE_POWERS } from './rules.ts';
import { circleMembers, people, personRelationships, representatives } from './schema.ts';
import { findPerson, grantRelationship } from './store.ts';

/**
 * Invitations to the people around a record (issue 14 item 1). They use the one invitations
 * table and the one accept page of the accounts feature; what is particular to a record lives
 * here: who may invite whom (invitation-rules.ts), the inactive account made with the right
 * role, the check code (shown once, kept as a hash), and, on acceptance, the person_relationships
 * row written with the representative's or circle member's own terms in the same transaction
 * as their `user_id` and `relationship_id` (linkInvitedAccount, called by accounts).
 */

export interface InvitationInput {
  kind: string;
  representativeId?: string | null;
  circleMemberId?: string | null;
  name?: string | null;
  email: string;
  scope?: readonly string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isKind = (kind: string): kind is InvitationKind =>
  (INVITATION_KINDS as readonly string[]).includes(kind);

/** Powers and scopes in words, for pages and "who can see my record". */
export const POWER_WORDS: Record<string, string> = {
  ...REPRESENTATIVE_POWERS,
  ...CONSENT_SCOPES,
};
const powerWords = (powers: readonly string[]) => powers.map((p) => POWER_WORDS[p] ?? p);

/** The check code's hash, salted with the link's own hash so one code is no use on another link. */
export const checkCodeHash = (tokenHash: string, typed: string) =>
  hashSecret(`invitation-check:${tokenHash}:${normaliseCheckCode(typed)}`);

/** Who this viewer may invite: representatives and circle members with no account yet, in force today. */
async function invitableParts(tx: Tx, personId: string, today: string) {
  const reps = await tx
    .select()
    .from(representatives)
    .where(eq(representatives.personId, personId))
    .orderBy(asc(representatives.startDate));
  const circle = await tx
    .select()
    .from(circleMembers)
    .where(eq(circleMembers.personId, personId))
    .orderBy(asc(circleMembers.createdAt));
  return {
    representatives: reps.filter(
      (r) =>
        !r.userId &&
        grantInForce(
          { powers: [], validFrom: r.startDate, validTo: r.endDate, consentWithdrawnOn: null },
          today,
        ),
    ),
    circle: circle.filter(
      (c) =>
        !c.userId &&
        grantInForce(
          {
            powers: [],
            validFrom: c.consentFrom,
            validTo: c.consentTo,
            consentWithdrawnOn: c.consentWithdrawnOn,
          },
          today,
        ),
    ),
  };
}

/** What the invitation question page offers this viewer. */
export async function invitationChoices(db: Db, access: PersonAccess) {
  return audited(db, access, 'invitation.form.open', async (tx) => {
    const person = await findPerson(tx, access.personId);
    if (!person) throw Problem.notFound('Person');
    const parts = await invitableParts(tx, access.personId, todayInLondon());
    return {
      person,
      name: person.preferredName ?? person.legalName,
      kinds: kindsInvitableBy(access.relationship.kind),
      representatives: parts.representatives.map((r) => ({
        id: r.id,
        name: r.name,
        powers: powerWords(r.powers),
      })),
      circle: parts.circle.map((c) => ({
        id: c.id,
        name: c.name,
        relationship: c.relationship,
        powers: powerWords(c.maySee),
      })),
    };
  });
}

export type InvitationChoices = Awaited<ReturnType<typeof invitationChoices>>;

/** Checks an invitation's answers against the record; the field names are the request's own. */
export function checkInvitationInput(
  input: InvitationInput,
  choices: {
    kinds: readonly InvitationKind[];
    representatives: readonly { id: string }[];
    circle: readonly { id: string }[];
  },
): FieldError[] {
  const errors: FieldError[] = [];
  if (!isKind(input.kind) || !choices.kinds.includes(input.kind)) {
    errors.push({ field: 'kind', message: 'Select who you are inviting' });
    return errors;
  }
  if (
    input.kind === 'representative' &&
    !choices.representatives.some((r) => r.id === input.representativeId)
  )
    errors.push({ field: 'representativeId', message: 'Select which representative you are inviting' });
  if (input.kind === 'circle_member' && !choices.circle.some((c) => c.id === input.circleMemberId))
    errors.push({ field: 'circleMemberId', message: 'Select who in the circle of support you are inviting' });
  const named = input.kind === 'representative' || input.kind === 'circle_member' || input.kind === 'self';
  if (!named && !input.name?.trim()) errors.push({ field: 'name', message: 'Enter their name' });
  if ((input.name ?? '').length > 200)
    errors.push({ field: 'name', message: 'Name must be 200 characters or fewer' });
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 254)
    errors.push({
      field: 'email',
      message: 'Enter an email address in the correct format, like name@example.org',
    });
  const allowed = CHOSEN_SCOPES[input.kind] ?? [];
  if ((input.scope ?? []).some((s) => !allowed.includes(s)))
    errors.push({ field: 'scope', message: 'Select only what they may do' });
  return errors;
}

/**
 * Makes the inactive account and its invitation: the link and the check code are returned once
 * (only their hashes are kept) for the inviter to pass on; there is no mail server.
 */
export async function createInvitation(
  db: Db,
  access: PersonAccess,
  input: InvitationInput,
  now = new Date(),
) {
  if (!kindsInvitableBy(access.relationship.kind).length)
    throw Problem.forbidden('You cannot invite anyone to this record.');
  const token = newSecret();
  const checkCode = checkCodeFrom(randomBytes(8));
  const kind = isKind(input.kind) ? input.kind : null;
  const detail: Record<string, unknown> = { kind };
  return audited(
    db,
    access,
    'invitation.create',
    async (tx) => {
      const person = await findPerson(tx, access.personId);
      if (!person) throw Problem.notFound('Person');
      const today = todayInLondon(now);
      const parts = await invitableParts(tx, access.personId, today);
      const errors = checkInvitationInput(input, {
        kinds: kindsInvitableBy(access.relationship.kind),
        representatives: parts.representatives,
        circle: parts.circle,
      });
      if (errors.length || !kind) throw Problem.invalid(errors);
      const representative = parts.representatives.find((r) => r.id === input.representativeId);
      const member = parts.circle.find((c) => c.id === input.circleMemberId);
      const name =
        kind === 'representative'
          ? representative!.name
          : kind === 'circle_member'
            ? member!.name
            : kind === 'self'
              ? person.legalName
              : input.name!.trim();
      const grant = grantFor(
        kind,
        {
          representative,
          circleMember: member,
          chosen: input.scope ?? [],
        },
        today,
      );
      const email = input.email.trim().toLowerCase();
      // The address is unique across every council: ON CONFLICT sees rows row-level security hides.
      const [user] = await tx
        .insert(users)
        .values({
          authorityId: access.authorityId,
          email,
          displayName: name,
          role: ROLE_FOR_KIND[kind],
          active: false,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!user)
        throw Problem.invalid([
          { field: 'email', message: 'An account with this email address already exists' },
        ]);
      const tokenHash = hashSecret(token);
      const expiresAt = recordInvitationExpiry(now);
      const [invitation] = await tx
        .insert(invitations)
        .values({
          authorityId: access.authorityId,
          tokenHash,
          userId: user.id,
          invitedBy: access.actor.userId,
          expiresAt,
          personId: access.personId,
          relationshipKind: kind,
          representativeId: representative?.id ?? null,
          circleMemberId: member?.id ?? null,
          powers: grant.powers,
          checkCodeHash: checkCodeHash(tokenHash, checkCode),
        })
        .returning({ id: invitations.id });
      Object.assign(detail, {
        invitationId: invitation!.id,
        invitedName: name,
        words: `Invited ${name} to see this record as ${INVITATION_KIND_LABELS[kind]}`,
      });
      return {
        id: invitation!.id,
        token,
        path: `/invitation/${token}`,
        checkCode,
        name,
        email,
        kind,
        kindLabel: INVITATION_KIND_LABELS[kind],
        powers: powerWords(grant.powers),
        expiresAt,
      };
    },
    detail,
  );
}

/** The record's invitations, newest first, with where each stands and whether this viewer may stop it. */
export async function invitationRows(tx: Tx, access: PersonAccess, now = new Date()) {
  const rows = await tx
    .select({
      id: invitations.id,
      kind: invitations.relationshipKind,
      powers: invitations.powers,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
      failedChecks: invitations.failedChecks,
      invitedBy: invitations.invitedBy,
      name: users.displayName,
      email: users.email,
    })
    .from(invitations)
    .innerJoin(users, and(eq(users.authorityId, invitations.authorityId), eq(users.id, invitations.userId)))
    .where(eq(invitations.personId, access.personId))
    .orderBy(desc(invitations.createdAt));
  const inviterIds = [...new Set(rows.map((r) => r.invitedBy))];
  const inviters = inviterIds.length
    ? await tx
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, inviterIds))
    : [];
  return rows.map((r) => {
    const state = invitationState(r, now);
    const kind = r.kind ?? 'self';
    return {
      id: r.id,
      name: r.name,
      email: r.email,
      kind,
      kindLabel: INVITATION_KIND_LABELS[kind],
      powers: powerWords(r.powers),
      state,
      stateWords: STATE_WORDS[state],
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      acceptedAt: r.usedAt,
      revokedAt: r.revokedAt,
      invitedByName: inviters.find((i) => i.id === r.invitedBy)?.name ?? 'Someone',
      mayRevoke:
        state === 'pending' &&
        may(access, 'invitations.manage') &&
        mayRevoke(access.relationship.kind, access.actor.userId, r.invitedBy),
    };
  });
}

export type InvitationRow = Awaited<ReturnType<typeof invitationRows>>[number];

export async function listInvitations(db: Db, access: PersonAccess) {
  return audited(db, access, 'invitations.read', async (tx) => {
    if (!(await findPerson(tx, access.personId))) throw Problem.notFound('Person');
    return invitationRows(tx, access);
  });
}

/** Stops a pending invitation: its link then gets the "no longer works" page, and no account is linked. */
export async function revokeInvitation(db: Db, access: PersonAccess, invitationId: string, now = new Date()) {
  if (!UUID.test(invitationId)) throw Problem.notFound('Invitation');
  return audited(
    db,
    access,
    'invitation.revoke',
    async (tx) => {
      const [invitation] = await tx
        .select()
        .from(invitations)
        .where(and(eq(invitations.id, invitationId), eq(invitations.personId, access.personId)))
        .for('update');
      if (!invitation) throw Problem.notFound('Invitation');
      if (!mayRevoke(access.relationship.kind, access.actor.userId, invitation.invitedBy))
        throw Problem.forbidden(
          'Only the person who sent this invitation, or those holding the case, can stop it.',
        );
      const state = invitationState(invitation, now);
      if (state !== 'pending')
        throw Problem.conflict(
          `This invitation cannot be stopped: ${STATE_WORDS[state].toLowerCase()}.`,
          [],
          'This invitation is no longer waiting',
        );
      await tx
        .update(invitations)
        .set({ revokedAt: now, revokedBy: access.actor.userId })
        .where(eq(invitations.id, invitationId));
      return { id: invitationId, state: 'revoked' as const };
    },
    { invitationId },
  );
}

/** Why someone can see the record, in plain words. */
const WHY_KIND: Record<string, string> = {
  self: 'This is the person’s own account.',
  representative: 'Acts for the person with legal authority.',
  circle_member: 'In the person’s circle of support, with their consent.',
  advocate: 'Independent advocate, with the person’s consent.',
  support_organisation: 'Helps with the direct payment, with the person’s consent.',
  provider: 'Gives the person support, and sees only what it needs to do that.',
};

/** "Who can see my record": the case holders, every account linked today and why, and invitations waiting. */
export async function whoCanSee(db: Db, access: PersonAccess, now = new Date()) {
  return audited(db, access, 'access.read', async (tx) => {
    const person = await findPerson(tx, access.personId);
    if (!person) throw Problem.notFound('Person');
    const today = todayInLondon(now);
    const worker = person.allocatedWorkerId
      ? (
          await tx
            .select({ name: users.displayName })
            .from(users)
            .where(eq(users.id, person.allocatedWorkerId))
        )[0]
      : undefined;
    const team = person.allocatedTeamId
      ? (await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, person.allocatedTeamId)))[0]
      : undefined;
    const linked = await tx
      .select({
        kind: personRelationships.kind,
        powers: personRelationships.powers,
        validFrom: personRelationships.validFrom,
        validTo: personRelationships.validTo,
        consentWithdrawnOn: personRelationships.consentWithdrawnOn,
        name: users.displayName,
      })
      .from(personRelationships)
      .innerJoin(
        users,
        and(eq(users.authorityId, personRelationships.authorityId), eq(users.id, personRelationships.userId)),
      )
      .where(eq(personRelationships.personId, access.personId))
      .orderBy(asc(personRelationships.kind), asc(users.displayName));
    const pending = (await invitationRows(tx, access, now)).filter((i) => i.state === 'pending');
    return {
      person,
      name: person.preferredName ?? person.legalName,
      workerName: worker?.name ?? null,
      teamName: team?.name ?? null,
      accounts: linked
        .filter((r) => grantInForce(r, today))
        .map((r) => ({
          name: r.name,
          kind: r.kind,
          why: WHY_KIND[r.kind] ?? '',
          powers: powerWords(r.powers),
          validFrom: r.validFrom,
          validTo: r.validTo,
        })),
      pending,
    };
  });
}

/** What accepting needs of an invitation row (the accounts feature holds the row). */
export interface AcceptedInvitation {
  authorityId: string;
  userId: string;
  personId: string | null;
  relationshipKind: InvitationKind | null;
  representativeId: string | null;
  circleMemberId: string | null;
  powers: string[];
}

/** Is this the date of birth on the record whose invitation it is? (In the accept transaction.) */
export async function invitedDateOfBirth(
  tx: Tx,
  authorityId: string,
  personId: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ dateOfBirth: people.dateOfBirth })
    .from(people)
    .where(and(eq(people.authorityId, authorityId), eq(people.id, personId)));
  return row?.dateOfBirth ?? null;
}

/**
 * Links the accepted account to the record, in the accept transaction: the person_relationships
 * row with the representative's powers and dates or the circle member's scope as they stand now,
 * and their `user_id` and `relationship_id` set beside it. Returns the relationship's id.
 */
export async function linkInvitedAccount(tx: Tx, invitation: AcceptedInvitation, now = new Date()) {
  const { authorityId, personId, relationshipKind: kind } = invitation;
  if (!personId || !kind) throw new Error('not a record invitation');
  const today = todayInLondon(now);
  const taken = () =>
    Problem.conflict(
      'Someone else’s account is already linked to this part of the record. Ask for a new invitation.',
    );
  if (kind === 'representative') {
    const [representative] = await tx
      .select()
      .from(representatives)
      .where(
        and(
          eq(representatives.authorityId, authorityId),
          eq(representatives.id, invitation.representativeId ?? ''),
        ),
      )
      .for('update');
    if (!representative) throw Problem.notFound('Representative');
    if (representative.userId) throw taken();
    const grant = grantFor(kind, { representative }, today);
    const relationshipId = await grantRelationship(tx, {
      authorityId,
      personId,
      userId: invitation.userId,
      kind,
      ...grant,
    });
    await tx
      .update(representatives)
      .set({ userId: invitation.userId, relationshipId })
      .where(and(eq(representatives.authorityId, authorityId), eq(representatives.id, representative.id)));
    return relationshipId;
  }
  if (kind === 'circle_member') {
    const [member] = await tx
      .select()
      .from(circleMembers)
      .where(
        and(
          eq(circleMembers.authorityId, authorityId),
          eq(circleMembers.id, invitation.circleMemberId ?? ''),
        ),
      )
      .for('update');
    if (!member) throw Problem.notFound('Circle member');
    if (member.userId) throw taken();
    const grant = grantFor(kind, { circleMember: member }, today);
    const relationshipId = await grantRelationship(tx, {
      authorityId,
      personId,
      userId: invitation.userId,
      kind,
      ...grant,
    });
    await tx
      .update(circleMembers)
      .set({ userId: invitation.userId, relationshipId })
      .where(and(eq(circleMembers.authorityId, authorityId), eq(circleMembers.id, member.id)));
    return relationshipId;
  }
  const grant = grantFor(kind, { chosen: invitation.powers }, today);
  return grantRelationship(tx, { authorityId, personId, userId: invitation.userId, kind, ...grant });
}
