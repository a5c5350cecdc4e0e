import { describe, expect, it } from 'vitest';
import { aboutMeFromConversation, withAboutMe } from './about-me.ts';

const unwritten: { aboutMe?: string } = {};

const conversation = {
  heldOn: '2026-03-03',
  entries: [
    {
      section: 'what_matters' as const,
      sectionLabel: 'What matters to me',
      text: 'Seeing my grandchildren every Sunday.',
      ownWords: true,
      saidBy: 'the person',
      typedBy: 'Sam Okafor (social worker)',
    },
    {
      section: 'what_matters' as const,
      sectionLabel: 'What matters to me',
      text: 'Keeping the garden tidy',
      ownWords: false,
      saidBy: 'the person',
      typedBy: 'Agnes Thomson',
    },
    {
      section: 'strengths' as const,
      sectionLabel: 'My strengths',
      text: 'She never gives up.',
      ownWords: false,
      saidBy: 'Jean (a family member or friend)',
      typedBy: null,
    },
  ],
};

describe('About me from the good conversation', () => {
  it('quotes the person’s own words and says who said and who typed everything, section by section', () => {
    expect(aboutMeFromConversation(conversation)?.split('\n')).toEqual([
      'From the good conversation on 3 March 2026.',
      '',
      'What matters to me',
      '“Seeing my grandchildren every Sunday.” (in my own words · typed by Sam Okafor (social worker))',
      'Keeping the garden tidy (what I said, not in my exact words · typed by Agnes Thomson)',
      '',
      'My strengths',
      'She never gives up. (said by Jean (a family member or friend) · who typed it was not recorded)',
    ]);
  });
  it('gives nothing when the conversation says nothing about the person', () => {
    expect(aboutMeFromConversation(null)).toBeNull();
    expect(aboutMeFromConversation({ heldOn: '2026-03-03', entries: [] })).toBeNull();
  });
  it('never replaces words already written in the plan, even an emptied box', () => {
    expect(withAboutMe({ aboutMe: 'I am Sam.' }, 'From the conversation').aboutMe).toBe('I am Sam.');
    expect(withAboutMe({ aboutMe: '' }, 'From the conversation').aboutMe).toBe('');
    expect(withAboutMe(unwritten, 'From the conversation').aboutMe).toBe('From the conversation');
    expect(withAboutMe(unwritten, null).aboutMe).toBeUndefined();
  });
});
