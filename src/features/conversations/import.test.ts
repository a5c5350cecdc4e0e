import { describe, expect, it } from 'vitest';
import { outcomesSection } from './import.ts';

const context = { today: '2026-12-02', nation: 'scotland' as const };
const outcome = {
  outcome_reference: 'OUT-1',
  person_reference: 'OLD-1',
  person_words: 'I want to get to the allotment on Saturdays again',
  area: 'things_i_do',
};

describe('outcomes.csv', () => {
  it('keeps the person’s words exactly as written, said by the person unless it says otherwise', () => {
    const words = '  “Nae bother” – I want   my garden back  ';
    expect(
      outcomesSection.parse({ ...outcome, person_words: words, priority: 'high' }, 1, context),
    ).toMatchObject({
      ok: true,
      value: { personWords: words.trim(), saidBy: 'person', saidByName: null, priority: 1, status: 'active' },
    });
  });
  it('needs the name of whoever said it when it was not the person', () => {
    const parsed = outcomesSection.parse({ ...outcome, said_by: 'family' }, 2, context);
    expect(!parsed.ok && parsed.problems.map((p) => p.column)).toEqual(['said_by_name']);
  });
  it('reports an unknown area, priority and status, each in its column', () => {
    const parsed = outcomesSection.parse(
      { ...outcome, area: 'gardening', priority: 'urgent', status: 'done' },
      3,
      context,
    );
    expect(!parsed.ok && parsed.problems.map((p) => p.column)).toEqual(['area', 'priority', 'status']);
  });
  it('refuses words missing or longer than the form allows', () => {
    const blank = outcomesSection.parse({ ...outcome, person_words: ' ' }, 1, context);
    expect(!blank.ok && blank.problems[0]).toMatchObject({ column: 'person_words' });
    const long = outcomesSection.parse({ ...outcome, person_words: 'x'.repeat(2001) }, 1, context);
    expect(!long.ok && long.problems[0]).toMatchObject({ column: 'person_words' });
  });
});
