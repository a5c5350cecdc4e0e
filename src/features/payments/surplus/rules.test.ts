import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessSurplus, checkReturn, recoveryOptions } from './rules.ts';

const sum = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

describe('assessSurplus', () => {
  it('counts only the money above the weeks a person may keep', () => {
    const result = assessSurplus({ balance: 400_000, weeklyPayment: 30_000, thresholdWeeks: 8 });
    expect(result.threshold).toBe(240_000);
    expect(result.surplus).toBe(160_000);
    expect(result.explanation.lines.map((l) => l.label)).toEqual([
      'Money in your direct-payment account',
      'Less what you may keep: 8 weeks × £300.00',
    ]);
  });

  it('finds no surplus below the threshold, or when overdrawn', () => {
    expect(assessSurplus({ balance: 100_000, weeklyPayment: 30_000, thresholdWeeks: 8 }).surplus).toBe(0);
    expect(assessSurplus({ balance: -5_000, weeklyPayment: 30_000, thresholdWeeks: 8 }).surplus).toBe(0);
  });

  it('refuses fractions of pence and weeks', () => {
    expect(() => assessSurplus({ balance: 1.5, weeklyPayment: 1, thresholdWeeks: 1 })).toThrow(RangeError);
    expect(() => assessSurplus({ balance: 1, weeklyPayment: 1, thresholdWeeks: 1.5 })).toThrow(RangeError);
  });

  it('surplus is never below zero and its lines always sum to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e8, max: 1e9 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 52 }),
        (balance, weeklyPayment, thresholdWeeks) => {
          const r = assessSurplus({ balance, weeklyPayment, thresholdWeeks });
          expect(r.surplus).toBe(Math.max(0, balance - r.threshold));
          expect(sum(r.explanation.lines)).toBe(r.surplus);
        },
      ),
    );
  });
});

describe('recoveryOptions', () => {
  it('offers recovery now or a smaller next payment', () => {
    const [now, reduce] = recoveryOptions({ surplus: 10_000, nextPayment: 30_000 });
    expect(now).toMatchObject({ kind: 'recover_now', amount: 10_000 });
    expect(reduce).toMatchObject({
      kind: 'reduce_next_payment',
      reduction: 10_000,
      nextPaymentAfter: 20_000,
      surplusLeft: 0,
    });
  });

  it('never reduces a payment below zero, and keeps the rest of the surplus for later', () => {
    const [, reduce] = recoveryOptions({ surplus: 50_000, nextPayment: 30_000 });
    expect(reduce).toMatchObject({ reduction: 30_000, nextPaymentAfter: 0, surplusLeft: 20_000 });
    expect(reduce!.explanation.notes).toEqual(['£200.00 of surplus is left for later.']);
    expect(recoveryOptions({ surplus: 0, nextPayment: 30_000 })).toEqual([]);
  });

  it('options always add up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e8 }),
        fc.integer({ min: 0, max: 1e8 }),
        (surplus, nextPayment) => {
          for (const option of recoveryOptions({ surplus, nextPayment })) {
            expect(sum(option.explanation.lines)).toBe(option.explanation.total);
            if (option.kind === 'reduce_next_payment') {
              expect(option.nextPaymentAfter).toBeGreaterThanOrEqual(0);
              expect(option.reduction + option.surplusLeft).toBe(surplus);
            }
          }
        },
      ),
    );
  });
});

describe('checkReturn', () => {
  const spend = { pa_wages: 80_000, employer_costs: 10_000, agency: 20_000, other: 5_000 };

  it('reconciles when opening + payments − spending = closing', () => {
    const r = checkReturn({
      openingBalance: 50_000,
      paymentsIn: 120_000,
      spendByCategory: spend,
      closingBalance: 55_000,
    });
    expect(r).toMatchObject({ reconciles: true, expectedClosing: 55_000, difference: 0 });
    expect(r.message).toMatch(/adds up/);
  });

  it('says in plain words which way it is out', () => {
    const over = checkReturn({
      openingBalance: 50_000,
      paymentsIn: 120_000,
      spendByCategory: spend,
      closingBalance: 56_000,
    });
    expect(over).toMatchObject({ reconciles: false, difference: 1_000 });
    expect(over.message).toBe(
      'There is £10.00 more in the account than the figures explain. It may be money not yet spent or an item left off.',
    );
    const under = checkReturn({
      openingBalance: 50_000,
      paymentsIn: 120_000,
      spendByCategory: spend,
      closingBalance: 54_000,
    });
    expect(under.difference).toBe(-1_000);
    expect(under.message).toMatch(/£10.00 less/);
  });

  it('the difference is always closing − (opening + in − spend), and lines sum to the expected closing', () => {
    const p = fc.integer({ min: 0, max: 1e8 });
    fc.assert(
      fc.property(p, p, p, p, p, p, fc.integer({ min: -1e8, max: 1e9 }), (o, i, w, e, a, x, c) => {
        const r = checkReturn({
          openingBalance: o,
          paymentsIn: i,
          spendByCategory: { pa_wages: w, employer_costs: e, agency: a, other: x },
          closingBalance: c,
        });
        expect(sum(r.explanation.lines)).toBe(r.expectedClosing);
        expect(r.difference).toBe(c - (o + i - w - e - a - x));
        expect(r.reconciles).toBe(r.difference === 0);
      }),
    );
  });
});
