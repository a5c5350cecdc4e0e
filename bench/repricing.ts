import { sql } from 'drizzle-orm';
import { draftPolicy, repricingPreview } from '../src/features/budgets/policy-service.ts';
import { policyInForce } from '../src/features/budgets/policy-store.ts';
import { addDays, todayInLondon } from '../src/platform/dates.ts';
import { inTenant, rows } from '../src/platform/db/transaction.ts';
import { medianMs, ratioOf, type ScenarioResult } from './measure.ts';
import { councilAccess, type BenchDatabase } from './setup.ts';

/**
 * The same arithmetic as computeBudget, by hand in SQL: each need's quantity (in hundredths)
 * × the new rate, rounded half away from zero, plus the contingency, against the current
 * weekly amount; then the tallies overall and by client group, age band and ethnicity.
 */
const repricingSql = (policyId: string, on: string) => sql`
  with policy as (select content from budget_policy_versions where id = ${policyId}),
  rates as (select u->>'code' as code, (u->>'ratePence')::numeric as rate from policy, jsonb_array_elements(content->'supportUnits') u),
  current as (
    select distinct on (b.person_id) b.person_id, b.weekly_amount, b.needs
    from person_budgets b where b.status = 'current' and b.kind in ('agreed', 'indicative')
    order by b.person_id, case b.kind when 'agreed' then 0 else 1 end, b.version desc),
  support as (
    select c.person_id, c.weekly_amount,
           coalesce(sum(round(r.rate * round((n->>'quantityPerWeek')::numeric * 100) / 100)), 0) as support
    from current c cross join lateral jsonb_array_elements(c.needs) n join rates r on r.code = n->>'unitCode'
    group by c.person_id, c.weekly_amount),
  proposed as (
    select s.person_id, s.weekly_amount as current_weekly,
           s.support + round(s.support * ((select content->>'contingencyBasisPoints' from policy)::numeric) / 10000) as proposed_weekly
    from support s),
  described as (
    select pr.*, coalesce(g.label, p.client_group) as client_group, e.ethnicity,
           case when a.age < 18 then '0-17' when a.age < 25 then '18-24' when a.age < 65 then '25-64' when a.age < 85 then '65-84' else '85+' end as age_band
    from proposed pr join people p on p.id = pr.person_id
    left join client_groups g on g.code = p.client_group
    left join person_equality e on e.authority_id = p.authority_id and e.person_id = p.id
    cross join lateral (select extract(year from age(${on}::date, p.date_of_birth))::int as age) a)
  select client_group, age_band, ethnicity, count(*) as people,
         count(*) filter (where proposed_weekly > current_weekly) as up,
         count(*) filter (where proposed_weekly < current_weekly) as down,
         sum(current_weekly) as total_current, sum(proposed_weekly) as total_proposed,
         sum(greatest(proposed_weekly - current_weekly, 0)) as total_up,
         sum(least(proposed_weekly - current_weekly, 0)) as total_down
  from described group by grouping sets ((), (client_group), (age_band), (ethnicity))`;

/** Re-pricing every current budget under a new draft policy: the preview service vs SQL. */
export async function repricingScenario(bench: BenchDatabase, times: number): Promise<ScenarioResult> {
  const db = bench.database.db;
  const admin = councilAccess(bench.staff.admin, 'policy.manage', 'bench');
  const inForce = await inTenant(db, bench.authorityId, (tx) => policyInForce(tx, todayInLondon()));
  if (!inForce) throw new Error('the synthetic council has no budget policy in force');
  const draft = await draftPolicy(db, admin, {
    ...inForce.content,
    versionLabel: `Bench draft ${new Date().toISOString()}`,
    // Rates up 3.5%, contingency up a point: everyone's budget moves, as in a yearly uprating.
    supportUnits: inForce.content.supportUnits.map((u) => ({
      ...u,
      ratePence: Math.round(u.ratePence * 1.035),
    })),
    contingencyBasisPoints: inForce.content.contingencyBasisPoints + 100,
    effectiveFrom: addDays(todayInLondon(), 60),
  });
  const preview = councilAccess(bench.staff.admin, 'policy.preview', 'bench');
  let budgets = 0;
  const appMs = await medianMs(times, async () => {
    const result = await repricingPreview(db, preview, draft.id);
    budgets = result.report?.summary.count ?? 0;
  });
  let sqlBudgets = 0;
  const baselineMs = await medianMs(times, async () => {
    const found = await inTenant(db, bench.authorityId, (tx) =>
      rows<{
        client_group: string | null;
        age_band: string | null;
        ethnicity: string | null;
        people: string;
      }>(tx, repricingSql(draft.id, draft.effectiveFrom)),
    );
    sqlBudgets = Number(
      found.find((r) => !r.client_group && !r.age_band && !r.ethnicity && found.length > 0)?.people ?? 0,
    );
  });
  const ratio = ratioOf(appMs, baselineMs);
  return {
    scenario: `re-pricing ${budgets} budgets`,
    app: 'repricingPreview: one query, each budget re-costed by computeBudget, summariseRepricing',
    baseline: 'hand-written SQL: the same arithmetic and tallies in the database',
    unit: 'ms',
    appValue: appMs,
    baselineValue: baselineMs,
    ratio,
    target: '< 10 s for 100k budgets',
    meetsTarget: appMs * (100_000 / Math.max(1, budgets)) < 10_000,
    detail: { budgets, sqlBudgets, projectedMsFor100k: Math.round(appMs * (100_000 / Math.max(1, budgets))) },
  };
}
