import { describe, expect, it } from 'vitest';
import { statedAges, yearsStated } from '../../../test/support/words.ts';
import { ageOn, todayInLondon } from '../../platform/dates.ts';
import { DEMO_PEOPLE } from '../people/index.ts';
import { CALLUM, MORAG, NESSIE } from './seed-data.ts';

/** The demo plans are written in the person's words: they must fit the person (people/seed-data.test.ts). */
describe('the demo plans agree with the people they are for', () => {
  const today = todayInLondon();
  const plans = [
    { plan: MORAG, name: 'Morag Campbell' },
    { plan: CALLUM, name: 'Callum Reid' },
    { plan: NESSIE, name: 'Agnes Thomson' },
  ];

  it('no age or span of years in a plan is more than the person has lived', () => {
    for (const { plan, name } of plans) {
      const person = DEMO_PEOPLE.find((p) => p.name === name)!;
      const age = ageOn(person.dob, today);
      const words = [plan.aboutMe, plan.contingency, ...plan.outcomes.map((o) => o.words)].join(' ');
      for (const stated of statedAges(words)) expect(stated, name).toBe(age);
      for (const years of yearsStated(words))
        expect(years, `${name}: ${words}`).toBeLessThanOrEqual(age - 16);
    }
  });

  it('a plan is signed by its person', () => {
    expect(MORAG.signedBy).toBe('Morag Campbell');
    expect(NESSIE.signedBy).toBe('Agnes Thomson');
  });
});
