import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumPence } from '../../../platform/money/index.ts';
import {
  type CostLine,
  checkAgainstBudget,
  fundingStreamTotals,
  planTotals,
  validateCostLine,
} from './costs.ts';
import type { SdsOption } from '../options/rules.ts';

const paLine: CostLine = {
  outcomeRef: 'O1',
  description: 'Personal assistant for swimming',
  providerKind: 'personal_assistant',
  frequency: '2 hours, twice a week',
  weeklyCost: 8_560,
  fundingStream: 'social_care',
  sdsOption: 1,
};

const costLine: fc.Arbitrary<CostLine> = fc.record({
  outcomeRef: fc.constantFrom('O1', 'O2', 'O3'),
  description: fc.constantFrom('PA hours', 'Day centre', 'Gym pass', 'Gardening group'),
  providerKind: fc.constantFrom('personal_assistant', 'provider', 'community_resource'),
  frequency: fc.constant('weekly'),
  weeklyCost: fc.integer({ min: 0, max: 500_000 }),
  fundingStream: fc.constantFrom('social_care', 'health', 'housing_support'),
  sdsOption: fc.constantFrom<SdsOption>(1, 2, 3, 4),
});

describe('validateCostLine', () => {
  it('accepts a complete line', () => {
    expect(validateCostLine(paLine)).toEqual([]);
  });
  it('needs a funding stream and an SDS option', () => {
    const errors = validateCostLine({ ...paLine, fundingStream: ' ', sdsOption: 0 as SdsOption });
    expect(errors.map((e) => e.field)).toEqual(['fundingStream', 'sdsOption']);
  });
  it('needs an outcome, a description, a provider kind and a frequency', () => {
    const errors = validateCostLine({
      ...paLine,
      outcomeRef: '',
      description: '',
      providerKind: 'neighbour' as CostLine['providerKind'],
      frequency: '',
    });
    expect(errors.map((e) => e.field)).toEqual(['outcomeRef', 'description', 'providerKind', 'frequency']);
  });
  it('keeps unpaid family and friends at £0', () => {
    const family: CostLine = { ...paLine, providerKind: 'family_and_friends_unpaid', weeklyCost: 0 };
    expect(validateCostLine(family)).toEqual([]);
    expect(validateCostLine({ ...family, weeklyCost: 1 })).toEqual([
      { field: 'weeklyCost', message: 'Unpaid help from family and friends must cost £0' },
    ]);
  });
  it('rejects negative or fractional pence', () => {
    expect(validateCostLine({ ...paLine, weeklyCost: -1 })[0]?.field).toBe('weeklyCost');
    expect(validateCostLine({ ...paLine, weeklyCost: 10.5 })[0]?.field).toBe('weeklyCost');
  });
});

describe('planTotals', () => {
  it('explains the total by line, by option and by funding stream', () => {
    const lines: CostLine[] = [
      paLine,
      { ...paLine, description: 'Day centre', providerKind: 'provider', weeklyCost: 12_000, sdsOption: 3 },
      { ...paLine, description: 'Physio', weeklyCost: 3_000, fundingStream: 'health' },
    ];
    const totals = planTotals(lines, 'Support plan version 2', [
      { ref: 'O1', personWords: 'I want to go swimming again' },
    ]);
    expect(totals.weekly.total).toBe(23_560);
    expect(totals.weekly.lines[0]).toEqual({
      label: 'Personal assistant for swimming (2 hours, twice a week)',
      amount: 8_560,
      rule: 'Personal assistant support for ‘I want to go swimming again’ (option 1)',
      policyVersion: 'Support plan version 2',
    });
    expect(totals.weekly.lines[1]?.rule).toBe(
      'Care provider support for ‘I want to go swimming again’ (option 3)',
    );
    expect(totals.byOption.lines.map((l) => [l.label, l.amount])).toEqual([
      ['Option 1: a direct payment', 11_560],
      ['Option 3: the council chooses and arranges', 12_000],
    ]);
    expect(totals.byFundingStream.lines.map((l) => [l.label, l.amount])).toEqual([
      ['Paid from social care', 20_560],
      ['Paid from NHS or joint health funding', 3_000],
    ]);
  });
  it('never shows an internal reference when the outcome is not in the plan', () => {
    const totals = planTotals([{ ...paLine, outcomeRef: '5b0c2f7e-1111-4c4c-9d9d-123456789abc' }]);
    expect(totals.weekly.lines[0]?.rule).toBe(
      'Personal assistant support for an outcome that is no longer in the plan (option 1)',
    );
  });
  it('says so when there are no costs', () => {
    const totals = planTotals([]);
    expect(totals.weekly.total).toBe(0);
    expect(totals.byOption.lines).toEqual([]);
    expect(totals.weekly.notes).toEqual(['The plan has no costs yet.']);
  });
  it('funds the agreed budget per stream, leaving out unpaid help', () => {
    const lines: CostLine[] = [
      { ...paLine, fundingStream: 'council_social_care' },
      { ...paLine, fundingStream: 'health', weeklyCost: 3_000 },
      { ...paLine, fundingStream: 'council_social_care', weeklyCost: 1_440 },
      { ...paLine, providerKind: 'family_and_friends_unpaid', weeklyCost: 0, fundingStream: 'equipment' },
    ];
    expect(fundingStreamTotals(lines)).toEqual([
      { stream: 'council_social_care', source: 'Council social care', weeklyAmount: 10_000 },
      { stream: 'health', source: 'NHS or joint health funding', weeklyAmount: 3_000 },
    ]);
  });
  it('funding streams always add up to the plan total', () => {
    fc.assert(
      fc.property(fc.array(costLine, { maxLength: 20 }), (lines) => {
        const streams = fundingStreamTotals(lines);
        expect(sumPence(streams.map((s) => s.weeklyAmount))).toBe(sumPence(lines.map((l) => l.weeklyCost)));
        expect(new Set(streams.map((s) => s.stream)).size).toBe(streams.length);
      }),
    );
  });
  it('every breakdown sums exactly to the same total', () => {
    fc.assert(
      fc.property(fc.array(costLine, { maxLength: 20 }), (lines) => {
        const totals = planTotals(lines);
        const total = sumPence(lines.map((l) => l.weeklyCost));
        for (const breakdown of [totals.weekly, totals.byOption, totals.byFundingStream]) {
          expect(breakdown.total).toBe(total);
          expect(sumPence(breakdown.lines.map((l) => l.amount))).toBe(total);
        }
        expect(new Set(totals.byOption.lines.map((l) => l.label)).size).toBe(totals.byOption.lines.length);
      }),
    );
  });
});

describe('checkAgainstBudget', () => {
  it('explains money left over, an exact match, and going over', () => {
    expect(checkAgainstBudget(20_000, 25_000)).toEqual({
      withinBudget: true,
      difference: 5_000,
      explanation:
        'The plan costs £200.00 a week. This is £50.00 less than the agreed budget of £250.00 a week.',
    });
    expect(checkAgainstBudget(25_000, 25_000).explanation).toBe(
      'The plan costs £250.00 a week. This is exactly the agreed budget of £250.00 a week.',
    );
    const over = checkAgainstBudget(26_050, 25_000);
    expect(over.withinBudget).toBe(false);
    expect(over.difference).toBe(-1_050);
    expect(over.explanation).toMatch(/£10\.50 more than the agreed budget/);
  });
  it('is within budget exactly when the plan costs no more than the budget', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(10_000_000), (total, budget) => {
        const check = checkAgainstBudget(total, budget);
        expect(check.withinBudget).toBe(total <= budget);
        expect(total + check.difference).toBe(budget);
      }),
    );
  });
});
