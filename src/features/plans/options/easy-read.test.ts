import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easyReadProblems } from '../../../platform/easy-read/index.ts';
import { CALLUM, MORAG, NESSIE, OTHERS } from '../seed-data.ts';
import { FOUR_OPTIONS_EASY_READ, optionsEasyRead } from './easy-read.ts';
import type { SdsOption } from './rules.ts';

const option = fc.constantFrom<SdsOption>(1, 2, 3, 4);

describe('the four options in Easy Read', () => {
  it('explains all four options, each by its number', () => {
    expect(easyReadProblems(FOUR_OPTIONS_EASY_READ)).toEqual([]);
    const texts = FOUR_OPTIONS_EASY_READ.map((l) => l.text).join(' ');
    for (const n of [1, 2, 3, 4]) expect(texts).toContain(`Option ${n}:`);
  });

  it('keeps its rules for any outcomes and choices', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            personWords: fc.string(),
            current: fc.option(fc.record({ sdsOption: option }), { nil: null }),
          }),
          { maxLength: 8 },
        ),
        (outcomes) => {
          expect(easyReadProblems(optionsEasyRead({ outcomes }))).toEqual([]);
        },
      ),
    );
  });

  it('keeps its rules for the demo plans’ outcomes and the options chosen', () => {
    const plans = [MORAG, CALLUM, NESSIE, ...OTHERS.map((make) => make('Alex'))];
    for (const plan of plans) {
      const outcomes = plan.outcomes.map((o) => ({ personWords: o.words, current: { sdsOption: o.option } }));
      const lines = optionsEasyRead({ outcomes });
      expect(easyReadProblems(lines)).toEqual([]);
      expect(lines.map((l) => l.text)).toContain(
        `For “${plan.outcomes[0]!.words}”, you chose option ${plan.outcomes[0]!.option}.`,
      );
    }
  });
});
