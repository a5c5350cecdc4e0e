import type { FieldError } from '../../platform/http/problem.ts';
import {
  CARE_ACT_OUTCOMES,
  CARE_ACT_OUTCOMES_NEEDED,
  decideEligibility,
  type EligibilityAssessment,
  type EligibilityPolicy,
  SCOTLAND_BANDS,
  type ScotlandBand,
  severity,
  validateEligibilityPolicy,
} from './rules.ts';
import type { Signposting } from './schema.ts';

/*
 * Eligibility policy versions as a council's administrator drafts them: what a draft holds,
 * everything wrong with one (named by its own fields), each setting in plain words for the
 * check page and history, and how many standing decisions a draft would decide differently.
 * Pure: the service loads the versions and decisions.
 */

/** One draft as a page or the API sends it; the framework is the council's nation's. */
export interface EligibilityPolicyDraft {
  versionLabel: string;
  effectiveFrom: string;
  /** Scotland only: the bands the council meets. Ignored for England. */
  fundedBands: string[];
  reviewRoute: string;
  signposting: Signposting;
}

export const LIMITS = {
  versionLabel: 200,
  reviewRoute: 2000,
  signpostingText: 4000,
  links: 20,
  linkText: 200,
  linkHref: 500,
} as const;

/** The bands a council may choose to meet, most serious first ("no risk" is never funded). */
export const FUNDABLE_BANDS: readonly ScotlandBand[] = ['critical', 'substantial', 'moderate', 'low'];

export const FRAMEWORK_NAMES = {
  scotland: 'Scotland: the national eligibility framework (risk bands)',
  england: 'England: the Care Act 2014 eligibility criteria',
} as const;

/** The policy content a draft becomes, for the council's framework; bands in severity order. */
export function policyOf(
  framework: 'scotland' | 'england',
  draft: EligibilityPolicyDraft,
): EligibilityPolicy {
  const versionLabel = draft.versionLabel.trim();
  const reviewRoute = draft.reviewRoute.trim();
  if (framework === 'england') return { framework, versionLabel, reviewRoute };
  const known = FUNDABLE_BANDS.filter((b) => draft.fundedBands.includes(b));
  const unknown = draft.fundedBands.filter((b) => !(FUNDABLE_BANDS as readonly string[]).includes(b));
  return { framework, versionLabel, reviewRoute, fundedBands: [...known, ...(unknown as ScotlandBand[])] };
}

const blankLink = (link: { text: string; href: string }) => !link.text.trim() && !link.href.trim();

/** The signposting as stored: words trimmed, empty links dropped. */
export function normaliseSignposting(signposting: Signposting): Signposting {
  return {
    text: signposting.text.trim(),
    links: signposting.links
      .filter((l) => !blankLink(l))
      .map((l) => ({ text: l.text.trim(), href: l.href.trim() })),
  };
}

/**
 * Everything wrong with a draft's own answers (not its date, which needs the published
 * versions), each named by the field it belongs to; band positions ("fundedBands[2]") are named
 * as the one question they come from. Never throws.
 */
export function eligibilityDraftErrors(
  framework: 'scotland' | 'england',
  draft: EligibilityPolicyDraft,
): FieldError[] {
  const errors: FieldError[] = validateEligibilityPolicy(policyOf(framework, draft)).map((e) => ({
    field: e.field.replace(/\[\d+\]$/, ''),
    message: e.message,
  }));
  if (draft.versionLabel.trim().length > LIMITS.versionLabel)
    errors.push({
      field: 'versionLabel',
      message: `The version name must be ${LIMITS.versionLabel} characters or fewer.`,
    });
  if (draft.reviewRoute.trim().length > LIMITS.reviewRoute)
    errors.push({
      field: 'reviewRoute',
      message: `How to ask for a review must be ${LIMITS.reviewRoute} characters or fewer.`,
    });
  const signposting = normaliseSignposting(draft.signposting);
  if (!signposting.text)
    errors.push({
      field: 'signposting.text',
      message: 'Say where people the council will not pay for can find help near them.',
    });
  else if (signposting.text.length > LIMITS.signpostingText)
    errors.push({
      field: 'signposting.text',
      message: `Where to find help must be ${LIMITS.signpostingText} characters or fewer.`,
    });
  if (signposting.links.length > LIMITS.links)
    errors.push({ field: 'signposting.links', message: `Give ${LIMITS.links} links or fewer.` });
  else
    signposting.links.forEach((link, i) => {
      if (
        !link.text ||
        link.text.length > LIMITS.linkText ||
        link.href.length > LIMITS.linkHref ||
        !/^(https?:\/\/|\/)\S+$/.test(link.href)
      )
        errors.push({
          field: 'signposting.links',
          message: `Link ${i + 1} needs a name (${LIMITS.linkText} characters or fewer) and a web address starting with https://.`,
        });
    });
  return errors.filter(
    (e, i, all) => all.findIndex((x) => x.field === e.field && x.message === e.message) === i,
  );
}

