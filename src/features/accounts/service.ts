import { and, eq, lt } from 'drizzle-orm';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  actorFromSession,
  createApiToken,
  createSession,
  endSession,
  endSessionsOf,
  hashSecret,
  newSecret,
  revokeApiToken,
} from '../../platform/auth/credentials.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../../platform/auth/passwords.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { invitations, signInThrottle, teams, users } from '../../platform/auth/schema.ts';
import { auditedCouncilRead, recordAudit, verifyAuditChain } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import {
  checkCodeHash,
  invitationState,
  invitedDateOfBirth,
  linkInvitedAccount,
  normaliseCheckCode,
  triesLeft,
} from '../people/index.ts';
import { isIsoDate } from '../../platform/dates.ts';
import { asSystem, inTenant } from '../../platform/db/transaction.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { exportPersonRecord } from './export.ts';
import { TEAM_REQUIRED_ROLES } from './team-rules.ts';
import { isUuid, openTeams, teamServices } from './teams.ts';
import {
  type AuditSearch,
  breakGlass,
  breakGlassOpenings,
  recordsWithWhoLooked,
  searchAudit,
  whoLooked,
} from './records.ts';
import { FORGET_AFTER_SECONDS, secondsLeft, signInWaitSeconds, waitMessage } from './rules.ts';

export const INVITATION_DAYS = 7;

/** Deliberately the same words whether the account exists or the password is wrong. */
export const SIGN_IN_REFUSED = 'Enter a correct email address and password.';

/**
 * `waitSeconds` > 0: the attempt came during the slowdown's wait and the password was not
 * checked; say `waitMessage(waitSeconds)`. 0: the address or password is wrong.
 */
export type SignInResult = { ok: true; userId: string } | { ok: false; waitSeconds: number };

/**
 * Checks an e-mail address and password under the per-address slowdown (see rules.ts for
 * why a slowdown and not a lockout). Every attempt first claims its turn; a right password
 * then clears the address's wrong attempts, so the right password after a wait always works.
 */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  now = new Date(),
): Promise<SignInResult> {
  const address = email.trim().toLowerCase();
  const emailHash = hashSecret(`sign-in:${address}`);
  const waitSeconds = await claimAttempt(db, emailHash, now);
  if (waitSeconds > 0) return { ok: false, waitSeconds };
  const [user] = await db.select().from(users).where(eq(users.email, address));
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user?.active || !valid) return { ok: false, waitSeconds: 0 };
  await db.delete(signInThrottle).where(eq(signInThrottle.emailHash, emailHash));
  return { ok: true, userId: user.id };
}

/**
 * Takes this attempt's turn for the address, counting it as wrong until a right password
 * clears it: 0 if the attempt may go ahead, else the seconds still to wait. The row lock
 * makes attempts at the same moment take turns, so none slips past a wait.
 */
async function claimAttempt(db: Db, emailHash: string, now: Date): Promise<number> {
  return asSystem(db, async (tx) => {
    const created = await tx
      .insert(signInThrottle)
      .values({ emailHash, failures: 0, notBefore: now, lastAttemptAt: now })
      .onConflictDoNothing()
      .returning({ emailHash: signInThrottle.emailHash });
    if (created.length) {
      // Addresses quiet for a day are forgotten (at most one clean-up per new address).
      const forgotten = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
      await tx.delete(signInThrottle).where(lt(signInThrottle.lastAttemptAt, forgotten));
    }
    const [row] = await tx
      .select()
      .from(signInThrottle)
      .where(eq(signInThrottle.emailHash, emailHash))
      .for('update');
    if (!row) return 0;
    const wait = secondsLeft(row.notBefore, now);
    if (wait > 0) return wait;
    const quiet = now.getTime() - row.lastAttemptAt.getTime() > FORGET_AFTER_SECONDS * 1000;
    const failures = (quiet ? 0 : row.failures) + 1;
    await tx
      .update(signInThrottle)
      .set({
        failures,
        notBefore: new Date(now.getTime() + signInWaitSeconds(failures) * 1000),
        lastAttemptAt: now,
      })
      .where(eq(signInThrottle.emailHash, emailHash));
    return 0;
  });
}

/** Signs in and starts a brand-new session: a session id is never carried over (no fixation). */
export async function signIn(db: Db, email: string, password: string) {
  const result = await checkCredentials(db, email, password);
  if (!result.ok) throw signInRefusal(result.waitSeconds);
  return createSession(db, result.userId);
}

