import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import { inTenant } from '../db/transaction.ts';
import { type AuditAction, isPart } from './catalogue.ts';
import { type AuditEntry, recordAudit } from './index.ts';

/**
 * One request, one audit row (per person it touched). A page often reads through several
 * audited services (the person's name, their outcomes, their plan); each used to write its
 * own row, so one visit showed in "who looked" two or three times.
 *
 * Each request now has an audit unit (made in a hook, found by `audited()` through
 * AsyncLocalStorage, so no page or service passes it along):
 * - a read runs its work in its own transaction and is remembered, not written;
 * - before the answer leaves (the `onSend` hook), the request's reads are written as one
 *   row per person: named after the main read (the first that is not `part` of a page),
 *   with the others listed in `detail.also`. If that row cannot be written the answer
 *   becomes an error page, so nothing read is shown without its row;
 * - a change (or export, refusal, grant) still writes its row in the same transaction as
 *   its work, and the reads made before it in the request fold into that row.
 * Outside a request (the command line, seeding, tests calling services) there is no unit
 * and every call writes its own row, as before.
 */
export class AuditUnit {
  readonly #pending = new Map<string, { entry: AuditEntry; reads: AuditEntry[] }>();

  /** Remembers a read that has finished; it is written when the request answers. */
  read(entry: AuditEntry): void {
    const key = keyOf(entry);
    const found = this.#pending.get(key);
    if (found) found.reads.push(entry);
    else this.#pending.set(key, { entry, reads: [entry] });
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
    const rows = [...this.#pending.values()].filter((p) => p.reads.length).map((p) => merged(p.reads));
    this.#pending.clear();
    const byCouncil = new Map<string, AuditEntry[]>();
    for (const row of rows) byCouncil.set(row.authorityId, [...(byCouncil.get(row.authorityId) ?? []), row]);
    for (const [authorityId, entries] of byCouncil) {
      await inTenant(db, authorityId, async (tx) => {
        for (const entry of entries) await recordAudit(tx, entry);
      });
    }
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

/**
 * Gives every request its audit unit just before the handler runs (after the body is parsed,
 * so the context survives to the handler), and writes its reads before the answer is sent.
 */
const plugin: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.addHook('preHandler', (request, _reply, done) => {
    const unit = new AuditUnit();
    units.set(request, unit);
    storage.run(unit, done);
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    const unit = units.get(request);
    if (unit) {
      units.delete(request);
      await unit.flush(db);
    }
    return payload;
  });
};
export const auditPerRequest = fp(plugin, { name: 'audit-per-request' });
