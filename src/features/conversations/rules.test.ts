import { describe, expect, it } from 'vitest';
import { changedFields, checkEntry, checkOutcome, conversationFacts } from './rules.ts';

const entry = {
  section: 'what_matters',
  text: 'My garden',
  saidBy: 'person',
  saidByName: null,
  ownWords: true,
};

describe('conversation entries', () => {
  it('marks only the person’s own words as their own words', () => {
    expect(checkEntry(entry, false)).toEqual([]);
    expect(checkEntry({ ...entry, saidBy: 'worker' }, false).map((e) => e.field)).toEqual(['ownWords']);
  });
  it('keeps a child’s views and their parents’ views apart, and both away from adults', () => {
    expect(checkEntry({ ...entry, section: 'child_views' }, true)).toEqual([]);
    expect(
      checkEntry({ ...entry, section: 'parent_views', saidBy: 'family', ownWords: false }, true),
    ).toEqual([]);
    expect(
      checkEntry({ ...entry, section: 'child_views', saidBy: 'family', ownWords: false }, true).map(
        (e) => e.field,
      ),
    ).toEqual(['saidBy']);
    expect(checkEntry({ ...entry, section: 'parent_views' }, true).map((e) => e.field)).toEqual(['saidBy']);
    expect(checkEntry({ ...entry, section: 'child_views' }, false).map((e) => e.field)).toEqual(['section']);
  });
  it('marks transition from the 14th birthday until the 18th', () => {
    expect(conversationFacts('2011-06-02', '2025-06-01')).toEqual({ child: true, transition: false });
    expect(conversationFacts('2011-06-02', '2025-06-02')).toEqual({ child: true, transition: true });
    expect(conversationFacts('2011-06-02', '2029-06-02')).toEqual({ child: false, transition: false });
  });
});

describe('outcomes', () => {
  it('needs the person’s words and an area from the list', () => {
    const outcome = {
      personWords: ' ',
      saidBy: 'person',
      professionalView: null,
      area: 'x',
      priority: 2,
      status: 'active',
    };
    expect(checkOutcome(outcome, ['health']).map((e) => e.field)).toEqual(['personWords', 'area']);
  });
  it('records only the fields that changed, before and after', () => {
    expect(changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: null })).toEqual({
      b: { from: 'x', to: 'y' },
    });
  });
});
