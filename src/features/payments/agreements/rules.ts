/**
 * The direct-payment schedule: which periods of an agreement are due for payment on a run
 * date, and how much each one is, with its working shown.
 *
 * Conventions (stated in every explanation's notes):
 * - payments are made in advance, on the first day of each period;
 * - periods follow a fixed cycle counted from the agreement's `cycleAnchor` (the council's
 *   payment day; by default the start date), so a change of amounts never moves the cycle;
 * - a part period (before the first full cycle, after the end date, or either side of a
 *   change of amounts) is paid pro rata by days of the full period, rounded half up;
 * - a change takes effect on or after the start date. A change from the start date itself
 *   supersedes the agreement's own terms from its first day (a financial assessment dated on
 *   or before the start is applied that way, so its contribution is never lost); the
 *   agreement row is never edited. A change before the start date is refused.
 */

import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  formatDate,
  isIsoDate,
  type IsoDate,
} from '../../../platform/dates.ts';
import {
  type Explained,
  type ExplanationLine,
  formatPence,
  mulDiv,
  type Pence,
  ROUNDING_NOTE,
} from '../../../platform/money/index.ts';
import type { Frequency } from '../../../platform/money/periods.ts';
import type { FieldError } from '../../../platform/http/problem.ts';

/** Direct payments are paid weekly, four-weekly or monthly, never yearly. */
export type PaymentFrequency = Exclude<Frequency, 'annual'>;

export interface AgreementChange {
  effectiveFrom: IsoDate;
  amountPerPeriod: Pence;
  contributionPerPeriod: Pence;
}

export interface DirectPaymentAgreement {
  id: string;
  /** Gross amount for a full period, before the person's contribution. */
  amountPerPeriod: Pence;
  frequency: PaymentFrequency;
  startDate: IsoDate;
  /** Last day covered, or null while the agreement runs on. */
  endDate: IsoDate | null;
  /** The person's assessed contribution for a full period, netted off each payment. */
  contributionPerPeriod: Pence;
  /** A date on the payment cycle; defaults to the start date. */
  cycleAnchor?: IsoDate;
  /** New amounts from an effective date, e.g. after a review or reassessment. */
  changes?: readonly AgreementChange[];
}

export interface DuePayment {
  agreementId: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** In advance: the first day of the (part) period. */
  paymentDate: IsoDate;
  /** Net amount to pay; equals explanation.total. */
  amount: Pence;
  explanation: Explained;
}

const PERIOD_WORDS: Record<PaymentFrequency, string> = {
  weekly: 'week',
  four_weekly: '4 weeks',
  monthly: 'month',
};

export const IN_ADVANCE_NOTE = 'Direct payments are paid in advance, on the first day of each period.';

export function validateAgreement(agreement: DirectPaymentAgreement): FieldError[] {
  const errors: FieldError[] = [];
  const pence = (field: string, value: number) => {
    if (!Number.isSafeInteger(value) || value < 0) {
      errors.push({ field, message: 'Enter an amount of zero or more, in whole pence.' });
    }
  };
  if (agreement.id.trim() === '') errors.push({ field: 'id', message: 'The agreement needs an id.' });
  pence('amountPerPeriod', agreement.amountPerPeriod);
  pence('contributionPerPeriod', agreement.contributionPerPeriod);
  if (!isIsoDate(agreement.startDate))
    errors.push({ field: 'startDate', message: 'Enter a real start date.' });
  if (agreement.endDate !== null) {
    if (!isIsoDate(agreement.endDate)) errors.push({ field: 'endDate', message: 'Enter a real end date.' });
    else if (compareDates(agreement.endDate, agreement.startDate) < 0) {
      errors.push({ field: 'endDate', message: 'The end date must be on or after the start date.' });
    }
  }
  if (agreement.cycleAnchor !== undefined && !isIsoDate(agreement.cycleAnchor)) {
    errors.push({ field: 'cycleAnchor', message: 'Enter a real payment-cycle date.' });
  }
  (agreement.changes ?? []).forEach((change, i) => {
    pence(`changes.${i}.amountPerPeriod`, change.amountPerPeriod);
    pence(`changes.${i}.contributionPerPeriod`, change.contributionPerPeriod);
    if (!isIsoDate(change.effectiveFrom)) {
      errors.push({ field: `changes.${i}.effectiveFrom`, message: 'Enter a real date for the change.' });
    } else if (compareDates(change.effectiveFrom, agreement.startDate) < 0) {
      errors.push({
        field: `changes.${i}.effectiveFrom`,
        message: 'A change must take effect on or after the start date.',
      });
    }
  });
  return errors;
}

