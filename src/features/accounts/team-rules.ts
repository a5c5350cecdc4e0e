import type { TEAM_SERVES } from '../../platform/auth/schema.ts';
import type { FieldError } from '../../platform/http/problem.ts';

/** Who a team serves, in plain words, by the stored code. */
export const TEAM_SERVES_LABELS: Record<(typeof TEAM_SERVES)[number], string> = {
  adults: 'Adults',
  children_and_families: 'Children and families',
  all_ages: 'All ages',
};
export type TeamServes = (typeof TEAM_SERVES)[number];

export const isTeamServes = (code: string): code is TeamServes => Object.hasOwn(TEAM_SERVES_LABELS, code);

export const TEAM_NAME_MAX = 100;

/** One line of plain text: spaces trimmed and runs of spaces made one. */
export function tidyTeamName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * The field errors of a team as typed (empty list: fine). Names are unique in the council
 * whatever their capitals, closed teams included (their name stays on old records); `ownId` is
 * the team being changed, which may keep its own name. Localities must be the council's active ones.
 */
export function teamErrors(
  team: { name: string; serves: string; localityCodes: readonly string[] },
  context: {
    teams: readonly { id: string; name: string }[];
    localityCodes: readonly string[];
    ownId?: string;
  },
): FieldError[] {
  const errors: FieldError[] = [];
  const name = tidyTeamName(team.name);
  const clash = context.teams.find(
    (t) => t.id !== context.ownId && t.name.toLowerCase() === name.toLowerCase(),
  );
  if (!name) errors.push({ field: 'name', message: 'Enter the name of the team' });
  else if (name.length > TEAM_NAME_MAX)
    errors.push({ field: 'name', message: `Name must be ${TEAM_NAME_MAX} characters or fewer` });
  else if (clash) errors.push({ field: 'name', message: `There is already a team called ${clash.name}` });
  if (!isTeamServes(team.serves)) errors.push({ field: 'serves', message: 'Select who the team serves' });
  if (team.localityCodes.some((code) => !context.localityCodes.includes(code)))
    errors.push({ field: 'localityCodes', message: 'Select localities from the list' });
  return errors;
}

/**
 * Why a team cannot close yet, in plain words, or null when it can: a team closes only once no
 * staff account belongs to it and nobody whose case is still open is allocated to it.
 */
export function closeRefusal(counts: { staff: number; openAllocations: number }): string | null {
  const parts: string[] = [];
  if (counts.staff > 0) parts.push(`${counts.staff} staff account${counts.staff === 1 ? '' : 's'}`);
  if (counts.openAllocations > 0)
    parts.push(
      `${counts.openAllocations} ${counts.openAllocations === 1 ? 'person' : 'people'} with an open case`,
    );
  if (!parts.length) return null;
  return `This team still has ${parts.join(' and ')}. Move them to another team before you close it.`;
}

/** Roles that hold cases must belong to a team; for every other role a team is optional. */
export const TEAM_REQUIRED_ROLES: readonly string[] = ['worker', 'manager'];
