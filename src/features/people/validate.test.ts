import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readForm } from '../../platform/http/question-flow.ts';
import { EMPTY_PERSON } from './service.ts';
import {
  checkCircleMember,
  checkEquality,
  checkLegalOrder,
  checkPerson,
  linesOf,
  normalisePostcode,
} from './validate.ts';

const context = { today: '2026-11-24', clientGroups: ['older_people', 'other'] };
const valid = {
  ...EMPTY_PERSON,
  legalName: 'Ishbel Mackenzie',
  dateOfBirth: '1945-03-12',
  clientGroup: 'older_people',
};

describe('checkPerson', () => {
  it('accepts a minimal record and stores identifiers as digits and postcodes in capitals', () => {
    const result = checkPerson(
      { ...valid, chiNumber: '120345 6786', nhsNumber: '943-476-5919', postcode: 'eh11  2aa' },
      context,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { chiNumber: '1203456786', nhsNumber: '9434765919', postcode: 'EH11 2AA' },
    });
  });
  it('names every field that is wrong', () => {
    const result = checkPerson(
      {
        ...valid,
        legalName: ' ',
        dateOfBirth: '1990-02-30',
        chiNumber: '1203456787',
        nhsNumber: '9434765918',
        clientGroup: 'x',
        crisis: true,
      },
      context,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.field)).toEqual([
        'legalName',
        'dateOfBirth',
        'chiNumber',
        'nhsNumber',
        'clientGroup',
        'crisisReason',
      ]);
  });
  it('refuses a CHI number that does not match the date of birth', () => {
    const result = checkPerson({ ...valid, dateOfBirth: '1945-03-13', chiNumber: '1203456786' }, context);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'chiNumber', message: 'The CHI number does not match the date of birth — check both' },
      ],
    });
  });
  it('never accepts a date of birth in the future', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), (days) => {
        const future = new Date(Date.UTC(2026, 10, 24 + days)).toISOString().slice(0, 10);
        expect(checkPerson({ ...valid, dateOfBirth: future }, context).ok).toBe(false);
      }),
    );
  });
});

describe('the other parts', () => {
  it('refuses consent that ends before it starts', () => {
    const errors = checkCircleMember({
      name: 'Jean',
      relationship: 'Friend',
      maySee: [],
      consentFrom: '2025-05-01',
      consentTo: '2025-04-30',
      accountEmail: null,
    });
    expect(errors.map((e) => e.field)).toEqual(['consentTo']);
  });
  it('allows "prefer not to say" for every equality answer, and nothing off the list', () => {
    const all = {
      ethnicity: 'prefer_not_to_say',
      disability: 'prefer_not_to_say',
      sex: 'prefer_not_to_say',
      genderIdentity: 'prefer_not_to_say',
      religion: 'prefer_not_to_say',
    };
    expect(checkEquality(all)).toEqual([]);
    expect(checkEquality({ ...all, sex: 'sometimes' }).map((e) => e.field)).toEqual(['sex']);
  });
  it('needs at least one non-negotiable condition for a legal order', () => {
    expect(
      checkLegalOrder({
        kind: 'community_payback',
        reference: null,
        madeBy: null,
        startDate: '2025-01-01',
        endDate: null,
        nonNegotiables: linesOf('\n  \n'),
      }).map((e) => e.field),
    ).toEqual(['nonNegotiables']);
  });
  it('formats postcodes it recognises and leaves others as typed', () => {
    expect(normalisePostcode(' g1  1aa')).toBe('G1 1AA');
    expect(normalisePostcode('not a postcode')).toBe('NOT A POSTCODE');
  });
});

describe('readForm', () => {
  it('joins the three date boxes and keeps checkbox answers as a list', () => {
    const values = readForm(
      [
        { name: 'dob', label: 'Date', type: 'date' },
        { name: 'needs', label: 'Needs', type: 'checkboxes' },
      ],
      { 'dob-day': '2', 'dob-month': '6', 'dob-year': '2011', needs: 'bsl' },
    );
    expect(values.dob).toBe('2011-06-02');
    expect(values.needs).toEqual(['bsl']);
  });
});
