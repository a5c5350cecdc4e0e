import { and, desc, eq } from 'drizzle-orm';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import { inTenant } from '../../platform/db/transaction.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { ageOn, formatDate, isIsoDate, todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import type { ContributionEffectShape, ContributionPayments } from './deps.ts';
import {
  checkChargingDraft,
  chargingPolicyOverview,
  type DraftRequest,
  publishChargingDraft,
  reviseChargingDraft,
  startChargingDraft,
} from './policy-service.ts';
import { type PolicyRow, publishedPolicyOn } from './policy-store.ts';
import { formatPence } from '../../platform/money/index.ts';
import { authorities } from '../../platform/db/schema.ts';
import { letterAddressing, people } from '../people/index.ts';
import { agreedCostLines } from '../plans/index.ts';
import {
  assessEnglishContribution,
  assessScottishContribution,
  type ChargingAssessment,
  type ChargingPolicy,
} from './rules.ts';
import {
  type AssessedCapital,
  type AssessedIncome,
  type AssessedService,
  chargingPolicyVersions,
  chargingReviewRequests,
  financialAssessments,
} from './schema.ts';

export type { PolicyRow };
export type AssessmentRow = typeof financialAssessments.$inferSelect;

/**
 * The policy version in force on a date: the latest published version that has started by
 * then. A contribution is worked out under the version in force on its own start date, so a
 * version published from a later date changes nothing before that date; drafts never apply.
 */
export async function policyInForce(tx: Tx, on: string): Promise<PolicyRow | null> {
  return publishedPolicyOn(tx, on);
}

/** Published versions, newest first. */
export async function listPolicies(tx: Tx) {
  return tx
    .select()
    .from(chargingPolicyVersions)
    .where(eq(chargingPolicyVersions.status, 'published'))
    .orderBy(desc(chargingPolicyVersions.effectiveFrom));
}

export async function latestAssessment(tx: Tx, personId: string): Promise<AssessmentRow | null> {
  const [row] = await tx
    .select()
    .from(financialAssessments)
    .where(eq(financialAssessments.personId, personId))
    .orderBy(desc(financialAssessments.createdAt))
    .limit(1);
  return row ?? null;
}

/** What payments needs: the weekly contribution now in force and how it is collected. */
export async function currentContribution(tx: Tx, personId: string) {
  const assessment = await latestAssessment(tx, personId);
  if (!assessment) return null;
  const [policy] = await tx
    .select({ method: chargingPolicyVersions.contributionMethod })
    .from(chargingPolicyVersions)
    .where(eq(chargingPolicyVersions.id, assessment.policyId));
  return {
    weekly: assessment.weeklyContribution,
    method: policy?.method ?? ('net' as const),
    assessmentId: assessment.id,
  };
}

export interface AssessmentInput {
  effectiveFrom: string;
  incomes: AssessedIncome[];
  capital: AssessedCapital[];
  expenses: { label: string; weeklyAmount: number }[];
  /** Which services count; when empty, the agreed plan's lines are used. */
  services: AssessedService[];
  /** England only: the minimum income guarantee band. */
  migBand?: string;
  /** The explicit answer that the person has no income, instead of income rows. */
  noIncome?: boolean;
  /** A correction: the id of the current assessment this one replaces (same date), and why. */
  supersedes?: string | null;
  reason?: string;
}

/**
 * What a financial assessment must have: the date it starts, and the person's income, each
 * with its amount and evidence, or the explicit answer that they have none. An empty form is
 * never read as "no income" and saved as a £0 contribution. A correction must say why.
 */
