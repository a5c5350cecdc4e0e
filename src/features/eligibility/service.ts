import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTenant } from '../../platform/db/transaction.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { personHeading, stageSupport } from '../people/index.ts';
import {
  decideEligibility,
  type EligibilityAssessment,
  type EligibilityPolicy,
  validateEligibilityInput,
} from './rules.ts';
import {
  draftAndPublish,
  draftEligibilityPolicy,
  eligibilityPolicyCheck,
  eligibilityPolicyOverview,
  publishEligibilityDraft,
} from './policy-service.ts';
import type { EligibilityPolicyDraft } from './policy-rules.ts';
import { eligibilityDecisions, type Signposting } from './schema.ts';
import {
  councilFramework,
  decisionsFor,
  eligibilityPolicyInForce,
  eligibilityPolicyVersionsOf,
} from './store.ts';

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
 * Publish a new eligibility policy version from a date in one call (the API's first way): the
 * same draft and publish as the policy pages (policy-service.ts), in one transaction. The version
 * before it, if open, ends the day before; any gap, overlap or past start is refused.
 */
export async function publishEligibilityPolicy(db: Db, access: CouncilAccess, input: EligibilityPolicyInput) {
  return audited(db, access, 'policy.eligibility.publish', async (tx) => {
    const framework = await councilFramework(tx, access.authorityId);
    if (input.policy.framework !== framework)
      throw Problem.invalid([
        { field: 'framework', message: `This council decides under the ${framework} rules.` },
      ]);
    return draftAndPublish(tx, access, {
      versionLabel: input.policy.versionLabel,
      effectiveFrom: input.effectiveFrom,
      fundedBands: input.policy.framework === 'scotland' ? [...input.policy.fundedBands] : [],
      reviewRoute: input.policy.reviewRoute,
      signposting: input.signposting,
    });
  });
}

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
  // The council's policy versions: drafted, checked, published from a date (policy-service.ts).
  policies: (access: CouncilAccess) => eligibilityPolicyOverview(db, access),
  draftPolicy: (access: CouncilAccess, draft: EligibilityPolicyDraft) =>
    draftEligibilityPolicy(db, access, draft),
  policyCheck: (access: CouncilAccess, versionId: string) => eligibilityPolicyCheck(db, access, versionId),
  publishDraft: (access: CouncilAccess, versionId: string) => publishEligibilityDraft(db, access, versionId),
});
