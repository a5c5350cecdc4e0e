import type { AuthorityPermission } from '../../platform/auth/policy.ts';

/**
 * Everything a council's administrator configures, one line each: the "Council set-up" page
 * (`/admin`) lists those the viewer may use, so every set-up page is reached by a link. A feature
 * that adds a set-up page adds its line here.
 */
export interface CouncilSetupPage {
  href: string;
  text: string;
  description: string;
  /** Shown to whoever holds this council-wide permission. */
  permission: AuthorityPermission;
}

export const COUNCIL_SETUP_PAGES: readonly CouncilSetupPage[] = [
  {
    href: '/admin/users',
    text: 'Staff accounts',
    description:
      'Invite staff into a team with a one-time link, move them between teams, and deactivate accounts.',
    permission: 'users.manage',
  },
  {
    href: '/admin/teams',
    text: 'Teams',
    description: 'Add, rename and close teams, say who each serves and which localities it covers.',
    permission: 'users.manage',
  },
  {
    href: '/admin/localities',
    text: 'Localities',
    description: 'The council’s own areas, chosen on each person’s record and used for equity by area.',
    permission: 'users.manage',
  },
  {
    href: '/admin/policies',
    text: 'Budget policies',
    description:
      'Support units and published rates: draft, check the re-pricing report, publish from a date.',
    permission: 'policy.preview',
  },
  {
    href: '/admin/charging',
    text: 'Charging policy',
    description:
      'What people pay towards their support: draft new figures, see the effect on contributions, publish from a date.',
    permission: 'policy.preview',
  },
  {
    href: '/admin/direct-payments',
    text: 'Direct-payment settings',
    description:
      'Surplus threshold, the council’s paying account, two-person approval of payment runs and the payment frequencies offered.',
    permission: 'payments.settings.read',
  },
  {
    href: '/admin/eligibility',
    text: 'Eligibility policy',
    description:
      'Which risk bands the council meets (Scotland) or its Care Act review route and signposting (England): draft, check who it affects, publish from a date.',
    permission: 'policy.preview',
  },
  {
    href: '/admin/options',
    text: 'Ways of getting support',
    description:
      'The SDS options (Scotland) or deployment routes (England) the council offers, and whether it funds a support organisation: draft, check, publish from a date.',
    permission: 'policy.preview',
  },
  {
    href: '/admin/funding-streams',
    text: 'Funding streams',
    description:
      'Where budget and plan money comes from: the national list, plus your own; rename and retire them.',
    permission: 'policy.manage',
  },
  {
    href: '/admin/council',
    text: 'Council details',
    description:
      'The address and contact details on every letter and on the public privacy notice, with their history.',
    permission: 'policy.manage',
  },
  {
    href: '/admin/import',
    text: 'Import an existing caseload',
    description:
      'Bring people, their representatives, circle and outcomes from the previous system as CSV files: templates, a check of every row, then one import.',
    permission: 'caseload.import',
  },
];
