import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutcomeSummary } from '../../conversations/index.ts';
import { planWords, WORDS_NOT_RECORDED } from './context.ts';

const recordedOutcome = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  personWords: fc.constantFrom('I want to swim.', 'I want to cook.', ' I want to swim. '),
  saidBy: fc.constantFrom('person', 'family', 'representative', 'advocate', 'worker'),
  attribution: fc.string({ minLength: 1 }),
});
const planOutcome = fc.record({
  ref: fc.constantFrom('a', 'b', 'c', 'O1'),
  personWords: fc.constantFrom('I want to swim.', 'I want to cook.', 'I want to walk.'),
});

describe('whose words the plan’s outcomes are', () => {
  it('claims words as someone’s only while they are the recorded outcome’s words, and as the person’s own only when they said them', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(recordedOutcome, { selector: (o) => o.id }),
        fc.uniqueArray(planOutcome, { selector: (o) => o.ref }),
        (recorded, inPlan) => {
          const words = planWords(
            inPlan.map((o) => ({ ...o, workerView: '', howMet: '' })),
            recorded.map(
              (r): OutcomeSummary => ({
                ...r,
                saidByName: null,
                typedBy: null,
                professionalView: null,
                area: 'things_i_do',
                priority: 2,
                status: 'active',
              }),
            ),
          );
          expect(Object.keys(words).sort()).toEqual(inPlan.map((o) => o.ref).sort());
          for (const o of inPlan) {
            const same = recorded.find((r) => r.id === o.ref && r.personWords.trim() === o.personWords);
            expect(words[o.ref]).toEqual(
              same
                ? { own: same.saidBy === 'person', attribution: same.attribution }
                : { own: false, attribution: WORDS_NOT_RECORDED },
            );
          }
        },
      ),
    );
  });
});
