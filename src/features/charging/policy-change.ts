/**
 * What publishing a new charging policy version would change, worked out without writing:
 * each figure old → new, and each current assessment recomputed with the pure rules over its
 * stored inputs, so the administrator sees the effect on money before confirming.
 */

import { formatPence, type Pence } from '../../platform/money/index.ts';
import { basisPointsToPercent, moneyFigures } from './policy-form.ts';
import {
  type AgeGroup,
  assessEnglishContribution,
  assessScottishContribution,
  type ChargingPolicy,
} from './rules.ts';
import type { AssessedCapital, AssessedIncome, AssessedService } from './schema.ts';

export interface FigureChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

/** One figure before and after, in plain words; `changed` when they differ. */
export interface FigureComparison extends FigureChange {
  changed: boolean;
}

/**
 * Every figure of the new version beside the one in force (unchanged ones too), for the check
 * page's old → new table. With no version in force, `from` is "Not set".
 */
export function policyComparison(inForce: ChargingPolicy | null, next: ChargingPolicy): FigureComparison[] {
  const rows: FigureComparison[] = [];
  const compare = (field: string, label: string, from: string, to: string) =>
    rows.push({ field, label, from, to, changed: from !== to });
  const none = 'Not set';
  compare('versionLabel', 'Version label', inForce?.versionLabel ?? none, next.versionLabel);
  compare(
    'taperPercent',
    'Taper',
    inForce ? `${basisPointsToPercent(inForce.taperBasisPoints)}%` : none,
    `${basisPointsToPercent(next.taperBasisPoints)}%`,
  );
  const comparable = inForce !== null && inForce.nation === next.nation;
  for (const figure of moneyFigures(next)) {
    compare(
      figure.field,
      figure.label,
      comparable ? formatPence(figure.get(inForce)) : none,
      formatPence(figure.get(next)),
    );
  }
  compare(
    'disregardedIncomeKinds',
    'Income not counted',
    inForce ? inForce.disregardedIncomeKinds.join(', ') || 'none' : none,
    next.disregardedIncomeKinds.join(', ') || 'none',
  );
  return rows;
}

/** Every figure that differs between the version in force and the new one, in plain words. */
export function policyChanges(inForce: ChargingPolicy, next: ChargingPolicy): FigureChange[] {
  return policyComparison(inForce, next)
    .filter((row) => row.changed)
    .map(({ changed: _changed, ...change }) => change);
}

/** A figure of the version in force as the administrator's page explains it. */
export interface ExplainedFigure {
  label: string;
  value: string;
  explanation: string;
}

/**
 * Each figure of a version with what it does and where such figures come from. Sources:
 * COSLA's method for Scottish thresholds (DWP base rate plus 25 %, rounded up to £1; West
 * Lothian, "Personal Allowances and Housing Costs"); Scottish tapers of 75 % (Scottish Borders
 * 2025/26) and 70 % (South Lanarkshire 2024/25); England's capital limits £14,250 / £23,250 and
 * £1 a week per £250 (DHSC local authority circular 2024/25); the minimum income guarantee
 * (Care and Support (Charging and Assessment of Resources) Regulations 2014, reg 7).
 */
