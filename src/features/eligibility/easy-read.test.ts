import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easyReadProblems } from '../../platform/easy-read/index.ts';
import { eligibilityEasyRead } from './easy-read.ts';
import {
  CARE_ACT_OUTCOMES,
  type CareActOutcome,
  decideEligibility,
  type EligibilityAssessment,
  SCOTLAND_BANDS,
  SCOTLAND_RISK_AREAS,
  type ScotlandBand,
  UNABLE_REASONS,
  type UnableReason,
} from './rules.ts';
import { ASSESSMENTS, DEMO_ELIGIBILITY_POLICY } from './seed.ts';

const band = fc.constantFrom(...(Object.keys(SCOTLAND_BANDS) as ScotlandBand[]));
const evidence = fc.string();
const scotland: fc.Arbitrary<EligibilityAssessment> = fc.record({
  framework: fc.constant('scotland' as const),
  areas: fc.record({
    autonomy: fc.record({ band, evidence }),
    health_safety: fc.record({ band, evidence }),
    daily_routines: fc.record({ band, evidence }),
    community: fc.record({ band, evidence }),
  }),
});
const england: fc.Arbitrary<EligibilityAssessment> = fc.record({
  framework: fc.constant('england' as const),
  impairment: fc.record({ met: fc.boolean(), evidence }),
  outcomes: fc.dictionary(
    fc.constantFrom(...(Object.keys(CARE_ACT_OUTCOMES) as CareActOutcome[])),
    fc.record({
      unable: fc.subarray(Object.keys(UNABLE_REASONS) as UnableReason[]),
      evidence,
    }),
  ) as fc.Arbitrary<Partial<Record<CareActOutcome, { unable: UnableReason[]; evidence: string }>>>,
  wellbeing: fc.record({ significantImpact: fc.boolean(), evidence }),
});

describe('the eligibility decision in Easy Read', () => {
  it('keeps its rules for any decision, in Scotland and in England, and before one is made', () => {
    fc.assert(
      fc.property(
        fc.oneof(scotland, england),
        fc.boolean(),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.string(),
        (assessment, eligible, on, decidedByName) => {
          const lines = eligibilityEasyRead({
            decision: { assessment, eligible, decidedOn: on.toISOString().slice(0, 10), decidedByName },
          });
          expect(easyReadProblems(lines)).toEqual([]);
        },
      ),
    );
    expect(easyReadProblems(eligibilityEasyRead({ decision: null }))).toEqual([]);
  });

  it('keeps its rules for every demo decision, and says what was found in the rules’ plain words', () => {
    for (const assessment of ASSESSMENTS) {
      const { eligible } = decideEligibility(DEMO_ELIGIBILITY_POLICY, assessment);
      const lines = eligibilityEasyRead({
        decision: { assessment, eligible, decidedOn: '2026-10-01', decidedByName: 'Sam Okafor' },
      });
      expect(easyReadProblems(lines)).toEqual([]);
      const texts = lines.map((l) => l.text);
      expect(texts).toContain(
        eligible ? 'The council can pay for your support.' : 'The council will not pay for your support.',
      );
      expect(texts).toContain(
        `For ${SCOTLAND_RISK_AREAS.autonomy.plain}, we found ${SCOTLAND_BANDS[assessment.areas.autonomy.band].plain}.`,
      );
      expect(texts).toContain('We decided this on 1 October 2026.');
    }
  });
});
