/**
 * The arithmetic both nations share, written so the explanation can be read top to bottom
 * as a sum: the lines of `explanation` add up exactly to the weekly contribution (income
 * counted, less what the person keeps, less what the taper leaves them, less anything above
 * the cost of the service). Figures a reader wants to see but that are not part of that sum
 * (assessable income, threshold, chargeable cost …) are listed separately as `steps`.
 */

import {
  type Explained,
  type ExplanationLine,
  formatPence,
  mulDiv,
  type Pence,
  ROUNDING_NOTE,
  sumPence,
} from '../../platform/money/index.ts';

export interface Income {
  /** Machine kind matched against the policy's disregards, e.g. 'state_pension'. */
  kind: string;
  /** The person's own description, e.g. "State Pension". */
  label: string;
  weeklyAmount: Pence;
}

export type StepKind =
  | 'income_counted'
  | 'income_disregarded'
  | 'tariff_income'
  | 'assessable_income'
  | 'threshold'
  | 'minimum_income_guarantee'
  | 'disability_related_expenditure'
  | 'income_above_threshold'
  | 'taper'
  | 'maximum_charge'
  | 'service_free'
  | 'service_chargeable'
  | 'chargeable_cost'
  | 'capital'
  | 'contribution';

export interface ChargingStep {
  kind: StepKind;
  label: string;
  amount: Pence;
  rule: string;
}

export interface ChargingAssessment {
  weeklyContribution: Pence;
  /** Lines sum exactly to the weekly contribution. */
  explanation: Explained;
  /** Every figure in reading order, including subtotals that are not part of the sum. */
  steps: ChargingStep[];
  policyVersion: string;
}

export function requirePence(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be whole pence, zero or more`);
}

/** 7000 → "70%", 6250 → "62.5%". */
export function formatBasisPoints(basisPoints: number): string {
  return `${basisPoints / 100}%`;
}

/** Working state while an assessment is built. */
export class Working {
  readonly lines: ExplanationLine[] = [];
  readonly steps: ChargingStep[] = [];
  readonly notes: string[] = [ROUNDING_NOTE];

  constructor(readonly policyVersion: string) {}

  line(label: string, amount: Pence, rule: string, extra: Partial<ExplanationLine> = {}): void {
    this.lines.push({ label, amount, rule, policyVersion: this.policyVersion, ...extra });
  }

  step(kind: StepKind, label: string, amount: Pence, rule: string): void {
    this.steps.push({ kind, label, amount, rule });
  }

  finish(): ChargingAssessment {
    const total = sumPence(this.lines.map((l) => l.amount));
    this.step('contribution', 'Your weekly contribution', total, 'Result of the financial assessment');
    return {
      weeklyContribution: total,
      explanation: { total, lines: this.lines, notes: this.notes },
      steps: this.steps,
      policyVersion: this.policyVersion,
    };
  }
}

/** Adds a line for every income: counted ones with their amount, disregarded ones at £0.00 with why. */
export function countIncomes(
  work: Working,
  incomes: readonly Income[],
  disregarded: readonly string[],
): Pence {
  let counted = 0;
  for (const income of incomes) {
    requirePence(income.weeklyAmount, `income ${income.label}`);
    if (disregarded.includes(income.kind)) {
      const why = `${income.label} (${formatPence(income.weeklyAmount)} a week) is not counted: the policy disregards it`;
      work.line(why, 0, 'Disregarded income');
      work.step('income_disregarded', why, income.weeklyAmount, 'Disregarded income');
    } else {
      work.line(`${income.label} (counted)`, income.weeklyAmount, 'Income counted');
      work.step('income_counted', income.label, income.weeklyAmount, 'Income counted');
      counted += income.weeklyAmount;
    }
  }
  return counted;
}

export interface Allowance {
  label: string;
  amount: Pence;
  rule: string;
  stepKind: StepKind;
}

/**
 * From assessable income to contribution: take off what the person keeps, apply the taper to
 * what is left, then stop at the cost of the chargeable services. Whatever the figures, the
 * person keeps at least their allowances, so the charge cannot make support unaffordable.
 */
export function taperAndCap(
  work: Working,
  input: {
    assessable: Pence;
    allowances: readonly Allowance[];
    taperBasisPoints: number;
    chargeableCost: Pence;
  },
): void {
  const { assessable, allowances, taperBasisPoints, chargeableCost } = input;
  work.step('assessable_income', 'Income that is assessed', assessable, 'Counted income');
  for (const a of allowances) {
    work.line(`Less ${a.label}`, -a.amount, a.rule);
    work.step(a.stepKind, a.label, a.amount, a.rule);
  }
  const above = assessable - sumPence(allowances.map((a) => a.amount));
  if (above <= 0) {
    work.line(
      'Your income is not above what you keep, so you pay nothing',
      -above,
      'No charge below the threshold',
    );
    work.step('income_above_threshold', 'Income above what you keep', 0, 'No charge below the threshold');
    return;
  }
  work.step('income_above_threshold', 'Income above what you keep', above, 'Income above the threshold');
  const maximumCharge = mulDiv(above, taperBasisPoints, 10_000);
  if (maximumCharge < above) {
    const kept = `${formatBasisPoints(10_000 - taperBasisPoints)}`;
    work.line(`Less the ${kept} of it that the taper leaves with you`, -(above - maximumCharge), 'Taper', {
      quantity: taperBasisPoints / 10_000,
    });
  }
  work.step(
    'taper',
    `Taper: at most ${formatBasisPoints(taperBasisPoints)} of income above what you keep`,
    maximumCharge,
    'Taper',
  );
  work.step('maximum_charge', 'The most you can be asked to pay', maximumCharge, 'Taper');
  work.step(
    'chargeable_cost',
    'Weekly cost of the services that can be charged for',
    chargeableCost,
    'Chargeable cost',
  );
  if (maximumCharge > chargeableCost) {
    work.line(
      `Less the part above the cost of your chargeable services (${formatPence(chargeableCost)} a week)`,
      -(maximumCharge - chargeableCost),
      'Never more than the cost of the service',
    );
  }
}
