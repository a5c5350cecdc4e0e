import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  createApiToken,
  createSession,
  endSessionsOf,
  hashSecret,
  newSecret,
} from '../../platform/auth/credentials.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../../platform/auth/passwords.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { invitations, users } from '../../platform/auth/schema.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { asSystem, inTenant } from '../../platform/db/transaction.ts';
import { Problem } from '../../platform/http/problem.ts';

/** After this many failed attempts the account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
export const INVITATION_DAYS = 7;

/** Deliberately the same words whether the account exists, is locked or the password is wrong. */
export const SIGN_IN_REFUSED =
  'Enter a correct email address and password. After several wrong attempts you must wait 15 minutes.';

export type SignInResult = { ok: true; userId: string } | { ok: false };

export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  now = new Date(),
): Promise<SignInResult> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const locked = user?.lockedUntil && user.lockedUntil > now;
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user?.active || locked || !valid) {
    if (user && !locked) await recordFailure(db, user.id, user.failedSignIns + 1, now);
    return { ok: false };
  }
  if (user.failedSignIns > 0) {
    await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
  }
  return { ok: true, userId: user.id };
}

async function recordFailure(db: Db, userId: string, failures: number, now: Date) {
  const lock = failures >= MAX_FAILED_SIGN_INS;
  await db
    .update(users)
    .set({
      failedSignIns: lock ? 0 : failures,
      lockedUntil: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : undefined,
    })
    .where(eq(users.id, userId));
}

/** Signs in and starts a brand-new session: a session id is never carried over (no fixation). */
export async function signIn(db: Db, email: string, password: string): Promise<string | null> {
  const result = await checkCredentials(db, email, password);
  return result.ok ? createSession(db, result.userId) : null;
}

export async function issueApiToken(db: Db, email: string, password: string) {
  const result = await checkCredentials(db, email, password);
  return result.ok ? createApiToken(db, result.userId) : null;
}

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
