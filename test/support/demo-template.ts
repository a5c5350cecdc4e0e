import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../src/cli/seed-demo.ts';
import { type Database, openDatabase } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { testConfig } from './app.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The session secret the demo template was seeded with (bank details are encrypted with it). */
    demoSessionSecret: string;
    /** PGlite data directories (tar files): migrated, and migrated with the demo council seeded. */
    pgliteTemplates: { migrated: string; seeded: string };
    /** PostgreSQL databases to clone with `create database … template`. */
    postgresTemplates: { migrated: string; seeded: string };
  }
}

/**
 * Migrating and seeding the demo council costs seconds; every test file used to pay it.
 * This global set-up does it once per run, and test/support/db.ts clones the result for
 * each file (a PGlite data directory loaded from a tar file, or a PostgreSQL database made
 * from a template), so files still never see each other's rows.
 */
export default async function setup(project: TestProject) {
  const secret = randomBytes(32).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'selfdirect-template-'));
  const database = await openDatabase({ inMemory: true });
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = async (name: string) => {
    const path = join(dir, `${name}.tar`);
    writeFileSync(path, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    return path;
  };
  try {
    await migrate(database);
    const migrated = await dump('migrated');
    await seedDemo(database.db, { ...testConfig(), mode: 'demo', sessionSecret: secret });
    const seeded = await dump('seeded');
    project.provide('pgliteTemplates', { migrated, seeded });
    project.provide('demoSessionSecret', secret);
  } finally {
    await database.close();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * The same two templates in a PostgreSQL cluster (called by postgres-cluster.ts once the
 * cluster is up); returns their names and a function that drops them.
 */
export async function postgresTemplates(
  adminUrl: string,
  secret: string,
): Promise<{ migrated: string; seeded: string; drop(): Promise<void> }> {
  const suffix = randomBytes(4).toString('hex');
  const migrated = `selfdirect_template_migrated_${suffix}`;
  const seeded = `selfdirect_template_seeded_${suffix}`;
  const admin = async (statements: string[]) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const open = (name: string): Promise<Database> => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return openDatabase({ databaseUrl: url.toString() });
  };
  await admin([`create database ${migrated}`]);
  const first = await open(migrated);
  await migrate(first).finally(() => first.close());
  await admin([`create database ${seeded} template ${migrated}`]);
  const second = await open(seeded);
  await seedDemo(second.db, { ...testConfig(), mode: 'demo', sessionSecret: secret }).finally(() =>
    second.close(),
  );
  return {
    migrated,
    seeded,
    drop: () => admin([`drop database if exists ${seeded}`, `drop database if exists ${migrated}`]),
  };
}
