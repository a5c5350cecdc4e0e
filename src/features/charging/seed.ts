import type { DemoSeeder } from '../../platform/db/seeding.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { assessEnglishContribution, assessScottishContribution, type ChargingPolicy } from './rules.ts';
import { DEMO_DAYS_AGO } from '../people/index.ts';
import { ensureDemoPlan } from '../plans/index.ts';
import { planServices } from './service.ts';
import { chargingPolicyVersions, financialAssessments } from './schema.ts';

/**
 * Example figures for the demo council only: a council sets its own, following COSLA's
 * guidance in Scotland or the Care Act regulations in England, and publishes them as a
 * new version each year.
 */
export const DEMO_SCOTTISH_POLICY: ChargingPolicy = {
  nation: 'scotland',
  versionLabel: 'Demo Council non-residential charging 2026/27 v1',
  thresholdWeekly: { under_pension_age: 23_500, pension_age: 31_000 },
  taperBasisPoints: 6_000,
  disregardedIncomeKinds: ['pip_mobility', 'dla_mobility', 'war_pension', 'earnings'],
};

/**
 * The English demo council's policy, with the national figures of the Care and Support (Charging
 * and Assessment of Resources) Regulations 2014 (SI 2014/2672) as DHSC's local authority circular
 * sets them: capital limits £14,250 and £23,250 with tariff income of £1 a week for every £250 or
 * part between them (unchanged since 2024/25), and the 2025/26 minimum income guarantee (single
 * under 25 £89.15, 25 and over £112.50, disability premium £49.65, quoted from the DHSC circular
 * by ruils.co.uk). The pension-age amount is the 2024/25 one West Sussex County Council publishes
 * (£228.70): the 2025/26 figure was not found, so a council enters its own. Most English councils
 * take all of the income above the guarantee (a 100 % taper).
 */
export const DEMO_ENGLISH_POLICY: ChargingPolicy = {
  nation: 'england',
  versionLabel: 'Demo Borough Council charging for care at home 2025/26 v1',
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

/**
 * Rachel's assessment (the English demo person): her earnings and PIP mobility are ignored, her
 * savings between the limits add tariff income, and what her disability costs her is kept back.
 */
const RACHEL_INCOMES = [
  {
    kind: 'esa',
    label: 'Employment and Support Allowance',
    weeklyAmount: 9_205,
    evidence: 'DWP award letter, seen 12 August',
  },
  {
    kind: 'pip_daily_living',
    label: 'PIP daily living component (enhanced)',
    weeklyAmount: 11_040,
    evidence: 'DWP award letter, seen 12 August',
  },
  {
    kind: 'pip_mobility',
    label: 'PIP mobility component (enhanced)',
    weeklyAmount: 7_705,
    evidence: 'DWP award letter, seen 12 August',
  },
  {
    kind: 'earnings',
    label: 'Part-time wages, housing office',
    weeklyAmount: 16_000,
    evidence: 'Three payslips, seen 12 August',
  },
];
const RACHEL_CAPITAL = [
  { label: 'Savings account', amount: 1_800_000, evidence: 'Bank statement, seen 12 August' },
];
const RACHEL_DRE = [
  { label: 'Extra laundry because of continence needs', weeklyAmount: 650 },
  { label: 'Wheelchair insurance and maintenance', weeklyAmount: 420 },
  { label: 'Extra heating', weeklyAmount: 900 },
];

const MORAG_INCOMES = [
  {
    kind: 'esa',
    label: 'Employment and Support Allowance',
    weeklyAmount: 14_000,
    evidence: 'DWP award letter, seen 3 March',
  },
  {
    kind: 'pip_daily_living',
    label: 'PIP daily living component',
    weeklyAmount: 10_880,
    evidence: 'DWP award letter, seen 3 March',
  },
  {
    kind: 'pip_mobility',
    label: 'PIP mobility component',
    weeklyAmount: 7_740,
    evidence: 'DWP award letter, seen 3 March',
  },
  {
    kind: 'occupational_pension',
    label: 'Ill-health pension from former employer',
    weeklyAmount: 3_500,
    evidence: 'Pension statement, seen 3 March',
  },
];

/** The demo charging policy and a financial assessment for Morag, with evidence. */
export const seedDemoCharging: DemoSeeder = async (tx, context) => {
  const today = todayInLondon();
  const policy = context.nation === 'scotland' ? DEMO_SCOTTISH_POLICY : DEMO_ENGLISH_POLICY;
  const [row] = await tx
    .insert(chargingPolicyVersions)
    .values({
      authorityId: context.authorityId,
      versionLabel: policy.versionLabel,
      effectiveFrom: policy.nation === 'england' ? '2025-04-01' : '2024-04-01',
      policy,
      contributionMethod: 'net',
    })
    .returning();
  const morag = context.shared.demoPersonId as string | undefined;
  if (!morag || !row) return;
  const england = policy.nation === 'england';
  const incomes = england ? RACHEL_INCOMES : MORAG_INCOMES;
  const capital = england
    ? RACHEL_CAPITAL
    : [{ label: 'Savings account', amount: 420_000, evidence: 'Bank statement, seen 3 March' }];
  const expenses = england ? RACHEL_DRE : [];
  await ensureDemoPlan(tx, context, morag);
  const services = await planServices(tx, morag);
  const effectiveFrom = addDays(today, -DEMO_DAYS_AGO.contributionFrom);
  const result =
    policy.nation === 'scotland'
      ? assessScottishContribution(policy, {
          incomes,
          chargeableServices: services,
          ageGroup: 'under_pension_age',
        })
      : assessEnglishContribution(policy, {
          incomes,
          capital: capital.reduce((sum, c) => sum + c.amount, 0),
          disabilityRelatedExpenditure: expenses,
          chargeableServices: services,
          migBand: 'single_25_to_pension_age_disabled',
        });
  await tx.insert(financialAssessments).values({
    authorityId: context.authorityId,
    personId: morag,
    policyId: row.id,
    effectiveFrom,
    band: policy.nation === 'scotland' ? 'under_pension_age' : 'single_25_to_pension_age_disabled',
    incomes,
    capital,
    expenses,
    services,
    weeklyContribution: result.weeklyContribution,
    result,
    assessedBy: context.users.finance!,
  });
};
