/**
 * Double-entry ledger arithmetic for direct payments, in the style of TigerBeetle: money is
 * never created or destroyed, only moved by a transfer that debits one account and credits
 * another by the same whole-pence amount. A transfer is immutable once posted; a mistake is
 * put right by posting a reversal, so the history always shows what happened.
 *
 * Balances are credit-normal: balance = credits − debits. Paying a person debits the
 * council's fund and credits the person's account, so the person's balance goes up and
 * the fund's goes down; the balances of all accounts together always sum to zero.
 *
 * Everything here is pure: the state is a value, and posting returns a new state.
 */

import { assertPence, formatPence, type Pence } from '../../../platform/money/index.ts';
import { compareDates, isIsoDate, type IsoDate } from '../../../platform/dates.ts';
import type { AccountId } from './account-ids.ts';

export const TRANSFER_KINDS = ['payment', 'contribution', 'recovery', 'reversal', 'adjustment'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export interface Transfer {
  id: string;
  /** Who posts the same key twice means the same thing: posting it again changes nothing. */
  idempotencyKey: string;
  debitAccount: AccountId;
  creditAccount: AccountId;
  /** Positive whole pence. */
  amount: Pence;
  kind: TransferKind;
  /** Only on a reversal: the transfer it undoes. */
  reversesTransferId?: string;
  postedOn: IsoDate;
  description: string;
}

export type EntrySide = 'debit' | 'credit';

/** One leg of a transfer on one account. */
export interface Entry {
  transferId: string;
  account: AccountId;
  side: EntrySide;
  amount: Pence;
  postedOn: IsoDate;
}

export interface AccountBalance {
  debits: Pence;
  credits: Pence;
  /** credits − debits. */
  balance: Pence;
}

export interface LedgerState {
  /** In the order they were posted. */
  readonly transfers: readonly Transfer[];
  readonly byId: ReadonlyMap<string, Transfer>;
  readonly byKey: ReadonlyMap<string, Transfer>;
  /** Transfer id → id of the reversal that undid it. */
  readonly reversedBy: ReadonlyMap<string, string>;
  readonly balances: ReadonlyMap<AccountId, AccountBalance>;
}

export type LedgerErrorCode =
  | 'missing_id'
  | 'missing_key'
  | 'amount_not_positive_pence'
  | 'same_account'
  | 'bad_date'
  | 'unknown_kind'
  | 'reversal_without_original'
  | 'not_a_reversal'
  | 'original_not_found'
  | 'reversal_does_not_mirror'
  | 'reversal_before_original'
  | 'already_reversed'
  | 'key_reused_with_different_content'
  | 'id_already_used';

export interface LedgerError {
  code: LedgerErrorCode;
  transferId: string;
  message: string;
}

export function emptyLedger(): LedgerState {
  return { transfers: [], byId: new Map(), byKey: new Map(), reversedBy: new Map(), balances: new Map() };
}

/** The two entries every transfer makes: equal and opposite, so each transfer balances. */
export function entriesOf(transfer: Transfer): [Entry, Entry] {
  const { id: transferId, amount, postedOn } = transfer;
  return [
    { transferId, account: transfer.debitAccount, side: 'debit', amount, postedOn },
    { transferId, account: transfer.creditAccount, side: 'credit', amount, postedOn },
  ];
}

/**
 * Checks one transfer on its own. A reversal also needs its original, because it must
 * mirror it exactly (same amount, accounts swapped): a partial or redirected "reversal" would
 * be a new payment in disguise and must be posted as one.
 */
export function validateTransfer(transfer: Transfer, original?: Transfer): LedgerError[] {
  const errors: LedgerError[] = [];
  const fail = (code: LedgerErrorCode, message: string) =>
    errors.push({ code, transferId: transfer.id, message });

  if (transfer.id.trim() === '') fail('missing_id', 'The transfer has no id.');
  if (transfer.idempotencyKey.trim() === '') fail('missing_key', 'The transfer has no idempotency key.');
  if (!Number.isSafeInteger(transfer.amount) || transfer.amount <= 0) {
    fail('amount_not_positive_pence', 'The amount must be a whole number of pence above zero.');
  }
  if (transfer.debitAccount === transfer.creditAccount) {
    fail('same_account', 'Money cannot move from an account to itself.');
  }
  if (!isIsoDate(transfer.postedOn)) fail('bad_date', `The posting date ${transfer.postedOn} is not a date.`);
  if (!TRANSFER_KINDS.includes(transfer.kind))
    fail('unknown_kind', `Unknown transfer kind ${transfer.kind}.`);

  if (transfer.kind === 'reversal') {
    if (transfer.reversesTransferId === undefined) {
      fail('reversal_without_original', 'A reversal must say which transfer it reverses.');
    } else if (original === undefined || original.id !== transfer.reversesTransferId) {
      fail('original_not_found', `There is no transfer ${transfer.reversesTransferId} to reverse.`);
    } else {
      const mirrors =
        transfer.amount === original.amount &&
        transfer.debitAccount === original.creditAccount &&
        transfer.creditAccount === original.debitAccount;
      if (!mirrors) {
        fail(
          'reversal_does_not_mirror',
          `A reversal must move ${formatPence(original.amount)} back between the same two accounts.`,
        );
      }
      if (isIsoDate(transfer.postedOn) && compareDates(transfer.postedOn, original.postedOn) < 0) {
        fail('reversal_before_original', 'A reversal cannot be dated before the transfer it reverses.');
      }
    }
  } else if (transfer.reversesTransferId !== undefined) {
    fail('not_a_reversal', 'Only a reversal may name a transfer it reverses.');
  }
  return errors;
}

/** Same idempotency key, same meaning: every field must match for a repeat to be a no-op. */
export function sameContent(a: Transfer, b: Transfer): boolean {
  return (
    a.id === b.id &&
    a.idempotencyKey === b.idempotencyKey &&
    a.debitAccount === b.debitAccount &&
    a.creditAccount === b.creditAccount &&
    a.amount === b.amount &&
    a.kind === b.kind &&
    a.reversesTransferId === b.reversesTransferId &&
    a.postedOn === b.postedOn &&
    a.description === b.description
  );
}

export type ApplyResult =
  | { ok: true; state: LedgerState; posted: Transfer[]; alreadyPosted: Transfer[] }
  | { ok: false; state: LedgerState; errors: LedgerError[] };

function addEntry(balances: Map<AccountId, AccountBalance>, entry: Entry): void {
  const current = balances.get(entry.account) ?? { debits: 0, credits: 0, balance: 0 };
  const debits = current.debits + (entry.side === 'debit' ? entry.amount : 0);
  const credits = current.credits + (entry.side === 'credit' ? entry.amount : 0);
  balances.set(entry.account, {
    debits: assertPence(debits, 'debits'),
    credits: assertPence(credits, 'credits'),
    balance: credits - debits,
  });
}

/**
 * Posts a batch. The batch posts whole or not at all, so a rejected batch never leaves
 * half a payment run behind; on failure the original state is returned with every error.
 * A transfer whose idempotency key is already posted with identical content is skipped
 * (that is how a retried run stays safe); the same key with different content is an error.
 */
export function applyTransfers(state: LedgerState, transfers: readonly Transfer[]): ApplyResult {
  const byId = new Map(state.byId);
  const byKey = new Map(state.byKey);
  const reversedBy = new Map(state.reversedBy);
  const balances = new Map(state.balances);
  const posted: Transfer[] = [];
  const alreadyPosted: Transfer[] = [];
  const errors: LedgerError[] = [];

  for (const transfer of transfers) {
    const existing = byKey.get(transfer.idempotencyKey);
    if (existing) {
      if (sameContent(existing, transfer)) alreadyPosted.push(transfer);
      else {
        errors.push({
          code: 'key_reused_with_different_content',
          transferId: transfer.id,
          message: `Idempotency key ${transfer.idempotencyKey} was already used for a different transfer.`,
        });
      }
      continue;
    }
    if (byId.has(transfer.id)) {
      errors.push({
        code: 'id_already_used',
        transferId: transfer.id,
        message: `Transfer id ${transfer.id} is already used.`,
      });
      continue;
    }
    const original = transfer.reversesTransferId ? byId.get(transfer.reversesTransferId) : undefined;
    const problems = validateTransfer(transfer, original);
    if (original && reversedBy.has(original.id)) {
      problems.push({
        code: 'already_reversed',
        transferId: transfer.id,
        message: `Transfer ${original.id} has already been reversed.`,
      });
    }
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    byId.set(transfer.id, transfer);
    byKey.set(transfer.idempotencyKey, transfer);
    if (original) reversedBy.set(original.id, transfer.id);
    for (const entry of entriesOf(transfer)) addEntry(balances, entry);
    posted.push(transfer);
  }

  if (errors.length > 0) return { ok: false, state, errors };
  return {
    ok: true,
    state: { transfers: [...state.transfers, ...posted], byId, byKey, reversedBy, balances },
    posted,
    alreadyPosted,
  };
}

/** Balances worked out from scratch from the entries, independent of any stored totals. */
export function balances(transfers: readonly Transfer[]): Map<AccountId, AccountBalance> {
  const result = new Map<AccountId, AccountBalance>();
  for (const transfer of transfers) for (const entry of entriesOf(transfer)) addEntry(result, entry);
  return result;
}

export function balanceOf(state: LedgerState, account: AccountId): Pence {
  return state.balances.get(account)?.balance ?? 0;
}

/** The reversal of a transfer: same amount, accounts swapped, pointing back at the original. */
export function reverse(
  original: Transfer,
  newKey: string,
  on: IsoDate,
  options: { id?: string; description?: string } = {},
): Transfer {
  return {
    id: options.id ?? newKey,
    idempotencyKey: newKey,
    debitAccount: original.creditAccount,
    creditAccount: original.debitAccount,
    amount: original.amount,
    kind: 'reversal',
    reversesTransferId: original.id,
    postedOn: on,
    description: options.description ?? `Reversal of ${original.description}`,
  };
}

/**
 * What must always be true of a ledger. Returns the problems found in plain words; an
 * empty list means the ledger is sound. Run it after loading a ledger from storage.
 */
export function checkInvariants(state: LedgerState): string[] {
  const problems: string[] = [];
  let sum = 0;
  for (const [account, b] of state.balances) {
    sum += b.balance;
    if (b.balance !== b.credits - b.debits) problems.push(`${account}: balance is not credits − debits.`);
  }
  if (sum !== 0) problems.push(`The balances of all accounts sum to ${formatPence(sum)}, not zero.`);

  const derived = balances(state.transfers);
  const accounts = new Set([...derived.keys(), ...state.balances.keys()]);
  for (const account of accounts) {
    const stored = state.balances.get(account);
    const fromEntries = derived.get(account);
    if (
      stored?.debits !== fromEntries?.debits ||
      stored?.credits !== fromEntries?.credits ||
      stored?.balance !== fromEntries?.balance
    ) {
      problems.push(`${account}: stored balance differs from the sum of its entries.`);
    }
  }
  if (state.byKey.size !== state.transfers.length || state.byId.size !== state.transfers.length) {
    problems.push('Some transfers share an id or idempotency key.');
  }
  for (const transfer of state.transfers) {
    if (transfer.debitAccount === transfer.creditAccount || !(transfer.amount > 0)) {
      problems.push(`Transfer ${transfer.id} is not a valid transfer.`);
    }
  }
  return problems;
}
