import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  easyMoney,
  easyNumber,
  easyReadProblems,
  easyReadTextProblems,
  mayOpenInEasyRead,
  opensInEasyRead,
  presentEasyRead,
  quoted,
} from './rules.ts';

describe('the Easy Read rules check', () => {
  it('passes short plain sentences, each beside a picture with alt text', () => {
    expect(
      easyReadProblems([
        { picture: 'money', text: 'Your budget is £245 a week.' },
        { picture: 'tick', text: 'This budget is agreed. It was agreed with your plan.' },
      ]),
    ).toEqual([]);
  });

  it('refuses a long sentence, too many sentences on a line, and a line without a full stop', () => {
    const long = 'This sentence goes on and on and on with far too many words for one idea to hold.';
    expect(easyReadTextProblems(long)[0]).toMatch(/A sentence of 18 words/);
    expect(easyReadTextProblems('I am here. You are here. We are here.')).toEqual([
      'More than 2 sentences on one line: I am here. You are here. We are here.',
    ]);
    expect(easyReadTextProblems('No full stop')).toEqual(['A sentence without a full stop: No full stop']);
    expect(easyReadTextProblems('  ')).toEqual(['The line has no words.']);
  });

  it('refuses jargon, numbers in words and money in pence, but not inside quotes', () => {
    expect(easyReadTextProblems('Your indicative allocation is ready.')).toEqual([
      '“allocation” is jargon: say “the money you get” instead: Your indicative allocation is ready.',
      '“indicative” is jargon: say “first idea of” instead: Your indicative allocation is ready.',
    ]);
    expect(easyReadTextProblems('You pay a contribution.')[0]).toMatch(/“contribution” is jargon/);
    expect(easyReadTextProblems('You get three hours.')).toEqual([
      'Write “three” as digits: You get three hours.',
    ]);
    expect(easyReadTextProblems('It costs 250p.')).toEqual(['Write money with £: It costs 250p.']);
    expect(easyReadTextProblems('We used “Budget policy 2026/27 v1”.')).toEqual([]);
    expect(
      easyReadTextProblems(
        `You said: ${quoted('I want the eligibility criteria explained to me, all twenty of them, in full detail please.')}.`,
      ),
    ).toEqual([]);
  });

  it('refuses a picture the catalogue does not have', () => {
    expect(easyReadProblems([{ picture: 'unicorn' as 'money', text: 'Hello.' }])).toEqual([
      'No picture called unicorn: Hello.',
    ]);
    expect(easyReadProblems([])).toEqual(['There are no lines.']);
  });

  it('keeps any words inside quotes as one quoted name whose quotes pair up', () => {
    fc.assert(
      fc.property(fc.string(), (words) => {
        expect(easyReadTextProblems(`You said: ${quoted(words)}.`)).toEqual([]);
      }),
    );
  });
});

describe('Easy Read numbers and money', () => {
  it('writes pounds with £, and pence only when there are some', () => {
    expect(easyMoney(24_500)).toBe('£245');
    expect(easyMoney(1_274_050)).toBe('£12,740.50');
    expect(easyMoney(5)).toBe('£0.05');
    expect(easyMoney(-1_000)).toBe('-£10');
    expect(easyNumber(3.5)).toBe('3.5');
    expect(easyNumber(7)).toBe('7');
  });

  it('writes every amount in digits with a £ the checker accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (pence) => {
        expect(easyMoney(pence)).toMatch(/^-?£[\d,]+(\.\d\d)?$/);
        expect(easyReadTextProblems(`It costs ${easyMoney(pence)} a week.`)).toEqual([]);
      }),
    );
  });
});

describe('when a page opens in Easy Read by itself', () => {
  it('for the person and their representative when the record asks for Easy Read, unless they asked for the standard page', () => {
    expect(opensInEasyRead(['easy_read'], 'self', {})).toBe(true);
    expect(opensInEasyRead(['bsl', 'easy_read'], 'representative', undefined)).toBe(true);
    expect(opensInEasyRead(['easy_read'], 'self', { version: 'standard' })).toBe(false);
    expect(opensInEasyRead(['bsl'], 'self', {})).toBe(false);
    expect(opensInEasyRead(['easy_read'], 'allocated_worker', {})).toBe(false);
    expect(opensInEasyRead(['easy_read'], 'circle_member', {})).toBe(false);
    expect(opensInEasyRead(['easy_read'], 'representative', { saved: 'sign' })).toBe(false);
    expect(mayOpenInEasyRead('self', {})).toBe(true);
  });

  it('gives each line its picture file and alt text', () => {
    expect(presentEasyRead([{ picture: 'house', text: 'Your home.' }])).toEqual([
      { text: 'Your home.', src: '/public/easy-read/house.svg', alt: 'A house' },
    ]);
  });
});
