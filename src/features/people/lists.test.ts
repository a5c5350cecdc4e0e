import { describe, expect, it } from 'vitest';
import { supportOfferSentence } from './lists.ts';

describe('support offers on the timeline', () => {
  it('reads as a sentence made of the labels, never the stored codes', () => {
    expect(supportOfferSentence('advocacy', 'conversation', 'accepted', null)).toBe(
      'Independent advocacy offered at the good conversation — accepted',
    );
    expect(supportOfferSentence('communication', 'planning', 'offered', 'Deaf Action')).toBe(
      'Communication support from Deaf Action offered at support planning — waiting for an answer',
    );
    expect(supportOfferSentence('advocacy', 'review', 'declined', null)).toBe(
      'Independent advocacy offered at the review — declined',
    );
  });
});
