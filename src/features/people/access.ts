import { sql } from 'drizzle-orm';
import type { RelationshipResolver } from '../../platform/auth/access.ts';
import type { Relationship, RelationshipKind } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { rows } from '../../platform/db/transaction.ts';
import { todayInLondon } from '../../platform/dates.ts';

/**
 * How the signed-in account relates to a person, in one indexed query: an explicit
 * relationship in force today (self, representative within dates, circle member or
 * support organisation while consent stands, provider), else allocation (the allocated
 * worker, or the allocated team and its manager), else just "same council".
 * A person of another council is not found: 'none'.
 *
 * It runs on every person-scoped request, so it is one statement outside a transaction:
 * both tables are filtered by the actor's council in the query itself (rather than by the
 * row-level security setting, which would cost a transaction's three extra round trips).
 */
export function resolveRelationship(db: Db): RelationshipResolver {
  return async (actor, authorityId, personId) => {
    const today = todayInLondon();
    const [row] = await rows<{
      worker: string | null;
      team: string | null;
      kind: RelationshipKind | null;
      powers: string[] | null;
      name: string;
    }>(
      db,
      sql`select p.allocated_worker_id as worker, p.allocated_team_id as team, r.kind, r.powers,
                 coalesce(p.preferred_name, p.legal_name) as name
            from people p
            left join lateral (
              select kind, powers from person_relationships r
              where r.authority_id = p.authority_id and r.person_id = p.id and r.user_id = ${actor.userId}
                and r.valid_from <= ${today} and (r.valid_to is null or r.valid_to >= ${today})
                and (r.consent_withdrawn_on is null or r.consent_withdrawn_on > ${today})
              order by r.created_at desc limit 1
            ) r on true
            where p.authority_id = ${authorityId} and p.id = ${personId}`,
    );
    if (!row) return { kind: 'none', powers: [] };
    // The name rides along for the layout's "You are acting for …" (platform/views).
    if (row.kind) return { kind: row.kind, powers: row.powers ?? [], personName: row.name };
    return { ...allocation(row, actor.userId, actor.teamId), personName: row.name };
  };
}

function allocation(
  row: { worker: string | null; team: string | null },
  userId: string,
  teamId: string | null,
): Relationship {
  if (row.worker === userId) return { kind: 'allocated_worker', powers: [] };
  if (teamId && row.team === teamId) return { kind: 'team', powers: [] };
  return { kind: 'authority', powers: [] };
}
