import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_PATTERN,
  type CouncilDetails,
  codeError,
  DETAIL_FIELDS,
  detailErrors,
  type NewCouncil,
  newCouncilErrors,
  tidyDetails,
} from './rules.ts';

const details: CouncilDetails = {
  name: 'Testshire County Council',
  addressLine1: 'County Hall',
  addressLine2: '',
  town: 'Testbury',
  postcode: 'zz9 9zz',
  phone: '',
  email: 'care@testshire.example',
  website: '',
  howToContact: '',
  dataControllerName: 'Testshire County Council',
  dataControllerAddress: 'County Hall, Testbury',
  dataControllerEmail: 'info@testshire.example',
  dataProtectionOfficerEmail: 'dpo@testshire.example',
  dataProtectionOfficerPhone: '',
  icoRegistrationNumber: 'za123456',
};
const council: NewCouncil = {
  ...details,
  nation: 'england',
  code: 'testshire',
  administratorName: 'Tess Tester',
  administratorEmail: 'tess@testshire.example',
};

describe('a new council’s answers', () => {
  it('accepts a whole set, tidied (postcode and ICO number in capitals, blanks stay blank)', () => {
    expect(newCouncilErrors(council)).toEqual([]);
    expect(tidyDetails(details)).toMatchObject({
      postcode: 'ZZ9 9ZZ',
      icoRegistrationNumber: 'ZA123456',
      phone: '',
    });
  });

  it('names every missing required answer at once, and no optional one', () => {
    const blank = Object.fromEntries(Object.keys(council).map((k) => [k, ''])) as unknown as NewCouncil;
    const fields = newCouncilErrors(blank).map((e) => e.field);
    expect(fields).toEqual([
      'nation',
      'name',
      'code',
      'addressLine1',
      'town',
      'postcode',
      'email',
      'dataControllerName',
      'dataControllerAddress',
      'dataControllerEmail',
      'dataProtectionOfficerEmail',
      'icoRegistrationNumber',
      'administratorName',
      'administratorEmail',
    ]);
  });

  it('refuses a nation that is not Scotland or England, and formats that are wrong', () => {
    expect(newCouncilErrors({ ...council, nation: 'wales' }).map((e) => e.field)).toEqual(['nation']);
    for (const [field, value] of [
      ['postcode', 'not a postcode'],
      ['phone', 'call me'],
      ['website', 'testshire'],
      ['icoRegistrationNumber', '1234567'],
      ['dataProtectionOfficerEmail', 'dpo at testshire'],
    ] as const)
      expect(detailErrors({ ...details, [field]: value }).map((e) => e.field)).toEqual([field]);
  });

  it('refuses any answer longer than its field holds, whatever it is', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DETAIL_FIELDS),
        fc.integer({ min: 601, max: 10_000 }),
        (field, length) => {
          const errors = detailErrors({ ...details, [field]: 'a'.repeat(length) });
          return errors.some((e) => e.field === field);
        },
      ),
    );
  });

  it('accepts a code exactly when it is lower case, digits and inner dashes, 40 characters at most', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (code) => {
        const ok = codeError(code) === null;
        const trimmed = code.trim();
        return ok === (trimmed.length > 0 && trimmed.length <= 40 && CODE_PATTERN.test(trimmed));
      }),
    );
    expect(codeError('demo-borough')).toBeNull();
    for (const bad of ['Demo', 'demo borough', '-demo', 'demo-', 'démo', 'a'.repeat(41), '../x'])
      expect([bad, codeError(bad)?.field]).toEqual([bad, 'code']);
  });
});
