import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessEnglishContribution,
  assessScottishContribution,
  type ChargingAssessment,
  type EnglishChargingPolicy,
  type Income,
  type ScottishChargingPolicy,
  tariffIncome,
  validateChargingPolicy,
} from './rules.ts';

// Example figures for tests only; real figures are loaded as versioned policy data.
const scotland: ScottishChargingPolicy = {
  nation: 'scotland',
  versionLabel: 'Example council 2026/27 v1',
  thresholdWeekly: { under_pension_age: 25_000, pension_age: 30_000 },
  taperBasisPoints: 7_000,
  disregardedIncomeKinds: ['pip_mobility', 'war_pension'],
};

const england: EnglishChargingPolicy = {
  nation: 'england',
  versionLabel: 'Example council 2026/27 v1',
  minimumIncomeGuarantee: {
    single_25_to_pension_age: { label: 'single, aged 25 to State Pension age', weekly: 13_000 },
    pension_age: { label: 'State Pension age or over', weekly: 23_000 },
  },
  capitalUpperLimit: 2_325_000,
  capitalLowerLimit: 1_425_000,
  tariffIncomePerStep: 100,
  tariffCapitalStep: 25_000,
  taperBasisPoints: 10_000,
  disregardedIncomeKinds: ['pip_mobility'],
};

const sumLines = (a: ChargingAssessment) => a.explanation.lines.reduce((s, l) => s + l.amount, 0);
const step = (a: ChargingAssessment, kind: string) => a.steps.find((s) => s.kind === kind)?.amount;

describe('Scotland', () => {
  const input = {
    ageGroup: 'pension_age' as const,
    incomes: [
      { kind: 'state_pension', label: 'State Pension', weeklyAmount: 23_000 },
      { kind: 'occupational_pension', label: 'Works pension', weeklyAmount: 15_000 },
      { kind: 'pip_mobility', label: 'PIP mobility', weeklyAmount: 7_500 },
    ],
    chargeableServices: [
      { label: 'Help with washing and dressing', weeklyCost: 20_000, freePersonalCare: true },
      { label: 'Day centre', weeklyCost: 4_000, freePersonalCare: false },
    ],
  };

  it('shows each line, from income to contribution, and stops at the cost of the chargeable service', () => {
    const result = assessScottishContribution(scotland, input);
    expect(result.weeklyContribution).toBe(4_000);
    expect(result.explanation.lines.map((l) => [l.label, l.amount])).toEqual([
      ['State Pension (counted)', 23_000],
      ['Works pension (counted)', 15_000],
      ['PIP mobility (£75.00 a week) is not counted: the policy disregards it', 0],
      ['Less the income you keep (threshold for people State Pension age or over: £300.00 a week)', -30_000],
      ['Less the 30% of it that the taper leaves with you', -2_400],
      ['Less the part above the cost of your chargeable services (£40.00 a week)', -1_600],
    ]);
    expect(result.explanation.lines[0]!.policyVersion).toBe('Charging policy Example council 2026/27 v1');
    expect(step(result, 'assessable_income')).toBe(38_000);
    expect(step(result, 'income_above_threshold')).toBe(8_000);
    expect(step(result, 'maximum_charge')).toBe(5_600);
    expect(step(result, 'chargeable_cost')).toBe(4_000);
    expect(result.steps.find((s) => s.kind === 'service_free')?.label).toMatch(/free in Scotland/);
  });

  it('charges the taper when the service costs more, rounding half up', () => {
    const result = assessScottishContribution(scotland, {
      ...input,
      incomes: [{ kind: 'state_pension', label: 'State Pension', weeklyAmount: 33_333 }],
      chargeableServices: [{ label: 'Day centre', weeklyCost: 50_000, freePersonalCare: false }],
    });
    expect(result.weeklyContribution).toBe(2_333); // 70% of £33.33 = £23.331
    expect(sumLines(result)).toBe(2_333);
  });

  it('charges nothing at or below the threshold, or when all care is free', () => {
    const low = assessScottishContribution(scotland, {
      ...input,
      ageGroup: 'under_pension_age',
      incomes: [],
    });
    expect(low.weeklyContribution).toBe(0);
    expect(low.explanation.lines.at(-1)!.label).toBe(
      'Your income is not above what you keep, so you pay nothing',
    );
    const free = assessScottishContribution(scotland, {
      ...input,
      chargeableServices: [input.chargeableServices[0]!],
    });
    expect(free.weeklyContribution).toBe(0);
  });

  it('refuses an unusable policy', () => {
    expect(() => assessScottishContribution({ ...scotland, taperBasisPoints: 12_000 }, input)).toThrow(
      RangeError,
    );
  });
});

