import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDiv, ROUNDING_NOTE, sumPence } from '../../platform/money/index.ts';
import {
  agreedBudget,
  type AssessedNeed,
  type BudgetInputError,
  type BudgetPolicy,
  compareBudgets,
  computeBudget,
  MAX_UNIT_RATE_PENCE,
  NOT_RECORDED,
  type RepricingRow,
  summariseRepricing,
  validateBudgetInput,
  validateBudgetPolicy,
  whatIf,
} from './rules.ts';

const policy: BudgetPolicy = {
  versionLabel: 'Budget policy 2026/27 v2',
  supportUnits: [
    { code: 'PA', name: 'personal assistant support', unit: 'hour', ratePence: 2140 },
    { code: 'DAY', name: 'day opportunities', unit: 'session', ratePence: 4575 },
    { code: 'SLEEP', name: 'overnight support', unit: 'night', ratePence: 11_333 },
  ],
  contingencyBasisPoints: 500,
};

const need = (outcomeRef: string, unitCode: string, quantityPerWeek: number): AssessedNeed => ({
  outcomeRef,
  outcomeLabel: `Outcome ${outcomeRef}`,
  unitCode,
  quantityPerWeek,
});

function errorsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return (error as BudgetInputError).errors.map((e) => e.field);
  }
  return [];
}

describe('computeBudget', () => {
  it('shows one line per need, then contingency, and totals them', () => {
    const budget = computeBudget(policy, [
      { outcomeRef: 'o1', outcomeLabel: 'Getting out and about', unitCode: 'PA', quantityPerWeek: 12 },
      need('o2', 'DAY', 2.5),
      need('o3', 'SLEEP', 1),
    ]);
    expect(budget.lines).toEqual([
      {
        label: 'Getting out and about: 12 hours a week of personal assistant support × £21.40 an hour',
        amount: 25_680,
        rule: 'Rate: personal assistant support',
        policyVersion: 'Budget policy 2026/27 v2',
        quantity: 12,
        unitRate: 2140,
      },
      expect.objectContaining({
        label: 'Outcome o2: 2.5 sessions a week of day opportunities × £45.75 a session',
        amount: 11_438, // 114.375 → rounds half up
      }),
      expect.objectContaining({
        label: 'Outcome o3: 1 night a week of overnight support × £113.33 a night',
        amount: 11_333,
      }),
      {
        label: 'Contingency for the unexpected: 5% of £484.51 a week',
        amount: 2423, // 2422.55 → 2423
        rule: 'Contingency: 5% of weekly support',
        policyVersion: 'Budget policy 2026/27 v2',
      },
    ]);
    expect(budget.weekly).toBe(50_874);
    expect(budget.total).toBe(50_874);
    expect(budget.annual).toBe(50_874 * 52);
    expect(budget.notes).toEqual([
      'Weekly budget: £484.51 support + £24.23 contingency = £508.74 a week.',
      'Yearly budget: £508.74 a week × 52 weeks = £26,454.48 a year.',
      ROUNDING_NOTE,
    ]);
    expect(budget.oneOffTotal).toBe(0);
  });

  it('keeps one-off costs apart from the weekly budget', () => {
    const budget = computeBudget(
      policy,
      [need('o1', 'PA', 1)],
      [
        { label: 'Riser recliner chair', amount: 45_000, reason: 'Getting up safely without help' },
        { label: 'Tablet for video calls', amount: 12_999, reason: 'Keeping in touch with family' },
      ],
    );
    expect(budget.oneOffTotal).toBe(57_999);
    expect(budget.oneOffLines[0]).toEqual({
      label: 'Riser recliner chair',
      amount: 45_000,
      rule: 'One-off: Getting up safely without help',
      policyVersion: 'Budget policy 2026/27 v2',
    });
    expect(budget.weekly).toBe(2140 + 107);
    expect(budget.notes[2]).toBe('One-off costs, paid once and not part of the weekly budget: £579.99.');
  });

  it('states a contingency of 0% and fractional percentages plainly', () => {
    expect(computeBudget({ ...policy, contingencyBasisPoints: 0 }, [need('o', 'PA', 1)]).lines[1]!.rule).toBe(
      'Contingency: 0% of weekly support',
    );
    expect(
      computeBudget({ ...policy, contingencyBasisPoints: 250 }, [need('o', 'PA', 1)]).lines[1]!.label,
    ).toMatch(/2.5% of £21.40/);
  });

  it('refuses the same outcome and unit costed twice, and other bad input', () => {
    expect(errorsOf(() => computeBudget(policy, [need('o1', 'PA', 2), need('o1', 'PA', 3)]))).toEqual([
      'needs[1].unitCode',
    ]);
    expect(errorsOf(() => computeBudget(policy, [need('o1', 'PA', 2), need('o1', 'DAY', 3)]))).toEqual([]);
    expect(errorsOf(() => computeBudget(policy, [need('o1', 'GYM', 1)]))).toEqual(['needs[0].unitCode']);
    expect(errorsOf(() => computeBudget(policy, [need('o1', 'PA', 1.234)]))).toEqual([
      'needs[0].quantityPerWeek',
    ]);
    expect(errorsOf(() => computeBudget(policy, [need('o1', 'PA', -1)]))).toEqual([
      'needs[0].quantityPerWeek',
    ]);
    expect(errorsOf(() => computeBudget(policy, [need('o1', 'PA', 400)]))).toEqual([
      'needs[0].quantityPerWeek',
    ]);
    expect(errorsOf(() => computeBudget({ ...policy, contingencyBasisPoints: -1 }, []))).toEqual([
      'contingencyBasisPoints',
    ]);
  });

  it('takes quantities with two decimals exactly (no float drift)', () => {
    expect(computeBudget(policy, [need('o', 'PA', 2.55)]).lines[0]!.amount).toBe(5457); // 21.40 × 2.55 = 54.57
    expect(computeBudget(policy, [need('o', 'PA', 0.29)]).lines[0]!.amount).toBe(621); // 620.6 → 621
  });
});

