import { describe, expect, it } from 'vitest';
import { addDays, ageOn, todayInLondon } from '../../platform/dates.ts';
import { transitionStatus } from './rules.ts';
import {
  childSaidFor,
  conversationDate,
  DEMO_DAYS_AGO,
  DEMO_PEOPLE,
  type DemoPerson,
  referralDate,
  saidFor,
  subjectPronoun,
} from './seed-data.ts';
import { numbersIn, statedAges, yearsStated } from '../../../test/support/words.ts';

/**
 * The demo data must not contradict itself: what a person says about their age, their family
 * and how long they have lived somewhere fits their date of birth; what the worker writes
 * about them uses their pronouns; a child has a child's words; and things happen in order.
 * Checked on the day the demo is seeded (todayInLondon) and on each conversation's own date.
 */
const today = todayInLondon();

const adults = DEMO_PEOPLE.map((p, i) => ({ p, i, on: conversationDate(i, today) })).filter(
  ({ p, on }) => transitionStatus(p.dob, on) === 'adult',
);

function ownWords(p: DemoPerson, i: number, on: string): string[] {
  const said = saidFor(p, i, on);
  return [said.matters, said.working, said.notWorking, said.change, ...said.outcomes.map((o) => o.words)];
}

function workerWords(p: DemoPerson, i: number, on: string): string[] {
  const said = saidFor(p, i, on);
  return [said.worker, ...said.outcomes.map((o) => o.view)];
}

describe('reading ages and years out of words', () => {
  it('finds ages in digits and in words', () => {
    expect(statedAges('Carers put me to bed. I’m thirty, not ninety.')).toEqual([30]);
    expect(statedAges('I am 47 and I like my routine.')).toEqual([47]);
    expect(statedAges('Callum, aged sixteen, goes to college.')).toEqual([16]);
    expect(statedAges('I’m forty-seven next month.')).toEqual([47]);
    expect(statedAges('I’m fine, thanks.')).toEqual([]);
    expect(numbersIn('twenty-one')).toEqual([21]);
  });

  it('finds years lived, worked or married', () => {
    expect(yearsStated('We’ve been married sixty year.')).toEqual([60]);
    expect(yearsStated('I worked in the library for twenty years.')).toEqual([20]);
    expect(yearsStated('Two years ago.')).toEqual([2]);
  });
});

describe('the demo people and their words', () => {
  it('every adult has words that can be theirs', () => {
    for (const { p, i, on } of adults) expect(() => saidFor(p, i, on), p.name).not.toThrow();
  });

  it('an age in a person’s own words is their age', () => {
    const wrong: string[] = [];
    for (const { p, i, on } of adults) {
      for (const words of ownWords(p, i, on)) {
        for (const age of statedAges(words)) {
          if (age !== ageOn(p.dob, on)) wrong.push(`${p.name} is ${ageOn(p.dob, on)}: “${words}”`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('nobody has lived, worked or been married longer than their adult life', () => {
    const wrong: string[] = [];
    for (const { p, i, on } of adults) {
      for (const words of ownWords(p, i, on)) {
        for (const years of yearsStated(words)) {
          if (years > ageOn(p.dob, on) - 16) wrong.push(`${p.name} is ${ageOn(p.dob, on)}: “${words}”`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the worker writes of each person with their own pronouns', () => {
    const wrong: string[] = [];
    for (const { p, i, on } of adults) {
      const they = subjectPronoun(p);
      for (const words of workerWords(p, i, on)) {
        const she = /\b(she|her|hers|herself)\b/i.test(words);
        const he = /\b(he|him|his|himself)\b/i.test(words);
        if ((she && they !== 'She') || (he && they !== 'He')) wrong.push(`${p.name} (${they}): “${words}”`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a mum or dad in their own words is a woman or a man', () => {
    const wrong: string[] = [];
    for (const { p, i, on } of adults) {
      for (const words of ownWords(p, i, on)) {
        if (/\bbeing a (good )?(dad|father)\b/i.test(words) && p.sex !== 'male')
          wrong.push(`${p.name}: ${words}`);
        if (/\bbeing a (good )?(mum|mother)\b/i.test(words) && p.sex !== 'female')
          wrong.push(`${p.name}: ${words}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a child has a child’s words for their age, and their parent says he, she or they rightly', () => {
    const children = DEMO_PEOPLE.map((p, i) => ({ p, on: conversationDate(i, today) })).filter(
      ({ p, on }) => transitionStatus(p.dob, on) !== 'adult',
    );
    expect(children.length).toBeGreaterThan(3);
    for (const { p, on } of children) {
      const said = childSaidFor(p, on);
      const age = ageOn(p.dob, on);
      expect(age, p.name).toBeLessThan(18);
      if (/big school|move to secondary/.test(said.child + said.parent)) expect(age, p.name).toBeLessThan(12);
      if (/leave school|leaving school|college/.test(said.child + said.parent)) {
        expect(age, p.name).toBeGreaterThanOrEqual(12);
      }
      expect(said.parent, p.name).toContain(`${subjectPronoun(p)} needs`);
    }
  });

  it('Morag, the demo person, is 47 on 2 December 2026 and her words say nothing else', () => {
    const morag = DEMO_PEOPLE[0]!;
    expect(morag.name).toBe('Morag Campbell');
    expect(ageOn(morag.dob, '2026-12-02')).toBe(47);
    for (const words of ownWords(morag, 0, '2026-12-02')) expect(statedAges(words), words).toEqual([]);
  });
});

describe('the demo’s dates come in order', () => {
  const ago = (days: number) => addDays(today, -days);

  it('referral, then the good conversation, then eligibility, for everyone', () => {
    DEMO_PEOPLE.forEach((p, i) => {
      expect(referralDate(i, today) < conversationDate(i, today), p.name).toBe(true);
      expect(conversationDate(i, today) < ago(DEMO_DAYS_AGO.eligibilityDecided), p.name).toBe(true);
      expect(referralDate(i, today) > p.dob, p.name).toBe(true);
    });
  });

  it('eligibility, options, the plan signed then agreed, then the contribution and payments', () => {
    const steps = [
      DEMO_DAYS_AGO.eligibilityDecided,
      DEMO_DAYS_AGO.optionsChosen,
      DEMO_DAYS_AGO.planSigned,
      DEMO_DAYS_AGO.planAgreed,
      DEMO_DAYS_AGO.contributionFrom,
      DEMO_DAYS_AGO.paymentsStart,
    ];
    expect([...steps].sort((a, b) => b - a)).toEqual(steps);
    expect(new Set(steps).size).toBe(steps.length);
    expect(Math.min(...steps)).toBeGreaterThan(0);
  });
});
