import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from '../../../platform/dates.ts';
import {
  contributionChangeFrom,
  contributionEffect,
  currentChanges,
  netPerPeriod,
  type PaidPeriod,
  paidPeriodCorrections,
  termsOn,
} from './rules.ts';
import { type DirectPaymentAgreement, paymentsDue } from '../agreements/rules.ts';

const sum = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

/** An agreement, the periods paid under it up to a run date, and a change from a date after its start. */
const scenario = fc
  .record({
    frequency: fc.constantFrom('weekly' as const, 'four_weekly' as const, 'monthly' as const),
    amount: fc.integer({ min: 0, max: 300_000 }),
    contribution: fc.integer({ min: 0, max: 300_000 }),
    newAmount: fc.integer({ min: 0, max: 300_000 }),
    newContribution: fc.integer({ min: 0, max: 300_000 }),
    startOffset: fc.integer({ min: 0, max: 400 }),
    paidDays: fc.integer({ min: 0, max: 150 }),
    changeAfter: fc.integer({ min: 1, max: 160 }),
  })
  .map((s) => {
    const startDate = addDays('2025-01-01', s.startOffset);
    const before: DirectPaymentAgreement = {
      id: 'a',
      amountPerPeriod: s.amount,
      contributionPerPeriod: s.contribution,
      frequency: s.frequency,
      startDate,
      endDate: null,
    };
    const changeFrom = addDays(startDate, s.changeAfter);
    const after: DirectPaymentAgreement = {
      ...before,
      changes: [
        { effectiveFrom: changeFrom, amountPerPeriod: s.newAmount, contributionPerPeriod: s.newContribution },
      ],
    };
    const paid: PaidPeriod[] = paymentsDue(before, addDays(startDate, s.paidDays), []).map((d) => ({
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      paid: d.amount,
    }));
    return { before, after, paid, changeFrom };
  });

const applied = (paid: readonly PaidPeriod[], corrections: ReturnType<typeof paidPeriodCorrections>) =>
  paid.map((p) => ({
    ...p,
    paid: p.paid + (corrections.find((c) => c.periodStart === p.periodStart)?.amount ?? 0),
  }));

describe('paidPeriodCorrections', () => {
  it('makes what is paid for each period equal what the corrected terms give for it', () => {
    fc.assert(
      fc.property(scenario, ({ after, paid, changeFrom }) => {
        const corrections = paidPeriodCorrections(after, paid, changeFrom);
        const due = new Map(
          paymentsDue(after, paid.at(-1)?.periodStart ?? after.startDate, []).map((d) => [
            d.periodStart,
            d.amount,
          ]),
        );
        for (const period of applied(paid, corrections)) {
          if (compareDates(period.periodEnd, changeFrom) >= 0)
            expect(period.paid).toBe(due.get(period.periodStart));
        }
        for (const c of corrections) {
          expect(c.paid + c.amount).toBe(c.due);
          expect(c.amount).not.toBe(0);
          expect(sum(c.explanation.lines)).toBe(c.amount);
          expect(c.explanation.total).toBe(c.amount);
        }
      }),
    );
  });

  it('applied twice changes nothing: once corrected, the same correction is zero', () => {
    fc.assert(
      fc.property(scenario, ({ after, paid, changeFrom }) => {
        const first = paidPeriodCorrections(after, paid, changeFrom);
        expect(paidPeriodCorrections(after, applied(paid, first), changeFrom)).toEqual([]);
      }),
    );
  });

  it('never touches a period that ended before the change, and finds nothing when terms are the same', () => {
    fc.assert(
      fc.property(scenario, ({ before, after, paid, changeFrom }) => {
        for (const c of paidPeriodCorrections(after, paid, changeFrom))
          expect(compareDates(c.periodEnd, changeFrom)).toBeGreaterThanOrEqual(0);
        expect(paidPeriodCorrections(before, paid, changeFrom)).toEqual([]);
      }),
    );
  });

  it('puts back the £0 contribution of an empty assessment: the paid period gives back the difference', () => {
    const agreement: DirectPaymentAgreement = {
      id: 'a',
      amountPerPeriod: 68_600,
      contributionPerPeriod: 0,
      frequency: 'four_weekly',
      startDate: '2026-01-05',
      endDate: null,
      changes: [{ effectiveFrom: '2026-02-02', amountPerPeriod: 68_600, contributionPerPeriod: 11_712 }],
    };
    const [c] = paidPeriodCorrections(
      agreement,
      [
        { periodStart: '2026-01-05', periodEnd: '2026-02-01', paid: 68_600 },
        { periodStart: '2026-02-02', periodEnd: '2026-03-01', paid: 68_600 },
      ],
      '2026-02-02',
    );
    expect(c).toMatchObject({ periodStart: '2026-02-02', paid: 68_600, due: 56_888, amount: -11_712 });
    expect(c!.explanation.notes.at(-1)).toBe('£117.12 was paid too much for this period and is taken back.');
  });
});

