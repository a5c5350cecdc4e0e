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

/** Every figure that differs between the version in force and the new one, in plain words. */
export function policyChanges(inForce: ChargingPolicy, next: ChargingPolicy): FigureChange[] {
  const changes: FigureChange[] = [];
  const compare = (field: string, label: string, from: string, to: string) => {
    if (from !== to) changes.push({ field, label, from, to });
  };
  compare('versionLabel', 'Version label', inForce.versionLabel, next.versionLabel);
  compare(
    'taperPercent',
    'Taper',
    `${basisPointsToPercent(inForce.taperBasisPoints)}%`,
    `${basisPointsToPercent(next.taperBasisPoints)}%`,
  );
  if (inForce.nation === next.nation) {
    for (const figure of moneyFigures(next)) {
      compare(figure.field, figure.label, formatPence(figure.get(inForce)), formatPence(figure.get(next)));
    }
  }
  compare(
    'disregardedIncomeKinds',
    'Income not counted',
    inForce.disregardedIncomeKinds.join(', ') || 'none',
    next.disregardedIncomeKinds.join(', ') || 'none',
  );
  return changes;
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