// Policies and distinct needs generated together so every need names a real unit.
const unitArb = fc.record({
  rate: fc.integer({ min: 1, max: MAX_UNIT_RATE_PENCE }),
  unit: fc.constantFrom('hour', 'session', 'night', 'visit'),
});
const policyArb = fc
  .record({
    units: fc.array(unitArb, { minLength: 1, maxLength: 5 }),
    contingency: fc.integer({ min: 0, max: 5000 }),
  })
  .map(
    ({ units, contingency }): BudgetPolicy => ({
      versionLabel: 'Generated',
      supportUnits: units.map((u, i) => ({
        code: `U${i}`,
        name: `support ${i}`,
        unit: u.unit,
        ratePence: u.rate,
      })),
      contingencyBasisPoints: contingency,
    }),
  );
const scenario = policyArb.chain((p) =>
  fc
    .uniqueArray(
      fc.record({
        outcome: fc.integer({ min: 1, max: 6 }),
        unit: fc.integer({ min: 0, max: p.supportUnits.length - 1 }),
        hundredths: fc.integer({ min: 0, max: 33_600 }),
      }),
      { selector: (n) => `${n.outcome}/${n.unit}`, maxLength: 10 },
    )
    .map((raw) => ({
      policy: p,
      needs: raw.map((n) => need(`o${n.outcome}`, `U${n.unit}`, n.hundredths / 100)),
    })),
);

describe('computeBudget properties', () => {
  it('lines sum exactly to the weekly total, in whole pence', () => {
    fc.assert(
      fc.property(scenario, ({ policy: p, needs }) => {
        const budget = computeBudget(p, needs);
        expect(sumPence(budget.lines.map((l) => l.amount))).toBe(budget.total);
        expect(budget.weekly).toBe(budget.total);
        expect(budget.lines).toHaveLength(needs.length + 1);
        for (const line of budget.lines) expect(Number.isSafeInteger(line.amount)).toBe(true);
        expect(budget.annual).toBe(budget.weekly * 52);
      }),
    );
  });

  it('more need never gives less money under the same policy', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.nat(),
        fc.integer({ min: 1, max: 5000 }),
        ({ policy: p, needs }, pick, extra) => {
          fc.pre(needs.length > 0);
          const i = pick % needs.length;
          const before = needs[i]!;
          const more = Math.min(336, (Math.round(before.quantityPerWeek * 100) + extra) / 100);
          const raised = needs.map((n, j) => (j === i ? { ...n, quantityPerWeek: more } : n));
          expect(computeBudget(p, raised).weekly).toBeGreaterThanOrEqual(computeBudget(p, needs).weekly);
        },
      ),
    );
  });

  it('a higher contingency never gives less money', () => {
    fc.assert(
      fc.property(scenario, fc.nat({ max: 5000 }), ({ policy: p, needs }, bp) => {
        const higher = { ...p, contingencyBasisPoints: Math.max(bp, p.contingencyBasisPoints) };
        expect(computeBudget(higher, needs).weekly).toBeGreaterThanOrEqual(computeBudget(p, needs).weekly);
      }),
    );
  });
});