/** Start of the n-th cycle counted from the anchor (n may be negative). */
function cycleStart(anchor: IsoDate, frequency: PaymentFrequency, n: number): IsoDate {
  if (frequency === 'monthly') return addMonths(anchor, n);
  return addDays(anchor, n * (frequency === 'weekly' ? 7 : 28));
}

/** The cycle number whose period contains `date`. */
function cycleContaining(anchor: IsoDate, frequency: PaymentFrequency, date: IsoDate): number {
  let n: number;
  if (frequency === 'monthly') {
    const [ay, am] = anchor.split('-').map(Number) as [number, number];
    const [dy, dm] = date.split('-').map(Number) as [number, number];
    n = (dy - ay) * 12 + (dm - am);
  } else {
    n = Math.floor(daysBetween(anchor, date) / (frequency === 'weekly' ? 7 : 28));
  }
  while (compareDates(cycleStart(anchor, frequency, n), date) > 0) n -= 1;
  while (compareDates(cycleStart(anchor, frequency, n + 1), date) <= 0) n += 1;
  return n;
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

interface Terms extends AgreementChange {
  policyVersion: string;
}

/**
 * The terms in date order, one entry per date: the agreement's own from its start, then each
 * change. A change from the start date replaces the agreement's own terms entirely (they never
 * apply, not even for a day), so nothing is counted twice.
 */
export function termsTimeline(agreement: DirectPaymentAgreement): Terms[] {
  const base = `Direct-payment agreement ${agreement.id}`;
  const changes = [...(agreement.changes ?? [])].sort((a, b) =>
    compareDates(a.effectiveFrom, b.effectiveFrom),
  );
  const own: Terms[] = changes.some((c) => c.effectiveFrom === agreement.startDate)
    ? []
    : [
        {
          effectiveFrom: agreement.startDate,
          amountPerPeriod: agreement.amountPerPeriod,
          contributionPerPeriod: agreement.contributionPerPeriod,
          policyVersion: base,
        },
      ];
  return [
    ...own,
    ...changes.map((c) => ({
      effectiveFrom: c.effectiveFrom,
      amountPerPeriod: c.amountPerPeriod,
      contributionPerPeriod: c.contributionPerPeriod,
      policyVersion: `${base}, amounts from ${formatDate(c.effectiveFrom)}`,
    })),
  ];
}

function proRataLine(
  what: string,
  sign: 1 | -1,
  rate: Pence,
  days: number,
  fullDays: number,
  terms: Terms,
): ExplanationLine {
  const amount = mulDiv(rate, days, fullDays);
  return {
    label: `${what}: ${days} of ${fullDays} days × ${formatPence(rate)} = ${formatPence(amount)}`,
    amount: sign * amount,
    rule: 'Part period paid pro rata by days',
    policyVersion: terms.policyVersion,
  };
}

/** The amount for one (part) period, line by line. */
export function explainPeriod(
  agreement: DirectPaymentAgreement,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  fullDays: number,
): Explained {
  const timeline = termsTimeline(agreement);
  const lines: ExplanationLine[] = [];
  const periodWords = PERIOD_WORDS[agreement.frequency];
  let partial = false;
  for (let i = 0; i < timeline.length; i++) {
    const terms = timeline[i]!;
    const next = timeline[i + 1];
    const from = maxDate(terms.effectiveFrom, periodStart);
    const to = minDate(next ? addDays(next.effectiveFrom, -1) : periodEnd, periodEnd);
    const days = daysBetween(from, to) + 1;
    if (days <= 0) continue;
    if (days === fullDays) {
      lines.push({
        label: `Direct payment for the ${periodWords} from ${formatDate(from)}`,
        amount: terms.amountPerPeriod,
        rule: 'Agreed amount for a full period',
        policyVersion: terms.policyVersion,
        quantity: 1,
        unitRate: terms.amountPerPeriod,
      });
      if (terms.contributionPerPeriod > 0) {
        lines.push({
          label: `Less your contribution for the ${periodWords}`,
          amount: -terms.contributionPerPeriod,
          rule: 'Assessed contribution netted off the payment',
          policyVersion: terms.policyVersion,
          quantity: 1,
          unitRate: terms.contributionPerPeriod,
        });
      }
    } else {
      partial = true;
      lines.push(proRataLine('Direct payment', 1, terms.amountPerPeriod, days, fullDays, terms));
      if (terms.contributionPerPeriod > 0) {
        lines.push(
          proRataLine('Less your contribution', -1, terms.contributionPerPeriod, days, fullDays, terms),
        );
      }
    }
  }
  let total = lines.reduce((sum, line) => sum + line.amount, 0);
  if (total < 0) {
    lines.push({
      label:
        'Your contribution is more than the payment for this period, so nothing is paid (never below £0.00)',
      amount: -total,
      rule: 'A payment is never below zero',
      policyVersion: timeline[0]!.policyVersion,
    });
    total = 0;
  }
  const notes = [IN_ADVANCE_NOTE];
  if (partial) notes.push(`A part period is paid by days out of the full ${periodWords}.`, ROUNDING_NOTE);
  return { total, lines, notes };
}

/**
 * The periods whose payment date is on or before the run date and that are not yet paid,
 * in date order. `alreadyPaidPeriods` holds the start dates of periods already paid.
 *
 * `settledThrough`, when given, is the start of the agreement's last paid period: every
 * period starting on or before it is settled (paid, or nil and fixed, because a change may
 * only take effect after the last paid period), so the schedule starts after it instead of
 * walking years of history. The result is the same as listing all those periods as paid.
 */
export function paymentsDue(
  agreement: DirectPaymentAgreement,
  runDate: IsoDate,
  alreadyPaidPeriods: readonly IsoDate[],
  settledThrough?: IsoDate | null,
): DuePayment[] {
  const errors = validateAgreement(agreement);
  if (errors.length > 0) {
    throw new RangeError(
      `Agreement ${agreement.id}: ${errors.map((e) => `${e.field} ${e.message}`).join(' ')}`,
    );
  }
  const paid = new Set(alreadyPaidPeriods);
  const anchor = agreement.cycleAnchor ?? agreement.startDate;
  const due: DuePayment[] = [];
  const from = settledThrough ? maxDate(settledThrough, agreement.startDate) : agreement.startDate;
  for (let n = cycleContaining(anchor, agreement.frequency, from); ; n++) {
    const nominalStart = cycleStart(anchor, agreement.frequency, n);
    const nextStart = cycleStart(anchor, agreement.frequency, n + 1);
    const periodStart = maxDate(nominalStart, agreement.startDate);
    if (compareDates(periodStart, runDate) > 0) break;
    if (agreement.endDate !== null && compareDates(periodStart, agreement.endDate) > 0) break;
    const lastDay = addDays(nextStart, -1);
    const periodEnd = agreement.endDate === null ? lastDay : minDate(lastDay, agreement.endDate);
    if (paid.has(periodStart)) continue;
    if (settledThrough && compareDates(periodStart, settledThrough) <= 0) continue;
    const explanation = explainPeriod(
      agreement,
      periodStart,
      periodEnd,
      daysBetween(nominalStart, nextStart),
    );
    due.push({
      agreementId: agreement.id,
      periodStart,
      periodEnd,
      paymentDate: periodStart,
      amount: explanation.total,
      explanation,
    });
  }
  return due;
}
