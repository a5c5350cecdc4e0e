/**
 * Surplus and returns. A direct-payment account is allowed to hold a few weeks' money (for
 * holiday pay, a late invoice, a short break saved for); only what is above that threshold is
 * surplus, and surplus is discussed with the person before any is recovered. These rules
 * only work out the figures and the choices; the decision stays with people.
 */

import { type Explained, formatPence, type Pence, sumPence } from '../../../platform/money/index.ts';

export interface SurplusInput {
  /** Balance in the person's direct-payment account (may be below zero if overdrawn). */
  balance: Pence;
  weeklyPayment: Pence;
  /** Whole weeks of payment the person may keep, from the council's policy. */
  thresholdWeeks: number;
  policyVersion?: string;
}

export interface SurplusAssessment {
  surplus: Pence;
  threshold: Pence;
  explanation: Explained;
}

const DEFAULT_POLICY = 'Direct-payment surplus policy';

function requireNonNegativePence(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be whole pence, zero or more`);
}

export function assessSurplus(input: SurplusInput): SurplusAssessment {
  const { balance, weeklyPayment, thresholdWeeks } = input;
  if (!Number.isSafeInteger(balance)) throw new RangeError('balance must be whole pence');
  requireNonNegativePence(weeklyPayment, 'weeklyPayment');
  if (!Number.isSafeInteger(thresholdWeeks) || thresholdWeeks < 0) {
    throw new RangeError('thresholdWeeks must be a whole number of weeks, zero or more');
  }
  const policyVersion = input.policyVersion ?? DEFAULT_POLICY;
  const threshold = weeklyPayment * thresholdWeeks;
  const lines: Explained['lines'] = [
    {
      label: 'Money in your direct-payment account',
      amount: balance,
      rule: 'Account balance',
      policyVersion,
    },
    {
      label: `Less what you may keep: ${thresholdWeeks} weeks × ${formatPence(weeklyPayment)}`,
      amount: -threshold,
      rule: 'Amount a person may keep in their account',
      policyVersion,
      quantity: thresholdWeeks,
      unitRate: weeklyPayment,
    },
  ];
  const above = balance - threshold;
  if (above < 0) {
    lines.push({
      label: 'Your balance is not above what you may keep, so there is no surplus',
      amount: -above,
      rule: 'Surplus is never below zero',
      policyVersion,
    });
  }
  const surplus = Math.max(0, above);
  return {
    surplus,
    threshold,
    explanation: {
      total: surplus,
      lines,
      notes: ['Any surplus is talked through with you before the council decides whether to recover it.'],
    },
  };
}

export type RecoveryOption =
  | { kind: 'recover_now'; amount: Pence; explanation: Explained }
  | {
      kind: 'reduce_next_payment';
      reduction: Pence;
      nextPaymentAfter: Pence;
      /** Surplus still left after the reduction (a larger surplus than one payment). */
      surplusLeft: Pence;
      explanation: Explained;
    };

/**
 * The two ways to recover a surplus: a ledger transfer now (from the person's account to
 * recovered surplus), or a smaller next payment. A payment never goes below zero, so a
 * surplus larger than the next payment leaves some surplus for later.
 */
export function recoveryOptions(input: {
  surplus: Pence;
  nextPayment: Pence;
  policyVersion?: string;
}): RecoveryOption[] {
  const { surplus, nextPayment } = input;
  requireNonNegativePence(surplus, 'surplus');
  requireNonNegativePence(nextPayment, 'nextPayment');
  if (surplus === 0) return [];
  const policyVersion = input.policyVersion ?? DEFAULT_POLICY;
  const reduction = Math.min(surplus, nextPayment);
  const nextPaymentAfter = nextPayment - reduction;
  const notes =
    reduction < surplus ? [`${formatPence(surplus - reduction)} of surplus is left for later.`] : [];
  return [
    {
      kind: 'recover_now',
      amount: surplus,
      explanation: {
        total: surplus,
        lines: [
          {
            label: 'Surplus paid back to the council from your account',
            amount: surplus,
            rule: 'Recovery by transfer',
            policyVersion,
          },
        ],
        notes: [],
      },
    },
    {
      kind: 'reduce_next_payment',
      reduction,
      nextPaymentAfter,
      surplusLeft: surplus - reduction,
      explanation: {
        total: nextPaymentAfter,
        lines: [
          { label: 'Your next payment', amount: nextPayment, rule: 'Scheduled payment', policyVersion },
          {
            label:
              reduction < surplus
                ? `Less surplus, up to the whole payment (never below £0.00)`
                : 'Less your surplus',
            amount: -reduction,
            rule: 'Recovery by reducing the next payment',
            policyVersion,
          },
        ],
        notes,
      },
    },
  ];
}

export type SpendCategory = 'pa_wages' | 'employer_costs' | 'agency' | 'other';

export const SPEND_CATEGORY_LABELS: Record<SpendCategory, string> = {
  pa_wages: "Personal assistants' wages",
  employer_costs: 'Employer costs (tax, National Insurance, pension, insurance)',
  agency: 'Care agency invoices',
  other: 'Other things that meet your outcomes',
};

export interface ReturnInput {
  openingBalance: Pence;
  paymentsIn: Pence;
  spendByCategory: Record<SpendCategory, Pence>;
  closingBalance: Pence;
}

export interface ReturnCheck {
  reconciles: boolean;
  expectedClosing: Pence;
  /** closing − expected: above zero means more in the account than the return explains. */
  difference: Pence;
  explanation: Explained;
  message: string;
}

/** Does opening + payments in − spending equal the closing balance? */
export function checkReturn(input: ReturnInput): ReturnCheck {
  const policyVersion = 'Direct-payment return';
  const spend = (Object.keys(SPEND_CATEGORY_LABELS) as SpendCategory[]).map((category) => ({
    label: `Less ${SPEND_CATEGORY_LABELS[category].toLowerCase()}`,
    amount: -input.spendByCategory[category],
    rule: 'Spending on the return',
    policyVersion,
  }));
  const lines: Explained['lines'] = [
    { label: 'Balance at the start', amount: input.openingBalance, rule: 'Opening balance', policyVersion },
    { label: 'Direct payments received', amount: input.paymentsIn, rule: 'Payments in', policyVersion },
    ...spend,
  ];
  const expectedClosing = sumPence(lines.map((l) => l.amount));
  const difference = input.closingBalance - expectedClosing;
  let message: string;
  if (difference === 0)
    message = 'The return adds up: the closing balance is what the figures say it should be.';
  else if (difference > 0) {
    message = `There is ${formatPence(difference)} more in the account than the figures explain. It may be money not yet spent or an item left off.`;
  } else {
    message = `There is ${formatPence(-difference)} less in the account than the figures explain. It may be spending not listed on the return.`;
  }
  return {
    reconciles: difference === 0,
    expectedClosing,
    difference,
    explanation: {
      total: expectedClosing,
      lines,
      notes: [`Closing balance given: ${formatPence(input.closingBalance)}.`],
    },
    message,
  };
}
