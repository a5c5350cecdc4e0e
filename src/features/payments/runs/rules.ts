/**
 * A payment run: every agreement's due periods on one run date, each with an idempotency
 * key built only from the run date, the agreement and the period. Because the key is
 * deterministic, a run that stops part-way can simply be planned and posted again: what
 * was posted is either left out (its period is recorded as paid) or posted again under the
 * same key, which the ledger treats as a no-op.
 */

import type { IsoDate } from '../../../platform/dates.ts';
import { type Pence, sumPence } from '../../../platform/money/index.ts';
import type { AccountId } from '../ledger/account-ids.ts';
import type { Transfer } from '../ledger/rules.ts';
import { type DirectPaymentAgreement, type DuePayment, paymentsDue } from '../agreements/rules.ts';

export interface PlannedPayment extends DuePayment {
  runDate: IsoDate;
  idempotencyKey: string;
}

export interface PaymentRunPlan {
  runDate: IsoDate;
  /** Payments above zero, ordered by agreement id then period. */
  payments: PlannedPayment[];
  /** Due periods where the contribution used up the whole payment: nothing to send. */
  nilPeriods: DuePayment[];
  count: number;
  total: Pence;
}

export function paymentKey(runDate: IsoDate, agreementId: string, periodStart: IsoDate): string {
  return `run:${runDate}:agreement:${agreementId}:period:${periodStart}`;
}

/**
 * `settledThroughByAgreement` (optional) gives each agreement's last paid period start, so
 * only the periods after it are walked (see `paymentsDue`); the plan is the same as passing
 * every paid period.
 */
export function planPaymentRun(
  agreements: readonly DirectPaymentAgreement[],
  runDate: IsoDate,
  paidPeriodsByAgreement: Readonly<Record<string, readonly IsoDate[]>>,
  settledThroughByAgreement: Readonly<Record<string, IsoDate>> = {},
): PaymentRunPlan {
  const payments: PlannedPayment[] = [];
  const nilPeriods: DuePayment[] = [];
  const ordered = [...agreements].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const agreement of ordered) {
    for (const due of paymentsDue(
      agreement,
      runDate,
      paidPeriodsByAgreement[agreement.id] ?? [],
      settledThroughByAgreement[agreement.id],
    )) {
      if (due.amount === 0) nilPeriods.push(due);
      else
        payments.push({
          ...due,
          runDate,
          idempotencyKey: paymentKey(runDate, agreement.id, due.periodStart),
        });
    }
  }
  return {
    runDate,
    payments,
    nilPeriods,
    count: payments.length,
    total: sumPence(payments.map((p) => p.amount)),
  };
}

/** The ledger transfer that records a planned payment: from the council's fund to the person. */
export function paymentTransfer(
  payment: PlannedPayment,
  accounts: { fund: AccountId; person: AccountId },
): Transfer {
  return {
    id: payment.idempotencyKey,
    idempotencyKey: payment.idempotencyKey,
    debitAccount: accounts.fund,
    creditAccount: accounts.person,
    amount: payment.amount,
    kind: 'payment',
    postedOn: payment.runDate,
    description: `Direct payment ${payment.periodStart} to ${payment.periodEnd} (agreement ${payment.agreementId})`,
  };
}
