import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { todayInLondon } from '../../../platform/dates.ts';
import { type FieldError, Problem } from '../../../platform/http/problem.ts';
import { effectiveDateErrors } from '../../eligibility/index.ts';
import { authorityNation, configurationRow } from '../plan/store.ts';
import { sdsOptionsVersions } from '../schema.ts';
import {
  ALL_ROUTES,
  type Nation,
  normaliseOptionsSettings,
  type OptionsSettings,
  optionsSettingsChanges,
  optionsSettingsErrors,
  routesWithdrawn,
} from './settings-rules.ts';
import { allOptionsVersions, currentChoices, type OptionsVersionRow, optionsVersion } from './store.ts';
import { staffNames, versionTimeline } from '../../../platform/policy/versions.ts';

export interface OptionsSettingsDraft extends OptionsSettings {
  effectiveFrom: string;
}

/** A version as the pages and the API show it: who drafted and who published it, by name. */
export interface OptionsVersion extends OptionsSettings {
  id: string;
  status: 'draft' | 'published';
  effectiveFrom: string;
  /** Published versions only: the day before the next published version starts. */
  effectiveTo: string | null;
  createdByName: string | null;
  createdAt: Date;
  publishedByName: string | null;
  publishedAt: Date | null;
  /** Drafts only: the published version made from it, once published. */
  publishedAsId: string | null;
}

const settingsOf = (row: OptionsVersionRow): OptionsSettings => ({
  versionLabel: row.versionLabel,
  routesEnabled: row.routesEnabled,
  supportOrganisationFunded: row.supportOrganisationFunded,
});

async function versions(tx: Tx): Promise<OptionsVersion[]> {
  const all = await allOptionsVersions(tx);
  const name = await staffNames(tx);
  const timeline = versionTimeline(all);
  return all.map((row) => ({
    ...settingsOf(row),
    id: row.id,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    createdByName: name(row.createdBy),
    createdAt: row.createdAt,
    publishedByName: name(row.publishedBy),
    publishedAt: row.publishedAt,
    ...timeline(row),
  }));
}

const publishedOf = (all: OptionsVersion[]) => all.filter((v) => v.status === 'published');

/**
 * The settings in force today: the published version in force; else what the council saved
 * before its settings were versioned; else every route offered and a support organisation funded.
 */
export async function optionsSettingsInForce(tx: Tx): Promise<{
  version: OptionsVersion | null;
  routesEnabled: string[] | null;
  supportOrganisationFunded: boolean;
}> {
  // Cheap first (every options page asks): the names are looked up only when a version is in force.
  const today = todayInLondon();
  const row = (await allOptionsVersions(tx))
    .filter((v) => v.status === 'published' && v.effectiveFrom <= today)
    .at(-1);
  const version = row ? ((await versions(tx)).find((v) => v.id === row.id) ?? null) : null;
  if (version)
    return {
      version,
      routesEnabled: version.routesEnabled,
      supportOrganisationFunded: version.supportOrganisationFunded,
    };
  const legacy = await configurationRow(tx);
  return {
    version: null,
    routesEnabled: legacy?.routesEnabled ?? null,
    supportOrganisationFunded: legacy?.supportOrganisationFunded ?? true,
  };
}

/** The list page: the settings in force today, every version newest first (published drafts shown once). */
export async function optionsSettingsOverview(db: Db, access: CouncilAccess) {
  return audited(db, access, 'options.settings.list', async (tx) => {
    const all = await versions(tx);
    return {
      nation: await authorityNation(tx, access.authorityId),
      inForce: await optionsSettingsInForce(tx),
      versions: all.filter((v) => v.status === 'published' || v.publishedAsId === null).reverse(),
    };
  });
}

/** The settings' own rules, the start date against the published versions (never the past), a name used. */
async function draftErrors(
  tx: Tx,
  nation: Nation,
  draft: OptionsSettingsDraft,
  ignoreId?: string,
): Promise<FieldError[]> {
  const errors = optionsSettingsErrors(nation, draft);
  const all = await versions(tx);
  errors.push(...effectiveDateErrors(publishedOf(all), draft.effectiveFrom));
  const label = draft.versionLabel.trim();
  const others = all.filter((v) => v.id !== ignoreId && !(v.status === 'draft' && v.publishedAsId));
  if (label && others.some((v) => v.versionLabel === label))
    errors.push({
      field: 'versionLabel',
      message: `“${label}” is already used: give this version its own name.`,
    });
  return errors;
}

