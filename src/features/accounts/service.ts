import { and, eq, lt, sql } from 'drizzle-orm';
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
import { invitations, signInThrottle, users } from '../../platform/auth/schema.ts';
import { auditedCouncilRead, recordAudit, verifyAuditChain } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { asSystem, inTenant } from '../../platform/db/transaction.ts';
import { Problem } from '../../platform/http/problem.ts';
import { exportPersonRecord } from './export.ts';
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
  teamId: string | null;
}

const INVITABLE: readonly Role[] = [
  'worker',
  'manager',
  'finance',
  'analyst',
  'admin',
  'support',
  'provider',
];

/** An administrator invites staff; the one-time link is shown to the admin (no mail server). */
export async function inviteStaff(db: Db, admin: Actor, invite: StaffInvite, now = new Date()) {
  const errors = [];
  const email = invite.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.push({
      field: 'email',
      message: 'Enter an email address in the correct format, like name@example.org',
    });
  if (!invite.displayName.trim()) errors.push({ field: 'displayName', message: 'Enter their full name' });
  if (!INVITABLE.includes(invite.role)) errors.push({ field: 'role', message: 'Select a role' });
  if (errors.length) throw Problem.invalid(errors);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing)
    throw Problem.invalid([{ field: 'email', message: 'An account with this email address already exists' }]);
  const token = newSecret();
  const authorityId = admin.authorityId!;
  await inTenant(db, authorityId, async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        authorityId,
        email,
        displayName: invite.displayName.trim(),
        role: invite.role,
        teamId: invite.teamId,
      })
      .returning({ id: users.id });
    await tx.insert(invitations).values({
      authorityId,
      tokenHash: hashSecret(token),
      userId: user!.id,
      invitedBy: admin.userId,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    });
    await recordAudit(tx, {
      actor: admin,
      authorityId,
      personId: null,
      action: 'staff.invite',
      route: 'POST /admin/users',
      outcome: 'allowed',
      detail: { invitedUserId: user!.id, role: invite.role },
    });
  });
  return { token, path: `/invitation/${token}` };
}

/** The invited person sets their password through the one-time link; the link then stops working. */
export async function acceptInvitation(
  db: Db,
  token: string,
  password: string,
  confirm: string,
  now = new Date(),
) {
  const weak = passwordProblems(password);
  if (weak) throw Problem.invalid([{ field: 'password', message: weak }]);
  if (password !== confirm)
    throw Problem.invalid([{ field: 'confirmPassword', message: 'The passwords do not match' }]);
  return asSystem(db, async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.tokenHash, hashSecret(token)),
          sql`${invitations.usedAt} is null`,
          sql`${invitations.expiresAt} > ${now}`,
        ),
      )
      .for('update');
    if (!invitation)
      throw new Problem(
        410,
        'This invitation link has expired or been used',
        'Ask your administrator for a new link.',
      );
    await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.tokenHash, invitation.tokenHash));
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password), passwordChangedAt: now })
      .where(eq(users.id, invitation.userId));
    return invitation.userId;
  });
}

export async function findInvitation(db: Db, token: string, now = new Date()) {
  const [row] = await db
    .select({ email: users.email, displayName: users.displayName })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, hashSecret(token)),
        sql`${invitations.usedAt} is null`,
        sql`${invitations.expiresAt} > ${now}`,
      ),
    );
  return row ?? null;
}

export async function listStaff(db: Db, admin: Actor) {
  return inTenant(db, admin.authorityId!, (tx) =>
    tx
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        active: users.active,
      })
      .from(users)
      .orderBy(users.displayName),
  );
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
  setActive: (admin: Actor, userId: string, active: boolean) => setActive(db, admin, userId, active),
  invitation: (token: string) => findInvitation(db, token),
  acceptInvitation: (token: string, password: string, confirm: string) =>
    acceptInvitation(db, token, password, confirm),
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
