import type { LetterAddressing } from './index.ts';

/** A made-up council and person for letter tests that need no database. */
export const TEST_ADDRESSING: LetterAddressing = {
  council: {
    name: 'Fake Council',
    addressLines: ['2 Nowhere Row', 'Faketown', 'ZZ9 9ZZ'],
    phone: '0131 496 0999',
    email: 'care@fake-council.example',
    website: null,
    howToContact: 'Phone us on weekdays.',
  },
  to: { name: 'Ailsa Fakename', addressLines: ['3 Test Lane', 'Faketown', 'ZZ9 9ZY'] },
  contact: 'Adult Community Care South',
  recordReference: 'SD-11111111',
};
