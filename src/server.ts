import { buildApp } from './app.ts';
import { seedDemo } from './cli/seed-demo.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseOpenError, openDatabase, queryFailure } from './platform/db/client.ts';
import { migrate, NewerDataError } from './platform/db/migrate.ts';
import { demoAccounts } from './features/accounts/index.ts';

/**
 * `npm start`: read config, open the database, migrate, seed the demo council once (demo
 * mode), listen. Every expected failure ends with one clear line and a non-zero exit.
 */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  if (config.mode !== 'production') {
    const seeded = await seedDemo(database.db, config);
    if (seeded.created) console.log('Created the demo councils with their demo people and accounts.');
  }
  const app = await buildApp({ database, config });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await database.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      fail(`Port ${config.port} is already in use: stop the other program or set PORT.`);
    if (code === 'EACCES')
      fail(`Not allowed to listen on port ${config.port}: choose a port above 1024 with PORT.`);
    throw error;
  }
  const address = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(
    `Selfdirect is running at ${address} (database: ${database.kind} ${database.location}; started in ${Date.now() - started} ms)`,
  );
  if (config.mode !== 'production') {
    console.log(`Sign in at ${address}/sign-in with any demo account, password "${config.demoPassword}":`);
    for (const council of new Set(demoAccounts().map((a) => a.council)))
      console.log(
        `  ${council}: ${demoAccounts()
          .filter((a) => a.council === council)
          .map((a) => a.email)
          .join(', ')}`,
      );
  }
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseOpenError || error instanceof NewerDataError) {
    fail(error.message);
  }
  // A failed query is described by its SQL and code, never its values.
  const failure = queryFailure(error);
  const message = failure
    ? `database error ${failure.code ?? ''} in: ${failure.sql ?? '(no query)'}`
    : (error instanceof Error ? error.message : String(error)).split('\n')[0];
  fail(`Selfdirect could not start: ${message}`);
});
