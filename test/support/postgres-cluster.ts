import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { postgresTemplates } from './demo-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Starts a throwaway PostgreSQL cluster from the system's binaries for the integration
 * tests (or uses TEST_DATABASE_URL), and stops and deletes it afterwards. As root it runs
 * the cluster as the unprivileged `postgres` user, because initdb refuses root. Then it makes
 * the migrated and the seeded template databases that test files clone (demo-template.ts).
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    const templates = await provideTemplates(project, process.env.TEST_DATABASE_URL);
    return () => templates.drop();
  }
  const bin = findPostgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'selfdirect-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const full = join(bin, command);
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  const port = 20000 + Math.floor(Math.random() * 20000);
  run('pg_ctl', [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    await provideTemplates(project, `postgresql://postgres@127.0.0.1:${port}/postgres`);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}

async function provideTemplates(project: TestProject, url: string) {
  const secret = randomBytes(32).toString('hex');
  const templates = await postgresTemplates(url, secret);
  project.provide('postgresUrl', url);
  project.provide('demoSessionSecret', secret);
  project.provide('postgresTemplates', { migrated: templates.migrated, seeded: templates.seeded });
  return templates;
}

function findPostgresBin(): string {
  const candidates = [
    ...readdirSafe('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`),
    '/usr/local/bin',
    '/usr/bin',
  ];
  for (const dir of candidates)
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  try {
    return execFileSync('sh', ['-c', 'dirname "$(command -v initdb)"'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'PostgreSQL binaries (initdb, pg_ctl) not found. Install them (apt-get install -y postgresql) or set TEST_DATABASE_URL.',
    );
  }
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path).sort().reverse();
  } catch {
    return [];
  }
}
