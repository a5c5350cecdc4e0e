import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';

/** The role every tenant transaction drops to, so row-level security applies. */
export const APP_ROLE = 'selfdirect_app';

/**
 * Runs `work` in one transaction confined to one council: the tenant setting is local
 * to the transaction and the role drops to the non-superuser application role, so
 * PostgreSQL's row-level security hides every other council's rows. Every service uses it.
 */
export function inTenant<T>(db: Db, authorityId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.authority_id', ${authorityId}, true), set_config('role', ${APP_ROLE}, true)`,
    );
    return work(tx);
  });
}

/**
 * A transaction outside any council, as the database owner: only for work that must
 * look across councils before one is known (signing in, sessions, migrations, seeding).
 */
export function asSystem<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/** Rows of a raw query, the same shape on both drivers. */
export async function rows<T>(executor: Db | Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