function checkItems(input: AssessmentInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(input.effectiveFrom))
    errors.push({ field: 'effectiveFrom', message: 'Enter the date the contribution starts' });
  if (!input.incomes.length && !input.noIncome)
    errors.push({
      field: 'incomes',
      message: 'Enter at least one income, or say that the person has no income',
    });
  if (input.incomes.length && input.noIncome)
    errors.push({
      field: 'noIncome',
      message: 'You said the person has no income, but entered some. Remove the income or change the answer',
    });
  if (input.supersedes && (input.reason ?? '').trim().length < 5)
    errors.push({ field: 'reason', message: 'Say why the assessment is being corrected' });
  const pence = (value: number) => Number.isSafeInteger(value) && value >= 0;
  input.incomes.forEach((income, i) => {
    if (!income.label.trim()) errors.push({ field: `incomes.${i}.label`, message: 'Name the income' });
    if (!pence(income.weeklyAmount))
      errors.push({
        field: `incomes.${i}.weeklyAmount`,
        message: 'Enter the weekly amount in pounds and pence',
      });
    if (!income.evidence.trim())
      errors.push({
        field: `incomes.${i}.evidence`,
        message: 'Say what evidence was seen, like “pension letter”',
      });
  });
  input.capital.forEach((item, i) => {
    if (!item.label.trim())
      errors.push({ field: `capital.${i}.label`, message: 'Name the savings or capital' });
    if (!pence(item.amount))
      errors.push({ field: `capital.${i}.amount`, message: 'Enter the amount in pounds' });
    if (!item.evidence.trim())
      errors.push({
        field: `capital.${i}.evidence`,
        message: 'Say what evidence was seen, like “bank statement”',
      });
  });
  input.expenses.forEach((item, i) => {
    if (!item.label.trim()) errors.push({ field: `expenses.${i}.label`, message: 'Name the expense' });
    if (!pence(item.weeklyAmount))
      errors.push({ field: `expenses.${i}.weeklyAmount`, message: 'Enter the weekly amount' });
  });
  input.services.forEach((service, i) => {
    if (!pence(service.weeklyCost))
      errors.push({ field: `services.${i}.weeklyCost`, message: 'Enter the weekly cost' });
  });
  return errors;
}

function assess(
  policy: ChargingPolicy,
  input: AssessmentInput,
  services: AssessedService[],
  dateOfBirth: string,
): { result: ChargingAssessment; band: string } {
  const incomes = input.incomes.map(({ kind, label, weeklyAmount }) => ({ kind, label, weeklyAmount }));
  if (policy.nation === 'scotland') {
    // The Scottish threshold differs for people of State Pension age (66 today).
    const ageGroup = ageOn(dateOfBirth, input.effectiveFrom) >= 66 ? 'pension_age' : 'under_pension_age';
    return {
      band: ageGroup,
      result: assessScottishContribution(policy, { incomes, chargeableServices: services, ageGroup }),
    };
  }
  const band = input.migBand ?? '';
  if (!policy.minimumIncomeGuarantee[band]) {
    throw Problem.invalid([{ field: 'migBand', message: 'Choose which minimum income guarantee applies' }]);
  }
  return {
    band,
    result: assessEnglishContribution(policy, {
      incomes,
      disabilityRelatedExpenditure: input.expenses,
      capital: input.capital.reduce((sum, c) => sum + c.amount, 0),
      chargeableServices: services,
      migBand: band,
    }),
  };
}

/**
 * Works out an assessment and everything it would change, writing nothing: the contribution
 * with its explanation, the current assessment it follows or corrects, and the effect on the
 * direct payment (old → new, from which date, and any paid period put right). The preview and
 * the save both run this, so what the officer checks is what is saved.
 */
async function planAssessment<P, E extends ContributionEffectShape>(
  tx: Tx,
  access: PersonAccess,
  input: AssessmentInput,
  payments: ContributionPayments<P, E>,
) {
  const policy = await policyInForce(tx, input.effectiveFrom);
  if (!policy)
    throw Problem.invalid([
      { field: 'effectiveFrom', message: 'There is no charging policy in force on this date' },
    ]);
  const [person] = await tx
    .select({ dateOfBirth: people.dateOfBirth })
    .from(people)
    .where(eq(people.id, access.personId));
  if (!person) throw Problem.notFound('Person');
  const services = input.services.length ? input.services : await planServices(tx, access.personId);
  const { result, band } = assess(policy.policy, input, services, person.dateOfBirth);
  const current = await latestAssessment(tx, access.personId);
  checkSupersedes(input, current, await isAssessmentOf(tx, access.personId, input.supersedes));
  const { plan: payment, effect } = await payments.plan(tx, access.personId, {
    weeklyBefore: current?.weeklyContribution ?? null,
    weeklyAfter: result.weeklyContribution,
    effectiveFrom: input.effectiveFrom,
    supersedesAssessmentId: input.supersedes ?? null,
  });
  return { policy, result, band, services, current, payment, effect };
}

async function isAssessmentOf(tx: Tx, personId: string, id: string | null | undefined) {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return false;
  const [row] = await tx
    .select({ id: financialAssessments.id })
    .from(financialAssessments)
    .where(and(eq(financialAssessments.personId, personId), eq(financialAssessments.id, id)));
  return Boolean(row);
}

