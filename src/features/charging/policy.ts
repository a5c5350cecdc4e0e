/**
 * Charging policies are versioned data, never constants in code: COSLA revises its guidance
 * every year and each council sets its own taper; England's minimum income guarantee and
 * capital limits are set by regulations and change too. A policy is checked here before use.
 */

import type { Pence } from '../../platform/money/index.ts';
import type { FieldError } from '../../platform/http/problem.ts';

export type AgeGroup = 'under_pension_age' | 'pension_age';

export const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  under_pension_age: 'under State Pension age',
  pension_age: 'State Pension age or over',
};

/** Scotland: COSLA national guidance on charges for non-residential social care. */
export interface ScottishChargingPolicy {
  nation: 'scotland';
  versionLabel: string;
  /** Weekly income the person always keeps: benefit level plus a buffer, by age group. */
  thresholdWeekly: Record<AgeGroup, Pence>;
  /** Share of income above the threshold that may be charged: 7000 = 70%. */
  taperBasisPoints: number;
  /** Income kinds that are not counted, e.g. 'mobility_component', 'war_pension'. */
  disregardedIncomeKinds: readonly string[];
}

export interface MinimumIncomeGuarantee {
  label: string;
  weekly: Pence;
}

/** England: Care and Support (Charging and Assessment of Resources) Regulations 2014. */
export interface EnglishChargingPolicy {
  nation: 'england';
  versionLabel: string;
  /** Weekly minimum income guarantee by circumstance, e.g. 'single_25_to_pension_age'. */
  minimumIncomeGuarantee: Readonly<Record<string, MinimumIncomeGuarantee>>;
  /** Above this the person pays the full cost (e.g. £23,250). */
  capitalUpperLimit: Pence;
  /** Capital up to this is ignored (e.g. £14,250). */
  capitalLowerLimit: Pence;
  /** Tariff income: this much a week (e.g. £1) … */
  tariffIncomePerStep: Pence;
  /** … for each step of capital (e.g. £250), or part of one, between the limits. */
  tariffCapitalStep: Pence;
  /** 10000 = 100%, the most the regulations allow; a council may choose to charge less. */
  taperBasisPoints: number;
  disregardedIncomeKinds: readonly string[];
}

export type ChargingPolicy = ScottishChargingPolicy | EnglishChargingPolicy;

/**
 * The largest figure a policy may hold: £10,000,000. Real figures are far below it (England's
 * upper capital limit is £23,250, DHSC local authority circular 2024/25); anything above is a
 * typing slip, and keeping figures this small keeps every sum a safe integer.
 */
export const MAX_POLICY_PENCE: Pence = 1_000_000_000;

/**
 * Where a council with no charging policy yet starts its first draft: the figures of its nation's
 * rules, which the administrator checks and changes before publishing (nothing is charged until
 * a version is published). England's are the national ones of the Care and Support (Charging and
 * Assessment of Resources) Regulations 2014 (capital limits, tariff income, the minimum income
 * guarantee; see DEMO_ENGLISH_POLICY in seed.ts for their sources); Scotland's thresholds and
 * taper are COSLA-guidance-style examples a council replaces with its own. The label is left
 * empty: the administrator names the version.
 */
export function startingChargingPolicy(nation: 'scotland' | 'england'): ChargingPolicy {
  if (nation === 'scotland')
    return {
      nation,
      versionLabel: '',
      thresholdWeekly: { under_pension_age: 23_500, pension_age: 31_000 },
      taperBasisPoints: 6_000,
      disregardedIncomeKinds: ['pip_mobility', 'dla_mobility', 'war_pension', 'earnings'],
    };
  return {
    nation,
    versionLabel: '',
    minimumIncomeGuarantee: {
      single_18_to_24: { label: 'single, aged 18 to 24', weekly: 8_915 },
      single_25_to_pension_age: { label: 'single, aged 25 to State Pension age', weekly: 11_250 },
      single_25_to_pension_age_disabled: {
        label: 'single, aged 25 to State Pension age, with the disability premium',
        weekly: 16_215,
      },
      pension_age: { label: 'State Pension age or over', weekly: 22_870 },
    },
    capitalUpperLimit: 2_325_000,
    capitalLowerLimit: 1_425_000,
    tariffIncomePerStep: 100,
    tariffCapitalStep: 25_000,
    taperBasisPoints: 10_000,
    disregardedIncomeKinds: ['pip_mobility', 'dla_mobility', 'war_pension', 'earnings'],
  };
}

