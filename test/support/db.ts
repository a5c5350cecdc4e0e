import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

/** Which database this test run uses: the vitest project sets TEST_DB. */
export const testDbKind = (): 'pglite' | 'postgres' =>
  process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database in
 * the test cluster (so files running in parallel never see each other's rows).
 */
export async function testDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    const database = await openDatabase({ inMemory: true });
    await migrate(database);
    return database;
  }
  return (await clusterDatabase('selfdirect_test')).database;
}

/**
 * A new, migrated database in the test cluster, named `<prefix>_<random>`, with its URL for
 * tests that hand the same database to another process.
 */
export async function clusterDatabase(prefix: string): Promise<{ database: Database; url: string }> {
  const adminUrl = inject('postgresUrl');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrate(database);
  return { database, url: url.toString() };
}
