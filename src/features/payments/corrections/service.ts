import type { ContributionPayments } from '../../charging/index.ts';
import { asc, eq, sql } from 'drizzle-orm';
import type { PersonAccess } from '../../../platform/auth/access.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { compareDates, formatDate, type IsoDate, todayInLondon } from '../../../platform/dates.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { convertAmount } from '../../../platform/money/periods.ts';
import {
  type AgreementRow,
  agreementOf,
  type ChangeRow,
  firstUnpaidDay,
  termsFromPlan,
  toRuleAgreement,
} from '../agreements/service.ts';
import {
  type ContributionEffect,
  contributionChangeFrom,
  contributionEffect,
  correctionKey,
  currentChanges,
  type PaidPeriod,
  paidPeriodCorrections,
  termsOn,
} from './rules.ts';
import { accountId } from '../ledger/account-ids.ts';
import { postTransfers } from '../ledger/store.ts';
import { paymentsDue } from '../agreements/rules.ts';
import { dpAgreementChanges, dpPaymentCorrections, dpPayments } from '../schema.ts';

/**
 * What a new financial assessment does to the person's direct payment, worked out before
 * anything is written, so the check-your-answers page, the API preview and the save all use
 * the same figures:
 *
 * - a new assessment dated after the agreement's start applies from its date or the first
 *   unpaid day, whichever is later (paid periods are not reopened by a reassessment); if a
 *   change already starts that day, the new one is a newer version of it;
 * - a new assessment whose contribution starts on or before the agreement's start applies
 *   from the agreement's first day: a change from the start date supersedes the agreement's
 *   own terms (the agreement row is never edited), and every period already paid since then
 *   is put right by a correcting transfer (`paidPeriodCorrections`), so the contribution the
 *   agreement was set up without is never lost;
 * - a correction (an assessment that supersedes the one before it) supersedes the change that
 *   assessment made, from the same date, and puts right every period already paid from then.
 */
export interface ContributionChangePlan {
  agreementId: string;
  change: {
    effectiveFrom: IsoDate;
    version: number;
    supersedesChangeId: string | null;
    amountPerPeriod: number;
    contributionPerPeriod: number;
  } | null;
  effect: ContributionEffect;
}

