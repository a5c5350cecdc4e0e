import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { inTenant, rows } from '../db/transaction.ts';
import type { Access, CouncilAccess, PersonAccess } from '../auth/access.ts';
import { AUDIT_ACTIONS, type AuditAction } from './catalogue.ts';
import { currentAuditUnit } from './request.ts';
import { type AuditEntry, recordAudit } from './record.ts';
import { auditEvents } from './schema.ts';

export { type AuditEntry, COMMAND_ACTOR, recordAudit } from './record.ts';

export { type AuditAction, describeAction, describeEvent } from './catalogue.ts';
export { auditPerRequest } from './request.ts';

/**
 * The one way a service touches personal data: one transaction confined to the council,
 * with the audit record of this write written in the same transaction, so the work and its
 * audit land together or not at all. In a request, reads are folded into the request's one
 * row, written before the answer leaves (see `request.ts`).
 */
export function audited<T>(
  db: Db,
  access: CouncilAccess | PersonAccess,
  action: AuditAction,
  work: (tx: Tx) => Promise<T>,
  detail?: Record<string, unknown>,
): Promise<T> {
  return workThenAudit(db, access.authorityId, action, work, () => ({
    actor: access.actor,
    authorityId: access.authorityId,
    personId: access.kind === 'person' ? access.personId : null,
    action,
    route: access.route,
    outcome: access.kind === 'person' && access.breakGlassReason ? 'break_glass' : 'allowed',
    reason: access.kind === 'person' ? access.breakGlassReason : null,
    detail,
  }));
}

/**
 * A council-level read (an analyst's aggregate query, a manager's search of the log): one
 * transaction confined to the council, logged with the question asked and how many rows
 * answered it, so "who asked what of the data" is as visible as "who opened which record".
 */
export function auditedCouncilRead<T>(
  db: Db,
  access: CouncilAccess,
  action: AuditAction,
  question: Record<string, unknown>,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return workThenAudit(db, access.authorityId, action, work, (result) => ({
    actor: access.actor,
    authorityId: access.authorityId,
    personId: null,
    action,
    route: access.route,
    outcome: 'allowed',
    detail: { question, rows: Array.isArray(result) ? result.length : null },
  }));
}

/**
 * The work, then its audit record (which may describe the result), in one transaction
 * confined to the council: both land or neither does. In a request, a read is handed to the
 * request's audit unit instead, and a change takes the request's earlier reads into its row.
 * In a page view `inTenant` is the request's one transaction (see `request.ts`).
 */
async function workThenAudit<T>(
  db: Db,
  authorityId: string,
  action: AuditAction,
  work: (tx: Tx) => Promise<T>,
  entry: (result: T) => AuditEntry,
): Promise<T> {
  const unit = currentAuditUnit();
  if (unit && AUDIT_ACTIONS[action].kind === 'read') {
    const result = await inTenant(db, authorityId, work);
    unit.read(entry(result));
    return result;
  }
  let committed = () => {};
  const result = await inTenant(db, authorityId, async (tx) => {
    const done = await work(tx);
    const row = unit ? unit.foldInto(entry(done)) : { entry: entry(done), commit: () => {} };
    await recordAudit(tx, row.entry);
    committed = row.commit;
    return done;
  });
  committed();
  return result;
}

export interface ChainCheck {
  authorityId: string;
  checked: number;
  /** The first sequence number whose hash or link does not match, if any. */
  brokenAt: number | null;
}

/**
 * Recomputes every hash of a council's chains in the database and checks each row links
 * to the one before it in its chain. Any edit, insertion or removal made around the
 * application shows (removing a chain's newest rows is the one change a hash chain alone
 * cannot show; the sequence's gaps and backups cover that).
 */
export async function verifyAuditChain(db: Db, authorityId: string): Promise<ChainCheck> {
  // Confined to the council like every other read (and so, in a page view, in its transaction).
  const result = await inTenant(db, authorityId, (tx) =>
    rows<{ seq: number; ok: boolean }>(
      tx,
      sql`select seq::int as seq,
          (hash = selfdirect_audit_hash(e)
           and prev_hash = coalesce(lag(hash) over (partition by chain order by seq), 'genesis')) as ok
        from audit_events e where authority_id = ${authorityId} order by seq`,
    ),
  );
  const broken = result.find((r) => !r.ok);
  return { authorityId, checked: result.length, brokenAt: broken ? broken.seq : null };
}

export async function auditForPerson(db: Db, authorityId: string, personId: string) {
  return inTenant(db, authorityId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.authorityId, authorityId), eq(auditEvents.personId, personId)))
      .orderBy(asc(auditEvents.seq)),
  );
}
