import type { FieldError } from '../../platform/http/problem.ts';

/*
 * Eligibility decisions under two national frameworks. Pure: the caller loads the policy
 * version in force on the decision date and stores the decision with its reasons.
 * Reasons are written for the person (short words, one idea each) and always name the area
 * or outcome and the evidence, so a decision can be understood and challenged.
 */

// ── Scotland: National eligibility framework (Scottish Government / COSLA 2009) ──

export type ScotlandRiskArea = 'autonomy' | 'health_safety' | 'daily_routines' | 'community';
export type ScotlandBand = 'critical' | 'substantial' | 'moderate' | 'low' | 'none';

interface Reference {
  label: string;
  /** Words a person reads in their decision letter. */
  plain: string;
  description: string;
}

export const SCOTLAND_RISK_AREAS: Readonly<Record<ScotlandRiskArea, Reference>> = {
  autonomy: {
    label: 'Autonomy',
    plain: 'making your own choices',
    description: 'Autonomy and freedom to make choices.',
  },
  health_safety: {
    label: 'Health and safety',
    plain: 'staying safe and well',
    description: 'Health and safety, including freedom from harm, abuse and neglect.',
  },
  daily_routines: {
    label: 'Daily routines',
    plain: 'looking after yourself each day',
    description: 'Ability to manage personal and other daily routines.',
  },
  community: {
    label: 'Family and community life',
    plain: 'family, friends and community life',
    description:
      'Involvement in family and wider community life, including leisure, hobbies, work, learning and volunteering.',
  },
};

/** Most severe first: the order decides the overall band. */
export const SCOTLAND_BANDS: Readonly<Record<ScotlandBand, Reference>> = {
  critical: {
    label: 'Critical',
    plain: 'a very serious risk',
    description:
      'Major risk to independent living or health and wellbeing; needs help straight away (about 1–2 days).',
  },
  substantial: {
    label: 'Substantial',
    plain: 'a serious risk',
    description:
      'Significant risk to independence or health and wellbeing; needs help soon (within about 1–3 months).',
  },
  moderate: {
    label: 'Moderate',
    plain: 'some risk',
    description: 'Some risk to independence or health and wellbeing; may need some support, with a review.',
  },
  low: {
    label: 'Low',
    plain: 'a small risk',
    description: 'Low risk; advice, information or support in the community may help.',
  },
  none: {
    label: 'No risk',
    plain: 'no risk',
    description: 'No risk to independence or health and wellbeing found.',
  },
};

const SEVERITY: readonly ScotlandBand[] = ['none', 'low', 'moderate', 'substantial', 'critical'];
export const severity = (band: ScotlandBand): number => SEVERITY.indexOf(band);

// ── England: Care Act 2014, Care and Support (Eligibility Criteria) Regulations 2014, reg. 2 ──

export type CareActOutcome =
  | 'nutrition'
  | 'personal_hygiene'
  | 'toilet_needs'
  | 'clothing'
  | 'home_safety'
  | 'habitable_home'
  | 'relationships'
  | 'work_learning_volunteering'
  | 'community_facilities'
  | 'caring_for_child';

export const CARE_ACT_OUTCOMES: Readonly<Record<CareActOutcome, Reference>> = {
  nutrition: {
    label: 'Managing and maintaining nutrition',
    plain: 'eating and drinking well',
    description: 'Having access to food and drink, and being able to prepare and eat it.',
  },
  personal_hygiene: {
    label: 'Maintaining personal hygiene',
    plain: 'keeping clean',
    description: 'Washing yourself and your clothes.',
  },
  toilet_needs: {
    label: 'Managing toilet needs',
    plain: 'using the toilet',
    description: 'Getting to and using the toilet and managing toilet needs.',
  },
  clothing: {
    label: 'Being appropriately clothed',
    plain: 'getting dressed',
    description: 'Dressing yourself, in clothes right for the weather.',
  },
  home_safety: {
    label: "Being able to make use of the adult's home safely",
    plain: 'moving around your home safely',
    description: 'Moving around the home safely, including the kitchen, bathroom and steps.',
  },
  habitable_home: {
    label: 'Maintaining a habitable home environment',
    plain: 'keeping your home clean and safe to live in',
    description: 'Keeping the home clean and safe, with working utilities such as heating and water.',
  },
  relationships: {
    label: 'Developing and maintaining family or other personal relationships',
    plain: 'keeping up with family and friends',
    description:
      'Keeping in touch with family and friends and making new relationships, avoiding loneliness.',
  },
  work_learning_volunteering: {
    label: 'Accessing and engaging in work, training, education or volunteering',
    plain: 'work, learning or volunteering',
    description: 'Getting to and taking part in work, training, education or volunteering.',
  },
  community_facilities: {
    label:
      'Making use of necessary facilities or services in the local community including public transport and recreational facilities or services',
    plain: 'using places and services near you, like buses and shops',
    description:
      'Getting around the community and using facilities such as public transport, shops and leisure.',
  },
  caring_for_child: {
    label: 'Carrying out any caring responsibilities the adult has for a child',
    plain: 'looking after a child you care for',
    description: 'Caring for a child, such as a parent caring for their own child.',
  },
};

