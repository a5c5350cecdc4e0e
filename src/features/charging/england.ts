/**
 * England: contribution under the Care Act 2014 charging rules for care at home. Capital
 * above the upper limit means the person pays the full cost; between the limits it adds
 * tariff income; the person keeps their minimum income guarantee and what they spend
 * because of their disability; the rest (or the council's taper of it) is the most they pay,
 * and never more than the cost of the service.
 */

import { formatPence, type Pence, sumPence } from '../../platform/money/index.ts';
import {
  type Allowance,
  type ChargingAssessment,
  countIncomes,
  type Income,
  requirePence,
  taperAndCap,
  Working,
} from './assessment.ts';
import { assertValidPolicy, type EnglishChargingPolicy } from './policy.ts';

export interface EnglishService {
  label: string;
  weeklyCost: Pence;
}

export interface DisabilityRelatedExpense {
  label: string;
  weeklyAmount: Pence;
}

export interface EnglishChargingInput {
  incomes: readonly Income[];
  disabilityRelatedExpenditure: readonly DisabilityRelatedExpense[];
  /** Savings and other capital that counts, in pence. */
  capital: Pence;
  chargeableServices: readonly EnglishService[];
  /** Key into the policy's minimum income guarantee. */
  migBand: string;
}

/** £1 a week for every £250 (or part of £250) between the lower and upper limits. */
export function tariffIncome(policy: EnglishChargingPolicy, capital: Pence): Pence {
  if (capital <= policy.capitalLowerLimit) return 0;
  const over = Math.min(capital, policy.capitalUpperLimit) - policy.capitalLowerLimit;
  return Math.ceil(over / policy.tariffCapitalStep) * policy.tariffIncomePerStep;
}

export function assessEnglishContribution(
  policy: EnglishChargingPolicy,
  input: EnglishChargingInput,
): ChargingAssessment {
  assertValidPolicy(policy);
  requirePence(input.capital, 'capital');
  const mig = policy.minimumIncomeGuarantee[input.migBand];
  if (!mig)
    throw new RangeError(
      `Policy ${policy.versionLabel} has no minimum income guarantee for ${input.migBand}`,
    );
  const work = new Working(`Charging policy ${policy.versionLabel}`);

  for (const service of input.chargeableServices) {
    requirePence(service.weeklyCost, `service ${service.label}`);
    work.step('service_chargeable', service.label, service.weeklyCost, 'Chargeable service');
  }
  const chargeableCost = sumPence(input.chargeableServices.map((s) => s.weeklyCost));
  work.step('capital', 'Capital that counts', input.capital, 'Capital');

  if (input.capital > policy.capitalUpperLimit) {
    // Above the upper limit the person pays the full cost, whatever their income.
    for (const service of input.chargeableServices) {
      work.line(`${service.label} (full cost)`, service.weeklyCost, 'Capital above the upper limit');
    }
    work.notes.push(
      `Your capital of ${formatPence(input.capital)} is above the upper limit of ${formatPence(policy.capitalUpperLimit)}, so you pay the full cost of your care.`,
    );
    work.step(
      'chargeable_cost',
      'Weekly cost of the services that can be charged for',
      chargeableCost,
      'Chargeable cost',
    );
    return work.finish();
  }

  const counted = countIncomes(work, input.incomes, policy.disregardedIncomeKinds);
  const tariff = tariffIncome(policy, input.capital);
  if (tariff > 0) {
    const steps = tariff / policy.tariffIncomePerStep;
    work.line(
      `Tariff income from capital: ${formatPence(input.capital - policy.capitalLowerLimit)} over ${formatPence(policy.capitalLowerLimit)} is ${steps} steps of ${formatPence(policy.tariffCapitalStep)} (or part) × ${formatPence(policy.tariffIncomePerStep)}`,
      tariff,
      'Tariff income',
      { quantity: steps, unitRate: policy.tariffIncomePerStep },
    );
    work.step('tariff_income', 'Tariff income from capital', tariff, 'Tariff income');
  } else if (input.capital > 0) {
    work.notes.push(`Capital up to ${formatPence(policy.capitalLowerLimit)} is not counted.`);
  }

  const allowances: Allowance[] = [
    {
      label: `your minimum income guarantee (${mig.label}: ${formatPence(mig.weekly)} a week)`,
      amount: mig.weekly,
      rule: 'Minimum income guarantee',
      stepKind: 'minimum_income_guarantee',
    },
    ...input.disabilityRelatedExpenditure.map((item): Allowance => {
      requirePence(item.weeklyAmount, `expense ${item.label}`);
      return {
        label: `disability-related expense: ${item.label}`,
        amount: item.weeklyAmount,
        rule: 'Disability-related expenditure',
        stepKind: 'disability_related_expenditure',
      };
    }),
  ];
  taperAndCap(work, {
    assessable: counted + tariff,
    allowances,
    taperBasisPoints: policy.taperBasisPoints,
    chargeableCost,
  });
  return work.finish();
}
