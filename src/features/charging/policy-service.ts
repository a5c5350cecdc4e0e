import { eq, sql } from 'drizzle-orm';
import type { CouncilAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { authorities } from '../../platform/db/schema.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { effectiveDateErrors } from '../eligibility/index.ts';
import { contributionEffect, explainPolicy, policyComparison } from './policy-change.ts';
import type { PolicyEdit } from './policy-patch.ts';
import { allPolicyRows, currentAssessments, type PolicyRow, policyRow } from './policy-store.ts';
import { type ChargingPolicy, startingChargingPolicy, validateChargingPolicy } from './policy.ts';
import { chargingPolicyVersions } from './schema.ts';
import { staffNames, versionTimeline } from '../../platform/policy/versions.ts';

export type ContributionMethod = PolicyRow['contributionMethod'];

/** A version as the pages and the API show it: its dates, who drafted and who published it. */
export interface ChargingPolicyVersion {
  id: string;
  status: 'draft' | 'published';
  versionLabel: string;
  effectiveFrom: string;
  /** Published versions only: the day before the next published version starts. */
  effectiveTo: string | null;
  policy: ChargingPolicy;
  contributionMethod: ContributionMethod;
  draftedByName: string | null;
  publishedByName: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  /** Drafts only: the published version made from this revision, once published. */
  publishedAsId: string | null;
  /** Drafts only: the later revision of the same draft that replaced this one. */
  replacedById: string | null;
}

/**
 * What a page or the API asks of a draft: its start date, how contributions are collected
 * (kept from the base when not said), and the change to the base's figures (the page's form
 * read by `formToPolicy`, the API's patch by `applyPolicyPatch`), worked out over the base
 * inside the same transaction.
 */
export interface DraftRequest {
  effectiveFrom?: string;
  contributionMethod?: ContributionMethod;
  edit: (base: ChargingPolicy) => PolicyEdit;
}

async function versions(tx: Tx): Promise<ChargingPolicyVersion[]> {
  const all = await allPolicyRows(tx);
  const name = await staffNames(tx);
  const timeline = versionTimeline(all);
  return all.map((row) => ({
    id: row.id,
    status: row.status,
    versionLabel: row.versionLabel,
    effectiveFrom: row.effectiveFrom,
    policy: row.policy,
    contributionMethod: row.contributionMethod,
    draftedByName: name(row.draftedBy),
    publishedByName: name(row.publishedBy),
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    ...timeline(row),
    replacedById: all.find((p) => p.supersedesId === row.id)?.id ?? null,
  }));
}

const isOpenDraft = (v: ChargingPolicyVersion) =>
  v.status === 'draft' && v.publishedAsId === null && v.replacedById === null;

function inForceOf(all: ChargingPolicyVersion[], today: string): ChargingPolicyVersion | null {
  return all.filter((v) => v.status === 'published' && v.effectiveFrom <= today).at(-1) ?? null;
}

/**
 * The administrator's page: the version in force today with its figures explained, any
 * published to start later, the drafts being worked on and every published version, newest first.
 */
export async function chargingPolicyOverview(db: Db, access: CouncilAccess) {
  return audited(db, access, 'policy.charging.list', async (tx) => {
    const all = await versions(tx);
    const today = todayInLondon();
    const inForce = inForceOf(all, today);
    return {
      inForce,
      startingPoint: await startingPointOf(tx, access, all),
      explained: inForce ? explainPolicy(inForce.policy) : [],
      upcoming: all.filter((v) => v.status === 'published' && v.effectiveFrom > today),
      drafts: all.filter(isOpenDraft).reverse(),
      history: all.filter((v) => v.status === 'published').reverse(),
    };
  });
}

/**
 * Where a new draft starts: the latest published version (a new one follows it) or, for a
 * council with none yet, its nation's starting figures (startingChargingPolicy).
 */
async function startingPointOf(
  tx: Tx,
  access: CouncilAccess,
  all: ChargingPolicyVersion[],
): Promise<{ policy: ChargingPolicy; contributionMethod: ContributionMethod }> {
  const base = all.filter((v) => v.status === 'published').at(-1);
  if (base) return { policy: base.policy, contributionMethod: base.contributionMethod };
  const nation = await councilNation(tx, access.authorityId);
  if (!nation) throw Problem.conflict('This council has no nation to start a charging policy from.');
  return { policy: startingChargingPolicy(nation), contributionMethod: 'net' };
}

async function councilNation(tx: Tx, authorityId: string) {
  const [council] = await tx
    .select({ nation: authorities.nation })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  return council?.nation ?? null;
}

/**
 * Everything that stops a version being saved or published, as field errors: the figures'
 * own rules, the council's nation, the start date against the published versions (never the
 * past, never on or before the latest start) and a name already used. `ownIds` are the rows
 * of the same draft, which share its name.
 */
async function draftErrors(
  tx: Tx,
  access: CouncilAccess,
  draft: { policy: ChargingPolicy; effectiveFrom: string },
  ownIds: readonly string[] = [],
): Promise<FieldError[]> {
  const errors = validateChargingPolicy(draft.policy);
  const nation = await councilNation(tx, access.authorityId);
  if (nation && draft.policy.nation !== nation)
    errors.push({
      field: 'nation',
      message: `This council charges under ${nation === 'scotland' ? 'Scotland’s' : 'England’s'} rules.`,
    });
  const all = await versions(tx);
  const published = all.filter((v) => v.status === 'published');
  errors.push(...effectiveDateErrors(published, draft.effectiveFrom));
  const label = draft.policy.versionLabel.trim();
  const others = all.filter((v) => !ownIds.includes(v.id) && (v.status === 'published' || isOpenDraft(v)));
  if (label && others.some((v) => v.versionLabel === label))
    errors.push({
      field: 'versionLabel',
      message: `“${label}” is already used: give this version its own name.`,
    });
  return errors;
}

/** The rows of one draft: this revision and every one it replaced. */
function draftChain(rows: readonly PolicyRow[], id: string): string[] {
  const ids: string[] = [];
  let at: string | null = id;
  while (at && !ids.includes(at)) {
    ids.push(at);
    const current: string = at;
    at = rows.find((r) => r.id === current)?.supersedesId ?? null;
  }
  return ids;
}

async function saveRevision(
  tx: Tx,
  access: CouncilAccess,
  base: { policy: ChargingPolicy; contributionMethod: ContributionMethod; effectiveFrom: string },
  request: DraftRequest,
  supersedes: { id: string; chain: string[] } | null,
): Promise<ChargingPolicyVersion> {
  const edited = request.edit(base.policy);
  const effectiveFrom = request.effectiveFrom ?? base.effectiveFrom;
  const errors = edited.ok
    ? await draftErrors(tx, access, { policy: edited.policy, effectiveFrom }, supersedes?.chain)
    : [
        ...edited.errors,
        ...effectiveDateErrors(
          (await versions(tx)).filter((v) => v.status === 'published'),
          effectiveFrom,
        ),
      ];
  if (!edited.ok || errors.length) throw Problem.invalid(errors);
  const [row] = await tx
    .insert(chargingPolicyVersions)
    .values({
      authorityId: access.authorityId,
      versionLabel: edited.policy.versionLabel,
      effectiveFrom,
      policy: edited.policy,
      contributionMethod: request.contributionMethod ?? base.contributionMethod,
      status: 'draft',
      draftedBy: access.actor.userId,
      supersedesId: supersedes?.id ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw staleDraft();
  return (await versions(tx)).find((v) => v.id === row.id)!;
}

/**
 * Changes to a council's charging policy versions one at a time: a change read after another
 * commits sees it (and is refused as stale, 409), instead of finding the other's new revision
 * and calling its own name taken. The table is append-only, so rows cannot be locked for update.
 */
async function lockChargingPolicies(tx: Tx, authorityId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('charging-policy:' || ${authorityId}))`);
}

const staleDraft = () =>
  Problem.conflict(
    'Someone changed or published this draft while you were looking at it. Open the latest draft and try again.',
  );

/**
 * Start a draft from the latest published version (the one in force today, or one published
 * to start later, which a new version must follow): its figures with the request's changes.
 * Nothing is saved when anything is wrong.
 */
export async function startChargingDraft(db: Db, access: CouncilAccess, request: DraftRequest) {
  return audited(db, access, 'policy.charging.draft', async (tx) => {
    await lockChargingPolicies(tx, access.authorityId);
    const base = await startingPointOf(tx, access, await versions(tx));
    const effectiveFrom = request.effectiveFrom ?? '';
    return saveRevision(tx, access, { ...base, effectiveFrom }, { ...request, effectiveFrom }, null);
  });
}

/** The draft revision with this id, which must still be the draft's latest and unpublished. */
function openDraft(all: ChargingPolicyVersion[], id: string): ChargingPolicyVersion {
  const version = all.find((v) => v.id === id);
  if (version?.status !== 'draft') throw Problem.notFound('Charging policy draft');
  if (version.publishedAsId) throw Problem.conflict('This draft has already been published.');
  if (version.replacedById) throw staleDraft();
  return version;
}

/**
 * Change a draft: its next revision is added (the table is append-only), with a new id. The
 * id is the draft's concurrency token: a change sent with an id that has since been replaced
 * or published is refused (409), and of two changes of one revision at once only one is saved.
 */
export async function reviseChargingDraft(db: Db, access: CouncilAccess, id: string, request: DraftRequest) {
  return audited(
    db,
    access,
    'policy.charging.draft',
    async (tx) => {
      await lockChargingPolicies(tx, access.authorityId);
      const all = await versions(tx);
      const draft = openDraft(all, id);
      const chain = draftChain(await allPolicyRows(tx), id);
      return saveRevision(tx, access, draft, request, { id, chain });
    },
    { chargingPolicyVersionId: id },
  );
}

/**
 * One version with what it changes, written nothing: for a draft, each figure old (the version
 * it would replace) → new, the effect on everyone's current contribution worked out again with the
 * same rules, and anything that now stops it being published.
 */
export async function checkChargingDraft(db: Db, access: CouncilAccess, id: string) {
  return audited(
    db,
    access,
    'policy.charging.check',
    async (tx) => {
      const all = await versions(tx);
      const version = all.find((v) => v.id === id);
      if (!version) throw Problem.notFound('Charging policy version');
      const inForce = inForceOf(all, todayInLondon());
      // What it replaces: the published version in force the day before it starts (for a draft
      // dated before any published start, which cannot be published, the one in force today).
      const before =
        all.filter((v) => v.status === 'published' && v.effectiveFrom < version.effectiveFrom).at(-1) ??
        (version.status === 'draft' ? inForce : null);
      const open = isOpenDraft(version);
      const effect = contributionEffect(version.policy, await currentAssessments(tx));
      const errors = open
        ? await draftErrors(tx, access, version, draftChain(await allPolicyRows(tx), id))
        : [];
      return {
        version,
        before,
        open,
        changes: policyComparison(before?.policy ?? null, version.policy),
        contributionMethodChanged:
          before !== null && before.contributionMethod !== version.contributionMethod,
        effect: { ...effect, unchanged: effect.assessed - effect.changed - effect.notRecomputed },
        errors,
      };
    },
    { chargingPolicyVersionId: id },
  );
}

/**
 * Publish a draft: checked again (another version may have been published since, or its date
 * passed), then the published version added beside it. Nothing is ever edited; contributions
 * worked out for dates from its start use it, earlier dates keep the version before.
 */
export async function publishChargingDraft(db: Db, access: CouncilAccess, id: string) {
  return audited(
    db,
    access,
    'policy.charging.publish',
    async (tx) => {
      await lockChargingPolicies(tx, access.authorityId);
      const all = await versions(tx);
      const draft = openDraft(all, id);
      const row = (await policyRow(tx, id))!;
      const errors = await draftErrors(tx, access, draft, draftChain(await allPolicyRows(tx), id));
      if (errors.length)
        throw Problem.invalid(errors, 'This draft cannot be published until these are put right.');
      const [published] = await tx
        .insert(chargingPolicyVersions)
        .values({
          authorityId: access.authorityId,
          versionLabel: row.versionLabel,
          effectiveFrom: row.effectiveFrom,
          policy: row.policy,
          contributionMethod: row.contributionMethod,
          status: 'published',
          draftId: row.id,
          draftedBy: row.draftedBy,
          publishedBy: access.actor.userId,
          publishedAt: new Date(),
        })
        .onConflictDoNothing()
        .returning();
      if (!published) throw Problem.conflict('This draft has already been published.');
      return (await versions(tx)).find((v) => v.id === published.id)!;
    },
    { chargingPolicyVersionId: id },
  );
}
