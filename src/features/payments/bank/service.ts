import { stringify } from 'csv-stringify/sync';
import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/client.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { type BankFileProblem, bacsStandard18Lines, type BankPayment, paymentCsvRows } from './rules.ts';
import { type BankKeys, decryptBankDetails } from './crypto.ts';
import { getRun, postedPayments } from '../runs/service.ts';
import { paymentPolicyOn } from '../policy/store.ts';

/** A short reference the person recognises on their bank statement. */
export function paymentReference(runDate: string, personId: string): string {
  return `DP ${runDate.replaceAll('-', '')} ${personId.slice(0, 8)}`;
}

function refuse(problems: BankFileProblem[]): never {
  throw new Problem(
    422,
    'The bank file cannot be made',
    'Some payments have bank details that are not valid. Correct them and try again.',
    problems.map((p) => ({ field: `payments.${p.index}.${p.field}`, message: p.message })),
  );
}

/**
 * The bank file for a posted run, as CSV or as BACS Standard 18 payment lines. One line per
 * person (their periods added together), for the amount actually sent after any reduction.
 */
export async function bankFile(
  db: Db,
  access: CouncilAccess,
  keys: BankKeys,
  runId: string,
  format: 'csv' | 'bacs',
): Promise<{ filename: string; body: string; count: number; total: number }> {
  return audited(
    db,
    access,
    'payments.run.bank_file',
    async (tx) => {
      const run = await getRun(tx, runId);
      if (run.status !== 'posted') {
        throw Problem.conflict('The bank file is made once the run has been approved and posted.');
      }
      const policy = await paymentPolicyOn(tx, run.runDate);
      if (!policy)
        throw Problem.conflict('There is no direct-payment policy with the council’s bank account.');
      const byAgreement = new Map<string, BankPayment>();
      for (const p of await postedPayments(tx, runId)) {
        const sent = p.amount - p.reduction;
        if (sent <= 0) continue;
        const existing = byAgreement.get(p.agreementId);
        if (existing) {
          existing.amount += sent;
          continue;
        }
        const bank = decryptBankDetails(p.bankDetails, keys);
        byAgreement.set(p.agreementId, {
          sortCode: bank.sortCode,
          accountNumber: bank.accountNumber,
          accountName: bank.accountName,
          amount: sent,
          reference: paymentReference(run.runDate, p.personId),
        });
      }
      const payments = [...byAgreement.values()];
      const total = payments.reduce((s, p) => s + p.amount, 0);
      const stamp = run.runDate.replaceAll('-', '');
      if (format === 'csv') {
        const csv = paymentCsvRows(payments);
        if (!csv.ok) refuse(csv.problems);
        return {
          filename: `direct-payments-${stamp}.csv`,
          body: stringify(csv.rows),
          count: payments.length,
          total,
        };
      }
      const bacs = bacsStandard18Lines(payments, {
        name: policy.originatorName,
        sortCode: policy.originatorSortCode,
        accountNumber: policy.originatorAccountNumber,
      });
      if (!bacs.ok) refuse(bacs.problems);
      return {
        filename: `direct-payments-${stamp}.bacs.txt`,
        body: `${bacs.lines.join('\r\n')}\r\n`,
        count: bacs.count,
        total: bacs.total,
      };
    },
    { runId, format },
  );
}

/** One remittance per person: each period paid, its explanation, and the total sent. */
export async function remittances(db: Db, access: CouncilAccess, runId: string) {
  return audited(db, access, 'payments.run.remittances', async (tx) => {
    const run = await getRun(tx, runId);
    const byPerson = new Map<
      string,
      {
        personId: string;
        holderName: string;
        accountLast4: string;
        reference: string;
        total: number;
        periods: Awaited<ReturnType<typeof postedPayments>>;
      }
    >();
    for (const p of await postedPayments(tx, runId)) {
      const entry = byPerson.get(p.personId) ?? {
        personId: p.personId,
        holderName: p.holderName,
        accountLast4: p.accountLast4,
        reference: paymentReference(run.runDate, p.personId),
        total: 0,
        periods: [],
      };
      entry.total += p.amount - p.reduction;
      entry.periods.push({ ...p, bankDetails: '' });
      byPerson.set(p.personId, entry);
    }
    return { run, remittances: [...byPerson.values()] };
  });
}
