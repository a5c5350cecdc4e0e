import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { verifyAuditChain } from '../platform/audit/index.ts';
import { DatabaseOpenError, openDatabase, queryFailure } from '../platform/db/client.ts';
import { migrate, NewerDataError } from '../platform/db/migrate.ts';
import { rows } from '../platform/db/transaction.ts';
import { seedDemo } from './seed-demo.ts';
import { sql } from 'drizzle-orm';

const COMMANDS: Record<string, { summary: string; run: (args: string[]) => Promise<void> }> = {
  migrate: {
    summary: 'apply database migrations and tenancy rules',
    run: async () =>
      withDatabase(async (database) => {
        const { applied } = await migrate(database);
        console.log(`Migrations applied: ${applied} new (database: ${database.kind} ${database.location}).`);
      }),
  },
  'seed-demo': {
    summary: 'create the demo council once (demo mode only)',
    run: async () =>
      withDatabase(async (database, config) => {
        await migrate(database);
        const { created } = await seedDemo(database.db, config);
        console.log(created ? 'Demo council created.' : 'Demo council already exists: nothing to do.');
      }),
  },
  'verify-audit': {
    summary: 'recompute every council’s audit hash chain; exits 1 if any link is broken',
    run: async () =>
      withDatabase(async (database) => {
        const councils = await rows<{ id: string; name: string }>(
          database.db,
          sql`select id, name from authorities order by name`,
        );
        let broken = 0;
        for (const council of councils) {
          const check = await verifyAuditChain(database.db, council.id);
          const state = check.brokenAt === null ? 'intact' : `BROKEN at event ${check.brokenAt}`;
          if (check.brokenAt !== null) broken++;
          console.log(`${council.name}: ${check.checked} events, chain ${state}`);
        }
        if (broken) process.exitCode = 1;
      }),
  },
  'rotate-data-key': {
    summary: 're-seal every stored bank detail under the first DATA_KEYS key (safe while the app runs)',
    run: async (args) => {
      const { values } = parseArgs({ args, options: { 'batch-size': { type: 'string' } }, strict: true });
      const batchSize = values['batch-size'] ? Number(values['batch-size']) : 500;
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
        console.error('selfdirect: --batch-size must be a whole number from 1 to 10000');
        process.exitCode = 2;
        return;
      }
      await withDatabase(async (database, config) => {
        const { bankKeys, resealBankDetails } = await import('../features/payments/index.ts');
        const keys = bankKeys(config);
        console.log(`Re-sealing bank details under data key “${keys.current.id}” (batches of ${batchSize}).`);
        const councils = await resealBankDetails(database.db, keys, { batchSize });
        let unreadable = 0;
        for (const c of councils) {
          unreadable += c.unreadable;
          console.log(
            `${c.name}: ${c.resealed} re-sealed, ${c.alreadyCurrent} already under “${keys.current.id}”, ` +
              `${c.changedMeanwhile} changed by someone else meanwhile (left as written), ${c.unreadable} unreadable`,
          );
        }
        const total = councils.reduce((sum, c) => sum + c.resealed, 0);
        console.log(
          `Done: ${total} re-sealed in ${councils.length} ${councils.length === 1 ? 'council' : 'councils'}.`,
        );
        if (unreadable)
          console.log(
            `${unreadable} could not be read with the configured keys (a removed key, or never sealed): they keep their text; keep any old key until they are entered again.`,
          );
      });
    },
  },
  import: {
    summary: 'import a caseload from CSV files: --dry-run|--commit DIR --council CODE --as ADMIN-EMAIL',
    run: async (args) => {
      const { runImport } = await import('./import.ts');
      await runImport(args, withDatabase);
    },
  },
  generate: {
    summary: 'fill the database with synthetic data: --scale tiny|council|nation --seed N',
    run: async (args) => {
      const { runGenerate } = await import('./generate.ts');
      await runGenerate(args);
    },
  },
};

async function withDatabase(
  work: (
    database: Awaited<ReturnType<typeof openDatabase>>,
    config: ReturnType<typeof loadConfig>,
  ) => Promise<void>,
) {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await work(database, config);
  } finally {
    await database.close();
  }
}

function usage() {
  console.log('Usage: selfdirect <command> [options]\n\nCommands:');
  for (const [name, command] of Object.entries(COMMANDS))
    console.log(`  ${name.padEnd(14)} ${command.summary}`);
}

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true, strict: false });
  const [name, ...rest] = positionals;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    usage();
    process.exitCode = name ? 2 : 0;
    return;
  }
  await command.run(
    process.argv.slice(process.argv.indexOf(name!) + 1).length
      ? process.argv.slice(process.argv.indexOf(name!) + 1)
      : rest,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseOpenError || error instanceof NewerDataError) {
    console.error(error.message);
  } else {
    // A failed query is described by its SQL and code: its message would list the values.
    const failure = queryFailure(error);
    const message = failure
      ? `database error ${failure.code ?? ''} in: ${failure.sql ?? '(no query)'}`
      : error instanceof Error
        ? error.message
        : String(error);
    console.error(`selfdirect: ${message}`);
  }
  process.exit(1);
});
