import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { todayInLondon } from '../../../platform/dates.ts';
import { type FieldError, Problem } from '../../../platform/http/problem.ts';
import { effectiveDateErrors } from '../../eligibility/index.ts';
import { paymentPolicyVersions } from '../schema.ts';
import { normaliseSettings, type PaymentSettings, paymentSettingsErrors, settingsChanges } from './rules.ts';
import {
  allPaymentPolicyVersions,
  type PaymentPolicyRow,
  paymentPolicyOn,
  paymentPolicyVersion,
} from './store.ts';
import { staffNames, versionTimeline } from '../../../platform/policy/versions.ts';

export interface PaymentSettingsDraft extends PaymentSettings {
  effectiveFrom: string;
}

const settingsOf = (row: PaymentPolicyRow): PaymentSettings => ({
  versionLabel: row.versionLabel,
  surplusThresholdWeeks: row.surplusThresholdWeeks,
  originatorName: row.originatorName,
  originatorSortCode: row.originatorSortCode,
  originatorAccountNumber: row.originatorAccountNumber,
  twoPersonApproval: row.twoPersonApproval,
  offeredFrequencies: row.offeredFrequencies,
});

/** A version as the pages and the API show it: who drafted and who published it, by name. */
export interface SettingsVersion extends PaymentSettings {
  id: string;
  status: 'draft' | 'published';
  effectiveFrom: string;
  /** Published versions only: the day before the next published version starts. */
  effectiveTo: string | null;
  createdByName: string | null;
  publishedByName: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  /** Drafts only: the published version made from it, once published. */
  publishedAsId: string | null;
}

/** Every version with its dates and names: published ones in order, each running until the next. */
async function versions(tx: Tx): Promise<SettingsVersion[]> {
  const all = await allPaymentPolicyVersions(tx);
  const name = await staffNames(tx);
  const timeline = versionTimeline(all);
  return all.map((row) => ({
    ...settingsOf(row),
    id: row.id,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    createdByName: name(row.createdBy),
    publishedByName: name(row.publishedBy),
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    ...timeline(row),
  }));
}

async function inForce(tx: Tx): Promise<SettingsVersion | null> {
  const row = await paymentPolicyOn(tx, todayInLondon());
  return row ? ((await versions(tx)).find((v) => v.id === row.id) ?? null) : null;
}

/** The list page: every version (drafts not yet published included), the one in force today. */
export async function settingsOverview(db: Db, access: CouncilAccess) {
  return audited(db, access, 'payments.settings.list', async (tx) => {
    const all = await versions(tx);
    return {
      versions: all.filter((v) => v.status === 'published' || v.publishedAsId === null).reverse(),
      inForce: await inForce(tx),
    };
  });
}

/** The settings' own rules, the start date against the published versions (never the past), a name used. */
async function draftErrors(tx: Tx, draft: PaymentSettingsDraft, ignoreId?: string): Promise<FieldError[]> {
  const errors = paymentSettingsErrors(draft);
  const all = await versions(tx);
  const published = all.filter((v) => v.status === 'published');
  errors.push(...effectiveDateErrors(published, draft.effectiveFrom));
  const label = draft.versionLabel.trim();
  // A published draft is shown by the version made from it, which keeps its name.
  const others = all.filter((v) => v.id !== ignoreId && !(v.status === 'draft' && v.publishedAsId));
  if (label && others.some((v) => v.versionLabel === label))
    errors.push({
      field: 'versionLabel',
      message: `“${label}” is already used: give this version its own name.`,
    });
  return errors;
}

/** Save a draft after checking it; nothing is saved when anything is wrong. */
export async function draftSettings(db: Db, access: CouncilAccess, draft: PaymentSettingsDraft) {
  return audited(db, access, 'payments.settings.draft', async (tx) => {
    const errors = await draftErrors(tx, draft);
    if (errors.length) throw Problem.invalid(errors);
    const [row] = await tx
      .insert(paymentPolicyVersions)
      .values({
        authorityId: access.authorityId,
        ...normaliseSettings(draft),
        effectiveFrom: draft.effectiveFrom,
        status: 'draft',
        createdBy: access.actor.userId,
      })
      .returning();
    return (await versions(tx)).find((v) => v.id === row!.id)!;
  });
}

/**
 * One version with what it changes: for a draft, old (the version in force today) → new and
 * anything that now stops it being published; for a published one, what it replaced.
 */
export async function settingsCheck(db: Db, access: CouncilAccess, id: string) {
  return audited(
    db,
    access,
    'payments.settings.read',
    async (tx) => {
      const all = await versions(tx);
      const version = all.find((v) => v.id === id);
      if (!version) throw Problem.notFound('Direct-payment settings version');
      const published = all.filter((v) => v.status === 'published');
      const current = await inForce(tx);
      const before =
        version.status === 'draft'
          ? current
          : (published.filter((p) => p.effectiveFrom < version.effectiveFrom).at(-1) ?? null);
      const errors =
        version.status === 'draft' && !version.publishedAsId
          ? await draftErrors(tx, version, version.id)
          : [];
      return { version, before, changes: settingsChanges(before, version), errors, inForce: current };
    },
    { paymentPolicyVersionId: id },
  );
}

/**
 * Publish a draft: checked again (another version may have been published since, or its date
 * passed), then the published version added beside the draft. Nothing is ever edited.
 */
export async function publishSettings(db: Db, access: CouncilAccess, id: string) {
  return audited(
    db,
    access,
    'payments.settings.publish',
    async (tx) => {
      const draft = await paymentPolicyVersion(tx, id);
      if (!draft) throw Problem.notFound('Direct-payment settings version');
      const all = await versions(tx);
      if (draft.status !== 'draft' || all.find((v) => v.id === id)?.publishedAsId)
        throw Problem.conflict('This version has already been published.');
      const errors = await draftErrors(tx, { ...settingsOf(draft), effectiveFrom: draft.effectiveFrom }, id);
      if (errors.length)
        throw Problem.invalid(errors, 'This draft cannot be published until these are put right.');
      const [row] = await tx
        .insert(paymentPolicyVersions)
        .values({
          authorityId: access.authorityId,
          ...settingsOf(draft),
          effectiveFrom: draft.effectiveFrom,
          status: 'published',
          draftId: draft.id,
          createdBy: draft.createdBy,
          publishedBy: access.actor.userId,
          publishedAt: new Date(),
        })
        .returning();
      return (await versions(tx)).find((v) => v.id === row!.id)!;
    },
    { paymentPolicyVersionId: id },
  );
}

/** The frequencies new agreements may use today, or null when the council has no settings yet. */
export async function offeredFrequencies(tx: Tx) {
  return (await paymentPolicyOn(tx, todayInLondon()))?.offeredFrequencies ?? null;
}
