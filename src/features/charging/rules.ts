/**
 * The financial assessment (charging) rules, in one place for services to import. Every
 * result carries its explanation: lines that add up exactly to the weekly contribution, and
 * steps that show each figure along the way, all tagged with the policy version used.
 */

export {
  type ChargingAssessment,
  type ChargingStep,
  formatBasisPoints,
  type Income,
  type StepKind,
} from './assessment.ts';
export {
  AGE_GROUP_LABELS,
  type AgeGroup,
  assertValidPolicy,
  type ChargingPolicy,
  type EnglishChargingPolicy,
  type MinimumIncomeGuarantee,
  type ScottishChargingPolicy,
  validateChargingPolicy,
} from './policy.ts';
export {
  assessScottishContribution,
  type ScottishChargingInput,
  type ScottishService,
} from './scotland.ts';
export {
  assessEnglishContribution,
  type DisabilityRelatedExpense,
  type EnglishChargingInput,
  type EnglishService,
  tariffIncome,
} from './england.ts';