/** One poster of money at a time per council: payment runs take the same lock. */
export async function lockPayments(tx: Tx, authorityId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('selfdirect-payments:' || ${authorityId}))`);
}

export async function planContributionChange(
  tx: Tx,
  personId: string,
  input: {
    weeklyBefore: number | null;
    weeklyAfter: number;
    effectiveFrom: IsoDate;
    supersedesAssessmentId: string | null;
  },
): Promise<ContributionChangePlan | null> {
  const agreement = await agreementOf(tx, personId);
  if (!agreement) return null;
  const changes = await changesOf(tx, agreement.id);
  const current = currentChanges(changes);
  const superseded = input.supersedesAssessmentId
    ? current.find((c) => c.assessmentId === input.supersedesAssessmentId)
    : undefined;
  const from = contributionChangeFrom({
    assessmentFrom: input.effectiveFrom,
    agreementStart: agreement.startDate,
    firstUnpaid: await firstUnpaidDay(tx, agreement),
    supersededChangeFrom: superseded?.effectiveFrom ?? null,
  });
  return planChangeFrom(tx, personId, agreement, changes, from, input.weeklyBefore, input.weeklyAfter);
}

export async function changesOf(tx: Tx, agreementId: string) {
  return tx
    .select()
    .from(dpAgreementChanges)
    .where(eq(dpAgreementChanges.agreementId, agreementId))
    .orderBy(asc(dpAgreementChanges.effectiveFrom), asc(dpAgreementChanges.version));
}

/**
 * The change from a date, with the plan's amounts and the given contribution: a newer version
 * of a change already starting that day, and the paid periods from that day put right.
 */
export async function planChangeFrom(
  tx: Tx,
  personId: string,
  agreement: AgreementRow,
  changes: ChangeRow[],
  from: IsoDate,
  weeklyBefore: number | null,
  weeklyAfter: number,
): Promise<ContributionChangePlan> {
  const current = currentChanges(changes);
  const input = { weeklyBefore, weeklyAfter };
  const ruleBefore = toRuleAgreement(agreement, changes);
  const before = termsOn(
    { ...ruleBefore, contributionPerPeriod: agreement.contributionPerPeriod, changes: current },
    from,
  );
  const none = (): ContributionChangePlan => ({
    agreementId: agreement.id,
    change: null,
    effect: contributionEffect({
      from,
      weeklyBefore: input.weeklyBefore,
      weeklyAfter: input.weeklyAfter,
      agreement: null,
      corrections: [],
    }),
  });
  // A change never starts before the agreement does (callers clamp to the start date).
  if (compareDates(from, agreement.startDate) < 0) return none();
  const terms = await termsFromPlan(tx, personId, agreement.frequency);
  const atDate = current.find((c) => c.effectiveFrom === from);
  const change = {
    effectiveFrom: from,
    version: (atDate?.version ?? 0) + 1,
    supersedesChangeId: atDate?.id ?? null,
    amountPerPeriod: terms.amountPerPeriod,
    contributionPerPeriod: convertAmount(input.weeklyAfter, 'weekly', agreement.frequency),
  };
  const after = toRuleAgreement(agreement, [...changes, { ...change, agreementId: agreement.id }]);
  const corrections = paidPeriodCorrections(after, await paidSoFar(tx, agreement.id, ruleBefore), from);
  return {
    agreementId: agreement.id,
    change,
    effect: contributionEffect({
      from,
      weeklyBefore: input.weeklyBefore,
      weeklyAfter: input.weeklyAfter,
      agreement: {
        frequency: agreement.frequency,
        contributionMethod: agreement.contributionMethod,
        before,
        after: {
          amountPerPeriod: change.amountPerPeriod,
          contributionPerPeriod: change.contributionPerPeriod,
        },
      },
      corrections,
    }),
  };
}

/**
 * Every settled period (up to the last one paid) with what reached the person for it: the
 * payment and its corrections so far. A nil period (the contribution used the whole payment)
 * counts as paid £0, so a correction can pay it too.
 */
async function paidSoFar(
  tx: Tx,
  agreementId: string,
  ruleBefore: ReturnType<typeof toRuleAgreement>,
): Promise<PaidPeriod[]> {
  const payments = await tx
    .select({
      periodStart: dpPayments.periodStart,
      periodEnd: dpPayments.periodEnd,
      amount: dpPayments.amount,
    })
    .from(dpPayments)
    .where(eq(dpPayments.agreementId, agreementId));
  if (!payments.length) return [];
  const corrections = await tx
    .select({ periodStart: dpPaymentCorrections.periodStart, amount: dpPaymentCorrections.amount })
    .from(dpPaymentCorrections)
    .where(eq(dpPaymentCorrections.agreementId, agreementId));
  const paid = new Map<string, number>();
  for (const p of payments) paid.set(p.periodStart, (paid.get(p.periodStart) ?? 0) + p.amount);
  for (const c of corrections) paid.set(c.periodStart, (paid.get(c.periodStart) ?? 0) + c.amount);
  const lastStart = payments
    .map((p) => p.periodStart)
    .sort(compareDates)
    .at(-1)!;
  return paymentsDue(ruleBefore, lastStart, []).map((period) => ({
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    paid: paid.get(period.periodStart) ?? 0,
  }));
}

/**
 * Writes a planned change: the new change version, then for each paid period to put right a
 * correcting transfer (from the council's fund to the person's account, or back) and its
 * correction row. Keys are per agreement, period and change, so a replay posts nothing twice.
 * The caller holds the payments lock and planned inside the same transaction.
 */
export async function applyContributionChange(
  tx: Tx,
  access: PersonAccess,
  plan: ContributionChangePlan,
  input: { assessmentId: string | null; reason: string },
) {
  if (!plan.change) return null;
  const [change] = await tx
    .insert(dpAgreementChanges)
    .values({
      authorityId: access.authorityId,
      agreementId: plan.agreementId,
      personId: access.personId,
      effectiveFrom: plan.change.effectiveFrom,
      version: plan.change.version,
      supersedesChangeId: plan.change.supersedesChangeId,
      assessmentId: input.assessmentId,
      amountPerPeriod: plan.change.amountPerPeriod,
      contributionPerPeriod: plan.change.contributionPerPeriod,
      reason: input.reason,
      createdBy: access.actor.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (!change) throw Problem.conflict('The direct payment was changed by someone else. Look again.');
  const fund = accountId('council_dp_fund', access.authorityId);
  const person = accountId('person_dp_account', access.personId);
  for (const correction of plan.effect.corrections) {
    const dates = `${formatDate(correction.periodStart)} to ${formatDate(correction.periodEnd)}`;
    const { posted, alreadyPosted } = await postTransfers(tx, access.authorityId, [
      {
        idempotencyKey: correctionKey(plan.agreementId, correction.periodStart, change.id),
        debitAccount: correction.amount > 0 ? fund : person,
        creditAccount: correction.amount > 0 ? person : fund,
        amount: Math.abs(correction.amount),
        kind: 'adjustment',
        postedOn: laterOf(correction.periodStart, todayInLondon()),
        description: `Correction of the direct payment for ${dates}: ${input.reason}`.slice(0, 500),
        personId: access.personId,
        postedBy: access.actor.userId,
      },
    ]);
    const transfer = posted[0] ?? alreadyPosted[0]!;
    await tx
      .insert(dpPaymentCorrections)
      .values({
        authorityId: access.authorityId,
        agreementId: plan.agreementId,
        personId: access.personId,
        periodStart: correction.periodStart,
        periodEnd: correction.periodEnd,
        changeId: change.id,
        amount: correction.amount,
        transferId: transfer.id,
        explanation: correction.explanation,
        createdBy: access.actor.userId,
      })
      .onConflictDoNothing();
  }
  return change;
}

/** A correction is posted today, never before the period it corrects began. */
function laterOf(periodStart: IsoDate, today: IsoDate): IsoDate {
  return compareDates(periodStart, today) > 0 ? periodStart : today;
}

/** The corrections made for a person's paid periods, newest first, for their page and the API. */
export async function correctionsOf(tx: Tx, personId: string) {
  return tx
    .select()
    .from(dpPaymentCorrections)
    .where(eq(dpPaymentCorrections.personId, personId))
    .orderBy(asc(dpPaymentCorrections.periodStart));
}

/**
 * Payments' side of a change of contribution, handed to charging by the composition root
 * (charging/deps.ts): the lock, what an assessment's new contribution does to the direct
 * payment (or only the contribution, when the person has none), and saving it.
 */
export const contributionPayments: ContributionPayments<ContributionChangePlan, ContributionEffect> = {
  lock: lockPayments,
  async plan(tx, personId, change) {
    const plan = await planContributionChange(tx, personId, change);
    const effect =
      plan?.effect ??
      contributionEffect({
        from: change.effectiveFrom,
        weeklyBefore: change.weeklyBefore,
        weeklyAfter: change.weeklyAfter,
        agreement: null,
        corrections: [],
      });
    return { effect, plan };
  },
  apply: applyContributionChange,
};