export async function issueApiToken(db: Db, email: string, password: string) {
  const result = await checkCredentials(db, email, password);
  if (!result.ok) throw signInRefusal(result.waitSeconds);
  return createApiToken(db, result.userId);
}

/** A refused sign-in: wrong (400), or too soon (429, with the wait in words and Retry-After). */
export class SignInRefused extends Problem {
  constructor(readonly waitSeconds: number) {
    const message = waitSeconds > 0 ? waitMessage(waitSeconds) : SIGN_IN_REFUSED;
    super(
      waitSeconds > 0 ? 429 : 400,
      waitSeconds > 0 ? 'Too many attempts' : 'There is a problem',
      message,
      [{ field: 'email', message }],
      waitSeconds > 0
        ? 'https://selfdirect.example/problems/429'
        : 'https://selfdirect.example/problems/validation',
    );
  }
}

const signInRefusal = (waitSeconds: number) => new SignInRefused(waitSeconds);

export async function changePassword(db: Db, actor: Actor, current: string, next: string, confirm: string) {
  const errors = [];
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user?.passwordHash ?? null, current))) {
    errors.push({ field: 'currentPassword', message: 'Your current password is not correct' });
  }
  const weak = passwordProblems(next);
  if (weak) errors.push({ field: 'newPassword', message: weak });
  else if (next !== confirm) errors.push({ field: 'confirmPassword', message: 'The passwords do not match' });
  if (errors.length) throw Problem.invalid(errors);
  await asSystem(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(next), passwordChangedAt: new Date() })
      .where(eq(users.id, actor.userId));
  });
  // Every other session of this account ends: a changed password locks out whoever else had it.
  await endSessionsOf(db, actor.userId, actor.credentialHash);
}

export interface StaffInvite {
  email: string;
  displayName: string;
  role: Role;
  /** An open team of the council: required for workers and managers, optional otherwise. */
  teamId: string | null;
}

/** The field error for the team chosen for an account with this role, or null. */
async function teamError(tx: Tx, role: string, teamId: string | null): Promise<FieldError | null> {
  if (!teamId)
    return TEAM_REQUIRED_ROLES.includes(role) ? { field: 'teamId', message: 'Select their team' } : null;
  const open = await openTeams(tx);
  return open.some((t) => t.id === teamId)
    ? null
    : { field: 'teamId', message: 'Select a team from the list' };
}

export const INVITABLE: readonly Role[] = [
  'worker',
  'manager',
  'finance',
  'analyst',
  'admin',
  'support',
  'provider',
];

/** Accounts the staff pages show and move (the invitable roles). */
const STAFF_ROLES: readonly string[] = INVITABLE;

/** The field error for an e-mail address that is not one, or null. */
export function emailError(field: string, value: string): FieldError | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim().toLowerCase())
    ? null
    : { field, message: 'Enter an email address in the correct format, like name@example.org' };
}

/** Whether some account (of any council) already has this e-mail address. */
export async function emailTaken(tx: Db | Tx, email: string): Promise<boolean> {
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return existing !== undefined;
}

/**
 * The one way a staff account is made: the account, not yet with a password, and its one-time
 * invitation link, in the caller's transaction (confined to the account's council). `invitedBy`
 * is an account of the same council; the council's first administrator, invited by the platform
 * operator (an account of no council), is named as their own inviter, and the operator is named
 * in the audit row written beside it.
 */
export async function insertStaffInvitation(
  tx: Tx,
  invite: StaffInvite & { authorityId: string; invitedBy: string | 'self' },
  now = new Date(),
): Promise<{ userId: string; token: string; path: string }> {
  const token = newSecret();
  const [user] = await tx
    .insert(users)
    .values({
      authorityId: invite.authorityId,
      email: invite.email.trim().toLowerCase(),
      displayName: invite.displayName.trim(),
      role: invite.role,
      teamId: invite.teamId,
    })
    .returning({ id: users.id });
  await tx.insert(invitations).values({
    authorityId: invite.authorityId,
    tokenHash: hashSecret(token),
    userId: user!.id,
    invitedBy: invite.invitedBy === 'self' ? user!.id : invite.invitedBy,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  });
  return { userId: user!.id, token, path: `/invitation/${token}` };
}

