import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../../cli/seed-demo.ts';
import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { addDays } from '../../../platform/dates.ts';
import { type Database, openDatabase } from '../../../platform/db/client.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import { asSystem, inTenant, rows } from '../../../platform/db/transaction.ts';
import { testConfig } from '../../../../test/support/app.ts';
import { testDbKind } from '../../../../test/support/db.ts';
import { type AgreementRow, toRuleAgreement } from '../agreements/service.ts';
import { bankKeys, encryptBankDetails } from '../bank/crypto.ts';
import { checkLedger } from '../ledger/store.ts';
import { planPaymentRun } from './rules.ts';
import { approveAndPost, createRun } from './service.ts';
import { dpAgreementChanges, dpAgreements } from '../schema.ts';
import { personWithAgreedPlan } from '../payments.fixtures.ts';

/**
 * The fault test: a real payment run in a child process against a real PostgreSQL database,
 * killed with SIGKILL at random moments (at least 20 kills that land before the run has
 * finished), then resumed. Afterwards every payment an uninterrupted run would make exists
 * exactly once, with the same amount, and the ledger's invariants hold.
 *
 * PGlite is an in-process database: a second process cannot open the same one, so there is
 * no way to kill "the process running the payments" without killing the database with it.
 * On the pglite project this file is skipped; it runs on the postgres project.
 */
