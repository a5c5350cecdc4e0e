import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decisionImpact,
  describePolicy,
  type EligibilityPolicyDraft,
  eligibilityDraftErrors,
  FUNDABLE_BANDS,
  LIMITS,
  policyChanges,
  policyOf,
} from './policy-rules.ts';
import { type EligibilityAssessment, SCOTLAND_BANDS, type ScotlandBand, severity } from './rules.ts';

const good: EligibilityPolicyDraft = {
  versionLabel: 'Criteria 2027',
  effectiveFrom: '2027-04-01',
  fundedBands: ['critical', 'substantial'],
  reviewRoute: 'Ask your social worker.',
  signposting: { text: 'Help near you.', links: [{ text: 'ALISS', href: 'https://www.aliss.org' }] },
};
const bands = Object.keys(SCOTLAND_BANDS) as ScotlandBand[];
const band = fc.constantFrom(...bands);
const assessment: fc.Arbitrary<EligibilityAssessment> = fc
  .record({ autonomy: band, health_safety: band, daily_routines: band, community: band })
  .map((b) => ({
    framework: 'scotland' as const,
    areas: Object.fromEntries(
      Object.entries(b).map(([area, value]) => [area, { band: value, evidence: 'Seen.' }]),
    ) as Extract<EligibilityAssessment, { framework: 'scotland' }>['areas'],
  }));
/** A lawful funded set: every band from critical down to a threshold. */
const threshold = fc.integer({ min: 1, max: FUNDABLE_BANDS.length }).map((n) => FUNDABLE_BANDS.slice(0, n));

describe('eligibility policy drafts', () => {
  it('accepts a good draft, and for England ignores bands', () => {
    expect(eligibilityDraftErrors('scotland', good)).toEqual([]);
    expect(eligibilityDraftErrors('england', { ...good, fundedBands: ['low'] })).toEqual([]);
    expect(policyOf('england', good)).toEqual({
      framework: 'england',
      versionLabel: 'Criteria 2027',
      reviewRoute: 'Ask your social worker.',
    });
  });

  it('names every wrong field by the form’s own names, never by a band’s position', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }),
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 30 }),
        (fundedBands, versionLabel, href) => {
          const errors = eligibilityDraftErrors('scotland', {
            ...good,
            versionLabel,
            fundedBands,
            signposting: { text: 'Help.', links: [{ text: 'Link', href }] },
          });
          for (const e of errors)
            expect([
              'versionLabel',
              'fundedBands',
              'signposting.links',
              'reviewRoute',
              'signposting.text',
            ]).toContain(e.field);
          const labelOk = versionLabel.trim() !== '' && versionLabel.trim().length <= LIMITS.versionLabel;
          expect(errors.some((e) => e.field === 'versionLabel')).toBe(!labelOk);
        },
      ),
    );
  });

  it('refuses a funded set with a hole and accepts every set from critical down', () => {
    fc.assert(
      fc.property(fc.subarray([...FUNDABLE_BANDS]), (funded) => {
        const lawful =
          funded.length > 0 &&
          funded.every((b, i, all) => i === 0 || severity(all[i - 1]!) - severity(b) === 1) &&
          funded[0] === 'critical';
        const errors = eligibilityDraftErrors('scotland', { ...good, fundedBands: funded });
        expect(errors.some((e) => e.field === 'fundedBands')).toBe(!lawful);
      }),
    );
  });

  it('describes each setting, marking exactly the changed ones', () => {
    const before = { content: policyOf('scotland', good), signposting: good.signposting };
    const after = {
      content: policyOf('scotland', { ...good, fundedBands: ['critical'] }),
      signposting: good.signposting,
    };
    const changes = policyChanges(before, after);
    expect(changes.filter((c) => c.changed).map((c) => c.key)).toEqual([
      'Risk bands the council meets',
      'Risk bands given advice and signposting',
    ]);
    expect(policyChanges(before, before).every((c) => !c.changed)).toBe(true);
    expect(
      describePolicy({ content: policyOf('england', good), signposting: good.signposting })[1]!.key,
    ).toBe('Eligibility test');
  });
});

describe('how many standing decisions a draft would decide differently', () => {
  it('counts nothing when the bands are the same, and only gains when a band is added', () => {
    fc.assert(
      fc.property(threshold, threshold, fc.array(assessment, { maxLength: 20 }), (now, then, assessments) => {
        const current = policyOf('scotland', { ...good, fundedBands: now });
        const draft = policyOf('scotland', { ...good, fundedBands: then });
        const impact = decisionImpact(current, draft, assessments);
        expect(impact.considered).toBe(assessments.length);
        if (then.length >= now.length) expect(impact.becomeNotEligible).toBe(0);
        if (then.length <= now.length) expect(impact.becomeEligible).toBe(0);
        expect(decisionImpact(current, current, assessments)).toEqual({
          considered: assessments.length,
          becomeEligible: 0,
          becomeNotEligible: 0,
        });
      }),
    );
  });

  it('never changes an English decision: the test is set in law', () => {
    const england = policyOf('england', good);
    expect(decisionImpact(england, { ...england, reviewRoute: 'Write to us.' }, [])).toEqual({
      considered: 0,
      becomeEligible: 0,
      becomeNotEligible: 0,
    });
  });
});