describe('agreedBudget', () => {
  const needs = [need('o1', 'PA', 12), need('o2', 'DAY', 2)];
  const costed = computeBudget(policy, needs);

  it('is the costed budget, line for line, when the plan fits it', () => {
    const agreed = agreedBudget(policy, needs, [], costed.weekly - 5_000);
    expect(agreed.lines).toEqual(costed.lines);
    expect(agreed.weekly).toBe(costed.weekly);
    expect(agreed.overBudget).toBeUndefined();
    expect(agreed.notes[0]).toBe(
      `The support plan costs £${((costed.weekly - 5_000) / 100).toFixed(2)} a week, £50.00 less than this budget.`,
    );
  });

  it('adds one line for what a manager agreed over budget, saying who and why', () => {
    const agreed = agreedBudget(policy, needs, [], costed.weekly + 1_234, {
      reason: 'Panel agreed while new support settles in',
      agreedBy: 'Priya Nair',
    });
    expect(agreed.weekly).toBe(costed.weekly + 1_234);
    expect(agreed.lines.slice(0, -1)).toEqual(costed.lines);
    expect(agreed.lines.at(-1)).toMatchObject({
      amount: 1_234,
      rule: 'Agreed over budget by Priya Nair: Panel agreed while new support settles in',
    });
    expect(agreed.overBudget).toEqual({
      amount: 1_234,
      reason: 'Panel agreed while new support settles in',
      agreedBy: 'Priya Nair',
    });
    expect(agreed.notes[0]).toContain('+ £12.34 agreed over budget');
  });

  it('always explains every costed line by quantity × rate × policy version, and sums exactly', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.boolean(),
        ({ policy: p, needs: ns }, plan, over) => {
          const agreed = agreedBudget(p, ns, [], plan, over ? { reason: 'r', agreedBy: 'm' } : undefined);
          const costedHere = computeBudget(p, ns);
          expect(sumPence(agreed.lines.map((l) => l.amount))).toBe(agreed.weekly);
          expect(agreed.total).toBe(agreed.weekly);
          expect(agreed.annual).toBe(agreed.weekly * 52);
          expect(agreed.weekly).toBe(over ? Math.max(plan, costedHere.weekly) : costedHere.weekly);
          const priced = agreed.overBudget ? agreed.lines.slice(0, -1) : agreed.lines;
          expect(priced).toEqual(costedHere.lines);
          for (const line of priced.slice(0, -1)) {
            expect(line.quantity).toBeDefined();
            expect(line.unitRate).toBeDefined();
            expect(line.amount).toBe(mulDiv(line.unitRate!, Math.round(line.quantity! * 100), 100));
          }
          for (const line of agreed.lines) expect(line.policyVersion).toContain(p.versionLabel);
        },
      ),
    );
  });
});

