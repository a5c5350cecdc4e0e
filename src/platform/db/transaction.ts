import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';

/** The role every tenant transaction drops to, so row-level security applies. */
export const APP_ROLE = 'selfdirect_app';

/**
 * Runs `work` in one transaction confined to one council: the tenant setting is local
 * to the transaction and the role drops to the non-superuser application role, so
 * PostgreSQL's row-level security hides every other council's rows. Every service uses it.
 * Inside a request's unit of work (`requestTransaction`) it runs `work` in the request's
 * one transaction instead of opening another.
 */
export function inTenant<T>(db: Db, authorityId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  const unit = requestUnit.getStore();
  if (unit?.db === db) return unit.transaction(authorityId).then(work);
  return ownTransaction(db, authorityId, work);
}

function ownTransaction<T>(db: Db, authorityId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.authority_id', ${authorityId}, true), set_config('role', ${APP_ROLE}, true)`,
    );
    return work(tx);
  });
}

const ROLLED_BACK = new Error('The request’s transaction was rolled back.');

/**
 * One request's unit of work: one transaction confined to the council of the person asking,
 * begun by the first `inTenant` the request makes and kept open until the request commits
 * or rolls it back. A request that reads nothing opens none.
 */
export class RequestTransaction {
  #state: 'idle' | 'open' | 'ended' = 'idle';
  #tx: Promise<Tx> | null = null;
  #end: ((commit: boolean) => void) | null = null;
  #done: Promise<void> = Promise.resolve();
  #last: (tx: Tx) => Promise<void> = async () => {};

  constructor(
    readonly db: Db,
    readonly authorityId: string,
  ) {}

  /** Runs `handler` so every `inTenant` it makes on this database uses this transaction. */
  run<T>(handler: () => T): T {
    return requestUnit.run(this, handler);
  }

  /** Whether a query on the database itself now would run beside this unit of work. */
  get guarding(): boolean {
    return this.#state !== 'ended';
  }

  async transaction(authorityId: string): Promise<Tx> {
    if (this.#state === 'ended')
      throw new Error('This request’s transaction has ended: nothing more can be read for it.');
    if (authorityId !== this.authorityId)
      throw new Error('A request’s transaction is confined to the council of the person asking.');
    if (!this.#tx) {
      this.#state = 'open';
      this.#tx = new Promise<Tx>((opened, failed) => {
        const finished = new Promise<boolean>((end) => {
          this.#end = end;
        });
        // Begun outside the unit, so the guard on the database lets this one through.
        this.#done = requestUnit.exit(() =>
          ownTransaction(this.db, this.authorityId, async (tx) => {
            opened(tx);
            if (!(await finished)) throw ROLLED_BACK;
            await this.#last(tx);
          }),
        );
        this.#done.catch(failed);
      });
    }
    return this.#tx;
  }

  /** Writes `last` (the request's audit rows) into the transaction, if one was begun, and commits. */
  async commit(last: (tx: Tx) => Promise<void>): Promise<void> {
    this.#state = 'ended';
    this.#last = last;
    this.#end?.(true);
    await this.#done;
  }

  /** Rolls back whatever the request did. */
  async rollback(): Promise<void> {
    this.#state = 'ended';
    this.#end?.(false);
    await this.#done.catch((error: unknown) => {
      if (error !== ROLLED_BACK) throw error;
    });
  }
}

const requestUnit = new AsyncLocalStorage<RequestTransaction>();

/**
 * Whether a query on `db` itself would now run beside the request's unit of work (on PGlite,
 * with one connection, wait for it forever): every query of a request goes through `inTenant`.
 */
export function besideRequestTransaction(db: Db): boolean {
  const unit = requestUnit.getStore();
  return unit !== undefined && unit.db === db && unit.guarding;
}

/**
 * A transaction outside any council, as the database owner: only for work that must
 * look across councils before one is known (signing in, sessions, migrations, seeding).
 */
export function asSystem<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/**
 * One transaction that makes a council and then works inside it: `create` runs as the database
 * owner (the councils table belongs to no council) and returns the new council's id; `work` then
 * runs confined to that council exactly as `inTenant` would (row-level security applies), so the
 * council, its first rows and their audit commit together or not at all. Only the platform
 * operator's "create a council" uses it.
 */
export function inNewTenant<T>(
  db: Db,
  create: (tx: Tx) => Promise<string>,
  work: (tx: Tx, authorityId: string) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const authorityId = await create(tx);
    await tx.execute(
      sql`select set_config('app.authority_id', ${authorityId}, true), set_config('role', ${APP_ROLE}, true)`,
    );
    return work(tx, authorityId);
  });
}

/** Rows of a raw query, the same shape on both drivers. */
export async function rows<T>(executor: Db | Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
