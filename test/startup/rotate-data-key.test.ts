import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDataKey } from '../../src/config.ts';
import { runEntryPoint } from '../support/process.ts';

const cli = (args: string[], env: Record<string, string>) =>
  runEntryPoint('src/cli/index.ts', args, env, { killAfterMs: 170_000 });

describe('selfdirect rotate-data-key, as an operator runs it', () => {
  it('re-seals the demo council’s bank details under the new first key, then finds nothing to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-rotate-'));
    const seeded = await cli(['seed-demo'], { DATA_DIR: dir });
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    // Demo mode kept its generated key in DATA_DIR; the operator puts a new one in front of it.
    const old = readFileSync(join(dir, 'data-keys'), 'utf8').trim();
    const env = { DATA_DIR: dir, DATA_KEYS: `${newDataKey('next')},${old}` };

    const first = await cli(['rotate-data-key', '--batch-size', '1'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Demo Council: 1 re-sealed, 0 already under “next”/);
    expect(first.stdout).toMatch(/Demo Borough Council: 1 re-sealed, 0 already under “next”/);
    expect(first.stdout).toMatch(/Done: 2 re-sealed/);

    const second = await cli(['rotate-data-key'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Demo Council: 0 re-sealed, 1 already under “next”/);

    const bad = await cli(['rotate-data-key', '--batch-size', 'lots'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('selfdirect: --batch-size must be a whole number from 1 to 10000');
  }, 180_000);
});
