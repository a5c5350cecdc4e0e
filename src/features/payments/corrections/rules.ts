/**
 * Putting paid periods right, and showing what a change of contribution does, before anything
 * is saved. Pure: the service reads the agreement, its changes and what was paid, and writes
 * what these functions decide.
 *
 * - A change from a date is corrected by a new version for the same date; the schedule uses
 *   the newest version of each date (`currentChanges`). Nothing is edited.
 * - A period already paid is never paid again and its payment is never edited: the difference
 *   between what the corrected terms give for it and what has been paid for it so far
 *   (payment plus earlier corrections) is one correcting transfer (`paidPeriodCorrections`).
 *   Working from "paid so far" makes a correction idempotent: once applied, the same
 *   correction works out at zero.
 */

import { compareDates, formatDate, type IsoDate } from '../../../platform/dates.ts';
import { type Explained, formatPence, type Pence, sumPence } from '../../../platform/money/index.ts';
import { type DirectPaymentAgreement, type PaymentFrequency, paymentsDue } from '../agreements/rules.ts';

export interface VersionedChange {
  effectiveFrom: IsoDate;
  version: number;
}

/** Of each effective date's versions, the newest only; the others are history. */
export function currentChanges<T extends VersionedChange>(changes: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const change of changes) {
    const held = newest.get(change.effectiveFrom);
    if (!held || change.version > held.version) newest.set(change.effectiveFrom, change);
  }
  return [...newest.values()].sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
}

export interface PaidPeriod {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** What has reached the person for the period: the payment plus every correction so far. */
  paid: Pence;
}

export interface PeriodCorrection {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  paid: Pence;
  /** What the corrected terms give for the period. */
  due: Pence;
  /** due − paid: above zero is paid to the person, below zero is taken back. */
  amount: Pence;
  /** The working: the corrected payment, less what was paid; the lines add up to `amount`. */
  explanation: Explained;
}

/**
 * For every paid period that ends on or after `from`, what the agreement (with its corrected
 * changes) gives for it against what has been paid, and the difference. Periods whose
 * difference is zero are left out: nothing to put right.
 */
export function paidPeriodCorrections(
  agreement: DirectPaymentAgreement,
  paid: readonly PaidPeriod[],
  from: IsoDate,
): PeriodCorrection[] {
  const affected = paid.filter((p) => compareDates(p.periodEnd, from) >= 0);
  if (!affected.length) return [];
  const last = affected.reduce((a, b) => (compareDates(a.periodStart, b.periodStart) >= 0 ? a : b));
  const schedule = new Map(paymentsDue(agreement, last.periodStart, []).map((d) => [d.periodStart, d]));
  const corrections: PeriodCorrection[] = [];
  for (const period of [...affected].sort((a, b) => compareDates(a.periodStart, b.periodStart))) {
    const due = schedule.get(period.periodStart);
    // A paid period the agreement no longer has (it ended earlier): nothing is due for it.
    const dueAmount = due?.amount ?? 0;
    const amount = dueAmount - period.paid;
    if (amount === 0) continue;
    const dates = `${formatDate(period.periodStart)} to ${formatDate(period.periodEnd)}`;
    corrections.push({
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      paid: period.paid,
      due: dueAmount,
      amount,
      explanation: {
        total: amount,
        lines: [
          ...(due?.explanation.lines ?? []),
          {
            label: `Less what was already paid for ${dates}`,
            amount: -period.paid,
            rule: 'Correction of a paid period: the difference is paid or taken back',
            policyVersion: 'Payments made',
          },
        ],
        notes: [
          ...(due?.explanation.notes ?? []),
          amount > 0
            ? `${formatPence(amount)} is paid into the account to put this period right.`
            : `${formatPence(-amount)} was paid too much for this period and is taken back.`,
        ],
      },
    });
  }
  return corrections;
}

export interface Terms {
  amountPerPeriod: Pence;
  contributionPerPeriod: Pence;
}

