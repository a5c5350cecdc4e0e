/**
 * The budgets feature's file of a caseload import (issue 15): each person's current agreed
 * budget as the old system held it — a weekly amount, the funding stream that pays it, the date
 * it began and the budget policy it was agreed under. An imported budget was not worked out here,
 * so its explanation says where it came from: one line, "Imported from the council's previous
 * system, reference X", for the whole amount. It is written as an agreed budget version, as
 * `addBudgetVersion` would write it (superseding a current one), set-based for the whole file.
 */
import { randomUUID } from 'node:crypto';
import { and, inArray, max, sql } from 'drizzle-orm';
import { compareDates, type IsoDate } from '../../platform/dates.ts';
/** The stream that pays the rest of every budget (council-settings' rules). */
const COUNCIL_STREAM = 'council_social_care';
import { cellReader } from '../../platform/import/cells.ts';
import type { ImportProblem, ImportSection } from '../../platform/import/section.ts';
import { type Explained, formatPence, type Pence, parsePounds } from '../../platform/money/index.ts';
import { convertAmount } from '../../platform/money/periods.ts';
import { councilStreams, streamChoiceError, streamLabel } from '../council-settings/index.ts';
import { policyInForce, publishedPolicyVersions } from './policy-store.ts';
import { NOT_RECORDED } from './rules.ts';
import { budgetFundingStreams, personBudgets } from './schema.ts';
import { councilName } from './service.ts';

const BUDGETS_FILE = 'budgets.csv';
const PERSON_KIND = 'person';
const WRITE_BATCH = 500;
/** A week's budget above this is a typing mistake, not a budget (£100,000 a week). */
export const MAX_WEEKLY_PENCE: Pence = 10_000_000;
export const IMPORTED_FROM = 'the council’s previous system';

export interface ImportedBudget {
  personReference: string;
  weeklyAmount: Pence;
  /** A funding stream code; blank in the file is the council's social care stream. */
  fundingStream: string;
  startDate: IsoDate;
  /** The budget policy version's label, or null for the policy in force on the start date. */
  policyVersion: string | null;
  /** Filled by the database-aware check: the policy version it was agreed under, if any. */
  policyVersionId?: string | null;
  policyVersionLabel?: string;
}

/** Pounds as the old system wrote them ("245.50", "£1,234") to whole pence above zero, or a message. */
export function weeklyPence(text: string): Pence | string {
  const pence = parsePounds(text);
  if (pence === null) return `“${text.slice(0, 40)}” is not an amount in pounds: write it like 245.50`;
  if (pence <= 0) return 'The weekly budget must be more than £0.00';
  if (pence > MAX_WEEKLY_PENCE)
    return `${formatPence(pence)} a week is more than ${formatPence(MAX_WEEKLY_PENCE)}: check the amount`;
  return pence;
}

/** The explanation an imported budget carries: where it came from, for the whole amount. */
export function importedExplanation(
  reference: string,
  weekly: Pence,
  policyLabel: string,
  startDate: IsoDate,
): Explained {
  return {
    total: weekly,
    lines: [
      {
        label: `Imported from ${IMPORTED_FROM} reference ${reference}`,
        amount: weekly,
        rule: 'Agreed budget carried over from the previous system',
        policyVersion: policyLabel,
      },
    ],
    notes: [`The old system recorded this budget as agreed from ${startDate}.`],
  };
}

