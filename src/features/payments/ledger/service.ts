import { desc, eq, inArray } from 'drizzle-orm';
import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/client.ts';
import { isIsoDate, todayInLondon } from '../../../platform/dates.ts';
import { type FieldError, Problem } from '../../../platform/http/problem.ts';
import { people } from '../../people/index.ts';
import { reverse } from './rules.ts';
import {
  checkLedger,
  isAccountId,
  postTransfers,
  sqlBalances,
  toRuleTransfer,
  transferById,
} from './store.ts';
import { ledgerTransfers } from '../schema.ts';

export interface ManualTransfer {
  idempotencyKey: string;
  debitAccount: string;
  creditAccount: string;
  amount: number;
  postedOn: string;
  description: string;
}

/**
 * A finance officer's adjustment between two accounts. Sending the same idempotency key
 * again returns the transfer already posted and changes nothing.
 */
export async function postAdjustment(db: Db, access: CouncilAccess, input: ManualTransfer) {
  const errors: FieldError[] = [];
  if (!isAccountId(input.debitAccount))
    errors.push({ field: 'debitAccount', message: 'Name an account like person_dp_account:<person id>' });
  if (!isAccountId(input.creditAccount))
    errors.push({ field: 'creditAccount', message: 'Name an account like council_dp_fund:<council id>' });
  if (!isIsoDate(input.postedOn)) errors.push({ field: 'postedOn', message: 'Enter a real date' });
  if (!input.description.trim()) errors.push({ field: 'description', message: 'Say why the money moves' });
  if (errors.length) throw Problem.invalid(errors);
  return audited(
    db,
    access,
    'ledger.transfer.post',
    async (tx) => {
      await checkPersonAccounts(tx, { debitAccount: input.debitAccount, creditAccount: input.creditAccount });
      const result = await postTransfers(tx, access.authorityId, [
        {
          idempotencyKey: input.idempotencyKey,
          debitAccount: input.debitAccount as never,
          creditAccount: input.creditAccount as never,
          amount: input.amount,
          kind: 'adjustment',
          postedOn: input.postedOn,
          description: input.description.trim(),
          postedBy: access.actor.userId,
        },
      ]);
      return {
        transfer: (result.posted[0] ?? result.alreadyPosted[0])!,
        replayed: result.posted.length === 0,
      };
    },
    { idempotencyKey: input.idempotencyKey },
  );
}

/** Each person's account named (by request field) must be a person of this council. */
async function checkPersonAccounts(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  accounts: Record<string, string>,
) {
  const owners = Object.entries(accounts)
    .filter(([, a]) => a.startsWith('person_dp_account:') || a.startsWith('contributions_receivable:'))
    .map(([field, a]) => ({ field, owner: a.slice(a.indexOf(':') + 1) }));
  if (!owners.length) return;
  const valid = owners.map((o) => o.owner).filter((o) => /^[0-9a-f-]{36}$/i.test(o));
  const found = valid.length
    ? await tx.select({ id: people.id }).from(people).where(inArray(people.id, valid))
    : [];
  const known = new Set(found.map((f) => f.id));
  const errors = owners
    .filter((o) => !known.has(o.owner))
    .map((o) => ({ field: o.field, message: 'A person’s account must name a person of this council' }));
  if (errors.length) throw Problem.invalid(errors);
}

/** A correction: the mirror of a transfer, posted once (a second reversal is refused). */
export async function reverseTransfer(
  db: Db,
  access: CouncilAccess,
  transferId: string,
  input: { idempotencyKey: string; reason: string; postedOn?: string },
) {
  if (!input.reason.trim())
    throw Problem.invalid([{ field: 'reason', message: 'Say why the transfer is reversed' }]);
  return audited(
    db,
    access,
    'ledger.transfer.reverse',
    async (tx) => {
      const original = await transferById(tx, access.authorityId, transferId);
      if (!original) throw Problem.notFound('Transfer');
      const [replay] = await tx
        .select()
        .from(ledgerTransfers)
        .where(eq(ledgerTransfers.idempotencyKey, input.idempotencyKey));
      if (!replay) {
        const [earlier] = await tx
          .select({ id: ledgerTransfers.id })
          .from(ledgerTransfers)
          .where(eq(ledgerTransfers.reversesTransferId, transferId));
        if (earlier) throw Problem.conflict('This transfer has already been reversed.');
      }
      const postedOn = input.postedOn ?? (replay ? replay.postedOn : todayInLondon());
      const mirror = reverse(
        toRuleTransfer(original),
        input.idempotencyKey,
        postedOn < original.postedOn ? original.postedOn : postedOn,
        {
          description: `Reversal: ${input.reason.trim()}`,
        },
      );
      const result = await postTransfers(tx, access.authorityId, [
        {
          ...mirror,
          reversesTransferId: original.id,
          personId: original.personId,
          postedBy: access.actor.userId,
        },
      ]);
      return {
        transfer: (result.posted[0] ?? result.alreadyPosted[0])!,
        replayed: result.posted.length === 0,
      };
    },
    { transferId },
  );
}

export async function ledgerBalances(db: Db, access: CouncilAccess) {
  return audited(db, access, 'ledger.read', async (tx) => {
    const balances = await sqlBalances(tx);
    const check = await checkLedger(tx);
    return {
      accounts: [...balances].map(([account, b]) => ({ account, ...b })),
      transfers: check.transfers,
      problems: check.problems,
    };
  });
}

export async function ledgerTransfersList(db: Db, access: CouncilAccess) {
  return audited(db, access, 'ledger.read', (tx) =>
    tx.select().from(ledgerTransfers).orderBy(desc(ledgerTransfers.createdAt)).limit(200),
  );
}
