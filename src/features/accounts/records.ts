import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Access, PersonAccess } from '../../platform/auth/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { breakGlassGrants } from '../../platform/auth/schema.ts';
import { audited, recordAudit } from '../../platform/audit/index.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTenant, rows } from '../../platform/db/transaction.ts';
import { Problem } from '../../platform/http/problem.ts';

const BREAK_GLASS_HOURS = 8;

/** A worker opens a record outside their relationship by stating why; flagged and audited. */
export async function breakGlass(db: Db, actor: Actor, personId: string, reason: string, route: string) {
  const trimmed = reason.trim();
  if (trimmed.length < 10) {
    throw Problem.invalid([
      { field: 'reason', message: 'Explain why you need to open this record (10 characters or more)' },
    ]);
  }
  const authorityId = actor.authorityId!;
  await inTenant(db, authorityId, async (tx) => {
    const [person] = await rows<{ id: string }>(tx, sql`select id from people where id = ${personId}`);
    if (!person) throw Problem.notFound('Person');
    await tx.insert(breakGlassGrants).values({
      authorityId,
      userId: actor.userId,
      personId,
      reason: trimmed,
      expiresAt: new Date(Date.now() + BREAK_GLASS_HOURS * 3_600_000),
    });
    await recordAudit(tx, {
      actor,
      authorityId,
      personId,
      action: 'record.break_glass',
      route,
      outcome: 'break_glass',
      reason: trimmed,
    });
  });
}

const WHAT: Record<string, string> = {
  'record.read': 'looked at the record',
  'equality.read': 'looked at equality information',
  'own_words.write': 'added or changed words in the record',
  'case.write': 'updated the record',
  'case.decide': 'made a decision',
  'plan.sign': 'signed a support plan',
  'money.read': 'looked at payments',
  'money.account': 'sent a payment return',
  'money.manage': 'changed payment details',
  'audit.own': 'looked at who has seen the record',
  'record.break_glass': 'opened the record without being allocated, giving a reason',
};

/** "Who has looked at my record", in plain words, newest first. */
export async function whoLooked(db: Db, access: PersonAccess) {
  const events = await audited(db, access, 'audit.own', (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.personId, access.personId), sql`${auditEvents.outcome} <> 'denied'`))
      .orderBy(desc(auditEvents.seq))
      .limit(200),
  );
  return events.map((e) => ({
    when: e.occurredAt,
    who: e.actorName,
    role: e.actorRole,
    what:
      WHAT[e.action] ?? WHAT[e.action.split(':')[0]!] ?? e.action.replaceAll('.', ' ').replaceAll('_', ' '),
    action: e.action,
    breakGlass: e.outcome === 'break_glass',
    reason: e.reason,
  }));
}

export interface AuditSearch {
  personId?: string;
  actorUserId?: string;
  outcome?: 'allowed' | 'denied' | 'break_glass';
  from?: string;
  to?: string;
}

/** Managers and administrators search the council's log; the search itself is logged. */
export async function searchAudit(db: Db, access: Access, search: AuditSearch) {
  const conditions: SQL[] = [];
  if (search.personId) conditions.push(eq(auditEvents.personId, search.personId));
  if (search.actorUserId) conditions.push(eq(auditEvents.actorUserId, search.actorUserId));
  if (search.outcome) conditions.push(eq(auditEvents.outcome, search.outcome));
  if (search.from) conditions.push(gte(auditEvents.occurredAt, new Date(`${search.from}T00:00:00Z`)));
  if (search.to) conditions.push(lte(auditEvents.occurredAt, new Date(`${search.to}T23:59:59Z`)));
  return audited(
    db,
    access,
    'audit.search',
    (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(auditEvents.seq))
        .limit(200),
    { search },
  );
}

/**
 * Subject access request: everything held about a person. Every table with a
 * `person_id` column is included, so a new feature's data is exported without anyone
 * remembering to add it; the audit of the record is included too.
 */
export async function exportPersonRecord(db: Db, access: PersonAccess) {
  return audited(db, access, 'record.export', async (tx) => {
    const tables = await rows<{ table_name: string }>(
      tx,
      sql`select table_name from information_schema.columns
          where table_schema = 'public' and column_name = 'person_id' and table_name <> 'audit_events'
          order by table_name`,
    );
    const [person] = await rows<Record<string, unknown>>(
      tx,
      sql`select * from people where id = ${access.personId}`,
    );
    const sections: Record<string, unknown[]> = {};
    for (const { table_name } of tables) {
      if (table_name === 'break_glass_grants') continue;
      sections[table_name] = await rows(
        tx,
        sql`select * from ${sql.identifier(table_name)} where person_id = ${access.personId}`,
      );
    }
    const audit = await tx
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.personId, access.personId))
      .orderBy(auditEvents.seq);
    return { exportedAt: new Date().toISOString(), person, sections, audit };
  });
}
