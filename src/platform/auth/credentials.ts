import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from './actor.ts';
import { authorities } from '../db/schema.ts';
import { apiTokens, sessions, users } from './schema.ts';

/** Sessions end after 30 idle minutes or 12 hours, whichever comes first. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** API tokens last 8 hours unless revoked sooner. */
export const API_TOKEN_TTL_MS = 8 * 60 * 60_000;
/** Touch a session at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const actorColumns = {
  userId: users.id,
  authorityId: users.authorityId,
  role: users.role,
  teamId: users.teamId,
  displayName: users.displayName,
  email: users.email,
  // The council comes with the account in the same query: every page names it.
  council: { code: authorities.code, name: authorities.name },
};

export async function createSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = newSecret();
  await db.insert(sessions).values({
    tokenHash: hashSecret(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  });
  return token;
}

export async function actorFromSession(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const tokenHash = hashSecret(token);
  const [row] = await db
    .select({ ...actorColumns, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(authorities, eq(authorities.id, users.authorityId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
        eq(users.active, true),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const { lastSeenAt: _seen, ...actor } = row;
  return { ...actor, via: 'session', credentialHash: tokenHash };
}

export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user (password change, deactivation), optionally keeping one. */
export async function endSessionsOf(db: Db, userId: string, keepTokenHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        keepTokenHash ? sql`${sessions.tokenHash} <> ${keepTokenHash}` : undefined,
      ),
    );
}

export async function removeExpiredSessions(db: Db, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function createApiToken(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + API_TOKEN_TTL_MS);
  await db.insert(apiTokens).values({ tokenHash: hashSecret(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

export async function actorFromApiToken(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const tokenHash = hashSecret(token);
  const [row] = await db
    .select(actorColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(authorities, eq(authorities.id, users.authorityId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        gt(apiTokens.expiresAt, now),
        isNull(apiTokens.revokedAt),
        eq(users.active, true),
      ),
    );
  return row ? { ...row, via: 'token', credentialHash: tokenHash } : null;
}

export async function revokeApiToken(db: Db, tokenHash: string, now = new Date()): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.tokenHash, tokenHash));
}