describe('currentChanges', () => {
  it('keeps the newest version of each date, in date order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ day: fc.integer({ min: 0, max: 20 }), version: fc.integer({ min: 1, max: 5 }) }),
        ),
        (rows) => {
          const changes = rows.map((r) => ({
            effectiveFrom: addDays('2026-01-01', r.day),
            version: r.version,
          }));
          const current = currentChanges(changes);
          expect(new Set(current.map((c) => c.effectiveFrom)).size).toBe(current.length);
          for (const c of current) {
            const versions = changes.filter((x) => x.effectiveFrom === c.effectiveFrom).map((x) => x.version);
            expect(c.version).toBe(Math.max(...versions));
          }
          expect([...current].sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom))).toEqual(
            current,
          );
          expect(current.length).toBe(new Set(changes.map((c) => c.effectiveFrom)).size);
        },
      ),
    );
  });
});

describe('contributionEffect', () => {
  it('shows old → new: a higher contribution never pays more, and the corrections add up', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom('net' as const, 'invoice' as const),
        ({ before, after, paid, changeFrom }, method) => {
          const corrections = paidPeriodCorrections(after, paid, changeFrom);
          const effect = contributionEffect({
            from: changeFrom,
            weeklyBefore: null,
            weeklyAfter: 0,
            agreement: {
              frequency: before.frequency,
              contributionMethod: method,
              before: termsOn(before, changeFrom),
              after: termsOn(after, changeFrom),
            },
            corrections,
          });
          expect(effect.correctionTotal).toBe(sum(corrections));
          const dp = effect.directPayment!;
          expect(dp.netPerPeriod.after).toBe(netPerPeriod(termsOn(after, changeFrom), method));
          if (
            method === 'net' &&
            dp.amountPerPeriod.after === dp.amountPerPeriod.before &&
            dp.contributionPerPeriod.after >= dp.contributionPerPeriod.before
          )
            expect(dp.netPerPeriod.after).toBeLessThanOrEqual(dp.netPerPeriod.before);
          if (method === 'invoice') expect(dp.netPerPeriod.after).toBe(dp.amountPerPeriod.after);
        },
      ),
    );
  });
});

