import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { type Explained, formatPence, type Pence } from '../../platform/money/index.ts';
import { convertAmount } from '../../platform/money/periods.ts';
import type { InterimStatus } from '../people/index.ts';
import { policyVersion } from './policy-store.ts';
import {
  type AgreedBudget,
  type AssessedNeed,
  agreedBudget,
  type OverBudgetAgreement,
  oneOffsOf,
} from './rules.ts';
import { budgetFundingStreams, personBudgets } from './schema.ts';

/**
 * Budget versions: every change is a new version with who, when and why; the previous
 * current version of the same kind family is marked superseded in the same transaction.
 * Used by this feature's service and by plans (agreement produces the agreed budget).
 * Functions run inside the caller's audited transaction.
 */
export type BudgetVersion = typeof personBudgets.$inferSelect;

export interface NewBudgetVersion {
  authorityId: string;
  personId: string;
  kind: 'indicative' | 'agreed' | 'interim';
  weeklyAmount: Pence;
  annualAmount: Pence;
  oneOffTotal?: Pence;
  needs?: unknown[];
  explanation: Explained;
  policyVersionId?: string | null;
  reason: string;
  decidedBy: string;
  expiresOn?: string | null;
  supportPlanId?: string | null;
  fundingStreams?: {
    stream: string;
    source: string;
    weeklyAmount: Pence;
    conditions?: string | null;
    contact?: string | null;
  }[];
}

/** The budget that applies now: the latest current agreed, else indicative, else interim. */
export async function currentBudget(tx: Tx, personId: string): Promise<BudgetVersion | null> {
  const [row] = await tx
    .select()
    .from(personBudgets)
    .where(and(eq(personBudgets.personId, personId), eq(personBudgets.status, 'current')))
    .orderBy(
      sql`case ${personBudgets.kind} when 'agreed' then 0 when 'indicative' then 1 else 2 end`,
      desc(personBudgets.version),
    )
    .limit(1);
  return row ?? null;
}

export async function budgetHistory(tx: Tx, personId: string): Promise<BudgetVersion[]> {
  return tx
    .select()
    .from(personBudgets)
    .where(eq(personBudgets.personId, personId))
    .orderBy(desc(personBudgets.version));
}

/**
 * Adds a version. An indicative or agreed version supersedes earlier current indicative and
 * agreed versions and regularises any current interim budget; an interim version sits beside them.
 */
export async function addBudgetVersion(tx: Tx, input: NewBudgetVersion): Promise<BudgetVersion> {
  // Lock the person's budget rows so two versions cannot take the same number.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('budget:' || ${input.authorityId} || ':' || ${input.personId}))`,
  );
  const [last] = await tx
    .select({ version: personBudgets.version })
    .from(personBudgets)
    .where(eq(personBudgets.personId, input.personId))
    .orderBy(desc(personBudgets.version))
    .limit(1);
  if (input.kind !== 'interim') {
    await tx
      .update(personBudgets)
      .set({ status: 'superseded' })
      .where(
        and(
          eq(personBudgets.personId, input.personId),
          eq(personBudgets.status, 'current'),
          sql`${personBudgets.kind} in ('indicative', 'agreed')`,
        ),
      );
    await tx
      .update(personBudgets)
      .set({ status: 'regularised' })
      .where(
        and(
          eq(personBudgets.personId, input.personId),
          eq(personBudgets.status, 'current'),
          eq(personBudgets.kind, 'interim'),
        ),
      );
  }
  const { fundingStreams, ...values } = input;
  const [created] = await tx
    .insert(personBudgets)
    .values({ ...values, version: (last?.version ?? 0) + 1, needs: input.needs ?? [] })
    .returning();
  if (fundingStreams?.length) {
    await tx
      .insert(budgetFundingStreams)
      .values(fundingStreams.map((s) => ({ ...s, authorityId: input.authorityId, budgetId: created!.id })));
  }
  return created!;
}

export interface AgreedBudgetInput {
  authorityId: string;
  personId: string;
  /** The budget the plan was checked against: the current one when it was agreed. */
  basis: BudgetVersion | null;
  planWeekly: Pence;
  /** The plan's lines explained, used only when there is no costed budget to agree against. */
  planExplanation: Explained;
  /** What the plan spends from each funding stream. */
  planFundingStreams: NonNullable<NewBudgetVersion['fundingStreams']>;
  /** When a manager agreed the plan over budget: why, and who. */
  overBudget?: OverBudgetAgreement;
  reason: string;
  decidedBy: string;
  supportPlanId: string;
}