/** What "unable to achieve" means in reg. 2(3). Any one is enough for that outcome. */
export type UnableReason =
  | 'needs_assistance'
  | 'pain_distress_anxiety'
  | 'endangers_health_safety'
  | 'takes_significantly_longer';

export const UNABLE_REASONS: Readonly<Record<UnableReason, Reference>> = {
  needs_assistance: {
    label: 'Unable without assistance',
    plain: 'you cannot do this without help',
    description: 'Unable to achieve it without assistance.',
  },
  pain_distress_anxiety: {
    label: 'Significant pain, distress or anxiety',
    plain: 'it causes you a lot of pain, upset or worry',
    description:
      'Able to achieve it without assistance but doing so causes significant pain, distress or anxiety.',
  },
  endangers_health_safety: {
    label: 'Endangers health or safety',
    plain: 'doing it puts you or others at risk',
    description:
      'Able to achieve it without assistance but doing so endangers or is likely to endanger the health or safety of the adult, or of others.',
  },
  takes_significantly_longer: {
    label: 'Takes significantly longer',
    plain: 'it takes you much longer than it takes most people',
    description:
      'Able to achieve it without assistance but takes significantly longer than would normally be expected.',
  },
};

/** Reg. 2(1)(b): unable to achieve two or more outcomes. */
export const CARE_ACT_OUTCOMES_NEEDED = 2;

// ── Inputs and decision ──

export type EligibilityPolicy =
  | {
      framework: 'scotland';
      versionLabel: string;
      /** The bands this council funds, e.g. ['critical', 'substantial']; must run down from critical. */
      fundedBands: readonly ScotlandBand[];
      reviewRoute: string;
    }
  | { framework: 'england'; versionLabel: string; reviewRoute: string };

export interface ScotlandAssessment {
  framework: 'scotland';
  areas: Record<ScotlandRiskArea, { band: ScotlandBand; evidence: string }>;
  /** Support a court or Children's Hearing requires is not subject to the criteria. */
  statutoryOrder?: { kind: 'court' | 'childrens_hearing'; detail: string };
}

export interface EnglandAssessment {
  framework: 'england';
  /** Condition 1: needs arise from or relate to a physical or mental impairment or illness. */
  impairment: { met: boolean; evidence: string };
  /** Condition 2: outcomes not listed, or with no reasons, are ones the person can achieve. */
  outcomes: Partial<Record<CareActOutcome, { unable: UnableReason[]; evidence: string }>>;
  /** Condition 3: as a consequence, a significant impact on wellbeing (now or likely). */
  wellbeing: { significantImpact: boolean; evidence: string };
}

export type EligibilityAssessment = ScotlandAssessment | EnglandAssessment;

export interface EligibilityDecision {
  eligible: boolean;
  /** Scotland: the overall band, or 'eligible' for a statutory order; England: 'eligible' | 'not_eligible'. */
  result: ScotlandBand | 'eligible' | 'not_eligible';
  /** Plain words, never empty, each naming the area or outcome and the evidence. */
  reasons: string[];
  /** True when not eligible: the caller shows community support and early help. */
  signposting: boolean;
  reviewRoute: string;
  policyVersion: string;
}

const quote = (evidence: string) => `We noted: “${evidence.trim()}”`;
const listWords = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** Lowest band the council funds; anything at or above it is funded (so more risk never loses support). */
function threshold(fundedBands: readonly ScotlandBand[]): ScotlandBand | undefined {
  return SEVERITY.find((band) => band !== 'none' && fundedBands.includes(band));
}

