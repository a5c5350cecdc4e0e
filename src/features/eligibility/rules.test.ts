import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CARE_ACT_OUTCOMES,
  type CareActOutcome,
  decideEligibility,
  type EligibilityPolicy,
  type EnglandAssessment,
  SCOTLAND_BANDS,
  SCOTLAND_RISK_AREAS,
  type ScotlandAssessment,
  type ScotlandBand,
  type ScotlandRiskArea,
  severity,
  UNABLE_REASONS,
  type UnableReason,
  validateEligibilityInput,
  validateEligibilityPolicy,
} from './rules.ts';

const reviewRoute = 'Ask your social worker, or write to the review team within 28 days.';
const scotland = (fundedBands: ScotlandBand[] = ['critical', 'substantial']): EligibilityPolicy => ({
  framework: 'scotland',
  versionLabel: 'Eligibility 2026/27 v1',
  fundedBands,
  reviewRoute,
});
const england: EligibilityPolicy = { framework: 'england', versionLabel: 'Care Act 2026 v1', reviewRoute };

const AREAS = Object.keys(SCOTLAND_RISK_AREAS) as ScotlandRiskArea[];
const BANDS = Object.keys(SCOTLAND_BANDS) as ScotlandBand[];
const OUTCOMES = Object.keys(CARE_ACT_OUTCOMES) as CareActOutcome[];
const REASONS = Object.keys(UNABLE_REASONS) as UnableReason[];

function scot(bands: Partial<Record<ScotlandRiskArea, ScotlandBand>> = {}): ScotlandAssessment {
  const areas = Object.fromEntries(
    AREAS.map((area) => [area, { band: bands[area] ?? 'none', evidence: `evidence for ${area}` }]),
  ) as ScotlandAssessment['areas'];
  return { framework: 'scotland', areas };
}

function eng(unableIn: CareActOutcome[], impairment = true, significantImpact = true): EnglandAssessment {
  return {
    framework: 'england',
    impairment: { met: impairment, evidence: 'Stroke in 2025 with weakness on the left side' },
    outcomes: Object.fromEntries(
      unableIn.map((o) => [
        o,
        { unable: ['needs_assistance'] as UnableReason[], evidence: `cannot manage ${o}` },
      ]),
    ),
    wellbeing: { significantImpact, evidence: 'Has stopped seeing friends and is low in mood' },
  };
}

