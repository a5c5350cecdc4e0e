import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../platform/db/client.ts';
import { migrate } from '../platform/db/migrate.ts';
import { inTenant, rows } from '../platform/db/transaction.ts';
import { parseGenerateArgs } from './generate.ts';
import { type GenerateResult, generateSynthetic } from './generate/index.ts';

// A small "tiny": enough people for every age band and option to appear, fast on PGlite.
const OPTIONS = { scale: 'tiny', seed: 7, people: 300, asOf: '2026-04-01' } as const;

async function freshDatabase(): Promise<Database> {
  const database = await openDatabase({ inMemory: true });
  await migrate(database);
  return database;
}

/** A digest of what is stored (not what the generator thinks it wrote), timestamps aside. */
async function storedDigest(database: Database, authorityId: string) {
  const [row] = await rows<{ people: string; plans: string; ledger: string }>(
    database.db,
    sql`select
      (select md5(string_agg(id::text || legal_name || date_of_birth || client_group || coalesce(locality, ''), ',' order by id)) from people where authority_id = ${authorityId}) as people,
      (select md5(string_agg(plan_id::text || weekly_cost || sds_option, ',' order by id)) from support_plan_cost_lines where authority_id = ${authorityId}) as plans,
      (select md5(string_agg(idempotency_key || amount, ',' order by id)) from ledger_transfers where authority_id = ${authorityId}) as ledger`,
  );
  return row!;
}

let first: Database;
let second: Database;
let a: GenerateResult;
let b: GenerateResult;

beforeAll(async () => {
  [first, second] = await Promise.all([freshDatabase(), freshDatabase()]);
  a = await generateSynthetic(first.db, OPTIONS);
  b = await generateSynthetic(second.db, OPTIONS);
}, 60_000);
afterAll(async () => {
  await first.close();
  await second.close();
});

