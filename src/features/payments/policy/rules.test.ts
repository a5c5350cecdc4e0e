import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_FREQUENCIES } from '../schema.ts';
import {
  describeSettings,
  frequencyErrors,
  normaliseSettings,
  type PaymentSettings,
  paymentSettingsErrors,
  settingsChanges,
} from './rules.ts';

const good: PaymentSettings = {
  versionLabel: 'Direct payments 2027/28',
  surplusThresholdWeeks: 8,
  originatorName: 'Demo Council',
  originatorSortCode: '80-22-60',
  originatorAccountNumber: '10203040',
  twoPersonApproval: true,
  offeredFrequencies: ['weekly', 'four_weekly', 'monthly'],
};
const FIELDS = new Set(Object.keys(good));
const frequencies = fc.subarray([...PAYMENT_FREQUENCIES], { minLength: 1 });

describe('direct-payment settings rules', () => {
  it('accept sound settings', () => {
    expect(paymentSettingsErrors(good)).toEqual([]);
  });

  it('never throw, and name only the settings’ own fields, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.record({
          versionLabel: fc.string({ maxLength: 300 }),
          surplusThresholdWeeks: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN)),
          originatorName: fc.string({ maxLength: 40 }),
          originatorSortCode: fc.string({ maxLength: 12 }),
          originatorAccountNumber: fc.string({ maxLength: 12 }),
          twoPersonApproval: fc.oneof(fc.boolean(), fc.constant(undefined as unknown as boolean)),
          offeredFrequencies: fc.array(fc.oneof(fc.constantFrom(...PAYMENT_FREQUENCIES), fc.string()), {
            maxLength: 4,
          }) as fc.Arbitrary<PaymentSettings['offeredFrequencies']>,
        }),
        (settings) => {
          for (const error of paymentSettingsErrors(settings)) expect(FIELDS.has(error.field)).toBe(true);
        },
      ),
    );
  });

  it('take a surplus threshold of whole weeks from 1 to 52 only', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), (weeks) => {
        const refused = paymentSettingsErrors({ ...good, surplusThresholdWeeks: weeks }).some(
          (e) => e.field === 'surplusThresholdWeeks',
        );
        expect(refused).toBe(!(Number.isInteger(weeks) && weeks >= 1 && weeks <= 52));
      }),
    );
  });

  it('check the paying account as a person’s bank details are checked, and store its digits', () => {
    expect(paymentSettingsErrors({ ...good, originatorSortCode: '80-22-6' }).map((e) => e.field)).toEqual([
      'originatorSortCode',
    ]);
    expect(paymentSettingsErrors({ ...good, originatorAccountNumber: '1020304' })[0]?.message).toMatch(
      /8-digit/,
    );
    expect(normaliseSettings({ ...good, originatorSortCode: '80 22 60' }).originatorSortCode).toBe('802260');
    expect(paymentSettingsErrors({ ...good, originatorName: 'x'.repeat(19) })[0]?.field).toBe(
      'originatorName',
    );
  });

  it('offer at least one frequency, from the list, kept in the list’s order', () => {
    expect(paymentSettingsErrors({ ...good, offeredFrequencies: [] })[0]?.field).toBe('offeredFrequencies');
    fc.assert(
      fc.property(frequencies, (offered) => {
        const shuffled = [...offered].reverse();
        expect(normaliseSettings({ ...good, offeredFrequencies: shuffled }).offeredFrequencies).toEqual(
          PAYMENT_FREQUENCIES.filter((f) => offered.includes(f)),
        );
      }),
    );
  });

  it('let a new agreement use exactly the frequencies offered', () => {
    fc.assert(
      fc.property(frequencies, fc.constantFrom(...PAYMENT_FREQUENCIES), (offered, chosen) => {
        const errors = frequencyErrors(chosen, offered);
        expect(errors.length === 0).toBe(offered.includes(chosen));
        for (const e of errors) expect(e.field).toBe('frequency');
      }),
    );
    expect(frequencyErrors('monthly', null)).toEqual([]);
  });

  it('show old → new for every setting, marking only those that change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 52 }), fc.boolean(), frequencies, (weeks, two, offered) => {
        const after = {
          ...good,
          surplusThresholdWeeks: weeks,
          twoPersonApproval: two,
          offeredFrequencies: offered,
        };
        const rows = settingsChanges(good, after);
        expect(rows.map((r) => r.key)).toEqual(describeSettings(good).map((r) => r.key));
        expect(rows.find((r) => r.key === 'Surplus threshold')!.changed).toBe(weeks !== 8);
        expect(rows.find((r) => r.key === 'Two people for each payment run')!.changed).toBe(!two);
        expect(rows.filter((r) => r.key.startsWith('Paying account')).every((r) => !r.changed)).toBe(true);
      }),
    );
    expect(settingsChanges(null, good).every((r) => r.before === null && r.changed)).toBe(true);
  });
});