describe('England', () => {
  const input = {
    migBand: 'single_25_to_pension_age',
    incomes: [
      { kind: 'esa', label: 'Employment and Support Allowance', weeklyAmount: 20_000 },
      { kind: 'pip_daily_living', label: 'PIP daily living', weeklyAmount: 10_000 },
      { kind: 'pip_mobility', label: 'PIP mobility', weeklyAmount: 7_000 },
    ],
    disabilityRelatedExpenditure: [
      { label: 'Extra laundry', weeklyAmount: 1_000 },
      { label: 'Extra heating', weeklyAmount: 1_500 },
    ],
    capital: 1_500_000,
    chargeableServices: [{ label: 'Home care', weeklyCost: 25_000 }],
  };

  it('counts tariff income, keeps the MIG and disability-related spending, and explains each line', () => {
    const result = assessEnglishContribution(england, input);
    expect(result.explanation.lines.map((l) => [l.label, l.amount])).toEqual([
      ['Employment and Support Allowance (counted)', 20_000],
      ['PIP daily living (counted)', 10_000],
      ['PIP mobility (£70.00 a week) is not counted: the policy disregards it', 0],
      ['Tariff income from capital: £750.00 over £14,250.00 is 3 steps of £250.00 (or part) × £1.00', 300],
      ['Less your minimum income guarantee (single, aged 25 to State Pension age: £130.00 a week)', -13_000],
      ['Less disability-related expense: Extra laundry', -1_000],
      ['Less disability-related expense: Extra heating', -1_500],
    ]);
    expect(result.weeklyContribution).toBe(14_800);
    expect(step(result, 'assessable_income')).toBe(30_300);
  });

  it('works tariff income per £250 or part of £250 between the limits', () => {
    expect(tariffIncome(england, 1_425_000)).toBe(0);
    expect(tariffIncome(england, 1_425_001)).toBe(100);
    expect(tariffIncome(england, 1_450_000)).toBe(100);
    expect(tariffIncome(england, 1_450_001)).toBe(200);
    expect(tariffIncome(england, 2_325_000)).toBe(3_600);
  });

  it('charges the full cost above the upper capital limit, and says why', () => {
    const result = assessEnglishContribution(england, { ...input, capital: 2_325_001 });
    expect(result.weeklyContribution).toBe(25_000);
    expect(result.explanation.lines.map((l) => l.label)).toEqual(['Home care (full cost)']);
    expect(result.explanation.notes.join(' ')).toMatch(/above the upper limit of £23,250.00/);
  });

  it('refuses an unknown minimum income guarantee band', () => {
    expect(() => assessEnglishContribution(england, { ...input, migBand: 'nope' })).toThrow(
      /no minimum income guarantee/,
    );
  });
});

describe('validateChargingPolicy', () => {
  it('accepts the example policies', () => {
    expect(validateChargingPolicy(scotland)).toEqual([]);
    expect(validateChargingPolicy(england)).toEqual([]);
  });

  it('names each field that is wrong', () => {
    expect(
      validateChargingPolicy({
        ...scotland,
        versionLabel: ' ',
        taperBasisPoints: -1,
        thresholdWeekly: { under_pension_age: -5, pension_age: 1.5 },
        disregardedIncomeKinds: [''],
      }).map((e) => e.field),
    ).toEqual([
      'versionLabel',
      'taperBasisPoints',
      'disregardedIncomeKinds.0',
      'thresholdWeekly.under_pension_age',
      'thresholdWeekly.pension_age',
    ]);
    expect(
      validateChargingPolicy({
        ...england,
        taperBasisPoints: 10_001,
        minimumIncomeGuarantee: { x: { label: '', weekly: -1 } },
        capitalLowerLimit: 3_000_000,
        tariffCapitalStep: 0,
      }).map((e) => e.field),
    ).toEqual([
      'taperBasisPoints',
      'minimumIncomeGuarantee.x.weekly',
      'minimumIncomeGuarantee.x.label',
      'capitalLowerLimit',
      'tariffCapitalStep',
    ]);
    expect(validateChargingPolicy({ ...england, minimumIncomeGuarantee: {} }).map((e) => e.field)).toEqual([
      'minimumIncomeGuarantee',
    ]);
  });
});

const pence = (max: number) => fc.integer({ min: 0, max });
const incomesArb = fc.array(
  fc.record({
    kind: fc.constantFrom('state_pension', 'esa', 'pip_mobility', 'war_pension', 'wages'),
    label: fc.constant('Income'),
    weeklyAmount: pence(100_000),
  }),
  { maxLength: 5 },
);
const scottishPolicyArb = fc.record({
  nation: fc.constant('scotland' as const),
  versionLabel: fc.constant('p'),
  thresholdWeekly: fc.record({ under_pension_age: pence(60_000), pension_age: pence(60_000) }),
  taperBasisPoints: fc.integer({ min: 0, max: 10_000 }),
  disregardedIncomeKinds: fc.subarray(['pip_mobility', 'war_pension', 'esa']),
});
const scottishInputArb = fc.record({
  incomes: incomesArb,
  chargeableServices: fc.array(
    fc.record({ label: fc.constant('S'), weeklyCost: pence(100_000), freePersonalCare: fc.boolean() }),
    { maxLength: 4 },
  ),
  ageGroup: fc.constantFrom('under_pension_age' as const, 'pension_age' as const),
});
const englishPolicyArb = fc
  .record({
    lower: pence(3_000_000),
    extra: pence(3_000_000),
    perStep: pence(500),
    step: fc.integer({ min: 1, max: 100_000 }),
    taper: fc.integer({ min: 0, max: 10_000 }),
    mig: pence(60_000),
  })
  .map(
    (r): EnglishChargingPolicy => ({
      ...england,
      capitalLowerLimit: r.lower,
      capitalUpperLimit: r.lower + r.extra,
      tariffIncomePerStep: r.perStep,
      tariffCapitalStep: r.step,
      taperBasisPoints: r.taper,
      minimumIncomeGuarantee: { band: { label: 'band', weekly: r.mig } },
    }),
  );