export interface ContributionEffect {
  /** The date the new figures apply from. */
  from: IsoDate;
  weeklyContribution: { before: Pence | null; after: Pence };
  directPayment: {
    frequency: PaymentFrequency;
    contributionMethod: 'net' | 'invoice';
    amountPerPeriod: { before: Pence; after: Pence };
    contributionPerPeriod: { before: Pence; after: Pence };
    /** What is paid each full period: the amount less the contribution when it is netted off. */
    netPerPeriod: { before: Pence; after: Pence };
  } | null;
  corrections: PeriodCorrection[];
  /** The corrections added together: above zero paid to the person, below zero taken back. */
  correctionTotal: Pence;
}

/** What a full period pays: never below zero; an invoiced contribution is not taken off. */
export function netPerPeriod(terms: Terms, method: 'net' | 'invoice'): Pence {
  return Math.max(0, terms.amountPerPeriod - (method === 'net' ? terms.contributionPerPeriod : 0));
}

/** Old → new contribution and payment, from a date, with the paid periods it puts right. */
export function contributionEffect(input: {
  from: IsoDate;
  weeklyBefore: Pence | null;
  weeklyAfter: Pence;
  agreement: {
    frequency: PaymentFrequency;
    contributionMethod: 'net' | 'invoice';
    before: Terms;
    after: Terms;
  } | null;
  corrections: readonly PeriodCorrection[];
}): ContributionEffect {
  const a = input.agreement;
  return {
    from: input.from,
    weeklyContribution: { before: input.weeklyBefore, after: input.weeklyAfter },
    directPayment: a
      ? {
          frequency: a.frequency,
          contributionMethod: a.contributionMethod,
          amountPerPeriod: { before: a.before.amountPerPeriod, after: a.after.amountPerPeriod },
          contributionPerPeriod: {
            before: a.before.contributionPerPeriod,
            after: a.after.contributionPerPeriod,
          },
          netPerPeriod: {
            before: netPerPeriod(a.before, a.contributionMethod),
            after: netPerPeriod(a.after, a.contributionMethod),
          },
        }
      : null,
    corrections: [...input.corrections],
    correctionTotal: sumPence(input.corrections.map((c) => c.amount)),
  };
}

/**
 * The date a new assessment's contribution applies to the direct payment from:
 * - correcting an assessment: the date of the change that assessment made;
 * - starting on or before the agreement's start: the agreement's first day (the change from
 *   the start date supersedes the agreement's own terms; paid periods are put right);
 * - otherwise its own date or the first unpaid day, whichever is later.
 */
export function contributionChangeFrom(input: {
  assessmentFrom: IsoDate;
  agreementStart: IsoDate;
  firstUnpaid: IsoDate;
  supersededChangeFrom: IsoDate | null;
}): IsoDate {
  if (input.supersededChangeFrom) return input.supersededChangeFrom;
  if (compareDates(input.assessmentFrom, input.agreementStart) <= 0) return input.agreementStart;
  return compareDates(input.assessmentFrom, input.firstUnpaid) > 0 ? input.assessmentFrom : input.firstUnpaid;
}

/**
 * The terms in force on a date: the newest change on or before it, else the agreement's own.
 * A change from the start date wins over the agreement's own terms from that very day.
 */
export function termsOn(agreement: DirectPaymentAgreement, on: IsoDate): Terms {
  let terms: Terms = {
    amountPerPeriod: agreement.amountPerPeriod,
    contributionPerPeriod: agreement.contributionPerPeriod,
  };
  for (const change of [...(agreement.changes ?? [])].sort((x, y) =>
    compareDates(x.effectiveFrom, y.effectiveFrom),
  )) {
    if (compareDates(change.effectiveFrom, on) <= 0)
      terms = {
        amountPerPeriod: change.amountPerPeriod,
        contributionPerPeriod: change.contributionPerPeriod,
      };
  }
  return terms;
}

/** The idempotency key of a correction: one per agreement, period and superseding change. */
export function correctionKey(agreementId: string, periodStart: IsoDate, changeId: string): string {
  return `correction:agreement:${agreementId}:period:${periodStart}:change:${changeId}`;
}
