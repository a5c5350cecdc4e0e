import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEntryPoint } from '../support/process.ts';

/** Runs `npm start`'s entry point as a real process and returns its exit code and output. */
const start = (env: Record<string, string>, waitFor?: RegExp) =>
  runEntryPoint('src/server.ts', [], env, { waitFor, killAfterMs: 60_000 });

const freshDir = () => mkdtempSync(join(tmpdir(), 'sd-start-'));

describe('start-up faults end with one clear line and a non-zero exit', () => {
  it('invalid configuration', async () => {
    const result = await start({ PORT: 'not-a-port', DATA_DIR: freshDir() });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Configuration error: PORT/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('production without a secret', async () => {
    const result = await start({ NODE_ENV: 'production', DATA_DIR: freshDir() });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Configuration error: SESSION_SECRET is required in production (32+ characters)',
    );
  });

  it('production without DATA_KEYS, or with a malformed one', async () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: freshDir() };
    const missing = await start(production);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^Configuration error: DATA_KEYS is required in production/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const malformed = await start({ ...production, DATA_KEYS: 'k1:c2hvcnQ=' });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr.trim()).toBe(
      'Configuration error: DATA_KEYS key “k1” must be 32 bytes written in base64 (44 characters)',
    );
  });

  it('an unreachable database', async () => {
    const result = await start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DATA_DIR: freshDir() });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^Could not reach PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a corrupt data directory', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'pglite'), { recursive: true });
    writeFileSync(join(dir, 'pglite', 'PG_VERSION'), 'garbage\n');
    writeFileSync(join(dir, 'pglite', 'postgresql.conf'), '\u0000\u0001 not a config');
    const result = await start({ DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Could not open the embedded database/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a port already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await start({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: freshDir() });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        `Port ${port} is already in use: stop the other program or set PORT.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('a data directory written by a newer version, after a clean first start that seeds once', async () => {
    const dir = freshDir();
    const first = await start({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir }, /Selfdirect is running/);
    expect(first.stdout).toContain('Created the demo council');
    const second = await start({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir }, /Selfdirect is running/);
    expect(second.stdout).not.toContain('Created the demo council');
    // Pretend a newer Selfdirect applied one more migration.
    const { openDatabase } = await import('../../src/platform/db/client.ts');
    const database = await openDatabase({ dataDir: dir });
    await database.db.execute(
      (await import('drizzle-orm'))
        .sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('future', 9999999999999)`,
    );
    await database.close();
    const newer = await start({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir });
    expect(newer.code).toBe(1);
    expect(newer.stderr.trim()).toMatch(/written by a newer version/);
  }, 120_000); // three real starts, the first seeding the demo: slow on a busy machine
});
