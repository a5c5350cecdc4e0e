import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { rows } from '../../../platform/db/transaction.ts';
import { authorities } from '../../../platform/db/schema.ts';
import type { SupportPlanContent } from './content.ts';
import { planTotals } from './costs.ts';
import {
  planAgreements,
  sdsConfiguration,
  sdsOptionChoices,
  supportPlanCostLines,
  supportPlans,
} from '../schema.ts';

/**
 * Queries on this feature's own tables. Every function runs in the caller's audited transaction.
 *
 * The plan's concurrency token is `row_version`, and it counts per person, not per version:
 * a new version's token starts above every token any earlier version of the person's plan
 * ever had (`max(row_version) + 1`, read in the insert itself), and each change of a version
 * (share, sign, submit, return, agree) adds one. So the current version's token is always
 * greater than any token a client could have read before the plan last changed, and a token
 * names exactly one version in exactly one state: a stale edit, a signature on a version the
 * signer never read or an agreement to a resubmitted version the manager never read all meet
 * a token that no longer matches, and are refused. We chose this over a compound token
 * ("version.rowVersion") because it keeps the API's integer `rowVersion` and the pages'
 * hidden field as they are: only where the number starts changes.
 */
export type PlanRow = typeof supportPlans.$inferSelect;
export type OptionChoiceRow = typeof sdsOptionChoices.$inferSelect;
export type PlanState = PlanRow['state'];

/** The plan as it stands: the highest version (older versions are kept as they were). */
export async function currentPlan(tx: Tx, personId: string): Promise<PlanRow | null> {
  const [row] = await tx
    .select()
    .from(supportPlans)
    .where(eq(supportPlans.personId, personId))
    .orderBy(desc(supportPlans.version))
    .limit(1);
  return row ?? null;
}

export async function planVersions(tx: Tx, personId: string): Promise<PlanRow[]> {
  return tx
    .select()
    .from(supportPlans)
    .where(eq(supportPlans.personId, personId))
    .orderBy(desc(supportPlans.version));
}

export async function planVersion(tx: Tx, personId: string, version: number): Promise<PlanRow | null> {
  const [row] = await tx
    .select()
    .from(supportPlans)
    .where(and(eq(supportPlans.personId, personId), eq(supportPlans.version, version)));
  return row ?? null;
}

export interface NewPlanVersion {
  authorityId: string;
  personId: string;
  version: number;
  round: number;
  content: SupportPlanContent;
  agreedBudgetWeekly: number | null;
  createdBy: string;
  /** outcome refs that are real personal outcome ids, so cost lines can point at them. */
  outcomeIds: ReadonlySet<string>;
}

/** Saves a version and its cost lines (one row each, for payments and equity reports). */
export async function insertPlanVersion(tx: Tx, input: NewPlanVersion): Promise<PlanRow> {
  const [created] = await tx
    .insert(supportPlans)
    .values({
      authorityId: input.authorityId,
      personId: input.personId,
      version: input.version,
      round: input.round,
      state: 'draft',
      content: input.content,
      totalWeekly: planTotals(input.content.costLines).weekly.total,
      agreedBudgetWeekly: input.agreedBudgetWeekly,
      createdBy: input.createdBy,
      // Continues from every earlier version's token, so none of them is ever valid again.
      rowVersion: sql`(select coalesce(max(p.row_version), 0) + 1 from ${supportPlans} p
        where p.authority_id = ${input.authorityId} and p.person_id = ${input.personId})`,
    })
    .returning();
  if (input.content.costLines.length) {
    await tx.insert(supportPlanCostLines).values(
      input.content.costLines.map((line) => ({
        authorityId: input.authorityId,
        planId: created!.id,
        personId: input.personId,
        outcomeId: input.outcomeIds.has(line.outcomeRef) ? line.outcomeRef : null,
        description: line.description,
        providerKind: line.providerKind,
        frequency: line.frequency,
        weeklyCost: line.weeklyCost,
        fundingStream: line.fundingStream,
        sdsOption: line.sdsOption,
      })),
    );
  }
  return created!;
}

/**
 * Compare-and-set in one UPDATE … WHERE row_version = n: of two people acting on the same
 * version at once, exactly one changes it; the other gets null (and a conflict).
 */
export async function updatePlanIfUnchanged(
  tx: Tx,
  planId: string,
  rowVersion: number,
  changes: Partial<
    Pick<
      PlanRow,
      | 'state'
      | 'round'
      | 'signature'
      | 'returnReasons'
      | 'overBudgetException'
      | 'decidedBy'
      | 'decidedOn'
      | 'agreedBudgetWeekly'
      | 'sharedOn'
    >
  >,
): Promise<PlanRow | null> {
  const [row] = await tx
    .update(supportPlans)
    .set({ ...changes, rowVersion: sql`${supportPlans.rowVersion} + 1`, updatedAt: new Date() })
    .where(and(eq(supportPlans.id, planId), eq(supportPlans.rowVersion, rowVersion)))
    .returning();
  return row ?? null;
}

