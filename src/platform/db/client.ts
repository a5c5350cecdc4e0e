import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { besideRequestTransaction } from './transaction.ts';

/** One Drizzle type for both drivers: features write queries once. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: stores accept both. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for the start-up message (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export class DatabaseOpenError extends Error {}

type QueryListener = (statement: string) => void;
const listeners = new Set<QueryListener>();
const heard = (statement: string) => {
  for (const listener of listeners) listener(statement);
};
/** Drizzle's query log, passed to whoever listens (tests counting a request's round trips). */
const logger = { logQuery: (query: string) => heard(query) };

/**
 * Test hook: `listener` hears the SQL of every statement sent through either driver, with
 * `begin` and `commit` (or `rollback`) around each transaction, until the returned function
 * is called. Costs nothing when nobody listens.
 */
export function watchQueries(listener: QueryListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A query on the database itself while a request's transaction is open on it would run
 * beside that transaction (on PGlite, with one connection, wait for it forever): refused.
 */
function refuseBesideRequest(db: Db): void {
  if (besideRequestTransaction(db))
    throw new Error(
      'A query was sent to the database beside the request’s own transaction: use inTenant(db, …) (it reuses the transaction) or do it before the handler runs.',
    );
}

/** PGlite on disk under DATA_DIR by default; node-postgres when a URL is given. */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  inMemory?: boolean;
}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.inMemory ? undefined : join(options.dataDir ?? './data', 'pglite'));
}

async function openPglite(directory: string | undefined): Promise<Database> {
  if (directory) mkdirSync(directory, { recursive: true });
  let client: PGlite;
  try {
    client = await PGlite.create(directory ? { dataDir: directory } : {});
    await client.query('select 1');
  } catch (error) {
    throw new DatabaseOpenError(
      `Could not open the embedded database in ${directory}: it may be corrupt or from another version (${describe(error)}). Move it aside or set DATA_DIR.`,
    );
  }
  const db = drizzlePglite({ client, logger }) as unknown as Db;
  const { query, exec, transaction } = client;
  client.query = function (this: PGlite, ...args: Parameters<PGlite['query']>) {
    refuseBesideRequest(db);
    return query.apply(this, args);
  } as PGlite['query'];
  client.exec = function (this: PGlite, ...args: Parameters<PGlite['exec']>) {
    refuseBesideRequest(db);
    return exec.apply(this, args);
  };
  client.transaction = async function <T>(this: PGlite, work: Parameters<PGlite['transaction']>[0]) {
    refuseBesideRequest(db);
    if (listeners.size) heard('begin');
    try {
      const result = (await transaction.call(this, work)) as T;
      if (listeners.size) heard('commit');
      return result;
    } catch (error) {
      if (listeners.size) heard('rollback');
      throw error;
    }
  };
  return {
    db,
    kind: 'pglite',
    location: directory ?? 'memory',
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // Without a listener an idle client's network error would crash the process.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseOpenError(`Could not reach PostgreSQL at ${redactUrl(url)}: ${describe(error)}`);
  }
  const db = drizzlePostgres({ client: pool, logger }) as unknown as Db;
  const { query, connect } = pool;
  pool.query = function (this: pg.Pool, ...args: Parameters<pg.Pool['query']>) {
    refuseBesideRequest(db);
    return (query as (...a: typeof args) => unknown).apply(this, args);
  } as pg.Pool['query'];
  pool.connect = function (this: pg.Pool, ...args: Parameters<pg.Pool['connect']>) {
    refuseBesideRequest(db);
    return (connect as (...a: typeof args) => unknown).apply(this, args);
  } as pg.Pool['connect'];
  return { db, kind: 'postgres', location: redactUrl(url), close: () => pool.end() };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an invalid URL';
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(describe).join('; ');
  return error instanceof Error ? error.message || error.name : String(error);
}

/** `GET /ready`: the database answers a query. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * What may be logged about a failed query: its SQL text (with $1… placeholders, never the
 * values bound to them) and the database's error code and names (table, column, constraint).
 * Never the parameters, and never the database's message or detail, which quote values
 * ("invalid input syntax for type date: …", "Key (chi_number)=(…) already exists").
 * Returns null when no database error is in the error's cause chain.
 */
export function queryFailure(error: unknown): Record<string, string> | null {
  let query: string | null = null;
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 10; depth++) {
    const candidate = e as Record<string, unknown>;
    if (typeof candidate.query === 'string' && 'params' in candidate) query = candidate.query;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const names: Record<string, string> = { code: candidate.code };
      for (const key of ['severity', 'schema', 'table', 'column', 'constraint', 'dataType', 'routine'])
        if (typeof candidate[key] === 'string') names[key] = candidate[key];
      return query ? { sql: query, ...names } : names;
    }
    e = candidate.cause;
  }
  return query ? { sql: query } : null;
}