const CHILD = fileURLToPath(new URL('../../../../test/fault/payment-run-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const KILLS_NEEDED = 22;
// Weekly run dates: the first pays the back periods since January (a long run), later ones a cycle each.
const RUN_DATES = Array.from({ length: 40 }, (_, i) => addDays('2026-03-02', 7 * i));

let database: Database;
let url: string;
let authorityId: string;
let financeAccess: CouncilAccess;

const onPostgres = testDbKind() === 'postgres';

beforeAll(async () => {
  if (!onPostgres) return;
  const adminUrl = inject('postgresUrl');
  const name = `selfdirect_fault_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  url = parsed.toString();
  database = await openDatabase({ databaseUrl: url });
  await migrate(database);
  const config = { ...testConfig(), mode: 'demo' as const };
  ({ authorityId } = await seedDemo(database.db, config));
  const [finance] = await asSystem(database.db, (tx) =>
    rows<{ id: string; display_name: string; email: string }>(
      tx,
      sql`select id, display_name, email from users where authority_id = ${authorityId} and role = 'finance' order by email limit 1`,
    ),
  );
  financeAccess = {
    kind: 'council',
    authorityId,
    permission: 'payments.run',
    route: 'fault-test payment run',
    actor: {
      userId: finance!.id,
      authorityId,
      role: 'finance',
      teamId: null,
      displayName: finance!.display_name,
      email: finance!.email,
      via: 'token',
      credentialHash: 'fault-test',
    },
  };
  // The child process creates and approves each run as one officer, so this council's payment
  // policy (a new version) does not ask for two people: the test is about crashes, not approval.
  await asSystem(database.db, (tx) =>
    tx.execute(sql`insert into payment_policy_versions (authority_id, version_label, effective_from,
          surplus_threshold_weeks, originator_name, originator_sort_code, originator_account_number,
          two_person_approval)
        values (${authorityId}, 'Fault test: one person approves', '2024-04-02', 8, 'Demo Council',
          '80-22-60', '10203040', false)`),
  );
  const key = bankKeys(config);
  // Thirty agreements: weekly, four-weekly and monthly, some with contributions, some ending,
  // some changing part-way through a period (pro rata).
  for (let i = 0; i < 30; i++) {
    const personId = await personWithAgreedPlan(database.db, authorityId, `Fault Person ${i}`, [
      10_000 + i * 137,
    ]);
    await asSystem(database.db, async (tx) => {
      const frequency = (['weekly', 'four_weekly', 'monthly'] as const)[i % 3]!;
      const [agreement] = await tx
        .insert(dpAgreements)
        .values({
          authorityId,
          personId,
          planId: (
            await rows<{ id: string }>(tx, sql`select id from support_plans where person_id = ${personId}`)
          )[0]!.id,
          weeklyAmount: 10_000 + i * 137,
          amountPerPeriod: (10_000 + i * 137) * (frequency === 'weekly' ? 1 : 4),
          frequency,
          startDate: `2026-01-${String(5 + (i % 20)).padStart(2, '0')}`,
          endDate: i % 7 === 0 ? '2026-05-20' : null,
          contributionPerPeriod: i % 4 === 0 ? 1_999 : 0,
          holderKind: 'person',
          holderName: `Fault Person ${i}`,
          bankDetails: encryptBankDetails(
            { sortCode: '200000', accountNumber: `${10_000_000 + i}`, accountName: `Fault Person ${i}` },
            key,
          ),
          accountLast4: String(10_000_000 + i).slice(-4),
          createdBy: (
            await rows<{ id: string }>(tx, sql`select id from users where role = 'finance' limit 1`)
          )[0]!.id,
        })
        .returning();
      if (i % 5 === 1) {
        await tx.insert(dpAgreementChanges).values({
          authorityId,
          agreementId: agreement!.id,
          personId,
          effectiveFrom: '2026-03-18',
          amountPerPeriod: agreement!.amountPerPeriod + 2_501,
          contributionPerPeriod: 0,
          reason: 'New plan version',
          createdBy: agreement!.createdBy,
        });
      }
    });
  }
}, 120_000);
afterAll(async () => {
  await database?.close();
});

interface ChildResult {
  finished: boolean;
  killed: boolean;
  batches: number;
  /** From "ready" to "done", for a run that finished. */
  runMs: number | null;
}

function runChild(runDate: string, killAfterMs: number | null): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        AUTHORITY_ID: authorityId,
        RUN_DATE: runDate,
        BATCH_SIZE: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    let readyAt: number | null = null;
    let doneAt: number | null = null;
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      readyAt ??= out.startsWith('ready\n') ? performance.now() : null;
      if (doneAt === null && out.includes('done\n')) doneAt = performance.now();
      // The clock starts when the child is ready, so kills land in planning, approval and posting.
      if (
        killAfterMs !== null &&
        out.startsWith('ready\n') &&
        !child.killed &&
        !(child as { timer?: unknown }).timer
      ) {
        (child as { timer?: unknown }).timer = setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, killAfterMs);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout((child as { timer?: NodeJS.Timeout }).timer);
      const finished = out.includes('done\n');
      if (!finished && !killed) reject(new Error(`child failed (${code}): ${err || out}`));
      else
        resolve({
          finished,
          killed: killed && !finished,
          batches: out.split('\n').filter((l) => l.startsWith('batch')).length,
          runMs: finished && readyAt !== null && doneAt !== null ? doneAt - readyAt : null,
        });
    });
  });
}

async function expectedPayments(
  paidBefore: { agreement_id: string; period_start: string }[],
  dates: string[],
) {
  const agreements = await asSystem(database.db, (tx) => tx.select().from(dpAgreements));
  const changes = await asSystem(database.db, (tx) => tx.select().from(dpAgreementChanges));
  const rules = agreements.map((a: AgreementRow) => toRuleAgreement(a, changes));
  const paid: Record<string, string[]> = {};
  const add = (agreementId: string, period: string) => {
    paid[agreementId] = [...(paid[agreementId] ?? []), period];
  };
  for (const p of paidBefore) add(p.agreement_id, p.period_start);
  const expected: string[] = [];
  for (const runDate of dates) {
    for (const payment of planPaymentRun(rules, runDate, paid).payments) {
      expected.push(`${payment.agreementId} ${payment.periodStart} ${payment.amount}`);
      add(payment.agreementId, payment.periodStart);
    }
  }
  return expected.sort();
}

describe.skipIf(!onPostgres)('a payment run killed at random and resumed (real process, PostgreSQL)', () => {
  it(`pays every period exactly once after at least ${KILLS_NEEDED} kills`, async () => {
    const paidBefore = await asSystem(database.db, (tx) =>
      rows<{ agreement_id: string; period_start: string }>(
        tx,
        sql`select agreement_id, period_start::text from dp_payments`,
      ),
    );
    let kills = 0;
    let cycle = 0;
    let midPosting = 0;
    const used: string[] = [];
    // The kill lands at a random moment within about as long as a whole run has lately taken
    // (a little longer, so some runs finish and the cycles move on): however fast or slow the
    // machine and the code, the kills fall in planning, approval and posting, not after the end.
    let runMs = 500;
    for (let attempt = 0; kills < KILLS_NEEDED && attempt < 150; attempt++) {
      const runDate = RUN_DATES[Math.min(cycle, RUN_DATES.length - 1)]!;
      if (!used.includes(runDate)) used.push(runDate);
      const result = await runChild(runDate, Math.floor(Math.random() * runMs * 1.3));
      if (result.runMs !== null) runMs = result.runMs;
      if (result.killed) {
        kills += 1;
        if (result.batches > 0) midPosting += 1;
      }
      if (result.finished) cycle += 1;
    }
    // Resume every run date touched, in order, as a finance officer would: a run left unfinished
    // in a new process; a posted one again here (no process to start), where it must add nothing.
    for (const runDate of used) {
      const [run] = await asSystem(database.db, (tx) =>
        rows<{ status: string }>(tx, sql`select status from payment_runs where run_date = ${runDate}`),
      );
      if (run?.status !== 'posted') expect((await runChild(runDate, null)).finished).toBe(true);
      else {
        const again = await createRun(database.db, financeAccess, runDate);
        expect(again.created).toBe(false);
        expect(await approveAndPost(database.db, financeAccess, again.run.id)).toEqual({
          posted: 0,
          alreadyPosted: true,
        });
      }
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS_NEEDED);
    expect(midPosting).toBeGreaterThan(0);

    const before = new Set(paidBefore.map((p) => `${p.agreement_id} ${p.period_start}`));
    const stored = (
      await asSystem(database.db, (tx) =>
        rows<{ key: string; amount: string }>(
          tx,
          sql`select agreement_id || ' ' || period_start::text as key, amount::text from dp_payments`,
        ),
      )
    ).filter((r) => !before.has(r.key));
    expect(stored.map((r) => `${r.key} ${r.amount}`).sort()).toEqual(
      await expectedPayments(paidBefore, used),
    );
    const [keys] = await asSystem(database.db, (tx) =>
      rows<{ payments: number; transfers: number; distinct_keys: number }>(
        tx,
        sql`select (select count(*)::int from dp_payments) as payments,
                   (select count(*)::int from ledger_transfers where kind = 'payment') as transfers,
                   (select count(distinct idempotency_key)::int from ledger_transfers) as distinct_keys`,
      ),
    );
    expect(keys!.transfers).toBe(keys!.payments);
    const check = await inTenant(database.db, authorityId, (tx) => checkLedger(tx));
    expect(check.problems).toEqual([]);
    const [runs] = await asSystem(database.db, (tx) =>
      rows<{ unfinished: number }>(
        tx,
        sql`select count(*)::int as unfinished from payment_runs where status <> 'posted'`,
      ),
    );
    expect(runs!.unfinished).toBe(0);
    console.log(
      `fault test: ${kills} kills (${midPosting} during posting), ${used.length} run dates, ${stored.length} payments`,
    );
  }, 600_000);
});
