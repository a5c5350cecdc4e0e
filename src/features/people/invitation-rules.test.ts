import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/dates.ts';
import {
  CHECK_CODE_ALPHABET,
  CHOSEN_SCOPES,
  checkCodeFrom,
  grantFor,
  INVITATION_KINDS,
  invitationState,
  kindsInvitableBy,
  MAX_FAILED_CHECKS,
  mayRevoke,
  normaliseCheckCode,
  RECORD_INVITATION_DAYS,
  recordInvitationExpiry,
  triesLeft,
} from './invitation-rules.ts';

const instant = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true });
const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n));
const powers = fc.subarray([
  'view_record',
  'welfare_decisions',
  'financial_decisions',
  'sign_support_plan',
  'manage_direct_payment',
  'contribute',
]);

describe('invitation expiry', () => {
  it('a new record invitation is pending until 14 days have passed, then expired', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 86_400_000 }), (created, later) => {
        const invitation = {
          usedAt: null,
          revokedAt: null,
          expiresAt: recordInvitationExpiry(created),
          failedChecks: 0,
        };
        const now = new Date(created.getTime() + later);
        const expected = later < RECORD_INVITATION_DAYS * 86_400_000 ? 'pending' : 'expired';
        expect(invitationState(invitation, now)).toBe(expected);
      }),
    );
  });

  it('accepted and revoked are final whatever the clock or the wrong checks say', () => {
    fc.assert(
      fc.property(instant, instant, fc.nat(20), (at, now, failed) => {
        const base = { expiresAt: at, failedChecks: failed };
        expect(invitationState({ ...base, usedAt: at, revokedAt: null }, now)).toBe('accepted');
        expect(invitationState({ ...base, usedAt: null, revokedAt: at }, now)).toBe('revoked');
      }),
    );
  });
});

describe('check attempts', () => {
  it('stops the link at exactly five wrong answers, counting down the tries left', () => {
    fc.assert(
      fc.property(fc.nat(20), (failed) => {
        const state = invitationState(
          { usedAt: null, revokedAt: null, expiresAt: new Date('2999-01-01'), failedChecks: failed },
          new Date('2026-01-01'),
        );
        expect(state).toBe(failed >= MAX_FAILED_CHECKS ? 'stopped' : 'pending');
        expect(triesLeft(failed)).toBe(Math.max(0, 5 - failed));
      }),
    );
  });

  it('a check code uses only the readable alphabet and survives being typed in lower case with spaces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = checkCodeFrom(bytes);
        expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
        for (const c of code.replace('-', '')) expect(CHECK_CODE_ALPHABET).toContain(c);
        const typed = ` ${code.toLowerCase().replace('-', ' ')} `;
        expect(normaliseCheckCode(typed)).toBe(code.replace('-', ''));
      }),
    );
  });
});

describe('which powers a kind gets', () => {
  it('a representative gets exactly the representative’s powers and dates', () => {
    fc.assert(
      fc.property(powers, day, fc.option(day, { nil: null }), day, (p, startDate, endDate, today) => {
        const grant = grantFor(
          'representative',
          { representative: { powers: p, startDate, endDate } },
          today,
        );
        expect(grant).toEqual({
          powers: p,
          validFrom: startDate,
          validTo: endDate,
          consentWithdrawnOn: null,
        });
      }),
    );
  });

  it('a circle member gets the consent scope and dates the person chose', () => {
    fc.assert(
      fc.property(
        fc.subarray(['view_record', 'contribute']),
        day,
        fc.option(day, { nil: null }),
        fc.option(day, { nil: null }),
        day,
        (maySee, consentFrom, consentTo, consentWithdrawnOn, today) => {
          const grant = grantFor(
            'circle_member',
            { circleMember: { maySee, consentFrom, consentTo, consentWithdrawnOn } },
            today,
          );
          expect(grant).toEqual({
            powers: maySee,
            validFrom: consentFrom,
            validTo: consentTo,
            consentWithdrawnOn,
          });
        },
      ),
    );
  });

  it('any other kind gets no more than its kind may be given, from today', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('self', 'advocate', 'support_organisation', 'provider' as const),
        powers,
        day,
        (kind, chosen, today) => {
          const grant = grantFor(kind, { chosen }, today);
          const allowed = CHOSEN_SCOPES[kind] ?? [];
          for (const p of grant.powers) expect(allowed).toContain(p);
          expect(grant.validFrom).toBe(today);
          expect(grant.validTo).toBeNull();
        },
      ),
    );
  });
});

describe('who may invite and stop invitations', () => {
  it('case holders invite every kind; the person or a representative only their circle; others nobody', () => {
    expect(kindsInvitableBy('allocated_worker')).toEqual(INVITATION_KINDS);
    expect(kindsInvitableBy('team')).toEqual(INVITATION_KINDS);
    expect(kindsInvitableBy('self')).toEqual(['circle_member']);
    expect(kindsInvitableBy('representative')).toEqual(['circle_member']);
    for (const k of ['break_glass', 'circle_member', 'provider', 'authority', 'none'] as const)
      expect(kindsInvitableBy(k)).toEqual([]);
  });

  it('the person or a representative stop only what they sent', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (viewer, sender) => {
        expect(mayRevoke('team', viewer, sender)).toBe(true);
        expect(mayRevoke('self', viewer, sender)).toBe(viewer === sender);
        expect(mayRevoke('representative', viewer, sender)).toBe(viewer === sender);
        expect(mayRevoke('break_glass', viewer, sender)).toBe(false);
      }),
    );
  });
});
