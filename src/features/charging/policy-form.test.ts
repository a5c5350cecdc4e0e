import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePounds, penceToDecimalPounds } from '../../platform/money/index.ts';
import {
  basisPointsToPercent,
  formToPolicy,
  moneyFigures,
  percentToBasisPoints,
  policyToForm,
} from './policy-form.ts';
import { MAX_POLICY_PENCE, type ChargingPolicy, validateChargingPolicy } from './policy.ts';
import { DEMO_ENGLISH_POLICY, DEMO_SCOTTISH_POLICY } from './seed.ts';

// Published figures, for realistic examples:
// Scotland: Scottish Borders 2025/26 thresholds £170 / £284 a week, taper 75 %
//   (scotborders.gov.uk, financial assessment for home care charges).
// England: capital limits £14,250 / £23,250, £1 a week per £250 (DHSC local authority circular 2024/25);
//   MIG single 25+ £112.50 (DHSC circular 2025/26).
const bases: ChargingPolicy[] = [DEMO_SCOTTISH_POLICY, DEMO_ENGLISH_POLICY];

describe('charging policy form', () => {
  it('a policy in force round-trips through the form unchanged', () => {
    for (const base of bases) {
      const back = formToPolicy(base, policyToForm(base));
      expect(back).toEqual({ ok: true, policy: base });
    }
  });

  it('reads Scottish Borders 2025/26 figures in pounds and percent', () => {
    const form = {
      ...policyToForm(DEMO_SCOTTISH_POLICY),
      'thresholdWeekly.under_pension_age': '170',
      'thresholdWeekly.pension_age': '£284.00',
      taperPercent: '75',
    };
    const result = formToPolicy(DEMO_SCOTTISH_POLICY, form);
    expect(result.ok && result.policy).toMatchObject({
      thresholdWeekly: { under_pension_age: 17_000, pension_age: 28_400 },
      taperBasisPoints: 7_500,
    });
  });

  it('reads DHSC England figures', () => {
    const form = {
      ...policyToForm(DEMO_ENGLISH_POLICY),
      'minimumIncomeGuarantee.single_25_to_pension_age.weekly': '112.50',
      capitalLowerLimit: '14,250',
      capitalUpperLimit: '23250',
    };
    const result = formToPolicy(DEMO_ENGLISH_POLICY, form);
    expect(result.ok && result.policy).toMatchObject({
      capitalLowerLimit: 1_425_000,
      capitalUpperLimit: 2_325_000,
      minimumIncomeGuarantee: { single_25_to_pension_age: { weekly: 11_250 } },
    });
  });

  const fieldsOf = (base: ChargingPolicy, changes: Record<string, string>) => {
    const result = formToPolicy(base, { ...policyToForm(base), ...changes });
    return result.ok ? [] : result.errors.map((e) => e.field);
  };

  it('names each nonsense figure', () => {
    expect(fieldsOf(DEMO_SCOTTISH_POLICY, { taperPercent: '120' })).toEqual(['taperPercent']);
    expect(fieldsOf(DEMO_SCOTTISH_POLICY, { taperPercent: 'lots' })).toEqual(['taperPercent']);
    expect(fieldsOf(DEMO_SCOTTISH_POLICY, { 'thresholdWeekly.pension_age': '-5' })).toEqual([
      'thresholdWeekly.pension_age',
    ]);
    expect(fieldsOf(DEMO_SCOTTISH_POLICY, { 'thresholdWeekly.pension_age': '99999999999999999' })).toEqual([
      'thresholdWeekly.pension_age',
    ]);
    expect(fieldsOf(DEMO_SCOTTISH_POLICY, { versionLabel: 'v2\u0000' })).toEqual(['versionLabel']);
    expect(fieldsOf(DEMO_SCOTTISH_POLICY, { versionLabel: ' ' })).toEqual(['versionLabel']);
    expect(fieldsOf(DEMO_SCOTTISH_POLICY, { disregardedIncomeKinds: 'war_pension\nbad\u0000' })).toEqual([
      'disregardedIncomeKinds',
    ]);
    expect(fieldsOf(DEMO_ENGLISH_POLICY, { capitalUpperLimit: '1000', capitalLowerLimit: '2000' })).toEqual([
      'capitalLowerLimit',
    ]);
    expect(fieldsOf(DEMO_ENGLISH_POLICY, { tariffCapitalStep: '0' })).toEqual(['tariffCapitalStep']);
    expect(fieldsOf(DEMO_ENGLISH_POLICY, { 'minimumIncomeGuarantee.pension_age.label': '' })).toEqual([
      'minimumIncomeGuarantee.pension_age.label',
    ]);
  });

  it('any form either gives a policy the rules accept or field errors naming its own fields', () => {
    const text = fc.oneof(
      fc.string(),
      fc.integer({ min: -1e7, max: 1e13 }).map(String),
      fc.double({ noNaN: false }).map(String),
      fc.constantFrom('', ' ', '0', '100', '100.01', '£1,000.50', '-0', '\u0000', '1e5'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(text), (base, values) => {
        const form = policyToForm(base);
        const fields = Object.keys(form);
        values.forEach((value, i) => {
          form[fields[i % fields.length] as string] = value;
        });
        const result = formToPolicy(base, form);
        if (result.ok) {
          expect(validateChargingPolicy(result.policy)).toEqual([]);
          expect(result.policy.nation).toBe(base.nation);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(fields).toContain(error.field);
        }
      }),
    );
  });

  it('pounds ↔ pence round-trips for every figure a policy may hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_POLICY_PENCE }), (pence) => {
        expect(parsePounds(penceToDecimalPounds(pence))).toBe(pence);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(percentToBasisPoints(basisPointsToPercent(bp))).toBe(bp);
      }),
    );
  });

  it('every money figure of a policy is on the form', () => {
    expect(moneyFigures(DEMO_SCOTTISH_POLICY).map((f) => f.field)).toEqual([
      'thresholdWeekly.under_pension_age',
      'thresholdWeekly.pension_age',
    ]);
    // Four minimum income guarantee bands, two capital limits, the tariff step and its income.
    expect(moneyFigures(DEMO_ENGLISH_POLICY)).toHaveLength(8);
  });
});