/** An administrator invites staff; the one-time link is shown to the admin (no mail server). */
export async function inviteStaff(db: Db, admin: Actor, invite: StaffInvite, now = new Date()) {
  const errors = [];
  const email = invite.email.trim().toLowerCase();
  const badEmail = emailError('email', email);
  if (badEmail) errors.push(badEmail);
  if (!invite.displayName.trim()) errors.push({ field: 'displayName', message: 'Enter their full name' });
  if (!INVITABLE.includes(invite.role)) errors.push({ field: 'role', message: 'Select a role' });
  if (errors.length) throw Problem.invalid(errors);
  if (await emailTaken(db, email))
    throw Problem.invalid([{ field: 'email', message: 'An account with this email address already exists' }]);
  const authorityId = admin.authorityId!;
  const invited = await inTenant(db, authorityId, async (tx) => {
    const wrongTeam = await teamError(tx, invite.role, invite.teamId);
    if (wrongTeam) throw Problem.invalid([wrongTeam]);
    const made = await insertStaffInvitation(
      tx,
      { ...invite, email, authorityId, invitedBy: admin.userId },
      now,
    );
    await recordAudit(tx, {
      actor: admin,
      authorityId,
      personId: null,
      action: 'staff.invite',
      route: 'POST /admin/users',
      outcome: 'allowed',
      detail: { invitedUserId: made.userId, role: invite.role, teamId: invite.teamId },
    });
    return made;
  });
  return { token: invited.token, path: invited.path };
}

/** A link that does not work: unknown (404), or no longer waiting (410), in plain words. */
export function invitationGone(state: 'unknown' | 'accepted' | 'revoked' | 'expired' | 'stopped'): Problem {
  if (state === 'unknown')
    return new Problem(
      404,
      'This invitation link is not right',
      'Check you copied the whole link. If it still does not work, ask whoever invited you for a new one.',
    );
  const why = {
    accepted:
      'This invitation has already been used. If it was you, sign in with your email address and password.',
    revoked: 'This invitation has been stopped. Ask whoever invited you if you should have a new one.',
    expired: 'This invitation has expired. Ask whoever invited you for a new one.',
    stopped:
      'This invitation has been stopped because the check was answered wrongly too many times. Ask whoever invited you for a new one.',
  }[state];
  return new Problem(410, 'This invitation link no longer works', why);
}

async function lockedInvitation(tx: Tx, token: string, now: Date) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSecret(token)))
    .for('update');
  if (!invitation) throw invitationGone('unknown');
  const state = invitationState(invitation, now);
  if (state !== 'pending') throw invitationGone(state);
  return invitation;
}

/** Deliberately the same words whichever answer was wrong. */
export const CHECK_REFUSED = 'The date of birth and check code do not match what we have.';

/**
 * The check only the invited person can pass: the date of birth on the record and the code the
 * inviter gave. A wrong answer is counted (and audited on the record) in its own transaction, so
 * it sticks even though the request is refused; the fifth stops the link. Staff invitations have
 * no check. Returns the invitation's id, which the page keeps in a signed cookie for the next step.
 */
export async function checkInvitation(
  db: Db,
  token: string,
  answers: { dateOfBirth: string; checkCode: string },
  now = new Date(),
): Promise<{ invitationId: string }> {
  // Blank or impossible answers are asked again without counting: they tell nobody anything.
  const blanks: FieldError[] = [];
  if (!isIsoDate(answers.dateOfBirth))
    blanks.push({ field: 'dateOfBirth', message: 'Enter a real date of birth, like 27 3 1990' });
  if (!normaliseCheckCode(answers.checkCode))
    blanks.push({ field: 'checkCode', message: 'Enter the check code you were given' });
  const outcome = await asSystem(db, async (tx) => {
    const invitation = await lockedInvitation(tx, token, now);
    if (!invitation.personId || !invitation.checkCodeHash) return { ok: true as const, id: invitation.id };
    if (blanks.length) return { ok: false as const, blanks };
    const dateOfBirth = await invitedDateOfBirth(tx, invitation.authorityId, invitation.personId);
    const codeRight = checkCodeHash(invitation.tokenHash, answers.checkCode) === invitation.checkCodeHash;
    if (dateOfBirth !== null && dateOfBirth === answers.dateOfBirth && codeRight)
      return { ok: true as const, id: invitation.id };
    const failedChecks = invitation.failedChecks + 1;
    await tx.update(invitations).set({ failedChecks }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, {
      actor: { userId: invitation.userId, role: 'person', displayName: 'Someone with the invitation link' },
      authorityId: invitation.authorityId,
      personId: invitation.personId,
      action: 'invitation.check_failed',
      route: 'POST /invitation/:token',
      outcome: 'denied',
      detail: { invitationId: invitation.id, failedChecks },
    });
    return { ok: false as const, failedChecks };
  });
  if (outcome.ok) return { invitationId: outcome.id };
  if ('blanks' in outcome && outcome.blanks) throw Problem.invalid(outcome.blanks);
  const left = triesLeft(outcome.failedChecks);
  if (left === 0) throw invitationGone('stopped');
  const message = `${CHECK_REFUSED} You can try ${left} more time${left === 1 ? '' : 's'}.`;
  throw Problem.invalid([{ field: 'dateOfBirth', message }], message);
}

