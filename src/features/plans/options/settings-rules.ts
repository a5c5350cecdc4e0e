import type { FieldError } from '../../../platform/http/problem.ts';
import {
  type DeploymentRoute,
  ENGLAND_DEPLOYMENT_ROUTES,
  ENGLAND_ROUTES_ALWAYS_OFFERED,
  SDS_OPTIONS,
} from './rules.ts';

/*
 * The council's SDS options settings as an administrator drafts them. Scotland: the Social Care
 * (Self-directed Support) (Scotland) Act 2013 requires all four options, so only whether the
 * council funds an independent support organisation can change. England: which deployment
 * routes the council runs (a direct payment and a council-managed budget always). Pure.
 */

export type Nation = 'scotland' | 'england';

export interface OptionsSettings {
  versionLabel: string;
  /** England: the deployment routes offered. Scotland: every route, always. */
  routesEnabled: string[];
  supportOrganisationFunded: boolean;
}

export const VERSION_LABEL_MAX = 200;
/** Every deployment route, in list order. */
export const ALL_ROUTES: readonly DeploymentRoute[] = ENGLAND_DEPLOYMENT_ROUTES.map((r) => r.route);
const ROUTES = ALL_ROUTES;
const isRoute = (value: string): value is DeploymentRoute => (ROUTES as readonly string[]).includes(value);

/** The routes an English council may switch off, for the form's checkboxes. */
export const SWITCHABLE_ROUTES = ENGLAND_DEPLOYMENT_ROUTES.filter(
  (r) => !ENGLAND_ROUTES_ALWAYS_OFFERED.includes(r.route),
);

/**
 * Everything wrong with a draft's answers, named by its own fields. A Scottish council may leave
 * the routes out, but may not switch one off. Never throws.
 */
export function optionsSettingsErrors(nation: Nation, settings: OptionsSettings): FieldError[] {
  const errors: FieldError[] = [];
  const label = settings.versionLabel.trim();
  if (!label) errors.push({ field: 'versionLabel', message: 'Enter a name for this version.' });
  else if (label.length > VERSION_LABEL_MAX)
    errors.push({
      field: 'versionLabel',
      message: `The version name must be ${VERSION_LABEL_MAX} characters or fewer.`,
    });
  const unknown = settings.routesEnabled.filter((r) => !isRoute(r));
  if (unknown.length)
    errors.push({
      field: 'routesEnabled',
      message: `These are not deployment routes: ${unknown.map((u) => u.slice(0, 60)).join(', ')}. Choose from the list.`,
    });
  else if (
    nation === 'scotland' &&
    settings.routesEnabled.length > 0 &&
    ROUTES.some((r) => !settings.routesEnabled.includes(r))
  )
    errors.push({
      field: 'routesEnabled',
      message: 'A Scottish council must offer all four options; routes cannot be switched off.',
    });
  if (typeof settings.supportOrganisationFunded !== 'boolean')
    errors.push({
      field: 'supportOrganisationFunded',
      message: 'Say whether the council funds an independent support organisation.',
    });
  return errors;
}

/** The settings as stored: the name trimmed; routes in list order, the always-offered ones included. */
export function normaliseOptionsSettings(nation: Nation, settings: OptionsSettings): OptionsSettings {
  const chosen = new Set<string>(
    nation === 'scotland' ? ROUTES : [...settings.routesEnabled, ...ENGLAND_ROUTES_ALWAYS_OFFERED],
  );
  return {
    versionLabel: settings.versionLabel.trim(),
    routesEnabled: ROUTES.filter((r) => chosen.has(r)),
    supportOrganisationFunded: settings.supportOrganisationFunded,
  };
}

/** Each setting in plain words, for the check page and the list; only what fits the nation. */
export function describeOptionsSettings(
  nation: Nation,
  settings: Pick<OptionsSettings, 'routesEnabled' | 'supportOrganisationFunded'>,
): { key: string; value: string }[] {
  const organisation = {
    key: 'Independent support organisation',
    value: settings.supportOrganisationFunded
      ? 'Funded by the council: people are told it can help with a direct payment'
      : 'Not funded by the council',
  };
  if (nation === 'scotland')
    return [
      ...SDS_OPTIONS.map((o) => ({
        key: `Option ${o.option}: ${o.name}`,
        value: 'Offered (the 2013 Act requires every council to offer all four options)',
      })),
      organisation,
    ];
  return [
    ...ENGLAND_DEPLOYMENT_ROUTES.map((r) => ({
      key: r.label,
      value: ENGLAND_ROUTES_ALWAYS_OFFERED.includes(r.route)
        ? 'Offered (always: the Care Act 2014 requires it)'
        : settings.routesEnabled.includes(r.route)
          ? 'Offered'
          : 'Not offered',
    })),
    { key: 'A mix of these', value: 'Offered (always)' },
    organisation,
  ];
}

/** Old → new for every setting (unchanged ones marked), for the check page before publishing. */
export function optionsSettingsChanges(
  nation: Nation,
  before: Pick<OptionsSettings, 'routesEnabled' | 'supportOrganisationFunded'> | null,
  after: Pick<OptionsSettings, 'routesEnabled' | 'supportOrganisationFunded'>,
): { key: string; before: string | null; after: string; changed: boolean }[] {
  const old = before ? describeOptionsSettings(nation, before) : null;
  return describeOptionsSettings(nation, after).map((row, i) => {
    const was = old ? old[i]!.value : null;
    return { key: row.key, before: was, after: row.value, changed: was !== row.value };
  });
}

/** The routes a draft stops offering that the settings in force offer. */
export function routesWithdrawn(before: readonly string[], after: readonly string[]): DeploymentRoute[] {
  return ROUTES.filter((r) => before.includes(r) && !after.includes(r));
}
