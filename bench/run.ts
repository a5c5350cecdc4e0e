/**
 * `npm run bench [-- --quick] [--scale tiny|council|nation] [--people N] [--seed N]`
 *
 * Every scenario measures the app and a bare baseline in the same run, and reports the
 * ratio, so a slow or noisy machine does not mislead. Prints a table and writes
 * bench/results/latest.json. PGlite by default (DATA_DIR/bench); PostgreSQL with DATABASE_URL.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { isScaleName, type ScaleName } from '../src/cli/generate/scales.ts';
import { httpScenarios } from './http.ts';
import { importScenario } from './imports.ts';
import { formatTable, type ScenarioResult } from './measure.ts';
import { paymentRunScenario } from './payments.ts';
import { repricingScenario } from './repricing.ts';
import { reportScenario } from './report.ts';
import { openBenchDatabase } from './setup.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    scale: { type: 'string' },
    people: { type: 'string' },
    seed: { type: 'string' },
  },
});
const quick = values.quick === true;
const scale = (values.scale ?? (quick ? 'tiny' : 'council')) as ScaleName;
if (!isScaleName(scale)) {
  console.error('--scale must be tiny, council or nation');
  process.exit(2);
}
// Quick: a 5,000-person council, 4 s of load per side; the full run: the scale's own size.
const people = values.people ? Number(values.people) : quick && scale === 'tiny' ? 5_000 : undefined;
const seed = values.seed ? Number(values.seed) : 9;
const seconds = quick ? 4 : 15;
const times = quick ? 3 : 5;

const started = performance.now();
const bench = await openBenchDatabase({ scale, seed, people });
console.log(
  `Benchmarking ${bench.code} (${bench.people.toLocaleString('en-GB')} people) on ${bench.database.kind} (${bench.database.location})${quick ? ', quick' : ''}.`,
);
const results: ScenarioResult[] = [];
const pending: string[] = [];
try {
  results.push(...(await httpScenarios(bench, seconds)));
  results.push(await repricingScenario(bench, times));
  const payments = await paymentRunScenario(bench);
  if (payments) results.push(payments);
  else pending.push('payment run: the synthetic council has no direct-payment agreements');
  results.push(await reportScenario(bench, times));
  results.push(await importScenario(bench, quick ? 2_000 : 10_000));
} finally {
  await bench.database.close();
}

console.log(`\n${formatTable(results)}\n`);
for (const r of results) console.log(`${r.scenario}: ${JSON.stringify(r.detail)}`);
for (const p of pending) console.log(`pending: ${p}`);
const output = {
  at: new Date().toISOString(),
  database: bench.database.kind,
  location: bench.database.location,
  council: bench.code,
  people: bench.people,
  quick,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  seconds: Math.round((performance.now() - started) / 1000),
  results,
  pending,
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(output, null, 2)}\n`);
writeFileSync(
  new URL(`./results/${bench.database.kind}${quick ? '-quick' : ''}.json`, import.meta.url),
  `${JSON.stringify(output, null, 2)}\n`,
);
console.log(`Wrote bench/results/latest.json (${output.seconds} s, ${bench.database.kind}).`);
