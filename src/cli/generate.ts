import { parseArgs } from 'node:util';
import { bankKeys } from '../features/payments/index.ts';
import { loadConfig } from '../config.ts';
import { isIsoDate } from '../platform/dates.ts';
import { openDatabase } from '../platform/db/client.ts';
import { migrate } from '../platform/db/migrate.ts';
import { generateSynthetic } from './generate/index.ts';
import { ProgressBar } from './generate/progress.ts';
import { isScaleName, SCALE_NAMES, type ScaleName, SCALES } from './generate/scales.ts';

const USAGE = `Usage: selfdirect generate --scale ${SCALE_NAMES.join('|')} --seed N [--people N] [--as-of YYYY-MM-DD]

Fills the database (PGlite under DATA_DIR, or DATABASE_URL) with a synthetic council:
  tiny     about ${SCALES.tiny.people.toLocaleString('en-GB')} people (for tests)
  council  about ${SCALES.council.people.toLocaleString('en-GB')} people and millions of ledger rows
  nation   about ${SCALES.nation.people.toLocaleString('en-GB')} people and tens of millions of ledger rows (use PostgreSQL)
The same scale, seed and as-of date always give the same data.`;

const parseKnown = (args: string[]) =>
  parseArgs({
    args,
    options: {
      scale: { type: 'string' },
      seed: { type: 'string' },
      people: { type: 'string' },
      'as-of': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  }).values;

/** Parsed and checked arguments, or the problems with them in plain words. */
export function parseGenerateArgs(args: string[]) {
  let values: ReturnType<typeof parseKnown>;
  try {
    values = parseKnown(args);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('.')[0]! : String(error);
    return {
      help: false,
      problems: [message],
      scale: 'tiny' as const,
      seed: 0,
      people: undefined,
      asOf: undefined,
    };
  }
  const problems: string[] = [];
  const scale = values.scale ?? '';
  if (!isScaleName(scale)) problems.push(`--scale must be one of ${SCALE_NAMES.join(', ')}`);
  const seed = Number(values.seed ?? '');
  if (values.seed === undefined || !Number.isSafeInteger(seed) || seed < 0)
    problems.push('--seed must be a whole number, 0 or more');
  const people = values.people === undefined ? undefined : Number(values.people);
  if (people !== undefined && (!Number.isSafeInteger(people) || people < 1))
    problems.push('--people must be a whole number, 1 or more');
  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDate(asOf)) problems.push('--as-of must be a date like 2026-04-01');
  return { help: values.help === true, problems, scale: scale as ScaleName, seed, people, asOf };
}

export async function runGenerate(args: string[]): Promise<void> {
  const parsed = parseGenerateArgs(args);
  if (parsed.help || parsed.problems.length) {
    console.log(USAGE);
    for (const problem of parsed.problems) console.error(problem);
    if (parsed.problems.length) process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    const total = parsed.people ?? SCALES[parsed.scale].people;
    const progress = new ProgressBar(total, `Generating ${parsed.scale} (seed ${parsed.seed})`);
    const result = await generateSynthetic(database.db, {
      scale: parsed.scale,
      seed: parsed.seed,
      people: parsed.people,
      asOf: parsed.asOf,
      bankKeys: bankKeys(config),
      onProgress: (done, rows) => progress.update(done, rows),
    });
    if (!result.created) {
      console.log(`Council ${result.code} already exists in this database: nothing to do.`);
      return;
    }
    for (const [table, count] of Object.entries(result.counts))
      console.log(`  ${table.padEnd(28)} ${count.toLocaleString('en-GB').padStart(12)}`);
    console.log(
      `Generated ${result.code} on ${database.kind} (${database.location}), as of ${result.asOf}: ${result.rows.toLocaleString('en-GB')} rows in ${result.seconds.toFixed(1)} s = ${Math.round(result.rows / result.seconds).toLocaleString('en-GB')} rows per second (checksum ${result.checksum}).`,
    );
  } finally {
    await database.close();
  }
}