export const budgetsSection: ImportSection<ImportedBudget> = {
  kind: 'budget',
  file: BUDGETS_FILE,
  title: 'Current budgets',
  description:
    'Each person’s agreed budget as the old system holds it: the weekly amount, who pays it, when it began and the budget policy it was agreed under. One row a person.',
  optional: true,
  columns: [
    {
      name: 'budget_reference',
      required: true,
      description: 'This budget’s reference in the old system, different on every row.',
      example: 'BUD-501',
    },
    {
      name: 'person_reference',
      required: true,
      description: 'The person’s reference in the old system, as in people.csv (or an earlier import).',
      example: 'OLD-1001',
    },
    {
      name: 'weekly_amount',
      required: true,
      description:
        'The agreed budget a week in pounds and pence, like 245.50 (more than 0, at most 100,000).',
      example: '245.50',
    },
    {
      name: 'funding_stream',
      required: false,
      description:
        'Who pays it: the code of one of the council’s funding streams in use (as on the council’s funding streams page). Blank: the council’s social care stream.',
      example: 'council_social_care',
    },
    {
      name: 'start_date',
      required: true,
      description: 'The date the budget was agreed from, like 2026-04-01 or 01/04/2026.',
      example: '2026-04-01',
    },
    {
      name: 'policy_version',
      required: false,
      description:
        'The label of the published budget policy version it was agreed under, as on the budget policy page. Blank: the version in force on the start date.',
      example: '',
    },
  ],
  parse(record, row) {
    const cells = cellReader(BUDGETS_FILE, row, record);
    const reference = cells.text('budget_reference', {
      required: 'Enter the budget’s reference in the old system',
      max: 100,
    });
    const personReference = cells.text('person_reference', {
      required: 'Enter the person’s reference',
      max: 100,
    });
    const amountText = cells.text('weekly_amount', {
      required: 'Enter the weekly budget in pounds, like 245.50',
      max: 40,
    });
    let weeklyAmount = 0;
    if (amountText !== null) {
      const pence = weeklyPence(amountText);
      if (typeof pence === 'string') cells.problem('weekly_amount', pence);
      else weeklyAmount = pence;
    }
    const fundingStream = cells.text('funding_stream', { max: 60 }) ?? COUNCIL_STREAM;
    const startDate = cells.date('start_date', { required: 'Enter the date the budget was agreed from' });
    const policyVersion = cells.text('policy_version', { max: 100 });
    if (cells.problems.length || !reference || !startDate) return { ok: false, problems: cells.problems };
    return {
      ok: true,
      reference,
      value: { personReference: personReference!, weeklyAmount, fundingStream, startDate, policyVersion },
    };
  },
  check(rows, references) {
    const problems: ImportProblem[] = [];
    const firstRow = new Map<string, number>();
    for (const { row, value } of rows) {
      if (!references.has(PERSON_KIND, value.personReference)) {
        problems.push({
          file: BUDGETS_FILE,
          row,
          column: 'person_reference',
          message: `No person has the reference “${value.personReference}” in people.csv, nor in an earlier import`,
        });
        continue;
      }
      const first = firstRow.get(value.personReference);
      if (first !== undefined)
        problems.push({
          file: BUDGETS_FILE,
          row,
          column: 'person_reference',
          message: `“${value.personReference}” already has a budget on row ${first}: give each person one current budget`,
        });
      else firstRow.set(value.personReference, row);
    }
    return problems;
  },
  async checkWith(tx, rows) {
    const problems: ImportProblem[] = [];
    const streams = await councilStreams(tx);
    const published = await publishedPolicyVersions(tx);
    for (const { row, value } of rows) {
      const refusal = streamChoiceError(value.fundingStream, streams);
      if (refusal)
        problems.push({
          file: BUDGETS_FILE,
          row,
          column: 'funding_stream',
          message: `“${value.fundingStream.slice(0, 40)}”: ${refusal} (${streams
            .filter((s) => s.active)
            .map((s) => s.code)
            .join(', ')})`,
        });
      if (value.policyVersion) {
        const version = published.find((v) => v.versionLabel === value.policyVersion);
        if (!version)
          problems.push({
            file: BUDGETS_FILE,
            row,
            column: 'policy_version',
            message: `No published budget policy version is labelled “${value.policyVersion.slice(0, 60)}”: use ${
              published.map((v) => `“${v.versionLabel}”`).join(', ') || 'none (leave it blank)'
            }`,
          });
        else if (compareDates(version.effectiveFrom, value.startDate) > 0)
          problems.push({
            file: BUDGETS_FILE,
            row,
            column: 'policy_version',
            message: `“${version.versionLabel}” starts on ${version.effectiveFrom}, after the budget’s start date ${value.startDate}`,
          });
      }
    }
    return problems;
  },
  async write(tx, rows, context) {
    const ids = new Map<string, string>();
    if (!rows.length) return ids;
    const streams = await councilStreams(tx);
    const council = await councilName(tx, context.authorityId);
    const published = await publishedPolicyVersions(tx);
    const inForce = new Map<string, { id: string; label: string } | null>();
    const policyFor = async (value: ImportedBudget) => {
      if (value.policyVersion) {
        const v = published.find((p) => p.versionLabel === value.policyVersion);
        return v ? { id: v.id, label: v.versionLabel } : null;
      }
      if (!inForce.has(value.startDate)) {
        const v = await policyInForce(tx, value.startDate);
        inForce.set(value.startDate, v ? { id: v.id, label: v.versionLabel } : null);
      }
      return inForce.get(value.startDate)!;
    };
    const personIds = rows.map((r) => context.references.idOf(PERSON_KIND, r.value.personReference)!);
    // People imported before may hold budgets already: the new one is their next version.
    const last = await tx
      .select({ personId: personBudgets.personId, version: max(personBudgets.version) })
      .from(personBudgets)
      .where(inArray(personBudgets.personId, personIds))
      .groupBy(personBudgets.personId);
    const lastVersion = new Map(last.map((l) => [l.personId, l.version ?? 0]));
    const held = personIds.filter((id) => lastVersion.has(id));
    if (held.length) {
      await tx
        .update(personBudgets)
        .set({ status: 'superseded' })
        .where(
          and(
            inArray(personBudgets.personId, held),
            sql`${personBudgets.status} = 'current' and ${personBudgets.kind} in ('indicative', 'agreed')`,
          ),
        );
      await tx
        .update(personBudgets)
        .set({ status: 'regularised' })
        .where(
          and(
            inArray(personBudgets.personId, held),
            sql`${personBudgets.status} = 'current' and ${personBudgets.kind} = 'interim'`,
          ),
        );
    }
    const budgets: (typeof personBudgets.$inferInsert)[] = [];
    const funding: (typeof budgetFundingStreams.$inferInsert)[] = [];
    for (const [i, { reference, value }] of rows.entries()) {
      const id = randomUUID();
      ids.set(reference, id);
      const personId = personIds[i]!;
      const policy = await policyFor(value);
      budgets.push({
        id,
        authorityId: context.authorityId,
        personId,
        version: (lastVersion.get(personId) ?? 0) + 1,
        kind: 'agreed',
        weeklyAmount: value.weeklyAmount,
        annualAmount: convertAmount(value.weeklyAmount, 'weekly', 'annual'),
        explanation: importedExplanation(
          reference,
          value.weeklyAmount,
          policy?.label ?? NOT_RECORDED,
          value.startDate,
        ),
        policyVersionId: policy?.id ?? null,
        reason: `Imported from ${IMPORTED_FROM} (reference ${reference}), agreed from ${value.startDate}`,
        decidedBy: context.actorId,
      });
      funding.push({
        authorityId: context.authorityId,
        budgetId: id,
        stream: value.fundingStream,
        source: value.fundingStream === COUNCIL_STREAM ? council : streamLabel(value.fundingStream, streams),
        weeklyAmount: value.weeklyAmount,
      });
    }
    for (let start = 0; start < budgets.length; start += WRITE_BATCH) {
      await tx.insert(personBudgets).values(budgets.slice(start, start + WRITE_BATCH));
      await tx.insert(budgetFundingStreams).values(funding.slice(start, start + WRITE_BATCH));
    }
    return ids;
  },
};
