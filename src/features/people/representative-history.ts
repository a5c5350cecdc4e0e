import { compareDates } from '../../platform/dates.ts';
import type { representatives } from './schema.ts';

/**
 * A representative's versions. A change never overwrites: it ends one version and starts
 * the next, so the versions of one authority are the rows with the same name, kind and
 * account, and only the newest may be changed or ended. Pure: today is passed in.
 */
export type RepresentativeRow = Pick<
  typeof representatives.$inferSelect,
  'id' | 'name' | 'kind' | 'userId' | 'startDate' | 'endDate'
>;

/**
 * A later version of the same authority (same person, name, kind and account) exists:
 * the row was replaced by a change and only the newest version can be changed or ended.
 */
export function isReplaced(row: RepresentativeRow, all: readonly RepresentativeRow[]): boolean {
  return all.some(
    (other) =>
      other.id !== row.id &&
      other.kind === row.kind &&
      other.name.trim().toLowerCase() === row.name.trim().toLowerCase() &&
      (other.userId ?? null) === (row.userId ?? null) &&
      compareDates(other.startDate, row.startDate) > 0,
  );
}

/** Still open to change: not replaced, and not ended before today. */
export function isChangeable(
  row: RepresentativeRow,
  all: readonly RepresentativeRow[],
  today: string,
): boolean {
  return !isReplaced(row, all) && (!row.endDate || compareDates(row.endDate, today) >= 0);
}
