import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';
import { rows } from './transaction.ts';
import { TENANCY_SQL } from './tenancy.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../db/migrations', import.meta.url));

export class NewerDataError extends Error {}

/**
 * Applies the committed migrations, then (re)applies the tenancy rules to every table
 * that carries `authority_id`: row-level security, grants to the application role, and
 * append-only protection for tables marked so. Safe to run on every start.
 */
export async function migrate(database: Database): Promise<{ applied: number }> {
  const known = knownMigrations();
  const before = await appliedCount(database);
  if (before > known) {
    throw new NewerDataError(
      `The database has ${before} migrations but this version of Selfdirect knows ${known}: it was written by a newer version.`,
    );
  }
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, config);
  else await migrateNodePg(database.db as unknown as NodePgDatabase, config);
  await database.db.execute(sql.raw(TENANCY_SQL));
  return { applied: known - before };
}

function knownMigrations(): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

async function appliedCount(database: Database): Promise<number> {
  const [table] = await rows<{ exists: boolean }>(
    database.db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`,
  );
  if (!table?.exists) return 0;
  const [count] = await rows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return count?.n ?? 0;
}