export function explainPolicy(policy: ChargingPolicy): ExplainedFigure[] {
  const taper = `${basisPointsToPercent(policy.taperBasisPoints)}%`;
  const disregards = {
    label: 'Income not counted',
    value: policy.disregardedIncomeKinds.join(', ') || 'none',
    explanation: 'These kinds of income are left out of the assessment altogether.',
  };
  if (policy.nation === 'scotland') {
    return [
      {
        label: 'Weekly income threshold, under State Pension age',
        value: formatPence(policy.thresholdWeekly.under_pension_age),
        explanation:
          'A person under State Pension age always keeps this much income a week. COSLA’s method: the DWP base rate plus 25%, rounded up to the next pound.',
      },
      {
        label: 'Weekly income threshold, State Pension age or over',
        value: formatPence(policy.thresholdWeekly.pension_age),
        explanation: 'The same for a person of State Pension age or over, from Pension Credit’s guarantee.',
      },
      {
        label: 'Taper',
        value: taper,
        explanation: `At most ${taper} of income above the threshold is asked for, and never more than the chargeable support costs. Personal and nursing care are free and never charged. Councils set their own taper: 75% in Scottish Borders (2025/26), 70% in South Lanarkshire (2024/25).`,
      },
      disregards,
    ];
  }
  return [
    ...Object.values(policy.minimumIncomeGuarantee).map((mig) => ({
      label: `Minimum income guarantee: ${mig.label}`,
      value: formatPence(mig.weekly),
      explanation:
        'The least a person must be left with each week after paying (Care and Support (Charging and Assessment of Resources) Regulations 2014, regulation 7).',
    })),
    {
      label: 'Lower capital limit',
      value: formatPence(policy.capitalLowerLimit),
      explanation:
        'Savings and other capital up to this are not counted (£14,250 in the DHSC circular 2024/25).',
    },
    {
      label: 'Upper capital limit',
      value: formatPence(policy.capitalUpperLimit),
      explanation:
        'A person with more capital than this pays the full cost of their support (£23,250 in the DHSC circular 2024/25).',
    },
    {
      label: 'Tariff income',
      value: `${formatPence(policy.tariffIncomePerStep)} a week for each ${formatPence(policy.tariffCapitalStep)}`,
      explanation:
        'Capital between the limits counts as this much weekly income for each step of capital, or part of a step (£1 for each £250 in the DHSC circular).',
    },
    {
      label: 'Taper',
      value: taper,
      explanation: `At most ${taper} of income above the minimum income guarantee, after disability-related expenditure, is asked for. The regulations allow up to 100%; a council may charge less.`,
    },
    disregards,
    {
      label: 'Disability-related expenditure',
      value: 'Assessed for each person',
      explanation:
        'Extra costs a person has because of their disability are taken off their income in their own financial assessment, with evidence; this policy has no fixed amount for them.',
    },
  ];
}

/** The stored inputs of one current assessment, as `financial_assessments` keeps them. */
export interface StoredAssessment {
  personId: string;
  band: string;
  incomes: readonly AssessedIncome[];
  capital: readonly AssessedCapital[];
  expenses: readonly { label: string; weeklyAmount: number }[];
  services: readonly AssessedService[];
  weeklyContribution: Pence;
}

export interface ContributionEffect {
  assessed: number;
  /** People whose weekly contribution would change. */
  changed: number;
  increased: number;
  decreased: number;
  /** Sum of (new − old) weekly contributions over everyone, in pence. */
  totalWeeklyChange: Pence;
  /** Assessments the new version cannot work out (e.g. a MIG band it no longer has). */
  notRecomputed: number;
}

export function recomputeContribution(policy: ChargingPolicy, stored: StoredAssessment): Pence | null {
  const incomes = stored.incomes.map(({ kind, label, weeklyAmount }) => ({ kind, label, weeklyAmount }));
  if (policy.nation === 'scotland') {
    if (stored.band !== 'under_pension_age' && stored.band !== 'pension_age') return null;
    return assessScottishContribution(policy, {
      incomes,
      chargeableServices: stored.services,
      ageGroup: stored.band as AgeGroup,
    }).weeklyContribution;
  }
  if (!policy.minimumIncomeGuarantee[stored.band]) return null;
  return assessEnglishContribution(policy, {
    incomes,
    disabilityRelatedExpenditure: stored.expenses,
    capital: stored.capital.reduce((sum, c) => sum + c.amount, 0),
    chargeableServices: stored.services,
    migBand: stored.band,
  }).weeklyContribution;
}

/** The effect of `policy` on everyone's current assessment; writes nothing. */
export function contributionEffect(
  policy: ChargingPolicy,
  current: readonly StoredAssessment[],
): ContributionEffect {
  const effect: ContributionEffect = {
    assessed: current.length,
    changed: 0,
    increased: 0,
    decreased: 0,
    totalWeeklyChange: 0,
    notRecomputed: 0,
  };
  for (const stored of current) {
    const next = recomputeContribution(policy, stored);
    if (next === null) {
      effect.notRecomputed += 1;
      continue;
    }
    const difference = next - stored.weeklyContribution;
    if (difference === 0) continue;
    effect.changed += 1;
    if (difference > 0) effect.increased += 1;
    else effect.decreased += 1;
    effect.totalWeeklyChange += difference;
  }
  return effect;
}