/**
 * The invited person sets their password through the one-time link; the link then stops working.
 * A record invitation must first have passed the check (`checkedInvitationId`, from the page's
 * signed cookie or the API's own check in the same call): only then is the account turned on and
 * linked to the record, in this one transaction with its audit.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  password: string,
  confirm: string,
  checkedInvitationId: string | null = null,
  now = new Date(),
): Promise<{ userId: string; record: boolean }> {
  const weak = passwordProblems(password);
  if (weak) throw Problem.invalid([{ field: 'password', message: weak }]);
  if (password !== confirm)
    throw Problem.invalid([{ field: 'confirmPassword', message: 'The passwords do not match' }]);
  const passwordHash = await hashPassword(password);
  return asSystem(db, async (tx) => {
    const invitation = await lockedInvitation(tx, token, now);
    const record = invitation.personId !== null;
    if (record && checkedInvitationId !== invitation.id)
      throw Problem.invalid([{ field: 'dateOfBirth', message: 'Answer the check questions first' }]);
    await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, invitation.id));
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, active: true })
      .where(eq(users.id, invitation.userId));
    if (record) {
      const relationshipId = await linkInvitedAccount(tx, invitation, now);
      await tx.update(invitations).set({ relationshipId }).where(eq(invitations.id, invitation.id));
      const [user] = await tx.select().from(users).where(eq(users.id, invitation.userId));
      await recordAudit(tx, {
        actor: { userId: invitation.userId, role: user!.role, displayName: user!.displayName },
        authorityId: invitation.authorityId,
        personId: invitation.personId,
        action: 'invitation.accept',
        route: 'POST /invitation/:token',
        outcome: 'allowed',
        detail: { invitationId: invitation.id, kind: invitation.relationshipKind },
      });
    }
    return { userId: invitation.userId, record };
  });
}

/** Who the link is for and where it stands (null: no such link), for the accept page. */
export async function findInvitation(db: Db, token: string, now = new Date()) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: users.email,
      displayName: users.displayName,
      personId: invitations.personId,
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      failedChecks: invitations.failedChecks,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, hashSecret(token)));
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    record: row.personId !== null,
    state: invitationState(row, now),
  };
}

export type InvitationLookup = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

export async function listStaff(db: Db, admin: Actor) {
  return inTenant(db, admin.authorityId!, (tx) =>
    tx
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        active: users.active,
        teamId: users.teamId,
        teamName: teams.name,
      })
      .from(users)
      .leftJoin(teams, and(eq(teams.authorityId, users.authorityId), eq(teams.id, users.teamId)))
      .orderBy(users.displayName),
  );
}

/** The open teams, for the invitation form and for moving an account. */
export function teamChoices(db: Db, admin: Actor) {
  return inTenant(db, admin.authorityId!, (tx) => openTeams(tx));
}

/** One staff account and the teams it may move to, for the move's question and check pages. */
export async function staffMember(db: Db, admin: Actor, userId: string) {
  return inTenant(db, admin.authorityId!, async (tx) => {
    if (!isUuid(userId)) throw Problem.notFound('Account');
    const [user] = await tx
      .select({
        id: users.id,
        displayName: users.displayName,
        email: users.email,
        role: users.role,
        teamId: users.teamId,
        teamName: teams.name,
      })
      .from(users)
      .leftJoin(teams, and(eq(teams.authorityId, users.authorityId), eq(teams.id, users.teamId)))
      .where(eq(users.id, userId));
    if (!user || !STAFF_ROLES.includes(user.role)) throw Problem.notFound('Account');
    return { user, teams: await openTeams(tx) };
  });
}