/** Save a draft after checking it; nothing is saved when anything is wrong. */
export async function draftOptionsSettings(db: Db, access: CouncilAccess, draft: OptionsSettingsDraft) {
  return audited(db, access, 'options.settings.draft', async (tx) => {
    const nation = await authorityNation(tx, access.authorityId);
    const errors = await draftErrors(tx, nation, draft);
    if (errors.length) throw Problem.invalid(errors);
    const [row] = await tx
      .insert(sdsOptionsVersions)
      .values({
        authorityId: access.authorityId,
        ...normaliseOptionsSettings(nation, draft),
        effectiveFrom: draft.effectiveFrom,
        status: 'draft',
        createdBy: access.actor.userId,
      })
      .returning();
    return (await versions(tx)).find((v) => v.id === row!.id)!;
  });
}

/**
 * One version with what it changes: for a draft, old (the settings in force today) → new, how
 * many outcomes' current choices use a route it stops offering, and anything that now stops it
 * being published; for a published one, what it replaced.
 */
export async function optionsSettingsCheck(db: Db, access: CouncilAccess, id: string) {
  return audited(
    db,
    access,
    'options.settings.read',
    async (tx) => {
      const nation = await authorityNation(tx, access.authorityId);
      const all = await versions(tx);
      const version = all.find((v) => v.id === id);
      if (!version) throw Problem.notFound('Options settings version');
      const current = await optionsSettingsInForce(tx);
      const earlier =
        version.status === 'draft'
          ? null
          : (publishedOf(all)
              .filter((p) => p.effectiveFrom < version.effectiveFrom)
              .at(-1) ?? null);
      const before =
        version.status === 'draft'
          ? {
              ...normaliseOptionsSettings(nation, {
                versionLabel: '',
                // No stored choice means every route is offered.
                routesEnabled: current.routesEnabled ?? [...ALL_ROUTES],
                supportOrganisationFunded: current.supportOrganisationFunded,
              }),
              versionLabel: current.version?.versionLabel ?? null,
            }
          : earlier;
      const open = version.status === 'draft' && !version.publishedAsId;
      const errors = open ? await draftErrors(tx, nation, version, version.id) : [];
      let withdrawn: { routes: string[]; outcomes: number } | null = null;
      if (open && nation === 'england' && before) {
        const routes = routesWithdrawn(before.routesEnabled, version.routesEnabled);
        const choices = await currentChoices(tx);
        withdrawn = {
          routes,
          outcomes: choices.filter(
            (c) => c.deploymentRoute && (routes as string[]).includes(c.deploymentRoute),
          ).length,
        };
      }
      return {
        nation,
        version,
        before: before ? { versionLabel: before.versionLabel } : null,
        changes: optionsSettingsChanges(nation, before, version),
        errors,
        withdrawn,
      };
    },
    { optionsVersionId: id },
  );
}

/**
 * Publish a draft: checked again (another version may have been published since, or its date
 * passed), then the published version added beside the draft. Nothing is ever edited.
 */
export async function publishOptionsSettings(db: Db, access: CouncilAccess, id: string) {
  return audited(
    db,
    access,
    'options.settings.publish',
    async (tx) => {
      const draft = await optionsVersion(tx, id);
      if (!draft) throw Problem.notFound('Options settings version');
      const all = await versions(tx);
      if (draft.status !== 'draft' || all.find((v) => v.id === id)?.publishedAsId)
        throw Problem.conflict('This version has already been published.');
      const nation = await authorityNation(tx, access.authorityId);
      const errors = await draftErrors(
        tx,
        nation,
        { ...settingsOf(draft), effectiveFrom: draft.effectiveFrom },
        id,
      );
      if (errors.length)
        throw Problem.invalid(errors, 'This draft cannot be published until these are put right.');
      const [row] = await tx
        .insert(sdsOptionsVersions)
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
    { optionsVersionId: id },
  );
}
