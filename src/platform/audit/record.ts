import type { Actor } from '../auth/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import type { AuditAction } from './catalogue.ts';
import { auditEvents } from './schema.ts';

/** Work done by a command the service's operators ran (`selfdirect …`), not by a signed-in person. */
export const COMMAND_ACTOR = {
  userId: null,
  role: 'system',
  displayName: 'The service’s operators (a maintenance command)',
} as const;

export interface AuditEntry {
  actor: Pick<Actor, 'userId' | 'role' | 'displayName'> | typeof COMMAND_ACTOR;
  authorityId: string;
  personId: string | null;
  action: AuditAction;
  route: string;
  outcome: 'allowed' | 'denied' | 'break_glass';
  reason?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends one audit event inside the caller's transaction (the chain trigger does the rest). */
export async function recordAudit(tx: Db | Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    authorityId: entry.authorityId,
    actorUserId: entry.actor.userId,
    actorRole: entry.actor.role,
    actorName: entry.actor.displayName,
    personId: entry.personId,
    action: entry.action,
    route: entry.route,
    outcome: entry.outcome,
    reason: entry.reason ?? null,
    detail: entry.detail ?? null,
  });
}