/** An administrator moves a staff account to another team (or none, where the role allows). */
export async function moveStaff(db: Db, admin: Actor, userId: string, teamId: string | null) {
  const authorityId = admin.authorityId!;
  return inTenant(db, authorityId, async (tx) => {
    if (!isUuid(userId)) throw Problem.notFound('Account');
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user || !STAFF_ROLES.includes(user.role)) throw Problem.notFound('Account');
    const wrongTeam = await teamError(tx, user.role, teamId);
    if (wrongTeam) throw Problem.invalid([wrongTeam]);
    await tx.update(users).set({ teamId }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actor: admin,
      authorityId,
      personId: null,
      action: 'staff.move_team',
      route: 'POST /admin/users/:userId/team',
      outcome: 'allowed',
      detail: { userId, fromTeamId: user.teamId, toTeamId: teamId },
    });
    return { userId, teamId };
  });
}

export async function setActive(db: Db, admin: Actor, userId: string, active: boolean) {
  if (userId === admin.userId)
    throw Problem.invalid([{ field: 'userId', message: 'You cannot deactivate your own account' }]);
  const authorityId = admin.authorityId!;
  await inTenant(db, authorityId, async (tx) => {
    const updated = await tx
      .update(users)
      .set({ active })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!updated.length) throw Problem.notFound('Account');
    await recordAudit(tx, {
      actor: admin,
      authorityId,
      personId: null,
      action: active ? 'staff.reactivate' : 'staff.deactivate',
      route: 'POST /admin/users/:userId',
      outcome: 'allowed',
      detail: { userId },
    });
  });
  if (!active) await endSessionsOf(db, userId);
}

/**
 * The accounts feature's services, bound to the database once (src/features/services.ts).
 * Pages and the API call these; route tests pass fakes of the same shape.
 */
export const accountServices = (db: Db) => ({
  signIn: (email: string, password: string) => signIn(db, email, password),
  issueToken: (email: string, password: string) => issueApiToken(db, email, password),
  sessionActor: (token: string) => actorFromSession(db, token),
  endSession: (tokenHash: string) => endSession(db, tokenHash),
  revokeToken: (tokenHash: string) => revokeApiToken(db, tokenHash),
  changePassword: (actor: Actor, current: string, next: string, confirm: string) =>
    changePassword(db, actor, current, next, confirm),
  staff: (admin: Actor) => listStaff(db, admin),
  invite: (admin: Actor, invite: StaffInvite) => inviteStaff(db, admin, invite),
  teamChoices: (admin: Actor) => teamChoices(db, admin),
  staffMember: (admin: Actor, userId: string) => staffMember(db, admin, userId),
  moveStaff: (admin: Actor, userId: string, teamId: string | null) => moveStaff(db, admin, userId, teamId),
  ...teamServices(db),
  setActive: (admin: Actor, userId: string, active: boolean) => setActive(db, admin, userId, active),
  invitation: (token: string) => findInvitation(db, token),
  checkInvitation: (token: string, answers: { dateOfBirth: string; checkCode: string }) =>
    checkInvitation(db, token, answers),
  acceptInvitation: (token: string, password: string, confirm: string, checkedInvitationId?: string | null) =>
    acceptInvitation(db, token, password, confirm, checkedInvitationId ?? null),
  /** Signs in the account that has just accepted its invitation: a brand-new session. */
  startSession: (userId: string) => createSession(db, userId),
  breakGlass: (actor: Actor, personId: string, reason: string, route: string) =>
    breakGlass(db, actor, personId, reason, route),
  linkedRecords: (access: CouncilAccess) => recordsWithWhoLooked(db, access),
  whoLooked: (access: PersonAccess) => whoLooked(db, access),
  exportRecord: (access: PersonAccess) => exportPersonRecord(db, access),
  searchAudit: (access: CouncilAccess, search: AuditSearch) => searchAudit(db, access, search),
  breakGlassOpenings: (access: CouncilAccess) => breakGlassOpenings(db, access),
  verifyChain: (access: CouncilAccess) => verifyAuditChain(db, access.authorityId),
  /** The chain checked, then the check itself logged, after it ran, so it never checks its own entry. */
  verifyChainLogged: async (access: CouncilAccess) => {
    const check = await verifyAuditChain(db, access.authorityId);
    await auditedCouncilRead(db, access, 'audit.verify', { brokenAt: check.brokenAt }, async () => [check]);
    return check;
  },
});
