import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { teams, users } from '../../platform/auth/schema.ts';
import type { Tx } from '../../platform/db/client.ts';
import { rows } from '../../platform/db/transaction.ts';
import { authorities } from '../../platform/db/schema.ts';
import { supportOfferSentence } from './lists.ts';
import type { Nation } from './rules.ts';
import { clientGroups, people, personRelationships } from './schema.ts';

/** Queries on the people feature's own tables; every one runs inside the caller's transaction. */

export async function nationOf(tx: Tx, authorityId: string): Promise<Nation> {
  const [row] = await tx
    .select({ nation: authorities.nation })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  return row?.nation ?? 'scotland';
}

/**
 * Gives an account a relationship to a person (the row the access guard reads), so access
 * follows a representative's powers or a circle member's consent from the same transaction.
 */
export async function grantRelationship(
  tx: Tx,
  grant: typeof personRelationships.$inferInsert,
): Promise<string> {
  const [relationship] = await tx
    .insert(personRelationships)
    .values(grant)
    .returning({ id: personRelationships.id });
  return relationship!.id;
}

export async function clientGroupList(tx: Tx) {
  return tx.select().from(clientGroups).orderBy(asc(clientGroups.sortOrder));
}

export async function findPerson(tx: Tx, personId: string, forUpdate = false) {
  const query = tx.select().from(people).where(eq(people.id, personId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Teams and the staff who can hold cases, for the allocation question. */
export async function allocationChoices(tx: Tx) {
  // One after another: a transaction's connection runs one query at a time.
  const teamNames = await tx
    .select({ id: teams.id, name: teams.name, closedAt: teams.closedAt })
    .from(teams)
    .orderBy(asc(teams.name));
  // Closed teams are no longer offered; their names stay readable on the records that name them.
  const teamRows = teamNames.filter((t) => t.closedAt === null).map(({ id, name }) => ({ id, name }));
  const staff = await tx
    .select({ id: users.id, name: users.displayName, teamId: users.teamId, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), or(eq(users.role, 'worker'), eq(users.role, 'manager'))))
    .orderBy(asc(users.displayName));
  return { teams: teamRows, teamNames, staff };
}

export interface CaseQuery {
  q?: string;
  workerId?: string;
  teamId?: string;
  status?: 'referred' | 'open' | 'closed';
  crisis?: boolean;
  sort: 'name' | 'dateOfBirth' | 'updated' | 'crisis';
  page: number;
  pageSize: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The case list in one query: people with their worker's and team's names joined, the
 * filters in the WHERE clause, the total from a window function. No query per row.
 */
export async function caseList(tx: Tx, query: CaseQuery) {
  const where: SQL[] = [];
  const q = query.q?.trim();
  if (q) {
    const digits = q.replace(/[\s-]/g, '');
    if (/^\d{3,10}$/.test(digits)) {
      where.push(
        or(sql`${people.chiNumber} like ${`${digits}%`}`, sql`${people.nhsNumber} like ${`${digits}%`}`)!,
      );
    } else {
      const pattern = `%${escapeLike(q)}%`;
      where.push(or(ilike(people.legalName, pattern), ilike(people.preferredName, pattern))!);
    }
  }
  if (query.workerId) where.push(eq(people.allocatedWorkerId, query.workerId));
  if (query.teamId) where.push(eq(people.allocatedTeamId, query.teamId));
  if (query.status) where.push(eq(people.status, query.status));
  if (query.crisis !== undefined) where.push(eq(people.crisis, query.crisis));
  const order = {
    name: [asc(people.legalName), asc(people.id)],
    dateOfBirth: [asc(people.dateOfBirth), asc(people.id)],
    updated: [desc(people.updatedAt), asc(people.id)],
    crisis: [desc(people.crisis), asc(people.legalName), asc(people.id)],
  }[query.sort];
  const found = await tx
    .select({
      id: people.id,
      legalName: people.legalName,
      preferredName: people.preferredName,
      dateOfBirth: people.dateOfBirth,
      chiNumber: people.chiNumber,
      nhsNumber: people.nhsNumber,
      clientGroup: people.clientGroup,
      locality: people.locality,
      crisis: people.crisis,
      status: people.status,
      workerId: people.allocatedWorkerId,
      workerName: users.displayName,
      teamName: teams.name,
      updatedAt: people.updatedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(people)
    .leftJoin(users, and(eq(users.authorityId, people.authorityId), eq(users.id, people.allocatedWorkerId)))
    .leftJoin(teams, and(eq(teams.authorityId, people.authorityId), eq(teams.id, people.allocatedTeamId)))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = found[0]?.total ?? 0;
  return { total, people: found.map(({ total: _total, ...rest }) => rest) };
}

export interface TimelineEvent {
  at: Date;
  kind: string;
  text: string;
}

/**
 * What has happened on the record, newest first, from the rows themselves (one UNION query):
 * referral, conversations, outcomes and their changes, circle, representatives, support
 * offers and legal orders.
 */
export async function timeline(tx: Tx, personId: string, limit = 40): Promise<TimelineEvent[]> {
  // Support offers come back as their codes and are worded in TypeScript from the same
  // labels the record shows, so the timeline never shows a stored code.
  const found = await rows<{ at: Date | string; kind: string; text: string; codes: string[] | null }>(
    tx,
    sql`select * from (
      select created_at as at, 'record' as kind,
             'Record opened' || coalesce(' – referred by ' || referred_by, '') as text, null::text[] as codes
        from people where id = ${personId}
      union all
      select created_at, 'conversation', 'Good conversation held on ' || to_char(held_on, 'FMDD FMMonth YYYY'), null
        from conversations where person_id = ${personId}
      union all
      select c.changed_at, 'outcome',
             case when c.version = 1 then 'Outcome added by ' else 'Outcome changed by ' end
             || c.changed_by_name || ': “' || left(o.person_words, 80) || '”', null
        from personal_outcome_changes c
        join personal_outcomes o on o.authority_id = c.authority_id and o.id = c.outcome_id
       where c.person_id = ${personId}
      union all
      select created_at, 'circle', 'Circle of support: ' || name || ' (' || relationship || ') added', null
        from circle_members where person_id = ${personId}
      union all
      select r.created_at, 'representative',
             case when exists (
               select 1 from representatives o
                where o.authority_id = r.authority_id and o.person_id = r.person_id and o.kind = r.kind
                  and lower(trim(o.name)) = lower(trim(r.name)) and o.start_date < r.start_date)
             then 'Representative’s powers changed: ' || r.name || ', from ' || to_char(r.start_date, 'FMDD FMMonth YYYY')
             else 'Representative recorded: ' || r.name end, null
        from representatives r where r.person_id = ${personId}
      union all
      select created_at, 'support', coalesce(provider, ''), array[kind, stage, response, coalesce(reason, '')]
        from support_offers where person_id = ${personId}
      union all
      select created_at, 'legal', 'Legal order recorded, with ' || cardinality(non_negotiables) || ' non-negotiable condition(s)', null
        from legal_orders where person_id = ${personId}
    ) events order by at desc limit ${limit}`,
  );
  return found.map(({ codes, ...e }) => ({
    ...e,
    at: new Date(e.at),
    text: codes
      ? supportOfferSentence(codes[0]!, codes[1]!, codes[2]!, e.text || null, codes[3] || null)
      : e.text,
  }));
}

/** Accounts in this council with one of the given roles, found by email (for linking). */
export async function accountByEmail(tx: Tx, email: string) {
  const [user] = await tx
    .select({ id: users.id, role: users.role, name: users.displayName })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return user ?? null;
}
