import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { DemoSeeder } from '../../platform/db/seeding.ts';
import { personalOutcomes } from '../conversations/index.ts';
import { eligibilityDecisions } from '../eligibility/index.ts';
import { type AssessedNeed, type BudgetPolicy, computeBudget } from './rules.ts';
import { budgetFundingStreams, budgetPolicyVersions, personBudgets } from './schema.ts';

/**
 * Scottish rates for 2026/27 of the kind councils publish: a home-care hour at the national
 * framework rate, a personal assistant hour including the employer's on-costs (holiday pay,
 * employer's National Insurance, pension, insurance, payroll), a day-opportunity session and a
 * night of short break.
 */
export const DEMO_BUDGET_POLICY: BudgetPolicy = {
  versionLabel: 'Budget policy 2026/27',
  contingencyBasisPoints: 500,
  supportUnits: [
    {
      code: 'personal_care_hour',
      name: 'personal care at home',
      unit: 'hour',
      ratePence: 2562,
      description: 'An hour of personal care from a registered care-at-home provider.',
    },
    {
      code: 'pa_hour',
      name: 'personal assistant support',
      unit: 'hour',
      ratePence: 1985,
      description:
        'An hour of a personal assistant you employ: £13.45 pay plus holiday pay, employer’s National Insurance, pension, insurance and payroll.',
    },
    {
      code: 'day_opportunity_session',
      name: 'day opportunity',
      unit: 'session',
      ratePence: 5200,
      description: 'A morning or afternoon at a day opportunity or community activity, with support.',
    },
    {
      code: 'short_break_night',
      name: 'short break',
      unit: 'night',
      ratePence: 17800,
      description: 'One night of a short break (respite) away from home, with support.',
    },
    {
      code: 'housing_support_hour',
      name: 'housing support',
      unit: 'hour',
      ratePence: 2240,
      description: 'An hour of help to manage a tenancy, bills and a home.',
    },
  ],
  bands: [
    { code: 'guide_lower', label: 'Lower support needs (guide)', weeklyAmount: 15_000 },
    { code: 'guide_middle', label: 'Middle support needs (guide)', weeklyAmount: 40_000 },
    { code: 'guide_higher', label: 'Higher support needs (guide)', weeklyAmount: 90_000 },
  ],
};

/**
 * The English demo council's rates, of the kind English councils publish. The hourly rates are
 * Devon County Council's published direct-payment rates for 2022/23 (devon.gov.uk, "Commissioned
 * adult social care hourly rates": personal assistant £14.52, regulated agency £21.52 an hour;
 * commissioned home care averaged £24.71), used as example figures: a council enters its own.
 */
export const DEMO_ENGLISH_BUDGET_POLICY: BudgetPolicy = {
  versionLabel: 'Personal budget rates 2026/27 (demo)',
  contingencyBasisPoints: 500,
  supportUnits: [
    {
      code: 'personal_care_hour',
      name: 'home care',
      unit: 'hour',
      ratePence: 2471,
      description: 'An hour of home care from an agency on the council’s framework.',
    },
    {
      code: 'pa_hour',
      name: 'personal assistant support',
      unit: 'hour',
      ratePence: 1452,
      description: 'An hour of a personal assistant you employ, with a direct payment.',
    },
    {
      code: 'agency_hour',
      name: 'regulated agency support',
      unit: 'hour',
      ratePence: 2152,
      description: 'An hour from a regulated care agency you choose and pay with a direct payment.',
    },
    {
      code: 'day_opportunity_session',
      name: 'day opportunity',
      unit: 'session',
      ratePence: 4800,
      description: 'A morning or afternoon at a day opportunity or community activity, with support.',
    },
    {
      code: 'short_break_night',
      name: 'short break',
      unit: 'night',
      ratePence: 16500,
      description: 'One night of a short break (respite) away from home, with support.',
    },
    {
      code: 'housing_support_hour',
      name: 'tenancy support',
      unit: 'hour',
      ratePence: 2100,
      description: 'An hour of help to manage a tenancy, bills and a home.',
    },
  ],
  bands: [
    { code: 'guide_lower', label: 'Lower support needs (guide)', weeklyAmount: 12_000 },
    { code: 'guide_middle', label: 'Middle support needs (guide)', weeklyAmount: 35_000 },
    { code: 'guide_higher', label: 'Higher support needs (guide)', weeklyAmount: 80_000 },
  ],
};

/** Support that meets each kind of outcome in the demo, as needs a worker would cost. */
const NEEDS_BY_AREA: Record<string, { unitCode: string; quantityPerWeek: number }> = {
  daily_living: { unitCode: 'personal_care_hour', quantityPerWeek: 7 },
  feeling_safe: { unitCode: 'pa_hour', quantityPerWeek: 4 },
  health: { unitCode: 'personal_care_hour', quantityPerWeek: 3.5 },
  where_i_live: { unitCode: 'housing_support_hour', quantityPerWeek: 2 },
  people_i_see: { unitCode: 'pa_hour', quantityPerWeek: 6 },
  things_i_do: { unitCode: 'day_opportunity_session', quantityPerWeek: 2 },
  work_and_learning: { unitCode: 'pa_hour', quantityPerWeek: 5 },
  managing_money: { unitCode: 'housing_support_hour', quantityPerWeek: 1 },
  having_a_say: { unitCode: 'pa_hour', quantityPerWeek: 1.5 },
};

