import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import type { CouncilAccess } from '../../platform/auth/access.ts';
import { teams, users } from '../../platform/auth/schema.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { Problem } from '../../platform/http/problem.ts';
import { localityList, people } from '../people/index.ts';
import { closeRefusal, type TeamServes, teamErrors, tidyTeamName } from './team-rules.ts';

/**
 * The council's teams, at /admin/teams: each with how many staff and people it holds. A team
 * is closed, never deleted, so the allocations and accounts that name it keep its name.
 */
export interface TeamInput {
  name: string;
  serves: string;
  localityCodes: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (text: string) => UUID.test(text);

/** The council's teams still open, by name: the choices wherever a team is picked. */
export async function openTeams(tx: Tx) {
  return tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(isNull(teams.closedAt))
    .orderBy(asc(teams.name));
}

async function countsByTeam(tx: Tx) {
  // One after another: a transaction's connection runs one query at a time.
  const staff = await tx
    .select({ teamId: users.teamId, n: count() })
    .from(users)
    .where(eq(users.active, true))
    .groupBy(users.teamId);
  const all = await tx
    .select({ teamId: people.allocatedTeamId, n: count() })
    .from(people)
    .groupBy(people.allocatedTeamId);
  const open = await tx
    .select({ teamId: people.allocatedTeamId, n: count() })
    .from(people)
    .where(ne(people.status, 'closed'))
    .groupBy(people.allocatedTeamId);
  const map = (rows: { teamId: string | null; n: number }[]) =>
    new Map(rows.map((r) => [r.teamId, Number(r.n)]));
  return { staff: map(staff), people: map(all), open: map(open) };
}

async function teamContext(tx: Tx) {
  const all = await tx.select({ id: teams.id, name: teams.name }).from(teams);
  const localities = await localityList(tx);
  return { teams: all, localities };
}

async function lockedTeam(tx: Tx, teamId: string) {
  if (!isUuid(teamId)) throw Problem.notFound('Team');
  const [row] = await tx.select().from(teams).where(eq(teams.id, teamId)).for('update');
  if (!row) throw Problem.notFound('Team');
  return row;
}

export function listTeams(db: Db, access: CouncilAccess) {
  return audited(db, access, 'teams.read', async (tx) => {
    const rows = await tx.select().from(teams).orderBy(asc(teams.name));
    const counts = await countsByTeam(tx);
    const localities = await localityList(tx);
    return {
      teams: rows.map((t) => ({
        id: t.id,
        name: t.name,
        serves: t.serves,
        closed: t.closedAt !== null,
        localityCodes: t.localityCodes,
        localityNames: t.localityCodes.map((code) => localities.find((l) => l.code === code)?.name ?? code),
        staff: counts.staff.get(t.id) ?? 0,
        people: counts.people.get(t.id) ?? 0,
        openAllocations: counts.open.get(t.id) ?? 0,
      })),
      localities: localities.filter((l) => l.active),
    };
  });
}

export function addTeam(db: Db, access: CouncilAccess, input: TeamInput) {
  return audited(db, access, 'team.add', async (tx) => {
    const context = await teamContext(tx);
    const errors = teamErrors(input, {
      teams: context.teams,
      localityCodes: context.localities.filter((l) => l.active).map((l) => l.code),
    });
    if (errors.length) throw Problem.invalid(errors);
    const [row] = await tx
      .insert(teams)
      .values({
        authorityId: access.authorityId,
        name: tidyTeamName(input.name),
        serves: input.serves as TeamServes,
        localityCodes: [...new Set(input.localityCodes)],
      })
      .returning({ id: teams.id, name: teams.name });
    return row!;
  });
}

/** Rename a team, or change who it serves and the localities it covers. */
export function changeTeam(db: Db, access: CouncilAccess, teamId: string, input: TeamInput) {
  return audited(
    db,
    access,
    'team.rename',
    async (tx) => {
      const team = await lockedTeam(tx, teamId);
      if (team.closedAt) throw Problem.invalid([{ field: 'name', message: 'This team is closed' }]);
      const context = await teamContext(tx);
      // A locality since retired that the team already covers may stay.
      const allowed = context.localities.filter((l) => l.active || team.localityCodes.includes(l.code));
      const errors = teamErrors(input, {
        teams: context.teams,
        localityCodes: allowed.map((l) => l.code),
        ownId: team.id,
      });
      if (errors.length) throw Problem.invalid(errors);
      await tx
        .update(teams)
        .set({
          name: tidyTeamName(input.name),
          serves: input.serves as TeamServes,
          localityCodes: [...new Set(input.localityCodes)],
        })
        .where(eq(teams.id, team.id));
      return { id: team.id, from: team.name, to: tidyTeamName(input.name) };
    },
    { teamId },
  );
}

/** Close a team: refused, with the reason, while it has staff or people with open cases. */
export function closeTeam(db: Db, access: CouncilAccess, teamId: string, now = new Date()) {
  return audited(
    db,
    access,
    'team.close',
    async (tx) => {
      const team = await lockedTeam(tx, teamId);
      if (team.closedAt) return { id: team.id, name: team.name };
      const [staff] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.teamId, team.id), eq(users.active, true)));
      const [open] = await tx
        .select({ n: count() })
        .from(people)
        .where(and(eq(people.allocatedTeamId, team.id), ne(people.status, 'closed')));
      const refusal = closeRefusal({ staff: Number(staff!.n), openAllocations: Number(open!.n) });
      if (refusal) throw Problem.invalid([{ field: 'close', message: refusal }], refusal);
      await tx.update(teams).set({ closedAt: now }).where(eq(teams.id, team.id));
      return { id: team.id, name: team.name };
    },
    { teamId },
  );
}

export function teamForEdit(db: Db, access: CouncilAccess, teamId: string) {
  return audited(db, access, 'teams.read', async (tx) => {
    if (!isUuid(teamId)) throw Problem.notFound('Team');
    const [team] = await tx.select().from(teams).where(eq(teams.id, teamId));
    if (!team) throw Problem.notFound('Team');
    const localities = await localityList(tx);
    return {
      team,
      localities: localities.filter((l) => l.active || team.localityCodes.includes(l.code)),
    };
  });
}

export const teamServices = (db: Db) => ({
  teams: (access: CouncilAccess) => listTeams(db, access),
  team: (access: CouncilAccess, teamId: string) => teamForEdit(db, access, teamId),
  addTeam: (access: CouncilAccess, input: TeamInput) => addTeam(db, access, input),
  changeTeam: (access: CouncilAccess, teamId: string, input: TeamInput) =>
    changeTeam(db, access, teamId, input),
  closeTeam: (access: CouncilAccess, teamId: string) => closeTeam(db, access, teamId),
});
