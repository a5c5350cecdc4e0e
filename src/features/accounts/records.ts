import { and, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { breakGlassGrants } from '../../platform/auth/schema.ts';
import { audited, auditedCouncilRead, describeEvent, recordAudit } from '../../platform/audit/index.ts';
import { catalogueName, namesFor } from '../../platform/audit/catalogue.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTenant, rows } from '../../platform/db/transaction.ts';
import { todayInLondon } from '../../platform/dates.ts';
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
      action: 'access.break_glass',
      route,
      outcome: 'break_glass',
      reason: trimmed,
    });
  });
}

/** "Who has looked at my record", in plain words, newest first. */
export async function whoLooked(db: Db, access: PersonAccess) {
  const events = await audited(db, access, 'who_looked.read', (tx) =>
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
    what: describeEvent(e),
    action: catalogueName(e.action, e.outcome) ?? e.action,
    breakGlass: e.outcome === 'break_glass',
    reason: e.reason,
  }));
}

export interface AuditSearch {
  personId?: string;
  /** Name or e-mail address (or part of one) of whoever acted. */
  actor?: string;
  outcome?: 'allowed' | 'denied' | 'break_glass';
  from?: string;
  to?: string;
}

/** Managers and administrators search the council's log; the search itself is logged. */
export async function searchAudit(db: Db, access: CouncilAccess, search: AuditSearch) {
  const conditions: SQL[] = [];
  if (search.personId) conditions.push(eq(auditEvents.personId, search.personId));
  if (search.actor) {
    const pattern = `%${search.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(auditEvents.actorName, pattern),
        sql`${auditEvents.actorUserId} in (select id from users where email ilike ${pattern})`,
      )!,
    );
  }
  if (search.outcome) conditions.push(eq(auditEvents.outcome, search.outcome));
  if (search.from) conditions.push(gte(auditEvents.occurredAt, new Date(`${search.from}T00:00:00Z`)));
  if (search.to) conditions.push(lte(auditEvents.occurredAt, new Date(`${search.to}T23:59:59Z`)));
  const events = await auditedCouncilRead(db, access, 'audit.search', { search }, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(auditEvents.seq))
      .limit(200),
  );
  return events.map((e) => ({ ...e, what: describeEvent(e) }));
}

export const BREAK_GLASS_REVIEW_DAYS = 30;

/**
 * Records opened without allocation in the last 30 days, for a team manager: those opened
 * by their own team's staff, and those of people allocated to their team. An administrator
 * sees the whole council's.
 */
export async function breakGlassOpenings(db: Db, access: CouncilAccess, now = new Date()) {
  const since = new Date(now.getTime() - BREAK_GLASS_REVIEW_DAYS * 86_400_000);
  const team = access.actor.role === 'admin' ? null : access.actor.teamId;
  return auditedCouncilRead(db, access, 'audit.break_glass.review', { since, team }, (tx) =>
    rows<{
      seq: number;
      occurredAt: string;
      actorName: string;
      actorRole: string;
      personId: string;
      personName: string | null;
      reason: string | null;
    }>(
      tx,
      sql`select e.seq::int as "seq", e.occurred_at as "occurredAt", e.actor_name as "actorName",
                 e.actor_role as "actorRole", e.person_id as "personId",
                 coalesce(p.preferred_name, p.legal_name) as "personName", e.reason
          from audit_events e
          left join users u on u.id = e.actor_user_id
          left join people p on p.authority_id = e.authority_id and p.id = e.person_id
          where e.action in (${sql.join(
            namesFor('access.break_glass').map((name) => sql`${name}`),
            sql`, `,
          )}) and e.occurred_at >= ${since}
            and (${access.actor.role === 'admin'}
                 or u.team_id = ${team} or p.allocated_team_id = ${team})
          order by e.seq desc limit 200`,
    ),
  );
}

/** The records a person or representative may see "who has looked" at, for their account page. */
export async function recordsWithWhoLooked(db: Db, access: CouncilAccess) {
  if (!['person', 'representative'].includes(access.actor.role)) return [];
  return auditedCouncilRead(db, access, 'account.linked_records.read', {}, (tx) =>
    rows<{ personId: string; name: string; kind: string }>(
      tx,
      sql`select p.id as "personId", coalesce(p.preferred_name, p.legal_name) as name, r.kind
          from person_relationships r
          join people p on p.authority_id = r.authority_id and p.id = r.person_id
          where r.user_id = ${access.actor.userId}
            and (r.kind = 'self' or (r.kind = 'representative' and 'view_record' = any(r.powers)))
            and r.valid_from <= ${todayInLondon()} and (r.valid_to is null or r.valid_to >= ${todayInLondon()})
          order by r.kind desc, name`,
    ),
  );
}
