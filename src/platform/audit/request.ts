import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import type { Db, Tx } from '../db/client.ts';
import { inTenant, RequestTransaction } from '../db/transaction.ts';
import { type AuditAction, isPart } from './catalogue.ts';
import { type AuditEntry, recordAudit } from './record.ts';

/**
 * One request, one unit of work, one audit row (per person it touched). A page often reads
 * through several audited services (the person's name, their outcomes, their plan); each
 * used to open its own transaction and write its own row, so one visit showed in "who
 * looked" two or three times, and the row was written after the reads had committed.
 *
 * Each request now has an audit unit (made in a hook, found by `audited()` through
 * AsyncLocalStorage, so no page or service passes it along):
 * - a read is remembered, not written;
 * - a page view (GET or HEAD of a route the guard allowed to a council or person access)
 *   runs its handler in ONE transaction confined to the council (`inRequestTransaction`):
 *   every `inTenant`/`audited` it calls uses that transaction. When the answer is ready
 *   (the `onSend` hook, or the handler settling) the request's reads are written as one
 *   row per person in that same transaction, which then commits; the answer waits for the
 *   commit. If the row or the commit fails the answer becomes an error page, so nothing
 *   read is shown without its row, and a row never says someone looked when they did not.
 *   If the handler fails (a 404, a refusal) its transaction rolls back and the reads made
 *   before the failure, with any refusal, are written in a transaction of their own;
 * - other requests (POST, PUT, DELETE) keep one transaction per change, written as before:
 *   the row is written in the same transaction as its work, with the request's earlier
 *   reads of the same person folded in, and the remaining reads are written in `onSend`.
 *   Changes stay separate on purpose: a payment run commits its batches one by one so a
 *   crash part-way leaves the batches already paid recorded (payments/run-batches), and a
 *   form that fails validation still records what was read to show it.
 * Row names: the main read (the first that is not `part` of a page), with the others listed
 * in `detail.also`.
 * Outside a request (the command line, seeding, tests calling services) there is no unit
 * and every call writes its own row, as before.
 */
export class AuditUnit {
  readonly #pending = new Map<string, { entry: AuditEntry; reads: AuditEntry[] }>();
  readonly #kept: AuditEntry[] = [];

  /** Remembers a read that has finished; it is written when the request answers. */
  read(entry: AuditEntry): void {
    const key = keyOf(entry);
    const found = this.#pending.get(key);
    if (found) found.reads.push(entry);
    else this.#pending.set(key, { entry, reads: [entry] });
  }

  /**
   * A row that must be written whatever becomes of the request's work (a refusal inside a
   * page view, whose transaction rolls back with the refusal); written with the reads.
   */
  keep(entry: AuditEntry): void {
    this.#kept.push(entry);
  }

  /**
   * The row for a change with this request's earlier reads of the same person folded in,
   * and a `commit` to call once the change's transaction has committed (so a change that
   * fails leaves the reads to be written on their own).
   */
  foldInto(entry: AuditEntry): { entry: AuditEntry; commit: () => void } {
    const key = keyOf(entry);
    const found = this.#pending.get(key);
    if (!found) return { entry, commit: () => {} };
    const taken = found.reads.length;
    return {
      entry: withAlso(entry, found.reads),
      commit: () => {
        found.reads.splice(0, taken);
        if (!found.reads.length) this.#pending.delete(key);
      },
    };
  }

