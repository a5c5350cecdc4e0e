import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { rows } from '../../../platform/db/transaction.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { ACCOUNT_KIND_LABELS, type AccountId, type AccountKind, accountKindOf } from './account-ids.ts';
import {
  type AccountBalance,
  applyTransfers,
  checkInvariants,
  emptyLedger,
  type Transfer,
  type TransferKind,
  validateTransfer,
} from './rules.ts';
import { ledgerAccounts, ledgerTransfers } from '../schema.ts';

/** A transfer to post: the id is given by the database; the idempotency key says "once". */
export interface NewTransfer {
  idempotencyKey: string;
  debitAccount: AccountId;
  creditAccount: AccountId;
  amount: number;
  kind: TransferKind;
  reversesTransferId?: string;
  postedOn: string;
  description: string;
  personId?: string | null;
  runId?: string | null;
  postedBy: string;
}

export type TransferRow = typeof ledgerTransfers.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isAccountId(value: string): value is AccountId {
  const at = value.indexOf(':');
  return at > 0 && at < value.length - 1 && value.slice(0, at) in ACCOUNT_KIND_LABELS;
}

/** People own person_dp_account and contributions_receivable accounts; the id after ':' is theirs. */
export function personOfAccount(account: AccountId): string | null {
  const kind: AccountKind = accountKindOf(account);
  const owner = account.slice(account.indexOf(':') + 1);
  return (kind === 'person_dp_account' || kind === 'contributions_receivable') && UUID.test(owner)
    ? owner
    : null;
}

export function toRuleTransfer(row: TransferRow): Transfer {
  return {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    debitAccount: row.debitAccount as AccountId,
    creditAccount: row.creditAccount as AccountId,
    amount: row.amount,
    kind: row.kind,
    ...(row.reversesTransferId ? { reversesTransferId: row.reversesTransferId } : {}),
    postedOn: row.postedOn,
    description: row.description,
  };
}

async function ensureAccounts(tx: Tx, authorityId: string, accounts: AccountId[]) {
  const unique = [...new Set(accounts)];
  if (!unique.length) return;
  await tx
    .insert(ledgerAccounts)
    .values(unique.map((id) => ({ authorityId, id, kind: accountKindOf(id), personId: personOfAccount(id) })))
    .onConflictDoNothing();
}

function sameAsStored(row: TransferRow, t: NewTransfer): boolean {
  return (
    row.debitAccount === t.debitAccount &&
    row.creditAccount === t.creditAccount &&
    row.amount === t.amount &&
    row.kind === t.kind &&
    (row.reversesTransferId ?? undefined) === t.reversesTransferId &&
    row.postedOn === t.postedOn &&
    row.description === t.description
  );
}

/**
 * Posts transfers inside the caller's transaction, set-based: one insert that skips any
 * idempotency key already posted. A repeated key with the same content is "already posted"
 * (the replay changes nothing); with different content it is refused, because the caller has
 * mixed up two different movements of money.
 */
export async function postTransfers(
  tx: Tx,
  authorityId: string,
  transfers: readonly NewTransfer[],
): Promise<{ posted: TransferRow[]; alreadyPosted: TransferRow[] }> {
  if (!transfers.length) return { posted: [], alreadyPosted: [] };
  await validateAll(tx, transfers);
  await ensureAccounts(
    tx,
    authorityId,
    transfers.flatMap((t) => [t.debitAccount, t.creditAccount]),
  );
  const posted = await tx
    .insert(ledgerTransfers)
    .values(transfers.map((t) => storedValues(authorityId, t)))
    .onConflictDoNothing({ target: [ledgerTransfers.authorityId, ledgerTransfers.idempotencyKey] })
    .returning();
  const postedKeys = new Set(posted.map((r) => r.idempotencyKey));
  const alreadyPosted = await checkRepeats(
    tx,
    transfers.filter((t) => !postedKeys.has(t.idempotencyKey)),
  );
  return { posted, alreadyPosted };
}

export function storedValues(authorityId: string, t: NewTransfer) {
  return {
    authorityId,
    idempotencyKey: t.idempotencyKey,
    debitAccount: t.debitAccount,
    creditAccount: t.creditAccount,
    amount: t.amount,
    kind: t.kind,
    reversesTransferId: t.reversesTransferId ?? null,
    postedOn: t.postedOn,
    description: t.description,
    personId: t.personId ?? personOfAccount(t.creditAccount) ?? personOfAccount(t.debitAccount),
    runId: t.runId ?? null,
    postedBy: t.postedBy,
  };
}

/** Every transfer checked by the pure rules (a reversal against its stored original) before any is written. */
export async function validateAll(tx: Tx, transfers: readonly NewTransfer[]) {
  const originals = await loadByIds(
    tx,
    transfers.flatMap((t) => (t.reversesTransferId ? [t.reversesTransferId] : [])),
  );
  for (const t of transfers) {
    const asRule: Transfer = { ...t, id: t.idempotencyKey };
    const original = t.reversesTransferId ? originals.get(t.reversesTransferId) : undefined;
    const problems = validateTransfer(
      asRule,
      original ? { ...toRuleTransfer(original), id: t.reversesTransferId! } : undefined,
    );
    if (problems.length) {
      throw Problem.invalid(problems.map((p) => ({ field: fieldFor(p.code), message: p.message })));
    }
  }
}

