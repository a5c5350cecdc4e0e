import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { rows } from '../../platform/db/transaction.ts';
import { versionInForce } from '../../platform/policy-dates.ts';
import type { AssessedNeed, BudgetPolicy } from './rules.ts';
import { budgetPolicyVersions } from './schema.ts';

export type PolicyVersionRow = typeof budgetPolicyVersions.$inferSelect;
export type PolicyVersion = Omit<PolicyVersionRow, 'content'> & { content: BudgetPolicy };

const typed = (row: PolicyVersionRow): PolicyVersion => ({ ...row, content: row.content as BudgetPolicy });

/** Every version, drafts included, in effective-date order. */
export async function allPolicyVersions(tx: Executor): Promise<PolicyVersion[]> {
  const found = await tx
    .select()
    .from(budgetPolicyVersions)
    .orderBy(asc(budgetPolicyVersions.effectiveFrom), asc(budgetPolicyVersions.createdAt));
  return found.map(typed);
}

export async function publishedPolicyVersions(tx: Executor): Promise<PolicyVersion[]> {
  return (await allPolicyVersions(tx)).filter((v) => v.status === 'published');
}

export async function policyInForce(tx: Executor, on: IsoDate): Promise<PolicyVersion | undefined> {
  return versionInForce(await publishedPolicyVersions(tx), on);
}

export async function policyVersion(tx: Executor, id: string): Promise<PolicyVersion | undefined> {
  const [row] = await tx.select().from(budgetPolicyVersions).where(eq(budgetPolicyVersions.id, id));
  return row ? typed(row) : undefined;
}

/** One row per person whose current budget was costed from the policy, with the groups equity needs. */
export interface CurrentCostedBudget {
  personId: string;
  weeklyAmount: number;
  needs: AssessedNeed[];
  /** Pence a week a manager agreed above the costed lines (agreed budgets only); re-pricing keeps it. */
  overBudgetWeekly: number;
  clientGroup: string | null;
  dateOfBirth: string;
  ethnicity: string | null;
}

/**
 * Every person's current budget in one query (not one per person): the same choice as
 * `currentBudget` (agreed before indicative, newest first), with the person's client group,
 * date of birth and ethnicity for the re-pricing breakdowns. Interim budgets are not costed
 * from the policy, so they are not here.
 */
export async function currentCostedBudgets(tx: Executor): Promise<CurrentCostedBudget[]> {
  return rows<CurrentCostedBudget>(
    tx,
    sql`select distinct on (b.person_id)
          b.person_id as "personId", b.weekly_amount::float8 as "weeklyAmount", b.needs,
          coalesce((b.explanation->'overBudget'->>'amount')::float8, 0) as "overBudgetWeekly",
          coalesce(cg.label, p.client_group) as "clientGroup", p.date_of_birth::text as "dateOfBirth",
          e.ethnicity
        from person_budgets b
        join people p on p.authority_id = b.authority_id and p.id = b.person_id
        left join client_groups cg on cg.code = p.client_group
        left join person_equality e on e.authority_id = p.authority_id and e.person_id = p.id
        where b.status = 'current' and b.kind in ('agreed', 'indicative')
        order by b.person_id, case b.kind when 'agreed' then 0 else 1 end, b.version desc`,
  );
}

/** How many current budgets cost each support unit: a unit in use cannot silently disappear. */
export async function unitsInUse(tx: Executor): Promise<Map<string, number>> {
  const found = await rows<{ unitCode: string; budgets: number }>(
    tx,
    sql`select need->>'unitCode' as "unitCode", count(distinct b.id)::int as budgets
        from person_budgets b, jsonb_array_elements(b.needs) as need
        where b.status = 'current' and b.kind in ('agreed', 'indicative')
        group by 1`,
  );
  return new Map(found.map((r) => [r.unitCode, r.budgets]));
}
