import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { seedDemo } from '../../src/cli/seed-demo.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { DEMO_ROLES, demoEmail } from '../../src/features/accounts/demo-users.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { templateDatabase } from './db.ts';

export type DemoRole = (typeof DEMO_ROLES)[number];

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  authorityId: string;
  close(): Promise<void>;
}

/**
 * The tests' bank-details key: fixed, so the seeded template (sealed once per run) opens in
 * every copy. A test of rotation adds a key in front of it.
 */
export const TEST_DATA_KEYS = `test-1:${Buffer.alloc(32, 7).toString('base64')}`;

export function testConfig(): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/tmp/selfdirect-test-unused',
    DATA_KEYS: TEST_DATA_KEYS,
  });
}

/**
 * The whole app on a fresh database with the demo council seeded; for `app.inject`. Without
 * a database of its own it gets a copy of the run's seeded template (seeded once, with the
 * template's session secret, so its encrypted bank details still open); a database passed in,
 * or a config that changes what seeding writes, is seeded here as before.
 */
export async function testApp(
  options: { database?: Database; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const seedsItself = ['mode', 'sessionSecret', 'demoPassword'].some((key) => key in (options.config ?? {}));
  const copy = !options.database && !seedsItself;
  const database = options.database ?? (await templateDatabase(copy ? 'seeded' : 'migrated'));
  const config = {
    ...testConfig(),
    mode: 'demo' as const,
    ...(copy ? { sessionSecret: inject('demoSessionSecret') } : {}),
    ...options.config,
  };
  // On the copy this finds the seeded council and returns its id.
  const { authorityId } = await seedDemo(database.db, config);
  const app = await buildApp({ database, config });
  return {
    app,
    database,
    config,
    authorityId,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A bearer token for a demo account, through the real token endpoint. */
export async function apiToken(
  app: App,
  role: DemoRole | string,
  password = 'demo-password-1',
): Promise<string> {
  const email = (DEMO_ROLES as readonly string[]).includes(role) ? demoEmail(role as DemoRole) : role;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { email, password },
  });
  if (response.statusCode !== 201) throw new Error(`sign-in failed for ${email}: ${response.body}`);
  return response.json().token as string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function problem(response: LightMyRequestResponse) {
  return response.json() as {
    type: string;
    title: string;
    status: number;
    errors?: { field: string; message: string }[];
  };
}

/** The demo council's person who signs in as herself (Morag), or another demo person by legal name. */
export async function demoPersonId(app: TestApp, legalName = 'Morag Campbell'): Promise<string> {
  const [row] = await rows<{ id: string }>(
    app.database.db,
    sql`select id from people where authority_id = ${app.authorityId} and legal_name = ${legalName}`,
  );
  if (!row) throw new Error(`no demo person called ${legalName}`);
  return row.id;
}