const englishInputArb = fc.record({
  incomes: incomesArb,
  disabilityRelatedExpenditure: fc.array(fc.record({ label: fc.constant('D'), weeklyAmount: pence(5_000) }), {
    maxLength: 3,
  }),
  capital: pence(7_000_000),
  chargeableServices: fc.array(fc.record({ label: fc.constant('S'), weeklyCost: pence(100_000) }), {
    maxLength: 4,
  }),
  migBand: fc.constant('band'),
});

/** The same incomes with one of them lowered. */
function lowerOne(incomes: readonly Income[], which: number, by: number): Income[] {
  return incomes.map((inc, i) =>
    i === which % Math.max(1, incomes.length)
      ? { ...inc, weeklyAmount: Math.max(0, inc.weeklyAmount - by) }
      : inc,
  );
}

function commonChecks(result: ChargingAssessment, chargeableCost: number): void {
  expect(Number.isSafeInteger(result.weeklyContribution)).toBe(true);
  expect(result.weeklyContribution).toBeGreaterThanOrEqual(0);
  expect(result.weeklyContribution).toBeLessThanOrEqual(chargeableCost);
  expect(sumLines(result)).toBe(result.weeklyContribution);
  expect(result.explanation.total).toBe(result.weeklyContribution);
  for (const line of result.explanation.lines) expect(Number.isSafeInteger(line.amount)).toBe(true);
}

describe('charging properties', () => {
  it('Scotland: within cost, keeps the threshold, lines sum, never rises when income falls', () => {
    fc.assert(
      fc.property(
        scottishPolicyArb,
        scottishInputArb,
        fc.nat(),
        pence(100_000),
        (policy, input, which, by) => {
          const result = assessScottishContribution(policy, input);
          const cost = input.chargeableServices
            .filter((s) => !s.freePersonalCare)
            .reduce((s, x) => s + x.weeklyCost, 0);
          commonChecks(result, cost);
          const income = step(result, 'assessable_income')!;
          const threshold = policy.thresholdWeekly[input.ageGroup];
          if (income >= threshold)
            expect(income - result.weeklyContribution).toBeGreaterThanOrEqual(threshold);
          else expect(result.weeklyContribution).toBe(0);
          const poorer = assessScottishContribution(policy, {
            ...input,
            incomes: lowerOne(input.incomes, which, by),
          });
          expect(poorer.weeklyContribution).toBeLessThanOrEqual(result.weeklyContribution);
        },
      ),
    );
  });

  it('England: within cost, keeps the MIG and disability spending, lines sum, never rises when income or capital falls', () => {
    fc.assert(
      fc.property(
        englishPolicyArb,
        englishInputArb,
        fc.nat(),
        pence(100_000),
        pence(7_000_000),
        (policy, input, which, by, less) => {
          const result = assessEnglishContribution(policy, input);
          const cost = input.chargeableServices.reduce((s, x) => s + x.weeklyCost, 0);
          commonChecks(result, cost);
          if (input.capital <= policy.capitalUpperLimit) {
            const income = step(result, 'assessable_income')!;
            const keeps =
              policy.minimumIncomeGuarantee['band']!.weekly +
              input.disabilityRelatedExpenditure.reduce((s, d) => s + d.weeklyAmount, 0);
            if (income >= keeps) expect(income - result.weeklyContribution).toBeGreaterThanOrEqual(keeps);
            else expect(result.weeklyContribution).toBe(0);
          } else {
            expect(result.weeklyContribution).toBe(cost);
          }
          const poorer = assessEnglishContribution(policy, {
            ...input,
            incomes: lowerOne(input.incomes, which, by),
          });
          expect(poorer.weeklyContribution).toBeLessThanOrEqual(result.weeklyContribution);
          const lessCapital = assessEnglishContribution(policy, {
            ...input,
            capital: Math.max(0, input.capital - less),
          });
          expect(lessCapital.weeklyContribution).toBeLessThanOrEqual(result.weeklyContribution);
        },
      ),
    );
  });
});
