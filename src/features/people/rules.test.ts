import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, compareDates } from '../../platform/dates.ts';
import {
  isChild,
  parentalAuthorityEndsOn,
  type Representative,
  representativeInScope,
  transitionStatus,
  validateConsentDates,
  validateDateOfBirth,
  validateRepresentative,
} from './rules.ts';

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const isoDateFrom2025 = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('isChild and transitionStatus', () => {
  it('counts a person as a child until their 18th birthday', () => {
    expect(isChild('2008-06-15', '2026-06-14')).toBe(true);
    expect(isChild('2008-06-15', '2026-06-15')).toBe(false);
  });
  it('plans the move to adult services from 14 until 18', () => {
    expect(transitionStatus('2012-06-15', '2026-06-14')).toBe('not_applicable');
    expect(transitionStatus('2012-06-15', '2026-06-15')).toBe('transition');
    expect(transitionStatus('2008-06-15', '2026-06-14')).toBe('transition');
    expect(transitionStatus('2008-06-15', '2026-06-15')).toBe('adult');
  });
  it('agrees with age for every pair of dates', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (dob, on) => {
        fc.pre(compareDates(dob, on) <= 0);
        const age = ageOn(dob, on);
        expect(isChild(dob, on)).toBe(age < 18);
        const status = transitionStatus(dob, on);
        expect(status === 'transition').toBe(age >= 14 && age < 18);
        expect(status === 'adult').toBe(!isChild(dob, on));
      }),
    );
  });
});

describe('validateDateOfBirth', () => {
  const today = '2026-03-01';
  it('accepts a real past date', () => {
    expect(validateDateOfBirth('1960-02-29', today)).toEqual([]);
    expect(validateDateOfBirth(today, today)).toEqual([]);
  });
  it('rejects empty, unreal and future dates', () => {
    expect(validateDateOfBirth(' ', today)).toEqual([
      { field: 'dateOfBirth', message: 'Enter a date of birth' },
    ]);
    expect(validateDateOfBirth('1961-02-29', today)[0]?.message).toBe('Date of birth must be a real date');
    expect(validateDateOfBirth('2026-03-02', today)[0]?.message).toBe('Date of birth must be in the past');
  });
  it('rejects a date more than 125 years ago', () => {
    expect(validateDateOfBirth('1901-03-01', today)).toEqual([]);
    expect(validateDateOfBirth('1901-02-28', today)[0]?.message).toMatch(/less than 125 years ago/);
  });
  it('accepts exactly the dates from 125 years ago up to today', () => {
    fc.assert(
      // From 2025, so 125 years back is never before 1900, the first year any date may have.
      fc.property(isoDateFrom2025, fc.integer({ min: -60_000, max: 2_000 }), (today, offset) => {
        const dob = addDays(today, offset);
        const ok = validateDateOfBirth(dob, today).length === 0;
        expect(ok).toBe(offset <= 0 && compareDates(dob, addMonths(today, -1500)) >= 0);
      }),
    );
  });
});

describe('validateConsentDates', () => {
  it('allows an open-ended consent and a one-day consent', () => {
    expect(validateConsentDates('2026-01-01')).toEqual([]);
    expect(validateConsentDates('2026-01-01', null)).toEqual([]);
    expect(validateConsentDates('2026-01-01', '2026-01-01')).toEqual([]);
  });
  it('rejects an end before the start, and unreal dates', () => {
    expect(validateConsentDates('2026-01-02', '2026-01-01')).toEqual([
      { field: 'endDate', message: 'End date must be the same as or after the start date' },
    ]);
    expect(validateConsentDates('2026-02-30', '2026-13-01').map((e) => e.field)).toEqual([
      'startDate',
      'endDate',
    ]);
  });
});

