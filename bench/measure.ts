/** One scenario's result: the app's figure beside the bare baseline's, from the same run. */
export interface ScenarioResult {
  scenario: string;
  /** What the app side did, and what the baseline did. */
  app: string;
  baseline: string;
  unit: 'req/s' | 'rows/s' | 'ms';
  appValue: number;
  baselineValue: number;
  /** req/s, rows/s: app ÷ baseline (higher is better); ms: app ÷ baseline (lower is better). */
  ratio: number;
  target: string;
  meetsTarget: boolean | null;
  detail: Record<string, number | string>;
}

export const ratioOf = (app: number, baseline: number) => (baseline === 0 ? 0 : app / baseline);

/** Median wall time in milliseconds of `times` runs of `work` (after one warm-up run). */
export async function medianMs(times: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const taken: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    taken.push(performance.now() - started);
  }
  taken.sort((a, b) => a - b);
  return taken[Math.floor(taken.length / 2)]!;
}

export const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

/** The results as a plain-text table, widest cell setting each column. */
export function formatTable(results: readonly ScenarioResult[]): string {
  const header = ['scenario', 'app', 'baseline', 'ratio', 'target', 'met'];
  const body = results.map((r) => [
    r.scenario,
    `${round(r.appValue)} ${r.unit}`,
    `${round(r.baselineValue)} ${r.unit}`,
    `${r.ratio.toFixed(2)}×`,
    r.target,
    r.meetsTarget === null ? '–' : r.meetsTarget ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

const round = (value: number) => (value >= 100 ? Math.round(value).toString() : value.toFixed(1));
