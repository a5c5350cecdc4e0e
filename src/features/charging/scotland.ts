/**
 * Scotland: contribution under COSLA's national guidance on charges for non-residential
 * social care. Personal and nursing care are free, so they are left out of the chargeable
 * cost; the person keeps income up to the threshold for their age group; a taper percentage
 * of income above it is the most they pay, and never more than the chargeable cost.
 */

import { formatPence, type Pence } from '../../platform/money/index.ts';
import {
  type ChargingAssessment,
  countIncomes,
  type Income,
  requirePence,
  taperAndCap,
  Working,
} from './assessment.ts';
import { AGE_GROUP_LABELS, type AgeGroup, assertValidPolicy, type ScottishChargingPolicy } from './policy.ts';

export interface ScottishService {
  label: string;
  weeklyCost: Pence;
  /** Personal or nursing care: free of charge in Scotland. */
  freePersonalCare: boolean;
}

export interface ScottishChargingInput {
  incomes: readonly Income[];
  chargeableServices: readonly ScottishService[];
  ageGroup: AgeGroup;
}

export function assessScottishContribution(
  policy: ScottishChargingPolicy,
  input: ScottishChargingInput,
): ChargingAssessment {
  assertValidPolicy(policy);
  const work = new Working(`Charging policy ${policy.versionLabel}`);

  let chargeableCost = 0;
  for (const service of input.chargeableServices) {
    requirePence(service.weeklyCost, `service ${service.label}`);
    if (service.freePersonalCare) {
      work.step(
        'service_free',
        `${service.label}: free (personal and nursing care are free in Scotland)`,
        service.weeklyCost,
        'Free personal and nursing care',
      );
    } else {
      work.step('service_chargeable', service.label, service.weeklyCost, 'Chargeable service');
      chargeableCost += service.weeklyCost;
    }
  }

  const assessable = countIncomes(work, input.incomes, policy.disregardedIncomeKinds);
  const threshold = policy.thresholdWeekly[input.ageGroup];
  taperAndCap(work, {
    assessable,
    allowances: [
      {
        label: `the income you keep (threshold for people ${AGE_GROUP_LABELS[input.ageGroup]}: ${formatPence(threshold)} a week)`,
        amount: threshold,
        rule: 'Income threshold (benefit level plus buffer)',
        stepKind: 'threshold',
      },
    ],
    taperBasisPoints: policy.taperBasisPoints,
    chargeableCost,
  });
  return work.finish();
}