describe('validateRepresentative', () => {
  const attorney: Representative = {
    kind: 'welfare_power_of_attorney',
    powers: ['welfare_decisions', 'sign_support_plan'],
    startDate: '2025-01-01',
  };
  it('accepts a well-formed authority', () => {
    expect(validateRepresentative(attorney)).toEqual([]);
  });
  it('rejects a representative with no powers', () => {
    expect(validateRepresentative({ ...attorney, powers: [] })).toEqual([
      { field: 'powers', message: 'Select at least one thing the representative can do' },
    ]);
  });
  it('rejects unknown and duplicated powers', () => {
    const fields = validateRepresentative({
      ...attorney,
      powers: ['sell_house', 'view_record', 'view_record'],
    });
    expect(fields.map((e) => e.message)).toEqual([
      '"sell_house" is not a power a representative can hold',
      'Each power should be listed once',
    ]);
  });
  it('rejects powers the legal instrument does not grant', () => {
    expect(validateRepresentative({ ...attorney, powers: ['manage_direct_payment'] })[0]?.message).toBe(
      'A welfare power of attorney cannot manage the direct payment',
    );
    expect(
      validateRepresentative({
        ...attorney,
        kind: 'continuing_power_of_attorney',
        powers: ['welfare_decisions'],
      }),
    ).toHaveLength(1);
    expect(
      validateRepresentative({ ...attorney, kind: 'appointee', powers: ['financial_decisions'] }),
    ).toEqual([]);
  });
  it('rejects an unknown kind and an end before the start', () => {
    const errors = validateRepresentative({
      ...attorney,
      kind: 'friend' as Representative['kind'],
      endDate: '2024-12-31',
    });
    expect(errors.map((e) => e.field)).toEqual(['kind', 'endDate']);
  });

  describe('a parent', () => {
    const parent: Representative = {
      kind: 'parent_with_parental_responsibility',
      powers: ['welfare_decisions', 'sign_support_plan'],
      startDate: '2020-01-01',
      endDate: '2026-06-14',
    };
    it('acts until the day before 16 in Scotland and 18 in England', () => {
      expect(parentalAuthorityEndsOn('2010-06-15', 'scotland')).toBe('2026-06-14');
      expect(parentalAuthorityEndsOn('2010-06-15', 'england')).toBe('2028-06-14');
      // Born on a leap day: comes of age on 1 March in a common year.
      expect(parentalAuthorityEndsOn('2008-02-29', 'england')).toBe('2026-02-28');
      expect(parentalAuthorityEndsOn('2008-02-29', 'scotland')).toBe('2024-02-28');
      expect(parentalAuthorityEndsOn('2007-02-28', 'england')).toBe('2025-02-27');
    });
    it('is valid while the child is under the age limit', () => {
      expect(validateRepresentative(parent, { dateOfBirth: '2010-06-15', nation: 'scotland' })).toEqual([]);
    });
    it('needs the end date set no later than the age limit', () => {
      const scotland = { dateOfBirth: '2010-06-15', nation: 'scotland' as const };
      expect(validateRepresentative({ ...parent, endDate: '2026-06-15' }, scotland)).toEqual([
        {
          field: 'endDate',
          message:
            "A parent's authority ends when the person turns 16 — set the end date to 2026-06-14 or earlier",
        },
      ]);
      expect(validateRepresentative({ ...parent, endDate: null }, scotland)[0]?.field).toBe('endDate');
    });
    it('cannot start once the person has reached the age limit', () => {
      const errors = validateRepresentative(
        { ...parent, startDate: '2026-06-15', endDate: '2027-01-01' },
        { dateOfBirth: '2010-06-15', nation: 'scotland' },
      );
      expect(errors[0]?.message).toMatch(/once the person is 16/);
    });
    it("needs the person's date of birth", () => {
      expect(validateRepresentative(parent)[0]?.field).toBe('kind');
    });
    it('parental authority always ends before the age at which the person is an adult in law', () => {
      fc.assert(
        fc.property(isoDate, fc.constantFrom('scotland' as const, 'england' as const), (dob, nation) => {
          const endsOn = parentalAuthorityEndsOn(dob, nation);
          const limit = nation === 'scotland' ? 16 : 18;
          expect(ageOn(dob, endsOn)).toBe(limit - 1);
          expect(ageOn(dob, addDays(endsOn, 1))).toBe(limit);
        }),
      );
    });
  });
});

describe('representativeInScope', () => {
  const rep: Representative = {
    kind: 'welfare_guardian',
    powers: ['sign_support_plan'],
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  };
  it('holds a power from the start date to the end date inclusive', () => {
    expect(representativeInScope(rep, 'sign_support_plan', '2025-12-31')).toBe(false);
    expect(representativeInScope(rep, 'sign_support_plan', '2026-01-01')).toBe(true);
    expect(representativeInScope(rep, 'sign_support_plan', '2026-12-31')).toBe(true);
    expect(representativeInScope(rep, 'sign_support_plan', '2027-01-01')).toBe(false);
  });
  it('never grants a power that was not given', () => {
    expect(representativeInScope(rep, 'manage_direct_payment', '2026-06-01')).toBe(false);
  });
  it('has no end while the end date is open', () => {
    expect(representativeInScope({ ...rep, endDate: null }, 'sign_support_plan', '2099-01-01')).toBe(true);
  });
  it('is in scope exactly when the power is held and the date is inside the period', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 0, max: 400 }),
        isoDate,
        fc.boolean(),
        (start, length, on, held) => {
          const r: Representative = {
            ...rep,
            powers: held ? ['sign_support_plan'] : ['view_record'],
            startDate: start,
            endDate: addDays(start, length),
          };
          const inside = compareDates(on, start) >= 0 && compareDates(on, addDays(start, length)) <= 0;
          expect(representativeInScope(r, 'sign_support_plan', on)).toBe(held && inside);
        },
      ),
    );
  });
});
