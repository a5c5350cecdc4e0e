import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, daysBetween, type IsoDate } from '../../../platform/dates.ts';
import { accountId } from '../ledger/account-ids.ts';
import { applyTransfers, emptyLedger, type LedgerState, type Transfer } from '../ledger/rules.ts';
import { type DirectPaymentAgreement, paymentsDue, validateAgreement } from './rules.ts';
import { type PlannedPayment, paymentKey, paymentTransfer, planPaymentRun } from '../runs/rules.ts';

function agreement(overrides: Partial<DirectPaymentAgreement> = {}): DirectPaymentAgreement {
  return {
    id: 'a1',
    amountPerPeriod: 30_000,
    frequency: 'weekly',
    startDate: '2026-04-06',
    endDate: null,
    contributionPerPeriod: 0,
    ...overrides,
  };
}

const sumLines = (p: { explanation: { lines: { amount: number }[] } }) =>
  p.explanation.lines.reduce((s, l) => s + l.amount, 0);

describe('paymentsDue', () => {
  it('pays each full week in advance, up to and including the run date', () => {
    const due = paymentsDue(agreement(), '2026-04-20', []);
    expect(due.map((p) => [p.periodStart, p.periodEnd, p.amount])).toEqual([
      ['2026-04-06', '2026-04-12', 30_000],
      ['2026-04-13', '2026-04-19', 30_000],
      ['2026-04-20', '2026-04-26', 30_000],
    ]);
    expect(due[0]!.explanation.lines[0]!.label).toBe('Direct payment for the week from 6 April 2026');
    expect(due[0]!.paymentDate).toBe('2026-04-06');
  });

  it('leaves out periods already paid, and pays nothing before the start', () => {
    expect(
      paymentsDue(agreement(), '2026-04-20', ['2026-04-06', '2026-04-20']).map((p) => p.periodStart),
    ).toEqual(['2026-04-13']);
    expect(paymentsDue(agreement(), '2026-04-05', [])).toEqual([]);
  });

  it('pro-rates a part period at the end by days, rounding half up, and says so', () => {
    const due = paymentsDue(
      agreement({ frequency: 'four_weekly', amountPerPeriod: 60_000, endDate: '2026-05-23' }),
      '2026-06-30',
      [],
    );
    expect(due).toHaveLength(2);
    expect(due[1]!.periodEnd).toBe('2026-05-23');
    expect(due[1]!.amount).toBe(42_857);
    expect(due[1]!.explanation.lines[0]!.label).toBe('Direct payment: 20 of 28 days × £600.00 = £428.57');
    expect(due[1]!.explanation.notes).toContain(
      'Amounts are worked out to the nearest penny; half a penny rounds up.',
    );
  });

  it('pro-rates a part period at the start when the payment cycle is on another day', () => {
    const due = paymentsDue(
      agreement({ startDate: '2026-04-09', cycleAnchor: '2026-04-06' }),
      '2026-04-13',
      [],
    );
    expect(due.map((p) => [p.periodStart, p.periodEnd, p.amount])).toEqual([
      ['2026-04-09', '2026-04-12', 17_143],
      ['2026-04-13', '2026-04-19', 30_000],
    ]);
    expect(due[0]!.explanation.lines[0]!.label).toBe('Direct payment: 4 of 7 days × £300.00 = £171.43');
  });

  it('splits a period at a change of amounts, each side by days', () => {
    const due = paymentsDue(
      agreement({
        frequency: 'monthly',
        amountPerPeriod: 100_000,
        startDate: '2026-01-01',
        changes: [{ effectiveFrom: '2026-01-11', amountPerPeriod: 120_000, contributionPerPeriod: 0 }],
      }),
      '2026-02-01',
      [],
    );
    expect(due[0]!.explanation.lines.map((l) => [l.label, l.amount])).toEqual([
      ['Direct payment: 10 of 31 days × £1,000.00 = £322.58', 32_258],
      ['Direct payment: 21 of 31 days × £1,200.00 = £812.90', 81_290],
    ]);
    expect(due[0]!.amount).toBe(113_548);
    expect(due[1]!.amount).toBe(120_000);
    expect(due[1]!.explanation.lines[0]!.policyVersion).toBe(
      'Direct-payment agreement a1, amounts from 11 January 2026',
    );
  });

  it('nets off the contribution and never pays below zero', () => {
    const [net] = paymentsDue(agreement({ contributionPerPeriod: 5_000 }), '2026-04-06', []);
    expect(net!.amount).toBe(25_000);
    expect(net!.explanation.lines.map((l) => l.amount)).toEqual([30_000, -5_000]);
    const [nil] = paymentsDue(
      agreement({ amountPerPeriod: 1_000, contributionPerPeriod: 5_000 }),
      '2026-04-06',
      [],
    );
    expect(nil!.amount).toBe(0);
    expect(nil!.explanation.lines.map((l) => l.amount)).toEqual([1_000, -5_000, 4_000]);
  });

  it('keeps monthly periods on the start day, clamping short months', () => {
    const due = paymentsDue(agreement({ frequency: 'monthly', startDate: '2026-01-31' }), '2026-03-31', []);
    expect(due.map((p) => [p.periodStart, p.periodEnd])).toEqual([
      ['2026-01-31', '2026-02-27'],
      ['2026-02-28', '2026-03-30'],
      ['2026-03-31', '2026-04-29'],
    ]);
  });

  it('refuses an agreement that does not make sense', () => {
    const bad = agreement({ amountPerPeriod: -1, endDate: '2026-01-01' });
    expect(validateAgreement(bad).map((e) => e.field)).toEqual(['amountPerPeriod', 'endDate']);
    expect(() => paymentsDue(bad, '2026-05-01', [])).toThrow(RangeError);
    expect(
      validateAgreement(
        agreement({
          changes: [{ effectiveFrom: '2026-04-05', amountPerPeriod: 1, contributionPerPeriod: 0 }],
        }),
      ).map((e) => e.field),
    ).toEqual(['changes.0.effectiveFrom']);
  });

  it('lets a change from the start date supersede the agreement’s own terms from its first day', () => {
    const a = agreement({
      changes: [{ effectiveFrom: '2026-04-06', amountPerPeriod: 30_000, contributionPerPeriod: 4_000 }],
    });
    expect(validateAgreement(a)).toEqual([]);
    const due = paymentsDue(a, '2026-04-13', []);
    expect(due.map((p) => p.amount)).toEqual([26_000, 26_000]);
    // One line for the payment and one for the contribution: the agreement's own £0 is not shown.
    expect(due[0]!.explanation.lines.map((l) => l.amount)).toEqual([30_000, -4_000]);
  });
});

