/**
 * The charging policy as a form: every figure the model holds, money in pounds and
 * percentages as percentages, and back. Figures are a list per nation, so a later figure
 * (housing costs, couples) is one more entry here, not a new form.
 */

import type { FieldError } from '../../platform/http/problem.ts';
import { parsePounds, penceToDecimalPounds } from '../../platform/money/index.ts';
import type { ChargingPolicy, EnglishChargingPolicy, ScottishChargingPolicy } from './policy.ts';
import { validateChargingPolicy } from './policy.ts';

/** What the form posts: field name → text typed. */
export type PolicyForm = Record<string, string>;

export interface MoneyFigure {
  field: string;
  label: string;
  hint?: string;
  get: (policy: ChargingPolicy) => number;
  set: (policy: ChargingPolicy, pence: number) => void;
}

const scottishMoney: MoneyFigure[] = [
  {
    field: 'thresholdWeekly.under_pension_age',
    label: 'Weekly income threshold, under State Pension age',
    hint: 'The income a person always keeps: benefit level plus a buffer (COSLA method).',
    get: (p) => (p as ScottishChargingPolicy).thresholdWeekly.under_pension_age,
    set: (p, v) => {
      (p as ScottishChargingPolicy).thresholdWeekly.under_pension_age = v;
    },
  },
  {
    field: 'thresholdWeekly.pension_age',
    label: 'Weekly income threshold, State Pension age or over',
    get: (p) => (p as ScottishChargingPolicy).thresholdWeekly.pension_age,
    set: (p, v) => {
      (p as ScottishChargingPolicy).thresholdWeekly.pension_age = v;
    },
  },
];

type EnglishMoneyKey =
  | 'capitalLowerLimit'
  | 'capitalUpperLimit'
  | 'tariffIncomePerStep'
  | 'tariffCapitalStep';
const english = (field: EnglishMoneyKey, label: string, hint?: string): MoneyFigure => ({
  field,
  label,
  ...(hint ? { hint } : {}),
  get: (p) => (p as EnglishChargingPolicy)[field],
  set: (p, v) => {
    (p as EnglishChargingPolicy)[field] = v;
  },
});

const englishMoney: MoneyFigure[] = [
  english('capitalLowerLimit', 'Lower capital limit', 'Capital up to this is not counted.'),
  english('capitalUpperLimit', 'Upper capital limit', 'Above this the person pays the full cost.'),
  english('tariffIncomePerStep', 'Tariff income a week for each step of capital'),
  english('tariffCapitalStep', 'Step of capital for tariff income'),
];

/** The money figures the form shows for a policy, fixed ones first, then each MIG band. */
export function moneyFigures(policy: ChargingPolicy): MoneyFigure[] {
  if (policy.nation === 'scotland') return scottishMoney;
  const bands = Object.keys(policy.minimumIncomeGuarantee).map(
    (band): MoneyFigure => ({
      field: `minimumIncomeGuarantee.${band}.weekly`,
      label: `Minimum income guarantee: ${policy.minimumIncomeGuarantee[band]?.label ?? band}`,
      get: (p) => (p as EnglishChargingPolicy).minimumIncomeGuarantee[band]?.weekly ?? 0,
      set: (p, v) => {
        const mig = (p as EnglishChargingPolicy).minimumIncomeGuarantee[band];
        if (mig) mig.weekly = v;
      },
    }),
  );
  return [...bands, ...englishMoney];
}

/** 6000 basis points → "60"; 6050 → "60.5". */
export function basisPointsToPercent(bp: number): string {
  const whole = Math.floor(bp / 100);
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** "60", "60.5", "60.25 %" → basis points; null for anything else. */
export function percentToBasisPoints(text: string): number | null {
  const cleaned = text.trim().replace(/\s*%$/, '');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The form filled in from a policy: the draft starts as a copy of the version in force. */
export function policyToForm(policy: ChargingPolicy): PolicyForm {
  const form: PolicyForm = {
    versionLabel: policy.versionLabel,
    taperPercent: basisPointsToPercent(policy.taperBasisPoints),
    disregardedIncomeKinds: policy.disregardedIncomeKinds.join('\n'),
  };
  for (const figure of moneyFigures(policy)) form[figure.field] = penceToDecimalPounds(figure.get(policy));
  if (policy.nation === 'england') {
    for (const [band, mig] of Object.entries(policy.minimumIncomeGuarantee)) {
      form[`minimumIncomeGuarantee.${band}.label`] = mig.label;
    }
  }
  return form;
}

/**
 * The form read back onto a copy of `base` (which fixes the nation and its MIG bands):
 * either a policy the rules accept, or field errors naming the form's own fields.
 */
export function formToPolicy(
  base: ChargingPolicy,
  form: PolicyForm,
): { ok: true; policy: ChargingPolicy } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const policy = structuredClone(base) as ChargingPolicy;
  const value = (field: string) => form[field] ?? '';

  policy.versionLabel = value('versionLabel').trim();
  const taper = percentToBasisPoints(value('taperPercent'));
  if (taper === null) {
    errors.push({ field: 'taperPercent', message: 'Enter the taper as a percentage, like 60 or 62.5.' });
  } else policy.taperBasisPoints = taper;
  policy.disregardedIncomeKinds = value('disregardedIncomeKinds')
    .split(/[\n,]/)
    .map((kind) => kind.trim())
    .filter((kind) => kind !== '');

  for (const figure of moneyFigures(base)) {
    const pence = parsePounds(value(figure.field));
    if (pence === null) {
      errors.push({
        field: figure.field,
        message: `Enter ${figure.label.toLowerCase()} in pounds, like 235.00.`,
      });
    } else figure.set(policy, pence);
  }
  if (policy.nation === 'england') {
    for (const [band, mig] of Object.entries(policy.minimumIncomeGuarantee)) {
      mig.label = value(`minimumIncomeGuarantee.${band}.label`).trim();
    }
  }

  const failed = new Set(errors.map((e) => e.field));
  for (const error of validateChargingPolicy(policy)) {
    const field =
      error.field === 'taperBasisPoints'
        ? 'taperPercent'
        : error.field.replace(/^disregardedIncomeKinds\.\d+$/, 'disregardedIncomeKinds');
    if (!failed.has(field)) {
      failed.add(field);
      errors.push({ ...error, field });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy };
}
