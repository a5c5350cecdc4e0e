import { field, fieldList } from '../../platform/http/forms.ts';
import {
  CARE_ACT_OUTCOMES,
  type CareActOutcome,
  type EligibilityAssessment,
  SCOTLAND_RISK_AREAS,
  type ScotlandBand,
  type ScotlandRiskArea,
  type UnableReason,
} from './rules.ts';
import type { Signposting } from './schema.ts';

/*
 * The decision form posts flat names that are the same paths the rules use for errors
 * ("areas.community.evidence"), so every error lands beside its own question.
 */

export function assessmentFromForm(framework: 'scotland' | 'england', body: unknown): EligibilityAssessment {
  if (framework === 'scotland') {
    const areas = Object.fromEntries(
      (Object.keys(SCOTLAND_RISK_AREAS) as ScotlandRiskArea[]).map((area) => [
        area,
        {
          band: field(body, `areas.${area}.band`) as ScotlandBand,
          evidence: field(body, `areas.${area}.evidence`).trim(),
        },
      ]),
    ) as Extract<EligibilityAssessment, { framework: 'scotland' }>['areas'];
    const kind = field(body, 'statutoryOrder.kind');
    return {
      framework: 'scotland',
      areas,
      ...(kind === 'court' || kind === 'childrens_hearing'
        ? { statutoryOrder: { kind, detail: field(body, 'statutoryOrder.detail').trim() } }
        : {}),
    };
  }
  const outcomes: Extract<EligibilityAssessment, { framework: 'england' }>['outcomes'] = {};
  for (const outcome of Object.keys(CARE_ACT_OUTCOMES) as CareActOutcome[]) {
    const unable = fieldList(body, `outcomes.${outcome}.unable`) as UnableReason[];
    const evidence = field(body, `outcomes.${outcome}.evidence`).trim();
    if (unable.length || evidence) outcomes[outcome] = { unable, evidence };
  }
  return {
    framework: 'england',
    impairment: {
      met: field(body, 'impairment.met') === 'yes',
      evidence: field(body, 'impairment.evidence').trim(),
    },
    outcomes,
    wellbeing: {
      significantImpact: field(body, 'wellbeing.significantImpact') === 'yes',
      evidence: field(body, 'wellbeing.evidence').trim(),
    },
  };
}

/** "Name | https://address" per line, as the form shows them. */
export function signpostingFromForm(body: unknown): Signposting {
  const links = field(body, 'signposting.links')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf('|');
      return at < 0
        ? { text: line, href: '' }
        : { text: line.slice(0, at).trim(), href: line.slice(at + 1).trim() };
    });
  return { text: field(body, 'signposting.text').trim(), links };
}

export const signpostingLinksText = (signposting: Signposting | null | undefined) =>
  (signposting?.links ?? []).map((l) => `${l.text} | ${l.href}`).join('\n');

/** The form's values, flat, to show the answers again after an error. */
export function formValues(body: unknown): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries((body as Record<string, unknown>) ?? {}))
    if (key !== '_csrf' && (typeof value === 'string' || Array.isArray(value))) values[key] = value as string;
  return values;
}
