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

export const DEMO_ENGLISH_POLICY: ChargingPolicy = {
  nation: 'england',
  versionLabel: 'Demo Council charging for care at home 2026/27 v1',
  minimumIncomeGuarantee: {
    single_25_to_pension_age: { label: 'single, aged 25 to State Pension age', weekly: 13_000 },
    pension_age: { label: 'State Pension age or over', weekly: 23_000 },
  },
  capitalUpperLimit: 2_325_000,
  capitalLowerLimit: 1_425_000,
  tariffIncomePerStep: 100,
  tariffCapitalStep: 25_000,
  taperBasisPoints: 10_000,
  disregardedIncomeKinds: ['pip_mobility', 'dla_mobility', 'war_pension', 'earnings'],
};

/** The demo charging policy and a financial assessment for Morag, with evidence. */
export const seedDemoCharging: DemoSeeder = async (tx, context) => {
  const today = todayInLondon();
  const policy = context.nation === 'scotland' ? DEMO_SCOTTISH_POLICY : DEMO_ENGLISH_POLICY;
  const [row] = await tx
    .insert(chargingPolicyVersions)
    .values({
      authorityId: context.authorityId,
      versionLabel: policy.versionLabel,
      effectiveFrom: '2024-04-01',
      policy,
      contributionMethod: 'net',
    })
    .returning();
  const morag = context.shared.demoPersonId as string | undefined;
  if (!morag || !row) return;
  const incomes = [
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
  const capital = [{ label: 'Savings account', amount: 420_000, evidence: 'Bank statement, seen 3 March' }];
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
          capital: 420_000,
          disabilityRelatedExpenditure: [],
          chargeableServices: services,
          migBand: 'single_25_to_pension_age',
        });
  await tx.insert(financialAssessments).values({
    authorityId: context.authorityId,
    personId: morag,
    policyId: row.id,
    effectiveFrom,
    band: policy.nation === 'scotland' ? 'under_pension_age' : 'single_25_to_pension_age',
    incomes,
    capital,
    expenses: [],
    services,
    weeklyContribution: result.weeklyContribution,
    result,
    assessedBy: context.users.finance!,
  });
};