describe('synthetic data generator', () => {
  it('makes the same council from the same seed: counts, checksum and stored rows', async () => {
    expect(a.created).toBe(true);
    expect(a.code).toBe('synthetic-tiny-7');
    expect(a.counts).toEqual(b.counts);
    expect(a.checksum).toBe(b.checksum);
    expect(a.authorityId).toBe(b.authorityId);
    expect(await storedDigest(first, a.authorityId)).toEqual(await storedDigest(second, b.authorityId));
    expect(a.counts.people).toBe(300);
    expect(a.rows).toBe(Object.values(a.counts).reduce((sum, n) => sum + n, 0));
  });

  it('makes a different council from a different seed, beside the first', async () => {
    const other = await generateSynthetic(first.db, { ...OPTIONS, seed: 8, people: 50 });
    expect(other.created).toBe(true);
    expect(other.authorityId).not.toBe(a.authorityId);
    const [count] = await rows<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from authorities where code like 'synthetic-tiny-%'`,
    );
    expect(count!.n).toBe(2);
  });

  it('does nothing when the same scale and seed is generated again', async () => {
    const again = await generateSynthetic(first.db, OPTIONS);
    expect(again).toMatchObject({ created: false, authorityId: a.authorityId, rows: 0 });
    const [count] = await rows<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from people where authority_id = ${a.authorityId}`,
    );
    expect(count!.n).toBe(300);
  });

  it('spreads people over every age band, client group, sex and locality', async () => {
    const bands = await rows<{ band: string; n: number }>(
      first.db,
      sql`select case when age < 18 then '0-17' when age < 25 then '18-24' when age < 65 then '25-64' when age < 85 then '65-84' else '85+' end as band, count(*)::int as n
          from (select extract(year from age(date '2026-04-01', date_of_birth))::int as age from people where authority_id = ${a.authorityId}) p group by 1`,
    );
    expect(bands.map((b) => b.band).sort()).toEqual(['0-17', '18-24', '25-64', '65-84', '85+']);
    const [spread] = await rows<{
      groups: number;
      sexes: number;
      localities: number;
      ethnicities: number;
      options: number;
    }>(
      first.db,
      sql`select (select count(distinct client_group)::int from people where authority_id = ${a.authorityId}) as groups,
                 (select count(distinct sex)::int from person_equality where authority_id = ${a.authorityId}) as sexes,
                 (select count(distinct locality)::int from people where authority_id = ${a.authorityId}) as localities,
                 (select count(distinct ethnicity)::int from person_equality where authority_id = ${a.authorityId}) as ethnicities,
                 (select count(distinct sds_option)::int from support_plan_cost_lines where authority_id = ${a.authorityId}) as options`,
    );
    expect(spread).toMatchObject({ localities: 4, options: 4 });
    expect(spread!.sexes).toBeGreaterThanOrEqual(2);
    expect(spread!.groups).toBeGreaterThanOrEqual(6);
    expect(spread!.ethnicities).toBeGreaterThanOrEqual(8);
  });

  it('keeps the money consistent: plans add up, agreed plans have an agreed budget, every payment is in the ledger', async () => {
    const [check] = await rows<{
      plan_mismatch: number;
      agreed_without_budget: number;
      payment_mismatch: number;
      payments: number;
    }>(
      first.db,
      sql`select
        (select count(*)::int from support_plans p where authority_id = ${a.authorityId}
           and total_weekly <> (select sum(weekly_cost) from support_plan_cost_lines l where l.authority_id = p.authority_id and l.plan_id = p.id)) as plan_mismatch,
        (select count(*)::int from support_plans p where authority_id = ${a.authorityId} and state = 'agreed'
           and not exists (select 1 from person_budgets b where b.authority_id = p.authority_id and b.person_id = p.person_id and b.kind = 'agreed' and b.status = 'current')) as agreed_without_budget,
        (select count(*)::int from dp_payments d join ledger_transfers t on t.authority_id = d.authority_id and t.id = d.transfer_id
           where d.authority_id = ${a.authorityId} and (t.amount <> d.amount or (d.explanation->>'total')::bigint <> d.amount)) as payment_mismatch,
        (select count(*)::int from dp_payments where authority_id = ${a.authorityId}) as payments`,
    );
    expect(check).toEqual({
      plan_mismatch: 0,
      agreed_without_budget: 0,
      payment_mismatch: 0,
      payments: a.counts.dp_payments,
    });
    expect(check!.payments).toBeGreaterThan(0);
  });

  it('is loaded as the owner but read through tenancy like any council', async () => {
    const seen = await inTenant(first.db, a.authorityId, (tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from people`),
    );
    expect(seen[0]!.n).toBe(300);
    const other = await inTenant(
      first.db,
      b.authorityId === a.authorityId ? '00000000-0000-4000-8000-000000000000' : b.authorityId,
      (tx) => rows<{ n: number }>(tx, sql`select count(*)::int as n from people`),
    );
    expect(other[0]!.n).toBe(0);
  });
});

describe('generate command arguments', () => {
  it('refuses an unknown option in plain words', () => {
    expect(parseGenerateArgs(['--scale', 'tiny', '--seed', '1', '--size', '3']).problems).toEqual([
      "Unknown option '--size'",
    ]);
  });

  it('accepts a scale and a seed', () => {
    expect(parseGenerateArgs(['--scale', 'council', '--seed', '3'])).toMatchObject({
      scale: 'council',
      seed: 3,
      problems: [],
    });
  });

  it('names each wrong argument', () => {
    const parsed = parseGenerateArgs([
      '--scale',
      'huge',
      '--seed=-1',
      '--people',
      '0',
      '--as-of',
      '2026-13-01',
    ]);
    expect(parsed.problems).toEqual([
      '--scale must be one of tiny, council, nation',
      '--seed must be a whole number, 0 or more',
      '--people must be a whole number, 1 or more',
      '--as-of must be a date like 2026-04-01',
    ]);
  });
});
