import { asc, desc, eq } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.ts';
import type { Executor, Tx } from '../../platform/db/client.ts';
import { authorities } from '../../platform/db/schema.ts';
import type { CouncilDetails, FundingStreamView } from './rules.ts';
import { councilDetailChanges, fundingStreams } from './schema.ts';

/** The council's stored streams (confined to it by the tenant transaction), oldest first. */
export function storedStreams(tx: Executor) {
  return tx.select().from(fundingStreams).orderBy(asc(fundingStreams.createdAt), asc(fundingStreams.code));
}

export async function insertStreams(
  tx: Tx,
  authorityId: string,
  streams: readonly Omit<FundingStreamView, 'national'>[],
) {
  if (streams.length === 0) return;
  await tx
    .insert(fundingStreams)
    .values(
      streams.map((s) => ({
        authorityId,
        code: s.code,
        label: s.label,
        description: s.description,
        active: s.active,
      })),
    )
    .onConflictDoNothing();
}

export async function updateStream(
  tx: Tx,
  code: string,
  change: Partial<{ label: string; description: string; active: boolean; retiredAt: Date | null }>,
) {
  await tx.update(fundingStreams).set(change).where(eq(fundingStreams.code, code));
}

const detailColumns = {
  id: authorities.id,
  code: authorities.code,
  name: authorities.name,
  addressLine1: authorities.addressLine1,
  addressLine2: authorities.addressLine2,
  town: authorities.town,
  postcode: authorities.postcode,
  phone: authorities.phone,
  email: authorities.email,
  website: authorities.website,
  howToContact: authorities.howToContact,
};

/** The data controller's details the platform operator records (UK GDPR Art. 13), for the privacy notice. */
export async function dataControllerOf(tx: Executor, authorityId: string) {
  const [row] = await tx
    .select({
      name: authorities.dataControllerName,
      address: authorities.dataControllerAddress,
      email: authorities.dataControllerEmail,
      dpoEmail: authorities.dataProtectionOfficerEmail,
      dpoPhone: authorities.dataProtectionOfficerPhone,
      icoNumber: authorities.icoRegistrationNumber,
    })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  return row ?? null;
}

/** The council's name and letter contact details; locked for update when about to change them. */
export async function authorityDetails(tx: Executor, authorityId: string, forUpdate = false) {
  const query = tx.select(detailColumns).from(authorities).where(eq(authorities.id, authorityId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateAuthorityDetails(tx: Tx, authorityId: string, details: CouncilDetails) {
  await tx.update(authorities).set(details).where(eq(authorities.id, authorityId));
}

export async function insertDetailChanges(
  tx: Tx,
  rows: {
    authorityId: string;
    field: string;
    before: string | null;
    after: string | null;
    changedBy: string | null;
  }[],
) {
  if (rows.length) await tx.insert(councilDetailChanges).values(rows);
}

/** Every change to the details, newest first, with the name of whoever made it. */
export function detailHistory(tx: Tx) {
  return tx
    .select({
      id: councilDetailChanges.id,
      field: councilDetailChanges.field,
      before: councilDetailChanges.before,
      after: councilDetailChanges.after,
      changedAt: councilDetailChanges.changedAt,
      changedByName: users.displayName,
    })
    .from(councilDetailChanges)
    .leftJoin(users, eq(users.id, councilDetailChanges.changedBy))
    .orderBy(desc(councilDetailChanges.changedAt), asc(councilDetailChanges.field));
}
