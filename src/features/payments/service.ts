import { and, desc, eq, inArray } from 'drizzle-orm';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { isIsoDate, todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { people } from '../people/index.ts';
import { agreementOf, agreementSummary } from './agreements.ts';
import { accountId, reverse } from './ledger.ts';
import {
  accountBalance,
  checkLedger,
  isAccountId,
  postTransfers,
  sqlBalances,
  toRuleTransfer,
  transferById,
  transfersOfAccount,
} from './ledger-store.ts';
import { findReview, returnsAndReviews } from './returns.ts';
import { recoveryOptions } from './rules.ts';
import { dpPayments, ledgerTransfers, surplusReviews } from './schema.ts';

export { createAgreement, agreementSummary, previewAgreement } from './agreements.ts';
export { changeAgreement, previewAgreementChange } from './agreement-change.ts';
export { submitReturns, giveView, parseReturnCsv } from './returns.ts';
export { createRun, approveAndPost, runDetail, listRuns } from './runs.ts';
export { bankFile, remittances } from './bank-file.ts';

/** Everything the staff page and API show about one person's direct payment. */
export async function personPayments(db: Db, access: PersonAccess) {
  return audited(db, access, 'payments.read', async (tx) => {
    const [person] = await tx
      .select({ legalName: people.legalName, preferredName: people.preferredName })
      .from(people)
      .where(eq(people.id, access.personId));
    if (!person) throw Problem.notFound('Person');
    const agreement = await agreementSummary(tx, access.personId);
    const payments = await tx
      .select()
      .from(dpPayments)
      .where(eq(dpPayments.personId, access.personId))
      .orderBy(desc(dpPayments.periodStart));
    const balance = await accountBalance(tx, accountId('person_dp_account', access.personId));
    const { returns, reviews } = await returnsAndReviews(tx, access.personId);
    return { person, agreement, payments, balance, returns, reviews };
  });
}

const STATEMENT_WORDS: Record<string, string> = {
  payment: 'Direct payment from the council',
  recovery: 'Surplus paid back to the council',
  reversal: 'Correction of an earlier entry',
  adjustment: 'Adjustment by the council',
  contribution: 'Your contribution',
};

/** The person's statement in plain words: money in, money out, and the balance after each. */
export async function statement(db: Db, access: PersonAccess) {
  return audited(db, access, 'payments.statement.read', async (tx) => {
    const account = accountId('person_dp_account', access.personId);
    let balance = 0;
    let moneyIn = 0;
    let moneyOut = 0;
    const lines = (await transfersOfAccount(tx, account)).map((t) => {
      const incoming = t.creditAccount === account;
      balance += incoming ? t.amount : -t.amount;
      if (incoming) moneyIn += t.amount;
      else moneyOut += t.amount;
      return {
        date: t.postedOn,
        what: STATEMENT_WORDS[t.kind] ?? t.kind,
        detail: t.description,
        moneyIn: incoming ? t.amount : 0,
        moneyOut: incoming ? 0 : t.amount,
        balance,
      };
    });
    const agreement = await agreementSummary(tx, access.personId);
    const { reviews } = await returnsAndReviews(tx, access.personId);
    return { lines: lines.reverse(), moneyIn, moneyOut, balance, agreement, reviews };
  });
}

export type Decision = 'keep' | 'recover_now' | 'reduce_next_payment';

/**
 * The council's decision on a surplus. Recovery is refused until the person has given their
 * view; keeping the money with the person is always allowed. Recovering now is a ledger
 * transfer; reducing the next payment is applied by the next payment run.
 */
export async function decideSurplus(
  db: Db,
  access: PersonAccess,
  reviewId: string,
  input: { decision: string; reason: string },
) {
  const errors: FieldError[] = [];
  if (!['keep', 'recover_now', 'reduce_next_payment'].includes(input.decision))
    errors.push({ field: 'decision', message: 'Choose what happens to the surplus' });
  if (input.reason.trim().length < 5)
    errors.push({
      field: 'reason',
      message: 'Give the reason for the decision, in words the person will read',
    });
  if (errors.length) throw Problem.invalid(errors);
  const decision = input.decision as Decision;
  return audited(
    db,
    access,
    'payments.surplus.decide',
    async (tx) => {
      const review = await findReview(tx, access.personId, reviewId);
      if (review.status === 'decided')
        throw Problem.conflict('This surplus review has already been decided.');
      if (decision !== 'keep' && review.status !== 'view_given') {
        throw Problem.invalid([
          {
            field: 'decision',
            message: 'The person has not given their view yet. Nothing can be recovered until they have.',
          },
        ]);
      }
      const agreement = await agreementOf(tx, access.personId);
      const nextPayment = agreement
        ? Math.max(
            0,
            agreement.amountPerPeriod -
              (agreement.contributionMethod === 'net' ? agreement.contributionPerPeriod : 0),
          )
        : 0;
      const options = recoveryOptions({
        surplus: review.surplus,
        nextPayment,
        policyVersion: review.policyVersion,
      });
      const chosen = options.find((o) => o.kind === decision);
      const amount =
        chosen?.kind === 'recover_now'
          ? chosen.amount
          : chosen?.kind === 'reduce_next_payment'
            ? chosen.reduction
            : 0;
      const updated = await tx
        .update(surplusReviews)
        .set({
          status: 'decided',
          decision,
          decisionAmount: amount,
          decisionReason: input.reason.trim(),
          decidedBy: access.actor.userId,
          decidedAt: new Date(),
          rowVersion: review.rowVersion + 1,
        })
        .where(and(eq(surplusReviews.id, reviewId), eq(surplusReviews.rowVersion, review.rowVersion)))
        .returning();
      if (!updated.length) throw Problem.conflict('Someone else changed this surplus review. Look again.');
      if (decision === 'recover_now' && amount > 0) {
        await postTransfers(tx, access.authorityId, [
          {
            idempotencyKey: `surplus-review:${reviewId}`,
            debitAccount: accountId('person_dp_account', access.personId),
            creditAccount: accountId('recovered_surplus', access.authorityId),
            amount,
            kind: 'recovery',
            postedOn: todayInLondon(),
            description: 'Surplus paid back to the council after a surplus review',
            postedBy: access.actor.userId,
          },
        ]);
      }
      return { review: updated[0]!, explanation: chosen?.explanation ?? null };
    },
    { reviewId, decision },
  );
}

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