/** Keys the insert skipped: each must already hold exactly this transfer, else the caller is refused. */
export async function checkRepeats(tx: Tx, repeats: readonly NewTransfer[]): Promise<TransferRow[]> {
  if (!repeats.length) return [];
  const stored = await tx
    .select()
    .from(ledgerTransfers)
    .where(
      inArray(
        ledgerTransfers.idempotencyKey,
        repeats.map((t) => t.idempotencyKey),
      ),
    );
  const byKey = new Map(stored.map((r) => [r.idempotencyKey, r]));
  const alreadyPosted: TransferRow[] = [];
  for (const t of repeats) {
    const row = byKey.get(t.idempotencyKey);
    if (!row) {
      // Lost a race with a reversal of the same original (unique index): refuse plainly.
      throw Problem.conflict(`Transfer ${t.reversesTransferId ?? ''} has already been reversed.`);
    }
    if (!sameAsStored(row, t)) {
      throw new Problem(
        409,
        'This idempotency key was already used',
        `The key ${t.idempotencyKey} was used for a different transfer. Use a new key for a new transfer.`,
        [{ field: 'idempotencyKey', message: 'This key was already used for a different transfer.' }],
      );
    }
    alreadyPosted.push(row);
  }
  return alreadyPosted;
}

function fieldFor(code: string): string {
  if (code === 'amount_not_positive_pence') return 'amount';
  if (code === 'same_account') return 'creditAccount';
  if (code === 'bad_date' || code === 'reversal_before_original') return 'postedOn';
  if (code === 'missing_key') return 'idempotencyKey';
  return 'transferId';
}

export async function loadByIds(tx: Tx, ids: string[]): Promise<Map<string, TransferRow>> {
  const valid = ids.filter((id) => UUID.test(id));
  if (!valid.length) return new Map();
  const found = await tx.select().from(ledgerTransfers).where(inArray(ledgerTransfers.id, valid));
  return new Map(found.map((r) => [r.id, r]));
}

/** Balances straight from the entries in SQL: credits − debits per account. */
export async function sqlBalances(tx: Tx): Promise<Map<AccountId, AccountBalance>> {
  const result = await rows<{ account: string; debits: string; credits: string }>(
    tx,
    sql`select account, sum(debit)::text as debits, sum(credit)::text as credits from (
          select debit_account as account, amount as debit, 0 as credit from ledger_transfers
          union all
          select credit_account, 0, amount from ledger_transfers
        ) entries group by account order by account`,
  );
  return new Map(
    result.map((r) => {
      const debits = Number(r.debits);
      const credits = Number(r.credits);
      return [r.account as AccountId, { debits, credits, balance: credits - debits }];
    }),
  );
}

export async function accountBalance(tx: Tx, account: AccountId): Promise<number> {
  const [row] = await rows<{ balance: string | null }>(
    tx,
    sql`select (coalesce(sum(case when credit_account = ${account} then amount else 0 end), 0)
              - coalesce(sum(case when debit_account = ${account} then amount else 0 end), 0))::text as balance
        from ledger_transfers where credit_account = ${account} or debit_account = ${account}`,
  );
  return Number(row?.balance ?? 0);
}

/**
 * Loads the council's whole ledger and checks it: the pure rules replay every transfer
 * (balancing, reversal and key rules) and the balances the database sums must equal the
 * balances the replay derives. An empty list means the ledger is sound.
 */
export async function checkLedger(tx: Tx): Promise<{ transfers: number; problems: string[] }> {
  const stored = await tx
    .select()
    .from(ledgerTransfers)
    .orderBy(asc(ledgerTransfers.createdAt), sql`reverses_transfer_id is not null`, asc(ledgerTransfers.id));
  const applied = applyTransfers(emptyLedger(), stored.map(toRuleTransfer));
  if (!applied.ok) return { transfers: stored.length, problems: applied.errors.map((e) => e.message) };
  const problems = checkInvariants(applied.state);
  const fromSql = await sqlBalances(tx);
  for (const [account, b] of applied.state.balances) {
    const s = fromSql.get(account);
    if (s?.balance !== b.balance) problems.push(`${account}: the database balance differs from the entries.`);
  }
  if (fromSql.size !== applied.state.balances.size)
    problems.push('The database lists accounts the entries do not.');
  return { transfers: stored.length, problems };
}

export async function transfersOfAccount(tx: Tx, account: AccountId) {
  return tx
    .select()
    .from(ledgerTransfers)
    .where(sql`${ledgerTransfers.debitAccount} = ${account} or ${ledgerTransfers.creditAccount} = ${account}`)
    .orderBy(asc(ledgerTransfers.postedOn), asc(ledgerTransfers.createdAt));
}

export async function transferById(tx: Tx, authorityId: string, id: string) {
  if (!UUID.test(id)) return null;
  const [row] = await tx
    .select()
    .from(ledgerTransfers)
    .where(and(eq(ledgerTransfers.authorityId, authorityId), eq(ledgerTransfers.id, id)));
  return row ?? null;
}