  /** Writes the remembered reads, one row per person, in one transaction per council. */
  async flush(db: Db): Promise<void> {
    const byCouncil = new Map<string, AuditEntry[]>();
    for (const row of this.#take())
      byCouncil.set(row.authorityId, [...(byCouncil.get(row.authorityId) ?? []), row]);
    for (const [authorityId, entries] of byCouncil) {
      await inTenant(db, authorityId, async (tx) => {
        for (const entry of entries) await recordAudit(tx, entry);
      });
    }
  }

  /** Writes the remembered reads in the request's own transaction (one council's). */
  async writeInto(tx: Tx): Promise<void> {
    for (const entry of this.#take()) await recordAudit(tx, entry);
  }

  #take(): AuditEntry[] {
    const rows = [...this.#pending.values()].filter((p) => p.reads.length).map((p) => merged(p.reads));
    this.#pending.clear();
    return [...rows, ...this.#kept.splice(0)];
  }
}

const keyOf = (entry: AuditEntry) =>
  JSON.stringify([
    entry.authorityId,
    entry.personId,
    entry.actor.userId,
    entry.outcome,
    entry.reason ?? null,
  ]);

/** The request's reads as one row: the main read's name and detail, the others under `also`. */
function merged(reads: AuditEntry[]): AuditEntry {
  const main = reads.find((r) => !isPart(r.action)) ?? reads[0]!;
  return withAlso(
    main,
    reads.filter((r) => r !== main),
  );
}

function withAlso(entry: AuditEntry, others: AuditEntry[]): AuditEntry {
  const also: { action: AuditAction; detail?: Record<string, unknown> }[] = [];
  for (const other of others) {
    const repeat = also.some((a) => a.action === other.action && !a.detail && !other.detail);
    if (repeat || (other.action === entry.action && !other.detail)) continue;
    also.push(other.detail ? { action: other.action, detail: other.detail } : { action: other.action });
  }
  return also.length ? { ...entry, detail: { ...entry.detail, also } } : entry;
}

const storage = new AsyncLocalStorage<AuditUnit>();
const units = new WeakMap<FastifyRequest, AuditUnit>();

/** The audit unit of the request being handled, if any. */
export const currentAuditUnit = (): AuditUnit | undefined => storage.getStore();

/** A page view's unit of work: told when its answer is ready, settled once it has committed. */
interface PageWork {
  answerReady: () => void;
  /** Settles once the work and its audit rows have committed (or been written after a failure). */
  outcome: Promise<void>;
}
const pageWork = new WeakMap<FastifyRequest, PageWork>();
const wrapped = new WeakSet<RouteHandlerMethod>();
const isPageView = (request: FastifyRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') && request.access !== null;

/**
 * Runs a page view's handler in one transaction with its audit row (see the file header).
 * Returns what the handler returns, so Fastify answers exactly as it would have.
 */
function inOneTransaction(db: Db, request: FastifyRequest, handle: () => unknown): unknown {
  const audit = units.get(request);
  const access = request.access;
  // A platform (operator) page belongs to no council: it has no council transaction to run in.
  if (!audit || !access || access.kind === 'platform') return handle();
  const work = new RequestTransaction(db, access.authorityId);
  let result: unknown;
  try {
    result = work.run(handle);
  } catch (error) {
    result = Promise.reject(error);
  }
  let answerReady = () => {};
  const ready = new Promise<boolean>((resolve) => {
    answerReady = () => resolve(true);
  });
  // The answer is ready when Fastify starts sending it, or once the handler has finished.
  const settled = Promise.resolve(result).then(
    () => true,
    () => false,
  );
  const outcome = Promise.race([ready, settled]).then(async (answered) => {
    if (answered) await work.commit((tx) => audit.writeInto(tx));
    // The handler failed: its work rolls back, and what it read before failing, and any
    // refusal, is written on its own.
    else await work.rollback();
    await audit.flush(db);
  });
  outcome.catch(() => {}); // surfaced by the onSend hook; never an unhandled rejection
  pageWork.set(request, { answerReady, outcome });
  return result;
}

/**
 * Gives every request its audit unit just before the handler runs (after the body is parsed,
 * so the context survives to the handler), runs every page view in one transaction with its
 * audit row, and writes the other requests' reads before the answer is sent.
 */
const plugin: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  // Every route's handler, whoever declares it: a page view runs in one transaction.
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    if (wrapped.has(handler)) return;
    const inOne: RouteHandlerMethod = function (this: FastifyInstance, request, reply) {
      const handle = () => handler.call(this, request, reply);
      return isPageView(request) ? inOneTransaction(db, request, handle) : handle();
    };
    wrapped.add(inOne);
    route.handler = inOne;
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const unit = new AuditUnit();
    units.set(request, unit);
    storage.run(unit, done);
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const work = pageWork.get(request);
    if (work) {
      pageWork.delete(request);
      work.answerReady();
      await work.outcome;
    }
    const unit = units.get(request);
    if (unit) {
      units.delete(request);
      await unit.flush(db);
    }
    return payload;
  });
};
export const auditPerRequest = fp(plugin, { name: 'audit-per-request' });