function decideScotland(
  policy: Extract<EligibilityPolicy, { framework: 'scotland' }>,
  a: ScotlandAssessment,
) {
  if (a.statutoryOrder) {
    const by = a.statutoryOrder.kind === 'court' ? 'A court' : "A Children's Hearing";
    return {
      eligible: true,
      result: 'eligible' as const,
      reasons: [
        `${by} has made an order that says you must have this support. So the usual test does not apply. Order: ${a.statutoryOrder.detail.trim()}`,
      ],
    };
  }
  const areas = Object.keys(SCOTLAND_RISK_AREAS) as ScotlandRiskArea[];
  const overall = areas.reduce<ScotlandBand>(
    (worst, area) => (severity(a.areas[area].band) > severity(worst) ? a.areas[area].band : worst),
    'none',
  );
  const lowest = threshold(policy.fundedBands);
  const eligible = lowest !== undefined && severity(overall) >= severity(lowest);
  const funded = SEVERITY.filter(
    (b) => lowest !== undefined && b !== 'none' && severity(b) >= severity(lowest),
  )
    .reverse()
    .map((b) => `${SCOTLAND_BANDS[b].plain} (${b})`);

  const reasons = [
    overall === 'none'
      ? 'We did not find a risk to you in any of the four areas we look at.'
      : `Your highest risk is ${SCOTLAND_BANDS[overall].plain} (${overall}).`,
    funded.length === 0
      ? 'This council does not fund support under these rules at the moment.'
      : `The council pays for support when there is ${listWords(funded)}.`,
  ];
  for (const area of [...areas].sort((x, y) => severity(a.areas[y].band) - severity(a.areas[x].band))) {
    const { band, evidence } = a.areas[area];
    if (band === 'none') continue;
    reasons.push(
      `${SCOTLAND_RISK_AREAS[area].label}: ${SCOTLAND_BANDS[band].plain} to ${SCOTLAND_RISK_AREAS[area].plain} (${band}). ${quote(evidence)}`,
    );
  }
  const noRisk = areas
    .filter((area) => a.areas[area].band === 'none')
    .map((area) => SCOTLAND_RISK_AREAS[area].plain);
  if (noRisk.length > 0) reasons.push(`We found no risk to ${listWords(noRisk)}.`);
  reasons.push(
    eligible
      ? 'So the council will work with you on a budget and a support plan.'
      : 'So the council will not pay for support now. We will help you find support near you.',
  );
  return { eligible, result: overall, reasons };
}

function decideEngland(a: EnglandAssessment) {
  const unable = (Object.keys(CARE_ACT_OUTCOMES) as CareActOutcome[]).filter(
    (outcome) => (a.outcomes[outcome]?.unable.length ?? 0) > 0,
  );
  const condition2 = unable.length >= CARE_ACT_OUTCOMES_NEEDED;
  const eligible = a.impairment.met && condition2 && a.wellbeing.significantImpact;

  const reasons = [
    a.impairment.met
      ? `Your needs come from a health condition, illness or disability. ${quote(a.impairment.evidence)}`
      : `We did not find that your needs come from a health condition, illness or disability.${a.impairment.evidence.trim() ? ` ${quote(a.impairment.evidence)}` : ''}`,
    unable.length === 0
      ? 'We found you can do all ten everyday things on the list without help.'
      : `You cannot do ${unable.length} of the ten everyday things on the list. The law needs ${CARE_ACT_OUTCOMES_NEEDED} or more.`,
  ];
  for (const outcome of unable) {
    const { unable: why, evidence } = a.outcomes[outcome]!;
    const because = listWords(why.map((reason) => UNABLE_REASONS[reason].plain));
    reasons.push(`${CARE_ACT_OUTCOMES[outcome].label}: ${because}. ${quote(evidence)}`);
  }
  reasons.push(
    a.wellbeing.significantImpact
      ? `This has a big effect on your wellbeing. ${quote(a.wellbeing.evidence)}`
      : `We did not find a big effect on your wellbeing.${a.wellbeing.evidence.trim() ? ` ${quote(a.wellbeing.evidence)}` : ''}`,
  );
  reasons.push(
    eligible
      ? 'You meet all three parts of the test. So the council will work with you on a budget and a support plan.'
      : 'You need to meet all three parts of the test. So the council will not pay for support now. We will help you find support near you.',
  );
  return { eligible, result: eligible ? ('eligible' as const) : ('not_eligible' as const), reasons };
}

/** Decide eligibility. Validate first with `validateEligibilityInput`; a framework mismatch throws. */
export function decideEligibility(
  policy: EligibilityPolicy,
  assessment: EligibilityAssessment,
): EligibilityDecision {
  let outcome: { eligible: boolean; result: EligibilityDecision['result']; reasons: string[] };
  if (policy.framework === 'scotland' && assessment.framework === 'scotland') {
    outcome = decideScotland(policy, assessment);
  } else if (policy.framework === 'england' && assessment.framework === 'england') {
    outcome = decideEngland(assessment);
  } else {
    throw new RangeError(
      `a ${assessment.framework} assessment cannot be decided under a ${policy.framework} policy`,
    );
  }
  return {
    ...outcome,
    signposting: !outcome.eligible,
    reviewRoute: policy.reviewRoute,
    policyVersion: policy.versionLabel,
  };
}

