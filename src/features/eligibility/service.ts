import { eq } from 'drizzle-orm';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTenant } from '../../platform/db/transaction.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { effectiveDateErrors } from './effective-dates.ts';
import { personHeading, stageSupport } from '../people/index.ts';
import {
  decideEligibility,
  type EligibilityAssessment,
  type EligibilityPolicy,
  validateEligibilityInput,
  validateEligibilityPolicy,
} from './rules.ts';
import { eligibilityDecisions, eligibilityPolicyVersions, type Signposting } from './schema.ts';
import { decisionsFor, eligibilityPolicyInForce, eligibilityPolicyVersionsOf } from './store.ts';

/** Everything the eligibility page shows: the person, the policy in force, every decision. */
export async function eligibilityRecord(db: Db, access: PersonAccess) {
  return audited(db, access, 'eligibility.read', async (tx) => ({
    person: await personHeading(tx, access.personId),
    policy: (await eligibilityPolicyInForce(tx, todayInLondon())) ?? null,
    decisions: await decisionsFor(tx, access.personId),
    stageSupport: await stageSupport(tx, access, 'eligibility'),
  }));
}

export interface DecisionInput {
  assessment: EligibilityAssessment;
  /** Where to get help if not eligible; the policy's default when not given. */
  signposting?: Signposting | null;
}

/**
 * Decide under the policy in force today and record the decision with its reasons. Bad
 * input throws field errors before anything is written; the decision and its audit record
 * land in one transaction.
 */
export async function recordDecision(db: Db, access: PersonAccess, input: DecisionInput) {
  return audited(db, access, 'eligibility.decide', async (tx) => {
    await personHeading(tx, access.personId);
    const today = todayInLondon();
    const policy = await eligibilityPolicyInForce(tx, today);
    if (!policy)
      throw Problem.invalid([
        {
          field: 'framework',
          message: 'No eligibility policy is in force today. Ask an administrator to publish one.',
        },
      ]);
    const errors = validateEligibilityInput(policy.content, input.assessment);
    if (errors.length) throw Problem.invalid(errors);
    const decision = decideEligibility(policy.content, input.assessment);
    let signposting: Signposting | null = null;
    if (!decision.eligible) {
      signposting = input.signposting ?? policy.signposting;
      const signpostingErrors = validateSignposting(signposting);
      if (signpostingErrors.length) throw Problem.invalid(signpostingErrors);
    }
    const [row] = await tx
      .insert(eligibilityDecisions)
      .values({
        authorityId: access.authorityId,
        personId: access.personId,
        policyVersionId: policy.id,
        policyVersionLabel: policy.versionLabel,
        assessment: input.assessment,
        eligible: decision.eligible,
        result: decision.result,
        reasons: decision.reasons,
        reviewRoute: decision.reviewRoute,
        signposting,
        decidedBy: access.actor.userId,
        decidedByName: access.actor.displayName,
        decidedOn: today,
      })
      .returning();
    return row!;
  });
}

/** Never a bare "not eligible": there must be words about where to get help, and links that work. */
export function validateSignposting(signposting: Signposting | null | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (!signposting?.text.trim())
    errors.push({
      field: 'signposting.text',
      message: 'Tell the person where they can get help near them, as the council will not pay for support.',
    });
  (signposting?.links ?? []).forEach((link, i) => {
    if (!link.text.trim() || !/^(https?:\/\/|\/)\S+$/.test(link.href))
      errors.push({
        field: 'signposting.links',
        message: `Link ${i + 1} needs a name and a web address starting with https://.`,
      });
  });
  return errors;
}

export interface EligibilityPolicyInput {
  policy: EligibilityPolicy;
  effectiveFrom: string;
  signposting: Signposting;
}

/**
 * Publish a new eligibility policy version from a date. The version before it, if open,
 * ends the day before; any gap or overlap with the published versions is refused.
 */
export async function publishEligibilityPolicy(db: Db, access: CouncilAccess, input: EligibilityPolicyInput) {
  return audited(db, access, 'policy.eligibility.publish', async (tx) => {
    const errors = [...validateEligibilityPolicy(input.policy), ...validateSignposting(input.signposting)];
    const versions = await eligibilityPolicyVersionsOf(tx);
    const frameworkChange = versions.at(-1) && versions.at(-1)!.framework !== input.policy.framework;
    if (frameworkChange)
      errors.push({
        field: 'framework',
        message: `This council decides under the ${versions.at(-1)!.framework} rules.`,
      });
    errors.push(...effectiveDateErrors(versions, input.effectiveFrom));
    if (errors.length) throw Problem.invalid(errors);
    const last = versions.at(-1);
    if (last && last.effectiveTo === null)
      await tx
        .update(eligibilityPolicyVersions)
        .set({ effectiveTo: addDays(input.effectiveFrom, -1) })
        .where(eqId(last.id));
    const [row] = await tx
      .insert(eligibilityPolicyVersions)
      .values({
        authorityId: access.authorityId,
        framework: input.policy.framework,
        versionLabel: input.policy.versionLabel,
        effectiveFrom: input.effectiveFrom,
        content: input.policy,
        signposting: input.signposting,
        publishedBy: access.actor.userId,
      })
      .returning();
    return row!;
  });
}

const eqId = (id: string) => eq(eligibilityPolicyVersions.id, id);

/** The policy in force, for the public "How we work out budgets" page (no personal data). */
export async function publicEligibilityPolicy(db: Db, authorityId: string) {
  return inTenant(db, authorityId, async (tx) => ({
    current: (await eligibilityPolicyInForce(tx, todayInLondon())) ?? null,
    versions: await eligibilityPolicyVersionsOf(tx),
  }));
}

/** The eligibility feature's services, bound to the database once (src/features/services.ts). */
export const eligibilityServices = (db: Db) => ({
  record: (access: PersonAccess) => eligibilityRecord(db, access),
  recordDecision: (access: PersonAccess, input: DecisionInput) => recordDecision(db, access, input),
  publishPolicy: (access: CouncilAccess, input: EligibilityPolicyInput) =>
    publishEligibilityPolicy(db, access, input),
  publicPolicy: (authorityId: string) => publicEligibilityPolicy(db, authorityId),
});
