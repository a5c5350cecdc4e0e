import { asc, eq, sql } from 'drizzle-orm';
import { STAFF_ROLES } from '../../platform/auth/roles.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { authorities } from '../../platform/db/schema.ts';
import type { CouncilDetails, Nation } from './rules.ts';

/** The councils table: the only SQL the councils feature writes. Councils are no council's rows. */

const detailColumns = {
  name: authorities.name,
  addressLine1: authorities.addressLine1,
  addressLine2: authorities.addressLine2,
  town: authorities.town,
  postcode: authorities.postcode,
  phone: authorities.phone,
  email: authorities.email,
  website: authorities.website,
  howToContact: authorities.howToContact,
  dataControllerName: authorities.dataControllerName,
  dataControllerAddress: authorities.dataControllerAddress,
  dataControllerEmail: authorities.dataControllerEmail,
  dataProtectionOfficerEmail: authorities.dataProtectionOfficerEmail,
  dataProtectionOfficerPhone: authorities.dataProtectionOfficerPhone,
  icoRegistrationNumber: authorities.icoRegistrationNumber,
};

const staffRoles = sql.join(
  STAFF_ROLES.map((role) => sql`${role}`),
  sql`, `,
);
// Spelled out with its tables, so neither column is read as the other table's.
const staffCount = sql<number>`(select count(*)::int from users as staff
  where staff.authority_id = "authorities"."id" and staff.role in (${staffRoles}))`;

/** Every council by name, with how many staff accounts it has: a count, never who. */
export function listCouncils(tx: Db | Tx) {
  return tx
    .select({
      id: authorities.id,
      code: authorities.code,
      name: authorities.name,
      nation: authorities.nation,
      createdAt: authorities.createdAt,
      staffAccounts: staffCount,
    })
    .from(authorities)
    .orderBy(asc(authorities.name));
}

export async function councilById(tx: Db | Tx, id: string) {
  const [row] = await tx
    .select({
      id: authorities.id,
      code: authorities.code,
      nation: authorities.nation,
      createdAt: authorities.createdAt,
      staffAccounts: staffCount,
      ...detailColumns,
    })
    .from(authorities)
    .where(eq(authorities.id, id));
  return row ?? null;
}

export type CouncilRow = NonNullable<Awaited<ReturnType<typeof councilById>>>;

export async function codeInUse(tx: Db | Tx, code: string): Promise<boolean> {
  const [row] = await tx.select({ id: authorities.id }).from(authorities).where(eq(authorities.code, code));
  return row !== undefined;
}

/** Blank answers are stored as null (no answer), not ''. */
const stored = (details: CouncilDetails) =>
  Object.fromEntries(Object.entries(details).map(([field, value]) => [field, value || null])) as Record<
    keyof CouncilDetails,
    string | null
  >;

export async function insertCouncil(
  tx: Tx,
  council: { code: string; nation: Nation } & CouncilDetails,
): Promise<string> {
  const { code, nation, ...details } = council;
  const [row] = await tx
    .insert(authorities)
    .values({ ...stored(details), code, nation, name: details.name })
    .returning({ id: authorities.id });
  return row!.id;
}

export async function updateCouncil(tx: Tx, id: string, details: CouncilDetails): Promise<void> {
  await tx
    .update(authorities)
    .set({ ...stored(details), name: details.name })
    .where(eq(authorities.id, id));
}
