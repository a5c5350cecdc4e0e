import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advocacyTables, shapeAdvocacyRow } from './advocacy.ts';
import type { AdvocacyCell } from './query.ts';
import { SMALL_CELL } from './small-numbers.ts';

/** A cell as the query gives it: the parts always add up. */
const cell = fc
  .record({
    accepted: fc.nat(40),
    declined: fc.nat(40),
    waiting: fc.nat(40),
    notOffered: fc.nat(40),
  })
  .map(
    (c): AdvocacyCell => ({
      stage: 'eligibility',
      kind: 'advocacy',
      ...c,
      offered: c.accepted + c.declined + c.waiting,
      people: c.accepted + c.declined + c.waiting + c.notOffered,
    }),
  );

const small = (n: number | null) => n !== null && n > 0 && n < SMALL_CELL;

describe('the advocacy report’s arithmetic', () => {
  it('never shows a figure of 1 to 4 people, nor lets one be worked out from the figures shown', () => {
    fc.assert(
      fc.property(cell, (c) => {
        const row = shapeAdvocacyRow(c, 'eligibility', 'advocacy', 'Independent advocacy');
        const parts = [row.offered, row.accepted, row.declined, row.waiting, row.notOffered];
        for (const n of [row.answers, ...parts]) expect(small(n)).toBe(false);
        // The parts are either all shown or all hidden: the sums give nothing away.
        expect(parts.every((n) => n === null) || parts.every((n) => n !== null)).toBe(true);
        if (row.offered !== null) {
          expect(row.accepted! + row.declined! + row.waiting!).toBe(row.offered);
          expect(row.offered + row.notOffered!).toBe(row.answers);
        }
      }),
    );
  });

  it('shows every figure as counted when no part is small', () => {
    fc.assert(
      fc.property(cell, (c) => {
        const row = shapeAdvocacyRow(c, 'budget', null, 'All support');
        const anySmall = [c.people, c.offered, c.accepted, c.declined, c.waiting, c.notOffered].some(
          (n) => n > 0 && n < SMALL_CELL,
        );
        if (!anySmall) {
          expect(row).toMatchObject({
            answers: c.people,
            offered: c.offered,
            accepted: c.accepted,
            declined: c.declined,
            waiting: c.waiting,
            notOffered: c.notOffered,
            suppressed: false,
            partlyHidden: false,
          });
        }
        expect(row.suppressed).toBe(c.people > 0 && c.people < SMALL_CELL);
      }),
    );
  });

  it('gives take-up as a whole percent of those offered, or nothing when none were offered or it is hidden', () => {
    fc.assert(
      fc.property(cell, (c) => {
        const row = shapeAdvocacyRow(c, 'options', null, 'All support');
        if (row.takeUpPercent === null) expect(row.offered === null || row.offered === 0).toBe(true);
        else {
          expect(row.takeUpPercent).toBeGreaterThanOrEqual(0);
          expect(row.takeUpPercent).toBeLessThanOrEqual(100);
          expect(row.takeUpPercent).toBe(Math.round((c.accepted * 100) / c.offered));
        }
      }),
    );
    const row = shapeAdvocacyRow(
      {
        stage: 'planning',
        kind: null,
        people: 10,
        offered: 10,
        accepted: 5,
        declined: 5,
        waiting: 0,
        notOffered: 0,
      },
      'planning',
      null,
      'All support',
    );
    expect(row.takeUpPercent).toBe(50);
  });

  it('lists every stage in journey order with zeros where nothing is recorded, and marks the asked ones', () => {
    const { stages, total } = advocacyTables([
      {
        stage: 'budget',
        kind: 'advocacy',
        people: 6,
        offered: 6,
        accepted: 6,
        declined: 0,
        waiting: 0,
        notOffered: 0,
      },
      {
        stage: 'budget',
        kind: null,
        people: 6,
        offered: 6,
        accepted: 6,
        declined: 0,
        waiting: 0,
        notOffered: 0,
      },
      { stage: null, kind: null, people: 6, offered: 6, accepted: 6, declined: 0, waiting: 0, notOffered: 0 },
    ]);
    expect(stages.map((s) => s.stage)).toEqual([
      'contact',
      'conversation',
      'eligibility',
      'outcomes',
      'budget',
      'options',
      'planning',
      'review',
    ]);
    expect(stages.filter((s) => s.asked).map((s) => s.stage)).toEqual([
      'eligibility',
      'budget',
      'options',
      'planning',
    ]);
    const budget = stages.find((s) => s.stage === 'budget')!;
    expect(budget.total).toMatchObject({ answers: 6, accepted: 6, takeUpPercent: 100 });
    expect(budget.byKind.map((r) => [r.kind, r.answers])).toEqual([
      ['advocacy', 6],
      ['communication', 0],
    ]);
    expect(stages.find((s) => s.stage === 'review')!.total).toMatchObject({
      answers: 0,
      takeUpPercent: null,
    });
    expect(total.answers).toBe(6);
  });
});
