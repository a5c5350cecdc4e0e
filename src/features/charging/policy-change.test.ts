import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contributionEffect,
  explainPolicy,
  policyChanges,
  policyComparison,
  recomputeContribution,
  type StoredAssessment,
} from './policy-change.ts';
import type { EnglishChargingPolicy, ScottishChargingPolicy } from './rules.ts';
import { DEMO_ENGLISH_POLICY, DEMO_SCOTTISH_POLICY } from './seed.ts';

const scotland = DEMO_SCOTTISH_POLICY as ScottishChargingPolicy;
const england = DEMO_ENGLISH_POLICY as EnglishChargingPolicy;

const person = (weeklyIncome: number, band = 'under_pension_age'): StoredAssessment => ({
  personId: `p-${weeklyIncome}`,
  band,
  incomes: [{ kind: 'esa', label: 'ESA', weeklyAmount: weeklyIncome, evidence: 'letter' }],
  capital: [],
  expenses: [],
  services: [{ label: 'Support at home', weeklyCost: 50_000, freePersonalCare: false }],
  weeklyContribution: 0,
});
const assessedUnder = (policy: ScottishChargingPolicy | EnglishChargingPolicy, stored: StoredAssessment) => ({
  ...stored,
  weeklyContribution: recomputeContribution(policy, stored) ?? 0,
});

describe('charging policy change', () => {
  it('lists each figure old → new', () => {
    // Scottish Borders 2025/26: threshold under pension age £170, taper 75 % (scotborders.gov.uk).
    const next: ScottishChargingPolicy = {
      ...scotland,
      versionLabel: 'v2',
      taperBasisPoints: 7_500,
      thresholdWeekly: { ...scotland.thresholdWeekly, under_pension_age: 24_000 },
    };
    expect(policyChanges(scotland, next)).toEqual([
      { field: 'versionLabel', label: 'Version label', from: scotland.versionLabel, to: 'v2' },
      { field: 'taperPercent', label: 'Taper', from: '60%', to: '75%' },
      {
        field: 'thresholdWeekly.under_pension_age',
        label: 'Weekly income threshold, under State Pension age',
        from: '£235.00',
        to: '£240.00',
      },
    ]);
    expect(policyChanges(england, { ...england, capitalUpperLimit: 2_400_000 })).toEqual([
      { field: 'capitalUpperLimit', label: 'Upper capital limit', from: '£23,250.00', to: '£24,000.00' },
    ]);
  });

  it('raising the threshold lowers the contribution of everyone above it, and no one else', () => {
    const current = [person(20_000), person(30_000), person(40_000)].map((p) => assessedUnder(scotland, p));
    const raised = {
      ...scotland,
      thresholdWeekly: { ...scotland.thresholdWeekly, under_pension_age: 25_000 },
    };
    // £300 and £400 incomes are above both thresholds: each pays 60 % of £15 less = £9 a week less.
    expect(contributionEffect(raised, current)).toEqual({
      assessed: 3,
      changed: 2,
      increased: 0,
      decreased: 2,
      totalWeeklyChange: -1_800,
      notRecomputed: 0,
    });
  });

  it('the same policy changes nobody; an English band the new version lacks is counted, not guessed', () => {
    const current = [person(30_000, 'single_25_to_pension_age'), person(50_000, 'pension_age')].map((p) =>
      assessedUnder(england, p),
    );
    expect(contributionEffect(england, current).changed).toBe(0);
    const { pension_age: _, ...bands } = england.minimumIncomeGuarantee;
    const fewer = { ...england, minimumIncomeGuarantee: bands };
    expect(contributionEffect(fewer, current)).toMatchObject({ changed: 0, notRecomputed: 1 });
  });

  it('the total change is the sum of each person’s change', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 10_000 }),
        (incomes, taper) => {
          const current = incomes.map((i) => assessedUnder(scotland, person(i)));
          const next = { ...scotland, taperBasisPoints: taper };
          const effect = contributionEffect(next, current);
          const expected = current.reduce(
            (sum, p) => sum + ((recomputeContribution(next, p) ?? 0) - p.weeklyContribution),
            0,
          );
          expect(effect.totalWeeklyChange).toBe(expected);
          expect(effect.increased + effect.decreased).toBe(effect.changed);
        },
      ),
    );
  });
});

describe('every figure old → new, and the figures explained', () => {
  it('lists unchanged figures too, marking those that change', () => {
    const next: ScottishChargingPolicy = { ...scotland, taperBasisPoints: 7_500 };
    const rows = policyComparison(scotland, next);
    expect(rows.map((r) => r.field)).toEqual([
      'versionLabel',
      'taperPercent',
      'thresholdWeekly.under_pension_age',
      'thresholdWeekly.pension_age',
      'disregardedIncomeKinds',
    ]);
    expect(rows.filter((r) => r.changed).map((r) => [r.from, r.to])).toEqual([['60%', '75%']]);
    expect(policyComparison(null, next).every((r) => r.from === 'Not set')).toBe(true);
  });

  it('explains each figure of the nation’s rules with where such figures come from', () => {
    const scottish = explainPolicy(scotland);
    expect(scottish.map((f) => f.label)).toContain('Taper');
    expect(scottish.find((f) => f.label.includes('under State Pension age'))).toMatchObject({
      value: '£235.00',
      explanation: expect.stringMatching(/COSLA/),
    });
    const english = explainPolicy(england);
    expect(english.find((f) => f.label === 'Upper capital limit')).toMatchObject({
      value: '£23,250.00',
      explanation: expect.stringMatching(/DHSC/),
    });
    expect(english.find((f) => f.label === 'Tariff income')?.value).toBe('£1.00 a week for each £250.00');
    expect(english.some((f) => f.label === 'Disability-related expenditure')).toBe(true);
  });
});