/**
 * A correction names the assessment it replaces: the current one, for the same date. The id
 * is the concurrency token: every version has its own, so an id read from an older version
 * never matches the current one and a stale correction is refused (409). A new assessment for
 * the date of the current one is refused too: the way to put that right is a correction.
 */
function checkSupersedes(input: AssessmentInput, current: AssessmentRow | null, known: boolean) {
  if (input.supersedes) {
    if (!known)
      throw Problem.invalid([
        { field: 'supersedes', message: 'There is no such assessment for this person' },
      ]);
    if (current?.id !== input.supersedes)
      throw Problem.conflict(
        'This assessment has already been corrected or replaced by a newer one. Look at the latest assessment and correct that one.',
      );
    if (current.effectiveFrom !== input.effectiveFrom)
      throw Problem.invalid([
        {
          field: 'effectiveFrom',
          message: `A correction is for the same date as the assessment it corrects (${formatDate(current.effectiveFrom)}). To change the date, record a new assessment`,
        },
      ]);
    return;
  }
  if (current && current.effectiveFrom === input.effectiveFrom)
    throw new Problem(
      409,
      'There is already an assessment from this date',
      'There is already an assessment from this date. To put it right, correct it and say why.',
      [
        {
          field: 'effectiveFrom',
          message: 'There is already an assessment from this date. To put it right, correct it and say why',
        },
      ],
    );
}

/** The same work as saving, without saving: what the check-your-answers page and the API preview show. */
export async function previewAssessment<P, E extends ContributionEffectShape>(
  db: Db,
  access: PersonAccess,
  input: AssessmentInput,
  payments: ContributionPayments<P, E>,
) {
  const errors = checkItems(input);
  if (errors.length) throw Problem.invalid(errors);
  return audited(db, access, 'charging.assessment.preview', (tx) =>
    planAssessment(tx, access, input, payments),
  );
}

/**
 * Records a financial assessment and its explained contribution in one transaction. When the
 * person has a direct-payment agreement, the new contribution is applied to it (netted off or
 * invoiced, as the policy says) as payments' side of the change decides (`deps.ts`); a correction also puts
 * right, in the ledger, every period already paid from its date. The payments lock is held,
 * so no payment run can post between working the figures out and saving them.
 */
