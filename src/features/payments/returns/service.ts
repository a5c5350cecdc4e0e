import { parse } from 'csv-parse/sync';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { PersonAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { compareDates, isIsoDate } from '../../../platform/dates.ts';
import { type FieldError, Problem } from '../../../platform/http/problem.ts';
import { parsePounds } from '../../../platform/money/index.ts';
import { convertAmount } from '../../../platform/money/periods.ts';
import { type AgreementRow, agreementOf } from '../agreements/service.ts';
import { paymentPolicyOn } from '../policy/store.ts';
import { assessSurplus, checkReturn } from '../surplus/rules.ts';
import { dpReturns, surplusReviews } from '../schema.ts';

export interface ReturnFigures {
  periodStart: string;
  periodEnd: string;
  openingBalance: number;
  paymentsIn: number;
  paWages: number;
  employerCosts: number;
  agency: number;
  other: number;
  closingBalance: number;
}

export const RETURN_CSV_COLUMNS = [
  'period_start',
  'period_end',
  'opening_balance',
  'payments_in',
  'pa_wages',
  'employer_costs',
  'agency',
  'other',
  'closing_balance',
] as const;

/** The money figures of a return, in the order the form and the CSV give them. */
export const MONEY_FIELDS = [
  'openingBalance',
  'paymentsIn',
  'paWages',
  'employerCosts',
  'agency',
  'other',
  'closingBalance',
] as const;

export function checkFigures(figures: ReturnFigures, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(figures.periodStart))
    errors.push({
      field: `${prefix}periodStart`,
      message: 'Enter the first day of the period the return covers',
    });
  if (!isIsoDate(figures.periodEnd))
    errors.push({
      field: `${prefix}periodEnd`,
      message: 'Enter the last day of the period the return covers',
    });
  else if (isIsoDate(figures.periodStart) && compareDates(figures.periodEnd, figures.periodStart) < 0)
    errors.push({ field: `${prefix}periodEnd`, message: 'The last day must be on or after the first day' });
  for (const name of MONEY_FIELDS) {
    const value = figures[name];
    const mayBeNegative = name === 'openingBalance' || name === 'closingBalance';
    if (!Number.isSafeInteger(value) || (!mayBeNegative && value < 0)) {
      errors.push({ field: `${prefix}${name}`, message: 'Enter an amount in pounds, like 250.00' });
    }
  }
  return errors;
}