const bandWords = (bands: readonly string[]) =>
  bands.length
    ? [...bands]
        .sort((a, b) => severity(b as ScotlandBand) - severity(a as ScotlandBand))
        .map((b) => SCOTLAND_BANDS[b as ScotlandBand]?.label ?? b)
        .join(', ')
    : 'None';

/** A version's settings, in plain words, for the check page and the history. */
export function describePolicy(version: {
  content: EligibilityPolicy;
  signposting: Signposting;
}): { key: string; value: string }[] {
  const { content, signposting } = version;
  const rows: { key: string; value: string }[] = [
    { key: 'Rules', value: FRAMEWORK_NAMES[content.framework] },
  ];
  if (content.framework === 'scotland') {
    rows.push(
      { key: 'Risk bands the council meets', value: bandWords(content.fundedBands) },
      {
        key: 'Risk bands given advice and signposting',
        value: bandWords(
          (Object.keys(SCOTLAND_BANDS) as ScotlandBand[]).filter((b) => !content.fundedBands.includes(b)),
        ),
      },
    );
  } else {
    rows.push({
      key: 'Eligibility test',
      value: `Set in law by the Care and Support (Eligibility Criteria) Regulations 2015, the same for every council: needs from an impairment or illness, unable to achieve ${CARE_ACT_OUTCOMES_NEEDED} or more of the ${Object.keys(CARE_ACT_OUTCOMES).length} outcomes, and a significant impact on wellbeing as a result.`,
    });
  }
  rows.push(
    { key: 'How to ask for a review', value: content.reviewRoute },
    { key: 'Where to find help when not eligible', value: signposting.text },
    {
      key: 'Links given with it',
      value: signposting.links.length
        ? signposting.links.map((l) => `${l.text} (${l.href})`).join('; ')
        : 'None',
    },
  );
  return rows;
}

/** Old → new for every setting (unchanged ones marked), for the check page before publishing. */
export function policyChanges(
  before: { content: EligibilityPolicy; signposting: Signposting } | null,
  after: { content: EligibilityPolicy; signposting: Signposting },
): { key: string; before: string | null; after: string; changed: boolean }[] {
  const old = before ? describePolicy(before) : null;
  return describePolicy(after).map((row) => {
    const was = old?.find((o) => o.key === row.key)?.value ?? null;
    return { key: row.key, before: was, after: row.value, changed: was !== row.value };
  });
}

export interface DecisionImpact {
  /** Standing decisions (each person's latest) under this framework. */
  considered: number;
  becomeEligible: number;
  becomeNotEligible: number;
}

/**
 * What a draft would decide differently from the policy in force, for each person's latest
 * decision, assessed again on the same evidence. Decisions already made do not change: this is
 * what would change at their next review. England's test is set in law, so it never changes.
 */
export function decisionImpact(
  current: EligibilityPolicy | null,
  draft: EligibilityPolicy,
  assessments: readonly EligibilityAssessment[],
): DecisionImpact {
  const same = assessments.filter((a) => a.framework === draft.framework);
  const impact: DecisionImpact = { considered: same.length, becomeEligible: 0, becomeNotEligible: 0 };
  if (!current || current.framework !== draft.framework) return impact;
  for (const assessment of same) {
    const now = decideEligibility(current, assessment).eligible;
    const then = decideEligibility(draft, assessment).eligible;
    if (!now && then) impact.becomeEligible++;
    if (now && !then) impact.becomeNotEligible++;
  }
  return impact;
}