/** Earlier agreed versions stop being the agreed plan when a newer one is agreed. */
export async function supersedeOlderAgreed(tx: Tx, personId: string, version: number): Promise<void> {
  await tx
    .update(supportPlans)
    .set({ state: 'superseded', updatedAt: new Date(), rowVersion: sql`${supportPlans.rowVersion} + 1` })
    .where(
      and(
        eq(supportPlans.personId, personId),
        eq(supportPlans.state, 'agreed'),
        sql`${supportPlans.version} < ${version}`,
      ),
    );
}

export async function optionChoices(tx: Tx, personId: string): Promise<OptionChoiceRow[]> {
  return tx
    .select()
    .from(sdsOptionChoices)
    .where(eq(sdsOptionChoices.personId, personId))
    .orderBy(asc(sdsOptionChoices.outcomeId), desc(sdsOptionChoices.version));
}

export async function insertOptionChoice(
  tx: Tx,
  input: Omit<typeof sdsOptionChoices.$inferInsert, 'version' | 'id' | 'createdAt'>,
): Promise<OptionChoiceRow> {
  // Serialise choices for one outcome so two at once cannot take the same version number.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sds-option:' || ${input.outcomeId}))`);
  const [last] = await tx
    .select({ version: sdsOptionChoices.version })
    .from(sdsOptionChoices)
    .where(eq(sdsOptionChoices.outcomeId, input.outcomeId))
    .orderBy(desc(sdsOptionChoices.version))
    .limit(1);
  const [created] = await tx
    .insert(sdsOptionChoices)
    .values({ ...input, version: (last?.version ?? 0) + 1 })
    .returning();
  return created!;
}

export async function authorityNation(tx: Tx, authorityId: string): Promise<'scotland' | 'england'> {
  const [row] = await tx
    .select({ nation: authorities.nation })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  return row?.nation ?? 'scotland';
}

export async function authorityName(tx: Tx, authorityId: string): Promise<string> {
  const [row] = await tx
    .select({ name: authorities.name })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  return row?.name ?? 'The council';
}

export async function configurationRow(tx: Tx) {
  const [row] = await tx.select().from(sdsConfiguration).limit(1);
  return row ?? null;
}

/** The name of the account that did something, for history shown to the person. */
export async function userNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (!wanted.length) return new Map();
  const found = await rows<{ id: string; display_name: string }>(
    tx,
    sql`select id, display_name from users where id in (${sql.join(
      wanted.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(found.map((u) => [u.id, u.display_name]));
}

/** The person's name for headings and the printed plan (read-only use of the people table). */
export async function personName(tx: Tx, personId: string): Promise<string> {
  const [row] = await rows<{ name: string }>(
    tx,
    sql`select coalesce(preferred_name, legal_name) as name from people where id = ${personId}`,
  );
  return row?.name ?? 'this person';
}

export type AgreementRow = typeof planAgreements.$inferSelect;

/** The recorded agreement to one plan version (none when it was signed from an account, or not yet agreed). */
export async function agreementForPlan(tx: Tx, planId: string): Promise<AgreementRow | null> {
  const [row] = await tx.select().from(planAgreements).where(eq(planAgreements.planId, planId));
  return row ?? null;
}

/** Every recorded agreement for the person's plan versions, by plan id. */
export async function agreementsForPerson(tx: Tx, personId: string): Promise<Map<string, AgreementRow>> {
  const found = await tx.select().from(planAgreements).where(eq(planAgreements.personId, personId));
  return new Map(found.map((a) => [a.planId, a]));
}

export async function insertAgreement(
  tx: Tx,
  input: Omit<typeof planAgreements.$inferInsert, 'id' | 'createdAt'>,
): Promise<AgreementRow> {
  const [row] = await tx.insert(planAgreements).values(input).returning();
  return row!;
}

/**
 * The person's representatives as the agreement form offers them (read-only use of the people
 * feature's table, like `personName`): with their powers and dates, ended ones included so the
 * rules can say why one may not agree.
 */
export async function representativesOf(tx: Tx, personId: string) {
  const found = await rows<{
    id: string;
    name: string;
    powers: string[];
    start_date: string;
    end_date: string | null;
  }>(
    tx,
    sql`select id, name, powers, start_date::text as start_date, end_date::text as end_date
        from representatives where person_id = ${personId} order by name, id`,
  );
  return found.map((r) => ({
    id: r.id,
    name: r.name,
    powers: r.powers,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
}