/** A CSV of one or more returns → figures, or every row's field errors (nothing is saved then). */
export function parseReturnCsv(text: string): { figures: ReturnFigures[]; errors: FieldError[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return {
      figures: [],
      errors: [{ field: 'csv', message: `The file is not a readable CSV: ${(error as Error).message}` }],
    };
  }
  if (!records.length)
    return { figures: [], errors: [{ field: 'csv', message: 'The file has no returns in it' }] };
  const missing = RETURN_CSV_COLUMNS.filter((c) => !(c in records[0]!));
  if (missing.length) {
    return {
      figures: [],
      errors: [{ field: 'csv', message: `The file needs these columns: ${missing.join(', ')}` }],
    };
  }
  const errors: FieldError[] = [];
  const figures = records.map((record, index) => {
    const row = index + 2; // the header is row 1
    const money = (column: string) => {
      const value = parsePounds(record[column] ?? '');
      if (value === null)
        errors.push({
          field: `row${row}.${column}`,
          message: `Row ${row}: ${column.replaceAll('_', ' ')} must be an amount in pounds, like 250.00`,
        });
      return value ?? 0;
    };
    const figure: ReturnFigures = {
      periodStart: record.period_start ?? '',
      periodEnd: record.period_end ?? '',
      openingBalance: money('opening_balance'),
      paymentsIn: money('payments_in'),
      paWages: money('pa_wages'),
      employerCosts: money('employer_costs'),
      agency: money('agency'),
      other: money('other'),
      closingBalance: money('closing_balance'),
    };
    for (const e of checkFigures(figure)) {
      errors.push({ field: `row${row}.${snake(e.field)}`, message: `Row ${row}: ${e.message}` });
    }
    return figure;
  });
  return { figures, errors };
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Weekly amount actually paid (after a netted contribution), the base of the surplus threshold. */
function weeklyPaid(agreement: AgreementRow): number {
  const net = Math.max(
    0,
    agreement.amountPerPeriod -
      (agreement.contributionMethod === 'net' ? agreement.contributionPerPeriod : 0),
  );
  return convertAmount(net, agreement.frequency, 'weekly');
}

async function saveReturn(
  tx: Tx,
  access: PersonAccess,
  agreement: AgreementRow,
  f: ReturnFigures,
  source: 'page' | 'csv' | 'api',
) {
  const check = checkReturn({
    openingBalance: f.openingBalance,
    paymentsIn: f.paymentsIn,
    closingBalance: f.closingBalance,
    spendByCategory: {
      pa_wages: f.paWages,
      employer_costs: f.employerCosts,
      agency: f.agency,
      other: f.other,
    },
  });
  const [saved] = await tx
    .insert(dpReturns)
    .values({
      authorityId: access.authorityId,
      personId: access.personId,
      agreementId: agreement.id,
      ...f,
      difference: check.difference,
      source,
      submittedBy: access.actor.userId,
    })
    .returning();
  const policy = await paymentPolicyOn(tx, f.periodEnd);
  if (!policy) return { saved: saved!, check, review: null };
  const surplus = assessSurplus({
    balance: f.closingBalance,
    weeklyPayment: weeklyPaid(agreement),
    thresholdWeeks: policy.surplusThresholdWeeks,
    policyVersion: `Direct-payment policy ${policy.versionLabel}`,
  });
  if (surplus.surplus === 0) return { saved: saved!, check, review: null };
  const [review] = await tx
    .insert(surplusReviews)
    .values({
      authorityId: access.authorityId,
      personId: access.personId,
      agreementId: agreement.id,
      returnId: saved!.id,
      balance: f.closingBalance,
      threshold: surplus.threshold,
      surplus: surplus.surplus,
      policyVersion: policy.versionLabel,
      explanation: surplus.explanation,
    })
    .returning();
  return { saved: saved!, check, review: review! };
}

/** Saves one or more returns in one transaction; any field error refuses them all. */
export async function submitReturns(
  db: Db,
  access: PersonAccess,
  figures: ReturnFigures[],
  source: 'page' | 'csv' | 'api',
) {
  const errors =
    figures.length === 1
      ? checkFigures(figures[0]!)
      : figures.flatMap((f, i) => checkFigures(f, `returns.${i}.`));
  if (errors.length) throw Problem.invalid(errors);
  return audited(
    db,
    access,
    'payments.return.submit',
    async (tx) => {
      const agreement = await agreementOf(tx, access.personId);
      if (!agreement)
        throw Problem.invalid([
          { field: 'periodStart', message: 'There is no direct-payment agreement to report on yet' },
        ]);
      const results = [];
      for (const f of figures) results.push(await saveReturn(tx, access, agreement, f, source));
      return results;
    },
    { source, count: figures.length },
  );
}

export async function returnsAndReviews(tx: Tx, personId: string) {
  const returns = await tx
    .select()
    .from(dpReturns)
    .where(eq(dpReturns.personId, personId))
    .orderBy(desc(dpReturns.periodEnd), desc(dpReturns.createdAt));
  const reviews = await tx
    .select()
    .from(surplusReviews)
    .where(eq(surplusReviews.personId, personId))
    .orderBy(desc(surplusReviews.createdAt));
  return { returns, reviews };
}

export async function findReview(tx: Tx, personId: string, reviewId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(reviewId)) throw Problem.notFound('Surplus review');
  const [review] = await tx
    .select()
    .from(surplusReviews)
    .where(and(eq(surplusReviews.id, reviewId), eq(surplusReviews.personId, personId)));
  if (!review) throw Problem.notFound('Surplus review');
  return review;
}

/** One surplus review of this person, read (and audited) on its own. */
export async function readReview(db: Db, access: PersonAccess, reviewId: string) {
  return audited(db, access, 'payments.surplus.read', (tx) => findReview(tx, access.personId, reviewId));
}

/** The person (or whoever manages the account for them) says what the money is for. */
export async function giveView(db: Db, access: PersonAccess, reviewId: string, view: string) {
  if (view.trim().length < 3) {
    throw Problem.invalid([
      { field: 'view', message: 'Tell us what the money is for, or why it has built up' },
    ]);
  }
  return audited(db, access, 'payments.surplus.explain', async (tx) => {
    const review = await findReview(tx, access.personId, reviewId);
    const updated = await tx
      .update(surplusReviews)
      .set({
        status: 'view_given',
        personView: view.trim(),
        viewGivenBy: access.actor.userId,
        viewGivenAt: new Date(),
        rowVersion: review.rowVersion + 1,
      })
      .where(
        and(
          eq(surplusReviews.id, reviewId),
          eq(surplusReviews.rowVersion, review.rowVersion),
          inArray(surplusReviews.status, ['awaiting_view', 'view_given']),
        ),
      )
      .returning();
    if (!updated.length) throw Problem.conflict('This surplus review has already been decided.');
    return updated[0]!;
  });
}
