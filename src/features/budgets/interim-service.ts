import { and, asc, eq } from 'drizzle-orm';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import { users } from '../../platform/auth/schema.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { addDays, daysBetween, formatDate, isIsoDate, todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { formatPence, type Pence, ROUNDING_NOTE } from '../../platform/money/index.ts';
import { convertAmount, PERIOD_NOTE } from '../../platform/money/periods.ts';
import { people } from '../people/index.ts';
import { personHeading } from '../people/index.ts';
import { policyInForce } from './policy-store.ts';
import { MAX_UNIT_RATE_PENCE, MAX_QUANTITY_PER_WEEK } from './rules.ts';
import { personBudgets } from './schema.ts';
import { addBudgetVersion } from './versions.ts';

/** An interim budget bridges a crisis until the full decision: twelve weeks at most. */
export const MAX_INTERIM_DAYS = 84;
/** Round-the-clock support at the highest sensible rate: more than this a week is a typing slip. */
const MAX_INTERIM_WEEKLY: Pence = MAX_UNIT_RATE_PENCE * MAX_QUANTITY_PER_WEEK;

export interface InterimInput {
  weeklyAmount: Pence;
  reason: string;
  expiresOn: string;
}

/**
 * A team manager approves an interim budget the same day for a person flagged in crisis.
 * It sits beside any other budget, is flagged until a full decision regularises it, and
 * stops on its expiry date.
 */
export async function approveInterimBudget(db: Db, access: PersonAccess, input: InterimInput) {
  if (access.permission !== 'case.decide' || access.actor.role !== 'manager')
    throw Problem.forbidden('Only a team manager can approve an interim budget.');
  return audited(db, access, 'budget.interim.approve', async (tx) => {
    const person = await personHeading(tx, access.personId);
    const today = todayInLondon();
    const errors: FieldError[] = [];
    if (!person.crisis)
      errors.push({
        field: 'weeklyAmount',
        message: `${person.name} is not flagged as in crisis. Flag the crisis on their record first, or work out an indicative budget.`,
      });
    if (!Number.isSafeInteger(input.weeklyAmount) || input.weeklyAmount <= 0)
      errors.push({ field: 'weeklyAmount', message: 'Enter the amount a week in pounds, like 350.00.' });
    else if (input.weeklyAmount > MAX_INTERIM_WEEKLY)
      errors.push({
        field: 'weeklyAmount',
        message: `More than ${formatPence(MAX_INTERIM_WEEKLY)} a week: check the amount.`,
      });
    if (input.reason.trim().length < 10)
      errors.push({
        field: 'reason',
        message: 'Say what the crisis is and what the money is for (10 characters or more).',
      });
    if (!isIsoDate(input.expiresOn))
      errors.push({ field: 'expiresOn', message: 'Enter the date it stops, like 31 12 2026.' });
    else if (input.expiresOn <= today)
      errors.push({ field: 'expiresOn', message: 'The date it stops must be after today.' });
    else if (daysBetween(today, input.expiresOn) > MAX_INTERIM_DAYS)
      errors.push({
        field: 'expiresOn',
        message: `An interim budget lasts ${MAX_INTERIM_DAYS / 7} weeks at most: stop it by ${formatDate(addDays(today, MAX_INTERIM_DAYS))}.`,
      });
    if (errors.length) throw Problem.invalid(errors);
    const policy = await policyInForce(tx, today);
    const annual = convertAmount(input.weeklyAmount, 'weekly', 'annual');
    const reason = input.reason.trim();
    return addBudgetVersion(tx, {
      authorityId: access.authorityId,
      personId: access.personId,
      kind: 'interim',
      weeklyAmount: input.weeklyAmount,
      annualAmount: annual,
      explanation: {
        total: input.weeklyAmount,
        lines: [
          {
            label: `Interim budget for a crisis: ${reason}`,
            amount: input.weeklyAmount,
            rule: 'Interim budget: approved the same day by a team manager, until a full decision',
            policyVersion: policy?.versionLabel ?? 'Interim budget (not costed from the policy)',
          },
        ],
        notes: [
          `Approved by ${access.actor.displayName} on ${formatDate(today)}. It stops on ${formatDate(input.expiresOn)} unless a full budget decision replaces it first.`,
          `${formatPence(input.weeklyAmount)} a week is ${formatPence(annual)} a year. ${PERIOD_NOTE}`,
          ROUNDING_NOTE,
        ],
      },
      policyVersionId: policy?.id ?? null,
      reason,
      decidedBy: access.actor.userId,
      expiresOn: input.expiresOn,
    });
  });
}

/**
 * Every interim budget not yet regularised, in one query, oldest expiry first, with those
 * past their expiry marked: a manager must act on each (regularise it or end it).
 */
export async function openInterimBudgets(db: Db, access: CouncilAccess) {
  const today = todayInLondon();
  const found = await audited(db, access, 'budget.interim.list', (tx) =>
    tx
      .select({
        budgetId: personBudgets.id,
        personId: personBudgets.personId,
        legalName: people.legalName,
        weeklyAmount: personBudgets.weeklyAmount,
        reason: personBudgets.reason,
        expiresOn: personBudgets.expiresOn,
        approvedOn: personBudgets.createdAt,
        approvedBy: users.displayName,
      })
      .from(personBudgets)
      .innerJoin(
        people,
        and(eq(people.authorityId, personBudgets.authorityId), eq(people.id, personBudgets.personId)),
      )
      .leftJoin(
        users,
        and(eq(users.authorityId, personBudgets.authorityId), eq(users.id, personBudgets.decidedBy)),
      )
      .where(and(eq(personBudgets.kind, 'interim'), eq(personBudgets.status, 'current')))
      .orderBy(asc(personBudgets.expiresOn)),
  );
  return found.map((row) => ({ ...row, expired: !!row.expiresOn && row.expiresOn < today }));
}
