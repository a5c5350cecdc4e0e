/**
 * A change to a charging policy as the API sends it: any of the policy's own figures, in
 * pence and basis points, laid over a copy of the version it starts from. The base fixes the
 * nation: a figure of the other nation's rules is refused by name, never ignored.
 */

import type { FieldError } from '../../platform/http/problem.ts';
import {
  type AgeGroup,
  type ChargingPolicy,
  type MinimumIncomeGuarantee,
  validateChargingPolicy,
} from './policy.ts';

export interface PolicyPatch {
  versionLabel?: string;
  taperBasisPoints?: number;
  disregardedIncomeKinds?: string[];
  /** Scotland only. */
  thresholdWeekly?: Partial<Record<AgeGroup, number>>;
  /** England only: the whole set of bands, replacing the base's. */
  minimumIncomeGuarantee?: Record<string, MinimumIncomeGuarantee>;
  capitalUpperLimit?: number;
  capitalLowerLimit?: number;
  tariffIncomePerStep?: number;
  tariffCapitalStep?: number;
}

export type PolicyEdit = { ok: true; policy: ChargingPolicy } | { ok: false; errors: FieldError[] };

const SCOTTISH_ONLY = ['thresholdWeekly'] as const;
const ENGLISH_MONEY = [
  'capitalUpperLimit',
  'capitalLowerLimit',
  'tariffIncomePerStep',
  'tariffCapitalStep',
] as const;
const ENGLISH_ONLY = ['minimumIncomeGuarantee', ...ENGLISH_MONEY] as const;

/** The patch over a copy of `base`: a policy the rules accept, or field errors named as sent. */
export function applyPolicyPatch(base: ChargingPolicy, patch: PolicyPatch): PolicyEdit {
  const errors: FieldError[] = [];
  const foreign = base.nation === 'scotland' ? ENGLISH_ONLY : SCOTTISH_ONLY;
  for (const key of foreign) {
    if (patch[key] !== undefined)
      errors.push({
        field: key,
        message: `This council charges under ${base.nation === 'scotland' ? 'Scotland’s' : 'England’s'} rules, which have no such figure.`,
      });
  }
  if (errors.length) return { ok: false, errors };

  const policy = structuredClone(base) as ChargingPolicy;
  if (patch.versionLabel !== undefined) policy.versionLabel = patch.versionLabel.trim();
  if (patch.taperBasisPoints !== undefined) policy.taperBasisPoints = patch.taperBasisPoints;
  if (patch.disregardedIncomeKinds !== undefined)
    policy.disregardedIncomeKinds = patch.disregardedIncomeKinds.map((kind) => kind.trim());
  if (policy.nation === 'scotland') {
    if (patch.thresholdWeekly !== undefined)
      policy.thresholdWeekly = { ...policy.thresholdWeekly, ...patch.thresholdWeekly };
  } else {
    if (patch.minimumIncomeGuarantee !== undefined)
      policy.minimumIncomeGuarantee = structuredClone(patch.minimumIncomeGuarantee);
    for (const key of ENGLISH_MONEY) {
      const value = patch[key];
      if (value !== undefined) policy[key] = value;
    }
  }
  const problems = validateChargingPolicy(policy);
  return problems.length ? { ok: false, errors: problems } : { ok: true, policy };
}
