import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { asSystem, rows } from '../../platform/db/transaction.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates.ts';
import type { BankKeys } from '../../features/payments/index.ts';
import { BulkLoader } from './bulk.ts';
import { buildCouncil, COUNCIL_TABLES } from './council.ts';
import { generateDirectPayment, MONEY_TABLES, PaymentRuns } from './money.ts';
import { generatePerson, PERSON_TABLES } from './person.ts';
import { Random } from './random.ts';
import { SCALES, type ScaleName } from './scales.ts';

export interface GenerateOptions {
  scale: ScaleName;
  seed: number;
  /** Override the scale's number of people (tests use a few hundred). */
  people?: number;
  /** The day the synthetic history runs up to; fixed in tests so runs compare exactly. */
  asOf?: IsoDate;
  /** The bank-details keys (DATA_KEYS) so synthetic agreements read like real ones. */
  bankKeys?: BankKeys | null;
  /** Called after each batch: people done, rows written so far. */
  onProgress?: (peopleDone: number, rowsWritten: number) => void;
}

export interface GenerateResult {
  created: boolean;
  code: string;
  authorityId: string;
  asOf: IsoDate;
  people: number;
  counts: Record<string, number>;
  rows: number;
  /** SHA-256 (first 16 hex) of every row written, in order: equal for equal seeds. */
  checksum: string;
  seconds: number;
}

/** People per batch: every table's rows for these people are written before the next batch is made. */
const PEOPLE_PER_BATCH = 500;

export const syntheticCode = (scale: ScaleName, seed: number) => `synthetic-${scale}-${seed}`;

/**
 * Fills a NEW council (code `synthetic-<scale>-<seed>`) with a synthetic population. The
 * same scale, seed and as-of date give the same rows, ids included. One transaction as the
 * database owner: an interrupted run leaves nothing behind, and a second run of the same
 * scale and seed finds the council and does nothing. Memory stays flat: people are made
 * and written batch by batch, never all held at once.
 */
export async function generateSynthetic(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  const scale = { ...SCALES[options.scale] };
  if (options.people !== undefined) scale.people = options.people;
  const code = syntheticCode(options.scale, options.seed);
  const asOf = options.asOf ?? todayInLondon();
  const started = performance.now();
  const [existing] = await rows<{ id: string }>(db, sql`select id from authorities where code = ${code}`);
  if (existing) {
    return {
      created: false,
      code,
      authorityId: existing.id,
      asOf,
      people: 0,
      counts: {},
      rows: 0,
      checksum: '',
      seconds: 0,
    };
  }
  const random = new Random(`${code}:${scale.people}:${asOf}`);
  const authorityId = random.uuid();
  let written = 0;
  const result = await asSystem(db, async (tx) => {
    const loader = new BulkLoader(tx, (n) => {
      written += n;
    });
    await loader.prepare();
    const council = buildCouncil(loader, random, {
      authorityId,
      code,
      name: `Synthetic council (${options.scale}, seed ${options.seed})`,
      asOf,
      scale,
    });
    await loader.flush(COUNCIL_TABLES);
    const runs = new PaymentRuns(loader, random.fork('runs'), council);
    const order = [...PERSON_TABLES, ...MONEY_TABLES];
    for (let done = 0; done < scale.people; ) {
      const batch = Math.min(PEOPLE_PER_BATCH, scale.people - done);
      for (let i = 0; i < batch; i++) {
        // Each person has their own generator, so a batch size change alters nothing.
        const personRandom = new Random(`${code}:${asOf}:person:${done + i}`);
        const candidate = generatePerson(loader, personRandom, council);
        if (candidate)
          generateDirectPayment(loader, personRandom, council, runs, candidate, options.bankKeys ?? null);
      }
      await loader.flush(order);
      done += batch;
      options.onProgress?.(done, written);
    }
    if (loader.has('payment_runs') && loader.has('dp_payments')) {
      // Each run's totals, set-based once every payment is in.
      await tx.execute(sql`update payment_runs r set planned_count = s.n, planned_total = s.total
        from (select run_id, count(*)::int as n, sum(amount)::bigint as total from dp_payments
              where authority_id = ${authorityId} group by run_id) s
        where r.authority_id = ${authorityId} and r.id = s.run_id`);
    }
    return { counts: Object.fromEntries(loader.counts), checksum: loader.checksum() };
  });
  // Fresh statistics, so the planner knows the tables are now large.
  await db.execute(sql`analyze`);
  return {
    created: true,
    code,
    authorityId,
    asOf,
    people: scale.people,
    counts: result.counts,
    rows: written,
    checksum: result.checksum,
    seconds: (performance.now() - started) / 1000,
  };
}
