import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import type { AuditEntry } from './index.ts';
import { AuditUnit } from './request.ts';

const actor = { userId: 'u1', role: 'worker' as const, displayName: 'Sam' };
const entry = (
  action: AuditEntry['action'],
  personId: string | null = 'p1',
  detail?: Record<string, unknown>,
) =>
  ({
    actor,
    authorityId: 'a1',
    personId,
    action,
    route: 'GET /people/:personId',
    outcome: 'allowed',
    detail,
  }) satisfies AuditEntry;

/** A database that only records what would be inserted into the audit log. */
function fakeDb() {
  const inserted: Record<string, unknown>[] = [];
  const tx = {
    execute: async () => ({ rows: [] }),
    insert: () => ({ values: async (row: Record<string, unknown>) => void inserted.push(row) }),
  };
  const db = { transaction: async (work: (t: typeof tx) => Promise<unknown>) => work(tx) } as unknown as Db;
  return { db, inserted };
}

describe('one audit row per request', () => {
  it('writes a page’s reads as one row named after its main read, the others under also', async () => {
    const unit = new AuditUnit();
    unit.read(entry('person.header.read'));
    unit.read(entry('plan.read'));
    unit.read(entry('budget.read', 'p1', { asOf: '2026-12-01' }));
    unit.read(entry('plan.read'));
    const { db, inserted } = fakeDb();
    await unit.flush(db);
    expect(inserted).toHaveLength(1);
    expect(inserted[0]!.action).toBe('plan.read');
    expect(inserted[0]!.detail).toEqual({
      also: [{ action: 'person.header.read' }, { action: 'budget.read', detail: { asOf: '2026-12-01' } }],
    });
    await unit.flush(db);
    expect(inserted).toHaveLength(1);
  });

  it('writes one row per person read in the same request', async () => {
    const unit = new AuditUnit();
    unit.read(entry('person.read', 'p1'));
    unit.read(entry('person.read', 'p2'));
    const { db, inserted } = fakeDb();
    await unit.flush(db);
    expect(inserted.map((row) => row.personId)).toEqual(['p1', 'p2']);
  });

  it('folds earlier reads into a change’s row once the change commits, and keeps them if it fails', async () => {
    const unit = new AuditUnit();
    unit.read(entry('plan.read'));
    const failed = unit.foldInto(entry('plan.edit'));
    expect(failed.entry.detail).toEqual({ also: [{ action: 'plan.read' }] });
    // The change's transaction rolled back: commit is never called, the read is still owed.
    const first = fakeDb();
    await unit.flush(first.db);
    expect(first.inserted.map((row) => row.action)).toEqual(['plan.read']);

    unit.read(entry('plan.read'));
    const saved = unit.foldInto(entry('plan.edit'));
    saved.commit();
    const second = fakeDb();
    await unit.flush(second.db);
    expect(second.inserted).toEqual([]);
  });
});
