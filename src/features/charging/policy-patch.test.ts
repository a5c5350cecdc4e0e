import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPolicyPatch } from './policy-patch.ts';
import { MAX_POLICY_PENCE } from './policy.ts';
import { DEMO_ENGLISH_POLICY, DEMO_SCOTTISH_POLICY } from './seed.ts';

// Scottish Borders 2025/26: thresholds £170 / £284 a week, taper 75 % (scotborders.gov.uk).
// England: capital limits £14,250 / £23,250, £1 a week per £250 (DHSC local authority circular 2024/25).
describe('a charging policy patch', () => {
  it('lays the figures sent over a copy of the base and keeps the rest', () => {
    const result = applyPolicyPatch(DEMO_SCOTTISH_POLICY, {
      versionLabel: ' Borders figures ',
      thresholdWeekly: { under_pension_age: 17_000 },
      taperBasisPoints: 7_500,
    });
    expect(result).toEqual({
      ok: true,
      policy: {
        ...DEMO_SCOTTISH_POLICY,
        versionLabel: 'Borders figures',
        thresholdWeekly: { under_pension_age: 17_000, pension_age: 31_000 },
        taperBasisPoints: 7_500,
      },
    });
    expect(DEMO_SCOTTISH_POLICY.versionLabel).toMatch(/Demo Council/);
  });

  it('refuses, by name, a figure of the other nation’s rules', () => {
    expect(applyPolicyPatch(DEMO_SCOTTISH_POLICY, { capitalUpperLimit: 2_325_000 })).toEqual({
      ok: false,
      errors: [{ field: 'capitalUpperLimit', message: expect.stringMatching(/Scotland’s rules/) }],
    });
    const england = applyPolicyPatch(DEMO_ENGLISH_POLICY, { thresholdWeekly: { pension_age: 1 } });
    expect(england.ok === false && england.errors.map((e) => e.field)).toEqual(['thresholdWeekly']);
  });

  it('replaces England’s bands and checks every figure with the rules', () => {
    const result = applyPolicyPatch(DEMO_ENGLISH_POLICY, {
      minimumIncomeGuarantee: { single_25_plus: { label: 'single, 25 or over', weekly: 11_250 } },
      capitalLowerLimit: 1_425_000,
      capitalUpperLimit: 2_325_000,
      tariffCapitalStep: 0,
    });
    expect(result.ok === false && result.errors.map((e) => e.field)).toEqual(['tariffCapitalStep']);
  });

  it('never accepts a figure outside 0 to £10,000,000 in whole pence', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true }).filter((n) => !Number.isSafeInteger(n)),
          fc.integer({ max: -1 }),
          fc.integer({ min: MAX_POLICY_PENCE + 1 }),
        ),
        (bad) => {
          const result = applyPolicyPatch(DEMO_SCOTTISH_POLICY, { thresholdWeekly: { pension_age: bad } });
          return result.ok === false && result.errors.some((e) => e.field === 'thresholdWeekly.pension_age');
        },
      ),
    );
  });
});