const agreementArb = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    frequency: fc.constantFrom('weekly' as const, 'four_weekly' as const, 'monthly' as const),
    startOffset: fc.integer({ min: 0, max: 400 }),
    amount: fc.integer({ min: 0, max: 300_000 }),
    contribution: fc.integer({ min: 0, max: 100_000 }),
    length: fc.option(fc.integer({ min: 0, max: 300 })),
    anchorBack: fc.option(fc.integer({ min: 0, max: 60 })),
    changes: fc.array(
      fc.record({
        after: fc.integer({ min: 1, max: 250 }),
        amount: fc.integer({ min: 0, max: 300_000 }),
        contribution: fc.integer({ min: 0, max: 100_000 }),
      }),
      { maxLength: 2 },
    ),
  })
  .map((r): DirectPaymentAgreement => {
    const startDate = addDays('2025-01-01', r.startOffset);
    return {
      id: r.id,
      amountPerPeriod: r.amount,
      frequency: r.frequency,
      startDate,
      endDate: r.length === null ? null : addDays(startDate, r.length),
      contributionPerPeriod: r.contribution,
      ...(r.anchorBack === null ? {} : { cycleAnchor: addDays(startDate, -r.anchorBack) }),
      changes: r.changes.map((c) => ({
        effectiveFrom: addDays(startDate, c.after),
        amountPerPeriod: c.amount,
        contributionPerPeriod: c.contribution,
      })),
    };
  });

const runDateArb = fc.integer({ min: -20, max: 800 }).map((d) => addDays('2025-01-01', d));

