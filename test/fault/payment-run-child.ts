/**
 * A payment run in its own process, for the fault test: it is killed with SIGKILL at random
 * moments and started again. Usage (env): DATABASE_URL, AUTHORITY_ID, RUN_DATE, BATCH_SIZE.
 * Prints "ready", then "batch <n> <posted>" after each committed batch, then "done".
 */
import { sql } from 'drizzle-orm';
import type { CouncilAccess } from '../../src/platform/auth/access.ts';
import { openDatabase } from '../../src/platform/db/client.ts';
import { asSystem, rows } from '../../src/platform/db/transaction.ts';
import { approveAndPost, createRun } from '../../src/features/payments/runs/service.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const database = await openDatabase({ databaseUrl: env('DATABASE_URL') });
const authorityId = env('AUTHORITY_ID');
const [user] = await asSystem(database.db, (tx) =>
  rows<{ id: string; display_name: string; email: string }>(
    tx,
    sql`select id, display_name, email from users where authority_id = ${authorityId} and role = 'finance' limit 1`,
  ),
);
const access: CouncilAccess = {
  kind: 'council',
  authorityId,
  permission: 'payments.run',
  route: 'fault-test payment run',
  actor: {
    userId: user!.id,
    authorityId,
    role: 'finance',
    teamId: null,
    displayName: user!.display_name,
    email: user!.email,
    via: 'token',
    credentialHash: 'fault-test',
  },
};
process.stdout.write('ready\n');
const { run } = await createRun(database.db, access, env('RUN_DATE'));
await approveAndPost(database.db, access, run.id, {
  batchSize: Number(process.env.BATCH_SIZE ?? 2),
  afterBatch: (batch, posted) => {
    process.stdout.write(`batch ${batch} ${posted}\n`);
  },
});
process.stdout.write('done\n');
await database.close();