describe('Scotland national eligibility framework', () => {
  it.each([
    ['critical', true],
    ['substantial', true],
    ['moderate', false],
    ['low', false],
    ['none', false],
  ] as const)('with critical and substantial funded, %s overall → eligible %s', (band, eligible) => {
    const decision = decideEligibility(scotland(), scot({ daily_routines: band }));
    expect(decision).toMatchObject({ eligible, result: band, signposting: !eligible, reviewRoute });
    expect(decision.policyVersion).toBe('Eligibility 2026/27 v1');
  });

  it('takes the most severe area as the overall band', () => {
    const decision = decideEligibility(
      scotland(),
      scot({ autonomy: 'low', community: 'substantial', health_safety: 'moderate' }),
    );
    expect(decision.result).toBe('substantial');
    expect(decision.eligible).toBe(true);
  });

  it('follows the council threshold: a council that funds moderate funds moderate', () => {
    expect(
      decideEligibility(scotland(['critical', 'substantial', 'moderate']), scot({ autonomy: 'moderate' }))
        .eligible,
    ).toBe(true);
    expect(decideEligibility(scotland(['critical']), scot({ autonomy: 'substantial' })).eligible).toBe(false);
  });

  it('explains each area at risk with its evidence, most serious first, and names the areas with no risk', () => {
    const { reasons } = decideEligibility(
      scotland(),
      scot({ community: 'moderate', health_safety: 'critical' }),
    );
    expect(reasons[0]).toBe('Your highest risk is a very serious risk (critical).');
    expect(reasons[1]).toBe(
      'The council pays for support when there is a very serious risk (critical) and a serious risk (substantial).',
    );
    expect(reasons[2]).toBe(
      'Health and safety: a very serious risk to staying safe and well (critical). We noted: “evidence for health_safety”',
    );
    expect(reasons[3]).toMatch(/^Family and community life: some risk .*evidence for community/);
    expect(reasons[4]).toBe(
      'We found no risk to making your own choices and looking after yourself each day.',
    );
  });

  it('points a person below the threshold to community support, with reasons and a review route', () => {
    const decision = decideEligibility(scotland(), scot({ community: 'low' }));
    expect(decision.signposting).toBe(true);
    expect(decision.reasons.at(-1)).toMatch(/help you find support near you/);
    expect(decision.reasons.some((r) => r.includes('evidence for community'))).toBe(true);
    expect(decision.reviewRoute).toBe(reviewRoute);
  });

  it("treats a court or Children's Hearing order as eligible whatever the bands", () => {
    const decision = decideEligibility(scotland(), {
      ...scot(),
      statutoryOrder: { kind: 'childrens_hearing', detail: 'Compulsory supervision order, 3 March 2026' },
    });
    expect(decision).toMatchObject({ eligible: true, result: 'eligible', signposting: false });
    expect(decision.reasons[0]).toMatch(/Children's Hearing.*Compulsory supervision order, 3 March 2026/);
  });

  it('refuses to decide a Scottish assessment under English rules', () => {
    expect(() => decideEligibility(england, scot())).toThrow(RangeError);
  });
});

describe('England Care Act 2014 three-condition test', () => {
  it('is eligible when all three conditions are met with two outcomes', () => {
    const decision = decideEligibility(england, eng(['nutrition', 'personal_hygiene']));
    expect(decision).toMatchObject({ eligible: true, result: 'eligible', signposting: false });
    expect(decision.reasons).toContain(
      'Managing and maintaining nutrition: you cannot do this without help. We noted: “cannot manage nutrition”',
    );
  });

  it('needs two or more outcomes: one is not enough', () => {
    const decision = decideEligibility(england, eng(['nutrition']));
    expect(decision).toMatchObject({ eligible: false, result: 'not_eligible', signposting: true });
    expect(decision.reasons[1]).toBe(
      'You cannot do 1 of the ten everyday things on the list. The law needs 2 or more.',
    );
  });

  it('needs the impairment condition and the wellbeing condition', () => {
    expect(decideEligibility(england, eng(['nutrition', 'clothing'], false)).eligible).toBe(false);
    expect(decideEligibility(england, eng(['nutrition', 'clothing'], true, false)).eligible).toBe(false);
  });

  it('counts any of the four ways of being unable, and says each in plain words', () => {
    const assessment = eng([]);
    assessment.outcomes.home_safety = {
      unable: ['endangers_health_safety', 'takes_significantly_longer'],
      evidence: 'Fell twice on the stairs',
    };
    assessment.outcomes.clothing = {
      unable: ['pain_distress_anxiety'],
      evidence: 'Dressing takes an hour and hurts',
    };
    assessment.outcomes.relationships = { unable: [], evidence: 'Sees family weekly' };
    const decision = decideEligibility(england, assessment);
    expect(decision.eligible).toBe(true);
    expect(decision.reasons).toContain(
      "Being able to make use of the adult's home safely: doing it puts you or others at risk and it takes you much longer than it takes most people. We noted: “Fell twice on the stairs”",
    );
    expect(decision.reasons.join(' ')).not.toMatch(/Sees family weekly/);
  });
});

describe('decision properties', () => {
  it('England: any one of the four ways of being unable counts an outcome', () => {
    fc.assert(
      fc.property(
        fc.subarray(REASONS, { minLength: 1 }),
        fc.subarray(REASONS, { minLength: 1 }),
        (r1, r2) => {
          const assessment = eng([]);
          assessment.outcomes.toilet_needs = { unable: r1, evidence: 'a' };
          assessment.outcomes.caring_for_child = { unable: r2, evidence: 'b' };
          expect(decideEligibility(england, assessment).eligible).toBe(true);
        },
      ),
    );
  });

  const bands = fc.record(
    Object.fromEntries(AREAS.map((a) => [a, fc.constantFrom(...BANDS)])) as Record<
      ScotlandRiskArea,
      fc.Arbitrary<ScotlandBand>
    >,
  );
  const threshold = fc
    .integer({ min: 1, max: 4 })
    .map((t) => BANDS.filter((b) => b !== 'none' && severity(b) >= t));
  const englandCase = fc.record({
    unable: fc.subarray(OUTCOMES),
    impairment: fc.boolean(),
    wellbeing: fc.boolean(),
  });

  it('Scotland: raising any area’s risk never turns eligible into not eligible', () => {
    fc.assert(
      fc.property(
        bands,
        threshold,
        fc.constantFrom(...AREAS),
        fc.constantFrom(...BANDS),
        (b, funded, area, raised) => {
          fc.pre(severity(raised) > severity(b[area]));
          const before = decideEligibility(scotland(funded), scot(b));
          const after = decideEligibility(scotland(funded), scot({ ...b, [area]: raised }));
          if (before.eligible) expect(after.eligible).toBe(true);
        },
      ),
    );
  });

  it('England: an extra outcome or a met condition never turns eligible into not eligible', () => {
    fc.assert(
      fc.property(englandCase, fc.constantFrom(...OUTCOMES), (c, extra) => {
        const before = decideEligibility(england, eng(c.unable, c.impairment, c.wellbeing));
        const afterOutcome = decideEligibility(
          england,
          eng([...new Set([...c.unable, extra])], c.impairment, c.wellbeing),
        );
        const afterConditions = decideEligibility(england, eng(c.unable, true, true));
        if (before.eligible) {
          expect(afterOutcome.eligible).toBe(true);
          expect(afterConditions.eligible).toBe(true);
        }
        expect(before.eligible).toBe(c.impairment && c.wellbeing && c.unable.length >= 2);
      }),
    );
  });

  it('always gives reasons, signposts exactly when not eligible, names the evidence of every area at risk', () => {
    fc.assert(
      fc.property(bands, threshold, (b, funded) => {
        const decision = decideEligibility(scotland(funded), scot(b));
        expect(decision.reasons.length).toBeGreaterThan(0);
        expect(decision.reasons.every((r) => r.trim().length > 0)).toBe(true);
        expect(decision.signposting).toBe(!decision.eligible);
        for (const area of AREAS)
          if (b[area] !== 'none')
            expect(decision.reasons.some((r) => r.includes(`evidence for ${area}`))).toBe(true);
        expect(validateEligibilityInput(scotland(funded), scot(b))).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(englandCase, (c) => {
        const decision = decideEligibility(england, eng(c.unable, c.impairment, c.wellbeing));
        expect(decision.reasons.length).toBeGreaterThan(0);
        expect(decision.signposting).toBe(!decision.eligible);
        for (const o of c.unable)
          expect(decision.reasons.some((r) => r.includes(`cannot manage ${o}`))).toBe(true);
      }),
    );
  });
});

describe('validateEligibilityPolicy', () => {
  it('accepts a threshold that runs down from critical', () => {
    expect(validateEligibilityPolicy(scotland(['critical', 'substantial', 'moderate']))).toEqual([]);
    expect(validateEligibilityPolicy(england)).toEqual([]);
  });

  it('refuses gaps in the funded bands, unknown bands, "none" and an empty list', () => {
    expect(validateEligibilityPolicy(scotland(['critical', 'moderate']))).toEqual([
      {
        field: 'fundedBands',
        message: 'A council that funds moderate must also fund every more serious band: add substantial.',
      },
    ]);
    expect(validateEligibilityPolicy(scotland(['critical', 'severe' as ScotlandBand]))[0]?.field).toBe(
      'fundedBands[1]',
    );
    expect(validateEligibilityPolicy(scotland(['none']))[0]?.field).toBe('fundedBands[0]');
    expect(validateEligibilityPolicy(scotland([]))[0]?.field).toBe('fundedBands');
  });

  it('needs a version name and a review route', () => {
    const fields = validateEligibilityPolicy({ ...england, versionLabel: ' ', reviewRoute: '' }).map(
      (e) => e.field,
    );
    expect(fields).toEqual(['versionLabel', 'reviewRoute']);
  });
});

describe('validateEligibilityInput', () => {
  it('asks for evidence for any area rated above no risk', () => {
    const assessment = scot({ autonomy: 'moderate' });
    assessment.areas.autonomy.evidence = '  ';
    expect(validateEligibilityInput(scotland(), assessment)).toEqual([
      { field: 'areas.autonomy.evidence', message: 'Say what shows a moderate risk for autonomy.' },
    ]);
  });

  it('refuses unknown bands, missing and unknown areas', () => {
    const assessment = scot();
    (assessment.areas as Record<string, unknown>)['community'] = { band: 'high', evidence: 'x' };
    delete (assessment.areas as Partial<ScotlandAssessment['areas']>).autonomy;
    (assessment.areas as Record<string, unknown>)['finance'] = { band: 'low', evidence: 'x' };
    expect(validateEligibilityInput(scotland(), assessment).map((e) => e.field)).toEqual([
      'areas.autonomy.band',
      'areas.community.band',
      'areas.finance',
    ]);
  });

  it('asks which order requires support', () => {
    const errors = validateEligibilityInput(scotland(), {
      ...scot(),
      statutoryOrder: { kind: 'court', detail: '' },
    });
    expect(errors.map((e) => e.field)).toEqual(['statutoryOrder.detail']);
  });

  it('checks England evidence, outcome names and reasons', () => {
    const assessment: EnglandAssessment = {
      framework: 'england',
      impairment: { met: true, evidence: '' },
      outcomes: {
        nutrition: { unable: ['needs_assistance'], evidence: '' },
        ['gardening' as CareActOutcome]: { unable: ['needs_assistance'], evidence: 'x' },
        clothing: { unable: ['too_hard' as UnableReason], evidence: 'x' },
      },
      wellbeing: { significantImpact: true, evidence: '' },
    };
    expect(validateEligibilityInput(england, assessment).map((e) => e.field)).toEqual([
      'impairment.evidence',
      'outcomes.nutrition.evidence',
      'outcomes.gardening',
      'outcomes.clothing.unable[0]',
      'wellbeing.evidence',
    ]);
    expect(validateEligibilityInput(england, eng(['nutrition', 'clothing']))).toEqual([]);
  });

  it('says when the assessment is for the other framework', () => {
    expect(validateEligibilityInput(scotland(), eng([]))).toEqual([
      { field: 'framework', message: 'This council decides under the scotland rules.' },
    ]);
  });

  it('finds every missing evidence for random assessments', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AREAS),
        fc.constantFrom<ScotlandBand>('critical', 'substantial', 'moderate', 'low'),
        (area, band) => {
          const assessment = scot({ [area]: band });
          assessment.areas[area].evidence = '';
          expect(validateEligibilityInput(scotland(), assessment)).toEqual([
            expect.objectContaining({ field: `areas.${area}.evidence` }),
          ]);
        },
      ),
    );
  });
});