// ── Validation (inputs come from forms, so values are checked at run time too) ──

const blank = (text: unknown) => typeof text !== 'string' || text.trim() === '';
const isBand = (value: unknown): value is ScotlandBand =>
  typeof value === 'string' && value in SCOTLAND_BANDS;

export function validateEligibilityPolicy(policy: EligibilityPolicy): FieldError[] {
  const errors: FieldError[] = [];
  if (blank(policy.versionLabel))
    errors.push({ field: 'versionLabel', message: 'Give the policy version a name.' });
  if (blank(policy.reviewRoute))
    errors.push({
      field: 'reviewRoute',
      message: 'Say how a person can ask for a decision to be looked at again.',
    });
  if (policy.framework !== 'scotland') return errors;
  const funded = policy.fundedBands;
  funded.forEach((band, i) => {
    if (!isBand(band)) errors.push({ field: `fundedBands[${i}]`, message: `“${band}” is not a band.` });
    else if (band === 'none')
      errors.push({ field: `fundedBands[${i}]`, message: 'A council cannot fund “no risk”.' });
  });
  if (funded.length === 0)
    errors.push({ field: 'fundedBands', message: 'Choose at least the critical band.' });
  const lowest = threshold(funded.filter(isBand));
  if (lowest) {
    const missing = SEVERITY.filter((b) => severity(b) > severity(lowest) && !funded.includes(b));
    if (missing.length > 0)
      errors.push({
        field: 'fundedBands',
        message: `A council that funds ${lowest} must also fund every more serious band: add ${listWords(missing)}.`,
      });
  }
  return errors;
}

export function validateEligibilityInput(
  policy: EligibilityPolicy,
  assessment: EligibilityAssessment,
): FieldError[] {
  const errors = validateEligibilityPolicy(policy);
  if (policy.framework !== assessment.framework) {
    errors.push({ field: 'framework', message: `This council decides under the ${policy.framework} rules.` });
    return errors;
  }
  if (assessment.framework === 'scotland') {
    for (const area of Object.keys(SCOTLAND_RISK_AREAS) as ScotlandRiskArea[]) {
      const entry = assessment.areas?.[area];
      const label = SCOTLAND_RISK_AREAS[area].label;
      if (!entry || !isBand(entry.band)) {
        errors.push({
          field: `areas.${area}.band`,
          message: `Choose a level of risk for ${label.toLowerCase()}.`,
        });
      } else if (entry.band !== 'none' && blank(entry.evidence)) {
        errors.push({
          field: `areas.${area}.evidence`,
          message: `Say what shows a ${entry.band} risk for ${label.toLowerCase()}.`,
        });
      }
    }
    for (const key of Object.keys(assessment.areas ?? {}))
      if (!(key in SCOTLAND_RISK_AREAS))
        errors.push({ field: `areas.${key}`, message: `“${key}” is not one of the four areas.` });
    if (assessment.statutoryOrder && blank(assessment.statutoryOrder.detail))
      errors.push({ field: 'statutoryOrder.detail', message: 'Say which order requires the support.' });
    return errors;
  }

  if (assessment.impairment.met && blank(assessment.impairment.evidence))
    errors.push({
      field: 'impairment.evidence',
      message: 'Say what impairment or illness the needs come from.',
    });
  for (const [key, entry] of Object.entries(assessment.outcomes)) {
    if (!(key in CARE_ACT_OUTCOMES)) {
      errors.push({ field: `outcomes.${key}`, message: `“${key}” is not one of the ten outcomes.` });
      continue;
    }
    if (!entry) continue;
    entry.unable.forEach((reason, i) => {
      if (!(reason in UNABLE_REASONS))
        errors.push({
          field: `outcomes.${key}.unable[${i}]`,
          message: `“${reason}” is not a way of being unable to achieve an outcome.`,
        });
    });
    if (entry.unable.length > 0 && blank(entry.evidence))
      errors.push({
        field: `outcomes.${key}.evidence`,
        message: 'Say what shows the person cannot achieve this.',
      });
  }
  if (assessment.wellbeing.significantImpact && blank(assessment.wellbeing.evidence))
    errors.push({ field: 'wellbeing.evidence', message: 'Say what the impact on wellbeing is.' });
  return errors;
}