describe('an assessment from on or before the agreement starts (contributionChangeFrom)', () => {
  const input = fc.record({
    frequency: fc.constantFrom('weekly' as const, 'four_weekly' as const, 'monthly' as const),
    startOffset: fc.integer({ min: 0, max: 400 }),
    /** The assessment's date relative to the agreement's start: ≤ 0 is on or before. */
    assessmentOffset: fc.integer({ min: -400, max: 200 }),
    paidPeriods: fc.integer({ min: 0, max: 4 }),
    amount: fc.integer({ min: 0, max: 300_000 }),
    ownContribution: fc.integer({ min: 0, max: 300_000 }),
    contribution: fc.integer({ min: 0, max: 300_000 }),
    days: fc.integer({ min: 0, max: 300 }),
  });

  function setUp(r: typeof input extends fc.Arbitrary<infer T> ? T : never) {
    const startDate = addDays('2025-01-01', r.startOffset);
    const agreement: DirectPaymentAgreement = {
      id: 'a',
      amountPerPeriod: r.amount,
      contributionPerPeriod: r.ownContribution,
      frequency: r.frequency,
      startDate,
      endDate: null,
    };
    const all = paymentsDue(agreement, addDays(startDate, 200), []);
    const paid: PaidPeriod[] = all
      .slice(0, r.paidPeriods)
      .map((d) => ({ periodStart: d.periodStart, periodEnd: d.periodEnd, paid: d.amount }));
    const firstUnpaid = paid.length ? addDays(paid.at(-1)!.periodEnd, 1) : startDate;
    const assessmentFrom = addDays(startDate, r.assessmentOffset);
    const from = contributionChangeFrom({
      assessmentFrom,
      agreementStart: startDate,
      firstUnpaid,
      supersededChangeFrom: null,
    });
    const after: DirectPaymentAgreement = {
      ...agreement,
      changes: [{ effectiveFrom: from, amountPerPeriod: r.amount, contributionPerPeriod: r.contribution }],
    };
    return { agreement, after, paid, firstUnpaid, assessmentFrom, from, startDate };
  }

  it('carries the new contribution on every day from the start, and puts every paid period right', () => {
    fc.assert(
      fc.property(
        input.filter((r) => r.assessmentOffset <= 0),
        (r) => {
          const { after, paid, from, startDate } = setUp(r);
          expect(from).toBe(startDate);
          expect(termsOn(after, addDays(startDate, r.days))).toEqual({
            amountPerPeriod: r.amount,
            contributionPerPeriod: r.contribution,
          });
          // Every period, paid or not, comes to the amount less the new contribution, once.
          const full = Math.max(0, r.amount - r.contribution);
          const corrected = applied(paid, paidPeriodCorrections(after, paid, from));
          const schedule = paymentsDue(after, addDays(startDate, 200), []);
          for (const p of corrected) {
            const due = schedule.find((d) => d.periodStart === p.periodStart)!;
            expect(p.paid).toBe(due.amount);
          }
          for (const d of schedule) {
            const partial = d.explanation.lines.some((l) => l.rule === 'Part period paid pro rata by days');
            if (!partial) expect(d.amount).toBe(full);
            expect(d.explanation.lines.every((l) => !l.policyVersion.endsWith('agreement a'))).toBe(true);
          }
          // Applying the same correction again finds nothing left to put right.
          expect(paidPeriodCorrections(after, corrected, from)).toEqual([]);
        },
      ),
    );
  });

  it('after the start, applies from its date or the first unpaid day, whichever is later, as before', () => {
    fc.assert(
      fc.property(
        input.filter((r) => r.assessmentOffset > 0),
        (r) => {
          const { agreement, after, paid, firstUnpaid, assessmentFrom, from, startDate } = setUp(r);
          expect(from).toBe(compareDates(assessmentFrom, firstUnpaid) > 0 ? assessmentFrom : firstUnpaid);
          expect(compareDates(from, startDate)).toBeGreaterThan(0);
          // Paid periods are not reopened, and the agreement's own terms hold until the change.
          expect(paidPeriodCorrections(after, paid, from)).toEqual([]);
          expect(termsOn(after, addDays(from, -1))).toEqual(termsOn(agreement, addDays(from, -1)));
          expect(termsOn(after, addDays(from, r.days)).contributionPerPeriod).toBe(r.contribution);
        },
      ),
    );
  });

  it('a correction keeps the date of the change it corrects', () => {
    expect(
      contributionChangeFrom({
        assessmentFrom: '2026-01-01',
        agreementStart: '2026-02-01',
        firstUnpaid: '2026-03-01',
        supersededChangeFrom: '2026-02-01',
      }),
    ).toBe('2026-02-01');
  });
});
