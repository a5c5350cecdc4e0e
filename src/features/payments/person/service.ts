import { desc, eq } from 'drizzle-orm';
import type { PersonAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import { offeredFrequencies } from '../policy/service.ts';
import type { Db } from '../../../platform/db/client.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { people } from '../../people/index.ts';
import { agreementSummary } from '../agreements/service.ts';
import { accountId } from '../ledger/account-ids.ts';
import { accountBalance, transfersOfAccount } from '../ledger/store.ts';
import { returnsAndReviews } from '../returns/service.ts';
import { dpPayments } from '../schema.ts';

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
    // The frequencies a new agreement may use (the settings in force); null: no settings yet.
    const frequencies = await offeredFrequencies(tx);
    return { person, agreement, payments, balance, returns, reviews, offeredFrequencies: frequencies };
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
