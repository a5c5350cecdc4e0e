/**
 * Restrictions on how budget money may be used. Flexible use is the default; a restriction
 * is a justified exception, so each one says why, who decided, and when it will be looked at again.
 */
import { compareDates, type IsoDate, isIsoDate } from '../../../platform/dates.ts';
import type { FieldError } from '../../../platform/http/problem.ts';

export const RESTRICTION_REASON_KINDS = {
  legal_order: 'A legal order',
  safeguarding_decision: 'A safeguarding decision',
  policy_clause: 'A clause in council policy',
} as const;
export type RestrictionReasonKind = keyof typeof RESTRICTION_REASON_KINDS;

export interface Restriction {
  description: string;
  reasonKind: RestrictionReasonKind;
  /** The order, the safeguarding decision, or the policy clause (e.g. "Direct payments policy 4.2"). */
  reasonDetail: string;
  decidedBy: string;
  decidedOn: IsoDate;
  reviewOn: IsoDate;
}

const DETAIL_MESSAGES: Record<RestrictionReasonKind, string> = {
  legal_order: 'Name the legal order',
  safeguarding_decision: 'Say which safeguarding decision this comes from',
  policy_clause: 'Name the policy clause',
};

export function validateRestriction(restriction: Restriction): FieldError[] {
  const errors: FieldError[] = [];
  if (restriction.description.trim() === '') {
    errors.push({ field: 'description', message: 'Describe what the money cannot be used for' });
  }
  const knownKind = Object.hasOwn(RESTRICTION_REASON_KINDS, restriction.reasonKind);
  if (!knownKind) {
    errors.push({ field: 'reasonKind', message: 'Say why this restriction is needed' });
  } else if (restriction.reasonDetail.trim() === '') {
    errors.push({ field: 'reasonDetail', message: DETAIL_MESSAGES[restriction.reasonKind] });
  }
  if (restriction.decidedBy.trim() === '') {
    errors.push({ field: 'decidedBy', message: 'Enter who decided this restriction' });
  }
  const decidedOk = isIsoDate(restriction.decidedOn);
  if (!decidedOk) errors.push({ field: 'decidedOn', message: 'Enter the date it was decided' });
  if (!isIsoDate(restriction.reviewOn)) {
    errors.push({ field: 'reviewOn', message: 'Enter the date it will be reviewed' });
  } else if (decidedOk && compareDates(restriction.reviewOn, restriction.decidedOn) <= 0) {
    // A restriction that is never revisited becomes permanent by default.
    errors.push({ field: 'reviewOn', message: 'The review date must be after the date it was decided' });
  }
  return errors;
}