export async function recordAssessment<P, E extends ContributionEffectShape>(
  db: Db,
  access: PersonAccess,
  input: AssessmentInput,
  payments: ContributionPayments<P, E>,
) {
  const errors = checkItems(input);
  if (errors.length) throw Problem.invalid(errors);
  const correcting = Boolean(input.supersedes);
  return audited(
    db,
    access,
    correcting ? 'charging.assessment.correct' : 'charging.assessment.record',
    async (tx) => {
      await payments.lock(tx, access.authorityId);
      const plan = await planAssessment(tx, access, input, payments);
      const [row] = await tx
        .insert(financialAssessments)
        .values({
          authorityId: access.authorityId,
          personId: access.personId,
          policyId: plan.policy.id,
          effectiveFrom: input.effectiveFrom,
          band: plan.band,
          incomes: input.incomes,
          capital: input.capital,
          expenses: input.expenses,
          services: plan.services,
          weeklyContribution: plan.result.weeklyContribution,
          result: plan.result,
          assessedBy: access.actor.userId,
          supersedesId: input.supersedes ?? null,
          reason: correcting ? input.reason!.trim() : null,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw Problem.conflict('This assessment has already been corrected. Look at the latest one.');
      const weekly = formatPence(plan.result.weeklyContribution);
      const change = plan.payment
        ? await payments.apply(tx, access, plan.payment, {
            assessmentId: row.id,
            reason: correcting
              ? `Financial assessment corrected (contribution ${weekly} a week): ${input.reason!.trim()}`
              : `New financial assessment: contribution of ${weekly} a week`,
          })
        : null;
      return {
        assessment: row,
        policy: plan.policy,
        agreementChangedFrom: change?.effectiveFrom ?? null,
        effect: plan.effect,
      };
    },
    correcting ? { supersedes: input.supersedes } : undefined,
  );
}

/** The agreed plan's services, each marked as free personal care when its words say so. */
export async function planServices(tx: Tx, personId: string): Promise<AssessedService[]> {
  const lines = await agreedCostLines(tx, personId);
  return lines.map((line) => ({
    label: line.description,
    weeklyCost: line.weeklyCost,
    freePersonalCare: /personal care|nursing|wash|dress|bath|toilet|get up|going to bed|medication/i.test(
      `${line.description} ${line.providerKind}`,
    ),
  }));
}

export async function chargingRecord(db: Db, access: PersonAccess) {
  return audited(db, access, 'charging.read', (tx) => loadChargingRecord(tx, access));
}

/** The charging record and who its letter is from and to, in one audited read. */
export async function chargingLetterRecord(db: Db, access: PersonAccess) {
  return audited(db, access, 'charging.read', async (tx) => ({
    record: await loadChargingRecord(tx, access),
    addressing: await letterAddressing(tx, access.personId),
  }));
}

async function loadChargingRecord(tx: Tx, access: PersonAccess) {
  const assessment = await latestAssessment(tx, access.personId);
  const policy = assessment
    ? (
        await tx
          .select()
          .from(chargingPolicyVersions)
          .where(eq(chargingPolicyVersions.id, assessment.policyId))
      )[0]
    : await policyInForce(tx, todayInLondon());
  const reviews = assessment
    ? await tx
        .select()
        .from(chargingReviewRequests)
        .where(
          and(
            eq(chargingReviewRequests.personId, access.personId),
            eq(chargingReviewRequests.assessmentId, assessment.id),
          ),
        )
        .orderBy(desc(chargingReviewRequests.createdAt))
    : [];
  const services = await planServices(tx, access.personId);
  // Every assessment, newest first: a corrected one stays in the history with why it was corrected.
  const history = await tx
    .select({
      id: financialAssessments.id,
      effectiveFrom: financialAssessments.effectiveFrom,
      weeklyContribution: financialAssessments.weeklyContribution,
      supersedesId: financialAssessments.supersedesId,
      reason: financialAssessments.reason,
      createdAt: financialAssessments.createdAt,
    })
    .from(financialAssessments)
    .where(eq(financialAssessments.personId, access.personId))
    .orderBy(desc(financialAssessments.createdAt));
  const [person] = await tx
    .select({ name: people.legalName, preferredName: people.preferredName })
    .from(people)
    .where(eq(people.id, access.personId));
  const [council] = await tx
    .select({ name: authorities.name, nation: authorities.nation })
    .from(authorities)
    .where(eq(authorities.id, access.authorityId));
  return {
    assessment,
    policy: policy ?? null,
    reviews,
    history,
    planServices: services,
    person: person ?? null,
    council: council ?? null,
  };
}

export async function requestReview(db: Db, access: PersonAccess, reason: string) {
  if (reason.trim().length < 5) {
    throw Problem.invalid([{ field: 'reason', message: 'Tell us why you think the contribution is wrong' }]);
  }
  return audited(db, access, 'charging.review.request', async (tx) => {
    const assessment = await latestAssessment(tx, access.personId);
    if (!assessment) throw Problem.notFound('Financial assessment');
    const [row] = await tx
      .insert(chargingReviewRequests)
      .values({
        authorityId: access.authorityId,
        personId: access.personId,
        assessmentId: assessment.id,
        reason: reason.trim(),
        requestedBy: access.actor.userId,
      })
      .returning();
    return row!;
  });
}

/**
 * The charging feature's services, bound to the database once (src/features/services.ts) with
 * payments' side of a contribution change, so pages and the API never pass either.
 */
export function chargingServices<P, E extends ContributionEffectShape>(
  db: Db,
  payments: ContributionPayments<P, E>,
) {
  return {
    record: (access: PersonAccess) => chargingRecord(db, access),
    letter: (access: PersonAccess) => chargingLetterRecord(db, access),
    policies: (access: CouncilAccess) => inTenant(db, access.authorityId, (tx) => listPolicies(tx)),
    previewAssessment: (access: PersonAccess, input: AssessmentInput) =>
      previewAssessment(db, access, input, payments),
    recordAssessment: (access: PersonAccess, input: AssessmentInput) =>
      recordAssessment(db, access, input, payments),
    requestReview: (access: PersonAccess, reason: string) => requestReview(db, access, reason),
    policyOverview: (access: CouncilAccess) => chargingPolicyOverview(db, access),
    startDraft: (access: CouncilAccess, request: DraftRequest) => startChargingDraft(db, access, request),
    reviseDraft: (access: CouncilAccess, id: string, request: DraftRequest) =>
      reviseChargingDraft(db, access, id, request),
    checkDraft: (access: CouncilAccess, id: string) => checkChargingDraft(db, access, id),
    publishDraft: (access: CouncilAccess, id: string) => publishChargingDraft(db, access, id),
  };
}
