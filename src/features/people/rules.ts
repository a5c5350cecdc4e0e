/**
 * Rules about the person and the people who may act for them. Pure: "today" and every
 * other date is passed in, so the same answer comes back on any server on any day.
 */
import { addDays, addMonths, ageOn, compareDates, type IsoDate, isIsoDate } from '../../platform/dates.ts';
import type { FieldError } from '../../platform/http/problem.ts';

export type Nation = 'scotland' | 'england';

export const ADULT_AGE = 18;
/** Transition planning starts at 14 (SDS Standard 10: early planning for transitions). */
export const TRANSITION_PLANNING_AGE = 14;
/** Older than this is almost certainly a typing mistake in the year. */
export const OLDEST_PLAUSIBLE_AGE = 125;

export function isChild(dateOfBirth: IsoDate, on: IsoDate): boolean {
  return ageOn(dateOfBirth, on) < ADULT_AGE;
}

export type TransitionStatus = 'not_applicable' | 'transition' | 'adult';

/** A child moving to adult services has their move planned from 14 until they turn 18. */
export function transitionStatus(dateOfBirth: IsoDate, on: IsoDate): TransitionStatus {
  const age = ageOn(dateOfBirth, on);
  if (age >= ADULT_AGE) return 'adult';
  if (age >= TRANSITION_PLANNING_AGE) return 'transition';
  return 'not_applicable';
}

/**
 * A date of birth typed as 'YYYY-MM-DD'. It must be a real date, not after today, and no
 * more than 125 years ago (someone who is exactly 125 today is accepted).
 */
export function validateDateOfBirth(text: string, today: IsoDate): FieldError[] {
  const field = 'dateOfBirth';
  const value = text.trim();
  if (value === '') return [{ field, message: 'Enter a date of birth' }];
  if (!isIsoDate(value)) return [{ field, message: 'Date of birth must be a real date' }];
  if (compareDates(value, today) > 0) return [{ field, message: 'Date of birth must be in the past' }];
  if (compareDates(value, addMonths(today, -12 * OLDEST_PLAUSIBLE_AGE)) < 0) {
    return [
      {
        field,
        message: `Date of birth must be less than ${OLDEST_PLAUSIBLE_AGE} years ago — check the year`,
      },
    ];
  }
  return [];
}

/** Consent runs from a start date until an end date, or until withdrawn when there is no end date. */
export function validateConsentDates(startDate: string, endDate?: string | null): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(startDate)) errors.push({ field: 'startDate', message: 'Enter the date consent starts' });
  if (endDate !== undefined && endDate !== null && endDate !== '') {
    if (!isIsoDate(endDate)) errors.push({ field: 'endDate', message: 'End date must be a real date' });
    else if (isIsoDate(startDate) && compareDates(endDate, startDate) < 0) {
      errors.push({ field: 'endDate', message: 'End date must be the same as or after the start date' });
    }
  }
  return errors;
}

export const REPRESENTATIVE_KINDS = {
  parent_with_parental_responsibility: 'Parent with parental responsibility',
  welfare_guardian: 'Welfare guardian',
  welfare_power_of_attorney: 'Welfare power of attorney',
  continuing_power_of_attorney: 'Continuing (financial) power of attorney',
  appointee: 'Appointee for benefits',
} as const;
export type RepresentativeKind = keyof typeof REPRESENTATIVE_KINDS;

export const REPRESENTATIVE_POWERS = {
  welfare_decisions: 'Make decisions about care and welfare',
  financial_decisions: 'Make decisions about money',
  view_record: 'See the record',
  sign_support_plan: 'Sign the support plan',
  manage_direct_payment: 'Manage the direct payment',
} as const;
export type RepresentativePower = keyof typeof REPRESENTATIVE_POWERS;

/**
 * Powers a kind of authority can never carry, because the legal instrument does not grant
 * them: a welfare attorney has no say over money, a continuing (financial) attorney and a
 * benefits appointee have no say over welfare. A guardianship order or parental
 * responsibility can cover both.
 */