/** Longest version label or income kind a policy may carry. */
export const MAX_POLICY_TEXT = 200;

function isPence(value: unknown): value is Pence {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_POLICY_PENCE;
}

/** Text that cannot be stored or shown: control characters such as NUL. */
function hasControlCharacters(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  return /[\u0000-\u001f\u007f]/.test(text);
}

function textProblem(text: string, what: string): string | null {
  if (text.trim() === '') return null;
  if (hasControlCharacters(text)) return `${what} must not contain control characters.`;
  if (text.length > MAX_POLICY_TEXT) return `${what} must be ${MAX_POLICY_TEXT} characters or fewer.`;
  return null;
}

/** Field errors in plain words, for the policy editing page; empty when the policy is usable. */
export function validateChargingPolicy(policy: ChargingPolicy): FieldError[] {
  const errors: FieldError[] = [];
  const pence = (field: string, value: unknown) => {
    if (!isPence(value))
      errors.push({ field, message: 'Enter an amount of zero or more, up to £10,000,000, in whole pence.' });
  };
  const text = (field: string, value: string, what: string) => {
    const problem = textProblem(value, what);
    if (problem) errors.push({ field, message: problem });
  };
  if (policy.versionLabel.trim() === '') {
    errors.push({ field: 'versionLabel', message: 'Give the policy a version label, like "2026/27 v1".' });
  }
  text('versionLabel', policy.versionLabel, 'The version label');
  if (
    !Number.isInteger(policy.taperBasisPoints) ||
    policy.taperBasisPoints < 0 ||
    policy.taperBasisPoints > 10_000
  ) {
    errors.push({
      field: 'taperBasisPoints',
      message: 'The taper must be between 0% and 100%, in steps of 0.01%.',
    });
  }
  policy.disregardedIncomeKinds.forEach((kind, i) => {
    if (kind.trim() === '')
      errors.push({ field: `disregardedIncomeKinds.${i}`, message: 'Name the income kind.' });
    text(`disregardedIncomeKinds.${i}`, kind, 'The income kind');
  });

  if (policy.nation === 'scotland') {
    pence('thresholdWeekly.under_pension_age', policy.thresholdWeekly.under_pension_age);
    pence('thresholdWeekly.pension_age', policy.thresholdWeekly.pension_age);
    return errors;
  }

  const bands = Object.entries(policy.minimumIncomeGuarantee);
  if (bands.length === 0) {
    errors.push({
      field: 'minimumIncomeGuarantee',
      message: 'Add at least one minimum income guarantee amount.',
    });
  }
  for (const [band, mig] of bands) {
    pence(`minimumIncomeGuarantee.${band}.weekly`, mig.weekly);
    if (mig.label.trim() === '') {
      errors.push({
        field: `minimumIncomeGuarantee.${band}.label`,
        message: 'Describe who this amount is for.',
      });
    }
    text(`minimumIncomeGuarantee.${band}.label`, mig.label, 'The description');
  }
  pence('capitalUpperLimit', policy.capitalUpperLimit);
  pence('capitalLowerLimit', policy.capitalLowerLimit);
  if (isPence(policy.capitalUpperLimit) && isPence(policy.capitalLowerLimit)) {
    if (policy.capitalLowerLimit > policy.capitalUpperLimit) {
      errors.push({
        field: 'capitalLowerLimit',
        message: 'The lower capital limit must not be above the upper limit.',
      });
    }
  }
  pence('tariffIncomePerStep', policy.tariffIncomePerStep);
  if (!isPence(policy.tariffCapitalStep) || policy.tariffCapitalStep === 0) {
    errors.push({
      field: 'tariffCapitalStep',
      message: 'Enter the capital step for tariff income, above zero.',
    });
  }
  return errors;
}

export function assertValidPolicy(policy: ChargingPolicy): void {
  const errors = validateChargingPolicy(policy);
  if (errors.length > 0) {
    throw new RangeError(
      `Charging policy ${policy.versionLabel} is not usable: ${errors.map((e) => `${e.field}: ${e.message}`).join(' ')}`,
    );
  }
}
