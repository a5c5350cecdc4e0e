import { type BankKeys, encryptBankDetails } from '../../features/payments/index.ts';
import { paymentKey, paymentTransfer } from '../../features/payments/index.ts';
import {
  type DirectPaymentAgreement,
  type PaymentFrequency,
  paymentsDue,
} from '../../features/payments/index.ts';
import { accountId } from '../../features/payments/index.ts';
import { addDays, compareDates, type IsoDate } from '../../platform/dates.ts';
import { convertAmount } from '../../platform/money/periods.ts';
import type { BulkLoader } from './bulk.ts';
import type { Council } from './council.ts';
import type { DirectPaymentCandidate } from './plan.ts';
import type { Random } from './random.ts';

/** Agreements, runs and payments, and the ledger: parents first. */
export const MONEY_TABLES = [
  'ledger_accounts',
  'dp_agreements',
  'dp_agreement_changes',
  'payment_runs',
  'ledger_transfers',
  'dp_payments',
];

/** One payment run per run date across the whole history; counts are filled in at the end. */
export class PaymentRuns {
  private readonly ids = new Map<IsoDate, string>();
  constructor(
    private readonly loader: BulkLoader,
    private readonly random: Random,
    private readonly council: Council,
  ) {}

  idFor(runDate: IsoDate): string {
    let id = this.ids.get(runDate);
    if (!id) {
      id = this.random.uuid();
      this.ids.set(runDate, id);
      this.loader.add('payment_runs', {
        authority_id: this.council.authorityId,
        id,
        run_date: runDate,
        status: 'posted',
        planned_count: 0,
        planned_total: 0,
        created_by: this.council.finance.id,
        approved_by: this.council.financeApprover.id,
        approved_at: `${runDate}T09:00:00Z`,
        posted_at: `${runDate}T10:00:00Z`,
        created_at: `${runDate}T08:00:00Z`,
      });
    }
    return id;
  }
}

/**
 * A direct-payment agreement from the agreed plan's option 1 lines, and every payment due
 * from its start to the as-of date, as the payment rules compute them (pro-rata first
 * period, contributions netted off), each with its ledger transfer under the run's key.
 */
export function generateDirectPayment(
  loader: BulkLoader,
  random: Random,
  council: Council,
  runs: PaymentRuns,
  candidate: DirectPaymentCandidate,
  bankKeys: BankKeys | null,
): void {
  if (!loader.has('dp_agreements')) return;
  const { authorityId, asOf } = council;
  const frequency = random.weighted<PaymentFrequency>({ four_weekly: 55, weekly: 25, monthly: 20 });
  const startDate = addDays(candidate.agreedOn, random.int(7, 28));
  if (compareDates(startDate, asOf) > 0) return;
  const amountPerPeriod = convertAmount(candidate.optionOneWeekly, 'weekly', frequency);
  const contributionPerPeriod = random.chance(0.3)
    ? Math.round((amountPerPeriod * random.int(5, 25)) / 100)
    : 0;
  const holderKind = random.weighted({ person: 60, representative: 25, third_party: 5, managed_account: 10 });
  const agreement: DirectPaymentAgreement = {
    id: random.uuid(),
    amountPerPeriod,
    frequency,
    startDate,
    endDate: null,
    contributionPerPeriod,
  };
  const digits = String(random.int(10_000_000, 99_999_999));
  loader.add('dp_agreements', {
    authority_id: authorityId,
    id: agreement.id,
    person_id: candidate.personId,
    plan_id: candidate.planId,
    amount_per_period: amountPerPeriod,
    weekly_amount: candidate.optionOneWeekly,
    frequency,
    start_date: startDate,
    end_date: null,
    contribution_per_period: contributionPerPeriod,
    contribution_method: 'net',
    holder_kind: holderKind,
    holder_name: candidate.name,
    // Encrypted like real details when a key is given; otherwise unreadable on purpose, so a
    // synthetic agreement can never produce a real bank payment.
    bank_details: bankKeys
      ? encryptBankDetails(
          { sortCode: '000000', accountNumber: digits, accountName: candidate.name },
          bankKeys,
        )
      : 'synthetic:no-bank-details',
    account_last4: digits.slice(-4),
    created_by: council.finance.id,
    created_at: `${startDate}T09:00:00Z`,
  });
  const person = accountId('person_dp_account', candidate.personId);
  loader.add('ledger_accounts', {
    authority_id: authorityId,
    id: person,
    kind: 'person_dp_account',
    person_id: candidate.personId,
  });
  const fund = accountId('council_dp_fund', authorityId);

  for (const due of paymentsDue(agreement, asOf, [])) {
    if (due.amount === 0) continue;
    const runDate = due.paymentDate;
    const runId = runs.idFor(runDate);
    const key = paymentKey(runDate, agreement.id, due.periodStart);
    const transfer = paymentTransfer({ ...due, runDate, idempotencyKey: key }, { fund, person });
    const transferId = random.uuid();
    loader.add('ledger_transfers', {
      authority_id: authorityId,
      id: transferId,
      idempotency_key: transfer.idempotencyKey,
      debit_account: transfer.debitAccount,
      credit_account: transfer.creditAccount,
      amount: transfer.amount,
      kind: transfer.kind,
      posted_on: transfer.postedOn,
      description: transfer.description,
      person_id: candidate.personId,
      run_id: runId,
      posted_by: council.finance.id,
      created_at: `${runDate}T10:00:00Z`,
    });
    loader.add('dp_payments', {
      authority_id: authorityId,
      id: random.uuid(),
      run_id: runId,
      agreement_id: agreement.id,
      person_id: candidate.personId,
      period_start: due.periodStart,
      period_end: due.periodEnd,
      amount: due.amount,
      reduction: 0,
      transfer_id: transferId,
      explanation: due.explanation,
      created_at: `${runDate}T10:00:00Z`,
    });
  }
}
