import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { versionTimeline } from './versions.ts';

const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));
const rows = fc
  .array(fc.record({ status: fc.constantFrom('draft' as const, 'published' as const), effectiveFrom: day }), {
    maxLength: 12,
  })
  .map((list) =>
    list
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
      .map((r, i) => ({ ...r, id: `v${i}`, draftId: null as string | null })),
  );

describe('the timeline of a versioned policy', () => {
  it('runs each published version to the day before the next later one, and drafts not at all', () => {
    fc.assert(
      fc.property(rows, (all) => {
        const timeline = versionTimeline(all);
        for (const row of all) {
          const { effectiveTo } = timeline(row);
          const next = all.find((p) => p.status === 'published' && p.effectiveFrom > row.effectiveFrom);
          if (row.status === 'draft' || !next) expect(effectiveTo).toBeNull();
          else expect(effectiveTo).toBe(addDays(next.effectiveFrom, -1));
        }
      }),
    );
  });

  it('links a draft to the published version made from it', () => {
    const all = [
      { id: 'd', status: 'draft' as const, effectiveFrom: '2027-04-01', draftId: null },
      { id: 'p', status: 'published' as const, effectiveFrom: '2027-04-01', draftId: 'd' },
    ];
    const timeline = versionTimeline(all);
    expect(timeline(all[0]!).publishedAsId).toBe('p');
    expect(timeline(all[1]!).publishedAsId).toBeNull();
  });
});
