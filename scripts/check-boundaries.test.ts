import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBoundaries, KNOWN_CYCLES } from './check-boundaries.ts';

// Both halves of the boundary rule run for real: Biome with this repository's own biome.json over
// a small tree written to a temporary directory, and the feature-cycle check over the same kind of tree.
const repo = resolve(import.meta.dirname, '..');
const biome = join(repo, 'node_modules', '.bin', 'biome');
const made: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  made.push(root);
  const config = JSON.parse(readFileSync(join(repo, 'biome.json'), 'utf8')) as Record<string, unknown>;
  delete config.$schema;
  writeFileSync(join(root, 'biome.json'), JSON.stringify(config));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function lint(root: string, path = 'src') {
  const run = spawnSync(biome, ['lint', '--colors=off', '--max-diagnostics=none', path], {
    cwd: root,
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const people = {
  'src/features/people/index.ts': "export { findPerson } from './store.ts';\n",
  'src/features/people/store.ts': 'export const findPerson = (id: string) => id;\n',
  'src/features/people/schema.ts': 'export const people = { id: 1 };\n',
  'src/features/people/people.fixtures.ts': 'export const demoPersonId = "p1";\n',
};

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('feature boundaries (npm run lint)', () => {
  it('refuses a reach into another feature’s internals, from a feature, a sub-folder and the CLI', () => {
    const root = tree({
      ...people,
      'src/features/budgets/service.ts':
        "import { findPerson } from '../people/store.ts';\nexport const a = findPerson;\n",
      'src/features/budgets/types.ts': "export type { people } from '../people/schema.ts';\n",
      'src/features/payments/ledger/store.ts':
        "import { findPerson } from '../../people/store.ts';\nexport const b = findPerson;\n",
      'src/cli/generate.ts':
        "import { findPerson } from '../features/people/store.ts';\nexport const c = findPerson;\n",
      'src/platform/audit/x.ts':
        "import { findPerson } from '../../features/people/index.ts';\nexport const d = findPerson;\n",
    });
    const { ok, output } = lint(root);
    expect(ok).toBe(false);
    for (const file of [
      'src/features/budgets/service.ts',
      'src/features/budgets/types.ts',
      'src/features/payments/ledger/store.ts',
      'src/cli/generate.ts',
      'src/platform/audit/x.ts',
    ]) {
      expect(output).toMatch(
        new RegExp(`${file.replaceAll('/', '[\\\\/]')}:\\d+:\\d+ lint/style/noRestrictedImports`),
      );
    }
  });

  it('lets code use another feature’s index.ts, a schema.ts another’s schema.ts, and a test another’s fixtures', () => {
    const root = tree({
      ...people,
      'src/features/budgets/service.ts':
        "import { findPerson } from '../people/index.ts';\nexport const a = findPerson;\n",
      'src/features/budgets/schema.ts':
        "import { people } from '../people/schema.ts';\nexport const b = people;\n",
      'src/features/budgets/budgets.test.ts':
        "import { demoPersonId } from '../people/people.fixtures.ts';\nimport { a } from './service.ts';\nexport const c = [demoPersonId, a];\n",
      'src/features/payments/ledger/store.ts':
        "import { findPerson } from '../../people/index.ts';\nimport { d } from '../runs/store.ts';\nexport const e = [findPerson, d];\n",
      'src/features/payments/runs/store.ts': 'export const d = 1;\n',
      'src/features/index.ts':
        "import { findPerson } from './people/index.ts';\nexport const f = findPerson;\n",
      'src/cli/generate.ts':
        "import { findPerson } from '../features/people/index.ts';\nexport const g = findPerson;\n",
    });
    const { ok, output } = lint(root);
    expect(output).not.toContain('noRestrictedImports');
    expect(ok).toBe(true);
  });

  it('refuses features that import each other, even when no two files form a loop', {
    timeout: 60_000,
  }, () => {
    const root = tree({
      'src/features/alpha/index.ts': "export { a } from './service.ts';\n",
      'src/features/alpha/service.ts': "import { b } from '../beta/index.ts';\nexport const a = () => b;\n",
      'src/features/alpha/names.ts': 'export const name = "alpha";\n',
      'src/features/beta/index.ts': "export { b } from './service.ts';\n",
      'src/features/beta/service.ts':
        "import type { name } from '../alpha/index.ts';\nexport const b = 1;\nexport type N = typeof name;\n",
    });
    expect(checkBoundaries(root)).toEqual([
      'Features import each other in a cycle: alpha, beta',
      '  alpha → beta: src/features/alpha/service.ts imports src/features/beta/index.ts',
      '  beta → alpha: src/features/beta/service.ts imports src/features/alpha/index.ts',
    ]);
    // As `npm run lint` runs it: the script exits 1 and names the cycle.
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(repo, 'scripts/check-boundaries.ts'), root],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Features import each other in a cycle: alpha, beta');
  });

  it('refuses a cycle between two files (Biome noImportCycles)', () => {
    const root = tree({
      'src/features/alpha/one.ts': "import { two } from './two.ts';\nexport const one = () => two();\n",
      'src/features/alpha/two.ts': "import { one } from './one.ts';\nexport const two = () => one;\n",
    });
    const { ok, output } = lint(root);
    expect(ok).toBe(false);
    expect(output).toContain('lint/suspicious/noImportCycles');
  });

  it('passes on the real tree, whose only feature cycle is the one written down', {
    timeout: 120_000,
  }, () => {
    expect(checkBoundaries(repo, KNOWN_CYCLES)).toEqual([]);
    const { ok, output } = lint(repo, '.');
    expect(output).not.toMatch(/noRestrictedImports|noImportCycles/);
    expect(ok).toBe(true);
  });
});