describe('validateBudgetPolicy', () => {
  it('accepts a sensible policy', () => {
    expect(validateBudgetPolicy(policy)).toEqual([]);
  });

  it('names each problem by field', () => {
    const bad: BudgetPolicy = {
      versionLabel: '',
      supportUnits: [
        { code: 'PA', name: 'PA', unit: 'hour', ratePence: 0 },
        { code: 'PA', name: 'PA again', unit: 'hour', ratePence: MAX_UNIT_RATE_PENCE + 1 },
        { code: 'X', name: '', unit: '', ratePence: 12.5 },
        { code: 'Y', name: 'Y', unit: 'hour', ratePence: -100 },
      ],
      contingencyBasisPoints: 5001,
      bands: [
        { code: 'A', label: 'Band A', weeklyAmount: 10_000 },
        { code: 'A', label: '', weeklyAmount: -1 },
      ],
    };
    expect(validateBudgetPolicy(bad).map((e) => e.field)).toEqual([
      'versionLabel',
      'supportUnits[0].ratePence',
      'supportUnits[1].code',
      'supportUnits[1].ratePence',
      'supportUnits[2].name',
      'supportUnits[2].unit',
      'supportUnits[2].ratePence',
      'supportUnits[3].ratePence',
      'contingencyBasisPoints',
      'bands[1].code',
      'bands[1].label',
      'bands[1].weeklyAmount',
    ]);
    expect(validateBudgetPolicy(bad)[3]!.message).toBe(
      'The rate £500.01 is more than £500.00 a unit: check it.',
    );
    expect(validateBudgetPolicy({ ...policy, supportUnits: [] })).toEqual([
      expect.objectContaining({ field: 'supportUnits' }),
    ]);
  });

  it('accepts every generated policy, and any contingency from 0% to 50%', () => {
    fc.assert(
      fc.property(policyArb, (p) => {
        expect(validateBudgetPolicy(p)).toEqual([]);
      }),
    );
  });
});

describe('validateBudgetInput', () => {
  it('checks one-off costs', () => {
    const errors = validateBudgetInput(policy, [], [{ label: ' ', amount: 0, reason: '' }]);
    expect(errors.map((e) => e.field)).toEqual([
      'oneOffs[0].label',
      'oneOffs[0].reason',
      'oneOffs[0].amount',
    ]);
  });

  it('says which earlier line already costs the outcome', () => {
    const errors = validateBudgetInput(policy, [
      need('o1', 'PA', 1),
      need('o2', 'PA', 1),
      need('o1', 'PA', 2),
    ]);
    expect(errors).toEqual([
      {
        field: 'needs[2].unitCode',
        message:
          'This outcome already has personal assistant support costed (line 1): change that quantity instead.',
      },
    ]);
  });
});

describe('compareBudgets', () => {
  it('gives the change and its direction', () => {
    expect(compareBudgets(10_000, 12_000)).toEqual({ change: 2000, direction: 'up' });
    expect(compareBudgets(10_000, 9000)).toEqual({ change: -1000, direction: 'down' });
    expect(compareBudgets(10_000, 10_000)).toEqual({ change: 0, direction: 'unchanged' });
  });
});

describe('whatIf', () => {
  const needs = [need('o1', 'PA', 12), need('o2', 'DAY', 2)];

  it('shows both budgets and explains the difference line by line', () => {
    const result = whatIf(policy, needs, [need('o1', 'PA', 14), need('o3', 'SLEEP', 1)]);
    expect(result.current.weekly).toBe(computeBudget(policy, needs).weekly);
    expect(result.proposed.weekly).toBe(
      computeBudget(policy, [need('o1', 'PA', 14), need('o2', 'DAY', 2), need('o3', 'SLEEP', 1)]).weekly,
    );
    expect(result.change.lines.map((l) => [l.label, l.amount])).toEqual([
      ['Outcome o1: personal assistant support from 12 hours to 14 hours a week', 4280],
      ['Outcome o3: overnight support from 0 nights to 1 night a week', 11_333],
      ['Contingency: from £17.42 to £25.22 a week', 780],
    ]);
    expect(result.weeklyChange).toBe(4280 + 11_333 + 780);
    expect(result.annualChange).toBe(result.weeklyChange * 52);
    expect(result.change.notes[0]).toBe(
      'The budget would go up by £163.93 a week (£8,524.36 a year): from £365.72 to £529.65 a week.',
    );
  });

  it('takes a need out when its quantity becomes 0', () => {
    const result = whatIf(policy, needs, [need('o2', 'DAY', 0)]);
    expect(result.change.lines[0]!.label).toBe(
      'Outcome o2: day opportunities from 2 sessions to 0 sessions a week',
    );
    expect(result.weeklyChange).toBeLessThan(0);
    expect(result.change.notes[0]).toMatch(/^The budget would go down by/);
  });

  it('says when nothing changes', () => {
    const result = whatIf(policy, needs, []);
    expect(result.change).toEqual({
      total: 0,
      lines: [],
      notes: ['The budget would stay at £365.72 a week.', ROUNDING_NOTE],
    });
  });

  it('refuses a change list that costs the same need twice', () => {
    expect(errorsOf(() => whatIf(policy, needs, [need('o1', 'PA', 1), need('o1', 'PA', 2)]))).toEqual([
      'changedNeeds[1].unitCode',
    ]);
  });

  it('difference lines always sum to the weekly change', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat(), { maxLength: 5 }), ({ policy: p, needs: ns }, picks) => {
        const changed = [
          ...new Map(
            picks
              .filter(() => ns.length > 0)
              .map((x) => {
                const n = ns[x % ns.length]!;
                return [n.outcomeRef + n.unitCode, { ...n, quantityPerWeek: (x % 1000) / 100 }] as const;
              }),
          ).values(),
        ];
        const result = whatIf(p, ns, changed);
        expect(sumPence(result.change.lines.map((l) => l.amount))).toBe(result.weeklyChange);
        expect(result.change.total).toBe(result.proposed.weekly - result.current.weekly);
      }),
    );
  });
});

