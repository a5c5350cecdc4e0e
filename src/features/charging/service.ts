import { and, desc, eq, lte } from 'drizzle-orm';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { ageOn, isIsoDate, todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { agreementOf, changeAgreementIn, firstUnpaidDay } from '../payments/agreements.ts';
import { formatPence } from '../../platform/money/index.ts';
import { authorities } from '../../platform/db/schema.ts';
import { people } from '../people/schema.ts';
import { agreedCostLines } from '../plans/agreed.ts';
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

export type PolicyRow = typeof chargingPolicyVersions.$inferSelect;
export type AssessmentRow = typeof financialAssessments.$inferSelect;

/** The policy version in force on a date (the latest that has started). */
export async function policyInForce(tx: Tx, on: string): Promise<PolicyRow | null> {
  const [row] = await tx
    .select()
    .from(chargingPolicyVersions)
    .where(lte(chargingPolicyVersions.effectiveFrom, on))
    .orderBy(desc(chargingPolicyVersions.effectiveFrom), desc(chargingPolicyVersions.createdAt))
    .limit(1);
  return row ?? null;
}

export async function listPolicies(tx: Tx) {
  return tx.select().from(chargingPolicyVersions).orderBy(desc(chargingPolicyVersions.effectiveFrom));
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
}

function checkItems(input: AssessmentInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(input.effectiveFrom))
    errors.push({ field: 'effectiveFrom', message: 'Enter the date the contribution starts' });
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
 * Records a financial assessment and its explained contribution in one transaction. When the
 * person already has a direct-payment agreement, the new contribution is applied to it from
 * the assessment's date (netted off or invoiced, as the policy says).
 */
export async function recordAssessment(db: Db, access: PersonAccess, input: AssessmentInput) {
  const errors = checkItems(input);
  if (errors.length) throw Problem.invalid(errors);
  return audited(db, access, 'charging.assessment.record', async (tx) => {
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
    const [row] = await tx
      .insert(financialAssessments)
      .values({
        authorityId: access.authorityId,
        personId: access.personId,
        policyId: policy.id,
        effectiveFrom: input.effectiveFrom,
        band,
        incomes: input.incomes,
        capital: input.capital,
        expenses: input.expenses,
        services,
        weeklyContribution: result.weeklyContribution,
        result,
        assessedBy: access.actor.userId,
      })
      .returning();
    const agreement = await agreementOf(tx, access.personId);
    // Paid periods are never reopened: the new contribution applies from the first unpaid day.
    let agreementChangedFrom: string | null = null;
    if (agreement) {
      const firstUnpaid = await firstUnpaidDay(tx, agreement);
      const from = input.effectiveFrom > firstUnpaid ? input.effectiveFrom : firstUnpaid;
      if (from > agreement.startDate) {
        await changeAgreementIn(tx, access, {
          effectiveFrom: from,
          reason: `New financial assessment: contribution of ${formatPence(result.weeklyContribution)} a week`,
        });
        agreementChangedFrom = from;
      }
    }
    return { assessment: row!, policy, agreementChangedFrom };
  });
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
  return audited(db, access, 'charging.read', async (tx) => {
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
      planServices: services,
      person: person ?? null,
      council: council ?? null,
    };
  });
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
