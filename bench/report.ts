import { sql } from 'drizzle-orm';
import { equityReport } from '../src/features/reports/service.ts';
import { todayInLondon } from '../src/platform/dates.ts';
import { rows } from '../src/platform/db/transaction.ts';
import { medianMs, ratioOf, type ScenarioResult } from './measure.ts';
import { councilAccess, type BenchDatabase } from './setup.ts';

/**
 * Option uptake and spend by group written by hand: plain GROUP BYs joined with UNION ALL,
 * straight on the pool (no tenant transaction, no audit row, no shaping).
 */
const handWritten = (authorityId: string, on: string) => sql`
  with latest as (
    select distinct on (person_id) id, person_id from support_plans
    where authority_id = ${authorityId} and state = 'agreed' order by person_id, version desc),
  pp as (
    select l.person_id, bool_or(c.sds_option = 1) o1, bool_or(c.sds_option = 2) o2, bool_or(c.sds_option = 3) o3,
           bool_or(c.sds_option = 4) o4, sum(c.weekly_cost) weekly
    from latest l join support_plan_cost_lines c on c.authority_id = ${authorityId} and c.plan_id = l.id group by l.person_id),
  d as (
    select pp.*, p.client_group, p.locality, e.ethnicity, e.sex, date_part('year', age(${on}::date, p.date_of_birth)) as age
    from pp join people p on p.authority_id = ${authorityId} and p.id = pp.person_id
    left join person_equality e on e.authority_id = ${authorityId} and e.person_id = pp.person_id)
  select 'client_group' as dim, client_group as value, count(*), count(*) filter (where o1), sum(weekly) from d group by 2
  union all select 'age', case when age < 18 then '0-17' when age < 25 then '18-24' when age < 65 then '25-64' when age < 85 then '65-84' else '85+' end, count(*), count(*) filter (where o1), sum(weekly) from d group by 2
  union all select 'ethnicity', ethnicity, count(*), count(*) filter (where o1), sum(weekly) from d group by 2
  union all select 'sex', sex, count(*), count(*) filter (where o1), sum(weekly) from d group by 2
  union all select 'locality', locality, count(*), count(*) filter (where o1), sum(weekly) from d group by 2`;

export async function reportScenario(bench: BenchDatabase, times: number): Promise<ScenarioResult> {
  const db = bench.database.db;
  const access = councilAccess(bench.staff.analyst, 'reports.aggregate', 'bench');
  const on = todayInLondon();
  let people = 0;
  const appMs = await medianMs(times, async () => {
    people = (await equityReport(db, access, on)).total.people ?? 0;
  });
  const baselineMs = await medianMs(times, () => rows(db, handWritten(bench.authorityId, on)));
  const ratio = ratioOf(appMs, baselineMs);
  return {
    scenario: `equity report over ${people} people`,
    app: 'equityReport: GROUPING SETS under row-level security, audited, small cells hidden',
    baseline: 'hand-written SQL: five GROUP BYs with UNION ALL, no tenancy or audit',
    unit: 'ms',
    appValue: appMs,
    baselineValue: baselineMs,
    ratio,
    target: '≤ 1.5× hand-written SQL',
    meetsTarget: ratio <= 1.5,
    detail: { people },
  };
}
