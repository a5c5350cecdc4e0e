import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { rows } from '../../platform/db/transaction.ts';

export const DIMENSIONS = ['client_group', 'age_band', 'ethnicity', 'sex', 'locality'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface EquityCell {
  dimension: Dimension | 'all';
  value: string | null;
  label: string | null;
  people: number;
  option1: number;
  option2: number;
  option3: number;
  option4: number;
  weeklySpend: number;
}

/**
 * Option uptake and spend for everyone with an agreed support plan, by every dimension at
 * once: one set-based query (GROUPING SETS), so the figures of each table come from the same
 * snapshot and the database does the counting. Runs inside the caller's tenant transaction:
 * row-level security keeps it to one council. Returns aggregates only, never a person.
 *
 * Each table is also filtered by the council's id given as a value: row-level security alone
 * hides the value from the planner, which then chose nested loops re-checking the policy on
 * every row (≈2× slower at 5k people on PostgreSQL, measured by `npm run bench`).
 */
export async function equityCells(tx: Tx, authorityId: string, asOf: IsoDate): Promise<EquityCell[]> {
  // The database's row: the cell's counts as they are, a plain dimension name and the spend
  // as bigint (text on PostgreSQL, a number on PGlite).
  const found = await rows<
    Omit<EquityCell, 'dimension' | 'weeklySpend'> & { dimension: string; weekly_spend: string | number }
  >(
    tx,
    sql`with latest_plan as (
          select distinct on (person_id) authority_id, person_id, id
          from support_plans where authority_id = ${authorityId} and state = 'agreed'
          order by person_id, version desc
        ), per_person as (
          select l.person_id,
                 bool_or(c.sds_option = 1) as o1, bool_or(c.sds_option = 2) as o2,
                 bool_or(c.sds_option = 3) as o3, bool_or(c.sds_option = 4) as o4,
                 sum(c.weekly_cost) as weekly
          from latest_plan l
          join support_plan_cost_lines c on c.authority_id = ${authorityId} and c.plan_id = l.id
          group by l.person_id
        ), described as (
          select pp.*, p.client_group, g.label as client_group_label,
                 coalesce(loc.name, p.locality) as locality, e.ethnicity, e.sex,
                 case when age < 18 then '0-17' when age < 25 then '18-24' when age < 65 then '25-64'
                      when age < 85 then '65-84' else '85+' end as age_band
          from per_person pp
          join people p on p.authority_id = ${authorityId} and p.id = pp.person_id
          left join client_groups g on g.code = p.client_group
          left join localities loc on loc.authority_id = ${authorityId} and loc.code = p.locality
          left join person_equality e on e.authority_id = ${authorityId} and e.person_id = p.id
          cross join lateral (select extract(year from age(${asOf}::date, p.date_of_birth))::int as age) a
        )
        select case
                 when grouping(client_group) = 0 then 'client_group'
                 when grouping(age_band) = 0 then 'age_band'
                 when grouping(ethnicity) = 0 then 'ethnicity'
                 when grouping(sex) = 0 then 'sex'
                 when grouping(locality) = 0 then 'locality'
                 else 'all' end as dimension,
               coalesce(client_group, age_band, ethnicity, sex, locality) as value,
               min(client_group_label) as label,
               count(*)::int as people,
               count(*) filter (where o1)::int as option1, count(*) filter (where o2)::int as option2,
               count(*) filter (where o3)::int as option3, count(*) filter (where o4)::int as option4,
               coalesce(sum(weekly), 0)::bigint as weekly_spend
        from described
        group by grouping sets ((client_group), (age_band), (ethnicity), (sex), (locality), ())
        order by 1, 2`,
  );
  return found.map(({ dimension, weekly_spend, ...counts }) => ({
    dimension: dimension as EquityCell['dimension'],
    ...counts,
    weeklySpend: Number(weekly_spend),
  }));
}

/** One cell of the advocacy report: people by their latest answer, for a stage, a kind, or both. */
export interface AdvocacyCell {
  stage: string | null;
  kind: string | null;
  /** People with an answer recorded (offered or not). */
  people: number;
  offered: number;
  accepted: number;
  declined: number;
  waiting: number;
  notOffered: number;
}

/**
 * Independent advocacy and support offered, and taken up, by stage and kind: one set-based
 * query (GROUPING SETS) over each person's latest answer for each stage and kind, so a person
 * who was asked twice at one stage counts once, by what they said last. Aggregates only; in
 * the caller's tenant transaction, filtered by the council's id as the equity query is.
 */
export async function advocacyCells(tx: Tx, authorityId: string): Promise<AdvocacyCell[]> {
  const found = await rows<{
    stage: string | null;
    kind: string | null;
    people: number;
    offered: number;
    accepted: number;
    declined: number;
    waiting: number;
    not_offered: number;
  }>(
    tx,
    sql`with latest as (
          select distinct on (person_id, stage, kind) person_id, stage, kind, response
          from support_offers where authority_id = ${authorityId}
          order by person_id, stage, kind, offered_on desc, created_at desc
        )
        select stage, kind,
               count(*)::int as people,
               count(*) filter (where response <> 'not_offered')::int as offered,
               count(*) filter (where response = 'accepted')::int as accepted,
               count(*) filter (where response = 'declined')::int as declined,
               count(*) filter (where response = 'offered')::int as waiting,
               count(*) filter (where response = 'not_offered')::int as not_offered
        from latest
        group by grouping sets ((stage, kind), (stage), ())
        order by 1, 2`,
  );
  return found.map(({ not_offered, ...cell }) => ({ ...cell, notOffered: not_offered }));
}