describe('summariseRepricing', () => {
  const row = (
    personRef: string,
    groups: Record<string, string>,
    currentWeekly: number,
    proposedWeekly: number,
  ) => ({
    personRef,
    groups,
    currentWeekly,
    proposedWeekly,
  });

  it('counts rises and cuts overall and in every group, so a cut cannot hide', () => {
    const summary = summariseRepricing([
      row('p1', { clientGroup: 'Learning disability', ageBand: '25-64' }, 50_000, 45_000),
      row('p2', { clientGroup: 'Learning disability', ageBand: '18-24' }, 30_000, 30_000),
      row('p3', { clientGroup: 'Older people', ageBand: '85+' }, 20_000, 26_000),
      row('p4', { clientGroup: 'Older people' }, 10_000, 10_500),
    ]);
    expect(summary).toMatchObject({
      count: 4,
      up: 2,
      down: 1,
      unchanged: 1,
      totalCurrent: 110_000,
      totalProposed: 111_500,
      totalChange: 1500,
      totalUp: 6500,
      totalDown: -5000,
    });
    expect(summary.byGroup['clientGroup']).toEqual([
      {
        value: 'Learning disability',
        count: 2,
        up: 0,
        down: 1,
        unchanged: 1,
        totalCurrent: 80_000,
        totalProposed: 75_000,
        totalChange: -5000,
        totalUp: 0,
        totalDown: -5000,
      },
      expect.objectContaining({ value: 'Older people', count: 2, up: 2, totalChange: 6500 }),
    ]);
    expect(summary.byGroup['ageBand']!.map((g) => g.value)).toEqual(['18-24', '25-64', '85+', NOT_RECORDED]);
  });

  it('handles nobody', () => {
    expect(summariseRepricing([])).toMatchObject({ count: 0, totalChange: 0, byGroup: {} });
  });

  it('refuses a person counted twice', () => {
    expect(() => summariseRepricing([row('p1', {}, 1, 2), row('p1', {}, 1, 2)])).toThrow(RangeError);
  });

  const rowsArb = fc
    .array(
      fc.record({
        groups: fc.record(
          {
            clientGroup: fc.constantFrom('LD', 'MH', 'OP', 'PD'),
            ethnicity: fc.constantFrom('A', 'B', 'C', ''),
          },
          { requiredKeys: [] },
        ),
        currentWeekly: fc.nat({ max: 500_000 }),
        proposedWeekly: fc.nat({ max: 500_000 }),
      }),
      { maxLength: 40 },
    )
    .map((rows): RepricingRow[] => rows.map((r, i) => ({ personRef: `p${i}`, ...r })));

  it('within every grouping, the groups add up to the whole', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const summary = summariseRepricing(rows);
        expect(summary.count).toBe(rows.length);
        expect(summary.up + summary.down + summary.unchanged).toBe(summary.count);
        expect(summary.totalProposed - summary.totalCurrent).toBe(summary.totalChange);
        expect(summary.totalUp + summary.totalDown).toBe(summary.totalChange);
        for (const groups of Object.values(summary.byGroup)) {
          for (const key of [
            'count',
            'up',
            'down',
            'unchanged',
            'totalChange',
            'totalCurrent',
            'totalUp',
            'totalDown',
          ] as const)
            expect(sumPence(groups.map((g) => g[key]))).toBe(summary[key]);
        }
      }),
    );
  });
});
