import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../platform/dates.ts';
import { type AccountId, accountId, accountKindOf, accountLabel } from './account-ids.ts';
import {
  applyTransfers,
  balanceOf,
  balances,
  checkInvariants,
  emptyLedger,
  entriesOf,
  type LedgerState,
  reverse,
  type Transfer,
  validateTransfer,
} from './rules.ts';

const fund = accountId('council_dp_fund', 'council');
const person = accountId('person_dp_account', 'p-1');
const provider = accountId('provider_payable', 'prov-9');

function payment(id: string, amount: number, overrides: Partial<Transfer> = {}): Transfer {
  return {
    id,
    idempotencyKey: `key-${id}`,
    debitAccount: fund,
    creditAccount: person,
    amount,
    kind: 'payment',
    postedOn: '2026-04-06',
    description: `Direct payment ${id}`,
    ...overrides,
  };
}

function post(state: LedgerState, transfers: Transfer[]): LedgerState {
  const result = applyTransfers(state, transfers);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.state;
}

const accounts: AccountId[] = [
  fund,
  person,
  provider,
  accountId('person_dp_account', 'p-2'),
  accountId('recovered_surplus', 'council'),
  accountId('bank_clearing', 'council'),
];

/** Random valid transfers with unique ids and keys. */
const transfersArb = fc
  .array(
    fc.record({
      from: fc.constantFrom(...accounts),
      to: fc.constantFrom(...accounts),
      amount: fc.integer({ min: 1, max: 10_000_000 }),
      day: fc.integer({ min: 0, max: 400 }),
    }),
    { maxLength: 30 },
  )
  .map((raw) =>
    raw
      .filter((r) => r.from !== r.to)
      .map(
        (r, i): Transfer => ({
          id: `t${i}`,
          idempotencyKey: `k${i}`,
          debitAccount: r.from,
          creditAccount: r.to,
          amount: r.amount,
          kind: 'payment',
          postedOn: addDays('2026-01-01', r.day),
          description: `transfer ${i}`,
        }),
      ),
  );

describe('accounts', () => {
  it('names accounts by kind and owner, in plain words', () => {
    expect(person).toBe('person_dp_account:p-1');
    expect(accountKindOf(person)).toBe('person_dp_account');
    expect(accountLabel(person)).toBe("Person's direct-payment account (p-1)");
    expect(() => accountId('bank_clearing', '')).toThrow(RangeError);
  });
});

describe('validateTransfer', () => {
  it('accepts a plain payment', () => {
    expect(validateTransfer(payment('a', 30_000))).toEqual([]);
  });

  it.each([
    [0, 'amount_not_positive_pence'],
    [-5, 'amount_not_positive_pence'],
    [1.5, 'amount_not_positive_pence'],
  ])('rejects amount %s', (amount, code) => {
    expect(validateTransfer(payment('a', amount)).map((e) => e.code)).toContain(code);
  });

  it('rejects moving money from an account to itself, bad dates and blank keys', () => {
    const codes = validateTransfer(
      payment('a', 100, { creditAccount: fund, postedOn: '2026-02-30', idempotencyKey: ' ' }),
    ).map((e) => e.code);
    expect(codes).toEqual(['missing_key', 'same_account', 'bad_date']);
  });

  it('requires a reversal to mirror its original exactly', () => {
    const original = payment('a', 30_000);
    expect(validateTransfer(reverse(original, 'rev-a', '2026-04-07'), original)).toEqual([]);
    const partial = { ...reverse(original, 'rev-a', '2026-04-07'), amount: 10_000 };
    expect(validateTransfer(partial, original).map((e) => e.code)).toEqual(['reversal_does_not_mirror']);
    const redirected = { ...reverse(original, 'rev-a', '2026-04-07'), creditAccount: provider };
    expect(validateTransfer(redirected, original).map((e) => e.code)).toEqual(['reversal_does_not_mirror']);
    const early = reverse(original, 'rev-a', '2026-04-01');
    expect(validateTransfer(early, original).map((e) => e.code)).toEqual(['reversal_before_original']);
    expect(validateTransfer(reverse(original, 'rev-a', '2026-04-07')).map((e) => e.code)).toEqual([
      'original_not_found',
    ]);
  });

  it('keeps reversals and other kinds apart', () => {
    const orphan = { ...payment('r', 100), kind: 'reversal' as const };
    expect(validateTransfer(orphan).map((e) => e.code)).toEqual(['reversal_without_original']);
    const pointing = payment('p', 100, { reversesTransferId: 'a' });
    expect(validateTransfer(pointing).map((e) => e.code)).toEqual(['not_a_reversal']);
  });
});