/**
 * Writes the agreed budget for an agreed support plan. When the plan was checked against a
 * budget costed from published units (indicative, or an earlier agreed one), the agreed
 * budget is that budget's needs priced again under the same policy version, line by line
 * (`agreedBudget` in rules.ts): the same quantities, rates and policy version the person saw,
 * so the page, the API, the letter, the what-if and re-pricing all work from it. Only a plan
 * agreed with no costed budget at all is explained by its own cost lines.
 */
export async function addAgreedBudgetVersion(tx: Tx, input: AgreedBudgetInput): Promise<BudgetVersion> {
  const { basis } = input;
  const needs = (basis?.needs as AssessedNeed[] | undefined) ?? [];
  const policy =
    basis?.policyVersionId && needs.length ? await policyVersion(tx, basis.policyVersionId) : undefined;
  const base = {
    authorityId: input.authorityId,
    personId: input.personId,
    kind: 'agreed' as const,
    reason: input.reason,
    decidedBy: input.decidedBy,
    supportPlanId: input.supportPlanId,
  };
  if (!basis || !policy) {
    const exception = input.overBudget ? [`Agreed over budget because: ${input.overBudget.reason}`] : [];
    return addBudgetVersion(tx, {
      ...base,
      weeklyAmount: input.planWeekly,
      annualAmount: convertAmount(input.planWeekly, 'weekly', 'annual'),
      explanation: {
        ...input.planExplanation,
        notes: [
          ...input.planExplanation.notes,
          'There was no budget worked out from published rates before this plan, so the agreed budget is what the plan costs.',
          ...exception,
        ],
      },
      policyVersionId: null,
      fundingStreams: input.planFundingStreams,
    });
  }
  // An earlier over-budget agreement still stands unless this decision made a new one.
  const carried = (basis.explanation as AgreedBudget | null)?.overBudget;
  const budget = agreedBudget(
    policy.content,
    needs,
    oneOffsOf(basis.explanation as AgreedBudget),
    input.planWeekly,
    input.overBudget ?? carried,
  );
  return addBudgetVersion(tx, {
    ...base,
    weeklyAmount: budget.weekly,
    annualAmount: budget.annual,
    oneOffTotal: budget.oneOffTotal,
    needs,
    explanation: budget,
    policyVersionId: policy.id,
    fundingStreams: await agreedFundingStreams(tx, basis, budget.weekly, input.planFundingStreams),
  });
}

/**
 * Where the agreed budget comes from: what the plan spends from each stream, and any part of
 * the budget the plan does not use from the stream that paid most of the budget before.
 */
async function agreedFundingStreams(
  tx: Tx,
  basis: BudgetVersion,
  weekly: Pence,
  planStreams: NonNullable<NewBudgetVersion['fundingStreams']>,
): Promise<NonNullable<NewBudgetVersion['fundingStreams']>> {
  const spent = planStreams.reduce((sum, s) => sum + s.weeklyAmount, 0);
  if (spent >= weekly) return planStreams;
  const before = await tx
    .select()
    .from(budgetFundingStreams)
    .where(eq(budgetFundingStreams.budgetId, basis.id))
    .orderBy(desc(budgetFundingStreams.weeklyAmount))
    .limit(1);
  const main = before[0];
  return [
    ...planStreams,
    {
      stream: main?.stream ?? 'council_social_care',
      source: main?.source ?? 'The council',
      weeklyAmount: weekly - spent,
      conditions: `Not used by the support plan yet (${formatPence(weekly - spent)} a week).`,
      contact: main?.contact ?? null,
    },
  ];
}

/**
 * Interim budget status for a page of people in one query (never one query per row): only
 * people with an unregularised interim budget appear in the map. An interim budget still
 * marked current after its expiry date has expired without being regularised. The people feature
 * shows it on the case list and the record (handed to it as `PeopleDeps.interimStatusFor`).
 */
export async function interimStatusFor(
  tx: Tx,
  personIds: readonly string[],
  today: string,
): Promise<Map<string, InterimStatus>> {
  if (personIds.length === 0) return new Map();
  const found = await tx
    .select({
      personId: personBudgets.personId,
      current: sql<boolean>`bool_or(${personBudgets.status} = 'current' and ${personBudgets.expiresOn} >= ${today})`,
      expiredOn: sql<
        string | null
      >`(max(${personBudgets.expiresOn}) filter (where ${personBudgets.status} = 'expired' or ${personBudgets.expiresOn} < ${today}))::text`,
    })
    .from(personBudgets)
    .where(
      and(
        inArray(personBudgets.personId, [...personIds]),
        eq(personBudgets.kind, 'interim'),
        sql`${personBudgets.status} in ('current', 'expired')`,
      ),
    )
    .groupBy(personBudgets.personId);
  return new Map(
    found.map((row) => [
      row.personId,
      { current: Boolean(row.current), expiredOn: row.expiredOn ? String(row.expiredOn) : null },
    ]),
  );
}
