import { describe, expect, it } from 'vitest';
import { type Restriction, validateRestriction } from './restrictions.ts';

const restriction: Restriction = {
  description: 'Not to be used to pay for alcohol',
  reasonKind: 'policy_clause',
  reasonDetail: 'Direct payments policy 2026, clause 4.2',
  decidedBy: 'Team manager, North team',
  decidedOn: '2026-01-10',
  reviewOn: '2026-07-10',
};

describe('validateRestriction', () => {
  it('accepts a restriction with a reason, a decision and a later review', () => {
    expect(validateRestriction(restriction)).toEqual([]);
  });
  it('rejects a restriction with no reason', () => {
    const errors = validateRestriction({
      ...restriction,
      reasonKind: '' as Restriction['reasonKind'],
      reasonDetail: '',
    });
    expect(errors).toEqual([{ field: 'reasonKind', message: 'Say why this restriction is needed' }]);
  });
  it('asks for the detail that fits the kind of reason', () => {
    const message = (reasonKind: Restriction['reasonKind']) =>
      validateRestriction({ ...restriction, reasonKind, reasonDetail: ' ' })[0]?.message;
    expect(message('policy_clause')).toBe('Name the policy clause');
    expect(message('legal_order')).toBe('Name the legal order');
    expect(message('safeguarding_decision')).toBe('Say which safeguarding decision this comes from');
  });
  it('needs a review date after the decision', () => {
    expect(validateRestriction({ ...restriction, reviewOn: '2026-01-10' })).toEqual([
      { field: 'reviewOn', message: 'The review date must be after the date it was decided' },
    ]);
    expect(validateRestriction({ ...restriction, reviewOn: '2025-12-01' })[0]?.field).toBe('reviewOn');
  });
  it('needs a description, who decided and real dates', () => {
    const errors = validateRestriction({
      ...restriction,
      description: '',
      decidedBy: '',
      decidedOn: '2026-02-30',
      reviewOn: 'soon',
    });
    expect(errors.map((e) => e.field)).toEqual(['description', 'decidedBy', 'decidedOn', 'reviewOn']);
  });
});
