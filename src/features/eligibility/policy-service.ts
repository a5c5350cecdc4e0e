import type { CouncilAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { versionInForce } from '../../platform/policy-dates.ts';
import { effectiveDateErrors } from './effective-dates.ts';
import {
  decisionImpact,
  type EligibilityPolicyDraft,
  eligibilityDraftErrors,
  normaliseSignposting,
  policyChanges,
  policyOf,
} from './policy-rules.ts';
import type { EligibilityPolicy, ScotlandBand } from './rules.ts';
import { eligibilityPolicyVersions, type Signposting } from './schema.ts';
import {
  allEligibilityPolicyVersions,
  councilFramework,
  type EligibilityPolicyVersion,
  endVersion,
  standingAssessments,
} from './store.ts';
import { staffNames } from '../../platform/policy/versions.ts';

/** A version as the pages and the API show it: who drafted and who published it, by name. */
export interface EligibilityVersion {
  id: string;
  status: 'draft' | 'published';
  framework: 'scotland' | 'england';
  versionLabel: string;
  effectiveFrom: string;
  /** Published versions only: the last day before the next published version. */
  effectiveTo: string | null;
  fundedBands: ScotlandBand[] | null;
  reviewRoute: string;
  signposting: Signposting;
  content: EligibilityPolicy;
  createdByName: string | null;
  createdAt: Date;
  publishedByName: string | null;
  publishedAt: Date | null;
  /** Drafts only: the published version made from it, once published. */
  publishedAsId: string | null;
}

function shown(
  row: EligibilityPolicyVersion,
  all: EligibilityPolicyVersion[],
  name: (id: string | null) => string | null,
): EligibilityVersion {
  return {
    id: row.id,
    status: row.status,
    framework: row.framework,
    versionLabel: row.versionLabel,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.status === 'published' ? row.effectiveTo : null,
    fundedBands: row.content.framework === 'scotland' ? [...row.content.fundedBands] : null,
    reviewRoute: row.content.reviewRoute,
    signposting: row.signposting,
    content: row.content,
    createdByName: name(row.createdBy),
    createdAt: row.createdAt,
    publishedByName: name(row.publishedBy),
    publishedAt: row.status === 'published' ? row.publishedAt : null,
    publishedAsId: all.find((p) => p.draftId === row.id)?.id ?? null,
  };
}

async function versions(tx: Tx): Promise<EligibilityVersion[]> {
  const all = await allEligibilityPolicyVersions(tx);
  const name = await staffNames(tx);
  return all.map((row) => shown(row, all, name));
}

const published = (all: EligibilityVersion[]) => all.filter((v) => v.status === 'published');
const inForceOf = (all: EligibilityVersion[]) => versionInForce(published(all), todayInLondon()) ?? null;

/** The list page: the version in force today, every version newest first (published drafts shown once). */
export async function eligibilityPolicyOverview(db: Db, access: CouncilAccess) {
  return audited(db, access, 'policy.eligibility.list', async (tx) => {
    const all = await versions(tx);
    return {
      framework: await councilFramework(tx, access.authorityId),
      inForce: inForceOf(all),
      versions: all.filter((v) => v.status === 'published' || v.publishedAsId === null).reverse(),
    };
  });
}

/** A draft's own answers, its start date against the published versions (never the past), a name used. */
async function draftErrors(
  tx: Tx,
  framework: 'scotland' | 'england',
  draft: EligibilityPolicyDraft,
  ignoreId?: string,
): Promise<FieldError[]> {
  const errors = eligibilityDraftErrors(framework, draft);
  const all = await versions(tx);
  errors.push(...effectiveDateErrors(published(all), draft.effectiveFrom));
  const label = draft.versionLabel.trim();
  const others = all.filter((v) => v.id !== ignoreId && !(v.status === 'draft' && v.publishedAsId));
  if (label && others.some((v) => v.versionLabel === label))
    errors.push({
      field: 'versionLabel',
      message: `“${label}” is already used: give this version its own name.`,
    });
  const latest = published(all).at(-1);
  if (latest && latest.framework !== framework)
    errors.push({
      field: 'framework',
      message: `This council's versions so far use the ${latest.framework} rules, but it is in ${framework}.`,
    });
  return errors;
}

const draftOf = (v: EligibilityVersion): EligibilityPolicyDraft => ({
  versionLabel: v.versionLabel,
  effectiveFrom: v.effectiveFrom,
  fundedBands: v.fundedBands ?? [],
  reviewRoute: v.reviewRoute,
  signposting: v.signposting,
});

async function insertDraft(tx: Tx, access: CouncilAccess, draft: EligibilityPolicyDraft) {
  const framework = await councilFramework(tx, access.authorityId);
  const errors = await draftErrors(tx, framework, draft);
  if (errors.length) throw Problem.invalid(errors);
  const content = policyOf(framework, draft);
  const [row] = await tx
    .insert(eligibilityPolicyVersions)
    .values({
      authorityId: access.authorityId,
      framework,
      versionLabel: content.versionLabel,
      effectiveFrom: draft.effectiveFrom,
      content,
      signposting: normaliseSignposting(draft.signposting),
      status: 'draft',
      createdBy: access.actor.userId,
      publishedAt: null,
    })
    .returning();
  return row!;
}

/** Save a draft after checking it; nothing is saved when anything is wrong. */
export async function draftEligibilityPolicy(db: Db, access: CouncilAccess, draft: EligibilityPolicyDraft) {
  return audited(db, access, 'policy.eligibility.draft', async (tx) => {
    const row = await insertDraft(tx, access, draft);
    return (await versions(tx)).find((v) => v.id === row.id)!;
  });
}

/**
 * One version with what it changes: for a draft, old (the version in force today) → new, how
 * many standing decisions it would decide differently, and anything that now stops it being
 * published; for a published one, what it replaced.
 */
export async function eligibilityPolicyCheck(db: Db, access: CouncilAccess, id: string) {
  return audited(
    db,
    access,
    'policy.eligibility.read',
    async (tx) => {
      const all = await versions(tx);
      const version = all.find((v) => v.id === id);
      if (!version) throw Problem.notFound('Eligibility policy version');
      const current = inForceOf(all);
      const before =
        version.status === 'draft'
          ? current
          : (published(all)
              .filter((p) => p.effectiveFrom < version.effectiveFrom)
              .at(-1) ?? null);
      const open = version.status === 'draft' && !version.publishedAsId;
      const errors = open
        ? await draftErrors(tx, await councilFramework(tx, access.authorityId), draftOf(version), version.id)
        : [];
      const impact = open
        ? decisionImpact(
            current?.content ?? null,
            version.content,
            (await standingAssessments(tx)).map((d) => d.assessment),
          )
        : null;
      return { version, before, changes: policyChanges(before, version), errors, impact, inForce: current };
    },
    { eligibilityPolicyVersionId: id },
  );
}

/** Adds the published version made from a draft; the open version before it ends the day before. */
async function publishRow(tx: Tx, access: CouncilAccess, draft: EligibilityPolicyVersion) {
  const all = await versions(tx);
  const last = published(all).at(-1);
  if (last && last.effectiveTo === null) await endVersion(tx, last.id, addDays(draft.effectiveFrom, -1));
  const [row] = await tx
    .insert(eligibilityPolicyVersions)
    .values({
      authorityId: access.authorityId,
      framework: draft.framework,
      versionLabel: draft.versionLabel,
      effectiveFrom: draft.effectiveFrom,
      content: draft.content,
      signposting: draft.signposting,
      status: 'published',
      draftId: draft.id,
      createdBy: draft.createdBy,
      publishedBy: access.actor.userId,
      publishedAt: new Date(),
    })
    .returning();
  return row!;
}

/**
 * Publish a draft: checked again (another version may have been published since, or its date
 * passed), then the published version added beside the draft. A draft is never edited.
 */
export async function publishEligibilityDraft(db: Db, access: CouncilAccess, id: string) {
  return audited(
    db,
    access,
    'policy.eligibility.publish',
    async (tx) => {
      const all = await versions(tx);
      const version = all.find((v) => v.id === id);
      if (!version) throw Problem.notFound('Eligibility policy version');
      if (version.status !== 'draft' || version.publishedAsId)
        throw Problem.conflict('This version has already been published.');
      const framework = await councilFramework(tx, access.authorityId);
      const errors = await draftErrors(tx, framework, draftOf(version), id);
      if (errors.length)
        throw Problem.invalid(errors, 'This draft cannot be published until these are put right.');
      const [draft] = (await allEligibilityPolicyVersions(tx)).filter((v) => v.id === id);
      const row = await publishRow(tx, access, draft!);
      return (await versions(tx)).find((v) => v.id === row.id)!;
    },
    { eligibilityPolicyVersionId: id },
  );
}

/** Draft and publish in one go (the API's older single call): the same checks, one transaction. */
export async function draftAndPublish(tx: Tx, access: CouncilAccess, draft: EligibilityPolicyDraft) {
  const saved = await insertDraft(tx, access, draft);
  return publishRow(tx, access, saved);
}
