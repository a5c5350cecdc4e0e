import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database, Db } from '../../src/platform/db/client.ts';
import { openDatabase } from '../../src/platform/db/client.ts';

/** Which database this test run uses: the vitest project sets TEST_DB. */
export const testDbKind = (): 'pglite' | 'postgres' =>
  process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

type Template = 'migrated' | 'seeded';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database in
 * the test cluster (so files running in parallel never see each other's rows). Both are
 * copies of the template the run's global set-up migrated once (demo-template.ts).
 */
export async function testDatabase(): Promise<Database> {
  return templateDatabase('migrated');
}

/**
 * A fresh copy of the run's template: `migrated`, or `seeded` (migrated with the demo council,
 * whose bank details are encrypted with `inject('demoSessionSecret')`).
 */
export async function templateDatabase(template: Template): Promise<Database> {
  if (testDbKind() === 'pglite') return pgliteCopy(template);
  return (await clusterDatabase('selfdirect_test', template)).database;
}

const dumps = new Map<Template, Blob>();

async function pgliteCopy(template: Template): Promise<Database> {
  let dump = dumps.get(template);
  if (!dump) {
    dump = new Blob([readFileSync(inject('pgliteTemplates')[template])]);
    dumps.set(template, dump);
  }
  const client = await PGlite.create({ loadDataDir: dump });
  return {
    db: drizzle({ client }) as unknown as Db,
    kind: 'pglite',
    location: 'memory',
    close: () => client.close(),
  };
}

/**
 * A new, migrated database in the test cluster, named `<prefix>_<random>`, with its URL for
 * tests that hand the same database to another process.
 */
export async function clusterDatabase(
  prefix: string,
  template: Template = 'migrated',
): Promise<{ database: Database; url: string }> {
  const adminUrl = inject('postgresUrl');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplates')[template]}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return { database, url: url.toString() };
}