describe('schedule properties', () => {
  it('every payment is whole pence, never below zero, and its lines sum to it', () => {
    fc.assert(
      fc.property(agreementArb, runDateArb, (a, runDate) => {
        for (const p of paymentsDue(a, runDate, [])) {
          expect(Number.isSafeInteger(p.amount)).toBe(true);
          expect(p.amount).toBeGreaterThanOrEqual(0);
          expect(sumLines(p)).toBe(p.amount);
          expect(p.explanation.total).toBe(p.amount);
          expect(compareDates(p.paymentDate, runDate)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('periods follow on from each other without gap or overlap, inside the agreement', () => {
    fc.assert(
      fc.property(agreementArb, runDateArb, (a, runDate) => {
        const due = paymentsDue(a, runDate, []);
        if (due.length > 0) expect(due[0]!.periodStart).toBe(a.startDate);
        due.forEach((p, i) => {
          expect(compareDates(p.periodStart, p.periodEnd)).toBeLessThanOrEqual(0);
          if (a.endDate) expect(compareDates(p.periodEnd, a.endDate)).toBeLessThanOrEqual(0);
          if (i > 0) expect(daysBetween(due[i - 1]!.periodEnd, p.periodStart)).toBe(1);
        });
      }),
    );
  });

  it('a full period with no changes pays exactly the gross less the contribution', () => {
    fc.assert(
      fc.property(agreementArb, runDateArb, (a, runDate) => {
        const plain = { ...a, changes: [], cycleAnchor: undefined, endDate: null };
        for (const p of paymentsDue(plain, runDate, [])) {
          expect(p.amount).toBe(Math.max(0, a.amountPerPeriod - a.contributionPerPeriod));
        }
      }),
    );
  });

  it('periods already paid are exactly the ones left out', () => {
    fc.assert(
      fc.property(agreementArb, runDateArb, fc.nat(), (a, runDate, mask) => {
        const all = paymentsDue(a, runDate, []);
        const paid = all.filter((_, i) => (mask >> (i % 30)) & 1).map((p) => p.periodStart);
        expect(paymentsDue(a, runDate, paid)).toEqual(all.filter((p) => !paid.includes(p.periodStart)));
      }),
    );
  });

  it('starting after the last paid period gives the same as listing every earlier period as paid', () => {
    fc.assert(
      fc.property(
        agreementArb,
        runDateArb,
        fc.nat(),
        fc.integer({ min: -30, max: 900 }),
        (a, runDate, k, d) => {
          const all = paymentsDue(a, runDate, []);
          // The start of a real period (the usual case), or any date at all.
          const settled = all.length && k % 2 ? all[k % all.length]!.periodStart : addDays('2025-01-01', d);
          const earlier = all
            .filter((p) => compareDates(p.periodStart, settled) <= 0)
            .map((p) => p.periodStart);
          expect(paymentsDue(a, runDate, [], settled)).toEqual(paymentsDue(a, runDate, earlier));
          expect(paymentsDue(a, runDate, [], null)).toEqual(all);
        },
      ),
    );
  });
});

describe('planPaymentRun', () => {
  const agreements = [
    agreement({ id: 'b' }),
    agreement({ id: 'a', frequency: 'monthly', amountPerPeriod: 120_000 }),
    agreement({ id: 'nil', amountPerPeriod: 100, contributionPerPeriod: 100 }),
  ];

  it('plans keyed payments in a fixed order, with totals, and sets nil periods aside', () => {
    const plan = planPaymentRun(agreements, '2026-04-13', { b: ['2026-04-06'] });
    expect(plan.payments.map((p) => p.idempotencyKey)).toEqual([
      'run:2026-04-13:agreement:a:period:2026-04-06',
      'run:2026-04-13:agreement:b:period:2026-04-13',
    ]);
    expect(plan.total).toBe(150_000);
    expect(plan.count).toBe(2);
    expect(plan.nilPeriods.map((p) => p.periodStart)).toEqual(['2026-04-06', '2026-04-13']);
    expect(paymentKey('2026-04-13', 'x', '2026-04-01')).toBe('run:2026-04-13:agreement:x:period:2026-04-01');
  });

  it('re-planning the same date after some are posted yields only the rest', () => {
    const first = planPaymentRun(agreements, '2026-04-20', {});
    const paid = { b: ['2026-04-06'] };
    const again = planPaymentRun(agreements, '2026-04-20', paid);
    expect(again.payments).toEqual(
      first.payments.filter((p) => !(p.agreementId === 'b' && p.periodStart === '2026-04-06')),
    );
  });

  it('a run killed after k posts and re-planned ends exactly like an uninterrupted run', () => {
    const accountsFor = (p: PlannedPayment) => ({
      fund: accountId('council_dp_fund', 'council'),
      person: accountId('person_dp_account', p.agreementId),
    });
    const post = (state: LedgerState, transfers: Transfer[]) => {
      const result = applyTransfers(state, transfers);
      if (!result.ok) throw new Error(result.errors[0]!.message);
      return result.state;
    };
    const paidFrom = (state: LedgerState, plan: PlannedPayment[]) => {
      const paid: Record<string, IsoDate[]> = {};
      for (const p of plan) {
        if (state.byKey.has(p.idempotencyKey))
          paid[p.agreementId] = [...(paid[p.agreementId] ?? []), p.periodStart];
      }
      return paid;
    };
    fc.assert(
      fc.property(
        fc.uniqueArray(agreementArb, { selector: (a) => a.id, maxLength: 4 }),
        runDateArb,
        fc.nat(),
        fc.nat(),
        (list, runDate, killAt, recordedAt) => {
          const plan = planPaymentRun(list, runDate, {});
          const whole = post(
            emptyLedger(),
            plan.payments.map((p) => paymentTransfer(p, accountsFor(p))),
          );

          // Killed after k posts; the record of paid periods may lag behind the ledger by a few.
          const k = killAt % (plan.payments.length + 1);
          const posted = plan.payments.slice(0, k);
          const partial = post(
            emptyLedger(),
            posted.map((p) => paymentTransfer(p, accountsFor(p))),
          );
          const recorded = posted.slice(0, recordedAt % (k + 1));
          const paid = paidFrom(
            post(
              emptyLedger(),
              recorded.map((p) => paymentTransfer(p, accountsFor(p))),
            ),
            plan.payments,
          );

          const replan = planPaymentRun(list, runDate, paid);
          const resumed = post(
            partial,
            replan.payments.map((p) => paymentTransfer(p, accountsFor(p))),
          );
          expect([...resumed.byKey.keys()].sort()).toEqual([...whole.byKey.keys()].sort());
          expect(resumed.balances).toEqual(whole.balances);
          expect(replan.payments.length).toBe(plan.payments.length - recorded.length);
        },
      ),
    );
  });
});
