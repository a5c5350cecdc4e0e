import { describe, expect, it } from 'vitest';
import { formatTable, medianMs, ratioOf, type ScenarioResult } from './measure.ts';

const result = (overrides: Partial<ScenarioResult>): ScenarioResult => ({
  scenario: 'equity report over 100 people',
  app: 'app',
  baseline: 'sql',
  unit: 'ms',
  appValue: 30,
  baselineValue: 20,
  ratio: 1.5,
  target: '≤ 1.5× hand-written SQL',
  meetsTarget: true,
  detail: {},
  ...overrides,
});

describe('bench results', () => {
  it('gives the ratio of app to baseline, and 0 when the baseline measured nothing', () => {
    expect(ratioOf(30, 20)).toBe(1.5);
    expect(ratioOf(5, 0)).toBe(0);
  });

  it('takes the median of the timed runs after one warm-up', async () => {
    let calls = 0;
    const ms = await medianMs(3, async () => {
      calls += 1;
    });
    expect(calls).toBe(4);
    expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('prints one aligned row per scenario with its ratio and whether the target was met', () => {
    const table = formatTable([
      result({}),
      result({
        scenario: 'person summary API',
        unit: 'req/s',
        appValue: 400,
        baselineValue: 1000,
        ratio: 0.4,
        meetsTarget: false,
      }),
      result({ scenario: 'payment run', meetsTarget: null }),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toContain('1.50×');
    expect(lines[3]).toContain('400 req/s');
    expect(lines[3]).toMatch(/0\.40×.*NO/);
    expect(lines[4]).toMatch(/–\s*$/);
  });
});