describe('applyTransfers', () => {
  it('moves money and keeps the books balanced', () => {
    const state = post(emptyLedger(), [
      payment('a', 30_000),
      payment('b', 5_000, { debitAccount: person, creditAccount: provider }),
    ]);
    expect(balanceOf(state, fund)).toBe(-30_000);
    expect(balanceOf(state, person)).toBe(25_000);
    expect(balanceOf(state, provider)).toBe(5_000);
    expect(balanceOf(state, accountId('bank_clearing', 'x'))).toBe(0);
    expect(checkInvariants(state)).toEqual([]);
  });

  it('treats a repeated key with identical content as already posted', () => {
    const once = post(emptyLedger(), [payment('a', 30_000)]);
    const again = applyTransfers(once, [payment('a', 30_000)]);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.posted).toEqual([]);
    expect(again.alreadyPosted).toHaveLength(1);
    expect(again.state.balances).toEqual(once.balances);
  });

  it('refuses the same key with different content, and leaves the ledger untouched', () => {
    const once = post(emptyLedger(), [payment('a', 30_000)]);
    const clash = applyTransfers(once, [payment('b', 1_000), payment('a', 30_001)]);
    expect(clash.ok).toBe(false);
    if (clash.ok) return;
    expect(clash.errors.map((e) => e.code)).toEqual(['key_reused_with_different_content']);
    expect(clash.state).toBe(once);
  });

  it('refuses a new key that reuses a transfer id', () => {
    const once = post(emptyLedger(), [payment('a', 30_000)]);
    const clash = applyTransfers(once, [payment('a', 30_000, { idempotencyKey: 'other' })]);
    expect(clash.ok ? [] : clash.errors.map((e) => e.code)).toEqual(['id_already_used']);
  });

  it('reverses a transfer once only', () => {
    const original = payment('a', 30_000);
    const state = post(emptyLedger(), [original, reverse(original, 'rev-1', '2026-04-08')]);
    expect(balanceOf(state, person)).toBe(0);
    expect(state.reversedBy.get('a')).toBe('rev-1');
    const twice = applyTransfers(state, [reverse(original, 'rev-2', '2026-04-09')]);
    expect(twice.ok ? [] : twice.errors.map((e) => e.code)).toEqual(['already_reversed']);
  });
});

describe('checkInvariants', () => {
  it('notices a stored balance that drifted from its entries', () => {
    const state = post(emptyLedger(), [payment('a', 30_000)]);
    const tampered: LedgerState = {
      ...state,
      balances: new Map(state.balances).set(person, { debits: 0, credits: 30_001, balance: 30_001 }),
    };
    const problems = checkInvariants(tampered);
    expect(problems.some((p) => p.includes('sum to'))).toBe(true);
    expect(problems.some((p) => p.includes('differs from the sum of its entries'))).toBe(true);
  });
});

describe('ledger properties', () => {
  it('every transfer balances: its two entries are equal and opposite', () => {
    fc.assert(
      fc.property(transfersArb, (transfers) => {
        for (const t of transfers) {
          const [debit, credit] = entriesOf(t);
          expect(debit.amount).toBe(credit.amount);
          expect(debit.side).toBe('debit');
          expect(credit.side).toBe('credit');
        }
      }),
    );
  });

  it('balances equal the sum of entries and all balances sum to zero', () => {
    fc.assert(
      fc.property(transfersArb, (transfers) => {
        const state = post(emptyLedger(), transfers);
        expect(checkInvariants(state)).toEqual([]);
        expect(state.balances).toEqual(balances(transfers));
        let total = 0;
        for (const b of state.balances.values()) total += b.balance;
        expect(total).toBe(0);
      }),
    );
  });

  it('replaying any prefix, or duplicates, changes nothing', () => {
    fc.assert(
      fc.property(transfersArb, fc.nat(), fc.nat(), (transfers, cut, dupSeed) => {
        const full = post(emptyLedger(), transfers);
        const k = transfers.length === 0 ? 0 : cut % (transfers.length + 1);
        // Post a prefix, crash, then replay everything including what was already posted.
        const resumed = post(post(emptyLedger(), transfers.slice(0, k)), transfers);
        expect(resumed.balances).toEqual(full.balances);
        expect(resumed.transfers).toEqual(full.transfers);
        const dups = transfers.filter((_, i) => (dupSeed >> (i % 30)) & 1);
        const replayed = post(full, [...dups, ...transfers.slice(0, k)]);
        expect(replayed.balances).toEqual(full.balances);
        expect(replayed.transfers).toHaveLength(full.transfers.length);
      }),
    );
  });

  it('reversing every transfer brings every balance back to zero', () => {
    fc.assert(
      fc.property(transfersArb, (transfers) => {
        const state = post(emptyLedger(), transfers);
        const reversals = transfers.map((t) => reverse(t, `rev-${t.id}`, addDays(t.postedOn, 1)));
        const undone = post(state, reversals);
        for (const b of undone.balances.values()) expect(b.balance).toBe(0);
        expect(checkInvariants(undone)).toEqual([]);
      }),
    );
  });

  it('reversing one transfer restores the balances from before it', () => {
    fc.assert(
      fc.property(transfersArb, fc.nat(), (transfers, pick) => {
        fc.pre(transfers.length > 0);
        const chosen = transfers[pick % transfers.length]!;
        const without = balances(transfers.filter((t) => t !== chosen));
        const state = post(emptyLedger(), [
          ...transfers,
          reverse(chosen, 'rev', addDays(chosen.postedOn, 3)),
        ]);
        for (const account of accounts) {
          expect(balanceOf(state, account)).toBe(without.get(account)?.balance ?? 0);
        }
      }),
    );
  });
});