const POWERS_OUTSIDE_AUTHORITY: Record<RepresentativeKind, readonly RepresentativePower[]> = {
  parent_with_parental_responsibility: [],
  welfare_guardian: [],
  welfare_power_of_attorney: ['financial_decisions', 'manage_direct_payment'],
  continuing_power_of_attorney: ['welfare_decisions'],
  appointee: ['welfare_decisions'],
};

export interface Representative {
  kind: RepresentativeKind;
  powers: readonly string[];
  startDate: IsoDate;
  /** Last day the authority applies (inclusive); null or absent while it has no end. */
  endDate?: IsoDate | null;
}

/**
 * The last day a parent can act for their child because of parental responsibility.
 * Scotland: parental rights end at 16 (Children (Scotland) Act 1995 ss.1–2; Age of Legal
 * Capacity (Scotland) Act 1991). England: parental responsibility lasts until 18 (Children
 * Act 1989). After that a parent needs another authority (guardianship, attorney) to act.
 */
export function parentalAuthorityEndsOn(dateOfBirth: IsoDate, nation: Nation): IsoDate {
  const endingAge = nation === 'scotland' ? 16 : 18;
  let birthday = addMonths(dateOfBirth, 12 * endingAge);
  // Someone born on 29 February comes of age on 1 March in a common year, as ageOn counts it.
  if (ageOn(dateOfBirth, birthday) < endingAge) birthday = addDays(birthday, 1);
  // On the birthday itself the young person decides for themselves.
  return addDays(birthday, -1);
}

/**
 * Checks one representative's authority. For a parent, the person's date of birth and the
 * nation are needed: the authority must end no later than `parentalAuthorityEndsOn`.
 */
export function validateRepresentative(
  rep: Representative,
  person?: { dateOfBirth: IsoDate; nation: Nation },
): FieldError[] {
  const errors: FieldError[] = [];
  const knownKind = Object.hasOwn(REPRESENTATIVE_KINDS, rep.kind);
  if (!knownKind) errors.push({ field: 'kind', message: 'Select the kind of legal authority' });

  if (rep.powers.length === 0) {
    errors.push({ field: 'powers', message: 'Select at least one thing the representative can do' });
  }
  for (const power of rep.powers) {
    if (!Object.hasOwn(REPRESENTATIVE_POWERS, power)) {
      errors.push({ field: 'powers', message: `"${power}" is not a power a representative can hold` });
    } else if (knownKind && POWERS_OUTSIDE_AUTHORITY[rep.kind].includes(power as RepresentativePower)) {
      const what = REPRESENTATIVE_POWERS[power as RepresentativePower].toLowerCase();
      errors.push({
        field: 'powers',
        message: `A ${REPRESENTATIVE_KINDS[rep.kind].toLowerCase()} cannot ${what}`,
      });
    }
  }
  if (new Set(rep.powers).size !== rep.powers.length) {
    errors.push({ field: 'powers', message: 'Each power should be listed once' });
  }

  errors.push(...validateConsentDates(rep.startDate, rep.endDate));

  if (rep.kind === 'parent_with_parental_responsibility') {
    if (!person) {
      errors.push({
        field: 'kind',
        message: "Enter the person's date of birth to record a parent as representative",
      });
    } else {
      const endsOn = parentalAuthorityEndsOn(person.dateOfBirth, person.nation);
      const ageLimit = person.nation === 'scotland' ? 16 : 18;
      if (isIsoDate(rep.startDate) && compareDates(rep.startDate, endsOn) > 0) {
        errors.push({
          field: 'kind',
          message: `A parent cannot act as representative once the person is ${ageLimit} — record another kind of authority`,
        });
      } else if (!rep.endDate || compareDates(rep.endDate, endsOn) > 0) {
        errors.push({
          field: 'endDate',
          message: `A parent's authority ends when the person turns ${ageLimit} — set the end date to ${endsOn} or earlier`,
        });
      }
    }
  }
  return errors;
}

/** Whether the representative may use this power on this date (start and end are inclusive). */
export function representativeInScope(rep: Representative, power: RepresentativePower, on: IsoDate): boolean {
  if (!rep.powers.includes(power)) return false;
  if (compareDates(on, rep.startDate) < 0) return false;
  if (rep.endDate && compareDates(on, rep.endDate) > 0) return false;
  return true;
}
