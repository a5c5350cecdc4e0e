import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonPermission } from '../../platform/auth/policy.ts';
import { supportHome } from './my-support.ts';

const PERSON = '00000000-0000-4000-8000-000000000001';
const PERMISSIONS: PersonPermission[] = [
  'record.read',
  'money.read',
  'audit.own',
  'access.read',
  'invitations.manage',
];
const hrefsOf = (allowed: ReadonlySet<string>, self = true) =>
  supportHome({
    personId: PERSON,
    name: 'Callum',
    self,
    allowed: (p) => allowed.has(p),
    statuses: {},
  }).flatMap((section) => section.links.map((link) => link.href));

describe('supportHome', () => {
  it('offers every part to the person, and only the account to someone the record is closed to', () => {
    expect(hrefsOf(new Set(PERMISSIONS))).toHaveLength(17);
    expect(hrefsOf(new Set())).toEqual(['/account']);
  });

  it('never offers a part whose permission the viewer lacks, whatever they hold', () => {
    fc.assert(
      fc.property(fc.subarray(PERMISSIONS), fc.boolean(), (held, self) => {
        const hrefs = hrefsOf(new Set(held), self);
        const money = hrefs.filter((href) => /\/(payments|charging)$/.test(href));
        const audit = hrefs.filter((href) => /\/(who-looked|export)$/.test(href));
        expect(money.length > 0).toBe(held.includes('money.read'));
        expect(audit.length > 0).toBe(held.includes('audit.own'));
        expect(hrefs.some((href) => href.endsWith('/who-can-see'))).toBe(held.includes('access.read'));
        expect(hrefs.some((href) => href.endsWith('/invitations/new'))).toBe(
          held.includes('invitations.manage'),
        );
        expect(hrefs.some((href) => href.endsWith('/plan'))).toBe(held.includes('record.read'));
        // Every link stays on this person's record (or the viewer's own account).
        for (const href of hrefs)
          expect(
            href === '/account' || href.startsWith(`/my/${PERSON}/`) || href.startsWith(`/people/${PERSON}/`),
          ).toBe(true);
      }),
    );
  });

  it('says where each part stands in plain words', () => {
    const statuses = supportHome({
      personId: PERSON,
      name: 'Callum',
      self: false,
      allowed: () => true,
      statuses: {
        outcomes: 0,
        ownWords: 3,
        eligibility: null,
        budget: { weeklyAmount: 29252, agreed: true },
        options: { chosen: 1, outcomes: 2 },
        plan: { state: 'agreed', decidedOn: '2026-11-03' },
        payment: null,
        contribution: { weeklyContribution: 2928 },
      },
    })
      .flatMap((section) => section.links)
      .filter((link) => link.status)
      .map((link) => `${link.text}: ${link.status}`);
    expect(statuses).toEqual([
      'What Callum wants: Nothing written down yet',
      'What Callum said: 3 things in their own words',
      'Can the council pay for support?: No decision yet',
      'Callum’s budget and how it was worked out: £292.52 a week, agreed',
      'How Callum wants their support arranged: Chosen for 1 of 2',
      'Callum’s support plan: Agreed on 3 November 2026',
      'Callum’s payments and statements: No direct payment',
      'What Callum pays towards their support: £29.28 a week',
    ]);
  });
});
