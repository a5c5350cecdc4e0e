import { and, desc, eq, sql } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.ts';
import type { Tx } from '../../platform/db/client.ts';
import { authorities } from '../../platform/db/schema.ts';
import { caseloadImports, importReferences } from './schema.ts';

/** Queries on the imports feature's tables; each runs in the caller's transaction. */

export async function nationOf(tx: Tx, authorityId: string): Promise<'scotland' | 'england'> {
  const [row] = await tx
    .select({ nation: authorities.nation })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  return row?.nation ?? 'scotland';
}

/**
 * The references already imported among these (kind, reference) pairs, with the row each
 * became. One query, the pairs sent as one JSON parameter however many there are.
 */
export async function existingReferences(
  tx: Tx,
  pairs: readonly { kind: string; reference: string }[],
): Promise<Map<string, Map<string, string>>> {
  const found = new Map<string, Map<string, string>>();
  if (!pairs.length) return found;
  const rows = await tx
    .select({
      kind: importReferences.kind,
      reference: importReferences.reference,
      targetId: importReferences.targetId,
    })
    .from(importReferences)
    .where(
      sql`(${importReferences.kind}, ${importReferences.reference}) in (
        select x.kind, x.reference from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as x(kind text, reference text))`,
    );
  for (const row of rows) {
    const ofKind = found.get(row.kind) ?? new Map<string, string>();
    ofKind.set(row.reference, row.targetId);
    found.set(row.kind, ofKind);
  }
  return found;
}

const BATCH = 1000;

export async function rememberReferences(tx: Tx, values: (typeof importReferences.$inferInsert)[]) {
  for (let start = 0; start < values.length; start += BATCH)
    await tx.insert(importReferences).values(values.slice(start, start + BATCH));
}

export async function insertImport(tx: Tx, values: typeof caseloadImports.$inferInsert) {
  const [row] = await tx.insert(caseloadImports).values(values).returning({ id: caseloadImports.id });
  return row!.id;
}

export async function findImport(tx: Tx, importId: string, forUpdate = false) {
  const query = tx
    .select({
      id: caseloadImports.id,
      status: caseloadImports.status,
      files: caseloadImports.files,
      fileTexts: caseloadImports.fileTexts,
      counts: caseloadImports.counts,
      problems: caseloadImports.problems,
      written: caseloadImports.written,
      createdAt: caseloadImports.createdAt,
      committedAt: caseloadImports.committedAt,
      createdByName: users.displayName,
    })
    .from(caseloadImports)
    .leftJoin(
      users,
      and(eq(users.authorityId, caseloadImports.authorityId), eq(users.id, caseloadImports.createdBy)),
    )
    .where(eq(caseloadImports.id, importId));
  const [row] = forUpdate ? await query.for('update', { of: caseloadImports }) : await query;
  return row ?? null;
}

export async function updateImport(
  tx: Tx,
  importId: string,
  values: Partial<typeof caseloadImports.$inferInsert>,
) {
  await tx.update(caseloadImports).set(values).where(eq(caseloadImports.id, importId));
}

/** The council's imports, newest first (no rows of the files, only their counts). */
export async function recentImports(tx: Tx, limit = 20) {
  return tx
    .select({
      id: caseloadImports.id,
      status: caseloadImports.status,
      files: caseloadImports.files,
      counts: caseloadImports.counts,
      written: caseloadImports.written,
      problemCount: sql<number>`jsonb_array_length(${caseloadImports.problems})`.mapWith(Number),
      createdAt: caseloadImports.createdAt,
      createdByName: users.displayName,
    })
    .from(caseloadImports)
    .leftJoin(
      users,
      and(eq(users.authorityId, caseloadImports.authorityId), eq(users.id, caseloadImports.createdBy)),
    )
    .orderBy(desc(caseloadImports.createdAt))
    .limit(limit);
}