/** Used only when no outcomes were seeded at all (the outcomes seeder runs before this one). */
const FALLBACK_OUTCOMES = [
  {
    area: 'daily_living',
    personWords: 'I want to get washed and dressed in the morning without rushing or falling.',
  },
  { area: 'things_i_do', personWords: 'I want to get back to my swimming group on a Tuesday.' },
];

/**
 * The published budget policy and an indicative budget for every eligible demo person,
 * costed from their outcomes with the same rules the pages use. Set-based: one read of
 * decisions and outcomes, one insert of budgets and one of funding streams.
 */
export const seedDemoBudgets: DemoSeeder = async (tx, context) => {
  const { authorityId } = context;
  const rates = context.nation === 'england' ? DEMO_ENGLISH_BUDGET_POLICY : DEMO_BUDGET_POLICY;
  const [policy] = await tx
    .insert(budgetPolicyVersions)
    .values({
      authorityId,
      versionLabel: rates.versionLabel,
      effectiveFrom: '2026-04-01',
      status: 'published',
      content: rates,
      coProducedWith:
        context.nation === 'england'
          ? 'Demo Borough Disabled People’s Partnership and Demoborough Carers'
          : 'Demo Disabled People’s Forum and the Carers’ Network',
      createdBy: context.users.admin ?? null,
      publishedBy: context.users.admin ?? null,
      publishedAt: new Date('2026-03-01T10:00:00Z'),
    })
    .returning();
  const eligible = (
    await tx
      .select({ personId: eligibilityDecisions.personId })
      .from(eligibilityDecisions)
      .where(and(eq(eligibilityDecisions.authorityId, authorityId), eq(eligibilityDecisions.eligible, true)))
  ).map((d) => d.personId);
  if (eligible.length === 0) return;

  const anyOutcome = await tx
    .select({ id: personalOutcomes.id })
    .from(personalOutcomes)
    .where(eq(personalOutcomes.authorityId, authorityId))
    .limit(1);
  if (anyOutcome.length === 0)
    await tx.insert(personalOutcomes).values(
      eligible.flatMap((personId) =>
        FALLBACK_OUTCOMES.map((o, i) => ({
          authorityId,
          personId,
          ...o,
          priority: i + 1,
          createdBy: context.users.worker ?? null,
        })),
      ),
    );
  const outcomes = await tx
    .select({
      id: personalOutcomes.id,
      personId: personalOutcomes.personId,
      area: personalOutcomes.area,
      personWords: personalOutcomes.personWords,
    })
    .from(personalOutcomes)
    .where(and(inArray(personalOutcomes.personId, eligible), ne(personalOutcomes.status, 'ended')))
    .orderBy(asc(personalOutcomes.priority), asc(personalOutcomes.createdAt));

  const budgets = eligible.flatMap((personId) => {
    const needs: AssessedNeed[] = outcomes
      .filter((o) => o.personId === personId)
      .map((o) => ({
        outcomeRef: o.id,
        outcomeLabel: o.personWords,
        ...(NEEDS_BY_AREA[o.area] ?? NEEDS_BY_AREA.people_i_see!),
      }))
      // One line per outcome and unit, as the rules require.
      .filter(
        (n, i, all) => all.findIndex((m) => m.outcomeRef === n.outcomeRef && m.unitCode === n.unitCode) === i,
      );
    if (needs.length === 0) return [];
    const budget = computeBudget(rates, needs);
    return [{ personId, needs, budget }];
  });
  if (budgets.length === 0) return;
  const created = await tx
    .insert(personBudgets)
    .values(
      budgets.map(({ personId, needs, budget }) => ({
        authorityId,
        personId,
        version: 1,
        kind: 'indicative' as const,
        weeklyAmount: budget.weekly,
        annualAmount: budget.annual,
        oneOffTotal: budget.oneOffTotal,
        needs,
        explanation: budget,
        policyVersionId: policy!.id,
        reason: 'First assessment',
        decidedBy: context.users.worker!,
      })),
    )
    .returning({ id: personBudgets.id, weeklyAmount: personBudgets.weeklyAmount });
  await tx.insert(budgetFundingStreams).values(
    created.map((b) => ({
      authorityId,
      budgetId: b.id,
      stream: 'council_social_care',
      source:
        context.nation === 'england'
          ? `${context.councilName} adult social care`
          : 'Demo Council social work services',
      weeklyAmount: b.weeklyAmount,
      conditions: 'To meet the outcomes in your support plan.',
      contact: 'Your social worker',
    })),
  );
};
