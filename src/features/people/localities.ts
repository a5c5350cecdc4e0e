import { asc, eq } from 'drizzle-orm';
import type { CouncilAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { localities } from './schema.ts';

/**
 * A council's localities: its own areas, chosen on the person record (`people.locality` holds the
 * code) and counted in equity by area. Added, renamed and retired at /admin/localities; a retired
 * locality is no longer offered but old records keep its name.
 */
export interface Locality {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export const LOCALITY_NAME_MAX = 100;

/** One line of plain text: spaces trimmed and runs of spaces made one. */
export function tidyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * The field errors of a locality name (empty list: fine). Names are unique in the council,
 * whatever their capitals; `ownId` is the locality being renamed, which may keep its name.
 */
export function localityNameErrors(
  name: string,
  existing: readonly { id: string; name: string }[],
  ownId?: string,
): FieldError[] {
  const tidy = tidyName(name);
  if (!tidy) return [{ field: 'name', message: 'Enter the name of the locality' }];
  if (tidy.length > LOCALITY_NAME_MAX)
    return [{ field: 'name', message: `Name must be ${LOCALITY_NAME_MAX} characters or fewer` }];
  const clash = existing.find((l) => l.id !== ownId && l.name.toLowerCase() === tidy.toLowerCase());
  return clash ? [{ field: 'name', message: `There is already a locality called ${clash.name}` }] : [];
}

/**
 * The stored code for a new locality, from its name: lower case letters, digits and dashes, at
 * most 40 characters, never one the council already has (a number is added when it would clash).
 * Codes never change, so renaming a locality keeps every record that names it.
 */
export function localityCode(name: string, taken: readonly string[]): string {
  const base =
    tidyName(name)
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32)
      .replace(/-+$/, '') || 'locality';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The field error for a person's locality, or null. Where the council has localities, the answer
 * must be one of the active ones, or the value already on the record (an older free-text answer,
 * or a locality since retired, stays as it was). A council without localities keeps free text.
 */
export function personLocalityError(
  locality: string | null,
  context: { localities: readonly Pick<Locality, 'code' | 'active'>[]; current?: string | null },
): FieldError | null {
  if (locality === null || locality === '' || !context.localities.length) return null;
  if (locality === context.current) return null;
  return context.localities.some((l) => l.active && l.code === locality)
    ? null
    : { field: 'locality', message: 'Select a locality from the list' };
}

/** The name to show for a stored locality: its name, or the stored text as written. */
export function localityName(
  code: string | null,
  list: readonly Pick<Locality, 'code' | 'name'>[],
): string | null {
  if (!code) return null;
  return list.find((l) => l.code === code)?.name ?? code;
}

/** Every locality of the council in the transaction, active first, by name. */
export async function localityList(tx: Tx): Promise<Locality[]> {
  const rows = await tx
    .select({ id: localities.id, code: localities.code, name: localities.name, active: localities.active })
    .from(localities)
    .orderBy(asc(localities.name));
  return [...rows.filter((r) => r.active), ...rows.filter((r) => !r.active)];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function lockedLocality(tx: Tx, localityId: string) {
  if (!UUID.test(localityId)) throw Problem.notFound('Locality');
  const [row] = await tx.select().from(localities).where(eq(localities.id, localityId)).for('update');
  if (!row) throw Problem.notFound('Locality');
  return row;
}

export function listLocalities(db: Db, access: CouncilAccess) {
  return audited(db, access, 'localities.read', (tx) => localityList(tx));
}

export function addLocality(db: Db, access: CouncilAccess, name: string) {
  return audited(db, access, 'locality.add', async (tx) => {
    const existing = await localityList(tx);
    const errors = localityNameErrors(name, existing);
    if (errors.length) throw Problem.invalid(errors);
    const code = localityCode(
      name,
      existing.map((l) => l.code),
    );
    const [row] = await tx
      .insert(localities)
      .values({ authorityId: access.authorityId, code, name: tidyName(name) })
      .returning({ id: localities.id, code: localities.code, name: localities.name });
    return row!;
  });
}

export function renameLocality(db: Db, access: CouncilAccess, localityId: string, name: string) {
  return audited(
    db,
    access,
    'locality.rename',
    async (tx) => {
      const row = await lockedLocality(tx, localityId);
      const errors = localityNameErrors(name, await localityList(tx), row.id);
      if (errors.length) throw Problem.invalid(errors);
      await tx
        .update(localities)
        .set({ name: tidyName(name) })
        .where(eq(localities.id, row.id));
      return { code: row.code, from: row.name, to: tidyName(name) };
    },
    { localityId },
  );
}

export function setLocalityActive(db: Db, access: CouncilAccess, localityId: string, active: boolean) {
  return audited(
    db,
    access,
    active ? 'locality.restore' : 'locality.retire',
    async (tx) => {
      const row = await lockedLocality(tx, localityId);
      await tx.update(localities).set({ active }).where(eq(localities.id, row.id));
      return { code: row.code, name: row.name };
    },
    { localityId },
  );
}

export const localityServices = (db: Db) => ({
  localities: (access: CouncilAccess) => listLocalities(db, access),
  addLocality: (access: CouncilAccess, name: string) => addLocality(db, access, name),
  renameLocality: (access: CouncilAccess, localityId: string, name: string) =>
    renameLocality(db, access, localityId, name),
  setLocalityActive: (access: CouncilAccess, localityId: string, active: boolean) =>
    setLocalityActive(db, access, localityId, active),
});
