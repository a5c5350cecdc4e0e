import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { rows } from '../../../platform/db/transaction.ts';
import { accountKindOf } from './account-ids.ts';
import { checkRepeats, type NewTransfer, personOfAccount, storedValues, validateAll } from './store.ts';

/**
 * The same as `postTransfers` for a large batch (a payment run's): the accounts and the
 * transfers each go in one statement whose rows travel as a single JSON parameter, so a
 * thousand transfers cost two round trips, not thousands of bound values. Returns the
 * transfer id for every key, new or already posted.
 */
export async function postTransferBatch(
  tx: Tx,
  authorityId: string,
  transfers: readonly NewTransfer[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!transfers.length) return ids;
  await validateAll(tx, transfers);
  const accounts = [...new Set(transfers.flatMap((t) => [t.debitAccount, t.creditAccount]))].map((id) => ({
    id,
    kind: accountKindOf(id),
    person_id: personOfAccount(id),
  }));
  await tx.execute(
    sql`insert into ledger_accounts (authority_id, id, kind, person_id)
        select ${authorityId}, x.id, x.kind, x.person_id
        from json_to_recordset(${JSON.stringify(accounts)}::json) as x(id text, kind text, person_id uuid)
        on conflict do nothing`,
  );
  const values = transfers.map((t) => {
    const v = storedValues(authorityId, t);
    return {
      key: v.idempotencyKey,
      debit: v.debitAccount,
      credit: v.creditAccount,
      amount: v.amount,
      kind: v.kind,
      reverses: v.reversesTransferId,
      posted_on: v.postedOn,
      description: v.description,
      person_id: v.personId,
      run_id: v.runId,
      posted_by: v.postedBy,
    };
  });
  const inserted = await rows<{ id: string; idempotency_key: string }>(
    tx,
    sql`insert into ledger_transfers (authority_id, idempotency_key, debit_account, credit_account, amount,
          kind, reverses_transfer_id, posted_on, description, person_id, run_id, posted_by)
        select ${authorityId}, x.key, x.debit, x.credit, x.amount, x.kind, x.reverses, x.posted_on,
          x.description, x.person_id, x.run_id, x.posted_by
        from json_to_recordset(${JSON.stringify(values)}::json) as x(key text, debit text, credit text,
          amount bigint, kind text, reverses uuid, posted_on date, description text, person_id uuid,
          run_id uuid, posted_by uuid)
        on conflict (authority_id, idempotency_key) do nothing
        returning id, idempotency_key`,
  );
  for (const r of inserted) ids.set(r.idempotency_key, r.id);
  const repeats = await checkRepeats(
    tx,
    transfers.filter((t) => !ids.has(t.idempotencyKey)),
  );
  for (const r of repeats) ids.set(r.idempotencyKey, r.id);
  return ids;
}
